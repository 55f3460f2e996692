"""The registration workflow as one readable table: states, actions, who may act. Pure, no I/O.

草稿（分步填写，可反复保存）→ 确认文书（锁定内容，进入实名认证与电子签名，6 个工作日内完成）→ 提交 →
规则全部通过：自动核准（无人工干预）；否则进入登记审核（人工核准 / 不予登记）。
"""

from __future__ import annotations

from enum import StrEnum

from getitong.core.errors import define_error


class RegStatus(StrEnum):
    DRAFT = "draft"            # 填写中
    SIGNING = "signing"        # 待实名认证与电子签名
    REVIEWING = "reviewing"    # 登记审核中（人工）
    APPROVED = "approved"      # 已核准（已发照）
    REFUSED = "refused"        # 不予登记
    WITHDRAWN = "withdrawn"    # 已撤回


STATUS_LABELS = {
    RegStatus.DRAFT: "填写中", RegStatus.SIGNING: "待实名认证与签名", RegStatus.REVIEWING: "登记审核中",
    RegStatus.APPROVED: "已核准", RegStatus.REFUSED: "不予登记", RegStatus.WITHDRAWN: "已撤回",
}
# The name stays reserved while the application is open or approved (the business then carries it).
HOLDS_NAME = frozenset({RegStatus.DRAFT, RegStatus.SIGNING, RegStatus.REVIEWING, RegStatus.APPROVED})
EDITABLE = frozenset({RegStatus.DRAFT})


class Action(StrEnum):
    CONFIRM = "confirm"      # 确认文书，进入实名认证与签名（签名逾期后重新实名认证也用它）
    REOPEN = "reopen"        # 退回修改（签名作废）
    SUBMIT = "submit"        # 提交登记申请（智能审批）
    WITHDRAW = "withdraw"    # 撤回
    APPROVE = "approve"      # 人工核准
    REFUSE = "refuse"        # 不予登记
    AUTO_APPROVE = "auto_approve"  # 智能审批通过（系统）
    ROUTE = "route"          # 转人工审核（系统）


ACTION_LABELS = {
    Action.CONFIRM: "确认文书", Action.REOPEN: "退回修改", Action.SUBMIT: "提交申请", Action.WITHDRAW: "撤回申请",
    Action.APPROVE: "核准登记", Action.REFUSE: "不予登记", Action.AUTO_APPROVE: "智能审批通过",
    Action.ROUTE: "转人工审核",
}

APPLICANT = "applicant"
REVIEWER = "registration:review"
SYSTEM = "system"

# (status, action) → (next status, who). SUBMIT is the applicant's request; the system then takes
# AUTO_APPROVE or ROUTE from the same SIGNING state in the same transaction.
TRANSITIONS: dict[tuple[RegStatus, Action], tuple[RegStatus, str]] = {
    (RegStatus.DRAFT, Action.CONFIRM): (RegStatus.SIGNING, APPLICANT),
    (RegStatus.DRAFT, Action.WITHDRAW): (RegStatus.WITHDRAWN, APPLICANT),
    (RegStatus.SIGNING, Action.CONFIRM): (RegStatus.SIGNING, APPLICANT),
    (RegStatus.SIGNING, Action.REOPEN): (RegStatus.DRAFT, APPLICANT),
    (RegStatus.SIGNING, Action.WITHDRAW): (RegStatus.WITHDRAWN, APPLICANT),
    (RegStatus.SIGNING, Action.SUBMIT): (RegStatus.SIGNING, APPLICANT),
    (RegStatus.SIGNING, Action.AUTO_APPROVE): (RegStatus.APPROVED, SYSTEM),
    (RegStatus.SIGNING, Action.ROUTE): (RegStatus.REVIEWING, SYSTEM),
    (RegStatus.REVIEWING, Action.APPROVE): (RegStatus.APPROVED, REVIEWER),
    (RegStatus.REVIEWING, Action.REFUSE): (RegStatus.REFUSED, REVIEWER),
}

ActionNotAllowed = define_error("ActionNotAllowed", 409, "REGISTRATION_ACTION_NOT_ALLOWED", "当前状态下不能执行该操作")


def next_status(status: RegStatus | str, action: Action | str, who: str) -> RegStatus:
    """The state after `action` by `who`, or ActionNotAllowed (data: status, action, allowed_actions)."""
    status, act = RegStatus(status), Action(action)
    rule = TRANSITIONS.get((status, act))
    data = {"status": status.value, "status_label": STATUS_LABELS[status], "action": act.value,
            "allowed_actions": allowed_actions(status, who)}
    if rule is None or rule[1] != who:
        raise ActionNotAllowed(f"申请当前为「{STATUS_LABELS[status]}」，不能{ACTION_LABELS[act]}", data=data)
    return rule[0]


def allowed_actions(status: RegStatus | str, who: str) -> list[str]:
    status = RegStatus(status)
    return [a.value for (st, a), (_, w) in TRANSITIONS.items() if st == status and w == who]
