"""Listing states and the one transitions table; pure, no I/O."""

from __future__ import annotations

from enum import StrEnum

from getitong.staff.permissions import Perm


class ListingKind(StrEnum):
    SERIOUS_VIOLATION = "serious_violation"
    ENTERPRISE_ABNORMAL = "enterprise_abnormal"
    INDIVIDUAL_ABNORMAL = "individual_abnormal"
    COOPERATIVE_ABNORMAL = "cooperative_abnormal"


LISTING_KIND_LABELS = {
    ListingKind.SERIOUS_VIOLATION: "严重违法失信名单",
    ListingKind.ENTERPRISE_ABNORMAL: "企业经营异常名录",
    ListingKind.INDIVIDUAL_ABNORMAL: "个体工商户经营异常状态",
    ListingKind.COOPERATIVE_ABNORMAL: "农民专业合作社经营异常名录",
}
LISTING_KIND_BY_LABEL = {label: kind for kind, label in LISTING_KIND_LABELS.items()}

ABNORMAL_KINDS = (ListingKind.ENTERPRISE_ABNORMAL, ListingKind.INDIVIDUAL_ABNORMAL, ListingKind.COOPERATIVE_ABNORMAL)

# An abnormal-operation listing belongs to one entity kind (企业 / 个体户 / 农专社); serious violation to any.
ENTITY_KIND_OF = {
    ListingKind.ENTERPRISE_ABNORMAL: "enterprise",
    ListingKind.INDIVIDUAL_ABNORMAL: "individual",
    ListingKind.COOPERATIVE_ABNORMAL: "cooperative",
}


class ListingStatus(StrEnum):
    LISTED = "listed"
    REMOVED = "removed"


LISTING_STATUS_LABELS = {ListingStatus.LISTED: "列入中", ListingStatus.REMOVED: "已移出"}


class ListingAction(StrEnum):
    EDIT = "edit"
    REMOVE = "remove"


class RemovalSource(StrEnum):
    """Who decided the removal: staff by hand, or an approved credit-repair application (SPEC K)."""

    MANUAL = "manual"
    CREDIT_REPAIR = "credit_repair"
    IMPORT = "import"


REMOVAL_SOURCE_LABELS = {RemovalSource.MANUAL: "人工移出", RemovalSource.CREDIT_REPAIR: "信用修复",
                         RemovalSource.IMPORT: "批量导入"}

# (state, action) -> next state. Everything not listed is refused.
TRANSITIONS: dict[tuple[ListingStatus, ListingAction], ListingStatus] = {
    (ListingStatus.LISTED, ListingAction.EDIT): ListingStatus.LISTED,
    (ListingStatus.LISTED, ListingAction.REMOVE): ListingStatus.REMOVED,
}

# The permission a removal needs depends on where it comes from.
REMOVAL_PERMISSION: dict[RemovalSource, Perm] = {
    RemovalSource.MANUAL: Perm.RISK_MANAGE,
    RemovalSource.IMPORT: Perm.RISK_MANAGE,
    RemovalSource.CREDIT_REPAIR: Perm.CREDIT_APPROVE,
}


def next_status(status: ListingStatus, action: ListingAction) -> ListingStatus | None:
    return TRANSITIONS.get((status, action))


def allowed_actions(status: ListingStatus) -> list[str]:
    return [a.value for (s, a) in TRANSITIONS if s == status]


class ImportKind(StrEnum):
    PENALTIES = "penalties"
    LISTINGS = "listings"


IMPORT_KIND_LABELS = {ImportKind.PENALTIES: "行政处罚信息", ImportKind.LISTINGS: "列入名单（严重违法/经营异常）信息"}


class ImportStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


IMPORT_STATUS_LABELS = {ImportStatus.PENDING: "排队中", ImportStatus.RUNNING: "导入中", ImportStatus.DONE: "导入完成",
                        ImportStatus.FAILED: "导入失败"}
