"""信息归集 use-cases: online entry, correction and deletion of records, the per-department statistics, the
penalty mirror (a matched 行政处罚 also lives in risk.Penalty, where 风险预警 and the lifecycle read it)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from getitong.collection import errors as c_errors
from getitong.collection import fields as f
from getitong.collection import schemas as s
from getitong.collection.config import CHINA, today
from getitong.collection.matching import Outcome, Register, Subject, match_one, normalize_code
from getitong.collection.models import CollectionChange, CollectionImport, CollectionRecord
from getitong.collection.workflow import (
    CHANNEL_LABELS,
    DELETABLE_STATES,
    JOB_STATUS_LABELS,
    KIND_LABELS,
    MATCH_STATE_LABELS,
    Channel,
    JobStatus,
    Kind,
    MatchState,
)
from getitong.core import audit, db
from getitong.core.pagination import keyset
from getitong.entities.models import STATUS_LABELS, Business, Region
from getitong.risk.models import Penalty
from getitong.staff import scope
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require


def _labels(mapping: dict[Any, str]) -> list[dict[str, str]]:
    return [{"value": k.value, "label": v} for k, v in mapping.items()]


def options(*, actor: StaffUser) -> dict[str, Any]:
    require(actor, Perm.DATA_IMPORT)
    return {"kinds": _labels(KIND_LABELS), "match_states": _labels(MATCH_STATE_LABELS),
            "channels": _labels(CHANNEL_LABELS), "job_statuses": _labels(JOB_STATUS_LABELS),
            "fields": f.options()}


# ---- serialisation ----


def summary_out(r: CollectionRecord, org_name: str | None = None) -> dict[str, Any]:
    return {
        "id": r.id, "kind": r.kind.value, "kind_label": KIND_LABELS[r.kind], "subject_code": r.subject_code,
        "subject_name": r.subject_name, "business_id": r.business_id, "record_no": r.record_no, "name": r.name,
        "authority": r.authority, "match_state": r.match_state.value,
        "match_state_label": MATCH_STATE_LABELS[r.match_state], "match_note": r.match_note,
        "channel": r.channel.value, "channel_label": CHANNEL_LABELS[r.channel],
        "source_org_name": org_name if org_name is not None else r.source_org.name,
        "import_id": r.import_job_id, "provided_on": r.provided_on.isoformat(),
        "updated_at": r.updated_at.isoformat(),
    }


async def detail_out(r: CollectionRecord) -> dict[str, Any]:
    org = await Org.get(id=r.source_org_id)
    out = summary_out(r, org.name)
    b = await Business.get_or_none(id=r.business_id) if r.business_id else None
    out["fields"] = {d.name: r.fields.get(d.name) for d in f.FIELDS[r.kind] if d.name != "is_public"}
    out["is_public"] = r.is_public
    out["business"] = ({"id": b.id, "name": b.name, "uscc": b.uscc, "reg_no": b.reg_no, "status": b.status.value,
                        "status_label": STATUS_LABELS[b.status]} if b else None)
    out["changes"] = [{"at": c.at.isoformat(), "by": c.by_name, "summary": c.summary}
                      for c in await CollectionChange.filter(record_id=r.id).order_by("id")]
    return out


def snapshot(r: CollectionRecord) -> dict[str, Any]:
    return {"subject_code": r.subject_code, "subject_name": r.subject_name, "business_id": r.business_id,
            "match_state": r.match_state.value, "is_public": r.is_public, "fields": dict(r.fields)}


_SUBJECT_LABELS = {"subject_code": "统一社会信用代码/注册号", "subject_name": "主体名称", "is_public": "是否公示"}


def change_summary(kind: Kind, before: dict[str, Any], after: dict[str, Any], prefix: str = "") -> str:
    """变更信息 in words: which items changed and how the 记名 result moved."""
    changed = [label for key, label in _SUBJECT_LABELS.items() if before.get(key) != after.get(key)]
    changed += [d.label for d in f.FIELDS[kind]
                if d.name != "is_public" and before["fields"].get(d.name) != after["fields"].get(d.name)]
    if before.get("business_id") != after.get("business_id") and after.get("business_id"):
        changed.append("记名主体")
    parts = [prefix] if prefix else []
    parts.append("修改了：" + "、".join(changed) if changed else "未修改内容，重新记名")
    old, new = before["match_state"], after["match_state"]
    parts.append(f"记名结果：{MATCH_STATE_LABELS[MatchState(old)]} → {MATCH_STATE_LABELS[MatchState(new)]}"
                 if old != new else f"记名结果：{MATCH_STATE_LABELS[MatchState(new)]}")
    return "；".join(parts)


async def add_change(r: CollectionRecord, actor: StaffUser | None, before: dict[str, Any], summary: str,
                     conn: Any) -> None:
    await CollectionChange.create(record_id=r.id, by_id=actor.id if actor else None,
                                  by_name=actor.name if actor else "系统", summary=summary, before=before,
                                  after=snapshot(r), using_db=conn)


# ---- matching and the penalty mirror ----


def _set_match(r: CollectionRecord, outcome: Outcome, provider_region: str) -> None:
    b = outcome.business
    if b is not None and not r.subject_name:
        r.subject_name = b.name[:255]  # provided by code only: the list shows whom it was attached to
    r.business_id = b.id if b else None
    r.match_state = MatchState.MATCHED if b else MatchState.UNMATCHED
    r.match_note = "" if b else outcome.note[:255]
    r.region_code = b.region_code if b else provider_region


async def apply_match(r: CollectionRecord, outcome: Outcome, provider_region: str, conn: Any) -> None:
    """Set the 记名 columns from a match outcome and keep the penalty mirror in step (caller saves r)."""
    _set_match(r, outcome, provider_region)
    await sync_penalty(r, outcome.business, conn)


async def apply_matches(pairs: list[tuple[CollectionRecord, Outcome]], provider_region: str, conn: Any) -> None:
    """apply_match for a batch of an import (the caller saves the records, which may not be inserted yet): the same
    outcome, but the mirrors of matched penalties without one yet — every row of a fresh import — are looked up
    together and created with one insert instead of two or three statements per row."""
    fresh: list[tuple[CollectionRecord, dict[str, Any]]] = []
    for r, outcome in pairs:
        if r.kind == Kind.PENALTY and outcome.business is not None and r.penalty_id is None:
            _set_match(r, outcome, provider_region)
            fresh.append((r, _penalty_values(r, outcome.business)))
        else:
            await apply_match(r, outcome, provider_region, conn)
    if not fresh:
        return
    first: dict[tuple[int, str], tuple[CollectionRecord, dict[str, Any]]] = {}
    for r, v in fresh:
        first.setdefault((v["business_id"], v["doc_no"]), (r, v))
    found = await _mirrors_of(set(first), conn)
    ids = await _share(found, first, conn)
    create = {k: rv for k, rv in first.items() if k not in found}
    if create:
        ids.update(await _insert_penalties([{**v, "created_by_id": r.created_by_id} for r, v in create.values()],
                                           conn))
        # Recorded by another transaction since the look-up (another department providing the same decision at the
        # same moment): the insert left them out; the same rule as for those found.
        raced = {k for k in create if k not in ids}
        if raced:
            ids.update(await _share(await _mirrors_of(raced, conn), create, conn))
    for r, v in fresh:
        r.penalty_id = ids.get((v["business_id"], v["doc_no"]))


async def _share(mirrors: dict[tuple[int, str], Penalty],
                 given: dict[tuple[int, str], tuple[CollectionRecord, dict[str, Any]]], conn: Any) -> dict[Any, int]:
    """Of penalties already recorded, those another provider's record links are shared mirrors (as sync_penalty
    does): updated with the values given, their ids returned. The others were entered in 风险预警 itself: theirs,
    left as they are, and no mirror."""
    if not mirrors:
        return {}
    linked = set(await CollectionRecord.filter(penalty_id__in=[p.id for p in mirrors.values()]).using_db(conn)
                 .values_list("penalty_id", flat=True))
    ids = {}
    for key, p in mirrors.items():
        if p.id in linked:
            p.update_from_dict(given[key][1])
            await p.save(using_db=conn)
            ids[key] = p.id
    return ids


MIRRORS_SQL = ("SELECT p.id FROM unnest($1::bigint[], $2::varchar[]) AS k(business_id, doc_no) CROSS JOIN LATERAL "
               "(SELECT id FROM risk_penalty WHERE business_id = k.business_id AND doc_no = k.doc_no OFFSET 0) AS p")


async def _mirrors_of(keys: set[tuple[int, str]], conn: Any) -> dict[tuple[int, str], Penalty]:
    """The penalties already recorded for these (business, decision number) pairs. On PostgreSQL one index probe per
    pair (`OFFSET 0` keeps the plan from depending on the table's statistics, as in the importer's duplicate check),
    and whole rows are read only when some exist — a fresh import has none."""
    qs = Penalty.filter(business_id__in=list({k[0] for k in keys}))
    if conn.capabilities.dialect == "postgres":
        ids = await conn.execute_query_dict(MIRRORS_SQL, [[k[0] for k in keys], [k[1] for k in keys]])
        if not ids:
            return {}
        qs = Penalty.filter(id__in=[x["id"] for x in ids])
    else:
        qs = qs.filter(doc_no__in=list({k[1] for k in keys}))
    return {(p.business_id, p.doc_no): p for p in await qs.using_db(conn) if (p.business_id, p.doc_no) in keys}


async def _insert_penalties(rows: list[dict[str, Any]], conn: Any) -> dict[tuple[int, str], int]:
    """Insert new mirrors; their ids by (business, decision number), which is unique. A pair recorded meanwhile by
    another transaction is left out (ON CONFLICT DO NOTHING) instead of failing the batch."""
    made = await db.insert_many(Penalty, [Penalty(**v) for v in rows], conn, returning=("id", "business_id", "doc_no"),
                                conflict=("business_id", "doc_no"))
    if conn.capabilities.dialect != "postgres":  # read back (SQLite serialises writers: no race to leave out)
        made = await Penalty.filter(business_id__in=list({v["business_id"] for v in rows}),
                                    doc_no__in=list({v["doc_no"] for v in rows})).using_db(conn) \
            .values("id", "business_id", "doc_no")
    return {(m["business_id"], m["doc_no"]): m["id"] for m in made}


def _dec(value: Any) -> Decimal | None:
    return Decimal(str(value)) if value not in (None, "") else None


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _penalty_values(r: CollectionRecord, b: Business) -> dict[str, Any]:
    x = r.fields
    return {"business_id": b.id, "region_code": b.region_code, "org_id": b.org_id, "doc_no": r.record_no[:128],
            "penalty_name": (x.get("name") or "")[:255], "penalty_type": x.get("penalty_type") or "",
            "basis": x.get("basis") or "", "violation_type": x.get("violation_type") or "",
            "content": x.get("content") or "", "fine_amount": _dec(x.get("fine_amount")),
            "confiscated_amount": _dec(x.get("confiscated_amount")), "decided_on": _day(x["decided_on"]),
            "published_on": _day(x["published_on"]), "decision_org_id": r.source_org_id,
            "decision_org_name": (x.get("authority") or "")[:128]}


async def sync_penalty(r: CollectionRecord, b: Business | None, conn: Any) -> None:
    """A matched penalty is mirrored into risk.Penalty (one per business and decision number)."""
    if r.kind != Kind.PENALTY:
        return
    if b is None:
        if r.penalty_id is not None:
            old, r.penalty_id = r.penalty_id, None
            await _drop_mirror(old, r.id, conn)
        return
    values = _penalty_values(r, b)
    # The same decision of the same business may already be recorded. Recorded by another provider's record: the
    # mirror is shared. Recorded in 风险预警 itself (no record links it): it is theirs, left as it is.
    old = r.penalty_id
    p = await Penalty.filter(business_id=b.id, doc_no=values["doc_no"]).using_db(conn).first()
    if p is not None and p.id != old and not await CollectionRecord.filter(penalty_id=p.id).using_db(conn).exists():
        r.penalty_id = None
        if old is not None:
            await _drop_mirror(old, r.id, conn)
        return
    if p is None and old is not None and not await CollectionRecord.filter(penalty_id=old).exclude(id=r.id) \
            .using_db(conn).exists():
        # Only this record's mirror follows its new number or business; one shared with another provider's record
        # stays as it is for that record.
        p = await Penalty.get_or_none(id=old).using_db(conn)
    if p is None:
        p = await Penalty.create(using_db=conn, created_by_id=r.created_by_id, **values)
    else:
        p.update_from_dict(values)
        await p.save(using_db=conn)
    r.penalty_id = p.id
    if old is not None and old != p.id:
        await _drop_mirror(old, r.id, conn)


async def _drop_mirror(penalty_id: int, record_id: int | None, conn: Any) -> None:
    others = CollectionRecord.filter(penalty_id=penalty_id)
    if record_id is not None:
        others = others.exclude(id=record_id)
    if not await others.using_db(conn).exists():
        await Penalty.filter(id=penalty_id).using_db(conn).delete()


# ---- online entry, correction, deletion ----


async def _provider(actor: StaffUser) -> Org:
    return await Org.get(id=actor.org_id)


MAX_ID = 2**63 - 1


async def record_in_scope(actor: StaffUser, record_id: int, conn: Any = None) -> CollectionRecord:
    """The record if the actor's department provided it (else 404). Inside a transaction (conn) the row is locked,
    so a correction and an import's 记名 of the same row never interleave."""
    if not 0 < record_id <= MAX_ID:
        raise c_errors.RecordNotFound()
    qs = CollectionRecord.filter(id=record_id)
    if conn is not None:
        qs = qs.select_for_update()
    r = await qs.using_db(conn).first()
    if r is None or not await scope.in_scope(actor, r.source_org_id):
        raise c_errors.RecordNotFound()
    return r


