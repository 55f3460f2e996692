"""Credit-repair use-cases: the applicant's side (mini-program) and the staff side (accept → review → approve).

Every state change is one conditional UPDATE plus its event row in one transaction; approval removes the
listing(s) through getitong.risk.service.remove_listing inside that same transaction.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from getitong.accounts.models import Person, PersonBusiness
from getitong.common import home_events
from getitong.core import audit, errors
from getitong.core.cache import hit
from getitong.core.deps import Deps
from getitong.core.models import StoredFile
from getitong.core.pagination import keyset
from getitong.core.security import mask_id_number, mask_phone
from getitong.credit import config as cfg
from getitong.credit import errors as e
from getitong.credit import letter
from getitong.credit import schemas as s
from getitong.credit.models import (
    CHANNEL_LABELS,
    MATERIAL_LABELS,
    REQUIRED_MATERIALS,
    Channel,
    CreditApplication,
    CreditApplicationListing,
    CreditEvent,
    CreditMaterial,
    MaterialType,
)
from getitong.credit.workflow import (
    ACTION_LABELS,
    APPLICANT,
    APPROVER,
    CLERK,
    NEEDS_REASON,
    OPEN_STATUSES,
    REVIEWER,
    STATUS_LABELS,
    STEP_LABELS,
    WORKS_ON,
    Action,
    Caller,
    CreditStatus,
    allowed_actions,
    next_status,
)
from getitong.entities import uscc as uscc_codes
from getitong.entities.models import Business
from getitong.risk import service as risk
from getitong.risk.models import Listing
from getitong.risk.schemas import today as risk_today
from getitong.risk.workflow import LISTING_KIND_LABELS, ListingKind, ListingStatus, RemovalSource
from getitong.staff import scope
from getitong.staff.models import Org, OrgClosure, StaffUser
from getitong.staff.permissions import permissions_of

log = logging.getLogger(__name__)

CREDIT_PERMS = frozenset({CLERK, REVIEWER, APPROVER})

GUIDES = {
    ListingKind.SERIOUS_VIOLATION: (
        "适用对象：被列入严重违法失信名单满一年，且已履行行政处罚等法定义务、纠正违法行为的市场主体，可申请提前移出。\n"
        "办理机关：作出列入决定的市场监督管理部门（谁列入、谁修复）。\n"
        "申请材料：信用修复申请书；守信承诺书；履行法定义务、纠正违法行为的相关材料。\n"
        "办理时限：收到申请之日起2个工作日内决定是否受理，受理之日起15个工作日内作出决定，"
        "决定之日起3个工作日内移出。\n"
        "依据：《市场监督管理信用修复管理办法》、国办发〔2025〕22号。"),
    ListingKind.ENTERPRISE_ABNORMAL: (
        "适用对象：被列入经营异常名录，且列入事由已消除（已补报年报、已更正公示信息、可通过登记住所联系等）的企业。\n"
        "办理机关：作出列入决定的市场监督管理部门（谁列入、谁修复）。\n"
        "申请材料：信用修复申请书；守信承诺书；列入事由已消除的相关材料。\n"
        "办理时限：收到申请之日起2个工作日内决定是否受理，受理之日起5个工作日内作出决定，决定之日起3个工作日内移出。\n"
        "依据：《市场监督管理信用修复管理办法》、国办发〔2025〕22号。"),
    ListingKind.INDIVIDUAL_ABNORMAL: (
        "适用对象：被标记为经营异常状态，且标记事由已消除（已补报年报、可通过登记经营场所联系等）的个体工商户，"
        "可申请恢复正常记载状态。\n"
        "办理机关：作出标记决定的市场监督管理部门（谁列入、谁修复）。\n"
        "申请材料：信用修复申请书；守信承诺书；标记事由已消除的相关材料。\n"
        "办理时限：收到申请之日起2个工作日内决定是否受理，受理之日起5个工作日内作出决定，决定之日起3个工作日内恢复。\n"
        "依据：《市场监督管理信用修复管理办法》、国办发〔2025〕22号。"),
    ListingKind.COOPERATIVE_ABNORMAL: (
        "适用对象：被列入经营异常名录，且列入事由已消除的农民专业合作社。\n"
        "办理机关：作出列入决定的市场监督管理部门（谁列入、谁修复）。\n"
        "申请材料：信用修复申请书；守信承诺书；列入事由已消除的相关材料。\n"
        "办理时限：收到申请之日起2个工作日内决定是否受理，受理之日起5个工作日内作出决定，决定之日起3个工作日内移出。\n"
        "依据：《市场监督管理信用修复管理办法》、国办发〔2025〕22号。"),
}

KIND_TITLES = {
    ListingKind.SERIOUS_VIOLATION: "严重违法失信名单信用修复（提前移出）",
    ListingKind.ENTERPRISE_ABNORMAL: "企业经营异常名录信用修复（移出）",
    ListingKind.INDIVIDUAL_ABNORMAL: "个体工商户经营异常状态信用修复（恢复正常记载状态）",
    ListingKind.COOPERATIVE_ABNORMAL: "农民专业合作社经营异常名录信用修复（移出）",
}


# ----------------------------------------------------------------------------- helpers


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _t(value: datetime | None) -> str | None:
    return value.astimezone(cfg.SHANGHAI).isoformat() if value else None


def limits_out(app: CreditApplication, today: date | None = None) -> dict[str, Any]:
    """The time limits of an application and where the current step stands (time left, due soon, overdue)."""
    today = today or cfg.local_day(cfg.now())
    status = CreditStatus(app.status)
    due: date | None = None
    if status is CreditStatus.SUBMITTED:
        due = app.accept_due_on
    elif status in (CreditStatus.REVIEWING, CreditStatus.APPROVING):
        due = app.decide_due_on
    left: int | None = None
    state = "none"
    if due is not None:
        if today > due:
            state = "overdue"
        try:
            left = cfg.working_days_between(today, due)
        except e.CalendarUncovered:
            left = None
        if state != "overdue":
            state = "due_soon" if left is not None and left <= cfg.credit_settings().due_soon_days else "normal"
    labels = {"none": "", "normal": "办理中", "due_soon": "即将到期", "overdue": "已超期"}
    return {"accept_due_on": _d(app.accept_due_on), "decide_due_on": _d(app.decide_due_on),
            "remove_due_on": _d(app.remove_due_on), "current_due_on": _d(due), "working_days_left": left,
            "due_state": state, "due_state_label": labels[state]}


def _summary(app: CreditApplication) -> dict[str, Any]:
    status = CreditStatus(app.status)
    return {"id": app.id, "number": app.number, "kind": app.kind.value, "kind_label": LISTING_KIND_LABELS[app.kind],
            "status": status.value, "status_label": STATUS_LABELS[status], "step": STEP_LABELS[status],
            "channel": app.channel.value, "channel_label": CHANNEL_LABELS[app.channel],
            "business_name": app.business_name, "business_uscc": app.business_uscc,
            "submitted_at": _t(app.submitted_at), "decided_at": _t(app.decided_at),
            "decision_no": app.decision_no, "has_decision_letter": status is CreditStatus.APPROVED,
            "last_reason": app.last_reason, "limits": limits_out(app)}


def _event_out(ev: CreditEvent, *, staff: bool) -> dict[str, Any]:
    label = "提交申请" if ev.action == "submit" else ACTION_LABELS[Action(ev.action)]
    out = {"id": ev.id, "action": ev.action, "action_label": label,
           "from_status": ev.from_status, "to_status": ev.to_status,
           "to_status_label": STATUS_LABELS[CreditStatus(ev.to_status)], "comment": ev.comment,
           "org_name": ev.actor_org_name, "payload": ev.payload, "at": _t(ev.at)}
    if staff:
        out |= {"actor_type": ev.actor_type, "actor_id": ev.actor_id, "actor_name": ev.actor_name,
                "actor_org_id": ev.actor_org_id}
    return out


STEP_OF_ACTION = {"accept": "经办", "transfer": "经办", "review": "审核", "approve": "审批"}


def approval_form(app: CreditApplication, events: list[CreditEvent]) -> list[dict[str, Any]]:
    """信用修复审批表: the 经办 / 审核 / 审批 opinions (with person, office and time) and every transfer."""
    rows = []
    for ev in events:
        if ev.actor_type != "staff" or ev.action == "submit":
            continue
        from_status = CreditStatus(ev.from_status) if ev.from_status else None
        step = STEP_OF_ACTION.get(ev.action) or {CreditStatus.SUBMITTED: "经办", CreditStatus.REVIEWING: "审核",
                                                  CreditStatus.APPROVING: "审批"}.get(from_status, "")
        rows.append({"step": step, "action": ev.action, "result": ACTION_LABELS[Action(ev.action)],
                     "opinion": ev.comment, "person": ev.actor_name, "org_name": ev.actor_org_name,
                     "at": _t(ev.at), "payload": ev.payload})
    return rows


async def _listings_of(app_ids: list[int]) -> dict[int, list[Listing]]:
    links = await CreditApplicationListing.filter(application_id__in=app_ids).prefetch_related("listing")
    out: dict[int, list[Listing]] = {}
    for link in links:
        out.setdefault(link.application_id, []).append(link.listing)
    return out


async def _materials_out(app_id: int) -> list[dict[str, Any]]:
    rows = await CreditMaterial.filter(application_id=app_id).prefetch_related("file").order_by("id")
    return [{"id": m.id, "type": m.type.value, "type_label": MATERIAL_LABELS[m.type], "file_id": m.file_id,
             "name": m.file.original_name, "content_type": m.file.content_type, "size": m.file.size} for m in rows]


async def _check_materials(materials: list[s.MaterialIn], *, owner_type: str, owner_id: int,
                           required: bool) -> None:
    ids = {m.file_id for m in materials}
    found = await StoredFile.filter(id__in=list(ids), owner_type=owner_type, owner_id=owner_id).count()
    if found != len(ids):
        raise e.MaterialInvalid(data={"file_ids": sorted(ids)})
    if required:
        missing = [t for t in REQUIRED_MATERIALS if t not in {m.type for m in materials}]
        if missing:
            raise e.MaterialMissing(f"请上传：{'、'.join(MATERIAL_LABELS[t] for t in missing)}",
                                    data={"missing": [t.value for t in missing]})


async def _event(conn: Any, app: CreditApplication, *, actor_type: str, actor_id: int | None, actor_name: str,
                 org: Org | None, action: str, from_status: CreditStatus | None, to_status: CreditStatus,
                 comment: str = "", payload: dict[str, Any] | None = None, at: datetime) -> CreditEvent:
    return await CreditEvent.create(application_id=app.id, actor_type=actor_type, actor_id=actor_id,
                                    actor_name=actor_name, actor_org_id=org.id if org else None,
                                    actor_org_name=org.name if org else "", action=action,
                                    from_status=from_status.value if from_status else None,
                                    to_status=to_status.value, comment=comment, payload=payload or {}, at=at,
                                    using_db=conn)


def options() -> dict[str, Any]:
    st = cfg.credit_settings()
    return {
        "kinds": [{"value": k.value, "label": LISTING_KIND_LABELS[k], "title": KIND_TITLES[k], "guide": GUIDES[k],
                   "accept_days": st.accept_days, "decide_days": st.decide_days(k), "remove_days": st.remove_days}
                  for k in ListingKind],
        "material_types": [{"value": t.value, "label": MATERIAL_LABELS[t], "required": t in REQUIRED_MATERIALS}
                           for t in MaterialType],
        "statuses": [{"value": st_.value, "label": STATUS_LABELS[st_]} for st_ in CreditStatus],
        "day_unit": "工作日",
    }


# ----------------------------------------------------------------------------- applicant side


@dataclass(frozen=True)
class Applicant:
    person: Person
    business_id: int | None


def _business_out(deps: Deps, b: Business) -> dict[str, Any]:
    return {"id": b.id, "uscc": b.uscc, "reg_no": b.reg_no, "name": b.name, "kind": b.kind.value,
            "operator_name": b.operator_name, "address": b.address,
            "operator_id_masked": mask_id_number(deps.cipher.decrypt(b.operator_id_enc))}


async def my_businesses(deps: Deps, *, who: Applicant) -> dict[str, Any]:
    """The person's businesses with USCC, legal representative and (masked) ID number filled in."""
    links = await PersonBusiness.filter(person_id=who.person.id).prefetch_related("business").order_by("id")
    return {"items": [_business_out(deps, link.business) for link in links]}


