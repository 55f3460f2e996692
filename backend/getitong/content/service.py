"""Content use-cases: staff write news and laws in their org scope, shop owners read what is published."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from getitong.common import home_events
from getitong.content import errors as e
from getitong.content.models import (
    CATEGORY_LABELS,
    VALIDITY_LABELS,
    Article,
    ArticleAttachment,
    ArticleKind,
    LawCategory,
    NewsCategory,
    Validity,
)
from getitong.content.sanitize import clean_html, is_blank
from getitong.content.workflow import (
    ACTION_LABELS,
    STATUS_LABELS,
    ContentAction,
    ContentStatus,
    allowed_actions,
    next_status,
)
from getitong.core import audit, errors
from getitong.core.deps import Deps
from getitong.core.models import StoredFile
from getitong.core.pagination import decode_cursor, keyset
from getitong.core.storage import IMAGE_TYPES
from getitong.staff import scope
from getitong.staff.models import StaffUser
from getitong.staff.permissions import Perm, permissions_of
from getitong.staff.service import require

RESOURCE = {ArticleKind.NEWS: "news", ArticleKind.LAW: "laws"}
NOUN = {ArticleKind.NEWS: "新闻", ArticleKind.LAW: "法律法规"}
ADMIN_PREFIX = "/api/v1/admin"
MP_PREFIX = "/api/v1/mp"
_RELATED = ("org", "author", "cover", "attachments__file")


# ---- serialization -------------------------------------------------------------------------------------


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _file_out(f: StoredFile, base: str) -> dict[str, Any]:
    return {"id": f.id, "name": f.original_name, "content_type": f.content_type, "size": f.size,
            "url": f"{base}/files/{f.id}"}


def _base(a: Article, prefix: str) -> str:
    return f"{prefix}/{RESOURCE[a.kind]}/{a.id}"


def _public_fields(a: Article, prefix: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": a.id, "kind": a.kind.value, "title": a.title, "summary": a.summary, "category": a.category,
        "category_label": CATEGORY_LABELS.get(a.category, a.category),
        "cover": _file_out(a.cover, _base(a, prefix)) if a.cover_id and a.cover else None,
        "org": {"id": a.org.id, "name": a.org.name}, "region_code": a.region_code,
        "published_at": _iso(a.published_at), "view_count": a.view_count,
    }
    if a.kind == ArticleKind.LAW:
        out |= {"issuer": a.issuer, "doc_number": a.doc_number, "effective_date": _iso(a.effective_date),
                "validity": a.validity.value if a.validity else None,
                "validity_label": VALIDITY_LABELS[a.validity] if a.validity else None}
    return out


def _detail_fields(a: Article, prefix: str) -> dict[str, Any]:
    out = {"body_html": a.body_html,
           "attachments": [_file_out(x.file, _base(a, prefix)) for x in sorted(a.attachments, key=lambda x: x.sort)]}
    if a.kind == ArticleKind.LAW:
        out["interpretation_html"] = a.interpretation_html
    return out


def _admin_fields(a: Article, actor: StaffUser) -> dict[str, Any]:
    return {"status": a.status.value, "status_label": STATUS_LABELS[a.status],
            "author": {"id": a.author.id, "name": a.author.name},
            "withdrawn_at": _iso(a.withdrawn_at), "withdraw_reason": a.withdraw_reason,
            "created_at": _iso(a.created_at), "updated_at": _iso(a.updated_at),
            "actions": allowed_actions(a.status, permissions_of(actor.roles))}


def admin_out(a: Article, actor: StaffUser, *, detail: bool) -> dict[str, Any]:
    out = _public_fields(a, ADMIN_PREFIX) | _admin_fields(a, actor)
    return out | _detail_fields(a, ADMIN_PREFIX) if detail else out


def public_out(a: Article, *, detail: bool) -> dict[str, Any]:
    out = _public_fields(a, MP_PREFIX)
    return out | _detail_fields(a, MP_PREFIX) if detail else out


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _snapshot(a: Article, attachment_ids: list[int]) -> dict[str, Any]:
    # Bodies can be large: the audit row keeps their length and a digest, the article keeps the text.
    return {"kind": a.kind.value, "title": a.title, "summary": a.summary, "category": a.category,
            "status": a.status.value, "issuer": a.issuer, "doc_number": a.doc_number,
            "effective_date": _iso(a.effective_date), "validity": a.validity.value if a.validity else None,
            "body_len": len(a.body_html), "body_sha": _digest(a.body_html),
            "interpretation_len": len(a.interpretation_html), "cover_id": a.cover_id,
            "attachment_ids": attachment_ids, "withdraw_reason": a.withdraw_reason}


# ---- staff side ----------------------------------------------------------------------------------------


async def _load(kind: ArticleKind, article_id: int, *, using_db: Any = None, lock: bool = False) -> Article:
    qs = Article.filter(id=article_id, kind=kind)
    if lock:
        qs = qs.select_for_update()
    article = await qs.using_db(using_db).first()
    if article is None:
        raise e.ContentNotFound(f"{NOUN[kind]}不存在")
    return article


async def _load_for_actor(kind: ArticleKind, article_id: int, actor: StaffUser) -> Article:
    require(actor, Perm.CONTENT_EDIT)
    article = await _load(kind, article_id)
    await scope.ensure_in_scope(actor, article.org_id)
    await article.fetch_related(*_RELATED)
    return article


def _check_action(article: Article, action: ContentAction, actor: StaffUser) -> ContentStatus:
    row = next_status(article.status, action)
    if row is None:
        hint = "，已发布的内容须先撤回再修改" if (article.status, action) == (
            ContentStatus.PUBLISHED, ContentAction.EDIT) else ""
        raise e.ActionNotAllowed(
            f"{STATUS_LABELS[article.status]}状态的{NOUN[article.kind]}不能{ACTION_LABELS[action]}{hint}",
            data={"status": article.status.value, "action": action.value,
                  "allowed": allowed_actions(article.status, permissions_of(actor.roles))})
    require(actor, row[1])
    return row[0]


async def _check_files(actor: StaffUser, *, article_id: int | None, cover_id: int | None,
                       attachment_ids: list[int]) -> None:
    """A file may be attached by the staff member who uploaded it; files already on the article stay usable
    by any editor in scope (so a colleague can edit without re-uploading)."""
    wanted = set(attachment_ids) | ({cover_id} if cover_id is not None else set())
    if not wanted:
        return
    already: set[int] = set()
    if article_id is not None:
        already = set(await ArticleAttachment.filter(article_id=article_id).values_list("file_id", flat=True))
        cover = await Article.filter(id=article_id).values_list("cover_id", flat=True)
        already |= {c for c in cover if c is not None}
    files = {f.id: f for f in await StoredFile.filter(id__in=wanted)}
    for fid in wanted:
        f = files.get(fid)
        if f is None or (fid not in already and not (f.owner_type == "staff" and f.owner_id == actor.id)):
            raise e.FileNotAttachable(data={"file_id": fid})
    if cover_id is not None and files[cover_id].content_type not in IMAGE_TYPES:
        raise e.CoverNotImage(data={"file_id": cover_id})


async def _set_attachments(article: Article, ids: list[int], conn: Any) -> None:
    await ArticleAttachment.filter(article_id=article.id).using_db(conn).delete()
    unique = list(dict.fromkeys(ids))
    if unique:
        await ArticleAttachment.bulk_create(
            [ArticleAttachment(article_id=article.id, file_id=fid, sort=i) for i, fid in enumerate(unique)],
            using_db=conn)


async def _attachment_ids(article_id: int, conn: Any = None) -> list[int]:
    return list(await ArticleAttachment.filter(article_id=article_id).using_db(conn).order_by("sort")
                .values_list("file_id", flat=True))


def _apply(article: Article, values: dict[str, Any]) -> None:
    for name in ("title", "summary", "category", "issuer", "doc_number", "effective_date", "validity"):
        if name in values:
            value = values[name]
            setattr(article, name, value.value if name == "category" and value is not None else value)
    if "body_html" in values:
        article.body_html = clean_html(values["body_html"])
    if "interpretation_html" in values:
        article.interpretation_html = clean_html(values["interpretation_html"] or "")
    if "cover_file_id" in values:
        article.cover_id = values["cover_file_id"]


async def create(deps: Deps, *, actor: StaffUser, kind: ArticleKind, values: dict[str, Any]) -> dict[str, Any]:
    """Create a draft owned by the actor's org; rich text is sanitized before it is stored."""
    require(actor, Perm.CONTENT_EDIT)
    attachment_ids = values.pop("attachment_ids", None) or []
    await _check_files(actor, article_id=None, cover_id=values.get("cover_file_id"), attachment_ids=attachment_ids)
    article = Article(kind=kind, org_id=actor.org_id, region_code=actor.org.region_code, author_id=actor.id,
                      status=ContentStatus.DRAFT, body_html="", category="")
    if kind == ArticleKind.LAW:
        values.setdefault("validity", Validity.EFFECTIVE)
    _apply(article, values)
    async with in_transaction() as conn:
        await article.save(using_db=conn)
        await _set_attachments(article, attachment_ids, conn)
        await audit.record(actor=actor, action=f"{kind.value}.create", target_type="article", target_id=article.id,
                           after=_snapshot(article, attachment_ids), using_db=conn)
    return await detail(deps, actor=actor, kind=kind, article_id=article.id)


