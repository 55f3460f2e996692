"""双告知 use-cases: telling a registration to the departments its scope concerns; departments receiving and
answering; market-supervision staff keeping the rules and watching the notices of their org subtree."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from getitong.core import audit, errors
from getitong.core.pagination import keyset
from getitong.entities.models import Business
from getitong.notices import errors as e
from getitong.notices import schemas as s
from getitong.notices.config import notice_settings
from getitong.notices.models import Department, DepartmentMember, Notice, NoticeRule
from getitong.notices.workflow import (
    APPLICATION_LABELS,
    RESULT_LABELS,
    STATUS_COLORS,
    STATUS_LABELS,
    ApplicationType,
    FeedbackResult,
    NoticeAction,
    NoticeStatus,
    next_status,
)
from getitong.staff import scope
from getitong.staff.models import Org, OrgClosure, StaffUser
from getitong.staff.permissions import Perm, Role, permissions_of
from getitong.staff.service import require

SHANGHAI = ZoneInfo("Asia/Shanghai")


def now() -> datetime:
    """The clock of the 3-day flag; tests patch it."""
    return datetime.now(UTC)


def _d(v: date | None) -> str | None:
    return v.isoformat() if v else None


def _t(v: datetime | None) -> str | None:
    return v.astimezone(SHANGHAI).isoformat() if v else None


def _overdue(n: Notice, at: datetime) -> bool:
    return n.status == NoticeStatus.UNRECEIVED and at - n.created_at > timedelta(
        days=notice_settings().receive_warn_days)


def notice_out(n: Notice, at: datetime) -> dict[str, Any]:
    status = NoticeStatus(n.status)
    return {
        "id": n.id, "business": {"id": n.business_id, "name": n.business_name, "uscc": n.uscc, "kind": n.kind,
                                 "address": n.address, "established_on": _d(n.established_on)},
        "scope": n.scope, "approved_on": _d(n.approved_on), "application_type": n.application_type.value,
        "application_type_label": APPLICATION_LABELS[ApplicationType(n.application_type)],
        "item": n.item, "keywords": n.keywords,
        "department": {"id": n.department_id, "name": n.department.name},
        "status": status.value, "status_label": STATUS_LABELS[status], "color": STATUS_COLORS[status],
        "unreceived_too_long": _overdue(n, at), "created_at": _t(n.created_at),
        "received_at": _t(n.received_at), "received_by": n.received_by,
        "feedback": None if n.result is None else {
            "result": n.result.value, "result_label": RESULT_LABELS[FeedbackResult(n.result)],
            "cert_no": n.cert_no, "cert_name": n.cert_name, "issuing_authority": n.issuing_authority,
            "issued_on": _d(n.issued_on), "valid_from": _d(n.valid_from), "valid_to": _d(n.valid_to),
            "long_term": n.result == FeedbackResult.ISSUED and n.valid_to is None,
            "permit_content": n.permit_content, "remark": n.remark, "answered_at": _t(n.answered_at),
            "answered_by": n.answered_by},
    }


# ----------------------------------------------------------------------------- telling

async def notify(*, business: Business, scope_text: str, application_type: ApplicationType, approved_on: date,
                 using_db: Any = None) -> list[Notice]:
    """Create the notices a registration (or change) needs: every rule whose keyword is in the scope and whose
    department covers the business's registration org. Idempotent for the same approval."""
    covering = Subquery(OrgClosure.filter(descendant_id=business.org_id).values("ancestor_id"))
    rules = await NoticeRule.filter(department__org_id__in=covering).select_related("department").using_db(using_db)
    wanted: dict[tuple[int, str], list[str]] = {}
    for rule in rules:
        if rule.keyword in scope_text:
            wanted.setdefault((rule.department_id, rule.item), []).append(rule.keyword)
    if not wanted:
        return []
    existing = set(await Notice.filter(business_id=business.id, application_type=application_type,
                                       approved_on=approved_on).using_db(using_db)
                   .values_list("department_id", "item"))
    at = now()
    created = []
    for (dept_id, item), keywords in sorted(wanted.items()):
        if (dept_id, item) in existing:
            continue
        created.append(await Notice.create(
            business_id=business.id, org_id=business.org_id, department_id=dept_id, business_name=business.name,
            uscc=business.uscc, kind=business.kind.value, address=business.address, scope=scope_text,
            established_on=business.established_on, approved_on=approved_on, application_type=application_type,
            item=item, keywords=sorted(set(keywords)), created_at=at, using_db=using_db))
    return created


