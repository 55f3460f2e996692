"""Request and query shapes of the loans domain."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from getitong.core.pagination import PageQuery
from getitong.loans.models import GuaranteeType
from getitong.loans.workflow import ApplicationStatus, ProductStatus

_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_PHONE = re.compile(r"^[0-9+\-() ]{5,32}$")
_URL = re.compile(r"^https?://[^\s/?#]+(?::\d+)?(?:[/?#]\S*)?$", re.IGNORECASE)


def clean(text: str) -> str:
    # Plain text only: control characters go; clients render it as text (never as HTML).
    return text.translate(_CONTROL).strip()


Money = Annotated[Decimal, Field(ge=Decimal("0.01"), le=Decimal("9999999999"), max_digits=14, decimal_places=2)]
Rate = Annotated[Decimal, Field(ge=0, le=100, max_digits=6, decimal_places=2)]
Months = Annotated[int, Field(ge=1, le=600)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProductIn(_Strict):
    institution_id: int | None = Field(None, description="所属金融机构；金融机构人员可省略（默认本机构）")
    name: str = Field(..., min_length=1, max_length=100)
    amount_min: Money
    amount_max: Money
    rate_min: Rate
    rate_max: Rate
    term_months_min: Months = 1
    term_months_max: Months
    guarantee_type: GuaranteeType
    eligibility: str = Field("", max_length=5000, description="申请条件")
    description: str = Field("", max_length=20000, description="产品介绍")

    @field_validator("name", "eligibility", "description")
    @classmethod
    def _text(cls, v: str) -> str:
        return clean(v)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not v:
            raise ValueError("产品名称不能为空")
        return v


class ProductPatch(_Strict):
    name: str | None = Field(None, min_length=1, max_length=100)
    amount_min: Money | None = None
    amount_max: Money | None = None
    rate_min: Rate | None = None
    rate_max: Rate | None = None
    term_months_min: Months | None = None
    term_months_max: Months | None = None
    guarantee_type: GuaranteeType | None = None
    eligibility: str | None = Field(None, max_length=5000)
    description: str | None = Field(None, max_length=20000)

    @field_validator("name", "eligibility", "description")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        return clean(v) if v is not None else None


class ProductShopQuery(PageQuery):
    guarantee_type: GuaranteeType | None = None
    institution_id: int | None = None
    q: str | None = Field(None, max_length=50)


class ProductAdminQuery(ProductShopQuery):
    status: ProductStatus | None = None


class ApplyIn(_Strict):
    amount: Money = Field(..., description="需求金额（元）")
    purpose: str = Field("", max_length=500, description="用途/备注")
    contact_name: str | None = Field(None, max_length=64, description="联系人，默认本人")
    contact_phone: str | None = Field(None, description="联系电话，默认本人手机号")

    @field_validator("purpose")
    @classmethod
    def _purpose(cls, v: str) -> str:
        return clean(v)

    @field_validator("contact_name")
    @classmethod
    def _name(cls, v: str | None) -> str | None:
        v = clean(v) if v is not None else None
        return v or None

    @field_validator("contact_phone")
    @classmethod
    def _phone(cls, v: str | None) -> str | None:
        if v is None or not v.strip():
            return None
        v = v.strip()
        if not _MOBILE.match(v):
            raise ValueError("请输入有效的11位手机号")
        return v


class WithdrawIn(_Strict):
    note: str = Field("", max_length=500)

    @field_validator("note")
    @classmethod
    def _note(cls, v: str) -> str:
        return clean(v)


class ActionIn(_Strict):
    """Details of a staff action; which ones are required depends on the action (workflow.REQUIRED_DETAILS)."""

    note: str = Field("", max_length=1000, description="办理说明")
    amount: Money | None = Field(None, description="审批金额 / 放款金额（元）")
    rate: Rate | None = Field(None, description="审批年利率（%）")
    term_months: Months | None = Field(None, description="审批期限（月）")
    granted_on: dt.date | None = Field(None, description="放款日期")

    @field_validator("note")
    @classmethod
    def _note(cls, v: str) -> str:
        return clean(v)


class ApplicationShopQuery(PageQuery):
    status: ApplicationStatus | None = None


class ApplicationAdminQuery(PageQuery):
    status: ApplicationStatus | None = None
    product_id: int | None = None
    institution_id: int | None = None
    q: str | None = Field(None, max_length=50, description="经营主体名称或统一社会信用代码")


class NotificationQuery(PageQuery):
    unread: bool = False


class _ProfileFields(_Strict):
    short_name: str | None = Field(None, max_length=64)
    contact_name: str | None = Field(None, max_length=64)
    contact_phone: str | None = Field(None, max_length=32)
    address: str | None = Field(None, max_length=255)
    intro: str | None = Field(None, max_length=5000)

    @field_validator("short_name", "contact_name", "address", "intro")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        return clean(v) if v is not None else None

    @field_validator("contact_phone")
    @classmethod
    def _phone(cls, v: str | None) -> str | None:
        if v is None or not v.strip():
            return "" if v is not None else None
        v = v.strip()
        if not _PHONE.match(v):
            raise ValueError("联系电话格式不正确")
        return v


class InstitutionIn(_ProfileFields):
    name: str = Field(..., min_length=2, max_length=128)
    org_id: int | None = Field(None, description="主管机构，默认本机构")
    webhook_url: str = Field("", max_length=500)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        v = clean(v)
        if len(v) < 2:
            raise ValueError("机构名称至少2个字")
        return v

    @field_validator("webhook_url")
    @classmethod
    def _url(cls, v: str) -> str:
        return check_url(v)


class InstitutionPatch(_ProfileFields):
    name: str | None = Field(None, min_length=2, max_length=128)
    is_active: bool | None = None
    webhook_url: str | None = Field(None, max_length=500)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str | None) -> str | None:
        if v is None:
            return None
        v = clean(v)
        if len(v) < 2:
            raise ValueError("机构名称至少2个字")
        return v

    @field_validator("webhook_url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        return check_url(v) if v is not None else None


def check_url(v: str) -> str:
    v = v.strip()
    if v and not _URL.match(v):
        raise ValueError("接收地址应为 http:// 或 https:// 开头的网址")
    return v
