"""Policy matters: staff CRUD with publish/withdraw inside their org subtree; the shop's matched list."""

from __future__ import annotations

import base64
import json
import time
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from getitong.core import audit
from getitong.core import errors as core_errors
from getitong.core.pagination import keyset
from getitong.core.web import parse
from getitong.entities.models import Business
from getitong.policies import errors
from getitong.policies.models import Policy, PolicyTarget
from getitong.policies.schemas import PolicyIn, PolicyPatch, Targeting
from getitong.policies.targeting import region_ancestors, region_labels, region_within, scale_labels
from getitong.policies.workflow import (
    POLICY_STATUS_LABELS,
    PolicyAction,
    PolicyStatus,
    policy_actions,
    policy_next,
)
from getitong.staff import scope
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def today() -> date:
    return datetime.now(LOCAL_TZ).date()


def _snapshot(p: Policy) -> dict[str, Any]:
    return {"title": p.title, "status": p.status.value, "department": p.department,
            "valid_from": p.valid_from.isoformat() if p.valid_from else None,
            "valid_to": p.valid_to.isoformat() if p.valid_to else None,
            "scale_types": p.scale_types, "tags": p.tags, "industries": p.industries,
            "region_codes": p.region_codes}


async def _effective_regions(org: Org, region_codes: list[str]) -> list[str]:
    """Empty means the issuing org's region; anything else must lie within it."""
    if not region_codes:
        return [org.region_code]
    for code in region_codes:
        if not region_within(code, org.region_code):
            raise errors.PolicyRegionOutOfScope(data={"region_code": code})
    return region_codes


async def _write_targets(policy: Policy, org: Org, t: Targeting, conn: Any) -> None:
    await PolicyTarget.filter(policy_id=policy.id).using_db(conn).delete()
    rows = [PolicyTarget(policy_id=policy.id, kind="scale", value=v.value) for v in t.scale_types]
    rows += [PolicyTarget(policy_id=policy.id, kind="tag", value=v) for v in t.tags]
    rows += [PolicyTarget(policy_id=policy.id, kind="industry", value=v) for v in t.industries]
    rows += [PolicyTarget(policy_id=policy.id, kind="region", value=v)
             for v in await _effective_regions(org, t.region_codes)]
    await PolicyTarget.bulk_create(rows, using_db=conn)


def _check_dates(valid_from: date | None, valid_to: date | None) -> None:
    if valid_from and valid_to and valid_to < valid_from:
        raise errors.PolicyDatesInvalid()


async def policy_out(p: Policy, *, admin: bool) -> dict[str, Any]:
    regions = p.region_codes or [p.org.region_code]
    out = {
        "id": p.id, "title": p.title, "summary": p.summary, "body": p.body, "department": p.department,
        "org": {"id": p.org.id, "name": p.org.name},
        "valid_from": p.valid_from.isoformat() if p.valid_from else None,
        "valid_to": p.valid_to.isoformat() if p.valid_to else None,
        "published_at": p.published_at.isoformat() if p.published_at else None,
        "targeting": {"scale_types": scale_labels(p.scale_types), "tags": p.tags, "industries": p.industries,
                      "regions": await region_labels(regions)},
    }
    if admin:
        out.update({"status": p.status.value, "status_label": POLICY_STATUS_LABELS[p.status],
                    "region_codes": p.region_codes,
                    "withdrawn_at": p.withdrawn_at.isoformat() if p.withdrawn_at else None,
                    "created_at": p.created_at.isoformat(), "updated_at": p.updated_at.isoformat(),
                    "actions": policy_actions(p.status)})
    return out


async def _get_in_scope(actor: StaffUser, policy_id: int) -> Policy:
    p = await Policy.get_or_none(id=policy_id).prefetch_related("org")
    if p is None:
        raise errors.PolicyNotFound()
    await scope.ensure_in_scope(actor, p.org_id)
    return p


async def create_policy(*, actor: StaffUser, data: PolicyIn) -> dict[str, Any]:
    """Create a draft policy issued by the actor's org."""
    require(actor, Perm.CONTENT_EDIT)
    _check_dates(data.valid_from, data.valid_to)
    org = actor.org
    await _effective_regions(org, data.region_codes)
    async with in_transaction() as conn:
        p = await Policy.create(
            title=data.title, summary=data.summary, body=data.body, department=data.department, org=org,
            valid_from=data.valid_from, valid_to=data.valid_to,
            scale_types=[s.value for s in data.scale_types], tags=data.tags, industries=data.industries,
            region_codes=data.region_codes, created_by=actor, using_db=conn)
        await _write_targets(p, org, data, conn)
        await audit.record(actor=actor, action="policy.create", target_type="policy", target_id=p.id,
                           after=_snapshot(p), using_db=conn)
    await p.fetch_related("org")
    return await policy_out(p, admin=True)


async def update_policy(*, actor: StaffUser, policy_id: int, data: PolicyPatch) -> dict[str, Any]:
    """Edit a policy in scope (its targeting is re-derived)."""
    require(actor, Perm.CONTENT_EDIT)
    p = await _get_in_scope(actor, policy_id)
    policy_next(p.status, PolicyAction.EDIT)
    before = _snapshot(p)
    changes = data.model_dump(exclude_unset=True)
    for key in ("title", "summary", "body", "department", "valid_from", "valid_to"):
        if key in changes and (changes[key] is not None or key.startswith("valid")):
            setattr(p, key, changes[key])
    _check_dates(p.valid_from, p.valid_to)
    t = parse(Targeting, data.targeting_values({"scale_types": p.scale_types, "tags": p.tags,
                                                "industries": p.industries, "region_codes": p.region_codes}))
    await _effective_regions(p.org, t.region_codes)
    p.scale_types = [s.value for s in t.scale_types]
    p.tags, p.industries, p.region_codes = t.tags, t.industries, t.region_codes
    async with in_transaction() as conn:
        await p.save(using_db=conn)
        await _write_targets(p, p.org, t, conn)
        await audit.record(actor=actor, action="policy.update", target_type="policy", target_id=p.id,
                           before=before, after=_snapshot(p), using_db=conn)
    return await policy_out(p, admin=True)


