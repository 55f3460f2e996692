"""双随机 use-cases: catalog, inspector pool, plans and their workflow, the draw, confirmation, assignment,
adjustment, result entry and review, queries. Every staff write is audited in its own transaction."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q, Subquery
from tortoise.transactions import in_transaction

from getitong.core import audit, errors
from getitong.core.pagination import keyset
from getitong.entities.models import KIND_LABELS, Business
from getitong.staff import scope
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Perm, permissions_of
from getitong.staff.service import require
from getitong.supervision import draw as db_draw
from getitong.supervision import errors as e
from getitong.supervision import sampling
from getitong.supervision import schemas as s
from getitong.supervision.models import (
    Adjustment,
    CheckContent,
    CheckItem,
    CheckSubItem,
    Inspector,
    Plan,
    PlanBusiness,
    PlanEvent,
    Recusal,
    Result,
    Tally,
    Target,
    TeamMember,
)
from getitong.supervision.workflow import (
    CHECK_METHOD_LABELS,
    CONFIRM_LABELS,
    GROUPING_LABELS,
    INSPECTOR_STATUS_LABELS,
    INSPECTOR_TYPE_LABELS,
    OUTCOME_LABELS,
    PLAN_STATUS_LABELS,
    PLAN_TRANSITIONS,
    RESULT_STATUS_LABELS,
    RESULT_TYPE_LABELS,
    SCOPE_MODE_LABELS,
    UNMATCHED_LABELS,
    Confirm,
    InspectorStatus,
    PlanAction,
    PlanStatus,
    ResultAction,
    ResultStatus,
    ResultType,
    ScopeMode,
    plan_actions,
    plan_step,
    result_actions,
    result_step,
)


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return datetime.now(UTC).astimezone().date()


def _perms(actor: StaffUser) -> set[str]:
    return permissions_of(actor.roles)


def _require_any(actor: StaffUser, *perms: Perm) -> None:
    mine = _perms(actor)
    if not any(p.value in mine for p in perms):
        raise errors.Forbidden(data={"permission": perms[0].value})


ACTION_PERMS = {a: perm for (_, a), (_, perm) in PLAN_TRANSITIONS.items()}
READ_PERMS = (Perm.INSPECTION_PLAN, Perm.INSPECTION_REVIEW, Perm.INSPECTOR_MANAGE)

# ================================================================ catalog


def content_out(c: CheckContent) -> dict[str, Any]:
    return {"id": c.id, "subitem_id": c.subitem_id, "content": c.content, "result_type": c.result_type.value,
            "result_type_label": RESULT_TYPE_LABELS[c.result_type], "options": c.options, "unit": c.unit,
            "sort": c.sort, "enabled": c.enabled}


def subitem_out(x: CheckSubItem, contents: list[CheckContent] | None = None) -> dict[str, Any]:
    out = {"id": x.id, "item_id": x.item_id, "name": x.name, "method": x.method, "basis": x.basis, "sort": x.sort,
           "enabled": x.enabled}
    if contents is not None:
        out["contents"] = [content_out(c) for c in contents]
    return out


def item_out(x: CheckItem, subitems: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    out = {"id": x.id, "name": x.name, "line": x.line, "sort": x.sort, "enabled": x.enabled, "org_id": x.org_id}
    if subitems is not None:
        out["subitems"] = subitems
    return out


async def catalog(*, actor: StaffUser, line: str | None = None, enabled_only: bool = False) -> list[dict[str, Any]]:
    """The whole matter list as a tree: 检查项目 → 子项 → 检查内容 (shared by every org)."""
    _require_any(actor, *READ_PERMS, Perm.INSPECTION_EXECUTE)
    items = CheckItem.all()
    if line:
        items = items.filter(line=line)
    if enabled_only:
        items = items.filter(enabled=True)
    item_rows = await items.order_by("sort", "id")
    subs = await CheckSubItem.filter(item_id__in=[i.id for i in item_rows]).order_by("sort", "id")
    contents = await CheckContent.filter(subitem_id__in=[x.id for x in subs]).order_by("sort", "id")
    by_sub: dict[int, list[CheckContent]] = defaultdict(list)
    for c in contents:
        if c.enabled or not enabled_only:
            by_sub[c.subitem_id].append(c)
    by_item: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for x in subs:
        if x.enabled or not enabled_only:
            by_item[x.item_id].append(subitem_out(x, by_sub[x.id]))
    return [item_out(i, by_item[i.id]) for i in item_rows]


async def _item_for_write(actor: StaffUser, item_id: int, conn: Any = None) -> CheckItem:
    require(actor, Perm.INSPECTION_PLAN)
    item = await CheckItem.get_or_none(id=item_id).using_db(conn)
    if item is None:
        raise e.CatalogNotFound()
    await scope.ensure_in_scope(actor, item.org_id)
    return item


async def create_item(*, actor: StaffUser, data: s.ItemCreate) -> dict[str, Any]:
    """Add a 检查项目 owned by the actor's org."""
    require(actor, Perm.INSPECTION_PLAN)
    async with in_transaction() as conn:
        item = await CheckItem.create(org_id=actor.org_id, using_db=conn, **data.model_dump())
        await audit.record(actor=actor, action="inspection.item.create", target_type="supervision_check_item",
                           target_id=item.id, after=data.model_dump(), using_db=conn)
    return item_out(item)


async def _patch(actor: StaffUser, obj: Any, changes: dict[str, Any], action: str, conn: Any) -> None:
    before = {k: getattr(obj, k) for k in changes}
    for k, v in changes.items():
        setattr(obj, k, v)
    await obj.save(using_db=conn)
    await audit.record(actor=actor, action=action, target_type=obj._meta.db_table, target_id=obj.id,
                       before=_jsonable(before), after=_jsonable(changes), using_db=conn)


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in values.items():
        if isinstance(v, date | datetime):
            v = v.isoformat()
        elif isinstance(v, Decimal):
            v = str(v)
        elif hasattr(v, "value"):
            v = v.value
        elif isinstance(v, list):
            v = [x.value if hasattr(x, "value") else x for x in v]
        out[k] = v
    return out


async def update_item(*, actor: StaffUser, item_id: int, data: s.ItemUpdate) -> dict[str, Any]:
    async with in_transaction() as conn:
        item = await _item_for_write(actor, item_id, conn)
        await _patch(actor, item, data.model_dump(exclude_unset=True), "inspection.item.update", conn)
    return item_out(item)


async def create_subitem(*, actor: StaffUser, item_id: int, data: s.SubItemCreate) -> dict[str, Any]:
    async with in_transaction() as conn:
        item = await _item_for_write(actor, item_id, conn)
        x = await CheckSubItem.create(item=item, using_db=conn, **data.model_dump())
        await audit.record(actor=actor, action="inspection.subitem.create", target_type="supervision_check_subitem",
                           target_id=x.id, after=data.model_dump(), using_db=conn)
    return subitem_out(x, [])


async def _subitem_for_write(actor: StaffUser, subitem_id: int, conn: Any) -> CheckSubItem:
    x = await CheckSubItem.get_or_none(id=subitem_id).using_db(conn)
    if x is None:
        raise e.CatalogNotFound()
    await _item_for_write(actor, x.item_id, conn)
    return x


async def update_subitem(*, actor: StaffUser, subitem_id: int, data: s.SubItemUpdate) -> dict[str, Any]:
    async with in_transaction() as conn:
        x = await _subitem_for_write(actor, subitem_id, conn)
        await _patch(actor, x, data.model_dump(exclude_unset=True), "inspection.subitem.update", conn)
    return subitem_out(x)


