"""The transitions table, pair by pair: allowed moves succeed, every other one is refused with a stable code."""

import itertools

import pytest

from getitong.loans import workflow as wf
from getitong.loans.workflow import Action, ApplicationStatus, Caller, ProductAction, ProductStatus

CALLERS = {"bank": Caller(frozenset({wf.HANDLE})), "owner": Caller(frozenset({wf.OWNER})),
           "nobody": Caller(frozenset())}

EXPECTED = {
    ("submitted", "contact"): ("contacted", "bank"),
    ("submitted", "reject"): ("rejected", "bank"),
    ("submitted", "withdraw"): ("withdrawn", "owner"),
    ("contacted", "approve"): ("approved", "bank"),
    ("contacted", "reject"): ("rejected", "bank"),
    ("approved", "grant"): ("granted", "bank"),
    ("approved", "reject"): ("rejected", "bank"),
}


def test_table_is_the_documented_story():
    assert {(s.value, a.value): (t.value, "bank" if who == wf.HANDLE else "owner")
            for (s, a), (t, who) in wf.TRANSITIONS.items()} == EXPECTED


@pytest.mark.parametrize(("status", "action", "who"),
                         list(itertools.product(ApplicationStatus, Action, CALLERS)))
def test_every_state_action_caller(status, action, who):
    rule = EXPECTED.get((status.value, action.value))
    if rule is not None and rule[1] == who:
        assert wf.next_status(status, action, CALLERS[who]).value == rule[0]
        assert action.value in wf.allowed_actions(status, CALLERS[who])
        return
    with pytest.raises(wf.TransitionNotAllowed) as err:
        wf.next_status(status, action, CALLERS[who])
    assert err.value.code == "LOAN_TRANSITION_NOT_ALLOWED"
    assert err.value.status == 409
    expected = "不能" if rule is None else "您无权"
    assert expected in err.value.message
    assert err.value.data["status"] == status.value
    assert action.value not in wf.allowed_actions(status, CALLERS[who])


def test_closed_states_offer_nothing():
    for status in (ApplicationStatus.REJECTED, ApplicationStatus.GRANTED, ApplicationStatus.WITHDRAWN):
        assert status not in wf.OPEN_STATUSES
        for caller in CALLERS.values():
            assert wf.allowed_actions(status, caller) == []


def test_unknown_action_is_refused():
    with pytest.raises(wf.TransitionNotAllowed) as err:
        wf.next_status("submitted", "delete", CALLERS["bank"])
    assert err.value.message == "未知的操作"


def test_refusal_message_names_state_and_action():
    with pytest.raises(wf.TransitionNotAllowed) as err:
        wf.next_status("granted", "approve", CALLERS["bank"])
    assert err.value.message == "贷款申请当前为「已放款」，不能审批通过"


PRODUCT_EXPECTED = {("draft", "publish"): "published", ("unpublished", "publish"): "published",
                    ("published", "unpublish"): "unpublished"}


@pytest.mark.parametrize(("status", "action"), list(itertools.product(ProductStatus, ProductAction)))
def test_every_product_pair(status, action):
    target = PRODUCT_EXPECTED.get((status.value, action.value))
    if target:
        assert wf.product_next(status, action).value == target
        assert action.value in wf.product_actions(status)
    else:
        with pytest.raises(wf.ProductActionNotAllowed) as err:
            wf.product_next(status, action)
        assert err.value.code == "LOAN_PRODUCT_ACTION_NOT_ALLOWED"
        assert action.value not in wf.product_actions(status)
