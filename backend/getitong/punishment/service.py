"""联合惩戒 use-cases. Managers (punishment:manage) keep the catalog and publish matters within their org subtree;
department liaisons (notice:receive, members of a notices.Department) see what is addressed to their department,
report what they did, and receive the serious-violation / abnormal lists of their area."""

from __future__ import annotations

import asyncio
import io
from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any
from xml.etree import ElementTree as ET

from tortoise.expressions import Q, Subquery
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from getitong.common.excel import read_uscc_column
from getitong.core import audit
from getitong.core.pagination import keyset
from getitong.entities import uscc as uscc_codes
from getitong.entities.models import Business
from getitong.notices import errors as notice_errors
from getitong.notices.models import Department, DepartmentMember
from getitong.punishment import errors as e
from getitong.punishment import schemas as s
from getitong.punishment.models import CatalogEntry, Feedback, ListDownload, Matter, MatterEntry, MatterSubject
from getitong.punishment.schemas import CATEGORY_LABELS, Category
from getitong.risk.models import Listing
from getitong.risk.workflow import LISTING_KIND_LABELS, LISTING_STATUS_LABELS, ListingKind
from getitong.staff import scope
from getitong.staff.models import StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

LIST_KINDS = {"serious_violation": [ListingKind.SERIOUS_VIOLATION],
              "abnormal": [ListingKind.ENTERPRISE_ABNORMAL, ListingKind.INDIVIDUAL_ABNORMAL,
                           ListingKind.COOPERATIVE_ABNORMAL]}


def now() -> datetime:
    return datetime.now(UTC)


def _entry_out(x: CatalogEntry) -> dict[str, Any]:
    return {"id": x.id, "name": x.name, "proposing_org": x.proposing_org, "basis": x.basis, "measures": x.measures,
            "department": {"id": x.department_id, "name": x.department.name}}


# ----------------------------------------------------------------------------- catalog

async def list_entries(*, actor: StaffUser) -> dict[str, Any]:
    require(actor, Perm.PUNISHMENT_MANAGE)
    rows = await scope.scoped(CatalogEntry.all(), actor).select_related("department").order_by("id")
    return {"items": [_entry_out(x) for x in rows]}


async def create_entry(*, actor: StaffUser, data: s.EntryIn) -> dict[str, Any]:
    require(actor, Perm.PUNISHMENT_MANAGE)
    dept = await Department.get_or_none(id=data.department_id)
    if dept is None or not await scope.in_scope(actor, dept.org_id):
        raise notice_errors.DepartmentNotFound()
    if await CatalogEntry.exists(name=data.name.strip(), department_id=dept.id):
        raise e.EntryTaken()
    async with in_transaction() as conn:
        x = await CatalogEntry.create(org_id=actor.org_id, name=data.name.strip(), proposing_org=data.proposing_org,
                                      department_id=dept.id, basis=data.basis, measures=data.measures, using_db=conn)
        await audit.record(actor=actor, action="punishment.entry.create", target_type="punishment_catalog",
                           target_id=x.id, after=data.model_dump(), using_db=conn)
    x.department = dept
    return _entry_out(x)


async def delete_entry(*, actor: StaffUser, entry_id: int) -> None:
    require(actor, Perm.PUNISHMENT_MANAGE)
    x = await CatalogEntry.get_or_none(id=entry_id).select_related("department")
    if x is None or not await scope.in_scope(actor, x.org_id):
        raise e.EntryNotFound()
    if await MatterEntry.exists(entry_id=x.id):
        raise e.EntryInUse()
    async with in_transaction() as conn:
        await CatalogEntry.filter(id=x.id).using_db(conn).delete()
        await audit.record(actor=actor, action="punishment.entry.delete", target_type="punishment_catalog",
                           target_id=x.id, before=_entry_out(x), using_db=conn)


# ----------------------------------------------------------------------------- matters

