"""免申即享: staff mark eligible businesses (one, by rule, by Excel); the shop owner sees and confirms."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from getitong.common import home_events
from getitong.common.excel import read_uscc_column
from getitong.core import audit
from getitong.core import errors as core_errors
from getitong.core.deps import Deps
from getitong.core.pagination import keyset
from getitong.entities import uscc as uscc_rules
from getitong.entities.models import Business, EntityStatus
from getitong.policies import errors
from getitong.policies.config import BenefitConfig
from getitong.policies.models import (
    Benefit,
    BenefitEligibility,
    BenefitEvent,
    BenefitForwardAttempt,
    BenefitRun,
    Policy,
)
from getitong.policies.schemas import BenefitIn, BenefitPatch, Targeting
from getitong.policies.targeting import business_q, region_within, tags_match
from getitong.policies.workflow import (
    ELIGIBILITY_STATUS_LABELS,
    EligibilityAction,
    EligibilityStatus,
    Party,
    eligibility_actions,
    eligibility_next,
)
from getitong.staff import scope
from getitong.staff.models import OrgClosure, StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

log = logging.getLogger("getitong.policies")
CHUNK = 500
MAX_FAILURES_KEPT = 1000


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def _money(v: Decimal | None) -> str | None:
    return None if v is None else f"{v:.2f}"


def benefit_out(b: Benefit) -> dict[str, Any]:
    return {"id": b.id, "code": b.code, "name": b.name, "policy_id": b.policy_id, "amount": _money(b.amount),
            "description": b.description, "org": {"id": b.org.id, "name": b.org.name},
            "created_at": b.created_at.isoformat(), "updated_at": b.updated_at.isoformat()}


def event_out(e: BenefitEvent) -> dict[str, Any]:
    return {"id": e.id, "from_status": e.from_status, "to_status": e.to_status,
            "to_label": ELIGIBILITY_STATUS_LABELS[EligibilityStatus(e.to_status)], "actor_type": e.actor_type,
            "actor_name": e.actor_name, "note": e.note, "at": e.at.isoformat()}


def eligibility_out(e: BenefitEligibility, *, party: Party, staff: bool = False) -> dict[str, Any]:
    b = e.benefit
    out: dict[str, Any] = {
        "id": e.id, "status": e.status.value, "status_label": ELIGIBILITY_STATUS_LABELS[e.status],
        "benefit": {"id": b.id, "code": b.code, "name": b.name, "amount": _money(b.amount),
                    "description": b.description, "policy_id": b.policy_id},
        "pushed_at": e.pushed_at.isoformat(),
        "confirmed_at": e.confirmed_at.isoformat() if e.confirmed_at else None,
        "forwarded_at": e.forwarded_at.isoformat() if e.forwarded_at else None,
        "actions": eligibility_actions(e.status, party),
    }
    if staff:
        out.update({"business": {"id": e.business.id, "uscc": e.business.uscc, "name": e.business.name},
                    "source": e.source, "platform_ref": e.platform_ref, "forward_attempts": e.forward_attempts,
                    "last_error": e.last_error, "forward_gave_up": e.forward_gave_up,
                    "next_attempt_at": e.next_attempt_at.isoformat() if e.next_attempt_at else None})
    return out


async def add_event(e: BenefitEligibility, *, from_status: EligibilityStatus | None, to_status: EligibilityStatus,
                    actor_type: str, actor_id: int | None = None, actor_name: str = "", note: str = "",
                    payload: dict[str, Any] | None = None, at: datetime, conn: Any) -> None:
    await BenefitEvent.create(eligibility_id=e.id, from_status=from_status.value if from_status else None,
                              to_status=to_status.value, actor_type=actor_type, actor_id=actor_id,
                              actor_name=actor_name[:64], note=note[:500], payload=payload, at=at, using_db=conn)


# ---- benefits (staff) ----

async def _benefit_in_scope(actor: StaffUser, benefit_id: int) -> Benefit:
    b = await Benefit.get_or_none(id=benefit_id).prefetch_related("org")
    if b is None:
        raise errors.BenefitNotFound()
    await scope.ensure_in_scope(actor, b.org_id)
    return b


async def _check_policy(actor: StaffUser, policy_id: int | None) -> None:
    if policy_id is None:
        return
    p = await Policy.get_or_none(id=policy_id)
    if p is None:
        raise errors.PolicyNotFound()
    await scope.ensure_in_scope(actor, p.org_id)


async def create_benefit(*, actor: StaffUser, data: BenefitIn) -> dict[str, Any]:
    """A benefit issued by the actor's org (its code is the platform's benefit code)."""
    require(actor, Perm.CONTENT_EDIT)
    await _check_policy(actor, data.policy_id)
    try:
        async with in_transaction() as conn:
            b = await Benefit.create(code=data.code, name=data.name, policy_id=data.policy_id, amount=data.amount,
                                     description=data.description, org=actor.org, created_by=actor, using_db=conn)
            await audit.record(actor=actor, action="benefit.create", target_type="benefit", target_id=b.id,
                               after={"code": b.code, "name": b.name, "amount": _money(b.amount)}, using_db=conn)
    except IntegrityError as exc:
        raise errors.BenefitCodeTaken() from exc
    await b.fetch_related("org")
    return benefit_out(b)


async def update_benefit(*, actor: StaffUser, benefit_id: int, data: BenefitPatch) -> dict[str, Any]:
    require(actor, Perm.CONTENT_EDIT)
    b = await _benefit_in_scope(actor, benefit_id)
    changes = data.model_dump(exclude_unset=True)
    if "policy_id" in changes:
        await _check_policy(actor, changes["policy_id"])
    before = {"name": b.name, "policy_id": b.policy_id, "amount": _money(b.amount)}
    for key, value in changes.items():
        if value is not None or key in ("policy_id", "amount"):
            setattr(b, key, value)
    async with in_transaction() as conn:
        await b.save(using_db=conn)
        await audit.record(actor=actor, action="benefit.update", target_type="benefit", target_id=b.id,
                           before=before, after={"name": b.name, "policy_id": b.policy_id,
                                                 "amount": _money(b.amount)}, using_db=conn)
    return benefit_out(b)


async def get_benefit(*, actor: StaffUser, benefit_id: int) -> dict[str, Any]:
    require(actor, Perm.CONTENT_EDIT)
    b = await _benefit_in_scope(actor, benefit_id)
    out = benefit_out(b)
    out["counts"] = {s.value: await BenefitEligibility.filter(benefit_id=b.id, status=s).count()
                     for s in EligibilityStatus}
    return out


async def list_benefits(*, actor: StaffUser, cursor: str | None, limit: int) -> dict[str, Any]:
    require(actor, Perm.CONTENT_EDIT)
    rows, nxt = await keyset(scope.scoped(Benefit.all(), actor).prefetch_related("org"), cursor=cursor,
                             limit=limit)
    return {"items": [benefit_out(b) for b in rows], "next": nxt}


# ---- marking eligibility ----

async def _mark(benefit: Benefit, business_ids: list[int], *, source: str, actor: StaffUser | None,
                now: datetime) -> tuple[int, int]:
    """Create the missing eligibility rows and their `pushed` events; returns (created, skipped)."""
    try:
        return await _mark_once(benefit, business_ids, source=source, actor=actor, now=now)
    except IntegrityError:
        # A concurrent marking inserted some of the same rows: the whole chunk rolled back, so recount.
        return await _mark_once(benefit, business_ids, source=source, actor=actor, now=now)


async def _mark_once(benefit: Benefit, business_ids: list[int], *, source: str, actor: StaffUser | None,
                     now: datetime) -> tuple[int, int]:
    if not business_ids:
        return 0, 0
    async with in_transaction() as conn:
        existing = set(await BenefitEligibility.filter(benefit_id=benefit.id, business_id__in=business_ids)
                       .using_db(conn).values_list("business_id", flat=True))
        new = [i for i in dict.fromkeys(business_ids) if i not in existing]
        if new:
            await BenefitEligibility.bulk_create(
                [BenefitEligibility(benefit_id=benefit.id, business_id=i, source=source, pushed_at=now)
                 for i in new], using_db=conn)
            created = await BenefitEligibility.filter(benefit_id=benefit.id, business_id__in=new).using_db(conn)
            await BenefitEvent.bulk_create(
                [BenefitEvent(eligibility_id=e.id, from_status=None, to_status=EligibilityStatus.PUSHED.value,
                              actor_type="staff" if actor else "system", actor_id=getattr(actor, "id", None),
                              actor_name=getattr(actor, "name", "系统"), note="已推送", at=now)
                 for e in created], using_db=conn)
    return len(new), len(business_ids) - len(new)


async def _scope_org_ids(org_id: int) -> set[int]:
    return set(await OrgClosure.filter(ancestor_id=org_id).values_list("descendant_id", flat=True))


async def mark_one(*, actor: StaffUser, benefit_id: int, uscc: str, now: datetime | None = None) -> dict[str, Any]:
    """Mark one business (by USCC) eligible; it must lie in the benefit's issuing org subtree."""
    require(actor, Perm.CONTENT_EDIT)
    b = await _benefit_in_scope(actor, benefit_id)
    code = uscc_rules.validate(uscc)
    business = await Business.get_or_none(uscc=code)
    if business is None:
        raise core_errors.EntityNotFound()
    if not await OrgClosure.exists(ancestor_id=b.org_id, descendant_id=business.org_id):
        raise errors.BusinessOutOfScope()
    if await BenefitEligibility.exists(benefit_id=b.id, business_id=business.id):
        raise errors.AlreadyPushed()
    at = _now(now)
    try:
        async with in_transaction() as conn:
            e = await BenefitEligibility.create(benefit=b, business=business, source="manual", pushed_at=at,
                                                using_db=conn)
            await add_event(e, from_status=None, to_status=EligibilityStatus.PUSHED, actor_type="staff",
                            actor_id=actor.id, actor_name=actor.name, note="已推送", at=at, conn=conn)
            await audit.record(actor=actor, action="benefit.mark", target_type="benefit_eligibility",
                               target_id=e.id, after={"benefit_id": b.id, "uscc": business.uscc}, using_db=conn)
    except IntegrityError as exc:
        raise errors.AlreadyPushed() from exc
    await e.fetch_related("benefit", "business")
    return eligibility_out(e, party=Party.OWNER, staff=True)


