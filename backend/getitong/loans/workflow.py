"""The loan application workflow as one readable table, and the product publishing states. Pure, no I/O.

已提交 → 已联系 → 已审批通过 → 已放款; the institution may refuse (未通过) before the loan is granted, the owner
may withdraw (撤回) while nobody has picked the application up yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from getitong.core.errors import define_error


class ApplicationStatus(StrEnum):
    SUBMITTED = "submitted"  # 已提交
    CONTACTED = "contacted"  # 已联系
    APPROVED = "approved"    # 已审批通过
    REJECTED = "rejected"    # 未通过
    GRANTED = "granted"      # 已放款
    WITHDRAWN = "withdrawn"  # 已撤回


STATUS_LABELS = {
    ApplicationStatus.SUBMITTED: "已提交",
    ApplicationStatus.CONTACTED: "已联系",
    ApplicationStatus.APPROVED: "已审批通过",
    ApplicationStatus.REJECTED: "未通过",
    ApplicationStatus.GRANTED: "已放款",
    ApplicationStatus.WITHDRAWN: "已撤回",
}

# Still being handled: a business holds at most one of these per product.
OPEN_STATUSES = frozenset({ApplicationStatus.SUBMITTED, ApplicationStatus.CONTACTED, ApplicationStatus.APPROVED})


class Action(StrEnum):
    CONTACT = "contact"
    APPROVE = "approve"
    REJECT = "reject"
    GRANT = "grant"
    WITHDRAW = "withdraw"


ACTION_LABELS = {
    Action.CONTACT: "联系",
    Action.APPROVE: "审批通过",
    Action.REJECT: "审批不通过",
    Action.GRANT: "放款",
    Action.WITHDRAW: "撤回",
}

# Who may act: the staff of the application's institution (loan:handle) or the applying business.
HANDLE = "loan:handle"
OWNER = "owner"

TRANSITIONS: dict[tuple[ApplicationStatus, Action], tuple[ApplicationStatus, str]] = {
    (ApplicationStatus.SUBMITTED, Action.CONTACT): (ApplicationStatus.CONTACTED, HANDLE),
    (ApplicationStatus.SUBMITTED, Action.REJECT): (ApplicationStatus.REJECTED, HANDLE),
    (ApplicationStatus.SUBMITTED, Action.WITHDRAW): (ApplicationStatus.WITHDRAWN, OWNER),
    (ApplicationStatus.CONTACTED, Action.APPROVE): (ApplicationStatus.APPROVED, HANDLE),
    (ApplicationStatus.CONTACTED, Action.REJECT): (ApplicationStatus.REJECTED, HANDLE),
    (ApplicationStatus.APPROVED, Action.GRANT): (ApplicationStatus.GRANTED, HANDLE),
    (ApplicationStatus.APPROVED, Action.REJECT): (ApplicationStatus.REJECTED, HANDLE),
}

# What an action must carry (checked by the service after the table allows the action).
REQUIRED_DETAILS: dict[Action, tuple[str, ...]] = {
    Action.APPROVE: ("amount", "rate", "term_months"),
    Action.GRANT: ("amount", "granted_on"),
    Action.REJECT: ("note",),
}

TransitionNotAllowed = define_error("TransitionNotAllowed", 409, "LOAN_TRANSITION_NOT_ALLOWED",
                                    "当前状态下不能执行该操作")


@dataclass(frozen=True)
class Caller:
    """The roles the caller holds for one particular application (HANDLE, OWNER or none)."""

    roles: frozenset[str]


def next_status(status: ApplicationStatus | str, action: Action | str, caller: Caller) -> ApplicationStatus:
    """The state after `action`, or TransitionNotAllowed with the allowed actions in data."""
    status, action_value = ApplicationStatus(status), str(action)
    try:
        act = Action(action_value)
    except ValueError:
        raise TransitionNotAllowed("未知的操作", data={"action": action_value}) from None
    data = {"status": status.value, "status_label": STATUS_LABELS[status], "action": act.value,
            "allowed_actions": allowed_actions(status, caller)}
    rule = TRANSITIONS.get((status, act))
    if rule is None:
        raise TransitionNotAllowed(f"贷款申请当前为「{STATUS_LABELS[status]}」，不能{ACTION_LABELS[act]}", data=data)
    target, who = rule
    if who not in caller.roles:
        raise TransitionNotAllowed(f"您无权对该贷款申请执行「{ACTION_LABELS[act]}」", data=data)
    return target


def allowed_actions(status: ApplicationStatus | str, caller: Caller) -> list[str]:
    """Actions the caller may take now, in table order: what the clients show as buttons."""
    status = ApplicationStatus(status)
    return [act.value for (st, act), (_, who) in TRANSITIONS.items() if st == status and who in caller.roles]


class ProductStatus(StrEnum):
    DRAFT = "draft"              # 草稿
    PUBLISHED = "published"      # 已发布
    UNPUBLISHED = "unpublished"  # 已下架


PRODUCT_STATUS_LABELS = {ProductStatus.DRAFT: "草稿", ProductStatus.PUBLISHED: "已发布",
                         ProductStatus.UNPUBLISHED: "已下架"}


class ProductAction(StrEnum):
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"


PRODUCT_ACTION_LABELS = {ProductAction.PUBLISH: "发布", ProductAction.UNPUBLISH: "下架"}

PRODUCT_TRANSITIONS: dict[tuple[ProductStatus, ProductAction], ProductStatus] = {
    (ProductStatus.DRAFT, ProductAction.PUBLISH): ProductStatus.PUBLISHED,
    (ProductStatus.UNPUBLISHED, ProductAction.PUBLISH): ProductStatus.PUBLISHED,
    (ProductStatus.PUBLISHED, ProductAction.UNPUBLISH): ProductStatus.UNPUBLISHED,
}

ProductActionNotAllowed = define_error("ProductActionNotAllowed", 409, "LOAN_PRODUCT_ACTION_NOT_ALLOWED",
                                       "当前状态下不能执行该操作")


def product_next(status: ProductStatus | str, action: ProductAction) -> ProductStatus:
    status = ProductStatus(status)
    target = PRODUCT_TRANSITIONS.get((status, action))
    if target is None:
        raise ProductActionNotAllowed(
            f"产品当前为「{PRODUCT_STATUS_LABELS[status]}」，不能{PRODUCT_ACTION_LABELS[action]}",
            data={"status": status.value, "action": action.value})
    return target


def product_actions(status: ProductStatus | str) -> list[str]:
    status = ProductStatus(status)
    return [act.value for (st, act) in PRODUCT_TRANSITIONS if st == status]
