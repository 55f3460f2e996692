"""Demo appeals: a 诉求承办 account at the 监管所 of the demo shops and a few appeals of the demo owner at
different steps, so the desk (xialu) and the unit (xlcq) both have work when `make run` starts."""

from __future__ import annotations

from getitong.accounts.models import Person, PersonBusiness
from getitong.appeals import service
from getitong.appeals.models import Appeal, AppealType
from getitong.core.deps import Deps
from getitong.staff import service as staff
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Role

HANDLER = ("xlcq", "Staff@2026", "周卫东")  # 下陆区 station: 诉求承办
APPEALS = [
    ("门头招牌更换需要办理什么手续", AppealType.CONSULT, "登记注册",
     "店面准备更换门头招牌，尺寸比原来大一些，请问需要到哪里办理审批，需要准备哪些材料？"),
    ("隔壁店铺占道经营影响通行", AppealType.COMPLAINT, "市场监管综合执法",
     "杭州东路88号附近有店铺长期把货架摆到人行道上，顾客和送货车辆都不方便，希望尽快处理。"),
    ("希望增加个体户电子营业执照使用培训", AppealType.SUGGESTION, "登记注册",
     "很多个体户不会使用电子营业执照，建议在社区开展培训或在小程序里增加操作指引。"),
]


async def seed(deps: Deps) -> None:
    from getitong.demo import DEMO_OWNER

    if await StaffUser.exists(username=HANDLER[0]):
        return
    person = await Person.get_or_none(phone_index=deps.cipher.blind_index(DEMO_OWNER["phone"]))
    desk_user = await StaffUser.get_or_none(username="xialu")
    if person is None or desk_user is None:
        return
    link = await PersonBusiness.filter(person_id=person.id).order_by("id").first().prefetch_related("business")
    if link is None or await Appeal.filter(person_id=person.id).exists():
        return
    station = await Org.get(id=link.business.org_id)
    handler_user = await StaffUser.create(username=HANDLER[0], name=HANDLER[2],
                                          password_hash=deps.hasher.hash(HANDLER[1]), org=station,
                                          roles=[Role.APPEAL_HANDLER.value])
    made = [await service.submit(deps, person_id=person.id, business_id=link.business_id, title=title, type=kind, department=department, content=content,
                                 photos=[])
            for title, kind, department, content in APPEALS]
    desk, unit = await staff.load_actor(desk_user.id), await staff.load_actor(handler_user.id)
    # The first waits for the desk; the second is with the station (xlcq); the third is answered and can be rated.
    for appeal in made[1:]:
        await service.accept(deps, actor=desk, appeal_id=appeal["id"])
        await service.transfer(deps, actor=desk, appeal_id=appeal["id"], unit_org_id=station.id,
                               requirements="请核实情况，依法处理并反馈结果。")
    await service.report(deps, actor=unit, appeal_id=made[2]["id"], files=[],
                         result="已与区局登记注册科对接，下月起在各社区开展电子营业执照使用培训。")
    await service.reply(deps, actor=desk, appeal_id=made[2]["id"], files=[],
                        reply="感谢您的建议。区局将于下月起在各社区开展电子营业执照使用培训，小程序“办事指南”也将上线操作说明。")
