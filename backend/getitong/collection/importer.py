"""Excel and XML import of collected records: streamed, validated row by row, and in batches of 500 记名 and
stored with their state in one transaction each (the next batch is read in a thread meanwhile); a failure report
lists rows refused by validation and rows stored but 记名不成功.

Memory stays flat: openpyxl reads in read-only mode, XML is read with iterparse (each <record> cleared once
read), one batch is held at a time and the report is written by a write-only workbook (rows go to a temp file).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import io
import logging
import re
import unicodedata
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from tortoise import timezone
from tortoise.transactions import in_transaction

from getitong.collection import errors as c_errors
from getitong.collection import fields as f
from getitong.collection import service
from getitong.collection.config import CollectionSettings, today
from getitong.collection.matching import LOSSY, Register, Subject, lossy_number, normalize_code
from getitong.collection.models import CollectionImport, CollectionRecord
from getitong.collection.workflow import (
    CHANNEL_LABELS,
    JOB_STATUS_LABELS,
    KIND_LABELS,
    Channel,
    JobStatus,
    Kind,
    MatchState,
)
from getitong.common import home_events, xlsx
from getitong.core import audit, db, errors
from getitong.core.deps import Deps
from getitong.core.models import StoredFile
from getitong.core.pagination import keyset
from getitong.core.web import XLSX
from getitong.staff import scope
from getitong.staff import service as staff_service
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

log = logging.getLogger("getitong.collection")

XLSX_STORED = "application/xlsx"  # StoredFile.content_type holds 64 characters
XML_TYPE = "application/xml"
ROW_HEADER = "原行号"
REASON_HEADER = "失败原因"
CODE = ("subject_code", "统一社会信用代码/注册号")
NAME = ("subject_name", "主体名称")
SUBJECT_NOTE = "统一社会信用代码/注册号与主体名称至少填写一项，按代码、注册号、名称的顺序记于主体名下"


@dataclass(frozen=True)
class Column:
    name: str
    header: str
    required: bool
    note: str


def columns(kind: Kind) -> list[Column]:
    out = [Column(*CODE, False, SUBJECT_NOTE), Column(*NAME, False, "名称须与登记的主体名称完全一致")]
    for d in f.FIELDS[kind]:
        note = {"date": "YYYY-MM-DD", "money": "数字，单位万元", "bool": "是 / 否，留空为是"}.get(d.type, "")
        if d.options:
            note = "、".join(d.options)
        if d.max_length and d.type in ("text", "textarea"):
            note = f"最多{d.max_length}字"
        out.append(Column(d.name, d.label, d.required, note))
    return out


def _key(text: Any) -> str:
    """A header as compared: the required mark, spaces and line breaks anywhere, and full- vs half-width forms
    (罚款金额(万元) = 罚款金额（万元）) do not matter."""
    return "".join(unicodedata.normalize("NFKC", str(text or "")).split()).lstrip("*")


# ---- template and XML sample ----

EXAMPLES: dict[Kind, dict[str, Any]] = {
    Kind.LICENSE: {"record_no": "JY14202040012345", "name": "食品经营许可证", "authority": "黄石市下陆区市场监督管理局",
                   "category": "普通", "valid_from": "2025-01-01", "valid_to": "2029-12-31",
                   "content": "预包装食品（含冷藏冷冻食品）销售", "status": "有效", "remark": "", "is_public": "是"},
    Kind.PENALTY: {"record_no": "黄下市监罚〔2025〕1号", "name": "销售过期食品案", "penalty_type": "罚款",
                   "basis": "《中华人民共和国食品安全法》第一百二十四条", "fine_amount": "0.5",
                   "confiscated_amount": "", "violation_type": "经营超过保质期的食品", "content": "罚款人民币伍仟元整",
                   "published_on": "2025-03-08", "decided_on": "2025-03-01", "authority": "黄石市下陆区市场监督管理局",
                   "is_public": "是"},
    Kind.SUPPORT: {"record_no": "黄下财扶〔2025〕3号", "basis": "《关于支持小微企业发展的若干措施》",
                   "content": "创业担保贷款贴息", "amount": "1.2", "authority": "黄石市下陆区财政局",
                   "decided_on": "2025-06-01", "is_public": "是"},
}
EXAMPLE_SUBJECT = {"subject_code": "92420204MA4EXAMPLE", "subject_name": "下陆区示例小吃店"}


def template_bytes(kind: Kind) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = f"{KIND_LABELS[kind]}信息"
    cols = columns(kind)
    ws.append([("*" if c.required else "") + c.header for c in cols])
    example = {**EXAMPLE_SUBJECT, **EXAMPLES[kind]}
    ws.append([example.get(c.name, "") for c in cols])
    for i, c in enumerate(cols, start=1):
        letter = ws.cell(row=1, column=i).column_letter
        ws.column_dimensions[letter].width = max(14, len(c.header) * 2 + 4)
        d = next((x for x in f.FIELDS[kind] if x.name == c.name), None)
        if d is not None and (d.options or d.type == "bool"):
            opts = d.options or ("是", "否")
            dv = DataValidation(type="list", formula1='"' + ",".join(opts) + '"', allow_blank=not d.required)
            dv.error, dv.errorTitle = "请从下拉列表选择", d.label
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}200000")
    notes = wb.create_sheet("填写说明")
    notes.append(["列名", "是否必填", "说明"])
    for c in cols:
        notes.append([c.header, "必填" if c.required else "选填", c.note])
    notes.append([])
    notes.append(["说明", "", "第2行为示例，导入前请删除。"])
    notes.append(["说明", "", "同一部门已提供过相同文号、相同主体代码的同类记录时，导入会更新原记录而不会重复。"])
    notes.append(["说明", "", "失败报告可直接修改后重新导入（“原行号”“失败原因”两列会被忽略）。"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xml_sample(kind: Kind) -> bytes:
    example = {**EXAMPLE_SUBJECT, **EXAMPLES[kind]}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f"<!-- 信息归集数据接口：{KIND_LABELS[kind]}信息。每个 record 一条记录，字段含义见接口说明；"
             "不得包含 DOCTYPE 或实体声明，编码 UTF-8。 -->",
             f'<records kind="{kind.value}">', "  <record>"]
    for c in columns(kind):
        lines.append(f"    <{c.name}>{escape(str(example.get(c.name, '')))}</{c.name}>"
                     f"<!-- {c.header}{'（必填）' if c.required else ''} -->")
    lines += ["  </record>", "</records>", ""]
    return "\n".join(lines).encode()


# ---- reading ----


@dataclass
class Row:
    row_no: int
    raw: dict[str, Any]
    values: list[Any] = field(default_factory=list)  # as read, for the report


class Source(ABC):
    """Rows of an xlsx (header mapped to field names) or an XML file, one at a time."""

    header: list[str]

    @abstractmethod
    def rows(self) -> Iterator[Row]:
        """Each data row in file order; blank rows skipped."""

    def close(self) -> None:  # noqa: B027 - optional hook: an XML source holds nothing to release
        """Release the file (the workbook of an xlsx source)."""

    def count(self, limit: int) -> int:
        """Data rows actually filled in (blank and merely formatted rows left out), counting stops past limit."""
        n = 0
        for _ in self.rows():
            n += 1
            if n > limit:
                break
        return n


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


class ExcelSource(Source):
    def __init__(self, data: bytes, kind: Kind) -> None:
        if not data.startswith(b"PK\x03\x04"):
            raise c_errors.FileInvalid()
        try:
            self.wb = xlsx.load_read_only(data)
            self.ws = self.wb.worksheets[0]
            first = next(self.ws.iter_rows(min_row=1, max_row=1, values_only=True), None) or ()
        except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError) as exc:
            raise c_errors.FileInvalid() from exc
        except Exception as exc:  # noqa: BLE001 - any other zip that is no workbook is the same refusal
            raise c_errors.FileInvalid() from exc
        heads = [_key(v) for v in first]
        by_header = {_key(c.header): c for c in columns(kind)}
        self.map = {i: by_header[h].name for i, h in enumerate(heads) if h in by_header}
        twice = sorted({h for h in heads if h in by_header and heads.count(h) > 1}, key=heads.index)
        if twice:
            self.close()
            raise c_errors.HeaderInvalid(
                "表头中以下列重复：" + "、".join(f"「{h}」" for h in twice) + "，每列只能出现一次", data={"duplicated": twice})
        found = set(self.map.values())
        missing = [c.header for c in columns(kind) if c.required and c.name not in found]
        if missing or not found & {CODE[0], NAME[0]}:
            missing += [] if found & {CODE[0], NAME[0]} else [f"{CODE[1]}或{NAME[1]}"]
            self.close()
            raise c_errors.HeaderInvalid(
                "表头与模板不一致，缺少列：" + "、".join(f"「{m}」" for m in missing) + "，请下载模板后按模板填写",
                data={"missing": missing})
        self.keep = [i for i, h in enumerate(heads) if h not in (ROW_HEADER, REASON_HEADER)]
        self.data_columns = set(self.map)  # a row holding only 原行号 / 失败原因 (or unknown columns) is blank
        raw_heads = ["" if v is None else str(v) for v in first]
        self.header = [raw_heads[i] for i in self.keep]

    def rows(self) -> Iterator[Row]:
        for row_no, values in enumerate(self.ws.iter_rows(min_row=2, values_only=True), start=2):
            if _blank_row(tuple(v for i, v in enumerate(values) if i in self.data_columns)):
                continue
            raw = {name: _cell(values[i]) for i, name in self.map.items() if i < len(values)}
            yield Row(row_no, raw, [_cell(values[i]) if i < len(values) else None for i in self.keep])

    def count(self, limit: int) -> int:
        opener = getattr(self.ws, "_get_source", None)  # the sheet's XML, streamed from the archive (openpyxl 3.1)
        if opener is None:
            return super().count(limit)
        with opener() as sheet:
            return xlsx.count_filled_rows(sheet, self.data_columns, limit)

    def close(self) -> None:
        self.wb.close()


def _blank_row(values: tuple[Any, ...]) -> bool:
    return not any(v is not None and str(v).strip() for v in values)


_DANGEROUS = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_RECORD = re.compile(rb"<record[\s>/]")


def check_xml(data: bytes, kind: Kind) -> int:
    """Refuse DTDs and entities, a non-UTF-8 encoding, a malformed file, a wrong root or kind; count records."""
    head = data.lstrip(b"\xef\xbb\xbf").lstrip()
    if not head.startswith(b"<"):
        raise c_errors.FileInvalid()
    if _DANGEROUS.search(data):
        raise c_errors.XmlDoctype()
    decl = re.match(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9_-]+)", head)
    if decl and decl.group(1).lower() not in (b"utf-8", b"utf8"):
        raise c_errors.XmlInvalid("XML 文件须使用 UTF-8 编码")
    count = 0
    root: ET.Element | None = None
    try:
        for event, elem in ET.iterparse(io.BytesIO(data), events=("start", "end")):
            if event == "start" and root is None:
                root = elem
                if elem.tag != "records":
                    raise c_errors.XmlInvalid("XML 根元素应为 <records>，请按数据接口说明生成文件")
                declared = elem.get("kind")
                if declared and declared != kind.value:
                    raise c_errors.KindMismatch(
                        f"文件中的信息类别（{declared}）与所选信息类别（{KIND_LABELS[kind]}）不一致")
            elif event == "end" and elem.tag == "record":
                count += 1
                elem.clear()
                if root is not None:
                    root.clear()  # the cleared <record> elements are dropped too: memory stays flat
    except ET.ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        raise c_errors.XmlInvalid(f"XML 文件格式错误（第{line}行第{col + 1}列），请检查后重新上传",
                                  data={"line": line, "column": col + 1}) from exc
    return count


class XmlSource(Source):
    def __init__(self, data: bytes, kind: Kind) -> None:
        self.records = check_xml(data, kind)
        self.data = data
        self.names = [c.name for c in columns(kind)]
        self.header = [c.header for c in columns(kind)]

    def count(self, limit: int) -> int:
        return self.records  # counted while the file was checked

    def rows(self) -> Iterator[Row]:
        number = 0
        root = None
        for event, elem in ET.iterparse(io.BytesIO(self.data), events=("start", "end")):
            if event == "start":
                if root is None:
                    root = elem
                continue
            if elem.tag != "record":
                continue
            number += 1
            raw: dict[str, Any] = {}
            for child in elem:
                raw[child.tag] = (child.text or "").strip()
            yield Row(number, raw, [raw.get(n) for n in self.names])
            elem.clear()
            if root is not None:
                root.clear()


def open_source(data: bytes, kind: Kind, channel: Channel) -> Source:
    return XmlSource(data, kind) if channel == Channel.XML else ExcelSource(data, kind)


def channel_of(file_name: str, data: bytes) -> Channel:
    name = file_name.lower()
    if name.endswith(".xml") or (not name.endswith(".xlsx") and data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<")):
        return Channel.XML
    if name.endswith(".xlsx") or data.startswith(b"PK\x03\x04"):
        return Channel.EXCEL
    raise c_errors.FileInvalid()


# ---- validation ----


@dataclass
class Checked:
    row: Row
    code: str = ""
    name: str = ""
    fields: dict[str, Any] | None = None
    is_public: bool = True
    reason: str = ""


EXCEL_EPOCH = date(1899, 12, 30)
EXAMPLE_ROW = "这是模板中的示例行，请删除后再导入"


def _text_of(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _excel_serial(value: Any) -> Any:
    """A date cell formatted as 常规 / 数值 reads as its serial number (45356 = 2024-03-05); 20240305 stays text."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 100000:
        return (EXCEL_EPOCH + timedelta(days=int(value))).isoformat()
    return value