async def refuse_while_importing(r: CollectionRecord, conn: Any, message: str | None = None) -> None:
    """A row of an import that is still queued or running belongs to the import until it ends: a later row of the
    same file may still update it (and a row left 处理中 is the import's to finish)."""
    if r.import_job_id is not None and await CollectionImport.filter(
            id=r.import_job_id, status__in=[JobStatus.PENDING, JobStatus.RUNNING]).using_db(conn).exists():
        raise c_errors.RecordPending(message, data={"import_id": r.import_job_id})


def dedup_lock_key(org_id: int, kind: Kind) -> int:
    digest = hashlib.blake2b(f"collection:{org_id}:{kind.value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


async def lock_dedup(conn: Any, org_id: int, kind: Kind) -> None:
    """Serialise the duplicate check (same department, kind, number, subject) of concurrent writers until the
    transaction ends: two imports of the same file, or an import and an online entry, never store a record twice.
    PostgreSQL: a transaction-level advisory lock; SQLite serialises write transactions by itself."""
    if conn.capabilities.dialect == "postgres":
        await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [dedup_lock_key(org_id, kind)])


async def _business(business_id: int) -> Business:
    b = await Business.get_or_none(id=business_id)
    if b is None:
        raise c_errors.BusinessNotFound(data={"business_id": business_id})
    return b