def _check_content(result_type: ResultType, options: list[str], unit: str) -> list[str]:
    options = list(dict.fromkeys(o.strip() for o in options if o and o.strip()))
    if result_type == ResultType.CHOICE and len(options) < 2:
        raise e.ContentInvalid("选择型检查内容至少需要两个不同的选项")
    if result_type == ResultType.NUMERIC and not unit.strip():
        raise e.ContentInvalid("数值型检查内容需要填写单位")
    return options if result_type == ResultType.CHOICE else []


async def create_content(*, actor: StaffUser, subitem_id: int, data: s.ContentCreate) -> dict[str, Any]:
    options = _check_content(data.result_type, data.options, data.unit)
    async with in_transaction() as conn:
        x = await _subitem_for_write(actor, subitem_id, conn)
        values = data.model_dump() | {"options": options}
        c = await CheckContent.create(subitem=x, using_db=conn, **values)
        await audit.record(actor=actor, action="inspection.content.create", target_type="supervision_check_content",
                           target_id=c.id, after=_jsonable(values), using_db=conn)
    return content_out(c)


async def update_content(*, actor: StaffUser, content_id: int, data: s.ContentUpdate) -> dict[str, Any]:
    async with in_transaction() as conn:
        c = await CheckContent.get_or_none(id=content_id).using_db(conn)
        if c is None:
            raise e.CatalogNotFound()
        await _subitem_for_write(actor, c.subitem_id, conn)
        changes = data.model_dump(exclude_unset=True)
        options = changes.get("options", c.options)
        unit = changes.get("unit", c.unit)
        changes["options"] = _check_content(c.result_type, options, unit)
        await _patch(actor, c, changes, "inspection.content.update", conn)
    return content_out(c)


# ================================================================ inspector pool


def cert_valid(x: Inspector, on: date | None = None) -> bool:
    on = on or today()
    return (x.cert_valid_from is None or x.cert_valid_from <= on) and (x.cert_valid_to is None or x.cert_valid_to >= on)


def inspector_out(x: Inspector, org_name: str | None = None) -> dict[str, Any]:
    return {"id": x.id, "staff_id": x.staff_id, "org_id": x.org_id, "org_name": org_name, "name": x.name,
            "gender": x.gender, "education": x.education, "types": list(x.types),
            "type_labels": [INSPECTOR_TYPE_LABELS.get(t, t) for t in x.types], "categories": list(x.categories),
            "region": x.region, "cert_no": x.cert_no,
            "cert_valid_from": x.cert_valid_from.isoformat() if x.cert_valid_from else None,
            "cert_valid_to": x.cert_valid_to.isoformat() if x.cert_valid_to else None,
            "cert_valid": cert_valid(x), "cert_issuer": x.cert_issuer, "skills": list(x.skills),
            "on_duty": x.on_duty, "note": x.note, "status": x.status.value,
            "status_label": INSPECTOR_STATUS_LABELS[x.status]}


async def _org_names(ids: set[int]) -> dict[int, str]:
    return {o.id: o.name for o in await Org.filter(id__in=list(ids)).only("id", "name")} if ids else {}


async def _inspector_in_scope(actor: StaffUser, inspector_id: int, conn: Any = None) -> Inspector:
    x = await Inspector.get_or_none(id=inspector_id).using_db(conn)
    if x is None:
        raise e.InspectorNotFound()
    await scope.ensure_in_scope(actor, x.org_id)
    return x


def _check_cert_dates(start: date | None, end: date | None) -> None:
    if start and end and end < start:
        raise errors.ValidationFailed("执法证有效期限截止时间不能早于起始时间")


async def lookup_staff(*, actor: StaffUser, q: str, limit: int) -> dict[str, Any]:
    """Staff accounts of the actor's subtree by name or username, to add to the inspector pool (the pool's
    managers have no user administration rights): who is already an inspector is said."""
    require(actor, Perm.INSPECTOR_MANAGE)
    text = q.strip()
    qs = scope.scoped(StaffUser.filter(is_active=True), actor).filter(Q(name__contains=text) | Q(username__contains=text))
    users = await qs.order_by("name", "id").limit(limit)
    pooled = set(await Inspector.filter(staff_id__in=[u.id for u in users]).values_list("staff_id", flat=True))
    orgs = await _org_names({u.org_id for u in users})
    return {"items": [{"id": u.id, "name": u.name, "username": u.username, "org": {"id": u.org_id,
                                                                                   "name": orgs.get(u.org_id, "")},
                       "is_inspector": u.id in pooled} for u in users]}


async def create_inspector(*, actor: StaffUser, data: s.InspectorCreate) -> dict[str, Any]:
    """Add a staff user of the actor's scope to the inspector pool; unit and name come from the account."""
    require(actor, Perm.INSPECTOR_MANAGE)
    user = await StaffUser.get_or_none(id=data.staff_id)
    if user is None or not await scope.in_scope(actor, user.org_id):
        raise e.StaffNotFound()
    _check_cert_dates(data.cert_valid_from, data.cert_valid_to)
    if await Inspector.exists(staff_id=user.id):
        raise e.InspectorExists()
    values = data.model_dump(exclude={"staff_id"})
    try:
        async with in_transaction() as conn:
            x = await Inspector.create(staff_id=user.id, org_id=user.org_id, name=user.name, using_db=conn, **values)
            await audit.record(actor=actor, action="inspection.inspector.create", target_type="supervision_inspector",
                               target_id=x.id, after=_jsonable(values | {"staff_id": user.id}), using_db=conn)
    except IntegrityError as exc:
        raise e.InspectorExists() from exc
    return inspector_out(x, (await _org_names({x.org_id})).get(x.org_id))


async def get_inspector(*, actor: StaffUser, inspector_id: int) -> dict[str, Any]:
    _require_any(actor, *READ_PERMS)
    x = await _inspector_in_scope(actor, inspector_id)
    out = inspector_out(x, (await _org_names({x.org_id})).get(x.org_id))
    recusals = await Recusal.filter(inspector_id=x.id).prefetch_related("business").order_by("id")
    out["recusals"] = [{"id": r.id, "business_id": r.business_id, "business_name": r.business.name,
                        "uscc": r.business.uscc, "reason": r.reason} for r in recusals]
    return out


async def update_inspector(*, actor: StaffUser, inspector_id: int, data: s.InspectorUpdate) -> dict[str, Any]:
    require(actor, Perm.INSPECTOR_MANAGE)
    async with in_transaction() as conn:
        x = await _inspector_in_scope(actor, inspector_id, conn)
        changes = data.model_dump(exclude_unset=True)
        _check_cert_dates(changes.get("cert_valid_from", x.cert_valid_from),
                          changes.get("cert_valid_to", x.cert_valid_to))
        await _patch(actor, x, changes, "inspection.inspector.update", conn)
    return inspector_out(x, (await _org_names({x.org_id})).get(x.org_id))


async def set_inspector_status(*, actor: StaffUser, inspector_id: int, withdraw: bool, reason: str) -> dict[str, Any]:
    """撤销 (withdraw from the pool) or restore an inspector; a withdrawn inspector is never assigned."""
    require(actor, Perm.INSPECTOR_MANAGE)
    want, wrong = ((InspectorStatus.WITHDRAWN, InspectorStatus.ACTIVE) if withdraw
                   else (InspectorStatus.ACTIVE, InspectorStatus.WITHDRAWN))
    async with in_transaction() as conn:
        x = await _inspector_in_scope(actor, inspector_id, conn)
        if x.status != wrong:
            raise e.InspectorState("该执法人员已撤销" if withdraw else "该执法人员在库中，无需恢复")
        changed = await Inspector.filter(id=x.id, status=wrong).using_db(conn).update(status=want)
        if not changed:
            raise e.InspectorState()
        x.status = want
        await audit.record(actor=actor, action=f"inspection.inspector.{'withdraw' if withdraw else 'restore'}",
                           target_type="supervision_inspector", target_id=x.id, before={"status": wrong.value},
                           after={"status": want.value, "reason": reason}, using_db=conn)
    return inspector_out(x, (await _org_names({x.org_id})).get(x.org_id))


