"""A demo administrative penalty on the demo shop owner's second business, for the 行政处罚 tab of 风险预警
(the credit-repair demo lists the first business as 经营异常)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from getitong.accounts.models import Person, PersonBusiness
from getitong.core.deps import Deps
from getitong.risk.models import Penalty
from getitong.staff.models import Org


async def seed(deps: Deps) -> None:
    from getitong.demo import DEMO_OWNER

    person = await Person.get_or_none(phone_index=deps.cipher.blind_index(DEMO_OWNER["phone"]))
    if person is None:
        return
    links = await PersonBusiness.filter(person_id=person.id).order_by("id").prefetch_related("business")
    if len(links) < 2:
        return
    shop = links[1].business
    if await Penalty.filter(business_id=shop.id).exists():
        return
    org = await Org.get(id=shop.org_id)
    await Penalty.create(
        business=shop, region_code=shop.region_code, org_id=shop.org_id, doc_no="下市监罚〔2025〕118号",
        penalty_name="销售过期食品案", penalty_type="警告；罚款",
        basis="《中华人民共和国食品安全法》第一百二十四条第一款第（五）项",
        violation_type="经营超过保质期的食品",
        content="警告，并处罚款人民币伍仟元整，没收过期食品。",
        fine_amount=Decimal("5000"), confiscated_amount=Decimal("86.50"),
        decided_on=date(2025, 9, 16), published_on=date(2025, 9, 23),
        decision_org_id=org.id, decision_org_name=org.name)
