"""Excel import of penalties and listings: streamed, validated row by row, inserted in batches.

Memory stays flat whatever the file size: openpyxl reads the sheet in read-only (streaming) mode,
only one batch of rows is held at a time, the failure report is written by a write-only workbook
(rows go to a temporary file), and duplicates are found per batch against the database instead of
a set of every key seen.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from openpyxl import Workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import BaseModel
from tortoise import timezone
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from getitong.common import home_events, xlsx
from getitong.core import audit, errors
from getitong.core.deps import Deps
from getitong.core.models import StoredFile
from getitong.core.pagination import keyset
from getitong.core.web import parse
from getitong.entities.models import Business
from getitong.risk import errors as risk_errors
from getitong.risk import schemas as s
from getitong.risk.config import RiskSettings
from getitong.risk.models import Listing, Penalty, RiskImport
from getitong.risk.workflow import (
    ENTITY_KIND_OF,
    IMPORT_KIND_LABELS,
    IMPORT_STATUS_LABELS,
    LISTING_KIND_LABELS,
    ImportKind,
    ImportStatus,
    ListingStatus,
    RemovalSource,
)
from getitong.staff import scope
from getitong.staff import service as staff_service
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

log = logging.getLogger("getitong.risk")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# StoredFile.content_type holds 64 characters and the xlsx type has 65: stored short, served in full.
XLSX_STORED = "application/xlsx"
REASON_HEADER = "失败原因"
ROW_HEADER = "原行号"


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    required: bool
    note: str = ""


COLUMNS: dict[ImportKind, list[Column]] = {
    ImportKind.PENALTIES: [
        Column("统一社会信用代码/注册号", "code", True, "18位统一社会信用代码，或注册号"),
        Column("主体名称", "business_name", False, "仅供核对，以代码为准"),
        Column("处罚决定书文号", "doc_no", True, "同一主体的文号不可重复"),
        Column("处罚名称", "penalty_name", False),
        Column("处罚种类", "penalty_type", True, "如：警告、罚款、没收违法所得"),
        Column("处罚依据", "basis", True, "最多2000字"),
        Column("违法行为类型", "violation_type", True, "最多2000字"),
        Column("处罚内容", "content", True, "违法事实与处罚结果，最多2000字"),
        Column("罚款金额（万元）", "fine_amount", False, "非负数，单位万元"),
        Column("没收金额（万元）", "confiscated_amount", False, "非负数，单位万元"),
        Column("处罚决定书日期", "decided_on", True, "YYYY-MM-DD"),
        Column("公示日期", "published_on", True, "YYYY-MM-DD，不早于决定日期"),
        Column("行政处罚决定机关名称", "decision_org_name", False, "本级及下级机构全称，留空为本机构"),
    ],
    ImportKind.LISTINGS: [
        Column("统一社会信用代码/注册号", "code", True, "18位统一社会信用代码，或注册号"),
        Column("主体名称", "business_name", False, "仅供核对，以代码为准"),
        Column("名单类型", "kind", True, "、".join(LISTING_KIND_LABELS.values())),
        Column("列入文号", "doc_no", True, "同一主体同一名单的文号不可重复"),
        Column("列入原因", "list_reason", True, "最多2000字"),
        Column("列入日期", "listed_on", True, "YYYY-MM-DD"),
        Column("列入决定机关名称", "list_org_name", False, "本级及下级机构全称，留空为本机构"),
        Column("移出原因", "remove_reason", False, "已移出的历史记录填写"),
        Column("移出日期", "removed_on", False, "与移出原因同时填写"),
        Column("移出决定机关名称", "remove_org_name", False, "留空为本机构"),
    ],
}
ROW_MODELS: dict[ImportKind, type[BaseModel]] = {ImportKind.PENALTIES: s.PenaltyRow,
                                                  ImportKind.LISTINGS: s.ListingRow}
TEXT_FIELDS = {"code", "business_name", "doc_no", "penalty_name", "penalty_type", "basis", "violation_type",
               "content", "decision_org_name", "kind", "list_reason", "list_org_name", "remove_reason",
               "remove_org_name"}


def _header_key(text: Any) -> str:
    return str(text or "").strip().lstrip("*＊").strip()


# ---- template ----


def template_bytes(kind: ImportKind) -> bytes:
    """The import template: starred required headers, one example row, a sheet of instructions."""
    wb = Workbook()
    ws = wb.active
    ws.title = "行政处罚信息" if kind == ImportKind.PENALTIES else "列入名单信息"
    cols = COLUMNS[kind]
    ws.append([("*" if c.required else "") + c.header for c in cols])
    for i, c in enumerate(cols, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = max(14, len(c.header) * 2 + 4)
    if kind == ImportKind.LISTINGS:
        dv = DataValidation(type="list", formula1='"' + ",".join(LISTING_KIND_LABELS.values()) + '"',
                            allow_blank=False)
        dv.error, dv.errorTitle = "请从下拉列表选择名单类型", "名单类型"
        ws.add_data_validation(dv)
        dv.add("C2:C200000")
    notes = wb.create_sheet("填写说明")
    notes.append(["列名", "是否必填", "说明"])
    for c in cols:
        notes.append([c.header, "必填" if c.required else "选填", c.note])
    notes.append([])
    notes.append(["说明", "", "同一主体已存在相同文号的记录不会重复导入，该行在失败报告中标注为“已存在”。"])
    notes.append(["说明", "", "失败报告可直接修改后重新导入（“失败原因”“原行号”两列会被忽略）。"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---- reading ----


@dataclass
class Sheet:
    header: list[str]
    columns: dict[str, int]  # field -> 0-based column index
    keep: list[int]  # column indexes copied into the failure report
    estimated_rows: int


def _open(data: bytes) -> Any:
    if not data.startswith(b"PK\x03\x04"):
        raise risk_errors.ImportFileInvalid()
    try:
        return xlsx.load_read_only(data)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise risk_errors.ImportFileInvalid() from exc


def _sheet_of(wb: Any, kind: ImportKind) -> tuple[Any, Sheet]:
    ws = wb.worksheets[0]
    first = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), None) or ()
    header = [_header_key(v) for v in first]
    columns: dict[str, int] = {}
    for col in COLUMNS[kind]:
        if col.header in header:
            columns[col.field] = header.index(col.header)
    missing = [c.header for c in COLUMNS[kind] if c.required and c.field not in columns]
    if missing:
        raise risk_errors.ImportHeaderInvalid(
            "表头与模板不一致，缺少列：" + "、".join(f"「{m}」" for m in missing) + "，请下载模板后按模板填写",
            data={"missing": missing})
    keep = [i for i, h in enumerate(header) if h not in (REASON_HEADER, ROW_HEADER)]
    estimated = max((ws.max_row or 1) - 1, 0)
    raw = ["" if v is None else str(v) for v in first]
    return ws, Sheet(header=[raw[i] for i in keep], columns=columns, keep=keep, estimated_rows=estimated)


def inspect(data: bytes, kind: ImportKind, max_rows: int) -> Sheet:
    """Check the file before a job is queued: an xlsx, the template's headers, a sane row count."""
    wb = _open(data)
    try:
        _, sheet = _sheet_of(wb, kind)
    finally:
        wb.close()
    if sheet.estimated_rows > max_rows:
        raise risk_errors.ImportTooManyRows(f"单个文件最多 {max_rows} 行数据，请拆分后导入",
                                            data={"max_rows": max_rows})
    return sheet