def check_row(kind: Kind, row: Row) -> Checked:
    raw = dict(row.raw)
    for d in f.FIELDS[kind]:
        if d.type == "date" and d.name in raw:
            raw[d.name] = _excel_serial(raw[d.name])
    c = Checked(row)
    code = raw.pop(CODE[0], None)
    name = raw.pop(NAME[0], None)
    c.code = normalize_code(code)
    c.name = str(name).strip() if name is not None else ""
    reasons = [LOSSY] if lossy_number(code) else []
    if c.code == EXAMPLE_SUBJECT["subject_code"] and _text_of(raw.get("record_no")) == EXAMPLES[kind]["record_no"]:
        reasons.append(EXAMPLE_ROW)
    if not c.code and not c.name:
        reasons.append("统一社会信用代码/注册号与主体名称不能同时为空")
    if len(c.code) > 64:
        reasons.append("统一社会信用代码/注册号超出长度限制（最多64字）")
    if len(c.name) > 255:
        reasons.append("主体名称超出长度限制（最多255字）")
    try:
        c.is_public = service._public(None, raw, True)
    except errors.AppError as exc:
        reasons.append(exc.message)
    raw.pop("is_public", None)
    try:
        c.fields = f.validate_fields(kind, raw)
    except errors.AppError as exc:
        reasons.append(exc.message)
    c.reason = "；".join(reasons)
    return c


