"""The notice workflow as one table: 未接收 → 已接收 → 已反馈. Pure, no I/O."""

from __future__ import annotations

from enum import StrEnum

from getitong.core.errors import define_error


class NoticeStatus(StrEnum):
    UNRECEIVED = "unreceived"  # 未接收 (red)
    RECEIVED = "received"      # 已接收，未反馈 (yellow)
    ANSWERED = "answered"      # 已反馈 (green)


STATUS_LABELS = {NoticeStatus.UNRECEIVED: "未接收", NoticeStatus.RECEIVED: "已接收", NoticeStatus.ANSWERED: "已反馈"}
STATUS_COLORS = {NoticeStatus.UNRECEIVED: "red", NoticeStatus.RECEIVED: "yellow", NoticeStatus.ANSWERED: "green"}


class NoticeAction(StrEnum):
    RECEIVE = "receive"
    ANSWER = "answer"


TRANSITIONS: dict[tuple[NoticeStatus, NoticeAction], NoticeStatus] = {
    (NoticeStatus.UNRECEIVED, NoticeAction.RECEIVE): NoticeStatus.RECEIVED,
    (NoticeStatus.RECEIVED, NoticeAction.ANSWER): NoticeStatus.ANSWERED,
}


class FeedbackResult(StrEnum):
    ISSUED = "issued"                  # 已发证
    REFUSED = "refused"                # 不予发证
    OTHER_LEVEL = "other_level"        # 非本级发证
    NOT_APPLIED = "not_applied"        # 经营者未申请（未开展该项经营）


RESULT_LABELS = {FeedbackResult.ISSUED: "已发证", FeedbackResult.REFUSED: "不予发证",
                 FeedbackResult.OTHER_LEVEL: "非本级发证", FeedbackResult.NOT_APPLIED: "未申请许可"}


class ApplicationType(StrEnum):
    ESTABLISH = "establish"  # 设立登记
    CHANGE = "change"        # 变更登记


APPLICATION_LABELS = {ApplicationType.ESTABLISH: "设立登记", ApplicationType.CHANGE: "变更登记"}

NoticeActionNotAllowed = define_error("NoticeActionNotAllowed", 409, "NOTICE_ACTION_NOT_ALLOWED",
                                      "当前状态下不能执行该操作")


def next_status(status: NoticeStatus | str, action: NoticeAction | str) -> NoticeStatus:
    status, action = NoticeStatus(status), NoticeAction(action)
    target = TRANSITIONS.get((status, action))
    if target is None:
        verb = "接收" if action is NoticeAction.RECEIVE else "反馈"
        raise NoticeActionNotAllowed(f"告知当前为「{STATUS_LABELS[status]}」，不能{verb}",
                                     data={"status": status.value, "action": action.value})
    return target
