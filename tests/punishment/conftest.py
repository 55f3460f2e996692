from dataclasses import dataclass

import pytest

from getitong.notices.models import Department, DepartmentMember
from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import *  # noqa: F403
from tests.api.conftest import login_staff


@dataclass
class Cast:
    tokens: dict[str, str]
    court: Department    # 黄石市中级人民法院 (city)
    land: Department     # 黄石市自然资源和规划局 (city)
    wuhan: Department


@pytest.fixture
async def cast(deps, client, tree):
    court = await Department.create(name="黄石市中级人民法院", org=tree.city)
    land = await Department.create(name="黄石市自然资源和规划局", org=tree.city)
    wuhan = await Department.create(name="武汉市江岸区人民法院", org=tree.other_district)
    users = {"manager": (tree.city, [Role.DATA_CLERK.value]), "dmanager": (tree.district, [Role.DATA_CLERK.value]),
             "whmanager": (tree.other_city, [Role.DATA_CLERK.value]),
             "judge": (tree.city, [Role.DEPARTMENT_LIAISON.value]),
             "surveyor": (tree.city, [Role.DEPARTMENT_LIAISON.value]),
             "whjudge": (tree.other_district, [Role.DEPARTMENT_LIAISON.value]),
             "desk": (tree.district, [Role.APPEAL_DESK.value])}
    staff = {name: await factories.staff(deps, org, roles, username=name) for name, (org, roles) in users.items()}
    await DepartmentMember.create(department=court, staff=staff["judge"])
    await DepartmentMember.create(department=land, staff=staff["surveyor"])
    await DepartmentMember.create(department=wuhan, staff=staff["whjudge"])
    return Cast(tokens={n: await login_staff(client, n) for n in users}, court=court, land=land, wuhan=wuhan)