async def parse_subjects(*, actor: StaffUser, data: bytes) -> dict[str, Any]:
    """惩戒主体 from an uploaded workbook (a USCC column): the businesses found in scope and the rows that are not."""
    require(actor, Perm.PUNISHMENT_MANAGE)
    rows = await asyncio.to_thread(read_uscc_column, data, 1000, invalid=e.ExcelInvalid,
                                   no_column=e.ExcelNoUsccColumn, too_many=e.ExcelTooManyRows)
    codes = {uscc_codes.normalize(text): number for number, text in rows if uscc_codes.is_valid(
        uscc_codes.normalize(text))}
    found = {b.uscc: b for b in await scope.scoped(Business.filter(uscc__in=list(codes)), actor)}
    failed = []
    for number, text in rows:
        code = uscc_codes.normalize(text)
        if not uscc_codes.is_valid(code):
            failed.append({"row": number, "value": text, "reason": "统一社会信用代码格式或校验位错误"})
        elif code not in found:
            failed.append({"row": number, "value": text, "reason": "登记库中无此主体，或不在您的数据范围内"})
    return {"items": [_business_out(b) for b in found.values()], "failed": failed}


def _business_out(b: Business) -> dict[str, Any]:
    return {"id": b.id, "name": b.name, "uscc": b.uscc, "operator_name": b.operator_name,
            "established_on": b.established_on.isoformat() if b.established_on else None, "address": b.address}


async def departments(*, actor: StaffUser) -> dict[str, Any]:
    """The punishing departments (惩戒机关) a catalog entry may name: those of the actor's subtree."""
    require(actor, Perm.PUNISHMENT_MANAGE)
    rows = await scope.scoped(Department.all(), actor).order_by("org_id", "id").select_related("org")
    return {"items": [{"id": d.id, "name": d.name, "org": {"id": d.org_id, "name": d.org.name}} for d in rows]}


async def publish(*, actor: StaffUser, data: s.MatterIn) -> dict[str, Any]:
    """惩戒事项发布: the subjects (in scope), the catalog entries; each entry's department is told."""
    require(actor, Perm.PUNISHMENT_MANAGE)
    _check_dates(data.decision_date, data.expected_on)
    ids = sorted(set(data.business_ids))
    businesses = await scope.scoped(Business.filter(id__in=ids), actor).order_by("id")
    if len(businesses) != len(ids):
        raise e.SubjectsInvalid(data={"business_ids": sorted(set(ids) - {b.id for b in businesses})})
    entry_ids = sorted(set(data.entry_ids))
    entries = await scope.scoped(CatalogEntry.filter(id__in=entry_ids), actor)
    if len(entries) != len(entry_ids):
        raise e.EntryNotFound(data={"entry_ids": sorted(set(entry_ids) - {x.id for x in entries})})
    async with in_transaction() as conn:
        m = await Matter.create(org_id=actor.org_id, category=data.category.value, decision_no=data.decision_no,
                                decision_org=data.decision_org, decision_date=data.decision_date,
                                expected_on=data.expected_on, requirements=data.requirements, published_at=now(),
                                published_by=actor.name, created_by_id=actor.id, using_db=conn)
        await MatterSubject.bulk_create([MatterSubject(matter_id=m.id, business_id=b.id, name=b.name, uscc=b.uscc,
                                                       operator_name=b.operator_name) for b in businesses],
                                        using_db=conn)
        await MatterEntry.bulk_create([MatterEntry(matter_id=m.id, entry_id=x.id, department_id=x.department_id)
                                       for x in entries], using_db=conn)
        await audit.record(actor=actor, action="punishment.publish", target_type="punishment_matter", target_id=m.id,
                           after={"business_ids": ids, "entry_ids": entry_ids, "decision_no": data.decision_no},
                           using_db=conn)
    return await _matter_detail(m.id)


async def _matter_detail(matter_id: int, *, departments: list[int] | None = None) -> dict[str, Any]:
    m = await Matter.get(id=matter_id)
    subjects = await MatterSubject.filter(matter_id=m.id).order_by("id")
    links = await MatterEntry.filter(matter_id=m.id).select_related("entry", "department").order_by("id")
    feedback = Feedback.filter(matter_id=m.id).select_related("entry", "department").order_by("implemented_on", "id")
    if departments is not None:
        links = [x for x in links if x.department_id in departments]
        feedback = feedback.filter(department_id__in=departments)
    return {
        "id": m.id, "category": m.category, "category_label": CATEGORY_LABELS[Category(m.category)],
        "decision_no": m.decision_no, "decision_org": m.decision_org, "decision_date": m.decision_date.isoformat(),
        "expected_on": m.expected_on.isoformat() if m.expected_on else None, "requirements": m.requirements,
        "published_at": m.published_at.isoformat(), "published_by": m.published_by,
        "subjects": [{"business_id": x.business_id, "name": x.name, "uscc": x.uscc,
                      "operator_name": x.operator_name} for x in subjects],
        "entries": [{"id": x.entry_id, "name": x.entry.name, "proposing_org": x.entry.proposing_org,
                     "basis": x.entry.basis, "measures": x.entry.measures,
                     "department": {"id": x.department_id, "name": x.department.name}} for x in links],
        "feedback": [{"id": f.id, "business_id": f.business_id, "entry_id": f.entry_id, "entry": f.entry.name,
                      "department_id": f.department_id, "department": f.department.name,
                      "implemented_on": f.implemented_on.isoformat(), "measure": f.measure, "note": f.note,
                      "by": f.by_name} for f in await feedback],
    }


