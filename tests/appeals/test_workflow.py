"""The transitions table, pair by pair: every (status, action) either moves as the table says or is refused."""

import itertools

import pytest

from getitong.appeals import workflow as wf
from getitong.appeals.workflow import TRANSITIONS, Action, AppealStatus, Caller

EVERYONE = Caller(frozenset({wf.DESK, wf.HANDLE, wf.OWNER}))
PAIRS = list(itertools.product(AppealStatus, Action))


def _rating(status, action):
    return "dissatisfied" if action is Action.REOPEN else None


@pytest.mark.parametrize(("status", "action"), PAIRS, ids=[f"{s.value}-{a.value}" for s, a in PAIRS])
def test_every_pair(status, action):
    rule = TRANSITIONS.get((status, action))
    if rule is None:
        with pytest.raises(wf.ActionNotAllowed) as info:
            wf.next_status(status, action, EVERYONE, rating=_rating(status, action))
        assert info.value.code == "APPEAL_ACTION_NOT_ALLOWED"
        assert wf.STATUS_LABELS[status] in info.value.message
        assert action.value not in wf.allowed_actions(status, EVERYONE, rating=_rating(status, action))
    else:
        target, who = rule
        assert wf.next_status(status, action, Caller(frozenset({who})), rating=_rating(status, action)) == target
        assert action.value in wf.allowed_actions(status, Caller(frozenset({who})), rating=_rating(status, action))
        # Anyone else is refused, with the same stable code.
        others = Caller(frozenset({wf.DESK, wf.HANDLE, wf.OWNER}) - {who})
        with pytest.raises(wf.ActionNotAllowed, match="无权"):
            wf.next_status(status, action, others, rating=_rating(status, action))
        assert action.value not in wf.allowed_actions(status, others, rating=_rating(status, action))


def test_reopen_only_after_dissatisfied_and_only_once():
    owner = Caller(frozenset({wf.OWNER}))
    closed = AppealStatus.CLOSED
    assert wf.allowed_actions(closed, owner, rating="dissatisfied") == ["reopen"]
    assert wf.allowed_actions(closed, owner, rating="satisfied") == []
    assert wf.allowed_actions(closed, owner, rating="dissatisfied", reopened_once=True) == []
    with pytest.raises(wf.ActionNotAllowed, match="只能申请一次"):
        wf.next_status(closed, Action.REOPEN, owner, rating="dissatisfied", reopened_once=True)
    with pytest.raises(wf.ActionNotAllowed, match="不满意"):
        wf.next_status(closed, Action.REOPEN, owner, rating="basic")


def test_unknown_action_is_refused_clearly():
    with pytest.raises(wf.ActionNotAllowed, match="未知"):
        wf.next_status(AppealStatus.SUBMITTED, "approve", EVERYONE)


def test_every_status_and_action_has_a_chinese_label():
    assert set(wf.STATUS_LABELS) == set(AppealStatus)
    assert set(wf.ACTION_LABELS) == set(Action)
    # Every state is reachable from submission and every open state can still be answered.
    reachable, frontier = {AppealStatus.SUBMITTED}, [AppealStatus.SUBMITTED]
    while frontier:
        s = frontier.pop()
        for (src, _), (dst, _) in TRANSITIONS.items():
            if src == s and dst not in reachable:
                reachable.add(dst)
                frontier.append(dst)
    assert reachable == set(AppealStatus)
