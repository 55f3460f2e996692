"""Risk use-cases: record penalties and listings, remove a listing, list for staff and for the shop owner."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from getitong.core import audit, errors
from getitong.core.pagination import keyset
from getitong.entities import uscc
from getitong.entities.models import Business
from getitong.risk import errors as risk_errors
from getitong.risk import schemas as s
from getitong.risk.models import Listing, Penalty
from getitong.risk.workflow import (
    ABNORMAL_KINDS,
    ENTITY_KIND_OF,
    LISTING_KIND_LABELS,
    LISTING_STATUS_LABELS,
    REMOVAL_PERMISSION,
    REMOVAL_SOURCE_LABELS,
    ListingAction,
    ListingKind,
    RemovalSource,
    allowed_actions,
    next_status,
)
from getitong.staff import scope
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

today = s.today

# ---- serialisation ----


def amount_out(value: Decimal | None) -> str | None:
    """万元 as a plain decimal string without trailing zeros (exact, unlike a float)."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return text


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _business_out(b: Business) -> dict[str, Any]:
    return {"id": b.id, "uscc": b.uscc, "reg_no": b.reg_no, "name": b.name}


def penalty_out(p: Penalty, *, staff: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": p.id, "record_type": "penalty", "doc_no": p.doc_no, "penalty_name": p.penalty_name,
        "penalty_type": p.penalty_type, "basis": p.basis, "violation_type": p.violation_type, "content": p.content,
        "fine_amount": amount_out(p.fine_amount), "confiscated_amount": amount_out(p.confiscated_amount),
        "amount_unit": "万元", "decided_on": _d(p.decided_on), "published_on": _d(p.published_on),
        "decision_org_name": p.decision_org_name,
    }
    if staff:
        out |= {"business": _business_out(p.business), "region_code": p.region_code, "org_id": p.org_id,
                "decision_org_id": p.decision_org_id, "import_id": p.import_job_id,
                "created_at": p.created_at.isoformat(), "updated_at": p.updated_at.isoformat()}
    return out


def listing_out(x: Listing, *, staff: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": x.id, "record_type": "listing", "kind": x.kind.value, "kind_label": LISTING_KIND_LABELS[x.kind],
        "status": x.status.value, "status_label": LISTING_STATUS_LABELS[x.status], "doc_no": x.doc_no,
        "list_reason": x.list_reason, "listed_on": _d(x.listed_on), "list_org_name": x.list_org_name,
        "remove_reason": x.remove_reason, "removed_on": _d(x.removed_on), "remove_org_name": x.remove_org_name,
    }
    if staff:
        out |= {"business": _business_out(x.business), "region_code": x.region_code, "org_id": x.org_id,
                "list_org_id": x.list_org_id, "remove_org_id": x.remove_org_id,
                "removal_source": x.removal_source.value if x.removal_source else None,
                "removal_source_label": REMOVAL_SOURCE_LABELS[x.removal_source] if x.removal_source else None,
                "removal_ref": x.removal_ref, "import_id": x.import_job_id,
                "actions": allowed_actions(x.status),
                "created_at": x.created_at.isoformat(), "updated_at": x.updated_at.isoformat()}
    return out


