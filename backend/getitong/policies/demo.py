"""Demo policies for every business of the province and a 免申即享 benefit pushed to the demo shop owner's
first business, so 政策 and 免申即享 show something when `make run` starts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from getitong.accounts.models import Person, PersonBusiness
from getitong.core.deps import Deps
from getitong.policies import benefits, service
from getitong.policies.models import Benefit, Policy
from getitong.policies.schemas import BenefitIn, PolicyIn
from getitong.policies.workflow import PolicyAction
from getitong.staff import service as staff
from getitong.staff.models import StaffUser

POLICIES = [
    ("个体工商户社会保险补贴", "吸纳就业并缴纳社保的个体工商户，按实际缴费给予补贴。", "湖北省人力资源和社会保障厅",
     "对吸纳登记失业人员、高校毕业生就业并为其缴纳社会保险费的个体工商户，按单位实际缴纳的基本养老、基本医疗和"
     "失业保险费给予补贴，期限不超过3年。"),
    ("小微企业和个体工商户减半征收“六税两费”", "增值税小规模纳税人、个体工商户减半征收资源税、城市维护建设税等。",
     "国家税务总局湖北省税务局",
     "对增值税小规模纳税人、小型微利企业和个体工商户减半征收资源税（不含水资源税）、城市维护建设税、房产税、"
     "城镇土地使用税、印花税（不含证券交易印花税）、耕地占用税和教育费附加、地方教育附加。"),
]


async def seed(deps: Deps) -> None:
    from getitong.demo import DEMO_OWNER

    if await Policy.exists() or await Benefit.exists():
        return
    admin = await StaffUser.get_or_none(username="admin")
    person = await Person.get_or_none(phone_index=deps.cipher.blind_index(DEMO_OWNER["phone"]))
    if admin is None or person is None:
        return
    actor = await staff.load_actor(admin.id)
    made = []
    for title, summary, department, body in POLICIES:
        p = await service.create_policy(actor=actor, data=PolicyIn(
            title=title, summary=summary, department=department, body=body, valid_from=date(2025, 1, 1),
            valid_to=date(2027, 12, 31)))
        await service.transition_policy(actor=actor, policy_id=p["id"], action=PolicyAction.PUBLISH)
        made.append(p)
    benefit = await benefits.create_benefit(actor=actor, data=BenefitIn(
        code="HB-SB-2026-001", name="个体工商户社会保险补贴（2026年第一批）", policy_id=made[0]["id"],
        amount=Decimal("1800.00"), description="按实际缴纳的社会保险费给予补贴，确认后由免申即享平台直接兑付。"))
    link = await PersonBusiness.filter(person_id=person.id).order_by("id").first().prefetch_related("business")
    if link is not None:
        await benefits.mark_one(actor=actor, benefit_id=benefit["id"], uscc=link.business.uscc)
