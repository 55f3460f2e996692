"""Exemplary stories (先进事迹): written and published by staff in scope, read by everyone once published."""

from __future__ import annotations

import hashlib
from typing import Any

from tortoise.transactions import in_transaction

from getitong.content.sanitize import clean_html, is_blank
from getitong.core import audit, errors
from getitong.core.deps import Deps
from getitong.core.models import StoredFile
from getitong.core.pagination import keyset
from getitong.party import errors as e
from getitong.party.common import ADMIN_PREFIX, MP_PREFIX, iso, now, read_file, require_manager
from getitong.party.models import Story
from getitong.party.workflow import (
    STORY_ACTION_LABELS,
    STORY_STATUS_LABELS,
    StoryAction,
    StoryStatus,
    story_actions,
    story_rule,
)
from getitong.staff import scope
from getitong.staff.models import StaffUser
from getitong.staff.permissions import permissions_of


def _public(s: Story, prefix: str, *, detail: bool) -> dict[str, Any]:
    out = {"id": s.id, "title": s.title, "summary": s.summary, "subject": s.subject,
           "cover_url": f"{prefix}/stories/{s.id}/cover" if s.cover_id else None,
           "org": {"id": s.org.id, "name": s.org.name}, "published_at": iso(s.published_at)}
    if detail:
        out["body_html"] = s.body_html
    return out


def _admin(s: Story, actor: StaffUser, *, detail: bool) -> dict[str, Any]:
    return _public(s, ADMIN_PREFIX, detail=detail) | {
        "status": s.status.value, "status_label": STORY_STATUS_LABELS[s.status], "cover_file_id": s.cover_id,
        "author": {"id": s.author.id, "name": s.author.name} if s.author_id and s.author else None,
        "withdrawn_at": iso(s.withdrawn_at), "created_at": iso(s.created_at), "updated_at": iso(s.updated_at),
        "actions": story_actions(s.status, permissions_of(actor.roles))}


def _snapshot(s: Story) -> dict[str, Any]:
    # The audit row keeps the body's length and digest; the story keeps the text.
    return {"title": s.title, "summary": s.summary, "subject": s.subject, "status": s.status.value,
            "cover_id": s.cover_id, "body_len": len(s.body_html),
            "body_sha": hashlib.sha256(s.body_html.encode()).hexdigest()[:16]}


def _body(html: str) -> str:
    cleaned = clean_html(html)
    if is_blank(cleaned):
        raise e.StoryBodyBlank()
    return cleaned


async def _check_cover(actor: StaffUser, cover_id: int | None, current: int | None = None) -> int | None:
    if cover_id is None or cover_id == current:
        return cover_id
    f = await StoredFile.get_or_none(id=cover_id)
    if f is None or f.owner_type != "staff" or f.owner_id != actor.id or not f.content_type.startswith("image/"):
        raise e.PhotoInvalid("封面须为本人上传的图片", data={"file_id": cover_id})
    return cover_id


async def _load(actor: StaffUser, story_id: int, *, using_db: Any = None, lock: bool = False) -> Story:
    require_manager(actor)
    qs = scope.scoped(Story.filter(id=story_id), actor)
    if lock:
        qs = qs.select_for_update()
    story = await qs.using_db(using_db).first()
    if story is None:
        raise e.StoryNotFound()
    return story


def _guard(story: Story, action: StoryAction, actor: StaffUser) -> StoryStatus:
    rule = story_rule(story.status, action)
    if rule is None:
        hint = "，已发布的事迹须先撤回再修改" if (story.status, action) == (StoryStatus.PUBLISHED, StoryAction.EDIT) \
            else ""
        raise e.StoryActionNotAllowed(
            f"{STORY_STATUS_LABELS[story.status]}状态的先进事迹不能{STORY_ACTION_LABELS[action]}{hint}",
            data={"status": story.status.value, "action": action.value,
                  "allowed": story_actions(story.status, permissions_of(actor.roles))})
    return rule[0]


async def admin_detail(*, actor: StaffUser, story_id: int) -> dict[str, Any]:
    story = await _load(actor, story_id)
    await story.fetch_related("org", "author")
    return _admin(story, actor, detail=True)


async def admin_list(*, actor: StaffUser, status: str | None, q: str | None, cursor: str | None,
                     limit: int) -> dict[str, Any]:
    require_manager(actor)
    qs = scope.scoped(Story.all(), actor)
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(title__icontains=q)
    rows, nxt = await keyset(qs.prefetch_related("org", "author"), cursor=cursor, limit=limit)
    return {"items": [_admin(s, actor, detail=False) for s in rows], "next": nxt}