def _matter_q(q: s.MatterQuery) -> Q:
    parts = Q()
    if q.category:
        parts &= Q(category=q.category.value)
    if q.q:
        text = q.q.strip()
        # A text longer than a code cannot be one (and the column's validator would refuse it as a lookup value).
        by_code = Q(uscc=text.upper()) if len(text) <= 18 else Q(id__lt=0)
        named = Subquery(MatterSubject.filter(Q(name__contains=text) | by_code).values("matter_id"))
        parts &= Q(id__in=named) | Q(decision_no=text)
    return parts


async def _page(qs: Any, q: s.MatterQuery, departments: list[int] | None = None) -> dict[str, Any]:
    rows, nxt = await keyset(qs.filter(_matter_q(q)), cursor=q.cursor, limit=q.limit)
    return {"items": [await _matter_detail(m.id, departments=departments) for m in rows], "next": nxt}


async def list_matters(*, actor: StaffUser, q: s.MatterQuery) -> dict[str, Any]:
    """惩戒清单查询 / 惩戒事项管理: the matters published in the actor's subtree with subjects, entries, feedback."""
    require(actor, Perm.PUNISHMENT_MANAGE)
    return await _page(scope.scoped(Matter.all(), actor), q)


async def matter(*, actor: StaffUser, matter_id: int) -> dict[str, Any]:
    require(actor, Perm.PUNISHMENT_MANAGE)
    m = await Matter.get_or_none(id=matter_id)
    if m is None or not await scope.in_scope(actor, m.org_id):
        raise e.MatterNotFound()
    return await _matter_detail(m.id)


async def _managed(actor: StaffUser, matter_id: int) -> Matter:
    require(actor, Perm.PUNISHMENT_MANAGE)
    m = await Matter.get_or_none(id=matter_id)
    if m is None or not await scope.in_scope(actor, m.org_id):
        raise e.MatterNotFound()
    return m


_DECISION_FIELDS = ("decision_no", "decision_org", "decision_date", "expected_on", "requirements")


def _check_dates(decided: date, expected: date | None) -> None:
    """期望执行时间 is on or after the day the punishment was decided."""
    if expected is not None and expected < decided:
        raise e.ExpectedBeforeDecision(data={"decision_date": decided.isoformat(), "expected_on": expected.isoformat()})


def _decision(m: Matter) -> dict[str, Any]:
    values = {k: getattr(m, k) for k in _DECISION_FIELDS}
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in values.items()}


