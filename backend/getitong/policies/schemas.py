"""Request and query shapes of the policies domain."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from getitong.core.pagination import PageQuery
from getitong.entities.models import ScaleType
from getitong.policies.targeting import TAGS, valid_region_code

_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def _clean(text: str) -> str:
    # Plain text only: control characters go; clients render it as text (never as HTML).
    return text.translate(_CONTROL).strip()


class Targeting(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scale_types: list[ScaleType] = Field(default_factory=list, max_length=3, description="分型，空为全部")
    tags: list[str] = Field(default_factory=list, max_length=4, description="分类 名/特/优/新，空为全部")
    industries: list[str] = Field(default_factory=list, max_length=50, description="行业，空为全部")
    region_codes: list[str] = Field(default_factory=list, max_length=200,
                                    description="地区代码，空为发布机构所在地区")

    @field_validator("tags")
    @classmethod
    def _tags(cls, v: list[str]) -> list[str]:
        for tag in v:
            if tag not in TAGS:
                raise ValueError("分类只能是 名、特、优、新")
        return list(dict.fromkeys(v))

    @field_validator("industries")
    @classmethod
    def _industries(cls, v: list[str]) -> list[str]:
        out = [_clean(x) for x in v]
        if any(not x or len(x) > 64 for x in out):
            raise ValueError("行业名称应为1至64个字符")
        return list(dict.fromkeys(out))

    @field_validator("region_codes")
    @classmethod
    def _regions(cls, v: list[str]) -> list[str]:
        out = [x.strip() for x in v]
        if any(not valid_region_code(x) for x in out):
            raise ValueError("地区代码应为6、9或12位数字")
        return list(dict.fromkeys(out))

    @field_validator("scale_types")
    @classmethod
    def _scales(cls, v: list[ScaleType]) -> list[ScaleType]:
        return list(dict.fromkeys(v))


class PolicyIn(Targeting):
    title: str = Field(..., min_length=1, max_length=200)
    summary: str = Field("", max_length=500)
    body: str = Field("", max_length=100_000)
    department: str = Field("", max_length=128, description="发文部门")
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    @field_validator("title", "summary", "body", "department")
    @classmethod
    def _text(cls, v: str) -> str:
        return _clean(v)

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        if not v:
            raise ValueError("标题不能为空")
        return v


class PolicyPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(None, min_length=1, max_length=200)
    summary: str | None = Field(None, max_length=500)
    body: str | None = Field(None, max_length=100_000)
    department: str | None = Field(None, max_length=128)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    scale_types: list[ScaleType] | None = None
    tags: list[str] | None = None
    industries: list[str] | None = None
    region_codes: list[str] | None = None

    @field_validator("title", "summary", "body", "department")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        return None if v is None else _clean(v)

    @field_validator("title")
    @classmethod
    def _title(cls, v: str | None) -> str | None:
        if v is not None and not v:
            raise ValueError("标题不能为空")
        return v

    def targeting_values(self, current: dict[str, list[str]]) -> dict[str, list[str]]:
        """The targeting after this patch (validated by the caller as a `Targeting`)."""
        return {k: getattr(self, k) if getattr(self, k) is not None else current[k]
                for k in ("scale_types", "tags", "industries", "region_codes")}


class PolicyAdminQuery(PageQuery):
    status: Literal["draft", "published", "withdrawn"] | None = None
    q: str | None = Field(None, max_length=100)


class PolicyShopQuery(PageQuery):
    q: str | None = Field(None, max_length=100)


class BenefitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(..., min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.\-]+$",
                      description="免申即享平台的事项编码")
    name: str = Field(..., min_length=1, max_length=200)
    policy_id: int | None = Field(None, ge=1, le=2**62)
    amount: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    description: str = Field("", max_length=20_000)

    @field_validator("name", "description")
    @classmethod
    def _text(cls, v: str) -> str:
        return _clean(v)


class BenefitPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=1, max_length=200)
    policy_id: int | None = Field(None, ge=1, le=2**62)
    amount: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    description: str | None = Field(None, max_length=20_000)

    @field_validator("name", "description")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        return None if v is None else _clean(v)


class EligibilityIn(BaseModel):
    uscc: str = Field(..., min_length=1, max_length=64, description="统一社会信用代码")


class EligibilityQuery(PageQuery):
    status: Literal["pushed", "confirmed", "forwarded", "accepted", "rejected", "paid"] | None = None


class PlatformStatusIn(BaseModel):
    """A status report of the external benefit platform."""

    idempotency_key: str = Field(..., min_length=1, max_length=32, description="我方推送时的幂等键（资格记录编号）")
    status: Literal["accepted", "rejected", "paid"]
    reference: str = Field("", max_length=64)
    note: str = Field("", max_length=500)
    event_id: str = Field("", max_length=64)


class RevokeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(..., min_length=1, max_length=500, description="撤销原因（经营者可见）")
