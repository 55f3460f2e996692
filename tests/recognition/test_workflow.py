"""The two tables, pair by pair: allowed moves give the table's target, every other pair is refused."""

import itertools

import pytest

from getitong.recognition import workflow as wf
from getitong.recognition.workflow import (
    NOTICE_TRANSITIONS,
    TRANSITIONS,
    Action,
    AppStatus,
    NoticeAction,
    NoticeStatus,
)

ALL = frozenset({wf.OWNER, wf.REVIEW})
PAIRS = list(itertools.product(AppStatus, Action))


@pytest.mark.parametrize(("status", "action"), PAIRS, ids=[f"{s.value}-{a.value}" for s, a in PAIRS])
def test_application_pair(status, action):
    rule = TRANSITIONS.get((status, action))
    if rule is None:
        with pytest.raises(wf.ActionNotAllowed) as exc:
            wf.next_status(status, action, ALL)
        assert exc.value.code == "RECOGNITION_ACTION_NOT_ALLOWED"
        assert "不能" in exc.value.message
        assert action.value not in wf.allowed_actions(status, ALL)
        return
    target, who = rule
    assert wf.next_status(status, action, frozenset({who})) == target
    other = ({wf.OWNER, wf.REVIEW} - {who}).pop()
    with pytest.raises(wf.ActionNotAllowed) as exc:
        wf.next_status(status, action, frozenset({other}))
    assert "无权" in exc.value.message
    assert action.value in wf.allowed_actions(status, frozenset({who}))


def test_owner_and_reviewer_buttons():
    assert wf.allowed_actions(AppStatus.DRAFT, frozenset({wf.OWNER})) == ["save", "submit", "cancel"]
    assert wf.allowed_actions(AppStatus.RETURNED, frozenset({wf.OWNER})) == ["save", "resubmit"]
    assert wf.allowed_actions(AppStatus.SUBMITTED, frozenset({wf.REVIEW})) == ["accept", "return"]
    assert wf.allowed_actions(AppStatus.ACCEPTED, frozenset({wf.REVIEW})) == ["return", "recognise", "refuse"]
    assert wf.allowed_actions(AppStatus.RECOGNISED, ALL) == []
    assert wf.allowed_actions(AppStatus.REFUSED, ALL) == []


def test_unknown_action_is_refused():
    with pytest.raises(wf.ActionNotAllowed) as exc:
        wf.next_status(AppStatus.SUBMITTED, "approve", ALL)
    assert exc.value.message == "未知的操作"


NOTICE_PAIRS = list(itertools.product(NoticeStatus, NoticeAction))


@pytest.mark.parametrize(("status", "action"), NOTICE_PAIRS, ids=[f"{s.value}-{a.value}" for s, a in NOTICE_PAIRS])
def test_notice_pair(status, action):
    if (status, action) in NOTICE_TRANSITIONS:
        assert wf.notice_next(status, action) == NOTICE_TRANSITIONS[(status, action)]
        assert action.value in wf.notice_actions(status)
    else:
        with pytest.raises(wf.NoticeActionNotAllowed) as exc:
            wf.notice_next(status, action)
        assert exc.value.code == "RECOGNITION_NOTICE_ACTION_NOT_ALLOWED"
        assert action.value not in wf.notice_actions(status)
