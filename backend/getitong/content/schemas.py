"""Request shapes for news and laws (responses are built in service.py)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from getitong.content.models import LawCategory, NewsCategory, Validity
from getitong.content.workflow import ContentStatus
from getitong.core.pagination import PageQuery
from getitong.core.web import PartialUpdate

BODY_MAX = 200_000


def _no_nul(value: object) -> object:
    # PostgreSQL text cannot hold NUL: refuse it as bad input instead of failing in the driver.
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("不能包含空字符")
    return value


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")

    _text = field_validator("*", mode="after")(_no_nul)


class _Query(PageQuery):
    _text = field_validator("*", mode="after")(_no_nul)


class NewsCreate(_In):
    title: str = Field(..., min_length=1, max_length=200, description="标题")
    summary: str = Field("", max_length=500, description="摘要")
    body_html: str = Field(..., min_length=1, max_length=BODY_MAX, description="正文（富文本，保存时清洗）")
    category: NewsCategory = Field(..., description="栏目")
    cover_file_id: int | None = Field(None, description="封面图片（/api/v1/admin/uploads 上传的文件 id）")
    attachment_ids: list[int] = Field(default_factory=list, max_length=20, description="附件文件 id")


class NewsUpdate(_In, PartialUpdate):
    clearable: ClassVar[frozenset[str]] = frozenset({"cover_file_id"})

    title: str | None = Field(None, min_length=1, max_length=200)
    summary: str | None = Field(None, max_length=500)
    body_html: str | None = Field(None, min_length=1, max_length=BODY_MAX)
    category: NewsCategory | None = None
    cover_file_id: int | None = None
    attachment_ids: list[int] | None = Field(None, max_length=20)


class LawCreate(_In):
    title: str = Field(..., min_length=1, max_length=200, description="法规名称")
    summary: str = Field("", max_length=500)
    body_html: str = Field(..., min_length=1, max_length=BODY_MAX, description="法规全文")
    category: LawCategory = Field(..., description="效力层级/类别")
    issuer: str = Field("", max_length=128, description="发布机关")
    doc_number: str = Field("", max_length=128, description="文号")
    effective_date: date | None = Field(None, description="施行日期")
    validity: Validity = Field(Validity.EFFECTIVE, description="时效性")
    interpretation_html: str = Field("", max_length=BODY_MAX, description="解读（富文本）")
    cover_file_id: int | None = None
    attachment_ids: list[int] = Field(default_factory=list, max_length=20)


class LawUpdate(_In, PartialUpdate):
    clearable: ClassVar[frozenset[str]] = frozenset({"effective_date", "validity", "cover_file_id"})

    title: str | None = Field(None, min_length=1, max_length=200)
    summary: str | None = Field(None, max_length=500)
    body_html: str | None = Field(None, min_length=1, max_length=BODY_MAX)
    category: LawCategory | None = None
    issuer: str | None = Field(None, max_length=128)
    doc_number: str | None = Field(None, max_length=128)
    effective_date: date | None = None
    validity: Validity | None = None
    interpretation_html: str | None = Field(None, max_length=BODY_MAX)
    cover_file_id: int | None = None
    attachment_ids: list[int] | None = Field(None, max_length=20)


class WithdrawIn(_In):
    reason: str = Field(..., min_length=1, max_length=500, description="撤回原因")


class AdminNewsQuery(_Query):
    status: ContentStatus | None = None
    category: NewsCategory | None = None
    q: str | None = Field(None, max_length=100, description="标题/摘要关键词")


class AdminLawQuery(_Query):
    status: ContentStatus | None = None
    category: LawCategory | None = None
    validity: Validity | None = None
    q: str | None = Field(None, max_length=100, description="标题/摘要/文号关键词")


class NewsQuery(_Query):
    category: NewsCategory | None = None
    q: str | None = Field(None, max_length=100, description="标题/摘要关键词")


class LawQuery(_Query):
    category: LawCategory | None = None
    validity: Validity | None = None
    q: str | None = Field(None, max_length=100, description="标题/摘要/文号关键词")
