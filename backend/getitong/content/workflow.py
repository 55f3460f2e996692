"""Content lifecycle: draft → published → withdrawn (→ published again). Pure, no I/O."""

from __future__ import annotations

from enum import StrEnum

from getitong.staff.permissions import Perm


class ContentStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


STATUS_LABELS = {
    ContentStatus.DRAFT: "草稿",
    ContentStatus.PUBLISHED: "已发布",
    ContentStatus.WITHDRAWN: "已撤回",
}


class ContentAction(StrEnum):
    EDIT = "edit"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"


ACTION_LABELS = {
    ContentAction.EDIT: "修改",
    ContentAction.PUBLISH: "发布",
    ContentAction.WITHDRAW: "撤回",
}

# The one transitions table. Editing a published item is not in it on purpose: what shop owners
# read never changes under them; an editor withdraws, edits and publishes again.
TRANSITIONS: dict[tuple[ContentStatus, ContentAction], tuple[ContentStatus, Perm]] = {
    (ContentStatus.DRAFT, ContentAction.EDIT): (ContentStatus.DRAFT, Perm.CONTENT_EDIT),
    (ContentStatus.DRAFT, ContentAction.PUBLISH): (ContentStatus.PUBLISHED, Perm.CONTENT_EDIT),
    (ContentStatus.PUBLISHED, ContentAction.WITHDRAW): (ContentStatus.WITHDRAWN, Perm.CONTENT_EDIT),
    (ContentStatus.WITHDRAWN, ContentAction.EDIT): (ContentStatus.WITHDRAWN, Perm.CONTENT_EDIT),
    (ContentStatus.WITHDRAWN, ContentAction.PUBLISH): (ContentStatus.PUBLISHED, Perm.CONTENT_EDIT),
}


def next_status(status: ContentStatus, action: ContentAction) -> tuple[ContentStatus, Perm] | None:
    """The state after `action` and the permission it needs, or None when the table has no such row."""
    return TRANSITIONS.get((status, action))


def allowed_actions(status: ContentStatus, permissions: set[str]) -> list[str]:
    """Actions the caller may take now, sent with the resource so the clients never re-derive the rules."""
    return [action.value for action in ContentAction
            if (row := TRANSITIONS.get((status, action))) is not None and row[1].value in permissions]
