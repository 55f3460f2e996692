from datetime import UTC, datetime

import pytest

from getitong.annual import service
from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import *  # noqa: F403


class Clock:
    def __init__(self) -> None:
        self.at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # inside the 2025 reporting window

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(service, "now", c)
    from getitong.home import service as home

    monkeypatch.setattr(home, "now", c)
    return c


@pytest.fixture
async def data_clerk(deps, tree):
    return await factories.staff(deps, tree.district, [Role.DATA_CLERK.value], username="dataclerk")


@pytest.fixture
async def other_clerk(deps, tree):
    return await factories.staff(deps, tree.other_district, [Role.DATA_CLERK.value], username="otherclerk")