def _candidates(benefit: Benefit, t: Targeting) -> Any:
    return (Business.filter(status=EntityStatus.ACTIVE, org_id__in=scope.subtree(benefit.org_id))
            .filter(business_q(scale_types=[s.value for s in t.scale_types], industries=t.industries,
                               region_codes=t.region_codes)))


def _run_out(r: BenefitRun) -> dict[str, Any]:
    return {"id": r.id, "benefit_id": r.benefit_id, "kind": r.kind, "status": r.status, "criteria": r.criteria,
            "total": r.total, "created": r.created, "skipped": r.skipped, "failed": r.failed,
            "failures": r.failures, "error": r.error, "created_at": r.created_at.isoformat(),
            "finished_at": r.finished_at.isoformat() if r.finished_at else None}


async def start_rule_run(*, actor: StaffUser, benefit_id: int, targeting: Targeting,
                         config: BenefitConfig) -> tuple[dict[str, Any], bool]:
    """Record a rule run; returns (run, background?) — big sets go to the background."""
    require(actor, Perm.CONTENT_EDIT)
    b = await _benefit_in_scope(actor, benefit_id)
    for code in targeting.region_codes:
        if not region_within(code, b.org.region_code):
            raise errors.PolicyRegionOutOfScope(data={"region_code": code})
    criteria = targeting.model_dump(mode="json")
    count = await _candidates(b, targeting).count()
    async with in_transaction() as conn:
        run = await BenefitRun.create(benefit=b, kind="rule", criteria=criteria, total=count, created_by=actor,
                                      using_db=conn)
        await audit.record(actor=actor, action="benefit.mark_rule", target_type="benefit", target_id=b.id,
                           after={"run_id": run.id, "criteria": criteria, "candidates": count}, using_db=conn)
    return _run_out(run), count > config.rule_sync_limit


