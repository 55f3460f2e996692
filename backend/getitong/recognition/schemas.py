"""Request shapes of the 名特优新 endpoints: notices, the wizard steps, reviews, queries."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from getitong.common.schemas import Id
from getitong.recognition.models import Category, MaterialType, Step, SubjectType
from getitong.recognition.workflow import AppStatus, NoticeStatus

Money = Annotated[Decimal, Field(max_digits=14, decimal_places=2, allow_inf_nan=False)]


def _strip(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("不能为空")
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ----------------------------------------------------------------------------- notices


class NoticeCategoryIn(Strict):
    code: Category
    requirements: str = Field(..., min_length=1, max_length=2000)

    _s = field_validator("requirements")(_strip)


def _categories(value: list[NoticeCategoryIn]) -> list[NoticeCategoryIn]:
    codes = [c.code for c in value]
    if len(set(codes)) != len(codes):
        raise ValueError("认定分类不能重复")
    return value


class NoticeCreate(Strict):
    title: str = Field(..., min_length=1, max_length=200)
    content: str = Field(..., min_length=1, max_length=20000)
    promise: str = Field(..., min_length=1, max_length=5000)
    categories: list[NoticeCategoryIn] = Field(..., min_length=1, max_length=4)
    starts_at: datetime
    ends_at: datetime
    org_id: Id | None = None

    _s = field_validator("title", "content", "promise")(_strip)
    _c = field_validator("categories")(_categories)


class NoticeUpdate(Strict):
    title: str | None = Field(None, min_length=1, max_length=200)
    content: str | None = Field(None, min_length=1, max_length=20000)
    promise: str | None = Field(None, min_length=1, max_length=5000)
    categories: list[NoticeCategoryIn] | None = Field(None, min_length=1, max_length=4)
    starts_at: datetime | None = None
    ends_at: datetime | None = None

    @field_validator("title", "content", "promise")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        return None if value is None else _strip(value)

    @field_validator("categories")
    @classmethod
    def _unique(cls, value: list[NoticeCategoryIn] | None) -> list[NoticeCategoryIn] | None:
        return None if value is None else _categories(value)


class NoticeQuery(BaseModel):
    status: NoticeStatus | None = None
    q: str | None = Field(None, max_length=100)
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


# ----------------------------------------------------------------------------- wizard steps


class ReadNoticeIn(Strict):
    acknowledged: bool

    @field_validator("acknowledged")
    @classmethod
    def _yes(cls, value: bool) -> bool:
        if not value:
            raise ValueError("请阅读申报须知后点击【我已阅读须知】")
        return value


class PromiseIn(Strict):
    accepted: bool

    @field_validator("accepted")
    @classmethod
    def _yes(cls, value: bool) -> bool:
        if not value:
            raise ValueError("须同意承诺后才能继续申请")
        return value


class CategoryIn(Strict):
    category: Category


class InfoIn(Strict):
    employees: int = Field(..., ge=0, le=100000, strict=True)
    social_insured: int = Field(..., ge=0, le=100000, strict=True)
    revenue: Money = Field(..., ge=0)
    net_profit: Money
    introduction: str = Field(..., max_length=4000)

    @field_validator("social_insured")
    @classmethod
    def _insured_within(cls, value: int, info: ValidationInfo) -> int:
        employees = info.data.get("employees")
        if employees is not None and value > employees:
            raise ValueError("缴纳社保人数不能多于吸纳就业人数")
        return value

    @field_validator("introduction")
    @classmethod
    def _intro(cls, value: str) -> str:
        value = value.strip()
        if not 20 <= len(value) <= 2000:
            raise ValueError("个体工商户介绍应为20至2000个字")
        return value


class DeclarationIn(Strict):
    subject_type: SubjectType
    subject_name: str = Field(..., min_length=1, max_length=100)
    highlights: str = Field(..., min_length=1, max_length=1000)
    qualification_images: list[Id] = Field(..., min_length=1, max_length=9)

    _s = field_validator("subject_name", "highlights")(_strip)


class MaterialIn(Strict):
    type: MaterialType
    file_id: Id


class MaterialsIn(Strict):
    materials: list[MaterialIn] = Field(..., min_length=1, max_length=20)


STEP_BODIES: dict[Step, type[BaseModel]] = {
    Step.READ_NOTICE: ReadNoticeIn, Step.PROMISE: PromiseIn, Step.CATEGORY: CategoryIn, Step.INFO: InfoIn,
    Step.DECLARATION: DeclarationIn, Step.MATERIALS: MaterialsIn,
}


# ----------------------------------------------------------------------------- reviews and lists


class CommentIn(Strict):
    comment: str = Field("", max_length=1000)


class ReasonIn(Strict):
    reason: str = Field(..., min_length=1, max_length=1000)

    _s = field_validator("reason")(_strip)


class QueueQuery(BaseModel):
    notice_id: Id | None = None
    category: Category | None = None
    status: AppStatus | None = None
    q: str | None = Field(None, max_length=100)
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)

    @field_validator("status")
    @classmethod
    def _reviewable(cls, value: AppStatus | None) -> AppStatus | None:
        if value in (AppStatus.DRAFT, AppStatus.DISCARDED):
            raise ValueError("取值无效")
        return value


class PageIn(BaseModel):
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)
