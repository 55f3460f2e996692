"""Articles in any state, written straight to the table (the API is tested separately)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

from PIL import Image

from getitong.content.models import Article, ArticleKind, LawCategory, NewsCategory, Validity
from getitong.content.workflow import ContentStatus
from getitong.staff.models import StaffUser

_clock = [datetime(2026, 1, 1, 8, 0, tzinfo=UTC)]


def _tick() -> datetime:
    _clock[0] += timedelta(minutes=1)
    return _clock[0]


async def article(author: StaffUser, *, kind: ArticleKind = ArticleKind.NEWS,
                  status: ContentStatus = ContentStatus.PUBLISHED, title: str = "个体工商户扶持政策解读",
                  summary: str = "", body_html: str = "<p>正文</p>", category: str | None = None,
                  **extra: Any) -> Article:
    await author.fetch_related("org")
    if category is None:
        category = (NewsCategory.WORK_NEWS if kind == ArticleKind.NEWS else LawCategory.LAW).value
    if kind == ArticleKind.LAW:
        extra.setdefault("validity", Validity.EFFECTIVE)
    now = _tick()
    if status != ContentStatus.DRAFT:
        extra.setdefault("published_at", now)
    if status == ContentStatus.WITHDRAWN:
        extra.setdefault("withdrawn_at", now)
        extra.setdefault("withdraw_reason", "内容需更新")
    return await Article.create(kind=kind, status=status, title=title, summary=summary, body_html=body_html,
                                category=category, org_id=author.org_id, region_code=author.org.region_code,
                                author=author, **extra)


def png(color: tuple[int, int, int] = (10, 120, 200)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (32, 32), color).save(buf, format="PNG")
    return buf.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