async def execute_run(deps: Deps, *, run_id: int, now: datetime | None = None) -> dict[str, Any]:
    """Run a pending rule run (idempotent: businesses already marked are skipped, a run executes once)."""
    claimed = await BenefitRun.filter(id=run_id, status="pending").update(status="running")
    run = await BenefitRun.get(id=run_id).prefetch_related("benefit", "created_by")
    if not claimed:
        return _run_out(run)
    t = Targeting.model_validate(run.criteria or {})
    created = skipped = 0
    try:
        async with deps.cache.lock(f"benefit-mark:{run.benefit_id}", ttl=600, wait=60):
            last_id = 0
            while True:
                rows = await (_candidates(run.benefit, t).filter(id__gt=last_id).order_by("id").limit(CHUNK)
                              .values("id", "tags"))
                if not rows:
                    break
                last_id = rows[-1]["id"]
                ids = [r["id"] for r in rows if tags_match(t.tags, r["tags"])]
                c, s = await _mark(run.benefit, ids, source="rule", actor=run.created_by, now=_now(now))
                created, skipped = created + c, skipped + s
        run.status = "done"
    except Exception as exc:  # noqa: BLE001 - the run records its failure for the staff to see
        log.exception("benefit rule run %s failed", run_id)
        run.status, run.error = "failed", f"{type(exc).__name__}: {exc}"[:500]
    run.created, run.skipped, run.finished_at = created, skipped, datetime.now(UTC)
    await run.save(update_fields=["status", "error", "created", "skipped", "finished_at"])
    if created:
        await home_events.touch_all(deps.cache)  # many businesses got a pushed item: every home screen rebuilds
    return _run_out(run)