def _take(rows: Iterator[Row], n: int, kind: Kind) -> list[Checked]:
    out = []
    for row in rows:
        out.append(check_row(kind, row))
        if len(out) >= n:
            break
    return out


# ---- the failure report ----


class Report:
    """原行号 + the row as read + 失败原因, written as rows arrive (write-only workbook)."""

    def __init__(self, header: list[str]) -> None:
        self.header = header
        self.width = len(header)
        self.count = 0
        self.wb: Any = None  # opened on the first row: an unsaved write-only workbook leaks its temp file
        self.ws: Any = None

    def add(self, row_no: int | None, values: list[Any], reason: str) -> None:
        if self.wb is None:
            self.wb = Workbook(write_only=True)
            self.ws = self.wb.create_sheet("失败记录")
            self.ws.append([ROW_HEADER, *self.header, REASON_HEADER])
        cells = [("" if v is None else v) for v in values][: self.width]
        cells += [""] * (self.width - len(cells))
        self.ws.append([row_no, *cells, reason])
        self.count += 1

    def finish(self) -> bytes | None:
        if self.wb is None:
            return None
        buf = io.BytesIO()
        self.wb.save(buf)
        return buf.getvalue()


# ---- jobs ----

RUNNING: set[asyncio.Task[None]] = set()