async def _resolve_business(deps: Deps, who: Applicant, ref: s.BusinessRef) -> Business:
    if ref.business_id is not None:
        if not await PersonBusiness.exists(person_id=who.person.id, business_id=ref.business_id):
            raise e.BusinessNotLinked()
        return await Business.get(id=ref.business_id)
    st = cfg.credit_settings()
    # Guessing ID numbers is throttled per person (each register check counts).
    if not (await hit(deps.cache, f"credit-ident:{who.person.id}", limit=st.identity_limit,
                      window=st.identity_window)).allowed:
        raise errors.TooManyAttempts(data={"retry_after": st.identity_window})
    business = await Business.get_or_none(uscc=uscc_codes.normalize(ref.uscc or ""))
    # One answer for every mismatch: the check never tells which part of the identity was wrong.
    if (business is None or business.operator_name != ref.operator_name or not business.operator_id_index
            or business.operator_id_index != deps.cipher.blind_index(ref.id_number or "")):
        raise e.IdentityMismatch()
    return business


async def _busy_listing_ids(listing_ids: list[int]) -> dict[int, str]:
    rows = await CreditApplicationListing.filter(open_listing_id__in=listing_ids).prefetch_related("application")
    return {r.listing_id: r.application.number for r in rows}


def _listing_row(x: Listing, busy: dict[int, str]) -> dict[str, Any]:
    out = risk.listing_out(x)
    out |= {"list_org_id": x.list_org_id, "open_application": busy.get(x.id), "can_apply": x.id not in busy
            and x.status == ListingStatus.LISTED}
    return out


