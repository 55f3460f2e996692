"""Demo credit-repair data: credit staff of 下陆区, listings of 下陆区 businesses and a few applications at
different steps, so the 待办 list, the approval form and the owner's progress query show something."""

from __future__ import annotations

import logging
from datetime import date

from getitong.accounts.models import Person
from getitong.core.deps import Deps
from getitong.credit import errors as e
from getitong.credit import schemas as s
from getitong.credit import service
from getitong.credit.models import Channel
from getitong.credit.workflow import Action
from getitong.entities.models import Business
from getitong.risk.models import Listing
from getitong.risk.workflow import ListingKind
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Role

log = logging.getLogger(__name__)

DISTRICT = "黄石市下陆区市场监督管理局"
DEMO_CREDIT_STAFF = [("xfjb", "王丽", Role.CREDIT_CLERK), ("xfsh", "赵刚", Role.CREDIT_REVIEWER),
                     ("xfsp", "孙敏", Role.CREDIT_APPROVER)]
PASSWORD = "Staff@2026"
REASONS = ["通过登记的经营场所无法联系", "未按规定期限公示年度报告", "公示信息隐瞒真实情况、弄虚作假"]


async def seed(deps: Deps) -> None:
    """Idempotent: nothing happens when the credit staff already exist or the register has no 下陆区 shops."""
    district = await Org.get_or_none(name=DISTRICT)
    if district is None or await StaffUser.exists(username=DEMO_CREDIT_STAFF[0][0]):
        return
    staff = {}
    for username, name, role in DEMO_CREDIT_STAFF:
        staff[role] = await StaffUser.create(username=username, name=name, password_hash=deps.hasher.hash(PASSWORD),
                                             org=district, roles=[role.value])
    shops = await Business.filter(region_code=district.region_code, kind="individual").order_by("id").limit(8)
    listings = []
    for i, shop in enumerate(shops):
        listings.append(await Listing.create(
            business=shop, region_code=shop.region_code, org_id=shop.org_id, kind=ListingKind.INDIVIDUAL_ABNORMAL,
            doc_no=f"黄下市监异〔2025〕{101 + i}号", list_reason=REASONS[i % len(REASONS)],
            listed_on=date(2025, 3 + i % 6, 10), list_org=district, list_org_name=district.name))
    owner = await Person.filter(name="张秀英").order_by("id").first()
    # listings[0] stays free for the demo owner to apply for; the others get applications at different steps.
    plans = [[], [Action.ACCEPT], [Action.ACCEPT, Action.REVIEW], [Action.ACCEPT, Action.REVIEW, Action.APPROVE],
             [Action.RETURN]]
    try:
        for x, steps in zip(listings[1:], plans, strict=False):
            business = await Business.get(id=x.business_id)
            mine = owner is not None and business.operator_name == owner.name
            app = await service._create(
                deps, business=business, kind=x.kind, listings=[x],
                channel=Channel.MINIPROGRAM if mine else Channel.STAFF, person=owner if mine else None,
                applicant_name=business.operator_name,
                phone=deps.cipher.decrypt(owner.phone_enc) if mine and owner else None,
                reason="已整改完毕，申请恢复正常记载状态", materials=[], handling_org_id=district.id,
                staff=None if mine else staff[Role.CREDIT_CLERK])
            for action in steps:
                actor = staff[{Action.ACCEPT: Role.CREDIT_CLERK, Action.RETURN: Role.CREDIT_CLERK,
                               Action.REVIEW: Role.CREDIT_REVIEWER, Action.APPROVE: Role.CREDIT_APPROVER}[action]]
                opinion = "请补充可通过经营场所联系的证明材料" if action is Action.RETURN else "同意"
                await service.act(deps, actor=actor, app_id=app.id, data=s.ActionIn(action=action, opinion=opinion))
    except e.CalendarUncovered:  # the working-day calendar lacks this year: listings only, no applications
        log.warning("credit demo: working-day calendar does not cover this year; no demo applications")