def _inspect(data: bytes, kind: Kind, channel: Channel, max_rows: int) -> int:
    source = open_source(data, kind, channel)
    try:
        # Counted, not taken from the sheet's dimension: that one counts formatted but empty rows (a whole column
        # selected and formatted) and some writers leave it out. The byte-level count costs ~1 s per 100,000 rows.
        estimated = source.count(max_rows)
    finally:
        source.close()
    if estimated > max_rows:
        raise c_errors.TooManyRows(f"单个文件最多 {max_rows} 条数据，请拆分后导入", data={"max_rows": max_rows})
    return estimated


async def start_import(deps: Deps, *, actor: StaffUser, kind: Kind, file_name: str, data: bytes) -> CollectionImport:
    """Check the file (type, headers or XML safety, size) and queue an import job."""
    require(actor, Perm.DATA_IMPORT)
    channel = channel_of(file_name, data)
    settings = CollectionSettings()
    estimated = await asyncio.to_thread(_inspect, data, kind, channel, settings.import_max_rows)
    sha = hashlib.sha256(data).hexdigest()
    await asyncio.to_thread(deps.storage.save, sha, data)
    async with in_transaction() as conn:
        stored = await StoredFile.create(sha256=sha, content_type=XML_TYPE if channel == Channel.XML else XLSX_STORED,
                                         size=len(data), original_name=file_name[:255], owner_type="staff",
                                         owner_id=actor.id, using_db=conn)
        job = await CollectionImport.create(kind=kind, channel=channel, file_name=file_name[:255], source_file=stored,
                                            total=estimated, org_id=actor.org_id, created_by=actor, using_db=conn)
        await audit.record(actor=actor, action="collection.import.start", target_type="collection_import",
                           target_id=job.id, after={"kind": kind.value, "channel": channel.value,
                                                    "file_name": file_name, "estimated_rows": estimated},
                           using_db=conn)
    return job