async def update_matter(*, actor: StaffUser, matter_id: int, data: s.MatterPatch) -> dict[str, Any]:
    """修改惩戒事项: decision fields, subjects and entries (full new sets). A subject or an entry that already has
    feedback cannot be removed; the departments of added entries find the matter in their inbox."""
    m = await _managed(actor, matter_id)
    given = data.model_fields_set
    fields = {k: getattr(data, k) for k in _DECISION_FIELDS if k in given}
    _check_dates(fields.get("decision_date") or m.decision_date, fields.get("expected_on", m.expected_on))
    add_b: list[int] = []
    add_e: list[int] = []
    businesses: list[Business] = []
    entries: list[CatalogEntry] = []
    if data.business_ids is not None:
        have = set(await MatterSubject.filter(matter_id=m.id).values_list("business_id", flat=True))
        add_b = sorted(set(data.business_ids) - have)
        businesses = await scope.scoped(Business.filter(id__in=add_b), actor) if add_b else []
        if len(businesses) != len(add_b):
            raise e.SubjectsInvalid(data={"business_ids": sorted(set(add_b) - {b.id for b in businesses})})
    if data.entry_ids is not None:
        have = set(await MatterEntry.filter(matter_id=m.id).values_list("entry_id", flat=True))
        add_e = sorted(set(data.entry_ids) - have)
        entries = await scope.scoped(CatalogEntry.filter(id__in=add_e), actor) if add_e else []
        if len(entries) != len(add_e):
            raise e.EntryNotFound(data={"entry_ids": sorted(set(add_e) - {x.id for x in entries})})
    async with in_transaction() as conn:
        # The matter's row lock orders this edit after (or before) any feedback being written for it.
        locked = await Matter.select_for_update().using_db(conn).get_or_none(id=m.id)
        if locked is None:
            raise e.MatterNotFound()
        subjects = set(await MatterSubject.filter(matter_id=m.id).using_db(conn).values_list("business_id", flat=True))
        links = set(await MatterEntry.filter(matter_id=m.id).using_db(conn).values_list("entry_id", flat=True))
        drop_b = sorted(subjects - set(data.business_ids)) if data.business_ids is not None else []
        drop_e = sorted(links - set(data.entry_ids)) if data.entry_ids is not None else []
        if drop_b:
            used = await Feedback.filter(matter_id=m.id, business_id__in=drop_b).using_db(conn).values_list(
                "business_id", flat=True)
            if used:
                raise e.SubjectHasFeedback(data={"business_ids": sorted(set(used))})
        if drop_e:
            used = await Feedback.filter(matter_id=m.id, entry_id__in=drop_e).using_db(conn).values_list(
                "entry_id", flat=True)
            if used:
                raise e.EntryHasFeedback(data={"entry_ids": sorted(set(used))})
        before = _decision(locked)
        if fields:
            await Matter.filter(id=m.id).using_db(conn).update(**fields)
        if drop_b:
            await MatterSubject.filter(matter_id=m.id, business_id__in=drop_b).using_db(conn).delete()
        if drop_e:
            await MatterEntry.filter(matter_id=m.id, entry_id__in=drop_e).using_db(conn).delete()
        new_b = [b for b in businesses if b.id not in subjects]
        new_e = [x for x in entries if x.id not in links]
        if new_b:
            await MatterSubject.bulk_create([MatterSubject(matter_id=m.id, business_id=b.id, name=b.name, uscc=b.uscc,
                                                           operator_name=b.operator_name) for b in new_b],
                                            using_db=conn)
        if new_e:
            await MatterEntry.bulk_create([MatterEntry(matter_id=m.id, entry_id=x.id, department_id=x.department_id)
                                           for x in new_e], using_db=conn)
        changed = {k: v for k, v in data.model_dump(mode="json", include=set(fields)).items() if before[k] != v}
        if changed or new_b or new_e or drop_b or drop_e:
            await audit.record(
                actor=actor, action="punishment.update", target_type="punishment_matter", target_id=m.id,
                before={**{k: before[k] for k in changed}, "removed_business_ids": drop_b, "removed_entry_ids": drop_e},
                after={**changed, "added_business_ids": [b.id for b in new_b], "added_entry_ids": [x.id for x in new_e]},
                using_db=conn)
    return await _matter_detail(m.id)


async def delete_matter(*, actor: StaffUser, matter_id: int) -> None:
    """删除惩戒事项: only while no department has reported feedback on it."""
    m = await _managed(actor, matter_id)
    async with in_transaction() as conn:
        if await Matter.select_for_update().using_db(conn).get_or_none(id=m.id) is None:
            raise e.MatterNotFound()
        n = await Feedback.filter(matter_id=m.id).using_db(conn).count()
        if n:
            raise e.MatterHasFeedback(data={"feedback": n})
        business_ids = await MatterSubject.filter(matter_id=m.id).using_db(conn).order_by("id").values_list(
            "business_id", flat=True)
        entry_ids = await MatterEntry.filter(matter_id=m.id).using_db(conn).order_by("id").values_list(
            "entry_id", flat=True)
        await MatterSubject.filter(matter_id=m.id).using_db(conn).delete()
        await MatterEntry.filter(matter_id=m.id).using_db(conn).delete()
        await Matter.filter(id=m.id).using_db(conn).delete()
        await audit.record(actor=actor, action="punishment.delete", target_type="punishment_matter", target_id=m.id,
                           before={**_decision(m), "category": m.category, "business_ids": sorted(business_ids),
                                   "entry_ids": sorted(entry_ids)}, using_db=conn)


