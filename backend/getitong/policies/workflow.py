"""States and the one transitions table per workflow of the policies domain — pure, no I/O."""

from __future__ import annotations

from enum import StrEnum

from getitong.policies import errors


class PolicyStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


POLICY_STATUS_LABELS = {PolicyStatus.DRAFT: "草稿", PolicyStatus.PUBLISHED: "已发布", PolicyStatus.WITHDRAWN: "已撤回"}


class PolicyAction(StrEnum):
    EDIT = "edit"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"
    DELETE = "delete"


# (status, action) -> next status (None: the record is gone).
POLICY_TRANSITIONS: dict[tuple[PolicyStatus, PolicyAction], PolicyStatus | None] = {
    (PolicyStatus.DRAFT, PolicyAction.EDIT): PolicyStatus.DRAFT,
    (PolicyStatus.DRAFT, PolicyAction.PUBLISH): PolicyStatus.PUBLISHED,
    (PolicyStatus.DRAFT, PolicyAction.DELETE): None,
    (PolicyStatus.PUBLISHED, PolicyAction.EDIT): PolicyStatus.PUBLISHED,
    (PolicyStatus.PUBLISHED, PolicyAction.WITHDRAW): PolicyStatus.WITHDRAWN,
    (PolicyStatus.WITHDRAWN, PolicyAction.EDIT): PolicyStatus.WITHDRAWN,
    (PolicyStatus.WITHDRAWN, PolicyAction.PUBLISH): PolicyStatus.PUBLISHED,
}


def policy_next(status: PolicyStatus, action: PolicyAction) -> PolicyStatus | None:
    if (status, action) not in POLICY_TRANSITIONS:
        raise errors.PolicyActionNotAllowed(data={"status": status.value, "action": action.value})
    return POLICY_TRANSITIONS[(status, action)]


def policy_actions(status: PolicyStatus) -> list[str]:
    return [a.value for (s, a) in POLICY_TRANSITIONS if s == status]


class EligibilityStatus(StrEnum):
    PUSHED = "pushed"
    CONFIRMED = "confirmed"
    FORWARDED = "forwarded"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    PAID = "paid"
    REVOKED = "revoked"


ELIGIBILITY_STATUS_LABELS = {
    EligibilityStatus.PUSHED: "待确认",
    EligibilityStatus.CONFIRMED: "已确认，待提交平台",
    EligibilityStatus.FORWARDED: "已提交免申即享平台",
    EligibilityStatus.ACCEPTED: "平台已受理",
    EligibilityStatus.REJECTED: "平台未通过",
    EligibilityStatus.PAID: "已兑现",
    EligibilityStatus.REVOKED: "已撤销推送",
}


class EligibilityAction(StrEnum):
    CONFIRM = "confirm"
    FORWARD = "forward"
    ACCEPT = "accept"
    REJECT = "reject"
    PAY = "pay"
    REVOKE = "revoke"


class Party(StrEnum):
    """Who may take an action: the shop owner, our forwarding job, the external platform, or staff."""

    OWNER = "owner"
    SYSTEM = "system"
    PLATFORM = "platform"
    STAFF = "staff"


E = EligibilityStatus
A = EligibilityAction
ELIGIBILITY_TRANSITIONS: dict[tuple[EligibilityStatus, EligibilityAction], tuple[EligibilityStatus, Party]] = {
    (E.PUSHED, A.CONFIRM): (E.CONFIRMED, Party.OWNER),
    # Marked in error: staff take it back while the owner has not confirmed it (nothing was forwarded yet).
    (E.PUSHED, A.REVOKE): (E.REVOKED, Party.STAFF),
    (E.CONFIRMED, A.FORWARD): (E.FORWARDED, Party.SYSTEM),
    # The platform may report its receipt before our forwarding call returned: it implies forwarding.
    (E.CONFIRMED, A.ACCEPT): (E.ACCEPTED, Party.PLATFORM),
    (E.CONFIRMED, A.REJECT): (E.REJECTED, Party.PLATFORM),
    (E.FORWARDED, A.ACCEPT): (E.ACCEPTED, Party.PLATFORM),
    (E.FORWARDED, A.REJECT): (E.REJECTED, Party.PLATFORM),
    (E.FORWARDED, A.PAY): (E.PAID, Party.PLATFORM),
    (E.ACCEPTED, A.PAY): (E.PAID, Party.PLATFORM),
    (E.ACCEPTED, A.REJECT): (E.REJECTED, Party.PLATFORM),
}

# The platform's status words and the action each one means here.
PLATFORM_STATUS_ACTIONS = {"accepted": A.ACCEPT, "rejected": A.REJECT, "paid": A.PAY}


def eligibility_next(status: EligibilityStatus, action: EligibilityAction, party: Party) -> EligibilityStatus:
    found = ELIGIBILITY_TRANSITIONS.get((status, action))
    if found is None or found[1] != party:
        raise errors.BenefitActionNotAllowed(data={"status": status.value, "action": action.value})
    return found[0]


def eligibility_actions(status: EligibilityStatus, party: Party) -> list[str]:
    return [a.value for (s, a), (_, p) in ELIGIBILITY_TRANSITIONS.items() if s == status and p == party]