def _inspector_filters(actor: StaffUser, q: s.InspectorQuery) -> Any:
    qs = scope.scoped(Inspector.all(), actor)
    if q.status != "all":
        qs = qs.filter(status=q.status)
    if q.name:
        qs = qs.filter(name__icontains=q.name)
    if q.org_id:
        qs = qs.filter(org_id__in=scope.subtree(q.org_id))
    if q.on_duty is not None:
        qs = qs.filter(on_duty=q.on_duty)
    return qs


def _inspector_match(x: Inspector, q: s.InspectorQuery) -> bool:
    # JSON-list membership is checked here rather than in SQL: PostgreSQL and SQLite spell it differently.
    return (q.type is None or q.type.value in x.types) and (q.category is None or q.category in x.categories)


async def list_inspectors(*, actor: StaffUser, q: s.InspectorQuery) -> dict[str, Any]:
    """The pool of the actor's org and below (本级及下级)."""
    _require_any(actor, *READ_PERMS)
    qs = _inspector_filters(actor, q)
    if q.type is None and q.category is None:
        rows, nxt = await keyset(qs, cursor=q.cursor, limit=q.limit)
    else:
        rows = [x for x in await qs.order_by("-id") if _inspector_match(x, q)]
        from getitong.core.pagination import decode_cursor, encode_cursor

        last = decode_cursor(q.cursor)
        rows = [x for x in rows if last is None or x.id < last]
        nxt = encode_cursor(rows[q.limit - 1].id) if len(rows) > q.limit else None
        rows = rows[:q.limit]
    names = await _org_names({x.org_id for x in rows})
    return {"items": [inspector_out(x, names.get(x.org_id)) for x in rows], "next": nxt}


async def export_inspectors(*, actor: StaffUser, q: s.InspectorQuery, max_rows: int) -> list[dict[str, Any]]:
    require(actor, Perm.INSPECTOR_MANAGE)
    rows = [x for x in await _inspector_filters(actor, q).order_by("org_id", "id").limit(max_rows)
            if _inspector_match(x, q)]
    names = await _org_names({x.org_id for x in rows})
    return [inspector_out(x, names.get(x.org_id)) for x in rows]


async def find_business(code: str) -> Business | None:
    code = code.strip().upper()
    if len(code) == 18:
        b = await Business.get_or_none(uscc=code)
        if b is not None:
            return b
    return await Business.filter(reg_no=code).order_by("id").first()


async def add_recusal(*, actor: StaffUser, inspector_id: int, data: s.RecusalCreate) -> dict[str, Any]:
    """Put a business on the inspector's recusal list (回避): the inspector is never assigned to it."""
    require(actor, Perm.INSPECTOR_MANAGE)
    x = await _inspector_in_scope(actor, inspector_id)
    b = await find_business(data.code)
    if b is None:
        raise e.BusinessesNotFound(data={"codes": [data.code]})
    async with in_transaction() as conn:
        r, created = await Recusal.get_or_create(inspector_id=x.id, business_id=b.id,
                                                 defaults={"reason": data.reason}, using_db=conn)
        if created:
            await audit.record(actor=actor, action="inspection.recusal.create", target_type="supervision_recusal",
                               target_id=r.id, after={"inspector_id": x.id, "business_id": b.id,
                                                      "reason": data.reason}, using_db=conn)
    return {"id": r.id, "business_id": b.id, "business_name": b.name, "uscc": b.uscc, "reason": r.reason}


async def delete_recusal(*, actor: StaffUser, inspector_id: int, recusal_id: int) -> None:
    require(actor, Perm.INSPECTOR_MANAGE)
    x = await _inspector_in_scope(actor, inspector_id)
    async with in_transaction() as conn:
        r = await Recusal.get_or_none(id=recusal_id, inspector_id=x.id).using_db(conn)
        if r is None:
            raise errors.NotFound("回避记录不存在")
        await r.delete(using_db=conn)
        await audit.record(actor=actor, action="inspection.recusal.delete", target_type="supervision_recusal",
                           target_id=recusal_id, before={"inspector_id": x.id, "business_id": r.business_id},
                           using_db=conn)


# ================================================================ plans


def plan_out(p: Plan, actor: StaffUser, *, org_name: str | None = None, detail: bool = False) -> dict[str, Any]:
    out = {"id": p.id, "code": f"SJ{p.made_on.year}{p.id:06d}", "org_id": p.org_id, "org_name": org_name,
           "name": p.name, "made_on": p.made_on.isoformat(),
           "start_on": p.start_on.isoformat() if p.start_on else None,
           "end_on": p.end_on.isoformat() if p.end_on else None, "basis": p.basis,
           "lead_department": p.lead_department, "partner_departments": list(p.partner_departments),
           "requirements": p.requirements, "grouping": p.grouping.value, "grouping_label": GROUPING_LABELS[p.grouping],
           "ratio": str(p.ratio) if p.ratio is not None else None, "group_size": p.group_size,
           "team_size": p.team_size, "scope_mode": p.scope_mode.value,
           "scope_mode_label": SCOPE_MODE_LABELS[p.scope_mode], "filters": p.filters, "skip_twice": p.skip_twice,
           "content_ids": list(p.content_ids), "opinion": p.opinion, "status": p.status.value,
           "status_label": PLAN_STATUS_LABELS[p.status], "actions": plan_actions(p.status, _perms(actor)),
           "draw": None, "created_at": p.created_at.isoformat(), "updated_at": p.updated_at.isoformat()}
    if p.drawn_at is not None:
        out["draw"] = {"seed": p.seed, "algorithm": p.algorithm, "fingerprint": p.fingerprint,
                       "candidate_count": p.candidate_count, "drawn_count": p.drawn_count,
                       "drawn_at": p.drawn_at.isoformat()}
        if detail:
            out["draw"]["quotas"] = p.quotas
    return out


async def _plan_in_scope(actor: StaffUser, plan_id: int, conn: Any = None, *, lock: bool = False) -> Plan:
    qs = Plan.filter(id=plan_id).using_db(conn)
    if lock and conn is not None and conn.capabilities.dialect == "postgres":
        qs = qs.select_for_update()
    p = await qs.first()
    if p is None:
        raise e.PlanNotFound()
    if not await scope.in_scope(actor, p.org_id):
        raise e.PlanNotFound()  # another org's plan does not exist for this actor
    return p


def _step(actor: StaffUser, p: Plan, action: PlanAction) -> PlanStatus:
    # The permission first: a caller without the role learns nothing about the plan's state.
    require(actor, ACTION_PERMS[action])
    found = plan_step(p.status, action)
    if found is None:
        raise e.PlanState(data={"status": p.status.value, "action": action.value})
    return found[0]