EXPORT_LIMIT = 5000
_EXPORT_HEADER = ["事项编号", "惩戒类别", "做出惩戒决定文号", "做出惩戒决定机关", "做出惩戒决定日期", "期望执行时间",
                  "补充要求", "惩戒发布日期", "发起人员", "主体名称", "统一社会信用代码/注册号", "经营者", "惩戒目录",
                  "惩戒机关", "惩戒依据", "惩戒措施", "反馈次数"]


async def _export_rows(matter_ids: list[int], departments: list[int] | None = None) -> list[list[Any]]:
    """One row per (matter, subject): the matter's fields, its entries (a department's only, when given) and the
    number of feedback reports on that subject. Loaded in batches, not matter by matter."""
    out: list[list[Any]] = []
    for start in range(0, len(matter_ids), 500):
        batch = matter_ids[start:start + 500]
        matters = {m.id: m for m in await Matter.filter(id__in=batch)}
        subjects: dict[int, list[MatterSubject]] = defaultdict(list)
        for x in await MatterSubject.filter(matter_id__in=batch).order_by("id"):
            subjects[x.matter_id].append(x)
        links_qs = MatterEntry.filter(matter_id__in=batch)
        fb_qs = Feedback.filter(matter_id__in=batch)
        if departments is not None:
            links_qs = links_qs.filter(department_id__in=departments)
            fb_qs = fb_qs.filter(department_id__in=departments)
        links: dict[int, list[MatterEntry]] = defaultdict(list)
        for x in await links_qs.select_related("entry", "department").order_by("id"):
            links[x.matter_id].append(x)
        counts = {(r["matter_id"], r["business_id"]): int(r["n"]) for r in await fb_qs.annotate(n=Count("id"))
                  .group_by("matter_id", "business_id").values("matter_id", "business_id", "n")}
        for mid in batch:
            m = matters.get(mid)
            if m is None:
                continue
            ls = links[mid]
            entry_cols = ["；".join(x.entry.name for x in ls), "；".join(x.department.name for x in ls),
                          "；".join(x.entry.basis for x in ls), "；".join(x.entry.measures for x in ls)]
            head = [m.id, CATEGORY_LABELS[Category(m.category)], m.decision_no, m.decision_org,
                    m.decision_date.isoformat(), m.expected_on.isoformat() if m.expected_on else "", m.requirements,
                    m.published_at.date().isoformat(), m.published_by]
            for x in subjects[mid]:
                out.append([*head, x.name, x.uscc, x.operator_name, *entry_cols, counts.get((mid, x.business_id), 0)])
    return out


async def _workbook(title: str, rows: list[list[Any]]) -> bytes:
    def build() -> bytes:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        wb = Workbook(write_only=True)
        ws = wb.create_sheet(title)
        ws.append(_EXPORT_HEADER)
        for row in rows:
            cells = []
            for v in row:
                if isinstance(v, str) and v.startswith(("=", "+", "-", "@")):
                    c = WriteOnlyCell(ws, value=v)
                    c.data_type = "s"  # text as typed, never a formula
                    cells.append(c)
                else:
                    cells.append(v)
            ws.append(cells)
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()

    return await asyncio.to_thread(build)


async def export_matters(*, actor: StaffUser, q: s.MatterExportQuery) -> bytes:
    """惩戒事项管理 导出: the selected matters (all must be the actor's), else those matching the list filters."""
    require(actor, Perm.PUNISHMENT_MANAGE)
    qs = scope.scoped(Matter.all(), actor)
    if q.ids:
        ids = q.id_list()
        found = set(await qs.filter(id__in=ids).values_list("id", flat=True))
        if len(found) != len(ids):
            raise e.MatterNotFound(data={"ids": sorted(set(ids) - found)})
        matter_ids = sorted(found, reverse=True)
    else:
        matter_ids = list(await qs.filter(_matter_q(s.MatterQuery(category=q.category, q=q.q)))
                          .order_by("-id").limit(EXPORT_LIMIT).values_list("id", flat=True))
    return await _workbook("惩戒事项", await _export_rows(matter_ids))


