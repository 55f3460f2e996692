import pytest

from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import *  # noqa: F403
from tests.supervision import factories as sf


@pytest.fixture
async def manager(deps, tree):
    """双随机管理 of 下陆区: plans, draws, assignment, review and the inspector pool of 下陆区 and its station."""
    return await factories.staff(deps, tree.district, [Role.INSPECTION_MANAGER.value], username="sjmgr")


@pytest.fixture
async def wuhan_manager(deps, tree):
    """The same role in 江岸区, outside 下陆区's scope."""
    return await factories.staff(deps, tree.other_district, [Role.INSPECTION_MANAGER.value], username="whmgr")


@pytest.fixture
async def crew(deps, tree):
    """Three 执法人员 of the 下陆区 station in the pool, and one more outside it (江岸区)."""
    people = []
    for i, name in enumerate(["天心01", "天心02", "天心03"]):
        user = await factories.staff(deps, tree.station, [Role.INSPECTOR.value], username=f"insp{i + 1}")
        user.name = name
        await user.save()
        people.append(await sf.inspector(user))
    far = await factories.staff(deps, tree.other_district, [Role.INSPECTOR.value], username="insp_wh")
    people.append(await sf.inspector(far))
    return people


@pytest.fixture
async def register(deps, tree):
    """40 businesses at the 下陆区 station, 10 at the 下陆区 bureau itself, 5 in 江岸区 (outside scope)."""
    station = [await factories.business(deps, tree.station, name=f"下陆所商户{i:02d}") for i in range(40)]
    district = [await factories.business(deps, tree.district, name=f"下陆局商户{i:02d}") for i in range(10)]
    outside = [await factories.business(deps, tree.other_district, name=f"江岸商户{i:02d}") for i in range(5)]
    return station, district, outside