async def create(*, actor: StaffUser, values: dict[str, Any]) -> dict[str, Any]:
    """A draft story of the actor's org; the body is sanitized before it is stored."""
    require_manager(actor)
    body = _body(values.pop("body_html"))
    cover = await _check_cover(actor, values.pop("cover_file_id", None))
    async with in_transaction() as conn:
        story = await Story.create(org_id=actor.org_id, author_id=actor.id, body_html=body, cover_id=cover,
                                   status=StoryStatus.DRAFT, using_db=conn, **values)
        await audit.record(actor=actor, action="party.story.create", target_type="party_story", target_id=story.id,
                           after=_snapshot(story), using_db=conn)
    return await admin_detail(actor=actor, story_id=story.id)


async def update(*, actor: StaffUser, story_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    for key in ("title", "body_html"):
        if key in changes and changes[key] is None:
            raise errors.ValidationFailed(f"参数错误：{key} 不能为空")
    body = _body(changes.pop("body_html")) if "body_html" in changes else None
    async with in_transaction() as conn:
        story = await _load(actor, story_id, using_db=conn, lock=True)
        _guard(story, StoryAction.EDIT, actor)
        before = _snapshot(story)
        if "cover_file_id" in changes:
            story.cover_id = await _check_cover(actor, changes.pop("cover_file_id"), story.cover_id)
        if body is not None:
            story.body_html = body
        for key, value in changes.items():
            setattr(story, key, value if value is not None else "")
        await story.save(using_db=conn)
        await audit.record(actor=actor, action="party.story.update", target_type="party_story", target_id=story.id,
                           before=before, after=_snapshot(story), using_db=conn)
    return await admin_detail(actor=actor, story_id=story_id)


async def transition(*, actor: StaffUser, story_id: int, action: StoryAction) -> dict[str, Any]:
    """Publish or withdraw a story."""
    at = now()
    async with in_transaction() as conn:
        story = await _load(actor, story_id, using_db=conn, lock=True)
        target = _guard(story, action, actor)
        before = _snapshot(story)
        story.status = target
        if action is StoryAction.PUBLISH:
            story.published_at = at
        elif action is StoryAction.WITHDRAW:
            story.withdrawn_at = at
        await story.save(using_db=conn)
        await audit.record(actor=actor, action=f"party.story.{action.value}", target_type="party_story",
                           target_id=story.id, before=before, after=_snapshot(story), using_db=conn)
    return await admin_detail(actor=actor, story_id=story_id)


async def delete(*, actor: StaffUser, story_id: int) -> None:
    async with in_transaction() as conn:
        story = await _load(actor, story_id, using_db=conn, lock=True)
        _guard(story, StoryAction.DELETE, actor)
        before = _snapshot(story)
        await Story.filter(id=story.id).using_db(conn).delete()
        await audit.record(actor=actor, action="party.story.delete", target_type="party_story", target_id=story_id,
                           before=before, using_db=conn)


async def admin_cover(deps: Deps, *, actor: StaffUser, story_id: int) -> tuple[StoredFile, bytes]:
    story = await _load(actor, story_id)
    return await read_file(deps, story.cover_id or 0, {story.cover_id} if story.cover_id else set())


# ---- mini-program (published only, anonymous allowed like news) ----------------------------------------


async def public_list(*, q: str | None, cursor: str | None, limit: int) -> dict[str, Any]:
    qs = Story.filter(status=StoryStatus.PUBLISHED)
    if q:
        qs = qs.filter(title__icontains=q)
    rows, nxt = await keyset(qs.prefetch_related("org"), cursor=cursor, limit=limit)
    return {"items": [_public(s, MP_PREFIX, detail=False) for s in rows], "next": nxt}


async def _published(story_id: int) -> Story:
    story = await Story.get_or_none(id=story_id, status=StoryStatus.PUBLISHED)
    if story is None:
        raise e.StoryNotFound("先进事迹不存在或已撤回")
    return story


async def public_detail(*, story_id: int) -> dict[str, Any]:
    story = await _published(story_id)
    await story.fetch_related("org")
    return _public(story, MP_PREFIX, detail=True)


async def public_cover(deps: Deps, *, story_id: int) -> tuple[StoredFile, bytes]:
    story = await _published(story_id)
    return await read_file(deps, story.cover_id or 0, {story.cover_id} if story.cover_id else set())