async def stats(*, actor: StaffUser, year: int) -> dict[str, Any]:
    """惩戒实施反馈统计: feedback counts of a year per category and per catalog entry, in the actor's subtree."""
    require(actor, Perm.PUNISHMENT_MANAGE)
    rows = await (Feedback.filter(matter_id__in=Subquery(scope.scoped(Matter.all(), actor).values("id")),
                                  implemented_on__gte=f"{year}-01-01", implemented_on__lte=f"{year}-12-31")
                  .annotate(n=Count("id")).group_by("matter__category", "entry__name")
                  .values("matter__category", "entry__name", "n"))
    by_category: dict[str, int] = defaultdict(int)
    for r in rows:
        by_category[r["matter__category"]] += int(r["n"])
    return {"year": year, "total": sum(by_category.values()),
            "by_category": [{"category": c.value, "label": CATEGORY_LABELS[c], "count": by_category.get(c.value, 0)}
                            for c in Category],
            "by_entry": sorted(({"entry": r["entry__name"], "category": r["matter__category"], "count": int(r["n"])}
                                for r in rows), key=lambda x: -x["count"])}


# ----------------------------------------------------------------------------- the departments' side

async def _departments(actor: StaffUser) -> list[int]:
    require(actor, Perm.NOTICE_RECEIVE)
    depts = list(await DepartmentMember.filter(staff_id=actor.id).values_list("department_id", flat=True))
    if not depts:
        raise notice_errors.NotAMember()
    return depts


async def inbox(*, actor: StaffUser, q: s.MatterQuery) -> dict[str, Any]:
    """联合惩戒信息 received: matters whose catalog entries name the actor's department."""
    depts = await _departments(actor)
    mine = Subquery(MatterEntry.filter(department_id__in=depts).values("matter_id"))
    return await _page(Matter.filter(id__in=mine), q, departments=depts)


async def feedback(*, actor: StaffUser, matter_id: int, data: s.FeedbackIn) -> dict[str, Any]:
    """惩戒实施反馈 by the department the entry names, for a subject of the matter."""
    depts = await _departments(actor)
    link = await MatterEntry.get_or_none(matter_id=matter_id, entry_id=data.entry_id, department_id__in=depts)
    subject = await MatterSubject.exists(matter_id=matter_id, business_id=data.business_id)
    if not await Matter.exists(id=matter_id, id__in=Subquery(
            MatterEntry.filter(department_id__in=depts).values("matter_id"))):
        raise e.MatterNotFound()
    if link is None or not subject:
        raise e.NotAddressed()
    async with in_transaction() as conn:
        # Serialised with 修改/删除 of the matter (they lock its row and look for feedback).
        if await Matter.select_for_update().using_db(conn).get_or_none(id=matter_id) is None or not await \
                MatterEntry.filter(id=link.id).using_db(conn).exists() or not await MatterSubject.filter(
                    matter_id=matter_id, business_id=data.business_id).using_db(conn).exists():
            raise e.NotAddressed()
        f = await Feedback.create(matter_id=matter_id, entry_id=data.entry_id, business_id=data.business_id,
                                  department_id=link.department_id, implemented_on=data.implemented_on,
                                  measure=data.measure, note=data.note, by_name=actor.name, using_db=conn)
        await audit.record(actor=actor, action="punishment.feedback", target_type="punishment_matter",
                           target_id=matter_id, after={"feedback_id": f.id, **data.model_dump(mode="json")},
                           using_db=conn)
    return await _matter_detail(matter_id, departments=depts)


async def inbox_export(*, actor: StaffUser, q: s.InboxExportQuery) -> bytes:
    """批量下载 xml / excel: the department's matters matching the inbox filters."""
    depts = await _departments(actor)
    mine = Subquery(MatterEntry.filter(department_id__in=depts).values("matter_id"))
    ids = list(await Matter.filter(id__in=mine).filter(_matter_q(s.MatterQuery(category=q.category, q=q.q)))
               .order_by("-id").limit(2000).values_list("id", flat=True))
    if q.format == "xlsx":
        return await _workbook("联合惩戒", await _export_rows(ids, departments=depts))
    return await _inbox_xml(ids, depts)


