"""Every (state, action) pair of the two transitions tables: allowed ones succeed, others are refused."""

from __future__ import annotations

from getitong.staff.permissions import Perm
from getitong.supervision.workflow import (
    PLAN_TRANSITIONS,
    RESULT_TRANSITIONS,
    PlanAction,
    PlanStatus,
    ResultAction,
    ResultStatus,
    plan_actions,
    plan_step,
    result_step,
)


def test_plan_table_is_complete_and_closed():
    allowed = 0
    for status in PlanStatus:
        for action in PlanAction:
            found = plan_step(status, action)
            if (status, action) in PLAN_TRANSITIONS:
                allowed += 1
                assert found == PLAN_TRANSITIONS[(status, action)]
            else:
                assert found is None
    assert allowed == len(PLAN_TRANSITIONS)
    # one permission per action, whatever the state
    perms: dict[PlanAction, set[Perm]] = {}
    for (_, action), (_, perm) in PLAN_TRANSITIONS.items():
        perms.setdefault(action, set()).add(perm)
    assert all(len(p) == 1 for p in perms.values())
    assert plan_step(PlanStatus.SUBMITTED, PlanAction.APPROVE) == (PlanStatus.APPROVED, Perm.INSPECTION_REVIEW)
    assert plan_step(PlanStatus.DRAFT, PlanAction.DRAW) is None


def test_actions_depend_on_the_callers_permissions():
    assert plan_actions(PlanStatus.SUBMITTED, {Perm.INSPECTION_PLAN.value}) == []
    assert plan_actions(PlanStatus.SUBMITTED, {Perm.INSPECTION_REVIEW.value}) == ["approve", "reject"]


def test_result_table():
    for status in ResultStatus:
        for action in ResultAction:
            found = result_step(status, action)
            assert (found is not None) == ((status, action) in RESULT_TRANSITIONS)
    assert result_step(ResultStatus.PUBLISHED, ResultAction.ENTER) is None
    assert result_step(ResultStatus.ENTERED, ResultAction.PUBLISH)[1] == Perm.INSPECTION_REVIEW
