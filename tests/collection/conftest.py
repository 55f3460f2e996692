import os

# The start-up recovery listener stays off in tests; its function is tested directly.
os.environ.setdefault("COLLECTION_BACKGROUND_JOBS", "0")
os.environ.setdefault("RISK_BACKGROUND_JOBS", "0")

import pytest  # noqa: E402

from getitong.staff.permissions import Role  # noqa: E402
from tests import factories  # noqa: E402
from tests.api.conftest import *  # noqa: E402, F403


@pytest.fixture
async def gj(deps, tree):
    """A 下陆区 data clerk (数据归集): data:import over 下陆区 and its station."""
    return await factories.staff(deps, tree.district, [Role.DATA_CLERK.value], username="gj")


@pytest.fixture
async def wuhan_gj(deps, tree):
    """The same role in 江岸区: outside 下陆区's scope."""
    return await factories.staff(deps, tree.other_district, [Role.DATA_CLERK.value], username="whgj")


@pytest.fixture
async def handler(deps, tree):
    """An appeal handler of 下陆区: no data:import."""
    return await factories.staff(deps, tree.district, [Role.APPEAL_HANDLER.value], username="handler")
