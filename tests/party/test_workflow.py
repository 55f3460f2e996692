"""The pure parts: the transitions tables, the check-in window, GB 11643 and the QR token."""

from datetime import UTC, datetime, timedelta

import pytest

from getitong.core.settings import Settings
from getitong.party import errors as e
from getitong.party import idcard, qr
from getitong.party.workflow import (
    ACTIVITY_TRANSITIONS,
    STORY_TRANSITIONS,
    ActivityAction,
    ActivityStatus,
    Phase,
    StoryStatus,
    activity_actions,
    checkin_window,
    phase,
    story_actions,
)
from getitong.staff.permissions import Perm, Role, permissions_of

MANAGER = permissions_of([Role.PARTY_ADMIN.value])
OTHER = permissions_of([Role.APPEAL_DESK.value])

ALLOWED_ACTIVITY = {
    (ActivityStatus.DRAFT, ActivityAction.EDIT, Phase.NOT_STARTED),
    (ActivityStatus.DRAFT, ActivityAction.EDIT, Phase.ONGOING),
    (ActivityStatus.DRAFT, ActivityAction.EDIT, Phase.ENDED),
    (ActivityStatus.DRAFT, ActivityAction.PUBLISH, Phase.NOT_STARTED),
    (ActivityStatus.DRAFT, ActivityAction.DELETE, Phase.NOT_STARTED),
    (ActivityStatus.DRAFT, ActivityAction.DELETE, Phase.ONGOING),
    (ActivityStatus.DRAFT, ActivityAction.DELETE, Phase.ENDED),
    (ActivityStatus.PUBLISHED, ActivityAction.EDIT, Phase.NOT_STARTED),
    (ActivityStatus.PUBLISHED, ActivityAction.CANCEL, Phase.NOT_STARTED),
    (ActivityStatus.PUBLISHED, ActivityAction.CANCEL, Phase.ONGOING),
}


@pytest.mark.parametrize("status", list(ActivityStatus))
@pytest.mark.parametrize("at_phase", list(Phase))
def test_every_activity_status_action_phase(status, at_phase):
    allowed = activity_actions(status, at_phase, MANAGER)
    for action in ActivityAction:
        assert (action.value in allowed) == ((status, action, at_phase) in ALLOWED_ACTIVITY), (status, action)
    assert activity_actions(status, at_phase, OTHER) == []


def test_every_story_status_action():
    expected = {
        StoryStatus.DRAFT: ["edit", "publish", "delete"],
        StoryStatus.PUBLISHED: ["withdraw"],
        StoryStatus.WITHDRAWN: ["edit", "publish", "delete"],
    }
    for status in StoryStatus:
        assert story_actions(status, MANAGER) == expected[status]
        assert story_actions(status, OTHER) == []
    assert all(perm is Perm.PARTY_MANAGE for _, perm in STORY_TRANSITIONS.values())
    assert all(perm is Perm.PARTY_MANAGE for _, perm, _ in ACTIVITY_TRANSITIONS.values())


def test_phase_and_window():
    start = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
    end = start + timedelta(hours=2)
    assert phase(start, end, start - timedelta(seconds=1)) is Phase.NOT_STARTED
    assert phase(start, end, start) is Phase.ONGOING
    assert phase(start, end, end) is Phase.ENDED
    opens, closes = checkin_window(start, end, open_before_minutes=30, close_after_minutes=10)
    assert (opens, closes) == (start - timedelta(minutes=30), end + timedelta(minutes=10))


def test_id_numbers():
    assert idcard.validate("420204198507150018") == "420204198507150018"
    assert idcard.validate(" 11010519491231002x ") == "11010519491231002X"
    with pytest.raises(ValueError, match="校验位"):
        idcard.validate("420204198507150012")
    with pytest.raises(ValueError, match="出生日期"):
        idcard.validate("420204198502300011")
    with pytest.raises(ValueError, match="18位"):
        idcard.validate("42020419850715001")
    with pytest.raises(ValueError, match="18位"):
        idcard.validate("42020419850715001A")


def test_qr_token_round_trip_forgery_and_expiry():
    settings = Settings(env="test")
    end = datetime(2026, 3, 3, 3, 0, tzinfo=UTC)
    text = qr.qr_text(settings, activity_id=42, expires_at=end)
    assert text.startswith("gtt-party:42.")
    found = qr.read_token(settings, text)
    assert found.activity_id == 42
    assert not found.expired(end - timedelta(seconds=1))
    assert found.expired(end)
    assert qr.read_token(settings, text.removeprefix("gtt-party:")).activity_id == 42
    token = text.removeprefix("gtt-party:")
    activity, exp, sig = token.split(".")
    for forged in [f"43.{exp}.{sig}", f"{activity}.{int(exp) + 86400}.{sig}", f"{activity}.{exp}.{sig[:-1]}A",
                   "gtt-party:", "hello", f"{activity}.{exp}", "1.2.3.4"]:
        with pytest.raises(e.QrInvalid):
            qr.read_token(settings, forged)
    # Another deployment's secret signs nothing here.
    other = Settings(env="test", secret_key="another-secret-key-0123456789-abcdefghij")
    with pytest.raises(e.QrInvalid):
        qr.read_token(settings, qr.qr_text(other, activity_id=42, expires_at=end))
