"""Request shapes of the credit-repair endpoints (responses are built in service.py)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from getitong.common.schemas import Id
from getitong.credit.models import MaterialType
from getitong.credit.workflow import Action, CreditStatus
from getitong.risk.workflow import ListingKind

# Row ids are 64-bit keys: anything larger names nothing (and would overflow the driver).
Phone = Annotated[str, Field(pattern=r"^1[3-9]\d{9}$", description="11 位手机号")]


def _strip(value: str) -> str:
    return value.strip()


class BusinessRef(BaseModel):
    """One of the person's own businesses (business_id), or another one named by USCC + legal
    representative (经营者) name + ID number, which must all match the register."""

    model_config = ConfigDict(extra="forbid")

    business_id: Id | None = None
    uscc: str | None = Field(None, min_length=15, max_length=18)
    operator_name: str | None = Field(None, min_length=1, max_length=64)
    id_number: str | None = Field(None, min_length=15, max_length=18)

    _s = field_validator("uscc", "operator_name", "id_number")(lambda v: v.strip() if v else v)

    @model_validator(mode="after")
    def _one_way(self) -> BusinessRef:
        others = (self.uscc, self.operator_name, self.id_number)
        if self.business_id is None and not all(others):
            raise ValueError("请选择经营主体，或填写统一社会信用代码、法定代表人（经营者）姓名和身份证号码")
        if self.business_id is not None and any(others):
            raise ValueError("选择本人经营主体时无需再填写主体信息")
        return self


class VerifyIn(BusinessRef):
    kind: ListingKind


class MaterialIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: MaterialType
    file_id: Id


class SubmitIn(BusinessRef):
    kind: ListingKind
    guide_acknowledged: bool = Field(..., description="已阅读办事指南")
    listing_ids: list[Id] = Field(..., min_length=1, max_length=20)
    materials: list[MaterialIn] = Field(..., min_length=1, max_length=30)
    phone: Phone | None = Field(None, description="联系手机号，缺省为登录手机号")
    reason: str = Field("", max_length=2000, description="申请理由")

    _r = field_validator("reason")(_strip)


class WithdrawIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: str = Field("", max_length=500, description="撤回原因（可不填）")


class ResubmitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: str = Field(..., min_length=1, max_length=1000)
    materials: list[MaterialIn] = Field(default_factory=list, max_length=30,
                                        description="补正材料（追加到原有材料）")

    _c = field_validator("comment")(_strip)


class ProgressQuery(BaseModel):
    phone: Phone | None = Field(None, description="申请时使用的手机号，缺省为登录手机号")
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class QueueQuery(BaseModel):
    number: str | None = Field(None, max_length=32)
    name: str | None = Field(None, max_length=128, description="主体名称（模糊）")
    kind: ListingKind | None = None
    status: CreditStatus | None = None
    uscc: str | None = Field(None, max_length=32)
    todo: bool = Field(False, description="仅显示本人当前可办理的")
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class CountsQuery(BaseModel):
    todo: bool = Field(False, description="仅统计本人当前可办理的状态")


class ListingQuery(BaseModel):
    kind: ListingKind
    uscc: str | None = Field(None, max_length=32)
    reason: str | None = Field(None, max_length=200, description="列入原因（模糊）")
    name: str | None = Field(None, max_length=128, description="主体名称（模糊）")
    date_from: date | None = None
    date_to: date | None = None
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class ActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Action
    opinion: str = Field("", max_length=1000, description="经办/审核/审批意见，退回、不予修复、转办时为原因")
    target_org_id: Id | None = Field(None, description="转办机关（同区局的其他监管所）")
    decision_no: str | None = Field(None, min_length=1, max_length=64, description="信用修复决定书文号")

    _o = field_validator("opinion")(_strip)


class StaffApplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    applicant_name: str | None = Field(None, min_length=1, max_length=64)
    phone: Phone | None = None
    reason: str = Field("", max_length=2000)
    materials: list[MaterialIn] = Field(default_factory=list, max_length=30)
