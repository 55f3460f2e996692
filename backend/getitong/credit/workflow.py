"""The credit-repair workflow as one readable table: states, actions, who may act. Pure, no I/O.

申请（移动端或审批端直接受理）→ 受理（经办，可转办同区局其他所）→ 审核 → 审批（移出名录）→ 办结.
Each staff step may return the application to the previous step or refuse it with a reason; the applicant
may withdraw it before acceptance or while it is returned to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from getitong.core.errors import define_error


class CreditStatus(StrEnum):
    SUBMITTED = "submitted"    # 待受理（经办）
    REVIEWING = "reviewing"    # 待审核
    APPROVING = "approving"    # 待审批
    RETURNED = "returned"      # 已退回申请人补正
    APPROVED = "approved"      # 已办结（准予修复，已移出）
    REFUSED = "refused"        # 不予修复
    WITHDRAWN = "withdrawn"    # 申请人撤回（受理前或退回补正时）


STATUS_LABELS = {
    CreditStatus.SUBMITTED: "待受理",
    CreditStatus.REVIEWING: "待审核",
    CreditStatus.APPROVING: "待审批",
    CreditStatus.RETURNED: "已退回补正",
    CreditStatus.APPROVED: "已办结（准予修复）",
    CreditStatus.REFUSED: "不予修复",
    CreditStatus.WITHDRAWN: "已撤回",
}

# The step the application is at, as the applicant's progress page names it.
STEP_LABELS = {
    CreditStatus.SUBMITTED: "受理",
    CreditStatus.REVIEWING: "审核",
    CreditStatus.APPROVING: "审批",
    CreditStatus.RETURNED: "申请人补正材料",
    CreditStatus.APPROVED: "办结",
    CreditStatus.REFUSED: "办结",
    CreditStatus.WITHDRAWN: "已撤回",
}

# Still open: the listing(s) cannot be applied for again, and time limits run.
OPEN_STATUSES = frozenset({CreditStatus.SUBMITTED, CreditStatus.REVIEWING, CreditStatus.APPROVING,
                           CreditStatus.RETURNED})


class Action(StrEnum):
    ACCEPT = "accept"
    TRANSFER = "transfer"
    REVIEW = "review"
    APPROVE = "approve"
    RETURN = "return"
    REFUSE = "refuse"
    RESUBMIT = "resubmit"
    WITHDRAW = "withdraw"


ACTION_LABELS = {
    Action.ACCEPT: "受理",
    Action.TRANSFER: "转办",
    Action.REVIEW: "审核通过",
    Action.APPROVE: "审批通过",
    Action.RETURN: "退回",
    Action.REFUSE: "不予修复",
    Action.RESUBMIT: "补正后重新提交",
    Action.WITHDRAW: "撤回申请",
}

# Who may act: the staff permission codes of getitong.staff.permissions (held by staff of the handling
# office) or the applicant.
CLERK = "credit:accept"
REVIEWER = "credit:review"
APPROVER = "credit:approve"
APPLICANT = "applicant"
# The state each staff role works on: what lands in its 待办 list.
WORKS_ON = {CLERK: CreditStatus.SUBMITTED, REVIEWER: CreditStatus.REVIEWING, APPROVER: CreditStatus.APPROVING}

TRANSITIONS: dict[tuple[CreditStatus, Action], tuple[CreditStatus, str]] = {
    (CreditStatus.SUBMITTED, Action.ACCEPT): (CreditStatus.REVIEWING, CLERK),
    (CreditStatus.SUBMITTED, Action.TRANSFER): (CreditStatus.SUBMITTED, CLERK),
    (CreditStatus.SUBMITTED, Action.RETURN): (CreditStatus.RETURNED, CLERK),
    (CreditStatus.SUBMITTED, Action.REFUSE): (CreditStatus.REFUSED, CLERK),
    (CreditStatus.REVIEWING, Action.REVIEW): (CreditStatus.APPROVING, REVIEWER),
    (CreditStatus.REVIEWING, Action.RETURN): (CreditStatus.SUBMITTED, REVIEWER),
    (CreditStatus.REVIEWING, Action.REFUSE): (CreditStatus.REFUSED, REVIEWER),
    (CreditStatus.APPROVING, Action.APPROVE): (CreditStatus.APPROVED, APPROVER),
    (CreditStatus.APPROVING, Action.RETURN): (CreditStatus.REVIEWING, APPROVER),
    (CreditStatus.APPROVING, Action.REFUSE): (CreditStatus.REFUSED, APPROVER),
    (CreditStatus.RETURNED, Action.RESUBMIT): (CreditStatus.SUBMITTED, APPLICANT),
    # The applicant may withdraw before the office has accepted, or while it is back with them for 补正;
    # once accepted it is the office's to decide. Withdrawing frees the listings for a new application.
    (CreditStatus.SUBMITTED, Action.WITHDRAW): (CreditStatus.WITHDRAWN, APPLICANT),
    (CreditStatus.RETURNED, Action.WITHDRAW): (CreditStatus.WITHDRAWN, APPLICANT),
}

# Actions that need a written reason (the applicant sees it).
NEEDS_REASON = frozenset({Action.TRANSFER, Action.RETURN, Action.REFUSE})

ActionNotAllowed = define_error("ActionNotAllowed", 409, "CREDIT_ACTION_NOT_ALLOWED", "当前状态下不能执行该操作")


@dataclass(frozen=True)
class Caller:
    """The roles the caller holds for one application (see the constants above)."""

    roles: frozenset[str]


def next_status(status: CreditStatus | str, action: Action | str, caller: Caller) -> CreditStatus:
    """The state after `action`, or ActionNotAllowed with the reason in data."""
    status, action_value = CreditStatus(status), str(action)
    try:
        act = Action(action_value)
    except ValueError:
        raise ActionNotAllowed("未知的操作", data={"action": action_value}) from None
    data = {"status": status.value, "status_label": STATUS_LABELS[status], "action": act.value,
            "allowed_actions": allowed_actions(status, caller)}
    rule = TRANSITIONS.get((status, act))
    if rule is None:
        raise ActionNotAllowed(f"申请当前为「{STATUS_LABELS[status]}」，不能{ACTION_LABELS[act]}", data=data)
    target, who = rule
    if who not in caller.roles:
        raise ActionNotAllowed(f"您无权对该申请执行「{ACTION_LABELS[act]}」", data=data)
    return target


def allowed_actions(status: CreditStatus | str, caller: Caller) -> list[str]:
    """Actions the caller may take now, in table order: what the clients show as buttons."""
    status = CreditStatus(status)
    return [act.value for (st, act), (_, who) in TRANSITIONS.items() if st == status and who in caller.roles]