async def update(deps: Deps, *, actor: StaffUser, kind: ArticleKind, article_id: int,
                 changes: dict[str, Any]) -> dict[str, Any]:
    """Edit a draft or a withdrawn item (a published one must be withdrawn first)."""
    article = await _load_for_actor(kind, article_id, actor)
    _check_action(article, ContentAction.EDIT, actor)
    new_attachments = changes.pop("attachment_ids", None)
    await _check_files(actor, article_id=article.id, cover_id=changes.get("cover_file_id"),
                       attachment_ids=new_attachments or [])
    async with in_transaction() as conn:
        article = await _load(kind, article_id, using_db=conn, lock=True)
        _check_action(article, ContentAction.EDIT, actor)  # re-checked under the row lock
        before = _snapshot(article, await _attachment_ids(article.id, conn))
        _apply(article, changes)
        await article.save(using_db=conn)
        if new_attachments is not None:
            await _set_attachments(article, new_attachments, conn)
        await audit.record(actor=actor, action=f"{kind.value}.{ContentAction.EDIT.value}", target_type="article", target_id=article.id,
                           before=before, after=_snapshot(article, await _attachment_ids(article.id, conn)),
                           using_db=conn)
    return await detail(deps, actor=actor, kind=kind, article_id=article.id)


async def transition(deps: Deps, *, actor: StaffUser, kind: ArticleKind, article_id: int, action: ContentAction,
                     reason: str = "") -> dict[str, Any]:
    """Publish or withdraw (with a reason) following the transitions table; one audit row per change."""
    await _load_for_actor(kind, article_id, actor)
    async with in_transaction() as conn:
        article = await _load(kind, article_id, using_db=conn, lock=True)
        target = _check_action(article, action, actor)
        if action == ContentAction.PUBLISH and (is_blank(article.body_html) or not article.title.strip()):
            raise e.BodyEmpty()
        before = _snapshot(article, await _attachment_ids(article.id, conn))
        now = datetime.now(UTC)
        article.status = target
        if action == ContentAction.PUBLISH:
            # Re-publishing puts the item back on top of the shop list: it is news again.
            article.published_at = now
        elif action == ContentAction.WITHDRAW:
            article.withdrawn_at = now
            article.withdraw_reason = reason
        await article.save(using_db=conn)
        await audit.record(actor=actor, action=f"{kind.value}.{action.value}", target_type="article",
                           target_id=article.id, before=before,
                           after=_snapshot(article, before["attachment_ids"]), using_db=conn)
    if kind == ArticleKind.NEWS:
        await home_events.touch_all(deps.cache)  # the latest news on every home screen
    return await detail(deps, actor=actor, kind=kind, article_id=article.id)


