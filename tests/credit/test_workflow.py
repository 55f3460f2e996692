"""The transitions table itself: every (state, action, role) combination, pure."""

import itertools

import pytest

from getitong.credit.workflow import (
    APPLICANT,
    APPROVER,
    CLERK,
    REVIEWER,
    TRANSITIONS,
    ActionNotAllowed,
    Caller,
    CreditStatus,
    allowed_actions,
    next_status,
)
from getitong.credit.workflow import Action as A

ROLES = (CLERK, REVIEWER, APPROVER, APPLICANT)

EXPECTED = {
    (CreditStatus.SUBMITTED, A.ACCEPT): (CreditStatus.REVIEWING, CLERK),
    (CreditStatus.SUBMITTED, A.TRANSFER): (CreditStatus.SUBMITTED, CLERK),
    (CreditStatus.SUBMITTED, A.RETURN): (CreditStatus.RETURNED, CLERK),
    (CreditStatus.SUBMITTED, A.REFUSE): (CreditStatus.REFUSED, CLERK),
    (CreditStatus.REVIEWING, A.REVIEW): (CreditStatus.APPROVING, REVIEWER),
    (CreditStatus.REVIEWING, A.RETURN): (CreditStatus.SUBMITTED, REVIEWER),
    (CreditStatus.REVIEWING, A.REFUSE): (CreditStatus.REFUSED, REVIEWER),
    (CreditStatus.APPROVING, A.APPROVE): (CreditStatus.APPROVED, APPROVER),
    (CreditStatus.APPROVING, A.RETURN): (CreditStatus.REVIEWING, APPROVER),
    (CreditStatus.APPROVING, A.REFUSE): (CreditStatus.REFUSED, APPROVER),
    (CreditStatus.RETURNED, A.RESUBMIT): (CreditStatus.SUBMITTED, APPLICANT),
    (CreditStatus.SUBMITTED, A.WITHDRAW): (CreditStatus.WITHDRAWN, APPLICANT),
    (CreditStatus.RETURNED, A.WITHDRAW): (CreditStatus.WITHDRAWN, APPLICANT),
}


def test_table_is_the_documented_one():
    assert TRANSITIONS == EXPECTED


@pytest.mark.parametrize(("status", "action", "role"), list(itertools.product(CreditStatus, A, ROLES)))
def test_every_state_action_role(status, action, role):
    caller = Caller(frozenset({role}))
    rule = EXPECTED.get((status, action))
    if rule is not None and rule[1] == role:
        assert next_status(status, action, caller) == rule[0]
        assert action.value in allowed_actions(status, caller)
    else:
        with pytest.raises(ActionNotAllowed) as exc:
            next_status(status, action, caller)
        assert exc.value.code == "CREDIT_ACTION_NOT_ALLOWED"
        assert exc.value.status == 409
        assert action.value not in allowed_actions(status, caller)


def test_unknown_action_is_refused():
    with pytest.raises(ActionNotAllowed, match="未知的操作"):
        next_status(CreditStatus.SUBMITTED, "delete", Caller(frozenset({CLERK})))


def test_terminal_states_have_no_actions():
    everyone = Caller(frozenset(ROLES))
    assert allowed_actions(CreditStatus.APPROVED, everyone) == []
    assert allowed_actions(CreditStatus.REFUSED, everyone) == []
    assert allowed_actions(CreditStatus.WITHDRAWN, everyone) == []
