"""Party-building lifecycles as readable tables. Pure, no I/O.

Activity: draft → published → cancelled (a published activity may be edited until it starts).
Story (先进事迹): draft → published → withdrawn (→ published again); edited only while not published.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from getitong.staff.permissions import Perm


class ActivityStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CANCELLED = "cancelled"


ACTIVITY_STATUS_LABELS = {
    ActivityStatus.DRAFT: "草稿",
    ActivityStatus.PUBLISHED: "已发布",
    ActivityStatus.CANCELLED: "已取消",
}


class Phase(StrEnum):
    """Where the clock stands relative to the activity's time window."""

    NOT_STARTED = "not_started"
    ONGOING = "ongoing"
    ENDED = "ended"


PHASE_LABELS = {Phase.NOT_STARTED: "未开始", Phase.ONGOING: "进行中", Phase.ENDED: "已结束"}


class ActivityAction(StrEnum):
    EDIT = "edit"
    PUBLISH = "publish"
    CANCEL = "cancel"
    DELETE = "delete"


ACTIVITY_ACTION_LABELS = {
    ActivityAction.EDIT: "修改",
    ActivityAction.PUBLISH: "发布",
    ActivityAction.CANCEL: "取消活动",
    ActivityAction.DELETE: "删除",
}

# The one activity table: (status, action) → (next status, permission, phases in which it is allowed).
# A published activity changes only before it starts (members signed up for what they read), and can be
# cancelled until it ends. A published activity is never deleted: its sign-ups and check-ins are records.
_ANY = frozenset(Phase)
_BEFORE_START = frozenset({Phase.NOT_STARTED})
_BEFORE_END = frozenset({Phase.NOT_STARTED, Phase.ONGOING})
ACTIVITY_TRANSITIONS: dict[tuple[ActivityStatus, ActivityAction], tuple[ActivityStatus, Perm, frozenset[Phase]]] = {
    (ActivityStatus.DRAFT, ActivityAction.EDIT): (ActivityStatus.DRAFT, Perm.PARTY_MANAGE, _ANY),
    (ActivityStatus.DRAFT, ActivityAction.PUBLISH): (ActivityStatus.PUBLISHED, Perm.PARTY_MANAGE, _BEFORE_START),
    (ActivityStatus.DRAFT, ActivityAction.DELETE): (ActivityStatus.DRAFT, Perm.PARTY_MANAGE, _ANY),
    (ActivityStatus.PUBLISHED, ActivityAction.EDIT): (ActivityStatus.PUBLISHED, Perm.PARTY_MANAGE, _BEFORE_START),
    (ActivityStatus.PUBLISHED, ActivityAction.CANCEL): (ActivityStatus.CANCELLED, Perm.PARTY_MANAGE, _BEFORE_END),
}


def phase(starts_at: datetime, ends_at: datetime, at: datetime) -> Phase:
    if at < starts_at:
        return Phase.NOT_STARTED
    return Phase.ONGOING if at < ends_at else Phase.ENDED


def activity_rule(status: ActivityStatus, action: ActivityAction
                  ) -> tuple[ActivityStatus, Perm, frozenset[Phase]] | None:
    return ACTIVITY_TRANSITIONS.get((ActivityStatus(status), action))


def activity_actions(status: ActivityStatus, at_phase: Phase, permissions: set[str]) -> list[str]:
    """Actions the caller may take now, sent with the resource so the clients never re-derive the rules."""
    return [action.value for action in ActivityAction
            if (row := ACTIVITY_TRANSITIONS.get((ActivityStatus(status), action))) is not None
            and row[1].value in permissions and at_phase in row[2]]


def checkin_window(starts_at: datetime, ends_at: datetime, *, open_before_minutes: int,
                   close_after_minutes: int) -> tuple[datetime, datetime]:
    """From `open_before_minutes` before the start to `close_after_minutes` after the end."""
    return starts_at - timedelta(minutes=open_before_minutes), ends_at + timedelta(minutes=close_after_minutes)


class StoryStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


STORY_STATUS_LABELS = {
    StoryStatus.DRAFT: "草稿",
    StoryStatus.PUBLISHED: "已发布",
    StoryStatus.WITHDRAWN: "已撤回",
}


class StoryAction(StrEnum):
    EDIT = "edit"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"
    DELETE = "delete"


STORY_ACTION_LABELS = {
    StoryAction.EDIT: "修改",
    StoryAction.PUBLISH: "发布",
    StoryAction.WITHDRAW: "撤回",
    StoryAction.DELETE: "删除",
}

# What shop owners read never changes under them: withdraw, edit, publish again.
STORY_TRANSITIONS: dict[tuple[StoryStatus, StoryAction], tuple[StoryStatus, Perm]] = {
    (StoryStatus.DRAFT, StoryAction.EDIT): (StoryStatus.DRAFT, Perm.PARTY_MANAGE),
    (StoryStatus.DRAFT, StoryAction.PUBLISH): (StoryStatus.PUBLISHED, Perm.PARTY_MANAGE),
    (StoryStatus.DRAFT, StoryAction.DELETE): (StoryStatus.DRAFT, Perm.PARTY_MANAGE),
    (StoryStatus.PUBLISHED, StoryAction.WITHDRAW): (StoryStatus.WITHDRAWN, Perm.PARTY_MANAGE),
    (StoryStatus.WITHDRAWN, StoryAction.EDIT): (StoryStatus.WITHDRAWN, Perm.PARTY_MANAGE),
    (StoryStatus.WITHDRAWN, StoryAction.PUBLISH): (StoryStatus.PUBLISHED, Perm.PARTY_MANAGE),
    (StoryStatus.WITHDRAWN, StoryAction.DELETE): (StoryStatus.WITHDRAWN, Perm.PARTY_MANAGE),
}


def story_rule(status: StoryStatus, action: StoryAction) -> tuple[StoryStatus, Perm] | None:
    return STORY_TRANSITIONS.get((StoryStatus(status), action))


def story_actions(status: StoryStatus, permissions: set[str]) -> list[str]:
    return [action.value for action in StoryAction
            if (row := STORY_TRANSITIONS.get((StoryStatus(status), action))) is not None
            and row[1].value in permissions]