async def verify(deps: Deps, *, who: Applicant, data: s.VerifyIn) -> dict[str, Any]:
    """Identity check, then the business's active listings of the kind (those with an open application are
    shown but cannot be picked)."""
    business = await _resolve_business(deps, who, data)
    rows = await Listing.filter(business_id=business.id, kind=data.kind, status=ListingStatus.LISTED).order_by("-id")
    busy = await _busy_listing_ids([x.id for x in rows])
    return {"business": _business_out(deps, business), "kind": data.kind.value,
            "listings": [_listing_row(x, busy) for x in rows]}


async def _check_listings(business: Business, kind: ListingKind, listing_ids: list[int],
                          conn: Any = None) -> list[Listing]:
    ids = sorted(set(listing_ids))
    rows = await Listing.filter(id__in=ids).using_db(conn)
    if len(rows) != len(ids) or any(x.business_id != business.id or x.status != ListingStatus.LISTED
                                    for x in rows):
        raise e.ListingInvalid(data={"listing_ids": ids})
    if any(x.kind != kind for x in rows):
        raise e.ListingKindMismatch(data={"kind": kind.value})
    if len({x.list_org_id for x in rows}) > 1:
        raise e.ListingOrgsDiffer()
    busy = await _busy_listing_ids(ids)
    if busy:
        raise e.ListingBusy(data={"listing_ids": sorted(busy), "numbers": sorted(set(busy.values()))})
    return rows