async def get_run(*, actor: StaffUser, benefit_id: int, run_id: int) -> dict[str, Any]:
    require(actor, Perm.CONTENT_EDIT)
    await _benefit_in_scope(actor, benefit_id)
    run = await BenefitRun.get_or_none(id=run_id, benefit_id=benefit_id)
    if run is None:
        raise errors.RunNotFound()
    return _run_out(run)




def _read_uscc_column(data: bytes, max_rows: int) -> list[tuple[int, str]]:
    return read_uscc_column(data, max_rows, invalid=errors.ExcelInvalid, no_column=errors.ExcelNoUsccColumn,
                            too_many=errors.ExcelTooManyRows)


async def import_excel(*, actor: StaffUser, benefit_id: int, data: bytes, config: BenefitConfig,
                       now: datetime | None = None) -> dict[str, Any]:
    """Mark the businesses listed in an Excel file; every refused row is reported with its reason."""
    require(actor, Perm.CONTENT_EDIT)
    b = await _benefit_in_scope(actor, benefit_id)
    rows = await asyncio.to_thread(_read_uscc_column, data, config.excel_max_rows)
    in_scope = await _scope_org_ids(b.org_id)
    failures: list[dict[str, Any]] = []
    wanted: dict[str, int] = {}

    def fail(row: int, code: str, reason: str, message: str) -> None:
        failures.append({"row": row, "uscc": code, "code": reason, "message": message})

    for number, raw in rows:
        code = uscc_rules.normalize(raw)
        if not code:
            fail(number, raw, "USCC_MISSING", "统一社会信用代码为空")
        elif not uscc_rules.is_valid(code):
            fail(number, raw, "USCC_INVALID", "统一社会信用代码格式或校验位不正确")
        elif code in wanted:
            fail(number, code, "DUPLICATE_ROW", f"与第{wanted[code]}行重复")
        else:
            wanted[code] = number
    found: dict[str, Business] = {}
    codes = list(wanted)
    for i in range(0, len(codes), CHUNK):
        for biz in await Business.filter(uscc__in=codes[i:i + CHUNK]):
            found[biz.uscc] = biz
    ids: list[int] = []
    for code, number in wanted.items():
        biz = found.get(code)
        if biz is None:
            fail(number, code, "ENTITY_NOT_FOUND", "未在市场主体登记库中查询到该主体")
        elif biz.org_id not in in_scope:
            fail(number, code, "OUT_OF_SCOPE", "该主体不在本事项发布机构的管辖范围内")
        else:
            ids.append(biz.id)
    created = skipped = 0
    # Idempotent through the (benefit, business) unique key: re-importing the same file creates nothing.
    for i in range(0, len(ids), CHUNK):
        c, s = await _mark(b, ids[i:i + CHUNK], source="excel", actor=actor, now=_now(now))
        created, skipped = created + c, skipped + s
    failures.sort(key=lambda f: f["row"])
    async with in_transaction() as conn:
        run = await BenefitRun.create(benefit=b, kind="excel", status="done", total=len(rows), created=created,
                                      skipped=skipped, failed=len(failures), failures=failures[:MAX_FAILURES_KEPT],
                                      created_by=actor, finished_at=datetime.now(UTC), using_db=conn)
        await audit.record(actor=actor, action="benefit.mark_excel", target_type="benefit", target_id=b.id,
                           after={"run_id": run.id, "rows": len(rows), "created": created, "failed": len(failures)},
                           using_db=conn)
    return _run_out(run)


