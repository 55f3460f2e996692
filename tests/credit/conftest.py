from datetime import UTC, datetime, timedelta

import pytest

from getitong.credit import config as cfg
from getitong.staff.models import OrgLevel, StaffUser
from getitong.staff.permissions import Role
from getitong.staff.scope import add_org
from tests import factories
from tests.api.conftest import *  # noqa: F403
from tests.credit import factories as cf

cfg.credit_settings.cache_clear()


class Clock:
    """A controllable clock patched into getitong.credit.config.now."""

    def __init__(self) -> None:
        self.at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # a Monday, 09:00 in Shanghai

    def __call__(self) -> datetime:
        return self.at

    def set(self, at: datetime) -> None:
        self.at = at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(cfg, "now", c)
    return c


@pytest.fixture
async def station2(tree):
    """A second station of 下陆区: the transfer target."""
    return await add_org(name="下陆区团城山市场监管所", level=OrgLevel.STATION, region_code="420204",
                         parent=tree.district)


STAFF = {
    # username: (org attribute, role)
    "dclerk": ("district", Role.CREDIT_CLERK), "dreviewer": ("district", Role.CREDIT_REVIEWER),
    "dapprover": ("district", Role.CREDIT_APPROVER),
    "sclerk": ("station", Role.CREDIT_CLERK), "sreviewer": ("station", Role.CREDIT_REVIEWER),
    "sapprover": ("station", Role.CREDIT_APPROVER),
    "s2clerk": ("station2", Role.CREDIT_CLERK), "s2reviewer": ("station2", Role.CREDIT_REVIEWER),
    "s2approver": ("station2", Role.CREDIT_APPROVER),
    "oclerk": ("other_district", Role.CREDIT_CLERK), "oapprover": ("other_district", Role.CREDIT_APPROVER),
    "editor": ("district", Role.CONTENT_EDITOR), "padmin": ("province", Role.ADMIN),
}


@pytest.fixture
async def cast(deps, tree, station2, shop, owner, clock):
    """Staff of the three 下陆区 offices and of 江岸区, the owner and a stranger, with tokens minted directly."""
    orgs = {"district": tree.district, "station": tree.station, "station2": station2, "province": tree.province,
            "other_district": tree.other_district}
    for username, (org, role) in STAFF.items():
        await factories.staff(deps, orgs[org], [role.value], username=username)
    stranger = await factories.person(deps, phone="13900000009", name="王五", businesses=[shop[2]],
                                      openid="oWANGWU")
    codec = deps.tokens.codec
    users = await StaffUser.filter(username__in=list(STAFF))
    t = {u.username: codec.issue(subject_type="staff", subject_id=u.id) for u in users}
    t["owner"] = codec.issue(subject_type="person", subject_id=owner.id, business_id=shop[0].id)
    t["stranger"] = codec.issue(subject_type="person", subject_id=stranger.id, business_id=shop[2].id)
    listing = await cf.listing(shop[0], tree.district)
    return cf.Cast(tokens=t, tree=tree, station2=station2, shop=shop, owner=owner, listing=listing)
