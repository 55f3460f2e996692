"""The appeal workflow as one readable table: states, actions, who may do what. Pure, no I/O.

受理 → 甄别/分类 → 转办 → 承办单位办结报送 → 主管机构回复 → 评价（不满意可重新办理一次）.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from getitong.core.errors import define_error


class AppealStatus(StrEnum):
    SUBMITTED = "submitted"      # 待受理
    ACCEPTED = "accepted"        # 已受理（甄别分类中）
    TRANSFERRED = "transferred"  # 已转办（承办中）
    REPORTED = "reported"        # 承办单位已办结，待回复
    REPLIED = "replied"          # 已回复，待评价
    CLOSED = "closed"            # 已评价


STATUS_LABELS = {
    AppealStatus.SUBMITTED: "待受理",
    AppealStatus.ACCEPTED: "已受理",
    AppealStatus.TRANSFERRED: "承办中",
    AppealStatus.REPORTED: "待回复",
    AppealStatus.REPLIED: "已回复",
    AppealStatus.CLOSED: "已评价",
}

# Not yet answered: these count against the 15-day limit.
OPEN_STATUSES = frozenset({AppealStatus.SUBMITTED, AppealStatus.ACCEPTED, AppealStatus.TRANSFERRED,
                           AppealStatus.REPORTED})


class Action(StrEnum):
    ACCEPT = "accept"
    TRANSFER = "transfer"
    REPLY_OUT_OF_SCOPE = "reply_out_of_scope"
    REPORT = "report"
    SEND_BACK = "send_back"
    REPLY = "reply"
    RATE = "rate"
    REOPEN = "reopen"


ACTION_LABELS = {
    Action.ACCEPT: "受理",
    Action.TRANSFER: "转办",
    Action.REPLY_OUT_OF_SCOPE: "职责范围外回复",
    Action.REPORT: "办结报送",
    Action.SEND_BACK: "退回",
    Action.REPLY: "回复",
    Action.RATE: "评价",
    Action.REOPEN: "不满意重新办理",
}

# Who may act: staff permission codes (getitong.staff.permissions) or the owning business.
DESK = "appeal:desk"
HANDLE = "appeal:handle"
OWNER = "owner"

TRANSITIONS: dict[tuple[AppealStatus, Action], tuple[AppealStatus, str]] = {
    (AppealStatus.SUBMITTED, Action.ACCEPT): (AppealStatus.ACCEPTED, DESK),
    (AppealStatus.ACCEPTED, Action.TRANSFER): (AppealStatus.TRANSFERRED, DESK),
    (AppealStatus.ACCEPTED, Action.REPLY_OUT_OF_SCOPE): (AppealStatus.REPLIED, DESK),
    (AppealStatus.TRANSFERRED, Action.REPORT): (AppealStatus.REPORTED, HANDLE),
    (AppealStatus.TRANSFERRED, Action.SEND_BACK): (AppealStatus.ACCEPTED, HANDLE),
    (AppealStatus.REPORTED, Action.REPLY): (AppealStatus.REPLIED, DESK),
    (AppealStatus.REPLIED, Action.RATE): (AppealStatus.CLOSED, OWNER),
    (AppealStatus.CLOSED, Action.REOPEN): (AppealStatus.ACCEPTED, OWNER),
}

ActionNotAllowed = define_error("ActionNotAllowed", 409, "APPEAL_ACTION_NOT_ALLOWED", "当前状态下不能执行该操作")


@dataclass(frozen=True)
class Caller:
    """What the guard needs to know about the caller: granted roles for this particular appeal.

    `roles` holds DESK when the caller has appeal:desk and the appeal's org is in their scope, HANDLE when
    they have appeal:handle and the appeal is transferred to an org in their scope, OWNER for the owner.
    """

    roles: frozenset[str]


def _condition_ok(status: AppealStatus, action: Action, *, rating: str | None, reopened_once: bool) -> bool:
    # "不满意" reopens once, and only once.
    if action is Action.REOPEN:
        return rating == "dissatisfied" and not reopened_once
    return True


def next_status(status: AppealStatus | str, action: Action | str, caller: Caller, *, rating: str | None = None,
                reopened_once: bool = False) -> AppealStatus:
    """The state after `action`, or ActionNotAllowed with the reason in data."""
    status, action_value = AppealStatus(status), str(action)
    try:
        act = Action(action_value)
    except ValueError:
        raise ActionNotAllowed("未知的操作", data={"action": action_value}) from None
    rule = TRANSITIONS.get((status, act))
    data = {"status": status.value, "status_label": STATUS_LABELS[status], "action": act.value,
            "allowed_actions": allowed_actions(status, caller, rating=rating, reopened_once=reopened_once)}
    if rule is None:
        raise ActionNotAllowed(f"诉求当前为「{STATUS_LABELS[status]}」，不能{ACTION_LABELS[act]}", data=data)
    target, who = rule
    if who not in caller.roles:
        raise ActionNotAllowed(f"您无权对该诉求执行「{ACTION_LABELS[act]}」", data=data)
    if not _condition_ok(status, act, rating=rating, reopened_once=reopened_once):
        raise ActionNotAllowed("仅在评价为「不满意」时可申请重新办理，且只能申请一次", data=data)
    return target


def allowed_actions(status: AppealStatus | str, caller: Caller, *, rating: str | None = None,
                    reopened_once: bool = False) -> list[str]:
    """Actions the caller may take now, in table order: what the clients show as buttons."""
    status = AppealStatus(status)
    return [act.value for (st, act), (_, who) in TRANSITIONS.items()
            if st == status and who in caller.roles
            and _condition_ok(st, act, rating=rating, reopened_once=reopened_once)]