async def list_eligibilities(*, actor: StaffUser, benefit_id: int, status: str | None, cursor: str | None,
                             limit: int) -> dict[str, Any]:
    require(actor, Perm.CONTENT_EDIT)
    b = await _benefit_in_scope(actor, benefit_id)
    qs = BenefitEligibility.filter(benefit_id=b.id)
    if status:
        qs = qs.filter(status=status)
    rows, nxt = await keyset(qs.prefetch_related("benefit", "business"), cursor=cursor, limit=limit)
    return {"items": [eligibility_out(e, party=Party.OWNER, staff=True) for e in rows], "next": nxt}


async def _timeline(e: BenefitEligibility) -> list[dict[str, Any]]:
    return [event_out(ev) for ev in await BenefitEvent.filter(eligibility_id=e.id).order_by("id")]


async def get_eligibility_admin(*, actor: StaffUser, benefit_id: int, eligibility_id: int) -> dict[str, Any]:
    require(actor, Perm.CONTENT_EDIT)
    b = await _benefit_in_scope(actor, benefit_id)
    e = await BenefitEligibility.get_or_none(id=eligibility_id, benefit_id=b.id).prefetch_related("benefit",
                                                                                                   "business")
    if e is None:
        raise errors.EligibilityNotFound()
    out = eligibility_out(e, party=Party.OWNER, staff=True)
    out["timeline"] = await _timeline(e)
    out["attempts"] = [{"number": a.number, "ok": a.ok, "http_status": a.http_status, "error": a.error,
                        "duration_ms": a.duration_ms, "at": a.at.isoformat()}
                       for a in await BenefitForwardAttempt.filter(eligibility_id=e.id).order_by("id")]
    return out


async def retry_forward(*, actor: StaffUser, benefit_id: int, eligibility_id: int,
                        now: datetime | None = None) -> dict[str, Any]:
    """Staff re-open forwarding of a confirmed item whose automatic retries gave up."""
    require(actor, Perm.CONTENT_EDIT)
    b = await _benefit_in_scope(actor, benefit_id)
    async with in_transaction() as conn:
        changed = await BenefitEligibility.filter(id=eligibility_id, benefit_id=b.id,
                                                  status=EligibilityStatus.CONFIRMED).using_db(conn).update(
            forward_gave_up=False, forward_attempts=0, next_attempt_at=_now(now))
        if not changed:
            if not await BenefitEligibility.exists(id=eligibility_id, benefit_id=b.id):
                raise errors.EligibilityNotFound()
            raise errors.BenefitActionNotAllowed()
        await audit.record(actor=actor, action="benefit.retry_forward", target_type="benefit_eligibility",
                           target_id=eligibility_id, using_db=conn)
    return await get_eligibility_admin(actor=actor, benefit_id=benefit_id, eligibility_id=eligibility_id)