def _public(value: bool | None, fields: dict[str, Any], default: bool) -> bool:
    if value is not None:
        return value
    if fields.get("is_public") not in (None, ""):
        try:
            return f.to_bool(fields["is_public"])
        except ValueError as exc:
            raise c_errors.FieldsInvalid("是否公示应为“是”或“否”", data={"errors": [
                {"field": "is_public", "label": "是否公示", "message": "是否公示应为“是”或“否”"}]}) from exc
    return default


async def find_duplicate(org_id: int, kind: Kind, record_no: str, code: str, exclude: int | None = None,
                         conn: Any = None) -> CollectionRecord | None:
    """Same provider, kind, number and subject code: the same record provided again."""
    if not record_no:
        return None
    qs = CollectionRecord.filter(source_org_id=org_id, kind=kind, record_no=record_no, subject_code=code)
    if exclude is not None:
        qs = qs.exclude(id=exclude)
    return await qs.using_db(conn).order_by("id").first()


async def create_record(*, actor: StaffUser, data: s.RecordCreate) -> tuple[dict[str, Any], bool]:
    """在线录入. Returns (detail, created); a duplicate updates the record already provided."""
    require(actor, Perm.DATA_IMPORT)
    fields = f.validate_fields(data.kind, data.fields)
    is_public = _public(data.is_public, data.fields, True)
    if data.business_id is not None:
        b = await _business(data.business_id)
        code, name, outcome = b.uscc, b.name, Outcome(b, "")
    else:
        code, name = normalize_code(data.subject_code), (data.subject_name or "").strip()
        if not code and not name:
            raise c_errors.SubjectRequired()
        outcome = await match_one(code, name)
    cols = f.columns_of(data.kind, fields)
    org = await _provider(actor)
    async with in_transaction() as conn:
        await lock_dedup(conn, org.id, data.kind)
        r = await find_duplicate(org.id, data.kind, cols["record_no"], code, conn=conn)
        created = r is None
        if r is None:
            r = CollectionRecord(kind=data.kind, channel=Channel.ONLINE, source_org_id=org.id, provided_on=today(),
                                 created_by_id=actor.id)
            before = None
        else:
            await refuse_while_importing(r, conn, "同一文号、同一主体的记录正在随批量导入处理中，请等导入完成后再提交")
            before = snapshot(r)
        r.subject_code, r.subject_name, r.fields, r.is_public = code, name, fields, is_public
        r.record_no, r.name, r.authority = cols["record_no"], cols["name"], cols["authority"]
        await apply_match(r, outcome, org.region_code, conn)
        await r.save(using_db=conn)
        if before is not None:
            await add_change(r, actor, before, change_summary(r.kind, before, snapshot(r),
                                                              "重复提交（同一文号、同一主体），已更新原记录"), conn)
        await audit.record(actor=actor, action="collection.record.create" if created else "collection.record.update",
                           target_type="collection_record", target_id=r.id, before=before, after=snapshot(r),
                           using_db=conn)
    out = await detail_out(r)
    out["updated_existing"] = not created
    return out, created