async def transition_policy(*, actor: StaffUser, policy_id: int, action: PolicyAction) -> dict[str, Any] | None:
    """Publish, withdraw or delete (drafts only) a policy in scope."""
    require(actor, Perm.CONTENT_EDIT)
    p = await _get_in_scope(actor, policy_id)
    target = policy_next(p.status, action)
    before = _snapshot(p)
    async with in_transaction() as conn:
        # Conditional on the status we read, so two concurrent clicks cannot both succeed.
        if target is None:
            gone = await Policy.filter(id=p.id, status=p.status).using_db(conn).delete()
            if not gone:
                raise errors.PolicyActionNotAllowed()
            await audit.record(actor=actor, action="policy.delete", target_type="policy", target_id=p.id,
                               before=before, using_db=conn)
            return None
        now = datetime.now(UTC)
        values: dict[str, Any] = {"status": target}
        if target == PolicyStatus.PUBLISHED:
            values.update(published_at=now, publish_seq=time.time_ns() // 1000, withdrawn_at=None)
        else:
            values["withdrawn_at"] = now
        changed = await Policy.filter(id=p.id, status=p.status).using_db(conn).update(**values)
        if not changed:
            raise errors.PolicyActionNotAllowed()
        for key, value in values.items():
            setattr(p, key, value)
        await audit.record(actor=actor, action=f"policy.{action.value}", target_type="policy", target_id=p.id,
                           before=before, after=_snapshot(p), using_db=conn)
    return await policy_out(p, admin=True)


async def get_policy_admin(*, actor: StaffUser, policy_id: int) -> dict[str, Any]:
    require(actor, Perm.CONTENT_EDIT)
    return await policy_out(await _get_in_scope(actor, policy_id), admin=True)


async def list_policies_admin(*, actor: StaffUser, status: str | None, q: str | None, cursor: str | None,
                              limit: int) -> dict[str, Any]:
    """Policies of the actor's org subtree, newest first."""
    require(actor, Perm.CONTENT_EDIT)
    qs = scope.scoped(Policy.all(), actor)
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(summary__icontains=q) | Q(department__icontains=q))
    rows, nxt = await keyset(qs.prefetch_related("org"), cursor=cursor, limit=limit)
    return {"items": [await policy_out(p, admin=True) for p in rows], "next": nxt}


# ---- shop side: precise matching (精准匹配) ----

def _matching(business: Business) -> Any:
    """Published, not expired, and every targeting dimension empty or containing the business's value."""

    def dimension(kind: str, values: list[str]) -> Q:
        has_any = Subquery(PolicyTarget.filter(kind=kind).values("policy_id"))
        q = ~Q(id__in=has_any)
        if values:
            q |= Q(id__in=Subquery(PolicyTarget.filter(kind=kind, value__in=values).values("policy_id")))
        return q

    scale = [business.scale_type.value] if business.scale_type else []
    industry = [business.industry] if business.industry else []
    return (Policy.filter(status=PolicyStatus.PUBLISHED)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today()))
            .filter(dimension("scale", scale))
            .filter(dimension("tag", list(business.tags or [])))
            .filter(dimension("industry", industry))
            .filter(id__in=Subquery(PolicyTarget.filter(kind="region", value__in=region_ancestors(
                business.region_code)).values("policy_id"))))


def _encode(seq: int, pid: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([seq, pid]).encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[int, int]:
    try:
        seq, pid = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(seq, int) or not isinstance(pid, int):
            raise ValueError
        return seq, pid
    except (ValueError, TypeError, json.JSONDecodeError) as exc:
        raise core_errors.ValidationFailed("分页游标无效", data={"cursor": cursor}) from exc


async def list_for_business(*, business_id: int, q: str | None, cursor: str | None, limit: int) -> dict[str, Any]:
    """The policies matched to the current business, newest publication first (keyset)."""
    business = await Business.get(id=business_id)
    qs = _matching(business)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(summary__icontains=q) | Q(department__icontains=q))
    if cursor:
        seq, pid = _decode(cursor)
        qs = qs.filter(Q(publish_seq__lt=seq) | Q(publish_seq=seq, id__lt=pid))
    rows = await qs.order_by("-publish_seq", "-id").limit(limit + 1).prefetch_related("org")
    nxt = _encode(rows[limit - 1].publish_seq, rows[limit - 1].id) if len(rows) > limit else None
    items = []
    for p in rows[:limit]:
        item = await policy_out(p, admin=False)
        item.pop("body")
        items.append(item)
    return {"items": items, "next": nxt}


async def get_for_business(*, business_id: int, policy_id: int) -> dict[str, Any]:
    """One matched policy; anything else (draft, withdrawn, not matching) is not found."""
    business = await Business.get(id=business_id)
    p = await _matching(business).filter(id=policy_id).first().prefetch_related("org")
    if p is None:
        raise errors.PolicyNotFound()
    return await policy_out(p, admin=False)
