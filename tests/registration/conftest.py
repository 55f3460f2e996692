from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from getitong.registration import config as cfg
from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import *  # noqa: F403

cfg.registration_settings.cache_clear()


class Clock:
    """A controllable clock patched into getitong.registration.config.now."""

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


@dataclass
class Cast:
    tokens: dict[str, str]
    tree: Any
    applicant: Any
    stranger: Any


@pytest.fixture
async def cast(deps, tree, shop, clock):
    """An applicant (no business yet), a stranger, 登记审核 staff of 下陆区 and of 江岸区, a clerk without the
    permission, tokens minted directly."""
    applicant = await factories.person(deps, phone="13700000001", name="穆静", businesses=[])
    stranger = await factories.person(deps, phone="13700000009", name="王五", businesses=[])
    staff = {"reviewer": (tree.district, Role.REGISTRATION_REVIEWER), "city_reviewer": (tree.city,
                                                                                       Role.REGISTRATION_REVIEWER),
             "other_reviewer": (tree.other_district, Role.REGISTRATION_REVIEWER),
             "clerk": (tree.district, Role.APPEAL_DESK)}
    codec = deps.tokens.codec
    tokens = {"applicant": codec.issue(subject_type="person", subject_id=applicant.id),
              "stranger": codec.issue(subject_type="person", subject_id=stranger.id)}
    for username, (org, role) in staff.items():
        user = await factories.staff(deps, org, [role.value], username=username)
        tokens[username] = codec.issue(subject_type="staff", subject_id=user.id)
    return Cast(tokens=tokens, tree=tree, applicant=applicant, stranger=stranger)