def schedule(deps: Deps, job_id: int) -> asyncio.Task[None]:
    task = asyncio.get_running_loop().create_task(run_import(deps, job_id))
    RUNNING.add(task)
    task.add_done_callback(RUNNING.discard)
    return task


async def wait_all() -> None:
    while RUNNING:
        await asyncio.gather(*list(RUNNING), return_exceptions=True)


INTERRUPTED = "导入中断，该行未完成记名，请修正后重新提交或删除"


async def run_import(deps: Deps, job_id: int) -> None:
    """Process one queued import to the end; an unexpected error marks the job failed, never silently, and
    rows it left 处理中 become 记名不成功 (problem data the department can correct or delete)."""
    try:
        # Claimed once: a job already running or finished (scheduled twice, or by another worker) is left alone.
        if not await CollectionImport.filter(id=job_id, status=JobStatus.PENDING).update(status=JobStatus.RUNNING):
            return
        job = await CollectionImport.get(id=job_id).prefetch_related("source_file")
        await _run(deps, job)
    except Exception as exc:  # noqa: BLE001 - the job records the failure for the user
        log.exception("collection import %s failed", job_id)
        message = exc.message if isinstance(exc, errors.AppError) else "导入过程中发生错误，已处理的行已保存，请重新导入"
        await _fail(job_id, message)


async def _fail(job_id: int, message: str) -> None:
    async with in_transaction() as conn:
        await CollectionRecord.filter(import_job_id=job_id, match_state=MatchState.PENDING).using_db(conn).update(
            match_state=MatchState.UNMATCHED, match_note=INTERRUPTED)
        await CollectionImport.filter(id=job_id).using_db(conn).update(
            status=JobStatus.FAILED, error=message[:255], finished_at=timezone.now())


@dataclass
class Ctx:
    job: CollectionImport
    actor: StaffUser
    org: Org
    report: Report
    batch_size: int
    penalties_matched: int = 0