async def _event(actor: StaffUser, p: Plan, action: PlanAction, before: PlanStatus, conn: Any, *,
                 comment: str = "", payload: dict[str, Any] | None = None) -> None:
    await PlanEvent.create(plan_id=p.id, action=action.value, from_status=before.value, to_status=p.status.value,
                           comment=comment, payload=payload, actor_id=actor.id, actor_name=actor.name,
                           actor_org_id=actor.org_id, using_db=conn)
    await audit.record(actor=actor, action=f"inspection.plan.{action.value}", target_type="supervision_plan",
                       target_id=p.id, before={"status": before.value},
                       after={"status": p.status.value, "comment": comment, **(payload or {})}, using_db=conn)


async def _check_plan_values(actor: StaffUser, changes: dict[str, Any]) -> None:
    f = changes.get("filters")
    if f:
        for org_id in f.get("org_ids") or []:
            await scope.ensure_in_scope(actor, org_id)
    ids = changes.get("content_ids")
    if ids:
        found = await CheckContent.filter(id__in=ids, enabled=True).count()
        if found != len(set(ids)):
            raise e.CatalogNotFound("所选检查内容不存在或已停用")
        changes["content_ids"] = sorted(set(ids))


def _plan_changes(data: s.PlanFields) -> dict[str, Any]:
    changes = data.model_dump(exclude_unset=True)
    if "filters" in changes and changes["filters"] is not None:
        changes["filters"] = data.filters.model_dump(mode="json")  # type: ignore[union-attr]
    return changes


async def create_plan(*, actor: StaffUser, data: s.PlanCreate) -> dict[str, Any]:
    """Start a plan (暂存): any tab may still be incomplete; the plan belongs to the actor's org."""
    require(actor, Perm.INSPECTION_PLAN)
    changes = _plan_changes(data)
    await _check_plan_values(actor, changes)
    changes = {k: v for k, v in changes.items() if v is not None}
    async with in_transaction() as conn:
        p = await Plan.create(org_id=actor.org_id, made_on=today(), created_by_id=actor.id, using_db=conn, **changes)
        await _event(actor, p, PlanAction.EDIT, PlanStatus.DRAFT, conn, payload={"created": True})
    return plan_out(p, actor, org_name=actor.org.name if hasattr(actor, "org") else None)


async def update_plan(*, actor: StaffUser, plan_id: int, data: s.PlanFields) -> dict[str, Any]:
    """Edit a draft (also a plan sent back by the approver)."""
    changes = _plan_changes(data)
    async with in_transaction() as conn:
        p = await _plan_in_scope(actor, plan_id, conn, lock=True)
        _step(actor, p, PlanAction.EDIT)
        await _check_plan_values(actor, changes)
        before = p.status
        for k, v in changes.items():
            setattr(p, k, v)
        await p.save(using_db=conn)
        await _event(actor, p, PlanAction.EDIT, before, conn, payload={"fields": sorted(changes)})
    return plan_out(p, actor)


def _missing(p: Plan) -> list[str]:
    out = []
    for name, label in (("start_on", "抽查开始日期"), ("end_on", "抽查截止日期"), ("ratio", "抽取比例"),
                        ("basis", "抽查依据"), ("lead_department", "牵头部门")):
        if not getattr(p, name):
            out.append(label)
    if not p.content_ids:
        out.append("检查事项")
    return out


async def transition(*, actor: StaffUser, plan_id: int, action: PlanAction, comment: str = "") -> dict[str, Any]:
    """submit (提交核准) / approve (核准通过，方案生效) / reject (退回修改, with a reason)."""
    async with in_transaction() as conn:
        p = await _plan_in_scope(actor, plan_id, conn, lock=True)
        nxt = _step(actor, p, action)
        if action == PlanAction.SUBMIT:
            missing = _missing(p)
            if p.start_on and p.end_on and p.end_on < p.start_on:
                raise errors.ValidationFailed("抽查截止日期不能早于开始日期")
            if p.scope_mode == ScopeMode.SAMPLE and not await PlanBusiness.filter(
                    plan_id=p.id, must_check=False).using_db(conn).exists():
                missing.append("抽查样本")
            if missing:
                raise e.PlanIncomplete("抽查方案信息不完整：" + "、".join(missing), data={"missing": missing})
            if comment:
                p.opinion = comment
        before = p.status
        changed = await Plan.filter(id=p.id, status=before).using_db(conn).update(status=nxt, opinion=p.opinion)
        if not changed:
            raise e.PlanState()
        p.status = nxt
        await _event(actor, p, action, before, conn, comment=comment)
    return plan_out(p, actor)


async def get_plan(*, actor: StaffUser, plan_id: int) -> dict[str, Any]:
    _require_any(actor, *READ_PERMS)
    p = await _plan_in_scope(actor, plan_id)
    out = plan_out(p, actor, org_name=(await _org_names({p.org_id})).get(p.org_id), detail=True)
    events = await PlanEvent.filter(plan_id=p.id).order_by("id")
    out["events"] = [{"action": x.action, "from_status": x.from_status, "to_status": x.to_status,
                      "comment": x.comment, "actor_name": x.actor_name, "payload": x.payload,
                      "created_at": x.created_at.isoformat()} for x in events]
    out["sample_count"] = await PlanBusiness.filter(plan_id=p.id, must_check=False).count()
    out["must_check_count"] = await PlanBusiness.filter(plan_id=p.id, must_check=True).count()
    return out


def _plans_qs(actor: StaffUser, q: s.PlanQuery) -> Any:
    qs = scope.scoped(Plan.all(), actor)
    if q.name:
        qs = qs.filter(name__icontains=q.name)
    if q.status:
        qs = qs.filter(status=q.status)
    if q.made_from:
        qs = qs.filter(made_on__gte=q.made_from)
    if q.made_to:
        qs = qs.filter(made_on__lte=q.made_to)
    return qs


async def list_plans(*, actor: StaffUser, q: s.PlanQuery) -> dict[str, Any]:
    _require_any(actor, *READ_PERMS)
    rows, nxt = await keyset(_plans_qs(actor, q), cursor=q.cursor, limit=q.limit)
    names = await _org_names({p.org_id for p in rows})
    return {"items": [plan_out(p, actor, org_name=names.get(p.org_id)) for p in rows], "next": nxt}


async def export_plans(*, actor: StaffUser, q: s.PlanQuery, max_rows: int) -> list[dict[str, Any]]:
    _require_any(actor, *READ_PERMS)
    rows = await _plans_qs(actor, q).order_by("-id").limit(max_rows)
    names = await _org_names({p.org_id for p in rows})
    return [plan_out(p, actor, org_name=names.get(p.org_id)) for p in rows]


async def _businesses_by_code(actor: StaffUser, plan: Plan, codes: list[str]) -> tuple[dict[int, int], list[str]]:
    """Business id -> org id for the codes (USCC or 注册号) inside the plan's org; codes not found."""
    codes = list(dict.fromkeys(codes))
    found: dict[str, tuple[int, int]] = {}
    for i in range(0, len(codes), 1000):
        part = codes[i:i + 1000]
        for b in await Business.filter(Q(uscc__in=part) | Q(reg_no__in=part)).filter(
                org_id__in=scope.subtree(plan.org_id)).only("id", "uscc", "reg_no", "org_id"):
            found.setdefault(b.uscc, (b.id, b.org_id))
            if b.reg_no:
                found.setdefault(b.reg_no, (b.id, b.org_id))
    missing = [c for c in codes if c not in found]
    return dict(found.values()), missing


