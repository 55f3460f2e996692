"""Demo 双随机: a 双随机管理 account of 下陆区, one check item with its 子项 and 检查内容, two 执法人员 at 下陆区's
bureau and at each of its two stations (a team of two for every business's own registration org) and one draft plan, so that after
`make run` a newcomer can take the plan through the wizard, the draw, confirmation, assignment and result entry."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from getitong.core.deps import Deps
from getitong.staff import service as staff
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Role
from getitong.supervision import schemas as s
from getitong.supervision import service
from getitong.supervision.models import Inspector, Plan
from getitong.supervision.workflow import InspectorType, ResultType

MANAGER = ("xlsj", "Staff@2026", "吴建军")
# (username, name, station): 执法人员 who log in to enter results (password Staff@2026).
# Two per registration org of 下陆区 (the bureau registers self-service applications, the stations the rest).
INSPECTORS = (("xlzf1", "李卫东", "城区市场监管所"), ("xlzf2", "周敏", "城区市场监管所"),
              ("xlzf3", "陈志刚", "开发区市场监管所"), ("xlzf4", "刘丽", "开发区市场监管所"),
              ("xlzf5", "王志强", None), ("xlzf6", "赵红梅", None))


async def seed(deps: Deps) -> None:
    if await StaffUser.exists(username=MANAGER[0]) or await Plan.exists():
        return
    district = await Org.get_or_none(name="黄石市下陆区市场监督管理局")
    if district is None:
        return
    user = await StaffUser.create(username=MANAGER[0], name=MANAGER[2], org=district,
                                  password_hash=deps.hasher.hash(MANAGER[1]), roles=[Role.INSPECTION_MANAGER.value])
    actor = await staff.load_actor(user.id)
    item = await service.create_item(actor=actor, data=s.ItemCreate(name="食品经营监督检查", line="市场监管"))
    sub = await service.create_subitem(actor=actor, item_id=item["id"], data=s.SubItemCreate(
        name="经营资格与公示信息检查", method="实地核查、书面检查", basis="《食品安全法》第三十五条；《企业信息公示暂行条例》"))
    for content in (
        s.ContentCreate(content="是否取得有效的食品经营许可证并在经营场所显著位置悬挂", result_type=ResultType.BOOLEAN),
        s.ContentCreate(content="经营场所、经营范围与登记信息是否一致", result_type=ResultType.CHOICE,
                        options=["一致", "基本一致", "不一致"]),
        s.ContentCreate(content="从业人员健康证明持有人数", result_type=ResultType.NUMERIC, unit="人"),
        s.ContentCreate(content="其他需要说明的情况", result_type=ResultType.TEXT),
    ):
        await service.create_content(actor=actor, subitem_id=sub["id"], data=content)
    for username, name, station in INSPECTORS:
        org = await Org.get_or_none(name=f"下陆区{station}", parent_id=district.id) if station else district
        if org is None:
            continue
        person = await StaffUser.create(username=username, name=name, org=org, roles=[Role.INSPECTOR.value],
                                        password_hash=deps.hasher.hash(MANAGER[1]))
        await Inspector.create(staff_id=person.id, org_id=org.id, name=name, types=[InspectorType.ENFORCEMENT.value],
                               categories=["食品安全", "市场监管"], region="下陆区", cert_no=f"鄂执{person.id:08d}",
                               cert_valid_from=date(2024, 1, 1), cert_valid_to=date(2029, 12, 31),
                               cert_issuer="湖北省人民政府")
    await service.create_plan(actor=actor, data=s.PlanCreate(
        name=f"{datetime.now(ZoneInfo('Asia/Shanghai')).year}年下陆区个体工商户双随机抽查", basis="《市场监督管理行政执法双随机抽查工作指引》",
        lead_department="黄石市下陆区市场监督管理局", ratio=Decimal("3"), group_size=5, team_size=2,
        requirements="随机抽取辖区内存续个体工商户，检查经营资格、公示信息与食品安全情况"))