def _snapshot(obj: Penalty | Listing, fields: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in fields:
        value = getattr(obj, name)
        if isinstance(value, Decimal):
            value = amount_out(value)
        elif isinstance(value, date):
            value = value.isoformat()
        elif hasattr(value, "value"):
            value = value.value
        out[name] = value
    return out


PENALTY_AUDIT = ["business_id", "doc_no", "penalty_name", "penalty_type", "basis", "violation_type", "content",
                 "fine_amount", "confiscated_amount", "decided_on", "published_on", "decision_org_id",
                 "decision_org_name"]
LISTING_AUDIT = ["business_id", "kind", "status", "doc_no", "list_reason", "listed_on", "list_org_id",
                 "list_org_name", "remove_reason", "removed_on", "remove_org_id", "remove_org_name",
                 "removal_source", "removal_ref"]

# ---- lookups ----


async def find_business(code: str) -> Business:
    """The business named by a USCC or a registration number (注册号)."""
    code = uscc.normalize(code)
    business = None
    if len(code) == 18:
        business = await Business.get_or_none(uscc=code)
    if business is None and code:
        business = await Business.filter(reg_no=code).order_by("id").first()
    if business is None:
        raise risk_errors.RiskBusinessNotFound(data={"code": code})
    return business


async def _business_for_write(actor: StaffUser, code: str) -> Business:
    business = await find_business(code)
    await scope.ensure_in_scope(actor, business.org_id)
    return business


async def _org_for(actor: StaffUser, org_id: int | None) -> Org:
    """A deciding org: the actor's own by default, else one of its scope."""
    if org_id is None or org_id == actor.org_id:
        # Read by id: callers from other domains may pass an actor whose org relation is not fetched.
        return await Org.get(id=actor.org_id)
    await scope.ensure_in_scope(actor, org_id)
    return await Org.get(id=org_id)


def _check_listing_kind(kind: ListingKind, business: Business) -> None:
    wanted = ENTITY_KIND_OF.get(kind)
    if wanted is not None and business.kind.value != wanted:
        raise risk_errors.ListingKindMismatch(data={"kind": kind.value, "entity_kind": business.kind.value})


# ---- penalties ----


async def create_penalty(*, actor: StaffUser, data: s.PenaltyCreate) -> dict[str, Any]:
    """Record one administrative penalty under the business named by USCC or registration number."""
    require(actor, Perm.RISK_MANAGE)
    business = await _business_for_write(actor, data.code)
    org = await _org_for(actor, data.decision_org_id)
    fields = data.model_dump(exclude={"code", "decision_org_id"})
    if await Penalty.exists(business_id=business.id, doc_no=data.doc_no):
        raise risk_errors.RiskRecordExists(data={"doc_no": data.doc_no})
    try:
        async with in_transaction() as conn:
            p = await Penalty.create(business=business, region_code=business.region_code, org_id=business.org_id,
                                     decision_org=org, decision_org_name=org.name, created_by=actor,
                                     using_db=conn, **fields)
            await audit.record(actor=actor, action="risk.penalty.create", target_type="risk_penalty",
                               target_id=p.id, after=_snapshot(p, PENALTY_AUDIT), using_db=conn)
    except IntegrityError as exc:
        raise risk_errors.RiskRecordExists(data={"doc_no": data.doc_no}) from exc
    p.business = business
    return penalty_out(p, staff=True)


async def _record_in_scope(model: Any, record_id: int, not_found: type[Exception], actor: StaffUser,
                           using_db: Any = None) -> Any:
    """A penalty or listing with its business, refused when its org is outside the actor's scope."""
    record = await model.get_or_none(id=record_id).using_db(using_db).prefetch_related("business")
    if record is None:
        raise not_found()
    await scope.ensure_in_scope(actor, record.org_id)
    return record


async def _penalty_in_scope(actor: StaffUser, penalty_id: int, using_db: Any = None) -> Penalty:
    return await _record_in_scope(Penalty, penalty_id, risk_errors.PenaltyNotFound, actor, using_db)


async def get_penalty(*, actor: StaffUser, penalty_id: int) -> dict[str, Any]:
    require(actor, Perm.ENTITY_READ)
    return penalty_out(await _penalty_in_scope(actor, penalty_id), staff=True)


async def update_penalty(*, actor: StaffUser, penalty_id: int, data: s.PenaltyUpdate) -> dict[str, Any]:
    """Edit a penalty; the decision dates stay consistent and the number stays unique per business."""
    require(actor, Perm.RISK_MANAGE)
    changes = data.model_dump(exclude_unset=True)
    try:
        async with in_transaction() as conn:
            p = await _penalty_in_scope(actor, penalty_id, conn)
            before = _snapshot(p, PENALTY_AUDIT)
            if "decision_org_id" in changes:
                org = await _org_for(actor, changes.pop("decision_org_id"))
                p.decision_org_id, p.decision_org_name = org.id, org.name
            for key, value in changes.items():
                if value is None and key not in ("fine_amount", "confiscated_amount"):
                    raise errors.ValidationFailed(f"参数错误：{key} 不能为空")
                setattr(p, key, value)
            if p.published_on < p.decided_on:
                raise errors.ValidationFailed("公示日期不能早于处罚决定书日期")
            if p.decided_on > today():
                raise errors.ValidationFailed("处罚决定书日期不能晚于今天")
            if "doc_no" in changes and await Penalty.filter(business_id=p.business_id, doc_no=p.doc_no).exclude(
                    id=p.id).using_db(conn).exists():
                raise risk_errors.RiskRecordExists(data={"doc_no": p.doc_no})
            await p.save(using_db=conn)
            await audit.record(actor=actor, action="risk.penalty.update", target_type="risk_penalty",
                               target_id=p.id, before=before, after=_snapshot(p, PENALTY_AUDIT), using_db=conn)
    except IntegrityError as exc:
        raise risk_errors.RiskRecordExists() from exc
    return penalty_out(p, staff=True)


# ---- listings ----


async def create_listing(*, actor: StaffUser, data: s.ListingCreate) -> dict[str, Any]:
    """Record one listing (严重违法失信 / 经营异常) under the business named by USCC or registration number."""
    require(actor, Perm.RISK_MANAGE)
    business = await _business_for_write(actor, data.code)
    _check_listing_kind(data.kind, business)
    org = await _org_for(actor, data.list_org_id)
    if await Listing.exists(business_id=business.id, kind=data.kind, doc_no=data.doc_no):
        raise risk_errors.RiskRecordExists(data={"doc_no": data.doc_no})
    try:
        async with in_transaction() as conn:
            x = await Listing.create(business=business, region_code=business.region_code, org_id=business.org_id,
                                     kind=data.kind, doc_no=data.doc_no, list_reason=data.list_reason,
                                     listed_on=data.listed_on, list_org=org, list_org_name=org.name,
                                     created_by=actor, using_db=conn)
            await audit.record(actor=actor, action="risk.listing.create", target_type="risk_listing",
                               target_id=x.id, after=_snapshot(x, LISTING_AUDIT), using_db=conn)
    except IntegrityError as exc:
        raise risk_errors.RiskRecordExists(data={"doc_no": data.doc_no}) from exc
    x.business = business
    return listing_out(x, staff=True)


async def _listing_in_scope(actor: StaffUser, listing_id: int, using_db: Any = None) -> Listing:
    return await _record_in_scope(Listing, listing_id, risk_errors.ListingNotFound, actor, using_db)


async def get_listing(*, actor: StaffUser, listing_id: int) -> dict[str, Any]:
    require(actor, Perm.ENTITY_READ)
    return listing_out(await _listing_in_scope(actor, listing_id), staff=True)


async def update_listing(*, actor: StaffUser, listing_id: int, data: s.ListingUpdate) -> dict[str, Any]:
    """Edit a listing still in force; a removed listing is history and stays as it is."""
    require(actor, Perm.RISK_MANAGE)
    changes = data.model_dump(exclude_unset=True)
    try:
        async with in_transaction() as conn:
            x = await _listing_in_scope(actor, listing_id, conn)
            if next_status(x.status, ListingAction.EDIT) is None:
                raise risk_errors.ListingAlreadyRemoved()
            before = _snapshot(x, LISTING_AUDIT)
            if "list_org_id" in changes:
                org = await _org_for(actor, changes.pop("list_org_id"))
                x.list_org_id, x.list_org_name = org.id, org.name
            for key, value in changes.items():
                if value is None:
                    raise errors.ValidationFailed(f"参数错误：{key} 不能为空")
                setattr(x, key, value)
            if x.listed_on > today():
                raise errors.ValidationFailed("列入日期不能晚于今天")
            if "doc_no" in changes and await Listing.filter(business_id=x.business_id, kind=x.kind,
                                                            doc_no=x.doc_no).exclude(id=x.id).using_db(conn).exists():
                raise risk_errors.RiskRecordExists(data={"doc_no": x.doc_no})
            await x.save(using_db=conn)
            await audit.record(actor=actor, action="risk.listing.update", target_type="risk_listing",
                               target_id=x.id, before=before, after=_snapshot(x, LISTING_AUDIT), using_db=conn)
    except IntegrityError as exc:
        raise risk_errors.RiskRecordExists() from exc
    return listing_out(x, staff=True)


async def remove_listing(*, actor: StaffUser, listing_id: int, reason: str, removed_on: date,
                         remove_org_id: int | None = None, source: RemovalSource = RemovalSource.MANUAL,
                         source_ref: str | None = None, using_db: Any = None) -> Listing:
    """Remove (移出) a listing: by staff (risk:manage) or by an approved credit repair (credit:approve).

    Credit repair passes source=CREDIT_REPAIR, its application number as source_ref and its own
    transaction as using_db, so the approval and the removal commit together. The business then
    sees the listing as removed, with date and reason.
    """
    require(actor, REMOVAL_PERMISSION[source])
    if not (reason or "").strip():
        raise errors.ValidationFailed("移出原因不能为空")
    if removed_on > today():
        raise errors.ValidationFailed("移出日期不能晚于今天")
    if using_db is None:
        async with in_transaction() as conn:
            return await _remove(actor, listing_id, reason.strip(), removed_on, remove_org_id, source, source_ref,
                                 conn)
    return await _remove(actor, listing_id, reason.strip(), removed_on, remove_org_id, source, source_ref, using_db)


async def _remove(actor: StaffUser, listing_id: int, reason: str, removed_on: date, remove_org_id: int | None,
                  source: RemovalSource, source_ref: str | None, conn: Any) -> Listing:
    x = await _listing_in_scope(actor, listing_id, conn)
    target = next_status(x.status, ListingAction.REMOVE)
    if target is None:
        raise risk_errors.ListingAlreadyRemoved()
    if removed_on < x.listed_on:
        raise risk_errors.RemovalDateInvalid(data={"listed_on": x.listed_on.isoformat()})
    org = await _org_for(actor, remove_org_id)
    before = _snapshot(x, LISTING_AUDIT)
    values = {"status": target, "remove_reason": reason, "removed_on": removed_on, "remove_org_id": org.id,
              "remove_org_name": org.name, "removal_source": source, "removal_ref": source_ref,
              "removed_by_id": actor.id}
    # Conditional update: of two concurrent removals exactly one wins, the other is refused.
    changed = await Listing.filter(id=x.id, status=x.status).using_db(conn).update(**values)
    if not changed:
        raise risk_errors.ListingAlreadyRemoved()
    for key, value in values.items():
        setattr(x, key, value)
    await audit.record(actor=actor, action="risk.listing.remove", target_type="risk_listing", target_id=x.id,
                       before=before, after=_snapshot(x, LISTING_AUDIT), using_db=conn)
    return x


# ---- lists ----


def _listing_kinds(kind: str) -> list[ListingKind]:
    if kind == "serious":
        return [ListingKind.SERIOUS_VIOLATION]
    if kind == "abnormal":
        return list(ABNORMAL_KINDS)
    return [ListingKind(kind)]


async def list_records(*, actor: StaffUser, q: s.AdminRecordQuery) -> dict[str, Any]:
    """Staff list of penalties or listings of businesses registered in the actor's scope, newest first."""
    require(actor, Perm.ENTITY_READ)
    if q.kind == "penalty":
        qs: Any = scope.scoped(Penalty.all(), actor)
        day = "decided_on"
    else:
        qs = scope.scoped(Listing.filter(kind__in=_listing_kinds(q.kind)), actor)
        day = "listed_on"
        if q.status:
            qs = qs.filter(status=q.status)
    if q.uscc:
        code = uscc.normalize(q.uscc)
        qs = qs.filter(business_id__in=Subquery(Business.filter(Q(uscc=code) | Q(reg_no=code)).values("id")))
    if q.name:
        qs = qs.filter(business__name__icontains=q.name)
    if q.region_code:
        qs = qs.filter(region_code=q.region_code)
    if q.date_from:
        qs = qs.filter(**{f"{day}__gte": q.date_from})
    if q.date_to:
        qs = qs.filter(**{f"{day}__lte": q.date_to})
    rows, nxt = await keyset(qs.prefetch_related("business"), cursor=q.cursor, limit=q.limit)
    out = penalty_out if q.kind == "penalty" else listing_out
    return {"items": [out(r, staff=True) for r in rows], "next": nxt}


async def business_records(*, business_id: int, kind: str, cursor: str | None, limit: int) -> dict[str, Any]:
    """The shop owner's view: one of the three lists of the current business only (SPEC H)."""
    if kind == "penalty":
        qs: Any = Penalty.filter(business_id=business_id)
        rows, nxt = await keyset(qs, cursor=cursor, limit=limit)
        return {"items": [penalty_out(p) for p in rows], "next": nxt}
    qs = Listing.filter(business_id=business_id, kind__in=_listing_kinds(kind))
    rows, nxt = await keyset(qs, cursor=cursor, limit=limit)
    return {"items": [listing_out(x) for x in rows], "next": nxt}