async def _inbox_xml(ids: list[int], depts: list[int]) -> bytes:
    """The department's matters and subjects as XML (批量下载 xml)."""
    matters = [await _matter_detail(mid, departments=depts) for mid in ids]

    def build() -> bytes:
        root = ET.Element("punishments", {"count": str(len(matters))})
        for m in matters:
            el = ET.SubElement(root, "matter", {"id": str(m["id"]), "category": m["category"]})
            for tag in ("decision_no", "decision_org", "decision_date", "expected_on", "requirements"):
                ET.SubElement(el, tag).text = m[tag] or ""
            for x in m["subjects"]:
                ET.SubElement(el, "subject", {"uscc": x["uscc"]}).text = x["name"]
            for x in m["entries"]:
                ET.SubElement(el, "entry", {"basis": x["basis"]}).text = x["name"]
        return ET.tostring(root, encoding="utf-8", xml_declaration=True)

    return await asyncio.to_thread(build)


async def _department_orgs(depts: list[int]) -> list[int]:
    return list(await Department.filter(id__in=depts).values_list("org_id", flat=True))


def _in_areas(qs: Any, org_ids: list[int]) -> Any:
    area = Q()
    for org_id in org_ids:
        area |= Q(org_id__in=scope.subtree(org_id))
    return qs.filter(area)


async def received_lists(*, actor: StaffUser, q: s.ListQuery) -> dict[str, Any]:
    """严重违法失信企业名单 / 经营异常名录 as the department receives them (its org's area), with 下载状态."""
    depts = await _departments(actor)
    qs = _in_areas(Listing.filter(kind__in=LIST_KINDS[q.kind]), await _department_orgs(depts))
    done = Subquery(ListDownload.filter(department_id__in=depts).values("listing_id"))
    if q.downloaded is True:
        qs = qs.filter(id__in=done)
    elif q.downloaded is False:
        qs = qs.exclude(id__in=done)
    if q.q:
        text = q.q.strip()
        by_code = Q(uscc=text.upper()) if len(text) <= 18 else Q(id__lt=0)
        qs = qs.filter(business_id__in=Subquery(Business.filter(Q(name__contains=text) | by_code).values("id")))
    rows, nxt = await keyset(qs.select_related("business"), cursor=q.cursor, limit=q.limit)
    downloaded = set(await ListDownload.filter(department_id__in=depts, listing_id__in=[x.id for x in rows])
                     .values_list("listing_id", flat=True))
    return {"items": [_listing_out(x, x.id in downloaded) for x in rows], "next": nxt}


def _listing_out(x: Listing, downloaded: bool) -> dict[str, Any]:
    b = x.business
    return {"id": x.id, "business": {"id": b.id, "name": b.name, "uscc": b.uscc,
                                     "established_on": b.established_on.isoformat() if b.established_on else None},
            "kind": x.kind.value, "kind_label": LISTING_KIND_LABELS[x.kind], "doc_no": x.doc_no,
            "listed_on": x.listed_on.isoformat(), "list_reason": x.list_reason, "list_org_name": x.list_org_name,
            "status_label": LISTING_STATUS_LABELS[x.status], "downloaded": downloaded,
            "download_label": "已下载" if downloaded else "未下载"}


async def download_lists(*, actor: StaffUser, data: s.ListDownloadIn) -> bytes:
    """Download the selected listings (Excel) and mark them 已下载 for the actor's departments."""
    depts = await _departments(actor)
    qs = _in_areas(Listing.filter(id__in=data.ids, kind__in=LIST_KINDS[data.kind]), await _department_orgs(depts))
    rows = await qs.select_related("business").order_by("id")
    if len(rows) != len(set(data.ids)):
        raise e.NotAddressed("所选记录不在本部门接收范围内", data={"ids": sorted(set(data.ids) - {x.id for x in rows})})
    at = now()
    async with in_transaction() as conn:
        have = set(await ListDownload.filter(department_id__in=depts, listing_id__in=[x.id for x in rows])
                   .using_db(conn).values_list("department_id", "listing_id"))
        await ListDownload.bulk_create([ListDownload(department_id=d, listing_id=x.id, downloaded_at=at)
                                        for d in depts for x in rows if (d, x.id) not in have], using_db=conn)

    def build() -> bytes:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("名单")
        ws.append(["企业名称", "统一社会信用代码/注册号", "成立日期", "列入文号", "列入日期", "列入原因", "列入机关", "状态"])
        for x in rows:
            o = _listing_out(x, True)
            ws.append([o["business"]["name"], o["business"]["uscc"], o["business"]["established_on"] or "",
                       o["doc_no"], o["listed_on"], o["list_reason"], o["list_org_name"], o["status_label"]])
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()

    return await asyncio.to_thread(build)
