"""Demo data: Hubei-shaped regions and org tree, ≥5,000 businesses, staff and shop-owner accounts.

Idempotent: a second run finds the demo administrator and changes nothing.
"""

from __future__ import annotations

import importlib
import importlib.util
import random
from datetime import UTC, datetime
from typing import Any

from tortoise.transactions import in_transaction

from getitong.accounts.models import LinkRole, Person, PersonBusiness
from getitong.core.db import DOMAIN_APPS
from getitong.core.deps import Deps
from getitong.entities import generator
from getitong.entities.models import Business, EntityKind, Region
from getitong.staff.models import FinancialInstitution, Org, OrgLevel, StaffUser
from getitong.staff.permissions import Role
from getitong.staff.scope import add_org

PROVINCE = ("420000", "湖北省")
CITIES: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("420100", "武汉市"): [("420102", "江岸区"), ("420103", "江汉区"), ("420111", "洪山区")],
    ("420200", "黄石市"): [("420202", "黄石港区"), ("420203", "西塞山区"), ("420204", "下陆区"), ("420205", "铁山区"),
                        ("420222", "阳新县"), ("420281", "大冶市")],
    ("420500", "宜昌市"): [("420502", "西陵区"), ("420503", "伍家岗区")],
    ("420600", "襄阳市"): [("420602", "襄城区"), ("420606", "樊城区")],
    ("421100", "黄冈市"): [("421102", "黄州区"), ("421121", "团风县"), ("421181", "麻城市")],
}
STATIONS = ("城区市场监管所", "开发区市场监管所")

DEMO_STAFF = [("admin", "Admin@2026", "系统管理员", "湖北省市场监督管理局", [Role.ADMIN]),
              ("xialu", "Staff@2026", "陈晓燕", "黄石市下陆区市场监督管理局",
               [Role.APPEAL_DESK, Role.REGISTRATION_REVIEWER]),
              ("huangshi", "Staff@2026", "刘建国", "黄石市市场监督管理局", [Role.APPEAL_DESK, Role.DATA_CLERK])]
DEMO_BANK = ("hbbank", "Bank@2026", "王敏", "湖北银行黄石分行")
DEMO_OWNER = {"phone": "13900000001", "password": "Shop@2026", "name": "张秀英"}
DEMO_BUSINESSES = [("下陆区张记小吃店", "小吃店", "餐饮业"), ("下陆区秀英便利店", "便利店", "零售业")]

CREDENTIALS = """演示账号
  管理端 /admin  系统管理员  admin / Admin@2026   （湖北省市场监督管理局）
                 区局工作人员 xialu / Staff@2026   （黄石市下陆区市场监督管理局）
                 诉求承办     xlcq / Staff@2026    （下陆区城区市场监管所）
                 信用修复     xfjb / xfsh / xfsp，密码 Staff@2026（经办 / 审核 / 审批，下陆区）
                 金融机构人员 hbbank / Bank@2026  （湖北银行黄石分行）
                 双告知接收   xlsp（食品经营许可窗口）/ xlwj（下陆区卫生健康局），密码 Staff@2026
                 联合惩戒     hsfy / Staff@2026（黄石市中级人民法院）
                 双随机管理   xlsj / Staff@2026（下陆区，含一个待完善的抽查方案）
  小程序        经营者       13900000001 / Shop@2026 （关联 3 个个体工商户，可切换；含自助登记核准的 1 个）"""


