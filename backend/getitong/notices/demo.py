"""Demo 双告知: the post-approval departments of 下陆区 and 黄石市 with their rules, two department liaisons,
and notices of the demo owner's 小吃店 (one received, one older than three days and still unreceived)."""

from __future__ import annotations

from datetime import timedelta

from getitong.accounts.models import PersonBusiness
from getitong.core.deps import Deps
from getitong.entities.models import Business
from getitong.notices import service
from getitong.notices.models import Department, DepartmentMember, Notice, NoticeRule
from getitong.notices.workflow import ApplicationType, NoticeStatus
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Role

# (department name, org name, [(scope keyword, post-approval item)], liaison (username, password, name) or None)
DEPARTMENTS = [
    ("黄石市下陆区市场监督管理局食品经营许可窗口", "黄石市下陆区市场监督管理局",
     [("小餐饮", "食品经营许可（小餐饮登记）"), ("餐饮服务", "食品经营许可"), ("食品销售", "食品经营许可")],
     ("xlsp", "Staff@2026", "陈晓梅")),
    ("黄石市下陆区卫生健康局", "黄石市下陆区市场监督管理局",
     [("住宿服务", "公共场所卫生许可"), ("游泳", "公共场所卫生许可")], ("xlwj", "Staff@2026", "刘建华")),
    ("黄石市下陆区文化和旅游局", "黄石市下陆区市场监督管理局",
     [("出版物零售", "出版物经营许可证"), ("歌舞娱乐", "娱乐经营许可证")], None),
    ("黄石市公安局", "黄石市市场监督管理局", [("住宿服务", "特种行业许可证（旅馆业）"), ("印章刻制", "特种行业许可证（印章业）")],
     None),
    ("黄石市烟草专卖局", "黄石市市场监督管理局", [("卷烟零售", "烟草专卖零售许可证")], None),
]


async def seed(deps: Deps) -> None:
    from getitong.demo import DEMO_OWNER

    if await Department.exists():
        return
    for name, org_name, rules, liaison in DEPARTMENTS:
        org = await Org.get_or_none(name=org_name)
        if org is None:
            return
        dept = await Department.create(name=name, org=org)
        for keyword, item in rules:
            await NoticeRule.create(keyword=keyword, item=item, department=dept)
        if liaison and not await StaffUser.exists(username=liaison[0]):
            user = await StaffUser.create(username=liaison[0], name=liaison[2], org=org,
                                          password_hash=deps.hasher.hash(liaison[1]),
                                          roles=[Role.DEPARTMENT_LIAISON.value])
            await DepartmentMember.create(department=dept, staff=user)
    person_phone = deps.cipher.blind_index(DEMO_OWNER["phone"])
    link = await PersonBusiness.filter(person__phone_index=person_phone).order_by("id").first()
    if link is None:
        return
    shop = await Business.get(id=link.business_id)
    today = service.now().date()
    made = await service.notify(business=shop, scope_text="小餐饮；餐饮服务；食品销售（仅销售预包装食品）",
                                application_type=ApplicationType.ESTABLISH, approved_on=shop.established_on or today)
    made += await service.notify(business=shop, scope_text="住宿服务；日用百货销售",
                                 application_type=ApplicationType.CHANGE, approved_on=today - timedelta(days=5))
    for n in made:  # the change was told five days ago and nobody received it: the 3-day flag shows
        if n.application_type == ApplicationType.CHANGE:
            await Notice.filter(id=n.id).update(created_at=n.created_at - timedelta(days=5))
    first = next((n for n in made if n.item == "食品经营许可（小餐饮登记）"), None)
    if first is not None:
        await Notice.filter(id=first.id).update(status=NoticeStatus.RECEIVED, received_at=first.created_at,
                                                received_by="陈晓梅")
