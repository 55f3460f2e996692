"""Demo 联合惩戒: the punishing departments of 黄石市 with the catalog of seed 004, a court liaison, and one
published matter (a business of the register as 失信被执行人) with one feedback."""

from __future__ import annotations

from datetime import timedelta

from getitong.core.deps import Deps
from getitong.entities.models import Business
from getitong.notices.models import Department, DepartmentMember
from getitong.punishment.models import CatalogEntry, Feedback, Matter, MatterEntry, MatterSubject
from getitong.punishment.service import now
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Role

CITY = "黄石市市场监督管理局"
CATALOG = [
    ("黄石市中级人民法院", "限制部分高消费行为", "《最高人民法院关于限制被执行人高消费的若干规定》第一条、第三条",
     "对被申请强制执行、未按执行通知书指定期间履行行政处罚决定确定的给付义务的当事人，由执行法院依法限制其高消费行为。"),
    ("黄石市自然资源和规划局", "限制取得政府供应土地",
     "《国务院关于促进市场公平竞争维护市场秩序的若干意见》第四条第（十五）项",
     "由自然资源管理部门根据市场监管部门提供的信息，依法限制其取得政府供应土地。"),
    ("黄石海关", "限制成为海关认证企业", "《海关认证企业标准》（海关总署2014年第82号公告）第9条",
     "当事人申请适用海关认证企业管理的，海关不予通过认证。"),
]
LIAISON = ("hsfy", "Staff@2026", "周法官")


async def seed(deps: Deps) -> None:
    if await CatalogEntry.exists():
        return
    city = await Org.get_or_none(name=CITY)
    admin = await StaffUser.get_or_none(username="huangshi")
    if city is None or admin is None:
        return
    entries = []
    for dept_name, name, basis, measures in CATALOG:
        dept, _ = await Department.get_or_create(name=dept_name, org=city)
        entries.append(await CatalogEntry.create(org=city, name=name, proposing_org=CITY, department=dept,
                                                 basis=basis, measures=measures))
    court = entries[0].department_id
    if not await StaffUser.exists(username=LIAISON[0]):
        user = await StaffUser.create(username=LIAISON[0], name=LIAISON[2], org=city,
                                      password_hash=deps.hasher.hash(LIAISON[1]), roles=[Role.DEPARTMENT_LIAISON.value])
        await DepartmentMember.create(department_id=court, staff=user)
    subject = await Business.filter(org_id__in=[o.id for o in await Org.filter(parent_id=city.id)]).order_by(
        "-id").first()
    if subject is None:
        return
    at = now()
    matter = await Matter.create(org=city, category="debtor", decision_no="（2026）鄂02执58号",
                                 decision_org="黄石市中级人民法院", decision_date=(at - timedelta(days=20)).date(),
                                 expected_on=(at + timedelta(days=10)).date(), requirements="请于期限内落实并反馈",
                                 published_at=at - timedelta(days=19), published_by="刘建国", created_by=admin)
    await MatterSubject.create(matter=matter, business=subject, name=subject.name, uscc=subject.uscc,
                               operator_name=subject.operator_name)
    for x in entries[:2]:
        await MatterEntry.create(matter=matter, entry=x, department_id=x.department_id)
    await Feedback.create(matter=matter, entry=entries[0], business=subject, department_id=court,
                          implemented_on=(at - timedelta(days=12)).date(), measure="已发出限制消费令",
                          note="限制乘坐飞机、列车软卧", by_name=LIAISON[2])