async def seed(deps: Deps, *, businesses: int = 5000, rng_seed: int = 2024) -> bool:
    """Load the demo data; returns False when it was already there."""
    if await StaffUser.exists(username="admin"):
        return False
    rng = random.Random(rng_seed)
    async with in_transaction() as conn:
        await Region.create(code=PROVINCE[0], name=PROVINCE[1], parent_code=None, level=1, using_db=conn)
        province = await add_org(name="湖北省市场监督管理局", level=OrgLevel.PROVINCE, region_code=PROVINCE[0],
                                 parent=None, using_db=conn)
        orgs_by_name: dict[str, Org] = {province.name: province}
        stations: dict[str, list[Org]] = {}
        districts: list[tuple[str, str]] = []
        for (city_code, city_name), counties in CITIES.items():
            await Region.create(code=city_code, name=city_name, parent_code=PROVINCE[0], level=2, using_db=conn)
            city = await add_org(name=f"{city_name}市场监督管理局", level=OrgLevel.CITY, region_code=city_code,
                                 parent=province, using_db=conn)
            orgs_by_name[city.name] = city
            for code, name in counties:
                await Region.create(code=code, name=name, parent_code=city_code, level=3, using_db=conn)
                district = await add_org(name=f"{city_name}{name}市场监督管理局", level=OrgLevel.DISTRICT,
                                         region_code=code, parent=city, using_db=conn)
                orgs_by_name[district.name] = district
                stations[code] = [await add_org(name=f"{name}{s}", level=OrgLevel.STATION, region_code=code,
                                                parent=district, sort=i, using_db=conn)
                                  for i, s in enumerate(STATIONS)]
                districts.append((code, name))

        for username, password, name, org_name, roles in DEMO_STAFF:
            await StaffUser.create(username=username, name=name, password_hash=deps.hasher.hash(password),
                                   org=orgs_by_name[org_name], roles=[r.value for r in roles],
                                   phone_enc=deps.cipher.encrypt(f"1380000{rng.randint(1000, 9999)}"),
                                   using_db=conn)
        bank = await FinancialInstitution.create(name=DEMO_BANK[3], region_code="420200",
                                                 org=orgs_by_name["黄石市市场监督管理局"], using_db=conn)
        await StaffUser.create(username=DEMO_BANK[0], name=DEMO_BANK[2], password_hash=deps.hasher.hash(DEMO_BANK[1]),
                               org=orgs_by_name["黄石市市场监督管理局"], institution=bank,
                               roles=[Role.BANK_STAFF.value], using_db=conn)

        # The demo shop owner operates two businesses in 下陆区: the switch in the app has somewhere to go.
        seen: set[str] = set()
        owned = []
        for name, _shop, industry in DEMO_BUSINESSES:
            code = generator.make_uscc(rng, "420204", EntityKind.INDIVIDUAL)
            seen.add(code)
            owned.append(await Business.create(
                uscc=code, name=name, kind=EntityKind.INDIVIDUAL, operator_name=DEMO_OWNER["name"],
                **_operator_id(deps, generator.id_number(rng, "420204")),
                region_code="420204", org=stations["420204"][0], industry=industry,
                address="下陆区团城山街道杭州东路88号", established_on=datetime(2019, 5, 8, tzinfo=UTC).date(),
                using_db=conn))
        person = await Person.create(
            phone_index=deps.cipher.blind_index(DEMO_OWNER["phone"]), phone_enc=deps.cipher.encrypt(DEMO_OWNER["phone"]),
            name=DEMO_OWNER["name"], password_hash=deps.hasher.hash(DEMO_OWNER["password"]),
            privacy_version=deps.settings.privacy_policy_version, privacy_agreed_at=datetime.now(UTC),
            last_business_id=owned[0].id, using_db=conn)
        for b in owned:
            await PersonBusiness.create(person=person, business=b, role=LinkRole.OPERATOR, using_db=conn)

        await insert_rows(deps, generator.rows(rng, businesses - len(owned), districts, seen), stations,
                          rng, using_db=conn)
    # Each domain may add its own demo rows (getitong.<label>.demo.seed(deps)), after the register exists.
    for label in DOMAIN_APPS:
        if importlib.util.find_spec(f"getitong.{label}.demo") is not None:
            await importlib.import_module(f"getitong.{label}.demo").seed(deps)
    return True


def _operator_id(deps: Deps, number: str) -> dict[str, str | None]:
    return {"operator_id_enc": deps.cipher.encrypt(number), "operator_id_index": deps.cipher.blind_index(number)}


async def insert_rows(deps: Deps, rows: Any, stations: dict[str, list[Org]], rng: random.Random,
                      using_db: Any = None, batch: int = 2000, progress: Any = None) -> int:
    count = 0
    pending: list[Business] = []

    async def flush() -> None:
        # A (rare) USCC collision with an existing row is skipped rather than failing the batch.
        await Business.bulk_create(pending, using_db=using_db, ignore_conflicts=True)
        if progress is not None:
            progress.update(len(pending))
        pending.clear()

    for row in rows:
        pending.append(Business(
            uscc=row.uscc, reg_no=row.reg_no, name=row.name, kind=row.kind, operator_name=row.operator_name,
            **_operator_id(deps, row.operator_id),
            region_code=row.region_code, org_id=rng.choice(stations[row.region_code]).id, industry=row.industry,
            address=row.address, capital=row.capital, business_scope=row.business_scope,
            established_on=row.established_on, scale_type=row.scale_type, tags=row.tags))
        count += 1
        if len(pending) >= batch:
            await flush()
    if pending:
        await flush()
    return count


async def generate(deps: Deps, *, count: int, rng_seed: int, progress: Any = None) -> int:
    """Add `count` more businesses spread over the existing districts (for large benchmarks)."""
    rng = random.Random(rng_seed)
    stations: dict[str, list[Org]] = {}
    for org in await Org.filter(level=OrgLevel.STATION):
        stations.setdefault(org.region_code, []).append(org)
    names = {r.code: r.name for r in await Region.filter(code__in=list(stations))}
    districts = [(code, names.get(code, "")) for code in stations]
    if not districts:
        raise SystemExit("先运行 seed 生成机构与区划")
    return await insert_rows(deps, generator.rows(rng, count, districts, set()), stations, rng, progress=progress)
