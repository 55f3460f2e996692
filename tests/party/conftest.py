from datetime import UTC, datetime, timedelta

import pytest

from getitong.party import config as cfg
from getitong.staff.models import StaffUser
from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import *  # noqa: F403


class Clock:
    """A controllable clock patched into getitong.party.config.now."""

    def __init__(self) -> None:
        self.at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # a Monday, 09:00 in Shanghai

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)

    def set(self, at: datetime) -> None:
        self.at = at


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(cfg, "now", c)
    return c


STAFF = {
    "party": ("district", Role.PARTY_ADMIN),        # 下陆区局 党建管理
    "cityparty": ("city", Role.PARTY_ADMIN),        # 黄石市局 党建管理 (above)
    "stationparty": ("station", Role.PARTY_ADMIN),  # 下陆区城区所 党建管理 (below)
    "otherparty": ("other_district", Role.PARTY_ADMIN),  # 江岸区局: another org
    "clerk": ("district", Role.APPEAL_DESK),        # right org, wrong role
    "dadmin": ("district", Role.ADMIN),             # the administrator has every permission
}


@pytest.fixture
async def other_owner(deps, shop):
    return await factories.person(deps, phone="13900000002", name="李四", businesses=[shop[2]])


@pytest.fixture
async def tokens(deps, tree, owner, other_owner, shop):
    """Access tokens minted directly (logging in is tested by the foundation).

    owner: 张秀英 acting for 张记小吃店 (下陆区所); owner_b: the same person for her other shop;
    other_owner: 李四 of 江岸区 (outside 下陆区).
    """
    codec = deps.tokens.codec
    t = {}
    for username, (org_attr, role) in STAFF.items():
        user = await factories.staff(deps, getattr(tree, org_attr), [role.value], username=username)
        t[username] = codec.issue(subject_type="staff", subject_id=user.id)
    t["owner"] = codec.issue(subject_type="person", subject_id=owner.id, business_id=shop[0].id)
    t["owner_b"] = codec.issue(subject_type="person", subject_id=owner.id, business_id=shop[1].id)
    t["other_owner"] = codec.issue(subject_type="person", subject_id=other_owner.id, business_id=shop[2].id)
    return t


@pytest.fixture
async def actor():
    """Load a staff user the way the API does (with the org), for calling services directly."""
    from getitong.staff.service import load_actor

    async def load(username):
        return await load_actor((await StaffUser.get(username=username)).id)

    return load
