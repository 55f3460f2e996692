"""名特优新 workflows as readable tables: the notice (分类认定公告) and the application. Pure, no I/O.

Notice:      draft → published → closed | withdrawn.
Application: draft (the owner's wizard) → submitted → accepted (受理) → recognised (认定) | refused (不予认定);
             submitted / accepted → returned (退回补正) → corrected by the owner and resubmitted → submitted.
"""

from __future__ import annotations

from enum import StrEnum

from getitong.core.errors import define_error
from getitong.staff.permissions import Perm

# ----------------------------------------------------------------------------- notices


class NoticeStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


NOTICE_STATUS_LABELS = {NoticeStatus.DRAFT: "草稿", NoticeStatus.PUBLISHED: "已发布", NoticeStatus.CLOSED: "已结束",
                        NoticeStatus.WITHDRAWN: "已撤回"}


class NoticeAction(StrEnum):
    EDIT = "edit"
    DELETE = "delete"
    PUBLISH = "publish"
    CLOSE = "close"
    WITHDRAW = "withdraw"


NOTICE_ACTION_LABELS = {NoticeAction.EDIT: "编辑", NoticeAction.DELETE: "删除", NoticeAction.PUBLISH: "发布",
                        NoticeAction.CLOSE: "结束申报", NoticeAction.WITHDRAW: "撤回"}

# A published notice is what owners applied against: it is no longer edited, only closed or withdrawn.
# EDIT keeps the state; DELETE removes the row (None: nothing is stored afterwards).
NOTICE_TRANSITIONS: dict[tuple[NoticeStatus, NoticeAction], NoticeStatus | None] = {
    (NoticeStatus.DRAFT, NoticeAction.EDIT): NoticeStatus.DRAFT,
    (NoticeStatus.DRAFT, NoticeAction.DELETE): None,
    (NoticeStatus.DRAFT, NoticeAction.PUBLISH): NoticeStatus.PUBLISHED,
    (NoticeStatus.PUBLISHED, NoticeAction.CLOSE): NoticeStatus.CLOSED,
    (NoticeStatus.PUBLISHED, NoticeAction.WITHDRAW): NoticeStatus.WITHDRAWN,
}

NoticeActionNotAllowed = define_error("NoticeActionNotAllowed", 409, "RECOGNITION_NOTICE_ACTION_NOT_ALLOWED",
                                      "当前状态下不能对公告执行该操作")


def notice_next(status: NoticeStatus | str, action: NoticeAction | str) -> NoticeStatus | None:
    """The notice state after `action` (None: deleted), or NoticeActionNotAllowed."""
    status, act = NoticeStatus(status), NoticeAction(action)
    if (status, act) not in NOTICE_TRANSITIONS:
        raise NoticeActionNotAllowed(
            f"公告当前为「{NOTICE_STATUS_LABELS[status]}」，不能{NOTICE_ACTION_LABELS[act]}",
            data={"status": status.value, "action": act.value, "allowed_actions": notice_actions(status)})
    return NOTICE_TRANSITIONS[(status, act)]


def notice_actions(status: NoticeStatus | str) -> list[str]:
    status = NoticeStatus(status)
    return [a.value for (st, a) in NOTICE_TRANSITIONS if st == status]


# ----------------------------------------------------------------------------- applications


class AppStatus(StrEnum):
    DRAFT = "draft"              # 填写中（草稿）
    SUBMITTED = "submitted"      # 待受理
    ACCEPTED = "accepted"        # 已受理（审核中）
    RETURNED = "returned"        # 退回补正
    RECOGNISED = "recognised"    # 已认定
    REFUSED = "refused"          # 不予认定
    # Never stored: a cancelled draft is deleted (the seed's 【取消】 discards the application).
    DISCARDED = "discarded"


STATUS_LABELS = {AppStatus.DRAFT: "填写中", AppStatus.SUBMITTED: "待受理", AppStatus.ACCEPTED: "审核中",
                 AppStatus.RETURNED: "退回补正", AppStatus.RECOGNISED: "已认定", AppStatus.REFUSED: "不予认定",
                 AppStatus.DISCARDED: "已取消"}
