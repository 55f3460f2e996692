import os

# The start-up recovery listener stays off in tests; its function is tested directly.
os.environ.setdefault("RISK_BACKGROUND_JOBS", "0")

import pytest  # noqa: E402

from getitong.staff.permissions import Role  # noqa: E402
from tests import factories  # noqa: E402
from tests.api.conftest import *  # noqa: E402, F403


@pytest.fixture
async def risk_clerk(deps, tree):
    """A 下陆区 data clerk (数据归集): risk:manage + entity:read over 下陆区 and its station."""
    return await factories.staff(deps, tree.district, [Role.DATA_CLERK.value], username="riskclerk")


@pytest.fixture
async def wuhan_clerk(deps, tree):
    """The same role in 江岸区: a neighbour outside 下陆区's scope."""
    return await factories.staff(deps, tree.other_district, [Role.DATA_CLERK.value], username="whclerk")


@pytest.fixture
async def reader(deps, tree):
    """An inspector in 下陆区: may read the register (entity:read) but not manage risk records."""
    return await factories.staff(deps, tree.district, [Role.INSPECTOR.value], username="inspector")