async def import_list(*, actor: StaffUser, plan_id: int, codes: list[str], must_check: bool,
                      max_codes: int) -> dict[str, Any]:
    """样本导入 (draft, sample scope) or 必查清单 (approved, before the draw): replaces the plan's list.
    Every code must name a business of the register inside the plan's org, else nothing is written."""
    if len(codes) > max_codes:
        raise errors.ValidationFailed(f"清单最多 {max_codes} 个主体", data={"max": max_codes})
    action = PlanAction.MUST_CHECK if must_check else PlanAction.SAMPLE
    async with in_transaction() as conn:
        p = await _plan_in_scope(actor, plan_id, conn, lock=True)
        _step(actor, p, action)
        if not must_check and p.scope_mode != ScopeMode.SAMPLE:
            raise e.PlanState("抽查范围为条件筛选，不能导入样本；请先将抽查范围改为样本导入")
        ids, missing = await _businesses_by_code(actor, p, codes)
        if missing:
            raise e.BusinessesNotFound(data={"codes": missing[:200], "count": len(missing)})
        await PlanBusiness.filter(plan_id=p.id, must_check=must_check).using_db(conn).delete()
        await PlanBusiness.bulk_create([PlanBusiness(plan_id=p.id, business_id=b, must_check=must_check)
                                        for b in sorted(ids)], batch_size=1000, using_db=conn)
        await _event(actor, p, action, p.status, conn, payload={"count": len(ids)})
    return {"count": len(ids)}


async def preview(*, actor: StaffUser, plan_id: int) -> dict[str, Any]:
    """样本查看: how many businesses the plan's scope selects now, and the quotas a draw would use."""
    _require_any(actor, *READ_PERMS)
    p = await _plan_in_scope(actor, plan_id)
    from tortoise import connections

    conn = connections.get("default")
    cand = await db_draw.candidates_of(conn, p)
    rows = await db_draw._query(conn, f"SELECT b.org_id AS org_id, count(*) AS n {cand.sql} GROUP BY b.org_id",
                                cand.params)
    counts = {r["org_id"]: int(r["n"]) for r in rows}
    quotas = sampling.quotas(counts, Decimal(p.ratio)) if p.ratio else {}
    names = await _org_names(set(counts))
    return {"candidate_count": sum(counts.values()), "quota_total": sum(quotas.values()),
            "groups": [{"org_id": g, "org_name": names.get(g), "candidates": n, "quota": quotas.get(g)}
                       for g, n in sorted(counts.items())]}


async def run_draw(*, actor: StaffUser, plan_id: int, seed: int | None = None) -> dict[str, Any]:
    """主体随机抽取: per grouping authority ratio × candidates (largest remainder), plus the must-check list;
    seed, algorithm and candidate fingerprint are recorded; the drawn businesses are packed by group size."""
    seed = sampling.new_seed() if seed is None else seed
    async with in_transaction() as conn:
        p = await _plan_in_scope(actor, plan_id, conn, lock=True)
        nxt = _step(actor, p, PlanAction.DRAW)
        must_ids = await PlanBusiness.filter(plan_id=p.id, must_check=True).using_db(conn).values_list(
            "business_id", flat=True)
        must = {b.id: (b.org_id, b.region_code) for b in await Business.filter(id__in=list(must_ids)).using_db(
            conn).only("id", "org_id", "region_code")} if must_ids else {}
        try:
            drawn = await db_draw.draw_and_write(conn, p, seed, must)
        except db_draw.NothingToDraw as exc:
            raise e.NoCandidates(data={"candidate_count": exc.candidate_count}) from None
        before = p.status
        values = {"status": nxt, "seed": str(seed), "algorithm": sampling.ALGORITHM, "fingerprint": drawn.fingerprint,
                  "candidate_count": drawn.candidate_count, "drawn_count": drawn.drawn_count,
                  "quotas": {str(g): [drawn.counts[g], q] for g, q in sorted(drawn.quotas.items())},
                  "drawn_at": now()}
        changed = await Plan.filter(id=p.id, status=before).using_db(conn).update(**values)
        if not changed:
            raise e.PlanState()
        for k, v in values.items():
            setattr(p, k, v)
        await _event(actor, p, PlanAction.DRAW, before, conn,
                     payload={"seed": str(seed), "algorithm": sampling.ALGORITHM, "fingerprint": drawn.fingerprint,
                              "candidate_count": drawn.candidate_count, "drawn_count": drawn.drawn_count,
                              "must_check": len(must)})
    return plan_out(p, actor, detail=True)


async def verify_draw(*, actor: StaffUser, plan_id: int) -> dict[str, Any]:
    """Redo the recorded draw on today's register: same fingerprint and same list means nothing changed."""
    _require_any(actor, *READ_PERMS)
    p = await _plan_in_scope(actor, plan_id)
    if p.seed is None:
        raise e.PlanState("该方案尚未抽取")
    from tortoise import connections

    must = {t.business_id: (t.org_id, t.region_code) for t in await Target.filter(plan_id=p.id, must_check=True)}
    drawn = await db_draw.select(connections.get("default"), p, int(p.seed), must)
    recomputed = {row[0] for row in db_draw.packs(drawn, p.group_size)}
    recorded = set(await Target.filter(plan_id=p.id).values_list("business_id", flat=True))
    return {"seed": p.seed, "algorithm": p.algorithm, "fingerprint": p.fingerprint,
            "fingerprint_now": drawn.fingerprint, "candidates_unchanged": drawn.fingerprint == p.fingerprint,
            "same_list": recomputed == recorded, "drawn_count": len(recorded)}


# ================================================================ targets


async def _target_rows(targets: list[Target], *, with_team: bool = True) -> list[dict[str, Any]]:
    ids = [t.business_id for t in targets]
    businesses = {b.id: b for b in await Business.filter(id__in=ids)} if ids else {}
    names = await _org_names({t.org_id for t in targets})
    teams: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if with_team and targets:
        for m in await TeamMember.filter(target_id__in=[t.id for t in targets]).prefetch_related("inspector"):
            teams[m.target_id].append({"id": m.inspector_id, "name": m.inspector.name})
    out = []
    for t in targets:
        b = businesses.get(t.business_id)
        out.append({"id": t.id, "plan_id": t.plan_id, "business_id": t.business_id,
                    "business_name": b.name if b else None, "uscc": b.uscc if b else None,
                    "reg_no": b.reg_no if b else None, "kind_label": KIND_LABELS.get(b.kind) if b else None,
                    "operator_name": b.operator_name if b else None, "address": b.address if b else None,
                    "org_id": t.org_id, "org_name": names.get(t.org_id), "region_code": t.region_code,
                    "must_check": t.must_check, "pack_no": t.pack_no, "draw_key": t.draw_key,
                    "confirm": t.confirm.value, "confirm_label": CONFIRM_LABELS[t.confirm],
                    "result_status": t.result_status.value,
                    "result_status_label": RESULT_STATUS_LABELS[t.result_status],
                    "unmatched": t.unmatched, "unmatched_label": UNMATCHED_LABELS.get(t.unmatched or ""),
                    "inspectors": sorted(teams.get(t.id, []), key=lambda x: x["id"])})
    return out


def _target_filters(qs: Any, q: Any) -> Any:
    if getattr(q, "confirm", None):
        qs = qs.filter(confirm=q.confirm)
    if getattr(q, "result_status", None):
        qs = qs.filter(result_status=q.result_status)
    if getattr(q, "org_id", None):
        qs = qs.filter(org_id=q.org_id)
    if getattr(q, "plan_id", None):
        qs = qs.filter(plan_id=q.plan_id)
    if getattr(q, "name", None):
        qs = qs.filter(business_id__in=Subquery(Business.filter(name__icontains=q.name).values("id")))
    if getattr(q, "uscc", None):
        code = q.uscc.strip().upper()
        qs = qs.filter(business_id__in=Subquery(Business.filter(Q(uscc=code) | Q(reg_no=code)).values("id")))
    if getattr(q, "inspector_id", None):
        qs = qs.filter(id__in=Subquery(TeamMember.filter(inspector_id=q.inspector_id).values("target_id")))
    return qs