async def _run(deps: Deps, job: CollectionImport) -> None:
    settings = CollectionSettings()
    actor = await staff_service.load_actor(job.created_by_id)
    org = await Org.get(id=job.org_id)
    job.status = JobStatus.RUNNING
    await job.save(update_fields=["status", "updated_at"])
    data = await asyncio.to_thread(deps.storage.open, job.source_file.sha256)
    source = await asyncio.to_thread(open_source, data, job.kind, job.channel)
    del data
    ctx = Ctx(job, actor, org, Report(source.header), settings.import_batch_size)
    try:
        rows = source.rows()
        # The next batch is read and checked in a thread while this one is written: the file and the database
        # work overlap. One read at a time, and it is finished before the workbook is closed.
        reading: asyncio.Future[list[Checked]] | None = None
        try:
            reading = asyncio.ensure_future(asyncio.to_thread(_take, rows, ctx.batch_size, job.kind))
            while batch := await reading:
                reading = asyncio.ensure_future(asyncio.to_thread(_take, rows, ctx.batch_size, job.kind))
                await _store(ctx, batch)
        finally:
            if reading is not None and not reading.done():
                with contextlib.suppress(Exception):
                    await reading
            source.close()
    except Exception:
        # The job fails, but the rows already refused or 记名不成功 stay downloadable.
        with contextlib.suppress(Exception):
            report_file = await _save_report(deps, job, ctx)
            if report_file is not None:
                await CollectionImport.filter(id=job.id).update(report_file_id=report_file.id)
        raise
    report_file = await _save_report(deps, job, ctx)
    async with in_transaction() as conn:
        job.status = JobStatus.DONE
        job.total = job.done
        job.report_file = report_file
        job.finished_at = timezone.now()
        await job.save(using_db=conn)
        await audit.record(actor=actor, action="collection.import.finish", target_type="collection_import",
                           target_id=job.id, after={"total": job.total, "matched": job.matched,
                                                    "unmatched": job.unmatched, "failed": job.failed,
                                                    "updated": job.updated}, using_db=conn)
    if ctx.penalties_matched:
        await home_events.touch_all(deps.cache)  # risk counts of the businesses changed


async def _save_report(deps: Deps, job: CollectionImport, ctx: Ctx) -> StoredFile | None:
    """The refused rows (added as they were read), then the rows stored but 记名不成功 — read back at the end,
    so a record given again later in the file is reported as the later row left it."""
    last = 0
    while rows := await (CollectionRecord.filter(import_job_id=job.id, match_state=MatchState.UNMATCHED, id__gt=last)
                         .order_by("id").limit(ctx.batch_size)):
        for r in rows:
            ctx.report.add(r.source_row, _row_of(r), f"记名不成功：{r.match_note}")
        last = rows[-1].id
    content = await asyncio.to_thread(ctx.report.finish)
    if not content:
        return None
    sha = hashlib.sha256(content).hexdigest()
    await asyncio.to_thread(deps.storage.save, sha, content)
    return await StoredFile.create(sha256=sha, content_type=XLSX_STORED, size=len(content),
                                   original_name=f"归集导入失败记录_{job.id}.xlsx", owner_type="staff",
                                   owner_id=job.created_by_id)


class Touched(NamedTuple):
    """A record stored before this batch that the batch changes."""

    record: CollectionRecord
    row_no: int  # the file's row that changes it
    counted: MatchState | None = None  # repeated in this file: the state an earlier batch counted it in
    before: dict[str, Any] | None = None  # provided before (online or another import): for the change log