async def _create(deps: Deps, *, business: Business, kind: ListingKind, listings: list[Listing], channel: Channel,
                  person: Person | None, applicant_name: str, phone: str | None, reason: str,
                  materials: list[s.MaterialIn], handling_org_id: int, staff: StaffUser | None) -> CreditApplication:
    at = cfg.now()
    accept_due = cfg.add_working_days(cfg.local_day(at), cfg.credit_settings().accept_days)
    try:
        async with in_transaction() as conn:
            app = await CreditApplication.create(
                number=uuid.uuid4().hex, kind=kind, channel=channel, status=CreditStatus.SUBMITTED,
                business_id=business.id, business_name=business.name, business_uscc=business.uscc,
                region_code=business.region_code, person=person, applicant_name=applicant_name,
                phone_enc=deps.cipher.encrypt(phone) if phone else None,
                phone_index=deps.cipher.blind_index(phone) if phone else None, reason=reason,
                list_org_id=listings[0].list_org_id, handling_org_id=handling_org_id, created_by=staff,
                submitted_at=at, accept_due_on=accept_due, using_db=conn)
            app.number = f"XF{cfg.local_day(at):%Y%m%d}{app.id:06d}"
            await CreditApplication.filter(id=app.id).using_db(conn).update(number=app.number)
            await CreditApplicationListing.bulk_create(
                [CreditApplicationListing(application_id=app.id, listing_id=x.id, open_listing_id=x.id)
                 for x in listings], using_db=conn)
            if materials:
                await CreditMaterial.bulk_create(
                    [CreditMaterial(application_id=app.id, type=m.type, file_id=m.file_id) for m in materials],
                    using_db=conn)
            org = await Org.get(id=staff.org_id).using_db(conn) if staff else None
            await _event(conn, app, actor_type="staff" if staff else "person",
                         actor_id=staff.id if staff else (person.id if person else None),
                         actor_name=staff.name if staff else applicant_name, org=org, action="submit",
                         from_status=None, to_status=CreditStatus.SUBMITTED, comment=reason,
                         payload={"listing_ids": [x.id for x in listings], "channel": channel.value}, at=at)
            if staff:
                await audit.record(actor=staff, action="credit.apply", target_type="credit_application",
                                   target_id=app.id, after={"number": app.number, "kind": kind.value,
                                                            "listing_ids": [x.id for x in listings]}, using_db=conn)
    except IntegrityError as exc:  # a concurrent application took one of the listings first
        raise e.ListingBusy(data={"listing_ids": [x.id for x in listings]}) from exc
    return app


async def submit(deps: Deps, *, who: Applicant, data: s.SubmitIn) -> dict[str, Any]:
    """Submit an application; returns its number. Routed to the office that made the listing."""
    if not data.guide_acknowledged:
        raise e.GuideNotAcknowledged()
    business = await _resolve_business(deps, who, data)
    listings = await _check_listings(business, data.kind, data.listing_ids)
    await _check_materials(data.materials, owner_type="person", owner_id=who.person.id, required=True)
    phone = data.phone or deps.cipher.decrypt(who.person.phone_enc)
    app = await _create(deps, business=business, kind=data.kind, listings=listings, channel=Channel.MINIPROGRAM,
                        person=who.person, applicant_name=who.person.name, phone=phone, reason=data.reason,
                        materials=data.materials, handling_org_id=listings[0].list_org_id, staff=None)
    return {"id": app.id, "number": app.number, **_summary(app)}


async def _own_business_ids(person_id: int) -> list[int]:
    return list(await PersonBusiness.filter(person_id=person_id).values_list("business_id", flat=True))


async def progress(deps: Deps, *, who: Applicant, q: s.ProgressQuery) -> dict[str, Any]:
    """Applications made with a phone (the login phone by default): the person's own, or of their businesses."""
    phone = q.phone or deps.cipher.decrypt(who.person.phone_enc) or ""
    own = await _own_business_ids(who.person.id)
    qs = CreditApplication.filter(phone_index=deps.cipher.blind_index(phone)).filter(
        Q(person_id=who.person.id) | Q(business_id__in=own or [0]))
    rows, nxt = await keyset(qs, cursor=q.cursor, limit=q.limit)
    return {"phone": mask_phone(phone), "items": [_summary(a) for a in rows], "next": nxt}


async def _own_application(who: Applicant, app_id: int, conn: Any = None) -> CreditApplication:
    app = await CreditApplication.get_or_none(id=app_id).using_db(conn)
    if app is None or (app.person_id != who.person.id
                       and app.business_id not in await _own_business_ids(who.person.id)):
        raise e.CreditNotFound()
    return app


