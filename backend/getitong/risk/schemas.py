"""Request shapes of the risk domain; the same row models validate API bodies and Excel rows."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, ClassVar, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from getitong.core import errors
from getitong.core.pagination import PageQuery
from getitong.core.web import PartialUpdate
from getitong.entities import uscc
from getitong.risk.workflow import LISTING_KIND_BY_LABEL, ListingKind, ListingStatus

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
CHINA = ZoneInfo("Asia/Shanghai")
DATE_MESSAGE = "日期格式不正确（应为 YYYY-MM-DD）"


def to_date(value: Any) -> Any:
    """Accept what staff type into Excel: real dates, 2017-01-09, 2017/1/9, 2017年1月9日, 20170109."""
    if value is None or isinstance(value, date | datetime):
        return value.date() if isinstance(value, datetime) else value
    text = str(value).strip()
    if not text:
        return None
    text = text.split(" ")[0] if re.match(r"^\d{4}-\d{1,2}-\d{1,2} ", text) else text
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                break
    raise ValueError(DATE_MESSAGE)


def to_amount(value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError("应为数字（单位：万元）") from exc
    if not amount.is_finite():
        raise ValueError("应为数字（单位：万元）")
    if amount < 0:
        raise ValueError("不能为负数")
    if amount >= Decimal("1e12"):
        raise ValueError("数值过大")
    return amount.quantize(Decimal("0.000001"))


def to_code(value: Any) -> str:
    """USCC (18 characters, check character verified) or a registration number (注册号)."""
    text = uscc.normalize(str(value or ""))
    if not text:
        raise ValueError("不能为空")
    if len(text) == 18:
        try:
            return uscc.validate(text)
        except errors.UsccCheckFailed as exc:
            raise ValueError("统一社会信用代码校验位错误") from exc
        except errors.UsccFormatInvalid as exc:
            raise ValueError("统一社会信用代码格式不正确") from exc
    if not re.fullmatch(r"[0-9A-Z]{6,32}", text):
        raise ValueError("应为18位统一社会信用代码或注册号")
    return text


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


Day = Annotated[date, BeforeValidator(to_date)]
OptDay = Annotated[date | None, BeforeValidator(to_date)]
Amount = Annotated[Decimal | None, BeforeValidator(to_amount)]
Code = Annotated[str, BeforeValidator(to_code)]
Text2000 = Annotated[str, Field(min_length=1, max_length=2000)]
# Ids are 64-bit keys: anything larger names nothing (and must not reach the driver).
OrgId = Annotated[int, Field(ge=1, le=2**63 - 1)]


def _check_listing_kind(value: Any) -> Any:
    if isinstance(value, str) and value.strip() in LISTING_KIND_BY_LABEL:
        return LISTING_KIND_BY_LABEL[value.strip()]
    return value


Kind = Annotated[ListingKind, BeforeValidator(_check_listing_kind)]


class _Strict(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")


class PenaltyFields(_Strict):
    doc_no: str = Field(..., min_length=1, max_length=128, description="处罚决定书文号")
    penalty_name: str = Field("", max_length=255, description="处罚名称")
    penalty_type: str = Field(..., min_length=1, max_length=128, description="处罚种类")
    basis: Text2000 = Field(..., description="处罚依据")
    violation_type: Text2000 = Field(..., description="违法行为类型")
    content: Text2000 = Field(..., description="处罚内容（违法事实与处罚结果）")
    fine_amount: Amount = Field(None, description="罚款金额（万元）")
    confiscated_amount: Amount = Field(None, description="没收金额（万元）")
    decided_on: Day = Field(..., description="处罚决定书日期")
    published_on: Day = Field(..., description="公示日期")

    @model_validator(mode="after")
    def _dates(self) -> PenaltyFields:
        _not_future(self.decided_on, "处罚决定书日期")
        if self.published_on < self.decided_on:
            raise ValueError("公示日期不能早于处罚决定书日期")
        return self


def today() -> date:
    """Today in China (dates on decisions are Beijing dates)."""
    return datetime.now(CHINA).date()


def _not_future(day: date | None, label: str) -> None:
    if day is not None and day > today():
        raise ValueError(f"{label}不能晚于今天")


class PenaltyCreate(PenaltyFields):
    code: Code = Field(..., description="统一社会信用代码或注册号（记于该主体名下）")
    decision_org_id: OrgId | None = Field(None, description="决定机关（本级及下级机构），缺省为本机构")


class PenaltyUpdate(_Strict, PartialUpdate):
    clearable: ClassVar[frozenset[str]] = frozenset({"fine_amount", "confiscated_amount"})

    doc_no: str | None = Field(None, min_length=1, max_length=128)
    penalty_name: str | None = Field(None, max_length=255)
    penalty_type: str | None = Field(None, min_length=1, max_length=128)
    basis: Text2000 | None = None
    violation_type: Text2000 | None = None
    content: Text2000 | None = None
    fine_amount: Amount = None
    confiscated_amount: Amount = None
    decided_on: OptDay = None
    published_on: OptDay = None
    decision_org_id: OrgId | None = None


class ListingFields(_Strict):
    kind: Kind = Field(..., description="名单类型")
    doc_no: str = Field(..., min_length=1, max_length=128, description="列入文号")
    list_reason: Text2000 = Field(..., description="列入原因")
    listed_on: Day = Field(..., description="列入日期")

    @model_validator(mode="after")
    def _dates(self) -> ListingFields:
        _not_future(self.listed_on, "列入日期")
        return self


class ListingCreate(ListingFields):
    code: Code = Field(..., description="统一社会信用代码或注册号（记于该主体名下）")
    list_org_id: OrgId | None = Field(None, description="列入决定机关（本级及下级机构），缺省为本机构")


class ListingUpdate(_Strict, PartialUpdate):
    doc_no: str | None = Field(None, min_length=1, max_length=128)
    list_reason: Text2000 | None = None
    listed_on: OptDay = None
    list_org_id: OrgId | None = None


class ListingRemove(_Strict):
    reason: Text2000 = Field(..., description="移出原因")
    removed_on: Day = Field(..., description="移出日期")
    remove_org_id: OrgId | None = Field(None, description="移出决定机关（本级及下级机构），缺省为本机构")

    @model_validator(mode="after")
    def _dates(self) -> ListingRemove:
        _not_future(self.removed_on, "移出日期")
        return self


# ---- Excel rows: the template's Chinese headers map onto these fields. ----

class PenaltyRow(PenaltyFields):
    code: Code
    business_name: str | None = Field(None, max_length=128)
    decision_org_name: str | None = Field(None, max_length=128)

    _blank = field_validator("decision_org_name", "business_name", "penalty_name", mode="before")(_blank_to_none)

    @field_validator("penalty_name", mode="after")
    @classmethod
    def _name(cls, value: str | None) -> str:
        return value or ""


class ListingRow(ListingFields):
    code: Code
    business_name: str | None = Field(None, max_length=128)
    list_org_name: str | None = Field(None, max_length=128)
    remove_reason: str | None = Field(None, max_length=2000)
    removed_on: OptDay = None
    remove_org_name: str | None = Field(None, max_length=128)

    _blank = field_validator("list_org_name", "business_name", "remove_reason", "remove_org_name",
                             mode="before")(_blank_to_none)

    @model_validator(mode="after")
    def _removal(self) -> ListingRow:
        if (self.removed_on is None) != (self.remove_reason is None):
            raise ValueError("移出原因与移出日期须同时填写或同时留空")
        if self.removed_on is not None:
            _not_future(self.removed_on, "移出日期")
            if self.removed_on < self.listed_on:
                raise ValueError("移出日期不能早于列入日期")
        return self


# ---- Queries ----

AdminKind = Literal["penalty", "serious", "abnormal", "serious_violation", "enterprise_abnormal",
                    "individual_abnormal", "cooperative_abnormal"]


class AdminRecordQuery(PageQuery):
    kind: AdminKind = Field(..., description="penalty 行政处罚；serious 严重违法失信；abnormal 经营异常；或具体名单类型")
    status: ListingStatus | None = Field(None, description="listed 列入中 / removed 已移出（仅名单）")
    uscc: str | None = Field(None, max_length=32, description="统一社会信用代码或注册号")
    name: str | None = Field(None, min_length=1, max_length=64, description="主体名称（模糊）")
    region_code: str | None = Field(None, max_length=12)
    date_from: OptDay = Field(None, description="决定/列入日期起")
    date_to: OptDay = Field(None, description="决定/列入日期止")


class MpRecordQuery(PageQuery):
    kind: Literal["serious", "abnormal", "penalty"] = Field(..., description="serious 严重违法；abnormal 经营异常；penalty 行政处罚")


class ImportListQuery(PageQuery):
    pass
