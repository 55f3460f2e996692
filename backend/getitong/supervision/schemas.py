"""双随机 request shapes (pydantic)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from getitong.core.pagination import PageQuery
from getitong.core.web import PartialUpdate
from getitong.entities.models import EntityKind, EntityStatus
from getitong.supervision.workflow import (
    CheckMethod,
    Confirm,
    Grouping,
    InspectorType,
    Outcome,
    PlanStatus,
    ResultStatus,
    ResultType,
    ScopeMode,
)

Text = Field(min_length=1, max_length=255)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# ---- catalog ----


class ItemCreate(Strict):
    name: str = Field(min_length=1, max_length=128)
    line: str = Field("市场监管", min_length=1, max_length=32)
    sort: int = 0
    enabled: bool = True


class ItemUpdate(PartialUpdate, Strict):
    name: str | None = Field(None, min_length=1, max_length=128)
    line: str | None = Field(None, min_length=1, max_length=32)
    sort: int | None = None
    enabled: bool | None = None


class SubItemCreate(Strict):
    name: str = Text
    method: str = Field(min_length=1, max_length=2000)
    basis: str = Field(min_length=1, max_length=2000)
    sort: int = 0
    enabled: bool = True


class SubItemUpdate(PartialUpdate, Strict):
    name: str | None = Field(None, min_length=1, max_length=255)
    method: str | None = Field(None, min_length=1, max_length=2000)
    basis: str | None = Field(None, min_length=1, max_length=2000)
    sort: int | None = None
    enabled: bool | None = None


class ContentCreate(Strict):
    content: str = Field(min_length=1, max_length=2000)
    result_type: ResultType
    options: list[str] = Field(default_factory=list, max_length=20)
    unit: str = Field("", max_length=32)
    sort: int = 0
    enabled: bool = True


class ContentUpdate(PartialUpdate, Strict):
    content: str | None = Field(None, min_length=1, max_length=2000)
    options: list[str] | None = Field(None, max_length=20)
    unit: str | None = Field(None, max_length=32)
    sort: int | None = None
    enabled: bool | None = None


class CatalogQuery(BaseModel):
    line: str | None = None
    enabled_only: bool = False


# ---- inspectors ----


class InspectorFields(Strict):
    gender: Literal["", "男", "女"] = ""
    education: str = Field("", max_length=32)
    types: list[InspectorType] = Field(min_length=1, max_length=4)
    categories: list[str] = Field(min_length=1, max_length=10)
    region: str = Field("", max_length=64)
    cert_no: str = Field("", max_length=64)
    cert_valid_from: date | None = None
    cert_valid_to: date | None = None
    cert_issuer: str = Field("", max_length=128)
    skills: list[str] = Field(default_factory=list, max_length=20)
    on_duty: bool = True
    note: str = Field("", max_length=500)


class InspectorCreate(InspectorFields):
    staff_id: int


class InspectorUpdate(PartialUpdate, Strict):
    clearable: ClassVar[frozenset[str]] = frozenset({"cert_valid_from", "cert_valid_to"})
    gender: Literal["", "男", "女"] | None = None
    education: str | None = Field(None, max_length=32)
    types: list[InspectorType] | None = Field(None, min_length=1, max_length=4)
    categories: list[str] | None = Field(None, min_length=1, max_length=10)
    region: str | None = Field(None, max_length=64)
    cert_no: str | None = Field(None, max_length=64)
    cert_valid_from: date | None = None
    cert_valid_to: date | None = None
    cert_issuer: str | None = Field(None, max_length=128)
    skills: list[str] | None = Field(None, max_length=20)
    on_duty: bool | None = None
    note: str | None = Field(None, max_length=500)


class InspectorQuery(PageQuery):
    name: str | None = None
    org_id: int | None = None
    status: Literal["active", "withdrawn", "all"] = "active"
    type: InspectorType | None = None
    category: str | None = None
    on_duty: bool | None = None


class StaffLookupQuery(BaseModel):
    q: str = Field(min_length=1, max_length=32, description="姓名或账号（包含）")
    limit: int = Field(20, ge=1, le=50)


class RecusalCreate(Strict):
    code: str = Field(min_length=1, max_length=32, description="统一社会信用代码或注册号")
    reason: str = Field("", max_length=255)


class Reason(Strict):
    reason: str = Field("", max_length=2000)


# ---- plans ----


class ScopeFilters(Strict):
    org_ids: list[int] = Field(default_factory=list, max_length=200, description="登记机关（含下级）；空为方案机关")
    kinds: list[EntityKind] = Field(default_factory=list)
    statuses: list[EntityStatus] = Field(default_factory=lambda: [EntityStatus.ACTIVE])
    industries: list[str] = Field(default_factory=list, max_length=50)
    region_prefix: str = Field("", max_length=12, pattern=r"^\d*$")
    name_contains: str = Field("", max_length=64)
    established_from: date | None = None
    established_to: date | None = None


class PlanFields(PartialUpdate, Strict):
    clearable: ClassVar[frozenset[str]] = frozenset({"start_on", "end_on", "ratio"})
    name: str | None = Field(None, min_length=1, max_length=128)
    start_on: date | None = None
    end_on: date | None = None
    basis: str | None = Field(None, max_length=500)
    lead_department: str | None = Field(None, max_length=64)
    partner_departments: list[str] | None = Field(None, max_length=60)
    requirements: str | None = Field(None, max_length=2000)
    grouping: Grouping | None = None
    ratio: Decimal | None = Field(None, ge=Decimal("0.001"), le=100, max_digits=6, decimal_places=3)
    group_size: int | None = Field(None, ge=1, le=1000)
    team_size: int | None = Field(None, ge=2, le=10)
    scope_mode: ScopeMode | None = None
    filters: ScopeFilters | None = None
    skip_twice: bool | None = None
    content_ids: list[int] | None = Field(None, max_length=500)
    opinion: str | None = Field(None, max_length=2000)


class PlanCreate(PlanFields):
    name: str = Field(min_length=1, max_length=128)


class PlanQuery(PageQuery):
    name: str | None = None
    status: PlanStatus | None = None
    made_from: date | None = None
    made_to: date | None = None


class Comment(Strict):
    comment: str = Field("", max_length=2000)


class RejectBody(Strict):
    comment: str = Field(min_length=1, max_length=2000)


class Codes(Strict):
    codes: list[str] = Field(min_length=1, max_length=100_000)

    @field_validator("codes")
    @classmethod
    def _strip(cls, v: list[str]) -> list[str]:
        return [c.strip().upper() for c in v if c and c.strip()]


class DrawBody(Strict):
    seed: int | None = Field(None, ge=0, le=2**62 - 1, description="留空由系统生成；填写则可复现历史抽取")


class TargetQuery(PageQuery):
    confirm: Confirm | None = None
    result_status: ResultStatus | None = None
    name: str | None = None
    uscc: str | None = None
    org_id: int | None = None
    inspector_id: int | None = None


class ConfirmBody(Strict):
    target_ids: list[int] = Field(min_length=1, max_length=10_000)
    decision: Literal["check", "skip"]


class AssignBody(Strict):
    inspector_ids: list[int] = Field(default_factory=list, max_length=5000,
                                     description="本次抽查人员；空为方案范围内在库、在岗、证件有效的全部人员")
    seed: int | None = Field(None, ge=0, le=2**62 - 1)


class AdjustBody(Strict):
    from_inspector_id: int
    to_inspector_id: int
    reason: str = Field(min_length=1, max_length=2000)


# ---- results ----


class Answer(Strict):
    content_id: int
    value: str | float | bool


class ResultBody(Strict):
    method: CheckMethod
    outcome: Outcome
    problems: str = Field("", max_length=2000)
    handling: str = Field(min_length=1, max_length=2000)
    note: str = Field("", max_length=2000)
    checked_on: date
    answers: list[Answer] = Field(default_factory=list, max_length=500)


class ReviewBody(Strict):
    decision: Literal["publish", "return"]
    comment: str = Field("", max_length=2000)


class TaskQuery(PageQuery):
    result_status: ResultStatus | None = None


class InspectedQuery(PageQuery):
    plan_id: int | None = None
    name: str | None = None
    uscc: str | None = None
    result_status: ResultStatus | None = None
    outcome: Outcome | None = None