async def notify_by_staff(*, actor: StaffUser, data: s.NotifyIn) -> dict[str, Any]:
    """A change registration (or one made outside this system) told by hand."""
    require(actor, Perm.NOTICE_MANAGE)
    business = await Business.get_or_none(id=data.business_id)
    if business is None or not await scope.in_scope(actor, business.org_id):
        raise e.BusinessNotFound()
    approved_on = data.approved_on or now().astimezone(SHANGHAI).date()
    async with in_transaction() as conn:
        created = await notify(business=business, scope_text=data.scope, application_type=data.application_type,
                               approved_on=approved_on, using_db=conn)
        await audit.record(actor=actor, action="notice.notify", target_type="business", target_id=business.id,
                           after={"notices": [n.id for n in created]}, using_db=conn)
    at = now()
    rows = await Notice.filter(id__in=[n.id for n in created]).select_related("department").order_by("id")
    return {"created": len(rows), "items": [notice_out(n, at) for n in rows]}


# ----------------------------------------------------------------------------- departments and rules

def _dept_out(d: Department, org_name: str = "") -> dict[str, Any]:
    return {"id": d.id, "name": d.name, "org_id": d.org_id, "org_name": org_name}


async def _members(dept_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {d: [] for d in dept_ids}
    for m in await DepartmentMember.filter(department_id__in=dept_ids).select_related("staff").order_by("id"):
        out[m.department_id].append({"id": m.staff_id, "username": m.staff.username, "name": m.staff.name})
    return out


async def list_departments(*, actor: StaffUser) -> dict[str, Any]:
    """The departments of the actor's subtree with their liaisons."""
    require(actor, Perm.NOTICE_MANAGE)
    rows = await scope.scoped(Department.all(), actor).order_by("org_id", "id")
    names = {o.id: o.name for o in await Org.filter(id__in={d.org_id for d in rows})}
    members = await _members([d.id for d in rows])
    return {"items": [_dept_out(d, names.get(d.org_id, "")) | {"members": members[d.id]} for d in rows]}


async def create_department(*, actor: StaffUser, data: s.DepartmentIn) -> dict[str, Any]:
    require(actor, Perm.NOTICE_MANAGE)
    await scope.ensure_in_scope(actor, data.org_id)
    org = await Org.get(id=data.org_id)
    if await Department.exists(org_id=org.id, name=data.name.strip()):
        raise e.DepartmentTaken()
    async with in_transaction() as conn:
        d = await Department.create(name=data.name.strip(), org_id=org.id, using_db=conn)
        await audit.record(actor=actor, action="notice.department.create", target_type="notice_department",
                           target_id=d.id, after={"name": d.name, "org_id": org.id}, using_db=conn)
    return _dept_out(d, org.name)


async def _dept_in_scope(actor: StaffUser, department_id: int) -> Department:
    d = await Department.get_or_none(id=department_id)
    if d is None or not await scope.in_scope(actor, d.org_id):
        raise e.DepartmentNotFound()
    return d


async def add_member(*, actor: StaffUser, department_id: int, username: str) -> dict[str, Any]:
    require(actor, Perm.NOTICE_MANAGE)
    d = await _dept_in_scope(actor, department_id)
    staff = await StaffUser.get_or_none(username=username.strip())
    if (staff is None or Role.DEPARTMENT_LIAISON.value not in staff.roles
            or not await scope.in_scope(actor, staff.org_id)):
        raise e.MemberInvalid()
    async with in_transaction() as conn:
        if not await DepartmentMember.filter(department_id=d.id, staff_id=staff.id).using_db(conn).exists():
            await DepartmentMember.create(department_id=d.id, staff_id=staff.id, using_db=conn)
        await audit.record(actor=actor, action="notice.department.member", target_type="notice_department",
                           target_id=d.id, after={"staff_id": staff.id}, using_db=conn)
    org = await Org.get(id=d.org_id)
    return _dept_out(d, org.name) | {"members": (await _members([d.id]))[d.id]}


def _rule_out(r: NoticeRule) -> dict[str, Any]:
    return {"id": r.id, "keyword": r.keyword, "item": r.item,
            "department": {"id": r.department_id, "name": r.department.name}}


async def list_rules(*, actor: StaffUser) -> dict[str, Any]:
    require(actor, Perm.NOTICE_MANAGE)
    rows = await NoticeRule.filter(department__org_id__in=scope.subtree(actor.org_id)).select_related(
        "department").order_by("keyword", "id")
    return {"items": [_rule_out(r) for r in rows]}


async def create_rule(*, actor: StaffUser, data: s.RuleIn) -> dict[str, Any]:
    require(actor, Perm.NOTICE_MANAGE)
    d = await _dept_in_scope(actor, data.department_id)
    keyword, item = data.keyword.strip(), data.item.strip()
    if await NoticeRule.exists(keyword=keyword, item=item, department_id=d.id):
        raise e.RuleTaken()
    async with in_transaction() as conn:
        r = await NoticeRule.create(keyword=keyword, item=item, department_id=d.id, using_db=conn)
        await audit.record(actor=actor, action="notice.rule.create", target_type="notice_rule", target_id=r.id,
                           after={"keyword": keyword, "item": item, "department_id": d.id}, using_db=conn)
    r.department = d
    return _rule_out(r)


async def delete_rule(*, actor: StaffUser, rule_id: int) -> None:
    require(actor, Perm.NOTICE_MANAGE)
    r = await NoticeRule.get_or_none(id=rule_id).select_related("department")
    if r is None or not await scope.in_scope(actor, r.department.org_id):
        raise e.NoticeNotFound("规则不存在")
    async with in_transaction() as conn:
        await NoticeRule.filter(id=r.id).using_db(conn).delete()
        await audit.record(actor=actor, action="notice.rule.delete", target_type="notice_rule", target_id=r.id,
                           before=_rule_out(r), using_db=conn)


# ----------------------------------------------------------------------------- lists

def _filtered(qs: Any, q: s.NoticeQuery, at: datetime) -> Any:
    if q.status:
        qs = qs.filter(status=q.status)
    if q.q:
        text = q.q.strip()
        qs = qs.filter(Q(business_name__icontains=text) | Q(uscc=text.upper()))
    if q.item:
        qs = qs.filter(item__icontains=q.item.strip())
    if q.department_id:
        qs = qs.filter(department_id=q.department_id)
    if q.overdue:
        # Shanghai time: SQLite keeps datetimes as +08:00 text and compares them as text.
        limit = (at - timedelta(days=notice_settings().receive_warn_days)).astimezone(SHANGHAI)
        qs = qs.filter(status=NoticeStatus.UNRECEIVED, created_at__lt=limit)
    return qs


async def _page(qs: Any, q: s.NoticeQuery, at: datetime) -> dict[str, Any]:
    rows, nxt = await keyset(qs.select_related("department"), cursor=q.cursor, limit=q.limit)
    return {"items": [notice_out(n, at) for n in rows], "next": nxt}


async def query(*, actor: StaffUser, q: s.NoticeQuery) -> dict[str, Any]:
    """告知查询: every notice of businesses registered in the actor's org subtree, coloured by state."""
    require(actor, Perm.NOTICE_MANAGE)
    at = now()
    return await _page(_filtered(scope.scoped(Notice.all(), actor), q, at), q, at)


async def staff_detail(*, actor: StaffUser, notice_id: int) -> dict[str, Any]:
    """One notice: for market-supervision staff of the business's org subtree, or a member of its department."""
    perms = permissions_of(actor.roles)
    if not perms & {Perm.NOTICE_MANAGE.value, Perm.NOTICE_RECEIVE.value}:
        raise errors.Forbidden(data={"permission": Perm.NOTICE_MANAGE.value})
    n = await Notice.get_or_none(id=notice_id).select_related("department")
    visible = n is not None and (
        (Perm.NOTICE_MANAGE.value in perms and await scope.in_scope(actor, n.org_id))
        or (Perm.NOTICE_RECEIVE.value in perms and n.department_id in await _my_departments(actor)))
    if not visible:
        raise e.NoticeNotFound()
    return notice_out(n, now())


# ----------------------------------------------------------------------------- the departments' side

async def _my_departments(actor: StaffUser) -> list[int]:
    return list(await DepartmentMember.filter(staff_id=actor.id).values_list("department_id", flat=True))


async def _receiver(actor: StaffUser) -> list[int]:
    require(actor, Perm.NOTICE_RECEIVE)
    depts = await _my_departments(actor)
    if not depts:
        raise e.NotAMember()
    return depts


async def inbox(*, actor: StaffUser, q: s.NoticeQuery) -> dict[str, Any]:
    """告知接收 / 告知反馈: the notices addressed to the actor's departments."""
    depts = await _receiver(actor)
    at = now()
    counts = {st.value: await Notice.filter(department_id__in=depts, status=st).count() for st in NoticeStatus}
    page = await _page(_filtered(Notice.filter(department_id__in=depts), q, at), q, at)
    return page | {"counts": counts}


async def receive(*, actor: StaffUser, ids: list[int]) -> dict[str, Any]:
    """Receive one or many notices: all of them or none (each must be the actor's department's, 未接收)."""
    depts = await _receiver(actor)
    wanted = sorted(set(ids))
    at = now()
    async with in_transaction() as conn:
        rows = await Notice.filter(id__in=wanted, department_id__in=depts).using_db(conn)
        missing = sorted(set(wanted) - {n.id for n in rows})
        if missing:
            raise e.NoticeNotFound(data={"ids": missing})
        busy = sorted(n.id for n in rows if n.status != NoticeStatus.UNRECEIVED)
        if busy:
            raise e.NoticeActionNotAllowed("所选告知中有已接收的，请刷新后重试", data={"ids": busy})
        for n in rows:
            next_status(n.status, NoticeAction.RECEIVE)
        changed = await Notice.filter(id__in=wanted, status=NoticeStatus.UNRECEIVED).using_db(conn).update(
            status=NoticeStatus.RECEIVED, received_at=at, received_by=actor.name)
        if changed != len(wanted):
            raise e.NoticeActionNotAllowed("所选告知已被他人接收，请刷新后重试")
        await audit.record(actor=actor, action="notice.receive", target_type="notice", target_id=wanted[0],
                           after={"ids": wanted}, using_db=conn)
    return {"received": len(wanted), "ids": wanted}


async def answer(*, actor: StaffUser, notice_id: int, data: s.AnswerIn) -> dict[str, Any]:
    """告知反馈: the department's answer (已发证 with the certificate, 不予发证, 非本级发证 …)."""
    depts = await _receiver(actor)
    if data.result is FeedbackResult.ISSUED and not (data.cert_no.strip() and data.cert_name.strip()
                                                      and data.issued_on):
        raise e.CertificateRequired()
    at = now()
    async with in_transaction() as conn:
        n = await Notice.get_or_none(id=notice_id, department_id__in=depts).using_db(conn)
        if n is None:
            raise e.NoticeNotFound()
        target = next_status(n.status, NoticeAction.ANSWER)
        values = data.model_dump()
        changed = await Notice.filter(id=n.id, status=NoticeStatus.RECEIVED).using_db(conn).update(
            status=target, answered_at=at, answered_by=actor.name, **values)
        if not changed:
            raise e.NoticeActionNotAllowed("告知已被他人反馈，请刷新后重试")
        await audit.record(actor=actor, action="notice.answer", target_type="notice", target_id=n.id,
                           after={k: str(v) for k, v in values.items() if v not in (None, "")}, using_db=conn)
    return notice_out(await Notice.get(id=notice_id).select_related("department"), at)


EXPORT_HEADER = ["主体名称", "统一社会信用代码", "经营范围", "住所", "成立日期", "核准日期", "申请类型", "后置审批事项",
                 "告知部门", "状态", "接收日期"]


async def export(*, actor: StaffUser, status: NoticeStatus, fmt: str) -> tuple[str, str, bytes]:
    """What the department received (or any state), as Excel or XML: (file name, content type, bytes)."""
    depts = await _receiver(actor)
    rows = await Notice.filter(department_id__in=depts, status=status).select_related("department").order_by(
        "-id").limit(notice_settings().export_max_rows)
    at = now()
    items = [notice_out(n, at) for n in rows]
    if fmt == "xml":
        return "双告知.xml", "application/xml", await asyncio.to_thread(_xml, items)
    return ("双告知.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            await asyncio.to_thread(_xlsx, items))


def _line(i: dict[str, Any]) -> list[Any]:
    b = i["business"]
    return [b["name"], b["uscc"], i["scope"], b["address"], b["established_on"] or "", i["approved_on"],
            i["application_type_label"], i["item"], i["department"]["name"], i["status_label"],
            (i["received_at"] or "")[:10]]


def _xlsx(items: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("双告知")
    ws.append(EXPORT_HEADER)
    for i in items:
        ws.append(_line(i))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xml(items: list[dict[str, Any]]) -> bytes:
    root = ET.Element("notices", {"count": str(len(items))})
    for i in items:
        el = ET.SubElement(root, "notice", {"id": str(i["id"]), "status": i["status"]})
        b = i["business"]
        for tag, value in (("name", b["name"]), ("uscc", b["uscc"]), ("kind", b["kind"]), ("scope", i["scope"]),
                           ("address", b["address"]), ("established_on", b["established_on"] or ""),
                           ("approved_on", i["approved_on"]), ("application_type", i["application_type"]),
                           ("item", i["item"]), ("department", i["department"]["name"]),
                           ("received_at", i["received_at"] or "")):
            ET.SubElement(el, tag).text = value
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