STORED_STATUSES = tuple(s for s in AppStatus if s is not AppStatus.DISCARDED)


class Action(StrEnum):
    SAVE = "save"            # save one wizard step
    SUBMIT = "submit"
    CANCEL = "cancel"
    RESUBMIT = "resubmit"
    ACCEPT = "accept"
    RETURN = "return"
    RECOGNISE = "recognise"
    REFUSE = "refuse"


ACTION_LABELS = {Action.SAVE: "保存", Action.SUBMIT: "提交申请", Action.CANCEL: "取消申请",
                 Action.RESUBMIT: "补正后重新提交", Action.ACCEPT: "受理", Action.RETURN: "退回补正",
                 Action.RECOGNISE: "认定", Action.REFUSE: "不予认定"}

OWNER = "owner"
REVIEW = Perm.RECOGNITION_REVIEW.value

TRANSITIONS: dict[tuple[AppStatus, Action], tuple[AppStatus, str]] = {
    (AppStatus.DRAFT, Action.SAVE): (AppStatus.DRAFT, OWNER),
    (AppStatus.DRAFT, Action.SUBMIT): (AppStatus.SUBMITTED, OWNER),
    (AppStatus.DRAFT, Action.CANCEL): (AppStatus.DISCARDED, OWNER),
    (AppStatus.SUBMITTED, Action.ACCEPT): (AppStatus.ACCEPTED, REVIEW),
    (AppStatus.SUBMITTED, Action.RETURN): (AppStatus.RETURNED, REVIEW),
    (AppStatus.ACCEPTED, Action.RETURN): (AppStatus.RETURNED, REVIEW),
    (AppStatus.ACCEPTED, Action.RECOGNISE): (AppStatus.RECOGNISED, REVIEW),
    (AppStatus.ACCEPTED, Action.REFUSE): (AppStatus.REFUSED, REVIEW),
    (AppStatus.RETURNED, Action.SAVE): (AppStatus.RETURNED, OWNER),
    (AppStatus.RETURNED, Action.RESUBMIT): (AppStatus.SUBMITTED, OWNER),
}

# Statuses the reviewers see (a draft is the owner's own until it is submitted).
REVIEW_STATUSES = (AppStatus.SUBMITTED, AppStatus.ACCEPTED, AppStatus.RETURNED, AppStatus.RECOGNISED,
                   AppStatus.REFUSED)
# Statuses in which the owner may still change the content (the wizard is open).
EDITABLE = frozenset(st for (st, act) in TRANSITIONS if act is Action.SAVE)

ActionNotAllowed = define_error("ActionNotAllowed", 409, "RECOGNITION_ACTION_NOT_ALLOWED",
                                "当前状态下不能执行该操作")


def next_status(status: AppStatus | str, action: Action | str, roles: frozenset[str]) -> AppStatus:
    """The application state after `action` by a caller holding `roles`, or ActionNotAllowed."""
    status = AppStatus(status)
    try:
        act = Action(str(action))
    except ValueError:
        raise ActionNotAllowed("未知的操作", data={"action": str(action)}) from None
    data = {"status": status.value, "status_label": STATUS_LABELS[status], "action": act.value,
            "allowed_actions": allowed_actions(status, roles)}
    rule = TRANSITIONS.get((status, act))
    if rule is None:
        raise ActionNotAllowed(f"申请当前为「{STATUS_LABELS[status]}」，不能{ACTION_LABELS[act]}", data=data)
    target, who = rule
    if who not in roles:
        raise ActionNotAllowed(f"您无权对该申请执行「{ACTION_LABELS[act]}」", data=data)
    return target


def allowed_actions(status: AppStatus | str, roles: frozenset[str]) -> list[str]:
    """Actions the caller may take now, in table order (the buttons the clients show)."""
    status = AppStatus(status)
    return [act.value for (st, act), (_, who) in TRANSITIONS.items() if st == status and who in roles]