def _cell_text(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


@dataclass
class Parsed:
    row_no: int
    values: tuple[Any, ...]
    row: Any = None  # the validated row model
    reason: str = ""


LABELS = {kind: {c.field: c.header for c in cols} for kind, cols in COLUMNS.items()}


def validate_row(kind: ImportKind, sheet: Sheet, row_no: int, values: tuple[Any, ...]) -> Parsed:
    """Pure check of one row; the reason is Chinese and names the column."""
    raw: dict[str, Any] = {}
    for name, idx in sheet.columns.items():
        value = values[idx] if idx < len(values) else None
        if name in TEXT_FIELDS:
            value = _cell_text(value)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        raw[name] = value
    parsed = Parsed(row_no=row_no, values=values)
    try:
        parsed.row = parse(ROW_MODELS[kind], raw)
    except errors.ValidationFailed as exc:
        reasons = []
        for e in (exc.data or {}).get("errors", []):
            name = e["field"].split(".")[0]
            label = LABELS[kind].get(name, "")
            reasons.append(f"{label}{e['message']}" if label else e["message"])
        parsed.reason = "；".join(dict.fromkeys(reasons)) or "数据格式不正确"
    return parsed


def _take(rows: Iterator[tuple[int, tuple[Any, ...]]], n: int, kind: ImportKind, sheet: Sheet) -> list[Parsed]:
    out = []
    for row_no, values in rows:
        out.append(validate_row(kind, sheet, row_no, values))
        if len(out) >= n:
            break
    return out


def _data_rows(ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    for row_no, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if any(v is not None and not (isinstance(v, str) and not v.strip()) for v in values):
            yield row_no, values


# ---- failure report ----


class Report:
    """Failed rows as they were, plus 失败原因 and 原行号, streamed to a temporary file."""

    def __init__(self, directory: str, header: list[str], keep: list[int]) -> None:
        self.directory, self.header, self.keep = directory, header, keep
        self.count = 0
        self.wb: Any = None
        self.path = ""

    def add(self, failures: list[Parsed]) -> None:
        if failures and self.wb is None:
            # Created on the first failure: a clean import leaves no half-written workbook behind.
            self.wb = Workbook(write_only=True)
            self.ws = self.wb.create_sheet("失败记录")
            self.ws.append([*self.header, REASON_HEADER, ROW_HEADER])
            fd, self.path = tempfile.mkstemp(suffix=".xlsx", dir=self.directory)
            os.close(fd)
        for f in failures:
            cells = [f.values[i] if i < len(f.values) else None for i in self.keep]
            self.ws.append([*cells, f.reason, f.row_no])
            self.count += 1

    def finish(self) -> bytes | None:
        if self.wb is None:
            return None
        try:
            self.wb.save(self.path)
            with open(self.path, "rb") as fh:
                return fh.read()
        finally:
            os.unlink(self.path)


# ---- batches ----


@dataclass
class JobContext:
    job: RiskImport
    actor: StaffUser
    kind: ImportKind
    subtree: set[int]
    orgs_by_name: dict[str, Org]
    settings: RiskSettings
    batch_no: int = 0
    rows_seen: int = 0
    pending_rows: int = 0
    imported: int = 0
    failed: int = 0
    failures: list[Parsed] = field(default_factory=list)


def _fail(ctx: JobContext, p: Parsed, reason: str) -> None:
    p.reason, p.row = reason, None
    ctx.failures.append(p)


def _org_by_name(ctx: JobContext, name: str | None) -> Org | None:
    if not name:
        return ctx.actor.org
    return ctx.orgs_by_name.get(name)


async def _businesses(codes: set[str]) -> dict[str, list[Business]]:
    """Businesses by USCC and by registration number (a 注册号 may be shared by old records)."""
    usccs = [c for c in codes if len(c) == 18]
    found: dict[str, list[Business]] = {}
    if usccs:
        for b in await Business.filter(uscc__in=usccs).only("id", "uscc", "reg_no", "org_id", "region_code",
                                                             "kind"):
            found.setdefault(b.uscc, []).append(b)
    rest = [c for c in codes if c not in found]
    if rest:
        for b in await Business.filter(reg_no__in=rest).only("id", "uscc", "reg_no", "org_id", "region_code",
                                                             "kind"):
            found.setdefault(b.reg_no or "", []).append(b)
    return found


async def _commit_batch(ctx: JobContext, batch: list[Parsed]) -> None:
    ctx.batch_no += 1
    ok_rows = [p for p in batch if p.row is not None]
    ctx.failures.extend(p for p in batch if p.row is None)
    found = await _businesses({p.row.code for p in ok_rows})
    candidates: list[tuple[Parsed, Any]] = []
    first_row_of: dict[tuple[Any, ...], int] = {}
    for p in ok_rows:
        matches = found.get(p.row.code, [])
        if not matches:
            _fail(ctx, p, "未找到该统一社会信用代码或注册号对应的市场主体")
            continue
        in_scope = [b for b in matches if b.org_id in ctx.subtree]
        if not in_scope:
            _fail(ctx, p, "该主体的登记机关不在本机构数据范围内")
            continue
        if len(in_scope) > 1:
            _fail(ctx, p, "该注册号对应多个市场主体，请填写统一社会信用代码")
            continue
        business = in_scope[0]
        obj = _build(ctx, p, business)
        if obj is None:
            continue
        key = _key(obj)
        if key in first_row_of:
            _fail(ctx, p, f"与本文件第{first_row_of[key]}行重复（同一主体、相同文号）")
            continue
        first_row_of[key] = p.row_no
        candidates.append((p, obj))
    existing = await _existing(ctx.kind, [obj for _, obj in candidates])
    fresh = []
    for p, obj in candidates:
        if _key(obj) in existing:
            _fail(ctx, p, "已存在：该主体已有相同文号的记录（未重复导入）")
        else:
            fresh.append((p, obj))
    inserted = await _insert(ctx, fresh)
    ctx.imported += inserted
    ctx.rows_seen += len(batch)
    ctx.failed = ctx.rows_seen - ctx.imported


def _key(obj: Penalty | Listing) -> tuple[Any, ...]:
    if isinstance(obj, Penalty):
        return (obj.business_id, obj.doc_no)
    return (obj.business_id, obj.kind.value, obj.doc_no)


def _build(ctx: JobContext, p: Parsed, business: Business) -> Penalty | Listing | None:
    row = p.row
    common = {"business_id": business.id, "region_code": business.region_code, "org_id": business.org_id,
              "import_job_id": ctx.job.id, "created_by_id": ctx.actor.id}
    if ctx.kind == ImportKind.PENALTIES:
        org = _org_by_name(ctx, row.decision_org_name)
        if org is None:
            _fail(ctx, p, f"行政处罚决定机关「{row.decision_org_name}」不存在或不在本机构数据范围内")
            return None
        return Penalty(doc_no=row.doc_no, penalty_name=row.penalty_name, penalty_type=row.penalty_type,
                       basis=row.basis, violation_type=row.violation_type, content=row.content,
                       fine_amount=row.fine_amount, confiscated_amount=row.confiscated_amount,
                       decided_on=row.decided_on, published_on=row.published_on, decision_org_id=org.id,
                       decision_org_name=org.name, **common)
    wanted = ENTITY_KIND_OF.get(row.kind)
    if wanted is not None and business.kind.value != wanted:
        _fail(ctx, p, f"名单类型「{LISTING_KIND_LABELS[row.kind]}」与主体类型不符")
        return None
    org = _org_by_name(ctx, row.list_org_name)
    if org is None:
        _fail(ctx, p, f"列入决定机关「{row.list_org_name}」不存在或不在本机构数据范围内")
        return None
    removal: dict[str, Any] = {}
    if row.removed_on is not None:
        rorg = _org_by_name(ctx, row.remove_org_name)
        if rorg is None:
            _fail(ctx, p, f"移出决定机关「{row.remove_org_name}」不存在或不在本机构数据范围内")
            return None
        removal = {"status": ListingStatus.REMOVED, "remove_reason": row.remove_reason,
                   "removed_on": row.removed_on, "remove_org_id": rorg.id, "remove_org_name": rorg.name,
                   "removal_source": RemovalSource.IMPORT, "removed_by_id": ctx.actor.id}
    return Listing(kind=row.kind, doc_no=row.doc_no, list_reason=row.list_reason, listed_on=row.listed_on,
                   list_org_id=org.id, list_org_name=org.name, **removal, **common)


async def _existing(kind: ImportKind, objs: list[Any]) -> set[tuple[Any, ...]]:
    if not objs:
        return set()
    ids = {o.business_id for o in objs}
    docs = {o.doc_no for o in objs}
    if kind == ImportKind.PENALTIES:
        rows = await Penalty.filter(business_id__in=ids, doc_no__in=docs).values_list("business_id", "doc_no")
        return {(b, d) for b, d in rows}
    rows = await Listing.filter(business_id__in=ids, doc_no__in=docs).values_list("business_id", "kind", "doc_no")
    return {(b, k.value if hasattr(k, "value") else k, d) for b, k, d in rows}


async def _insert(ctx: JobContext, fresh: list[tuple[Parsed, Any]]) -> int:
    """One transaction per batch: rows, progress counters and an audit row commit together."""
    model = Penalty if ctx.kind == ImportKind.PENALTIES else Listing
    try:
        async with in_transaction() as conn:
            if fresh:
                await model.bulk_create([obj for _, obj in fresh], using_db=conn)
            await _progress(ctx, conn, len(fresh))
        return len(fresh)
    except IntegrityError:
        # A concurrent writer took some numbers meanwhile: fall back to row by row for this batch.
        inserted = 0
        for p, obj in fresh:
            try:
                async with in_transaction() as conn:
                    await model.bulk_create([obj], using_db=conn)
                inserted += 1
            except IntegrityError:
                _fail(ctx, p, "已存在：该主体已有相同文号的记录（未重复导入）")
        async with in_transaction() as conn:
            await _progress(ctx, conn, inserted)
        return inserted


async def _progress(ctx: JobContext, conn: Any, inserted: int) -> None:
    job = ctx.job
    job.done = ctx.rows_seen + ctx.pending_rows
    job.imported = ctx.imported + inserted
    job.failed = job.done - job.imported
    job.total = max(job.total, job.done)
    await job.save(using_db=conn, update_fields=["done", "imported", "failed", "total", "updated_at"])
    await audit.record(actor=ctx.actor, action="risk.import.batch", target_type="risk_import", target_id=job.id,
                       after={"batch": ctx.batch_no, "rows": ctx.pending_rows, "inserted": inserted},
                       using_db=conn)


# ---- jobs ----

RUNNING: set[asyncio.Task[None]] = set()


async def start_import(deps: Deps, *, actor: StaffUser, kind: ImportKind, file_name: str,
                       data: bytes) -> RiskImport:
    """Check the file and queue an import job; the rows are read later, in the background."""
    require(actor, Perm.RISK_MANAGE)
    settings = RiskSettings()
    sheet = await asyncio.to_thread(inspect, data, kind, settings.import_max_rows)
    sha = hashlib.sha256(data).hexdigest()
    await asyncio.to_thread(deps.storage.save, sha, data)
    async with in_transaction() as conn:
        stored = await StoredFile.create(sha256=sha, content_type=XLSX_STORED, size=len(data),
                                         original_name=file_name[:255], owner_type="staff", owner_id=actor.id,
                                         using_db=conn)
        job = await RiskImport.create(kind=kind, file_name=file_name[:255], source_file=stored,
                                      total=sheet.estimated_rows, org_id=actor.org_id, created_by=actor,
                                      using_db=conn)
        await audit.record(actor=actor, action="risk.import.start", target_type="risk_import", target_id=job.id,
                           after={"kind": kind.value, "file_name": file_name, "estimated_rows": sheet.estimated_rows},
                           using_db=conn)
    return job


def schedule(deps: Deps, job_id: int) -> asyncio.Task[None]:
    """Run the job on this process's loop; keep a reference so the task is not collected mid-way."""
    task = asyncio.get_running_loop().create_task(run_import(deps, job_id))
    RUNNING.add(task)
    task.add_done_callback(RUNNING.discard)
    return task


async def wait_all() -> None:
    """Await every import started by this process (tests, graceful shutdown)."""
    while RUNNING:
        await asyncio.gather(*list(RUNNING), return_exceptions=True)


async def run_import(deps: Deps, job_id: int) -> None:
    """Process one queued import to the end; any unexpected error marks the job failed, never silently."""
    job = await RiskImport.get(id=job_id).prefetch_related("source_file")
    try:
        await _run(deps, job)
    except Exception as exc:  # noqa: BLE001 - the job records the failure for the user
        log.exception("risk import %s failed", job_id)
        message = exc.message if isinstance(exc, errors.AppError) else "导入过程中发生错误，已导入的行已保存，请重新导入"
        await RiskImport.filter(id=job_id).update(status=ImportStatus.FAILED, error=message[:255],
                                                  finished_at=timezone.now())


async def _run(deps: Deps, job: RiskImport) -> None:
    settings = RiskSettings()
    actor = await staff_service.load_actor(job.created_by_id)
    job.status = ImportStatus.RUNNING
    await job.save(update_fields=["status", "updated_at"])
    org_ids = set(await scope_ids(actor))
    orgs = {o.name: o for o in await Org.filter(id__in=org_ids)}
    ctx = JobContext(job=job, actor=actor, kind=job.kind, subtree=org_ids, orgs_by_name=orgs, settings=settings)
    data = await asyncio.to_thread(deps.storage.open, job.source_file.sha256)
    wb = await asyncio.to_thread(_open, data)
    del data
    tmp_dir = deps.settings.data_dir / "tmp"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    try:
        ws, sheet = await asyncio.to_thread(_sheet_of, wb, job.kind)
        report = Report(str(tmp_dir), sheet.header, sheet.keep)
        rows = _data_rows(ws)
        while True:
            batch = await asyncio.to_thread(_take, rows, settings.import_batch_size, job.kind, sheet)
            if not batch:
                break
            ctx.pending_rows = len(batch)
            ctx.failures = []
            await _commit_batch(ctx, batch)
            ctx.failures.sort(key=lambda p: p.row_no)
            await asyncio.to_thread(report.add, ctx.failures)
        content = await asyncio.to_thread(report.finish)
    finally:
        wb.close()
    report_file = None
    if content:
        sha = hashlib.sha256(content).hexdigest()
        await asyncio.to_thread(deps.storage.save, sha, content)
        report_file = await StoredFile.create(sha256=sha, content_type=XLSX_STORED, size=len(content),
                                              original_name=f"导入失败记录_{job.id}.xlsx", owner_type="staff",
                                              owner_id=job.created_by_id)
    async with in_transaction() as conn:
        job.status = ImportStatus.DONE
        job.total = job.done = ctx.rows_seen
        job.imported, job.failed = ctx.imported, ctx.rows_seen - ctx.imported
        job.report_file = report_file
        job.finished_at = timezone.now()
        await job.save(using_db=conn)
        await audit.record(actor=actor, action="risk.import.finish", target_type="risk_import", target_id=job.id,
                           after={"total": job.total, "imported": job.imported, "failed": job.failed},
                           using_db=conn)
    if job.imported:
        await home_events.touch_all(deps.cache)  # many businesses' risk counts changed


async def scope_ids(actor: StaffUser) -> list[int]:
    from getitong.staff.models import OrgClosure

    return await OrgClosure.filter(ancestor_id=actor.org_id).values_list("descendant_id", flat=True)


async def recover_stale(stale_seconds: int) -> int:
    """Mark jobs whose process died (no progress for a while) as interrupted; rows already imported stay."""
    # In the configured zone: SQLite compares the stored text, which carries that zone's offset.
    cutoff = timezone.localtime(timezone.now() - timedelta(seconds=stale_seconds))
    return await RiskImport.filter(status__in=[ImportStatus.PENDING, ImportStatus.RUNNING],
                                   updated_at__lt=cutoff).update(
        status=ImportStatus.FAILED, error="导入被中断（服务重启），已导入的行已保存，请重新导入（已导入的行会标注为已存在）",
        finished_at=timezone.now())


# ---- job views ----


def import_out(job: RiskImport, prefix: str = "/api/v1/admin/risk-records/imports") -> dict[str, Any]:
    return {
        "id": job.id, "kind": job.kind.value, "kind_label": IMPORT_KIND_LABELS[job.kind],
        "status": job.status.value, "status_label": IMPORT_STATUS_LABELS[job.status], "file_name": job.file_name,
        "total": job.total, "done": job.done, "imported": job.imported, "failed": job.failed,
        "progress": round(job.done * 100 / job.total) if job.total else (100 if job.status == ImportStatus.DONE else 0),
        "error": job.error or None,
        "report_url": f"{prefix}/{job.id}/report" if job.report_file_id else None,
        "created_by_id": job.created_by_id, "org_id": job.org_id,
        "created_at": job.created_at.isoformat(), "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }


async def job_in_scope(*, actor: StaffUser, import_id: int) -> RiskImport:
    require(actor, Perm.RISK_MANAGE)
    job = await RiskImport.get_or_none(id=import_id)
    if job is None:
        raise risk_errors.ImportNotFound()
    await scope.ensure_in_scope(actor, job.org_id)
    return job


async def list_jobs(*, actor: StaffUser, cursor: str | None, limit: int) -> dict[str, Any]:
    require(actor, Perm.RISK_MANAGE)
    rows, nxt = await keyset(scope.scoped(RiskImport.all(), actor), cursor=cursor, limit=limit)
    return {"items": [import_out(j) for j in rows], "next": nxt}


async def report_of(deps: Deps, *, actor: StaffUser, import_id: int) -> tuple[str, bytes]:
    job = await job_in_scope(actor=actor, import_id=import_id)
    if job.report_file_id is None:
        raise risk_errors.ImportReportMissing()
    f = await StoredFile.get(id=job.report_file_id)
    return f.original_name, await asyncio.to_thread(deps.storage.open, f.sha256)
