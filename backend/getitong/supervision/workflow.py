"""双随机 states and the transitions tables; pure, no I/O."""

from __future__ import annotations

from enum import StrEnum

from getitong.staff.permissions import Perm


class ResultType(StrEnum):
    CHOICE = "choice"
    NUMERIC = "numeric"
    TEXT = "text"
    BOOLEAN = "boolean"


RESULT_TYPE_LABELS = {ResultType.CHOICE: "选择型", ResultType.NUMERIC: "数值型", ResultType.TEXT: "填写型",
                      ResultType.BOOLEAN: "是非型"}


class InspectorType(StrEnum):
    GENERAL = "general"
    TECHNICAL = "technical"
    ENFORCEMENT = "enforcement"
    OTHER = "other"


INSPECTOR_TYPE_LABELS = {InspectorType.GENERAL: "综合管理", InspectorType.TECHNICAL: "专业技术",
                         InspectorType.ENFORCEMENT: "行政执法", InspectorType.OTHER: "其他"}
INSPECTOR_TYPE_BY_LABEL = {v: k for k, v in INSPECTOR_TYPE_LABELS.items()}

ENFORCEMENT_CATEGORIES = ["质量技术监督", "工商行政管理", "食品药品监督", "价格检查", "市场监管", "其他"]


class InspectorStatus(StrEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"


INSPECTOR_STATUS_LABELS = {InspectorStatus.ACTIVE: "在库", InspectorStatus.WITHDRAWN: "已撤销"}


class Grouping(StrEnum):
    REGISTRATION_ORG = "registration_org"


GROUPING_LABELS = {Grouping.REGISTRATION_ORG: "按登记机关"}


class ScopeMode(StrEnum):
    FILTER = "filter"
    SAMPLE = "sample"


SCOPE_MODE_LABELS = {ScopeMode.FILTER: "条件筛选", ScopeMode.SAMPLE: "样本导入"}


class PlanStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    DRAWN = "drawn"
    CONFIRMED = "confirmed"
    ASSIGNED = "assigned"


PLAN_STATUS_LABELS = {PlanStatus.DRAFT: "暂存", PlanStatus.SUBMITTED: "待核准", PlanStatus.APPROVED: "已生效（未抽取）",
                      PlanStatus.DRAWN: "已抽取（待确认名单）", PlanStatus.CONFIRMED: "名单已确认（待人员选派）",
                      PlanStatus.ASSIGNED: "已选派（检查中）"}


class PlanAction(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    SAMPLE = "sample"
    MUST_CHECK = "must_check"
    DRAW = "draw"
    CONFIRM = "confirm"
    FINISH_CONFIRM = "finish_confirm"
    ASSIGN = "assign"
    ADJUST = "adjust"


PLAN_ACTION_LABELS = {PlanAction.EDIT: "修改", PlanAction.SUBMIT: "提交", PlanAction.APPROVE: "核准通过",
                      PlanAction.REJECT: "退回", PlanAction.SAMPLE: "样本导入", PlanAction.MUST_CHECK: "导入必查清单",
                      PlanAction.DRAW: "主体随机抽取", PlanAction.CONFIRM: "主体名单确认",
                      PlanAction.FINISH_CONFIRM: "确认完毕", PlanAction.ASSIGN: "人员随机选派",
                      PlanAction.ADJUST: "抽查人员调整"}

# (state, action) -> (next state, permission). Everything not listed is refused.
PLAN_TRANSITIONS: dict[tuple[PlanStatus, PlanAction], tuple[PlanStatus, Perm]] = {
    (PlanStatus.DRAFT, PlanAction.EDIT): (PlanStatus.DRAFT, Perm.INSPECTION_PLAN),
    (PlanStatus.DRAFT, PlanAction.SAMPLE): (PlanStatus.DRAFT, Perm.INSPECTION_PLAN),
    (PlanStatus.DRAFT, PlanAction.SUBMIT): (PlanStatus.SUBMITTED, Perm.INSPECTION_PLAN),
    (PlanStatus.SUBMITTED, PlanAction.APPROVE): (PlanStatus.APPROVED, Perm.INSPECTION_REVIEW),
    (PlanStatus.SUBMITTED, PlanAction.REJECT): (PlanStatus.DRAFT, Perm.INSPECTION_REVIEW),
    (PlanStatus.APPROVED, PlanAction.MUST_CHECK): (PlanStatus.APPROVED, Perm.INSPECTION_PLAN),
    (PlanStatus.APPROVED, PlanAction.DRAW): (PlanStatus.DRAWN, Perm.INSPECTION_PLAN),
    (PlanStatus.DRAWN, PlanAction.CONFIRM): (PlanStatus.DRAWN, Perm.INSPECTION_PLAN),
    (PlanStatus.DRAWN, PlanAction.FINISH_CONFIRM): (PlanStatus.CONFIRMED, Perm.INSPECTION_PLAN),
    (PlanStatus.CONFIRMED, PlanAction.ASSIGN): (PlanStatus.ASSIGNED, Perm.INSPECTION_PLAN),
    (PlanStatus.ASSIGNED, PlanAction.ASSIGN): (PlanStatus.ASSIGNED, Perm.INSPECTION_PLAN),
    (PlanStatus.ASSIGNED, PlanAction.ADJUST): (PlanStatus.ASSIGNED, Perm.INSPECTION_PLAN),
}


def plan_step(status: PlanStatus, action: PlanAction) -> tuple[PlanStatus, Perm] | None:
    return PLAN_TRANSITIONS.get((status, action))


def plan_actions(status: PlanStatus, perms: set[str]) -> list[str]:
    return [a.value for (s, a), (_, p) in PLAN_TRANSITIONS.items() if s == status and p.value in perms]


class Confirm(StrEnum):
    PENDING = "pending"
    CHECK = "check"
    SKIP = "skip"


CONFIRM_LABELS = {Confirm.PENDING: "未确认", Confirm.CHECK: "确认检查", Confirm.SKIP: "确认不检查"}


class ResultStatus(StrEnum):
    PENDING = "pending"
    ENTERED = "entered"
    RETURNED = "returned"
    PUBLISHED = "published"


RESULT_STATUS_LABELS = {ResultStatus.PENDING: "待录入", ResultStatus.ENTERED: "待复核",
                        ResultStatus.RETURNED: "待修改", ResultStatus.PUBLISHED: "已公示"}


class ResultAction(StrEnum):
    ENTER = "enter"
    PUBLISH = "publish"
    RETURN = "return"


RESULT_TRANSITIONS: dict[tuple[ResultStatus, ResultAction], tuple[ResultStatus, Perm]] = {
    (ResultStatus.PENDING, ResultAction.ENTER): (ResultStatus.ENTERED, Perm.INSPECTION_EXECUTE),
    (ResultStatus.RETURNED, ResultAction.ENTER): (ResultStatus.ENTERED, Perm.INSPECTION_EXECUTE),
    (ResultStatus.ENTERED, ResultAction.ENTER): (ResultStatus.ENTERED, Perm.INSPECTION_EXECUTE),
    (ResultStatus.ENTERED, ResultAction.PUBLISH): (ResultStatus.PUBLISHED, Perm.INSPECTION_REVIEW),
    (ResultStatus.ENTERED, ResultAction.RETURN): (ResultStatus.RETURNED, Perm.INSPECTION_REVIEW),
}


def result_step(status: ResultStatus, action: ResultAction) -> tuple[ResultStatus, Perm] | None:
    return RESULT_TRANSITIONS.get((status, action))


def result_actions(status: ResultStatus, perms: set[str]) -> list[str]:
    return [a.value for (s, a), (_, p) in RESULT_TRANSITIONS.items() if s == status and p.value in perms]


class CheckMethod(StrEnum):
    ON_SITE = "on_site"
    DOCUMENTS = "documents"


CHECK_METHOD_LABELS = {CheckMethod.ON_SITE: "实地检查", CheckMethod.DOCUMENTS: "书面检查"}


class Outcome(StrEnum):
    NORMAL = "normal"
    PROBLEM = "problem"


OUTCOME_LABELS = {Outcome.NORMAL: "正常", Outcome.PROBLEM: "发现问题"}

UNMATCHED_LABELS = {"no_inspectors": "该主体所属机关的执法人员不足（每户至少两名），请补充执法人员后重新选派",
                    "recused": "可选执法人员均在该主体的回避名单中，请补充执法人员后重新选派"}
