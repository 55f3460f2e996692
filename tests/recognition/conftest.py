from datetime import UTC, datetime, timedelta

import pytest

from getitong.recognition import config as cfg
from getitong.staff.models import StaffUser
from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import *  # noqa: F403


class Clock:
    """A controllable clock patched into getitong.recognition.config.now."""

    def __init__(self) -> None:
        self.at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 2026-03-02 09:00 in Shanghai

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)

    def set(self, at: datetime) -> None:
        self.at = at


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(cfg, "now", c)
    return c


STAFF_NAMES = ("preview", "reviewer", "otherreviewer", "editor", "padmin", "cityreviewer")


@pytest.fixture
async def cast(deps, tree):
    """Reviewers at the province, the city, the district and the neighbouring district; an editor; an admin."""
    await factories.staff(deps, tree.province, [Role.RECOGNITION_REVIEWER.value], username="preview")
    await factories.staff(deps, tree.city, [Role.RECOGNITION_REVIEWER.value], username="cityreviewer")
    await factories.staff(deps, tree.district, [Role.RECOGNITION_REVIEWER.value], username="reviewer")
    await factories.staff(deps, tree.other_district, [Role.RECOGNITION_REVIEWER.value], username="otherreviewer")
    await factories.staff(deps, tree.district, [Role.CONTENT_EDITOR.value], username="editor")
    await factories.staff(deps, tree.province, [Role.ADMIN.value], username="padmin")
    return tree


@pytest.fixture
async def other_owner(deps, shop):
    return await factories.person(deps, phone="13900000002", name="李四", businesses=[shop[2]], openid="oLISI")


@pytest.fixture
async def tokens(deps, cast, owner, other_owner, shop):
    """Access tokens minted directly (logging in through the API is tested by the foundation)."""
    codec = deps.tokens.codec
    users = await StaffUser.filter(username__in=STAFF_NAMES)
    t = {u.username: codec.issue(subject_type="staff", subject_id=u.id) for u in users}
    t["owner"] = codec.issue(subject_type="person", subject_id=owner.id, business_id=shop[0].id)
    t["owner_b"] = codec.issue(subject_type="person", subject_id=owner.id, business_id=shop[1].id)
    t["other_owner"] = codec.issue(subject_type="person", subject_id=other_owner.id, business_id=shop[2].id)
    return t