async def revoke(deps: Deps, *, actor: StaffUser, benefit_id: int, eligibility_id: int, reason: str,
                 now: datetime | None = None) -> dict[str, Any]:
    """Staff take back an item pushed in error, before the owner confirmed it; the owner sees it as revoked
    with the reason, and the business is not marked again for this benefit."""
    require(actor, Perm.CONTENT_EDIT)
    b = await _benefit_in_scope(actor, benefit_id)
    e = await BenefitEligibility.get_or_none(id=eligibility_id, benefit_id=b.id)
    if e is None:
        raise errors.EligibilityNotFound()
    target = eligibility_next(e.status, EligibilityAction.REVOKE, Party.STAFF)
    at = _now(now)
    async with in_transaction() as conn:
        changed = await BenefitEligibility.filter(id=e.id, status=EligibilityStatus.PUSHED).using_db(conn).update(
            status=target)
        if not changed:  # confirmed meanwhile: it is the owner's now
            raise errors.BenefitActionNotAllowed(data={"status": EligibilityStatus.CONFIRMED.value,
                                                       "action": EligibilityAction.REVOKE.value})
        await add_event(e, from_status=EligibilityStatus.PUSHED, to_status=target, actor_type="staff",
                        actor_id=actor.id, actor_name=actor.name, note=reason, at=at, conn=conn)
        await audit.record(actor=actor, action="benefit.revoke", target_type="benefit_eligibility",
                           target_id=e.id, before={"status": EligibilityStatus.PUSHED.value},
                           after={"status": target.value, "reason": reason}, using_db=conn)
    await home_events.touch_business(deps.cache, e.business_id)  # the home tile's pending count
    return await get_eligibility_admin(actor=actor, benefit_id=benefit_id, eligibility_id=e.id)


# ---- shop side ----

async def _own(business_id: int, eligibility_id: int) -> BenefitEligibility:
    e = await BenefitEligibility.get_or_none(id=eligibility_id, business_id=business_id).prefetch_related(
        "benefit")
    if e is None:
        raise errors.EligibilityNotFound()
    return e


async def list_for_business(*, business_id: int, status: str | None, cursor: str | None,
                            limit: int) -> dict[str, Any]:
    """The benefits pushed to the current business, newest first."""
    qs = BenefitEligibility.filter(business_id=business_id)
    if status:
        qs = qs.filter(status=status)
    rows, nxt = await keyset(qs.prefetch_related("benefit"), cursor=cursor, limit=limit)
    return {"items": [eligibility_out(e, party=Party.OWNER) for e in rows], "next": nxt}


async def get_for_business(*, business_id: int, eligibility_id: int) -> dict[str, Any]:
    e = await _own(business_id, eligibility_id)
    out = eligibility_out(e, party=Party.OWNER)
    out["timeline"] = await _timeline(e)
    return out


async def confirm(*, business_id: int, person: Any, eligibility_id: int,
                  now: datetime | None = None) -> BenefitEligibility:
    """The owner confirms a pushed benefit (once); forwarding is due at once."""
    e = await _own(business_id, eligibility_id)
    if e.status == EligibilityStatus.REVOKED:
        raise errors.BenefitActionNotAllowed("该事项已撤销推送，无法确认", data={"status": e.status.value})
    if e.status != EligibilityStatus.PUSHED:
        raise errors.AlreadyConfirmed(data={"status": e.status.value})
    target = eligibility_next(e.status, EligibilityAction.CONFIRM, Party.OWNER)
    at = _now(now)
    async with in_transaction() as conn:
        changed = await BenefitEligibility.filter(id=e.id, status=EligibilityStatus.PUSHED).using_db(conn).update(
            status=target, confirmed_at=at, confirmed_by=person.id, next_attempt_at=at)
        if not changed:
            raise errors.AlreadyConfirmed()
        await add_event(e, from_status=EligibilityStatus.PUSHED, to_status=target, actor_type="person",
                        actor_id=person.id, actor_name=person.name, note="经营者已在线确认", at=at, conn=conn)
    return e