async def _store(ctx: Ctx, batch: list[Checked]) -> None:
    """One batch, in one transaction: invalid rows go to the report; valid ones are 记名 and stored with their
    state (a record already provided by the department — same kind, number and subject — is updated and matched
    again instead of stored twice); matched penalties get their 风险预警 mirror."""
    job = ctx.job
    good = []
    for c in batch:
        if c.reason:
            ctx.report.add(c.row.row_no, c.row.values, c.reason)
        else:
            good.append(c)
    failed = len(batch) - len(good)
    # The register is only read: loaded before the department's lock is taken, so the lock is held briefly.
    register = await Register.load([Subject(c.code, c.name) for c in good])
    columns_of = [f.columns_of(job.kind, c.fields or {}) for c in good]
    async with in_transaction() as conn:
        await service.lock_dedup(conn, job.org_id, job.kind)
        existing: dict[tuple[str, str], CollectionRecord] = {}
        for r in await _provided(conn, job, {cols["record_no"] for cols in columns_of} - {""}):
            existing[(r.record_no, r.subject_code)] = r
        fresh: dict[tuple[str, str], CollectionRecord] = {}
        new_rows: list[CollectionRecord] = []
        touched: dict[int, Touched] = {}  # records stored before this batch that it changes, by id
        merged = 0
        for c, cols in zip(good, columns_of, strict=True):
            key = (cols["record_no"], c.code)
            r = (existing.get(key) or fresh.get(key)) if cols["record_no"] else None
            values = {"subject_code": c.code, "subject_name": c.name, "fields": c.fields, "is_public": c.is_public,
                      **cols, "import_job_id": job.id, "source_row": c.row.row_no}
            if r is None:
                r = CollectionRecord(kind=job.kind, channel=job.channel, source_org_id=job.org_id,
                                     provided_on=today(), created_by_id=ctx.actor.id,
                                     region_code=ctx.org.region_code, **values)
                new_rows.append(r)
                if cols["record_no"]:
                    fresh[key] = r
                continue
            if r.id is None or r.id in touched or r.import_job_id == job.id:
                # The same record again in this file: the later row wins; stored and counted once.
                merged += 1
                if r.id is not None and r.id not in touched:
                    touched[r.id] = Touched(r, c.row.row_no, counted=r.match_state)
            else:
                touched[r.id] = Touched(r, c.row.row_no, before=service.snapshot(r))
            r.update_from_dict({**values, "channel": job.channel})
        pairs = [(r, register.match(Subject(r.subject_code, r.subject_name)))
                 for r in [*new_rows, *(t.record for t in touched.values())]]
        if pairs:
            await service.apply_matches(pairs, ctx.org.region_code, conn)
        await db.insert_many(CollectionRecord, new_rows, conn)
        updated = 0
        for t in touched.values():
            await t.record.save(using_db=conn)
            if t.before is not None:
                updated += 1
                await service.add_change(t.record, ctx.actor, t.before, f"{CHANNEL_LABELS[job.channel]}重复提交（第"
                                         f"{t.row_no}行，同一文号、同一主体），已更新原记录并重新记名", conn)
            elif t.counted is not None:
                _count(job, t.counted, -1)  # counted by an earlier batch: counted again below as it is now
        for r, _outcome in pairs:
            _count(job, r.match_state, 1)
            ctx.penalties_matched += r.kind == Kind.PENALTY and r.match_state == MatchState.MATCHED
        job.stored += len(new_rows)
        job.updated += updated + merged
        job.failed += failed
        job.done += len(batch)
        job.total = max(job.total, job.done)
        await job.save(using_db=conn, update_fields=["stored", "updated", "matched", "unmatched", "failed", "done",
                                                     "total", "updated_at"])


PROVIDED_SQL = ("SELECT r.id FROM unnest($3::varchar[]) AS n(record_no) CROSS JOIN LATERAL (SELECT id FROM "
                "collection_record WHERE source_org_id = $1 AND kind = $2 AND record_no = n.record_no OFFSET 0) AS r")


async def _provided(conn: Any, job: CollectionImport, numbers: set[str]) -> list[CollectionRecord]:
    """The department's records of this kind with one of these numbers, newest first. Mostly there are none (a
    file of new records), so on PostgreSQL the ids are looked up first, one index probe per number: the `OFFSET 0`
    keeps the lateral subquery from being flattened into a join, so the plan does not depend on the table's
    statistics. (With `record_no IN (…)` and statistics taken while the department had few records — a new
    table, or a first large import — the planner scans all of the department's records per batch and filters
    them: the import grew quadratic.) Whole records are read only when some exist."""
    if not numbers:
        return []
    qs = CollectionRecord.filter(source_org_id=job.org_id, kind=job.kind)
    if conn.capabilities.dialect == "postgres":
        found = await conn.execute_query_dict(PROVIDED_SQL, [job.org_id, job.kind.value, list(numbers)])
        if not found:
            return []
        qs = qs.filter(id__in=[x["id"] for x in found])
    else:
        qs = qs.filter(record_no__in=list(numbers))
    return await qs.using_db(conn).order_by("-id")


