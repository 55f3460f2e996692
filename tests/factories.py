"""Small factories for test data: an org tree, businesses with valid USCCs, staff and shop owners."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from getitong.accounts.models import LinkRole, Person, PersonBusiness
from getitong.entities.generator import id_number, make_uscc
from getitong.entities.models import Business, EntityKind, Region
from getitong.staff.models import FinancialInstitution, Org, OrgLevel, StaffUser
from getitong.staff.scope import add_org

PASSWORD = "Passw0rd!"
_rng = random.Random(99)


@dataclass
class Tree:
    province: Org
    city: Org
    district: Org
    station: Org
    other_city: Org
    other_district: Org


async def org_tree() -> Tree:
    """湖北省局 → 黄石市局 → 下陆区局 → 所, plus 武汉市局 → 江岸区局 as the neighbour outside scope."""
    for code, name, parent, level in [("420000", "湖北省", None, 1), ("420200", "黄石市", "420000", 2),
                                      ("420204", "下陆区", "420200", 3), ("420100", "武汉市", "420000", 2),
                                      ("420102", "江岸区", "420100", 3)]:
        await Region.create(code=code, name=name, parent_code=parent, level=level)
    province = await add_org(name="湖北省市场监督管理局", level=OrgLevel.PROVINCE, region_code="420000", parent=None)
    city = await add_org(name="黄石市市场监督管理局", level=OrgLevel.CITY, region_code="420200", parent=province)
    district = await add_org(name="黄石市下陆区市场监督管理局", level=OrgLevel.DISTRICT, region_code="420204",
                             parent=city)
    station = await add_org(name="下陆区城区市场监管所", level=OrgLevel.STATION, region_code="420204", parent=district)
    other_city = await add_org(name="武汉市市场监督管理局", level=OrgLevel.CITY, region_code="420100",
                               parent=province)
    other_district = await add_org(name="武汉市江岸区市场监督管理局", level=OrgLevel.DISTRICT, region_code="420102",
                                   parent=other_city)
    return Tree(province, city, district, station, other_city, other_district)


async def business(deps: Any, org: Org, *, name: str = "下陆区测试小吃店", operator: str = "张三",
                   kind: EntityKind = EntityKind.INDIVIDUAL, **extra: Any) -> Business:
    number = id_number(_rng, org.region_code)
    return await Business.create(
        uscc=extra.pop("uscc", None) or make_uscc(_rng, org.region_code, kind), name=name, kind=kind,
        operator_name=operator, operator_id_enc=deps.cipher.encrypt(number),
        operator_id_index=deps.cipher.blind_index(number), region_code=org.region_code, org=org, **extra)


async def staff(deps: Any, org: Org, roles: list[str], *, username: str | None = None,
                institution: FinancialInstitution | None = None, active: bool = True) -> StaffUser:
    return await StaffUser.create(username=username or f"u{_rng.randint(10**5, 10**6)}", name="测试人员",
                                  password_hash=deps.hasher.hash(PASSWORD), org=org, roles=roles,
                                  institution=institution, is_active=active)


async def person(deps: Any, *, phone: str, name: str, businesses: list[Business], password: str = PASSWORD,
                 openid: str | None = None) -> Person:
    p = await Person.create(phone_index=deps.cipher.blind_index(phone), phone_enc=deps.cipher.encrypt(phone),
                            name=name, password_hash=deps.hasher.hash(password), privacy_version="2024-08",
                            privacy_agreed_at=datetime.now(UTC), wechat_openid=openid)
    for b in businesses:
        await PersonBusiness.create(person=p, business=b, role=LinkRole.OPERATOR)
    return p