async def list_targets(*, actor: StaffUser, plan_id: int, q: s.TargetQuery) -> dict[str, Any]:
    """The drawn list of a plan (抽取结果 / 主体名单确认 / 选派结果 by business)."""
    _require_any(actor, *READ_PERMS)
    p = await _plan_in_scope(actor, plan_id)
    rows, nxt = await keyset(_target_filters(Target.filter(plan_id=p.id), q), cursor=q.cursor, limit=q.limit)
    return {"items": await _target_rows(rows), "next": nxt}


async def export_targets(*, actor: StaffUser, plan_id: int, q: s.TargetQuery, max_rows: int) -> list[dict[str, Any]]:
    _require_any(actor, *READ_PERMS)
    p = await _plan_in_scope(actor, plan_id)
    rows = await _target_filters(Target.filter(plan_id=p.id), q).order_by("pack_no", "id").limit(max_rows)
    return await _target_rows(rows)


async def confirm(*, actor: StaffUser, plan_id: int, target_ids: list[int], decision: str) -> dict[str, Any]:
    """确认检查 / 确认不检查, one or many businesses at once; may be changed until 确认完毕."""
    async with in_transaction() as conn:
        p = await _plan_in_scope(actor, plan_id, conn, lock=True)
        _step(actor, p, PlanAction.CONFIRM)
        ids = set(target_ids)
        found = await Target.filter(plan_id=p.id, id__in=list(ids)).using_db(conn).count()
        if found != len(ids):
            raise e.TargetNotFound(data={"plan_id": p.id})
        n = await Target.filter(plan_id=p.id, id__in=list(ids)).using_db(conn).update(confirm=Confirm(decision))
        await _event(actor, p, PlanAction.CONFIRM, p.status, conn, payload={"decision": decision, "count": n})
    return {"updated": n, "pending": await Target.filter(plan_id=p.id, confirm=Confirm.PENDING).count()}


async def finish_confirm(*, actor: StaffUser, plan_id: int) -> dict[str, Any]:
    """确认完毕: every business confirmed; those to check count towards 已抽查两次 (the tally)."""
    async with in_transaction() as conn:
        p = await _plan_in_scope(actor, plan_id, conn, lock=True)
        nxt = _step(actor, p, PlanAction.FINISH_CONFIRM)
        pending = await Target.filter(plan_id=p.id, confirm=Confirm.PENDING).using_db(conn).count()
        if pending:
            raise e.ConfirmPending(data={"pending": pending})
        checked = await Target.filter(plan_id=p.id, confirm=Confirm.CHECK).using_db(conn).values_list(
            "business_id", flat=True)
        existing = set(await Tally.filter(business_id__in=list(checked)).using_db(conn).values_list(
            "business_id", flat=True)) if checked else set()
        if existing:
            await Tally.filter(business_id__in=list(existing)).using_db(conn).update(times=F("times") + 1)
        try:
            await Tally.bulk_create([Tally(business_id=b, times=1) for b in checked if b not in existing],
                                    batch_size=1000, using_db=conn)
        except IntegrityError as exc:
            # Another plan counted one of these businesses at the same moment: nothing was written, retry.
            raise e.PlanState("其他方案正在确认相同主体，请稍后重试") from exc
        before = p.status
        await Plan.filter(id=p.id).using_db(conn).update(status=nxt)
        p.status = nxt
        await _event(actor, p, PlanAction.FINISH_CONFIRM, before, conn, payload={"checked": len(checked)})
    return plan_out(p, actor)


async def _available_inspectors(actor: StaffUser, p: Plan, chosen: list[int], conn: Any) -> dict[int, int]:
    qs = Inspector.filter(org_id__in=scope.subtree(p.org_id)).using_db(conn)
    if chosen:
        rows = await qs.filter(id__in=chosen)
        if len(rows) != len(set(chosen)):
            raise e.InspectorNotFound("所选执法人员不存在或不在方案机关范围内")
        bad = [x.id for x in rows if x.status != InspectorStatus.ACTIVE or not x.on_duty or not cert_valid(x)]
        if bad:
            raise e.InspectorWithdrawn("所选执法人员中有已撤销、不在岗或执法证不在有效期内的人员",
                                       data={"inspector_ids": bad})
    else:
        rows = [x for x in await qs.filter(status=InspectorStatus.ACTIVE, on_duty=True) if cert_valid(x)]
    return {x.id: x.org_id for x in rows}


async def assign(*, actor: StaffUser, plan_id: int, inspector_ids: list[int], seed: int | None) -> dict[str, Any]:
    """人员随机选派: every pack of businesses to check gets a random, load-balanced team (≥ 2) of inspectors of
    the businesses' own registration authority, never one on a business's recusal list. Run again after
    adding inspectors: only the businesses still without a team are matched."""
    seed = sampling.new_seed() if seed is None else seed
    async with in_transaction() as conn:
        p = await _plan_in_scope(actor, plan_id, conn, lock=True)
        nxt = _step(actor, p, PlanAction.ASSIGN)
        inspectors = await _available_inspectors(actor, p, inspector_ids, conn)
        staffed = set(await TeamMember.filter(plan_id=p.id).using_db(conn).values_list("target_id", flat=True))
        todo = [t for t in await Target.filter(plan_id=p.id, confirm=Confirm.CHECK).using_db(conn).order_by("id")
                if t.id not in staffed]
        by_pack: dict[int, list[Target]] = defaultdict(list)
        for t in todo:
            by_pack[t.pack_no].append(t)
        packs = [sampling.Pack(key=k, org_id=ts[0].org_id, business_ids=tuple(t.business_id for t in ts))
                 for k, ts in sorted(by_pack.items())]
        recusals: dict[int, set[int]] = defaultdict(set)
        for r in await Recusal.filter(business_id__in=[t.business_id for t in todo]).using_db(conn):
            recusals[r.business_id].add(r.inspector_id)
        load: dict[int, int] = defaultdict(int)
        for inspector_id in await TeamMember.filter(plan_id=p.id).using_db(conn).values_list("inspector_id",
                                                                                            flat=True):
            load[inspector_id] += 1
        result = sampling.assign(packs, inspectors, recusals, team_size=p.team_size, seed=seed, load=load)
        members = []
        for t in todo:
            team = result.teams.get(t.business_id)
            if team:
                members.extend(TeamMember(plan_id=p.id, target_id=t.id, inspector_id=i) for i in team)
        await TeamMember.bulk_create(members, batch_size=1000, using_db=conn)
        for reason in set(result.unmatched.values()):
            await Target.filter(plan_id=p.id, business_id__in=[b for b, r in result.unmatched.items() if r == reason]
                                ).using_db(conn).update(unmatched=reason)
        matched = [t.id for t in todo if t.business_id in result.teams]
        if matched:
            await Target.filter(id__in=matched).using_db(conn).update(unmatched=None)
        before = p.status
        await Plan.filter(id=p.id).using_db(conn).update(status=nxt)
        p.status = nxt
        await _event(actor, p, PlanAction.ASSIGN, before, conn,
                     payload={"seed": str(seed), "matched": len(matched), "unmatched": len(result.unmatched),
                              "inspectors": sorted(inspectors)})
    for t in todo:
        t.unmatched = result.unmatched.get(t.business_id)
    unmatched = await _target_rows([t for t in todo if t.unmatched], with_team=False)
    return {"matched": len(matched), "unmatched": unmatched, "seed": str(seed), "plan": plan_out(p, actor)}