def _count(job: CollectionImport, state: MatchState, n: int) -> None:
    if state == MatchState.MATCHED:
        job.matched += n
    elif state == MatchState.UNMATCHED:
        job.unmatched += n


def _row_of(r: CollectionRecord) -> list[Any]:
    values = {"subject_code": r.subject_code, "subject_name": r.subject_name, **r.fields,
              "is_public": "是" if r.is_public else "否"}
    return [values.get(c.name) for c in columns(r.kind)]


async def recover_stale(stale_seconds: int) -> int:
    """Jobs whose process died (no progress for a while) are marked failed; their 处理中 rows 记名不成功."""
    cutoff = timezone.localtime(timezone.now() - timedelta(seconds=stale_seconds))
    ids = await CollectionImport.filter(status__in=[JobStatus.PENDING, JobStatus.RUNNING],
                                        updated_at__lt=cutoff).values_list("id", flat=True)
    for job_id in ids:
        await _fail(job_id, "导入被中断（服务重启），已处理的行已保存，未完成记名的行标为记名不成功，请修正或重新导入")
    return len(ids)


# ---- job views ----


def job_out(job: CollectionImport, org_name: str | None = None) -> dict[str, Any]:
    return {
        "id": job.id, "kind": job.kind.value, "kind_label": KIND_LABELS[job.kind], "file_name": job.file_name,
        "channel": job.channel.value, "channel_label": CHANNEL_LABELS[job.channel], "status": job.status.value,
        "status_label": JOB_STATUS_LABELS[job.status], "total": job.total, "done": job.done,
        "stored": job.stored, "updated": job.updated, "matched": job.matched, "unmatched": job.unmatched,
        "failed": job.failed,
        "progress": round(job.done * 100 / job.total) if job.total else (100 if job.status == JobStatus.DONE else 0),
        "error": job.error or None,
        "report_url": f"/api/v1/admin/collection/imports/{job.id}/report" if job.report_file_id else None,
        "created_at": job.created_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        "org_name": org_name if org_name is not None else job.org.name,
    }


async def job_in_scope(*, actor: StaffUser, import_id: int) -> CollectionImport:
    require(actor, Perm.DATA_IMPORT)
    if not 0 < import_id <= service.MAX_ID:
        raise c_errors.ImportNotFound()
    job = await CollectionImport.get_or_none(id=import_id).select_related("org")
    if job is None or not await scope.in_scope(actor, job.org_id):
        raise c_errors.ImportNotFound()
    return job


async def list_jobs(*, actor: StaffUser, kind: Kind | None, status: JobStatus | None, cursor: str | None,
                    limit: int) -> dict[str, Any]:
    require(actor, Perm.DATA_IMPORT)
    qs = scope.scoped(CollectionImport.all(), actor)
    if kind is not None:
        qs = qs.filter(kind=kind)
    if status is not None:
        qs = qs.filter(status=status)
    rows, nxt = await keyset(qs.select_related("org"), cursor=cursor, limit=limit)
    return {"items": [job_out(j) for j in rows], "next_cursor": nxt, "next": nxt}


async def report_of(deps: Deps, *, actor: StaffUser, import_id: int) -> tuple[str, bytes]:
    job = await job_in_scope(actor=actor, import_id=import_id)
    if job.report_file_id is None:
        raise c_errors.ReportMissing()
    stored = await StoredFile.get(id=job.report_file_id)
    return stored.original_name, await asyncio.to_thread(deps.storage.open, stored.sha256)


__all__ = ["XLSX", "job_out", "run_import", "schedule", "start_import", "template_bytes", "wait_all", "xml_sample"]