async def update_record(*, actor: StaffUser, record_id: int, data: s.RecordUpdate) -> dict[str, Any]:
    """Correct a record (本部门问题数据处理): fields merged and checked again, then 记名 again; a change row."""
    require(actor, Perm.DATA_IMPORT)
    changes = data.model_dump(exclude_unset=True)
    r = await record_in_scope(actor, record_id)
    fields = r.fields
    if changes.get("fields") is not None:
        fields = f.validate_fields(r.kind, {**r.fields, **changes["fields"]})
    is_public = _public(changes.get("is_public"), changes.get("fields") or {}, r.is_public)
    if changes.get("business_id") is not None:
        b = await _business(changes["business_id"])
        code, name, outcome = b.uscc, b.name, Outcome(b, "")
    else:
        code = normalize_code(changes["subject_code"]) if "subject_code" in changes else r.subject_code
        name = (changes.get("subject_name") or "").strip() if "subject_name" in changes else r.subject_name
        if not code and not name:
            raise c_errors.SubjectRequired()
        outcome = await match_one(code, name)
    cols = f.columns_of(r.kind, fields)
    org = await Org.get(id=r.source_org_id)
    try:
        async with in_transaction() as conn:
            await lock_dedup(conn, r.source_org_id, r.kind)
            r = await record_in_scope(actor, record_id, conn)
            await refuse_while_importing(r, conn)
            if await find_duplicate(r.source_org_id, r.kind, cols["record_no"], code, exclude=r.id, conn=conn):
                raise c_errors.RecordDuplicate(data={"record_no": cols["record_no"], "subject_code": code})
            before = snapshot(r)
            r.subject_code, r.subject_name, r.fields, r.is_public = code, name, fields, is_public
            r.record_no, r.name, r.authority = cols["record_no"], cols["name"], cols["authority"]
            await apply_match(r, outcome, org.region_code, conn)
            await r.save(using_db=conn)
            await add_change(r, actor, before, change_summary(r.kind, before, snapshot(r)), conn)
            await audit.record(actor=actor, action="collection.record.update", target_type="collection_record",
                               target_id=r.id, before=before, after=snapshot(r), using_db=conn)
    except IntegrityError as exc:
        raise c_errors.RecordDuplicate() from exc
    return await detail_out(r)