async def detail(deps: Deps, *, actor: StaffUser, kind: ArticleKind, article_id: int) -> dict[str, Any]:
    """One item in the actor's scope, with its allowed actions."""
    article = await _load_for_actor(kind, article_id, actor)
    return admin_out(article, actor, detail=True)


async def admin_list(deps: Deps, *, actor: StaffUser, kind: ArticleKind, status: ContentStatus | None,
                     category: str | None, validity: str | None, q: str | None, cursor: str | None,
                     limit: int) -> dict[str, Any]:
    """Items of the actor's org and below, newest first."""
    require(actor, Perm.CONTENT_EDIT)
    last_id = decode_cursor(cursor)
    if last_id is not None and not 0 < last_id < 2**63:  # would overflow the 64-bit key in the driver
        raise errors.ValidationFailed("分页游标无效", data={"cursor": cursor})
    qs = scope.scoped(Article.filter(kind=kind), actor)
    qs = _filters(qs, kind=kind, category=category, validity=validity, q=q)
    if status is not None:
        qs = qs.filter(status=status)
    rows, nxt = await keyset(qs.prefetch_related("org", "author", "cover"), cursor=cursor, limit=limit)
    return {"items": [admin_out(a, actor, detail=False) for a in rows], "next": nxt}


def _filters(qs: Any, *, kind: ArticleKind, category: str | None, validity: str | None, q: str | None) -> Any:
    if category is not None:
        qs = qs.filter(category=str(category))
    if validity is not None:
        qs = qs.filter(validity=validity)
    text = (q or "").strip()
    if text:
        cond = Q(title__icontains=text) | Q(summary__icontains=text)
        if kind == ArticleKind.LAW:
            cond |= Q(doc_number__icontains=text)
        qs = qs.filter(cond)
    return qs