async def _detail(deps: Deps, app: CreditApplication, *, staff: bool, caller: Caller) -> dict[str, Any]:
    events = await CreditEvent.filter(application_id=app.id).order_by("id")
    listings = (await _listings_of([app.id])).get(app.id, [])
    business = await Business.get(id=app.business_id)
    out = _summary(app) | {
        "business": _business_out(deps, business), "reason": app.reason,
        "applicant_name": app.applicant_name,
        "listings": [risk.listing_out(x) | {"list_org_id": x.list_org_id} for x in listings],
        "materials": await _materials_out(app.id),
        "events": [_event_out(ev, staff=staff) for ev in events],
        "actions": allowed_actions(app.status, caller),
    }
    phone = deps.cipher.decrypt(app.phone_enc)
    out["phone"] = phone if staff else mask_phone(phone)
    if staff:
        handling = await Org.get(id=app.handling_org_id)
        out |= {"handling_org_id": app.handling_org_id, "handling_org_name": handling.name,
                "list_org_id": app.list_org_id, "approval_form": approval_form(app, events)}
    return out


async def my_application(deps: Deps, *, who: Applicant, app_id: int) -> dict[str, Any]:
    app = await _own_application(who, app_id)
    return await _detail(deps, app, staff=False, caller=_applicant_caller(who, app))


def _applicant_caller(who: Applicant, app: CreditApplication) -> Caller:
    return Caller(frozenset({APPLICANT}) if app.person_id == who.person.id else frozenset())


async def resubmit(deps: Deps, *, who: Applicant, app_id: int, data: s.ResubmitIn) -> dict[str, Any]:
    """After a return (退回补正): add materials and send it back to the handling office; the clock restarts."""
    await _check_materials(data.materials, owner_type="person", owner_id=who.person.id, required=False)
    at = cfg.now()
    async with in_transaction() as conn:
        app = await _own_application(who, app_id, conn)
        target = next_status(app.status, Action.RESUBMIT, _applicant_caller(who, app))
        accept_due = cfg.add_working_days(cfg.local_day(at), cfg.credit_settings().accept_days)
        changed = await CreditApplication.filter(id=app.id, status=app.status).using_db(conn).update(
            status=target, accept_due_on=accept_due, submitted_at=at)
        if not changed:
            raise e.StateChanged()
        if data.materials:
            await CreditMaterial.bulk_create(
                [CreditMaterial(application_id=app.id, type=m.type, file_id=m.file_id) for m in data.materials],
                using_db=conn)
        await _event(conn, app, actor_type="person", actor_id=who.person.id, actor_name=who.person.name, org=None,
                     action=Action.RESUBMIT.value, from_status=CreditStatus(app.status), to_status=target,
                     comment=data.comment, at=at)
    app = await CreditApplication.get(id=app.id)
    return await _detail(deps, app, staff=False, caller=_applicant_caller(who, app))


async def withdraw(deps: Deps, *, who: Applicant, app_id: int, data: s.WithdrawIn) -> dict[str, Any]:
    """The applicant takes the application back (before acceptance, or while returned for 补正): it closes and
    its listings can be applied for again."""
    at = cfg.now()
    async with in_transaction() as conn:
        app = await _own_application(who, app_id, conn)
        target = next_status(app.status, Action.WITHDRAW, _applicant_caller(who, app))
        changed = await CreditApplication.filter(id=app.id, status=app.status).using_db(conn).update(
            status=target)
        if not changed:
            raise e.StateChanged()
        await CreditApplicationListing.filter(application_id=app.id).using_db(conn).update(open_listing_id=None)
        await _event(conn, app, actor_type="person", actor_id=who.person.id, actor_name=who.person.name, org=None,
                     action=Action.WITHDRAW.value, from_status=CreditStatus(app.status), to_status=target,
                     comment=data.comment, at=at)
    app = await CreditApplication.get(id=app.id)
    return await _detail(deps, app, staff=False, caller=_applicant_caller(who, app))


async def _application_file(app_id: int, file_id: int) -> StoredFile:
    m = await CreditMaterial.filter(application_id=app_id, file_id=file_id).prefetch_related("file").first()
    if m is None:
        raise e.CreditNotFound("材料不存在")
    return m.file


async def owner_file(deps: Deps, *, who: Applicant, app_id: int, file_id: int) -> tuple[StoredFile, bytes]:
    app = await _own_application(who, app_id)
    f = await _application_file(app.id, file_id)
    return f, await asyncio.to_thread(deps.storage.open, f.sha256)