async def delete_record(*, actor: StaffUser, record_id: int) -> None:
    """Only problem data (记名不成功, or 处理中 left behind) may be deleted; 记名成功 stays."""
    require(actor, Perm.DATA_IMPORT)
    found = await record_in_scope(actor, record_id)
    async with in_transaction() as conn:
        await lock_dedup(conn, found.source_org_id, found.kind)  # not while an import is about to update it
        r = await record_in_scope(actor, record_id, conn)
        await refuse_while_importing(r, conn)
        if r.match_state not in DELETABLE_STATES:
            raise c_errors.RecordMatched()
        before = snapshot(r)
        if r.penalty_id is not None:
            await _drop_mirror(r.penalty_id, r.id, conn)
        await r.delete(using_db=conn)
        await audit.record(actor=actor, action="collection.record.delete", target_type="collection_record",
                           target_id=record_id, before=before, using_db=conn)


REMATCH_BATCH = 500
REMATCH_MAX = 5000


async def rematch(*, actor: StaffUser, data: s.RematchRequest) -> dict[str, Any]:
    """重新记名: the department's 记名不成功 records are matched against the register again (businesses registered
    or corrected since). At most REMATCH_MAX records per call, oldest first; `remaining` says how many are left
    unchecked. A record that now matches gets a change row; the others keep their note (refreshed)."""
    require(actor, Perm.DATA_IMPORT)
    qs = scope.scoped(CollectionRecord.filter(match_state=MatchState.UNMATCHED), actor, field="source_org_id")
    if data.kind is not None:
        qs = qs.filter(kind=data.kind)
    regions: dict[int, str] = {}  # provider org → its region (where an unmatched record is counted)
    checked = matched = penalties = 0
    last = 0
    while checked < REMATCH_MAX:
        ids = await qs.filter(id__gt=last).order_by("id").limit(min(REMATCH_BATCH, REMATCH_MAX - checked)) \
            .values_list("id", flat=True)
        if not ids:
            break
        last = ids[-1]
        rows = await CollectionRecord.filter(id__in=ids)
        register = await Register.load([Subject(r.subject_code, r.subject_name) for r in rows])
        async with in_transaction() as conn:
            # Locked and read again: a record corrected meanwhile (already matched again, or another subject than
            # the register was loaded for) is left as the correction made it.
            locked = {x.id: x for x in await CollectionRecord.filter(id__in=ids, match_state=MatchState.UNMATCHED)
                      .select_for_update().using_db(conn)}
            for read in rows:
                r = locked.get(read.id)
                if r is None or (r.subject_code, r.subject_name) != (read.subject_code, read.subject_name):
                    continue
                checked += 1
                outcome = register.match(Subject(r.subject_code, r.subject_name))
                before = snapshot(r)
                if r.source_org_id not in regions:
                    regions[r.source_org_id] = (await Org.get(id=r.source_org_id).using_db(conn)).region_code
                provider_region = regions[r.source_org_id]
                await apply_match(r, outcome, provider_region, conn)
                await r.save(using_db=conn, update_fields=["business_id", "match_state", "match_note", "region_code",
                                                           "penalty_id", "subject_name", "updated_at"])
                if outcome.business is not None:
                    matched += 1
                    penalties += r.kind == Kind.PENALTY
                    await add_change(r, actor, before, change_summary(r.kind, before, snapshot(r), "重新记名"), conn)
        if len(ids) < REMATCH_BATCH:
            break
    remaining = await qs.filter(id__gt=last).count() if checked >= REMATCH_MAX else 0
    if matched:
        await audit.record(actor=actor, action="collection.record.rematch", target_type="org",
                           target_id=actor.org_id, after={"checked": checked, "matched": matched,
                                                  "kind": data.kind.value if data.kind else None})
    return {"checked": checked, "matched": matched, "unmatched": checked - matched, "remaining": remaining,
            "penalties_matched": penalties}