async def teams(*, actor: StaffUser, plan_id: int) -> list[dict[str, Any]]:
    """选派结果 by inspector: businesses per inspector and the inspectors they work with."""
    _require_any(actor, *READ_PERMS)
    p = await _plan_in_scope(actor, plan_id)
    members = await TeamMember.filter(plan_id=p.id).prefetch_related("inspector")
    by_target: dict[int, set[int]] = defaultdict(set)
    info: dict[int, Inspector] = {}
    for m in members:
        by_target[m.target_id].add(m.inspector_id)
        info[m.inspector_id] = m.inspector
    out = []
    names = await _org_names({x.org_id for x in info.values()})
    for i, x in sorted(info.items()):
        mine = [t for t, team in by_target.items() if i in team]
        partners = sorted({j for t in mine for j in by_target[t]} - {i})
        out.append({"inspector_id": i, "name": x.name, "org_id": x.org_id, "org_name": names.get(x.org_id),
                    "business_count": len(mine), "partners": [{"id": j, "name": info[j].name} for j in partners]})
    return out


async def adjust(*, actor: StaffUser, plan_id: int, data: s.AdjustBody) -> dict[str, Any]:
    """抽查人员调整: the replacement takes over every business of the replaced inspector in this plan."""
    async with in_transaction() as conn:
        p = await _plan_in_scope(actor, plan_id, conn, lock=True)
        _step(actor, p, PlanAction.ADJUST)
        if data.from_inspector_id == data.to_inspector_id:
            raise e.AdjustInvalid("调整前后不能是同一人")
        members = await TeamMember.filter(plan_id=p.id, inspector_id=data.from_inspector_id).using_db(conn)
        if not members:
            raise e.InspectorNotFound("该人员在本方案中没有抽查任务")
        new = await Inspector.get_or_none(id=data.to_inspector_id).using_db(conn)
        if new is None or not await scope.in_scope(actor, new.org_id):
            raise e.InspectorNotFound("调整后人员必须已在执法人员名录库中")
        if new.status != InspectorStatus.ACTIVE or not new.on_duty or not cert_valid(new):
            raise e.InspectorWithdrawn("调整后人员已撤销、不在岗或执法证不在有效期内")
        target_ids = [m.target_id for m in members]
        targets = {t.id: t for t in await Target.filter(id__in=target_ids).using_db(conn)}
        recused = set(await Recusal.filter(inspector_id=new.id, business_id__in=[
            t.business_id for t in targets.values()]).using_db(conn).values_list("business_id", flat=True))
        already = set(await TeamMember.filter(target_id__in=target_ids, inspector_id=new.id).using_db(conn)
                      .values_list("target_id", flat=True))
        problems = []
        for t in targets.values():
            if t.org_id != new.org_id:
                problems.append({"target_id": t.id, "reason": "调整后人员不属于该主体的登记机关"})
            elif t.business_id in recused:
                problems.append({"target_id": t.id, "reason": "该主体在调整后人员的回避名单中"})
            elif t.id in already:
                problems.append({"target_id": t.id, "reason": "调整后人员已在该主体的抽查组中"})
        if problems:
            raise e.AdjustInvalid(data={"problems": problems})
        await TeamMember.filter(plan_id=p.id, inspector_id=data.from_inspector_id).using_db(conn).update(
            inspector_id=new.id)
        adj = await Adjustment.create(plan_id=p.id, from_inspector_id=data.from_inspector_id, to_inspector_id=new.id,
                                      reason=data.reason, business_count=len(target_ids), actor_id=actor.id,
                                      using_db=conn)
        await _event(actor, p, PlanAction.ADJUST, p.status, conn, comment=data.reason,
                     payload={"from": data.from_inspector_id, "to": new.id, "targets": len(target_ids)})
    return {"id": adj.id, "business_count": len(target_ids), "from_inspector_id": data.from_inspector_id,
            "to_inspector_id": new.id, "reason": data.reason}


# ================================================================ results