async def decision_letter(app: CreditApplication) -> tuple[str, bytes]:
    """信用修复决定书 of an approved application: file name and PDF bytes."""
    if app.status != CreditStatus.APPROVED or app.decided_at is None:
        raise e.DecisionNotReady()
    listings_ = (await _listings_of([app.id])).get(app.id, [])
    org = await Org.get(id=app.handling_org_id)
    decided = cfg.local_day(app.decided_at)
    submitted = cfg.local_day(app.submitted_at)
    label = LISTING_KIND_LABELS[app.kind]
    outcome = ("恢复正常记载状态" if app.kind is ListingKind.INDIVIDUAL_ABNORMAL else f"将你（单位）移出{label}")
    paragraphs = [f"{app.decision_no}", f"{app.business_name}（统一社会信用代码：{app.business_uscc}）：",
                  f"你（单位）于{submitted:%Y年%m月%d日}提出的{label}信用修复申请（受理编号：{app.number}）"
                  f"收悉。经审查，符合信用修复条件。根据《市场监督管理信用修复管理办法》的规定，本机关决定准予信用修复，"
                  f"{outcome}。"]
    for x in listings_:
        paragraphs.append(f"原列入决定书文号：{x.doc_no}；列入日期：{x.listed_on:%Y年%m月%d日}；列入原因：{x.list_reason}。")
    paragraphs.append("信用修复后，你（单位）应当严格遵守法律法规，诚信守法经营。")
    pdf = letter.render(title="信用修复决定书", paragraphs=paragraphs, signature=[org.name, f"{decided:%Y年%m月%d日}"])
    return f"信用修复决定书-{app.number}.pdf", pdf


async def owner_letter(*, who: Applicant, app_id: int) -> tuple[str, bytes]:
    return await decision_letter(await _own_application(who, app_id))


# ----------------------------------------------------------------------------- staff side


def _staff_perms(actor: StaffUser) -> frozenset[str]:
    perms = frozenset(permissions_of(actor.roles)) & CREDIT_PERMS
    if not perms:
        raise e.StaffForbidden()
    return perms


def _staff_caller(actor: StaffUser, app: CreditApplication) -> Caller:
    """Roles count only in the office now handling the application (谁列入谁修复, or the transfer target)."""
    perms = frozenset(permissions_of(actor.roles)) & CREDIT_PERMS
    return Caller(perms if app.handling_org_id == actor.org_id else frozenset())


async def _visible(actor: StaffUser, app_id: int, conn: Any = None) -> CreditApplication:
    _staff_perms(actor)
    app = await CreditApplication.get_or_none(id=app_id).using_db(conn)
    if app is None or app.handling_org_id != actor.org_id:
        raise e.CreditNotFound()
    return app


async def queue(*, actor: StaffUser, q: s.QueueQuery) -> dict[str, Any]:
    """待办 / all applications of the actor's office, newest first, with time left / due soon / overdue."""
    perms = _staff_perms(actor)
    qs = CreditApplication.filter(handling_org_id=actor.org_id)
    if q.todo:
        qs = qs.filter(status__in=[WORKS_ON[p] for p in perms])
    if q.status:
        qs = qs.filter(status=q.status)
    if q.kind:
        qs = qs.filter(kind=q.kind)
    if q.number:
        qs = qs.filter(number=q.number.strip().upper())
    if q.name:
        qs = qs.filter(business_name__icontains=q.name.strip())
    if q.uscc:
        qs = qs.filter(business_uscc=uscc_codes.normalize(q.uscc))
    rows, nxt = await keyset(qs, cursor=q.cursor, limit=q.limit)
    items = []
    for app in rows:
        out = _summary(app)
        out["actions"] = allowed_actions(app.status, _staff_caller(actor, app))
        items.append(out)
    return {"items": items, "next": nxt}


async def counts(*, actor: StaffUser, todo: bool) -> dict[str, Any]:
    """The office's applications counted by status, and how many are due soon or overdue (the 工作台 numbers):
    with `todo`, only the states the actor's roles work on. Due dates as in limits_out (accept / decide)."""
    perms = _staff_perms(actor)
    qs = CreditApplication.filter(handling_org_id=actor.org_id)
    if todo:
        qs = qs.filter(status__in=[WORKS_ON[p] for p in perms])
    found = {CreditStatus(r["status"]): int(r["n"])
             for r in await qs.annotate(n=Count("id")).group_by("status").values("status", "n")}
    today = cfg.local_day(cfg.now())

    def due_between(lo: date | None, hi: date | None) -> Q:
        def bounds(field: str) -> dict[str, date]:
            return ({f"{field}__gte": lo} if lo else {}) | ({f"{field}__lte": hi} if hi else {})
        return (Q(status=CreditStatus.SUBMITTED, **bounds("accept_due_on"))
                | Q(status__in=[CreditStatus.REVIEWING, CreditStatus.APPROVING], **bounds("decide_due_on")))

    overdue = await qs.filter(due_between(None, date.fromordinal(today.toordinal() - 1))).count()
    try:  # working days left ≤ N  ⟺  due on or before the N-th working day from today
        soon_until = cfg.add_working_days(today, cfg.credit_settings().due_soon_days)
        due_soon: int | None = await qs.filter(due_between(today, soon_until)).count()
    except e.CalendarUncovered:
        due_soon = None
    return {"total": sum(found.values()), "due_soon": due_soon, "overdue": overdue,
            "by_status": [{"status": st.value, "label": STATUS_LABELS[st], "count": found.get(st, 0)}
                          for st in CreditStatus if st in found or not todo]}


async def staff_detail(deps: Deps, *, actor: StaffUser, app_id: int) -> dict[str, Any]:
    app = await _visible(actor, app_id)
    return await _detail(deps, app, staff=True, caller=_staff_caller(actor, app))


