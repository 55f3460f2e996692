from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from getitong.notices import service
from getitong.notices.models import Department, DepartmentMember, NoticeRule
from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import *  # noqa: F403
from tests.api.conftest import login_staff


class Clock:
    def __init__(self) -> None:
        self.at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(service, "now", c)
    return c


@dataclass
class Cast:
    tokens: dict[str, str]
    health: Department      # 下陆区卫生健康局 (district level)
    police: Department      # 黄石市公安局 (city level)
    wuhan: Department       # 江岸区卫生健康局 (outside)


@pytest.fixture
async def cast(deps, client, tree, clock):
    health = await Department.create(name="黄石市下陆区卫生健康局", org=tree.district)
    police = await Department.create(name="黄石市公安局", org=tree.city)
    wuhan = await Department.create(name="武汉市江岸区卫生健康局", org=tree.other_district)
    await NoticeRule.create(keyword="住宿服务", item="公共场所卫生许可", department=health)
    await NoticeRule.create(keyword="住宿服务", item="特种行业许可证（旅馆业）", department=police)
    await NoticeRule.create(keyword="住宿服务", item="公共场所卫生许可", department=wuhan)
    await NoticeRule.create(keyword="餐饮服务", item="食品经营许可", department=health)
    await NoticeRule.create(keyword="小餐饮", item="食品经营许可", department=health)
    users = {
        "manager": (tree.district, [Role.DATA_CLERK.value]),
        "citymanager": (tree.city, [Role.DATA_CLERK.value]),
        "whmanager": (tree.other_city, [Role.DATA_CLERK.value]),
        "liaison": (tree.district, [Role.DEPARTMENT_LIAISON.value]),
        "cop": (tree.city, [Role.DEPARTMENT_LIAISON.value]),
        "loner": (tree.district, [Role.DEPARTMENT_LIAISON.value]),   # a liaison of no department
        "whliaison": (tree.other_district, [Role.DEPARTMENT_LIAISON.value]),
        "desk": (tree.district, [Role.APPEAL_DESK.value]),
    }
    staff = {name: await factories.staff(deps, org, roles, username=name) for name, (org, roles) in users.items()}
    await DepartmentMember.create(department=health, staff=staff["liaison"])
    await DepartmentMember.create(department=police, staff=staff["cop"])
    await DepartmentMember.create(department=wuhan, staff=staff["whliaison"])
    tokens = {name: await login_staff(client, name) for name in users}
    return Cast(tokens=tokens, health=health, police=police, wuhan=wuhan)