def result_out(r: Result | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {"method": r.method.value, "method_label": CHECK_METHOD_LABELS[r.method], "outcome": r.outcome.value,
            "outcome_label": OUTCOME_LABELS[r.outcome], "problems": r.problems, "handling": r.handling,
            "note": r.note, "checked_on": r.checked_on.isoformat(), "answers": r.answers,
            "entered_by_id": r.entered_by_id, "entered_at": r.entered_at.isoformat(),
            "reviewed_at": r.reviewed_at.isoformat() if r.reviewed_at else None, "review_comment": r.review_comment}


async def _my_inspector(actor: StaffUser) -> Inspector | None:
    return await Inspector.get_or_none(staff_id=actor.id)


async def tasks(*, actor: StaffUser, q: s.TaskQuery) -> dict[str, Any]:
    """录入: the businesses assigned to the calling inspector."""
    require(actor, Perm.INSPECTION_EXECUTE)
    me = await _my_inspector(actor)
    if me is None:
        return {"items": [], "next": None}
    qs = Target.filter(id__in=Subquery(TeamMember.filter(inspector_id=me.id).values("target_id")), confirm=Confirm.CHECK)
    if q.result_status:
        qs = qs.filter(result_status=q.result_status)
    rows, nxt = await keyset(qs, cursor=q.cursor, limit=q.limit)
    items = await _target_rows(rows)
    plans = {p.id: p for p in await Plan.filter(id__in={t.plan_id for t in rows})}
    for item in items:
        p = plans[item["plan_id"]]
        item["plan_name"] = p.name
        item["start_on"] = p.start_on.isoformat() if p.start_on else None
        item["end_on"] = p.end_on.isoformat() if p.end_on else None
        item["actions"] = result_actions(ResultStatus(item["result_status"]), {Perm.INSPECTION_EXECUTE.value})
    return {"items": items, "next": nxt}


async def get_target(*, actor: StaffUser, target_id: int) -> dict[str, Any]:
    """One drawn business with its checklist (the plan's contents) and its result: for the assigned
    inspectors and for staff of the business's authority scope who manage or review."""
    t = await Target.get_or_none(id=target_id)
    if t is None:
        raise e.TargetNotFound()
    perms = _perms(actor)
    me = await _my_inspector(actor)
    assigned = me is not None and await TeamMember.exists(target_id=t.id, inspector_id=me.id)
    if not assigned:
        _require_any(actor, *READ_PERMS)
        if not await scope.in_scope(actor, t.org_id):
            raise e.TargetNotFound()
    p = await Plan.get(id=t.plan_id)
    out = (await _target_rows([t]))[0]
    contents = await CheckContent.filter(id__in=list(p.content_ids)).order_by("sort", "id")
    out["plan_name"] = p.name
    out["contents"] = [content_out(c) for c in contents]
    out["result"] = result_out(await Result.get_or_none(target_id=t.id))
    allowed = set(result_actions(t.result_status, perms))
    if not assigned:
        allowed.discard(ResultAction.ENTER.value)
    if not await scope.in_scope(actor, t.org_id):
        allowed -= {ResultAction.PUBLISH.value, ResultAction.RETURN.value}
    out["actions"] = sorted(allowed)
    return out


def _check_answers(contents: dict[int, CheckContent], answers: list[s.Answer]) -> list[dict[str, Any]]:
    given = {a.content_id: a.value for a in answers}
    problems = []
    out = []
    for cid, c in contents.items():
        if cid not in given:
            problems.append({"content_id": cid, "message": "未填写检查结果"})
            continue
        v = given[cid]
        ok = ((c.result_type == ResultType.CHOICE and isinstance(v, str) and v in c.options)
              or (c.result_type == ResultType.NUMERIC and isinstance(v, int | float) and not isinstance(v, bool))
              or (c.result_type == ResultType.TEXT and isinstance(v, str) and bool(v.strip()))
              or (c.result_type == ResultType.BOOLEAN and isinstance(v, bool)))
        if not ok:
            expect = {ResultType.CHOICE: "应为给定选项之一", ResultType.NUMERIC: "应为数值",
                      ResultType.TEXT: "不能为空", ResultType.BOOLEAN: "应为是或否"}[c.result_type]
            problems.append({"content_id": cid, "message": expect})
            continue
        out.append({"content_id": cid, "content": c.content, "result_type": c.result_type.value, "value": v,
                    "unit": c.unit})
    extra = sorted(set(given) - set(contents))
    problems.extend({"content_id": cid, "message": "不是本方案的检查内容"} for cid in extra)
    if problems:
        raise e.AnswersInvalid(data={"problems": problems})
    return out


async def enter_result(*, actor: StaffUser, target_id: int, data: s.ResultBody) -> dict[str, Any]:
    """抽查结果录入: only an inspector assigned to the business, until the result is published."""
    require(actor, Perm.INSPECTION_EXECUTE)
    if data.outcome.value == "problem" and not data.problems.strip():
        raise errors.ValidationFailed("发现问题时请填写检查发现问题")
    if data.checked_on > today():
        raise errors.ValidationFailed("检查日期不能晚于今天")
    async with in_transaction() as conn:
        t = await Target.get_or_none(id=target_id).using_db(conn)
        me = await Inspector.get_or_none(staff_id=actor.id).using_db(conn)
        if t is None:
            raise e.TargetNotFound()
        if me is None or not await TeamMember.filter(target_id=t.id, inspector_id=me.id).using_db(conn).exists():
            raise e.NotAssigned()
        if t.confirm != Confirm.CHECK:
            raise e.ResultState("该主体已确认不检查")
        found = result_step(t.result_status, ResultAction.ENTER)
        if found is None:
            raise e.ResultState(data={"status": t.result_status.value})
        p = await Plan.get(id=t.plan_id).using_db(conn)
        contents = {c.id: c for c in await CheckContent.filter(id__in=list(p.content_ids)).using_db(conn)}
        answers = _check_answers(contents, data.answers)
        values = {"method": data.method, "outcome": data.outcome, "problems": data.problems,
                  "handling": data.handling, "note": data.note, "checked_on": data.checked_on, "answers": answers,
                  "entered_by_id": actor.id, "entered_at": now()}
        r = await Result.get_or_none(target_id=t.id).using_db(conn)
        if r is None:
            r = await Result.create(target_id=t.id, using_db=conn, **values)
        else:
            for k, v in values.items():
                setattr(r, k, v)
            await r.save(using_db=conn)
        before = t.result_status
        changed = await Target.filter(id=t.id, result_status=before).using_db(conn).update(result_status=found[0])
        if not changed:
            raise e.ResultState()
        await audit.record(actor=actor, action="inspection.result.enter", target_type="supervision_target",
                           target_id=t.id, before={"result_status": before.value},
                           after=_jsonable({k: v for k, v in values.items() if k != "entered_at"}), using_db=conn)
    return await get_target(actor=actor, target_id=target_id)


async def review_result(*, actor: StaffUser, target_id: int, data: s.ReviewBody) -> dict[str, Any]:
    """复核: publish (结果生效并公示) or return to the inspectors for changes, with a comment."""
    require(actor, Perm.INSPECTION_REVIEW)
    action = ResultAction.PUBLISH if data.decision == "publish" else ResultAction.RETURN
    if action == ResultAction.RETURN and not data.comment.strip():
        raise errors.ValidationFailed("退回修改时请填写复核意见")
    async with in_transaction() as conn:
        t = await Target.get_or_none(id=target_id).using_db(conn)
        if t is None or not await scope.in_scope(actor, t.org_id):
            raise e.TargetNotFound()
        found = result_step(t.result_status, action)
        if found is None:
            raise e.ResultState(data={"status": t.result_status.value})
        before = t.result_status
        values: dict[str, Any] = {"result_status": found[0]}
        if action == ResultAction.PUBLISH:
            values["published_at"] = now()
        changed = await Target.filter(id=t.id, result_status=before).using_db(conn).update(**values)
        if not changed:
            raise e.ResultState()
        await Result.filter(target_id=t.id).using_db(conn).update(reviewed_by_id=actor.id, reviewed_at=now(),
                                                                 review_comment=data.comment)
        await audit.record(actor=actor, action=f"inspection.result.{action.value}", target_type="supervision_target",
                           target_id=t.id, before={"result_status": before.value},
                           after={"result_status": found[0].value, "comment": data.comment}, using_db=conn)
    return await get_target(actor=actor, target_id=target_id)


def _inspected_qs(actor: StaffUser, q: s.InspectedQuery) -> Any:
    qs = _target_filters(scope.scoped(Target.filter(confirm=Confirm.CHECK), actor), q)
    if q.outcome:
        qs = qs.filter(id__in=Subquery(Result.filter(outcome=q.outcome).values("target_id")))
    return qs


async def inspected(*, actor: StaffUser, q: s.InspectedQuery) -> dict[str, Any]:
    """抽查查询: inspected businesses of the actor's scope over every plan, with their result state."""
    _require_any(actor, *READ_PERMS)
    rows, nxt = await keyset(_inspected_qs(actor, q), cursor=q.cursor, limit=q.limit)
    return {"items": await _with_results(rows), "next": nxt}


async def _with_results(rows: list[Target]) -> list[dict[str, Any]]:
    items = await _target_rows(rows)
    results = {r.target_id: r for r in await Result.filter(target_id__in=[t.id for t in rows])}
    plans = {p.id: p.name for p in await Plan.filter(id__in={t.plan_id for t in rows}).only("id", "name")}
    for item in items:
        item["plan_name"] = plans.get(item["plan_id"])
        item["result"] = result_out(results.get(item["id"]))
    return items


async def export_inspected(*, actor: StaffUser, q: s.InspectedQuery, max_rows: int) -> list[dict[str, Any]]:
    _require_any(actor, *READ_PERMS)
    return await _with_results(await _inspected_qs(actor, q).order_by("-id").limit(max_rows))


async def business_results(*, business_id: int, cursor: str | None, limit: int,
                           actor: StaffUser | None = None) -> dict[str, Any]:
    """Published inspection results of one business (its lifecycle view; the shop owner's own view)."""
    if actor is not None:
        require(actor, Perm.ENTITY_READ)
        b = await Business.get_or_none(id=business_id)
        if b is None or not await scope.in_scope(actor, b.org_id):
            raise errors.EntityNotFound()
    qs = Target.filter(business_id=business_id, result_status=ResultStatus.PUBLISHED)
    rows, nxt = await keyset(qs, cursor=cursor, limit=limit)
    items = await _with_results(rows)
    out = []
    for item in items:
        out.append({"id": item["id"], "plan_id": item["plan_id"], "plan_name": item["plan_name"],
                    "org_name": item["org_name"], "result": item["result"],
                    "published_at": next((t.published_at.isoformat() for t in rows
                                          if t.id == item["id"] and t.published_at), None)})
    return {"items": out, "next": nxt}
