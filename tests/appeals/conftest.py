import os
from datetime import UTC, datetime, timedelta

import pytest

from getitong.appeals import config as cfg
from getitong.staff.models import StaffUser
from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import *  # noqa: F403
from tests.api.conftest import login_person

os.environ.setdefault("APPEAL_JOB_ENABLED", "false")
cfg.appeal_settings.cache_clear()


class Clock:
    """A controllable clock patched into getitong.appeals.config.now."""

    def __init__(self) -> None:
        self.at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # a Monday, 09:00 in Shanghai

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(cfg, "now", c)
    return c


@pytest.fixture
async def staff_set(deps, tree, clerk):
    """The cast: district desk (clerk), its station as unit, a city desk above, a neighbour's desk and unit."""
    await factories.staff(deps, tree.station, [Role.APPEAL_HANDLER.value], username="unit")
    await factories.staff(deps, tree.city, [Role.APPEAL_DESK.value], username="citydesk")
    await factories.staff(deps, tree.other_district, [Role.APPEAL_DESK.value], username="otherdesk")
    await factories.staff(deps, tree.other_district, [Role.APPEAL_HANDLER.value], username="otherunit")
    await factories.staff(deps, tree.district, [Role.CONTENT_EDITOR.value], username="editor")
    await factories.staff(deps, tree.district, [Role.APPEAL_HANDLER.value], username="dunit")
    await factories.staff(deps, tree.district, [Role.ADMIN.value], username="dadmin")
    return tree


@pytest.fixture
async def other_owner(deps, shop):
    return await factories.person(deps, phone="13900000002", name="李四", businesses=[shop[2]], openid="oLISI")


@pytest.fixture
async def tokens(client, deps, staff_set, owner, other_owner, shop):
    """Access tokens minted directly (logging in through the API is tested by the foundation)."""
    codec = deps.tokens.codec
    users = await StaffUser.filter(username__in=STAFF_NAMES)
    t = {u.username: codec.issue(subject_type="staff", subject_id=u.id) for u in users}
    t["owner"] = codec.issue(subject_type="person", subject_id=owner.id, business_id=shop[0].id)
    t["other_owner"] = codec.issue(subject_type="person", subject_id=other_owner.id, business_id=shop[2].id)
    return t


STAFF_NAMES = ("clerk", "unit", "citydesk", "otherdesk", "otherunit", "editor", "dunit", "dadmin")


@pytest.fixture
async def owner_token_via_login(client, owner):
    return (await login_person(client))["token"]["access_token"]