async def get_record(*, actor: StaffUser, record_id: int) -> dict[str, Any]:
    require(actor, Perm.DATA_IMPORT)
    return await detail_out(await record_in_scope(actor, record_id))


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=CHINA)


async def list_records(*, actor: StaffUser, q: s.RecordQuery) -> dict[str, Any]:
    require(actor, Perm.DATA_IMPORT)
    qs = scope.scoped(CollectionRecord.all(), actor, field="source_org_id")
    for name in ("kind", "match_state", "channel", "business_id"):
        value = getattr(q, name)
        if value is not None:
            qs = qs.filter(**{name: value})
    if q.import_id is not None:
        qs = qs.filter(import_job_id=q.import_id)
    if q.q and q.q.strip():
        text = q.q.strip()
        qs = qs.filter(Q(subject_name__icontains=text) | Q(subject_code__icontains=normalize_code(text) or text))
    if q.record_no and q.record_no.strip():
        qs = qs.filter(record_no__icontains=q.record_no.strip())
    if q.authority and q.authority.strip():
        qs = qs.filter(authority__icontains=q.authority.strip())
    if q.updated_from:
        qs = qs.filter(updated_at__gte=_start_of(q.updated_from))
    if q.updated_to:
        qs = qs.filter(updated_at__lt=_start_of(q.updated_to + timedelta(days=1)))
    rows, nxt = await keyset(qs.select_related("source_org"), cursor=q.cursor, limit=q.limit)
    return {"items": [summary_out(r) for r in rows], "next_cursor": nxt, "next": nxt}