async def _transfer_target(app: CreditApplication, target_org_id: int | None, conn: Any) -> Org:
    if target_org_id is None or target_org_id == app.handling_org_id:
        raise e.TransferTargetInvalid()
    current = await Org.get(id=app.handling_org_id).using_db(conn)
    target = await Org.get_or_none(id=target_org_id).using_db(conn)
    if target is None or target.region_code != current.region_code:
        raise e.TransferTargetInvalid(data={"target_org_id": target_org_id})
    # The target must be able to carry out the removal: the businesses listed are in its scope.
    if not await _covers(target.id, app.id, conn):
        raise e.TransferTargetInvalid("转办机关对该经营主体无管辖权，请选择主体登记所在的监管所",
                                      data={"target_org_id": target_org_id})
    return target


async def _covers(org_id: int, app_id: int, conn: Any = None) -> bool:
    listing_orgs = set(await Listing.filter(
        id__in=Subquery(CreditApplicationListing.filter(application_id=app_id).values("listing_id"))
    ).using_db(conn).values_list("org_id", flat=True))
    covered = await OrgClosure.filter(ancestor_id=org_id, descendant_id__in=list(listing_orgs)).using_db(conn).count()
    return covered == len(listing_orgs)


async def transfer_targets(*, actor: StaffUser, app_id: int) -> dict[str, Any]:
    """Offices of the same district the application may be transferred to."""
    app = await _visible(actor, app_id)
    current = await Org.get(id=app.handling_org_id)
    orgs = await Org.filter(region_code=current.region_code).exclude(id=current.id).order_by("sort", "id")
    return {"items": [{"id": o.id, "name": o.name, "level": o.level.value} for o in orgs
                      if await _covers(o.id, app.id)]}


async def act(deps: Deps, *, actor: StaffUser, app_id: int, data: s.ActionIn) -> dict[str, Any]:
    """One staff step: accept / transfer / review / approve / return / refuse (the table says which)."""
    st = cfg.credit_settings()
    at = cfg.now()
    day = cfg.local_day(at)
    action = data.action
    if action in NEEDS_REASON and not data.opinion:
        raise e.ReasonRequired(f"请填写{ACTION_LABELS[action]}原因")
    decided = False
    async with in_transaction() as conn:
        app = await _visible(actor, app_id, conn)
        from_status = CreditStatus(app.status)
        target = next_status(from_status, action, _staff_caller(actor, app))
        org = await Org.get(id=actor.org_id).using_db(conn)
        values: dict[str, Any] = {"status": target}
        payload: dict[str, Any] = {}
        if action is Action.TRANSFER:
            dest = await _transfer_target(app, data.target_org_id, conn)
            values["handling_org_id"] = dest.id
            payload = {"from_org_id": org.id, "from_org_name": org.name, "to_org_id": dest.id,
                       "to_org_name": dest.name}
        elif action is Action.ACCEPT:
            values["accepted_at"] = at
            if app.decide_due_on is None:
                values["decide_due_on"] = cfg.add_working_days(day, st.decide_days(app.kind))
        elif action in (Action.RETURN, Action.REFUSE):
            values["last_reason"] = data.opinion
            if action is Action.REFUSE:
                values["decided_at"] = at
                decided = True
        elif action is Action.APPROVE:
            if not await _covers(actor.org_id, app.id, conn):
                raise e.RemovalOutOfScope()
            values |= {"decided_at": at, "remove_due_on": cfg.add_working_days(day, st.remove_days),
                       "decision_no": data.decision_no or f"{app.number}号", "last_reason": None}
            decided = True
        changed = await CreditApplication.filter(id=app.id, status=from_status,
                                                 handling_org_id=app.handling_org_id).using_db(conn).update(**values)
        if not changed:
            raise e.StateChanged()
        if target not in OPEN_STATUSES:
            await CreditApplicationListing.filter(application_id=app.id).using_db(conn).update(open_listing_id=None)
        if action is Action.APPROVE:
            removed_on = min(day, risk_today())
            links = await CreditApplicationListing.filter(application_id=app.id).using_db(conn)
            reason = f"信用修复准予{'恢复正常记载状态' if app.kind is ListingKind.INDIVIDUAL_ABNORMAL else '移出'}" \
                     f"（{app.number}，{values['decision_no']}）"
            if data.opinion:
                reason += f"：{data.opinion}"
            for link in links:
                await risk.remove_listing(actor=actor, listing_id=link.listing_id, reason=reason, removed_on=removed_on,
                                          remove_org_id=None, source=RemovalSource.CREDIT_REPAIR,
                                          source_ref=app.number, using_db=conn)
            payload = {"decision_no": values["decision_no"], "removed_on": removed_on.isoformat(),
                       "listing_ids": [link.listing_id for link in links]}
        await _event(conn, app, actor_type="staff", actor_id=actor.id, actor_name=actor.name, org=org,
                     action=action.value, from_status=from_status, to_status=target, comment=data.opinion,
                     payload=payload, at=at)
        await audit.record(actor=actor, action=f"credit.{action.value}", target_type="credit_application",
                           target_id=app.id, before={"status": from_status.value,
                                                     "handling_org_id": app.handling_org_id},
                           after={"status": target.value, **payload}, using_db=conn)
    if action is Action.APPROVE:
        await home_events.touch_business(deps.cache, app.business_id)
    if decided:
        _notify_decided(deps, app.id)
    app = await CreditApplication.get(id=app.id)
    if app.handling_org_id != actor.org_id:  # transferred away: the actor no longer sees it
        return {"id": app.id, "number": app.number, "status": app.status.value, "handling_org_id": app.handling_org_id,
                "transferred": True}
    return await _detail(deps, app, staff=True, caller=_staff_caller(actor, app))