async def admin_file(deps: Deps, *, actor: StaffUser, kind: ArticleKind, article_id: int,
                     file_id: int) -> tuple[StoredFile, bytes]:
    article = await _load_for_actor(kind, article_id, actor)
    return await _read_file(deps, article, file_id)


async def _read_file(deps: Deps, article: Article, file_id: int) -> tuple[StoredFile, bytes]:
    ids = {x.file_id for x in article.attachments} | ({article.cover_id} if article.cover_id else set())
    if file_id not in ids:
        raise errors.NotFound("文件不存在")
    f = await StoredFile.get(id=file_id)
    return f, await asyncio.to_thread(deps.storage.open, f.sha256)


# ---- shop side (public, anonymous allowed) -----------------------------------------------------------


def _encode_cursor(a: Article) -> str:
    raw = json.dumps({"t": a.published_at.isoformat(), "id": a.id})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded))
        at, last_id = datetime.fromisoformat(value["t"]), value["id"]
        if not isinstance(last_id, int) or not 0 < last_id < 2**63 or at.tzinfo is None:
            raise ValueError
        return at, last_id
    except (ValueError, KeyError, TypeError, json.JSONDecodeError) as exc:
        raise errors.ValidationFailed("分页游标无效", data={"cursor": cursor}) from exc


async def public_list(*, kind: ArticleKind, category: str | None, validity: str | None, q: str | None,
                      cursor: str | None, limit: int) -> dict[str, Any]:
    """Published items only, most recently published first (keyset on published_at, id)."""
    qs = _filters(Article.filter(kind=kind, status=ContentStatus.PUBLISHED), kind=kind, category=category,
                  validity=validity, q=q)
    if cursor:
        at, last_id = _decode_cursor(cursor)
        qs = qs.filter(Q(published_at__lt=at) | Q(published_at=at, id__lt=last_id))
    rows = await qs.order_by("-published_at", "-id").limit(limit + 1).prefetch_related("org", "cover")
    nxt = _encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return {"items": [public_out(a, detail=False) for a in rows[:limit]], "next": nxt}


async def _load_published(kind: ArticleKind, article_id: int) -> Article:
    article = await Article.get_or_none(id=article_id, kind=kind, status=ContentStatus.PUBLISHED)
    if article is None:
        raise e.ContentNotFound(f"{NOUN[kind]}不存在或已下线")
    return article


async def public_detail(*, kind: ArticleKind, article_id: int) -> dict[str, Any]:
    """A published item; each read counts one view (one atomic UPDATE, no read-modify-write)."""
    article = await _load_published(kind, article_id)
    await Article.filter(id=article.id).update(view_count=F("view_count") + 1)
    article.view_count += 1
    await article.fetch_related(*_RELATED)
    return public_out(article, detail=True)


async def public_file(deps: Deps, *, kind: ArticleKind, article_id: int, file_id: int) -> tuple[StoredFile, bytes]:
    """The cover or an attachment of a published item; nothing else is reachable here."""
    article = await _load_published(kind, article_id)
    await article.fetch_related("attachments")
    return await _read_file(deps, article, file_id)


def options() -> dict[str, Any]:
    """The labels of the staff screens: categories per kind, validities (laws) and statuses."""
    return {"news_categories": [{"value": c.value, "label": CATEGORY_LABELS[c]} for c in NewsCategory],
            "law_categories": [{"value": c.value, "label": CATEGORY_LABELS[c]} for c in LawCategory],
            "validities": [{"value": v.value, "label": label} for v, label in VALIDITY_LABELS.items()],
            "statuses": [{"value": st.value, "label": label} for st, label in STATUS_LABELS.items()]}