# ---- statistics (seed 004 §四.2) ----

STATES = ("total", "matched", "unmatched", "pending")
STATE_LABELS = {"total": "合计", **{k.value: v for k, v in MATCH_STATE_LABELS.items()}}


def _province_of(regions: dict[str, Region], code: str) -> Region | None:
    r = regions.get(code)
    seen = 0
    while r is not None and r.parent_code and seen < 10:
        r, seen = regions.get(r.parent_code), seen + 1
    return r


async def stats(*, actor: StaffUser, year: int) -> dict[str, Any]:
    """The actor's department's provided records: kinds × states × (this year, cumulative) × cities. A record
    counts in the city of its matched business, or of its provider while unmatched or pending."""
    require(actor, Perm.DATA_IMPORT)
    regions = {r.code: r for r in await Region.all()}
    org = await _provider(actor)
    province = _province_of(regions, org.region_code)
    cities = sorted((r for r in regions.values() if province and r.parent_code == province.code),
                    key=lambda r: r.code)
    city_codes = {c.code for c in cities}

    def city_of(code: str) -> str | None:
        r, seen = regions.get(code), 0
        while r is not None and r.code not in city_codes and r.parent_code and seen < 10:
            r, seen = regions.get(r.parent_code), seen + 1
        return r.code if r is not None and r.code in city_codes else None

    end = date(year, 12, 31)
    base = scope.scoped(CollectionRecord.filter(provided_on__lte=end), actor, field="source_org_id")
    grouped = {}
    for period, qs in (("cumulative", base), ("year", base.filter(provided_on__gte=date(year, 1, 1)))):
        grouped[period] = await (qs.annotate(n=Count("id")).group_by("kind", "match_state", "region_code")
                                 .values("kind", "match_state", "region_code", "n"))

    def cell() -> dict[str, int]:
        return {"year": 0, "cumulative": 0}

    table = {(k.value, st): {"total": cell(), "by_city": {c: cell() for c in city_codes}}
             for k in Kind for st in STATES}
    provided = {"total": cell(), "by_city": {c: cell() for c in city_codes}}
    def add(period: str, kind: str, state: str, region_code: str, n: int) -> None:
        city = city_of(region_code)
        for target in (table[(kind, state)], table[(kind, "total")], provided):
            target["total"][period] += n
            if city:
                target["by_city"][city][period] += n

    for period, rows in grouped.items():
        for row in rows:
            add(period, str(getattr(row["kind"], "value", row["kind"])),
                str(getattr(row["match_state"], "value", row["match_state"])), row["region_code"] or "", int(row["n"]))
    # 处理中 also holds the rows of imports still queued or running that are not processed yet (an import 记名 and
    # stores each batch at once): provided today, counted in the provider's city until their batch is done.
    if year >= today().year:
        jobs = await (scope.scoped(CollectionImport.filter(status__in=[JobStatus.PENDING, JobStatus.RUNNING]), actor)
                      .values("kind", "total", "done", "org__region_code"))
        for job in jobs:
            waiting = max(int(job["total"]) - int(job["done"]), 0)
            kind = str(getattr(job["kind"], "value", job["kind"]))
            for period in ("cumulative", "year") if year == today().year else ("cumulative",):
                add(period, kind, MatchState.PENDING.value, job["org__region_code"] or "", waiting)
    return {
        "year": year,
        "cities": [{"region_code": c.code, "name": c.name} for c in cities],
        "provided": provided,
        "rows": [{"kind": k.value, "kind_label": KIND_LABELS[k], "state": st, "state_label": STATE_LABELS[st],
                  **table[(k.value, st)]} for k in Kind for st in STATES],
    }
