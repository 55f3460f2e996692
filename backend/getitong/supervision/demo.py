"""Demo 双随机: a 双随机管理 account of 下陆区 with one check item and one draft plan, so the plan list and the
wizard have something to open after `make run` (the draw, teams and results are the staff's to try)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from getitong.core.deps import Deps
from getitong.staff import service as staff
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Role
from getitong.supervision import schemas as s
from getitong.supervision import service
from getitong.supervision.models import Plan

MANAGER = ("xlsj", "Staff@2026", "吴建军")


async def seed(deps: Deps) -> None:
    if await StaffUser.exists(username=MANAGER[0]) or await Plan.exists():
        return
    district = await Org.get_or_none(name="黄石市下陆区市场监督管理局")
    if district is None:
        return
    user = await StaffUser.create(username=MANAGER[0], name=MANAGER[2], org=district,
                                  password_hash=deps.hasher.hash(MANAGER[1]), roles=[Role.INSPECTION_MANAGER.value])
    actor = await staff.load_actor(user.id)
    await service.create_item(actor=actor, data=s.ItemCreate(name="食品经营监督检查", line="市场监管"))
    await service.create_plan(actor=actor, data=s.PlanCreate(
        name=f"{datetime.now(ZoneInfo('Asia/Shanghai')).year}年下陆区个体工商户双随机抽查", basis="《市场监督管理行政执法双随机抽查工作指引》",
        lead_department="黄石市下陆区市场监督管理局", ratio=Decimal("3"), group_size=5, team_size=2,
        requirements="随机抽取辖区内存续个体工商户，检查经营资格、公示信息与食品安全情况"))