_background: set[asyncio.Task[Any]] = set()


def _notify_decided(deps: Deps, app_id: int) -> None:
    """Fire and forget: a refused subscription or WeChat being down never fails the staff action."""
    task = asyncio.create_task(_send_decided(deps, app_id))
    _background.add(task)
    task.add_done_callback(_background.discard)


async def _send_decided(deps: Deps, app_id: int) -> None:
    try:
        app = await CreditApplication.get(id=app_id)
        if app.person_id is None:
            return
        person = await Person.get(id=app.person_id)
        if not person.wechat_openid:
            return
        st = cfg.credit_settings()
        await deps.wechat.send_subscribe_message(
            openid=person.wechat_openid, template_id=st.wechat_template_id, page=f"{st.wechat_page}?id={app.id}",
            data={"character_string1": app.number, "thing2": LISTING_KIND_LABELS[app.kind][:20],
                  "phrase3": "准予修复" if app.status == CreditStatus.APPROVED else "不予修复",
                  "time4": (app.decided_at or cfg.now()).astimezone(cfg.SHANGHAI).strftime("%Y-%m-%d %H:%M")})
    except Exception:  # noqa: BLE001 - logged, never raised into the staff action
        log.warning("credit application %s: decision notification not sent", app_id, exc_info=True)


async def wait_background() -> None:
    """Let pending notifications finish (tests, graceful shutdown)."""
    if _background:
        await asyncio.gather(*list(_background), return_exceptions=True)


async def listings(*, actor: StaffUser, q: s.ListingQuery) -> dict[str, Any]:
    """列严 / 列异: listings in force made by offices in the actor's scope, with 办理 where none is open."""
    perms = _staff_perms(actor)
    qs = scope.scoped(Listing.filter(kind=q.kind, status=ListingStatus.LISTED), actor, field="list_org_id")
    if q.uscc:
        code = uscc_codes.normalize(q.uscc)
        qs = qs.filter(Q(business__uscc=code) | Q(business__reg_no=code))
    if q.reason:
        qs = qs.filter(list_reason__icontains=q.reason.strip())
    if q.name:
        qs = qs.filter(business__name__icontains=q.name.strip())
    if q.date_from:
        qs = qs.filter(listed_on__gte=q.date_from)
    if q.date_to:
        qs = qs.filter(listed_on__lte=q.date_to)
    rows, nxt = await keyset(qs.prefetch_related("business"), cursor=q.cursor, limit=q.limit)
    busy = await _busy_listing_ids([x.id for x in rows])
    items = []
    for x in rows:
        out = risk.listing_out(x, staff=True)
        out |= {"open_application": busy.get(x.id), "can_apply": x.id not in busy and CLERK in perms}
        items.append(out)
    return {"items": items, "next": nxt}


async def staff_apply(deps: Deps, *, actor: StaffUser, listing_id: int, data: s.StaffApplyIn) -> dict[str, Any]:
    """办理 from the listing list (审批端直接受理): an application handled by the actor's office."""
    perms = _staff_perms(actor)
    if CLERK not in perms:
        raise e.StaffForbidden("仅经办人可直接受理")
    x = await Listing.get_or_none(id=listing_id)
    if x is None or not await scope.in_scope(actor, x.list_org_id):
        raise e.ListingInvalid(data={"listing_id": listing_id})
    business = await Business.get(id=x.business_id)
    listings_ = await _check_listings(business, x.kind, [x.id])
    await _check_materials(data.materials, owner_type="staff", owner_id=actor.id, required=False)
    app = await _create(deps, business=business, kind=x.kind, listings=listings_, channel=Channel.STAFF,
                        person=None, applicant_name=data.applicant_name or business.operator_name, phone=data.phone,
                        reason=data.reason, materials=data.materials, handling_org_id=actor.org_id, staff=actor)
    return await _detail(deps, app, staff=True, caller=_staff_caller(actor, app))


async def staff_letter(*, actor: StaffUser, app_id: int) -> tuple[str, bytes]:
    return await decision_letter(await _visible(actor, app_id))


async def staff_file(deps: Deps, *, actor: StaffUser, app_id: int, file_id: int) -> tuple[StoredFile, bytes]:
    app = await _visible(actor, app_id)
    f = await _application_file(app.id, file_id)
    return f, await asyncio.to_thread(deps.storage.open, f.sha256)
