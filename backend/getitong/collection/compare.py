"""批量对比: a list of 注册号 / 统一社会信用代码 / 主体名称 in, the same rows out with what the register holds.
Read in read-only mode, looked up a batch at a time, written by a write-only workbook."""

from __future__ import annotations

import asyncio
import io
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.utils.exceptions import InvalidFileException

from getitong.collection import errors as c_errors
from getitong.collection.config import CollectionSettings
from getitong.collection.matching import (
    LOSSY,
    bad_check_character,
    full_width_brackets,
    lossy_number,
    normalize_code,
)
from getitong.common import xlsx
from getitong.entities.models import KIND_LABELS, STATUS_LABELS, Business
from getitong.staff.models import Org, StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

INPUT = ["注册号", "统一社会信用代码", "主体名称"]
OUTPUT = [*INPUT, "比对结果", "登记主体名称", "登记统一社会信用代码", "登记注册号", "主体类型", "登记状态", "成立日期",
          "登记机关", "失败原因"]
BOTH_EMPTY = "注册号、统一社会信用代码不能同时为空"
BATCH = 500


def template_bytes() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "批量对比"
    ws.append(INPUT)
    for letter in "ABC":
        ws.column_dimensions[letter].width = 28
    notes = wb.create_sheet("填写说明")
    notes.append(["说明"])
    notes.append(["【注册号】、【统一社会信用代码】不能同时为空；主体名称选填，填写后会核对名称是否一致。"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _read(data: bytes, max_rows: int) -> list[tuple[str, ...]]:
    if not data.startswith(b"PK\x03\x04"):
        raise c_errors.FileInvalid("请上传按批量对比模板填写的 Excel 文件（.xlsx）")
    try:
        wb = xlsx.load_read_only(data)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise c_errors.FileInvalid("请上传按批量对比模板填写的 Excel 文件（.xlsx）") from exc
    try:
        rows: Iterator[tuple[Any, ...]] = wb.worksheets[0].iter_rows(values_only=True)
        header = [_text(v).lstrip("*") for v in (next(rows, None) or ())]
        if not {"注册号", "统一社会信用代码"} & set(header):
            raise c_errors.FileInvalid("表头与批量对比模板不一致，应包含「注册号」「统一社会信用代码」「主体名称」列")
        idx = [header.index(h) if h in header else None for h in INPUT]
        out = []
        for values in rows:
            cells = tuple(_text(values[i]) if i is not None and i < len(values) else "" for i in idx)
            if any(i is not None and i < len(values) and lossy_number(values[i]) for i in idx[:2]):
                cells = (*cells[:2], cells[2], LOSSY)
            if not any(_text(v) for v in values):
                continue
            if len(out) >= max_rows:
                raise c_errors.FileInvalid(f"单个文件最多 {max_rows} 行，请拆分后对比", data={"max_rows": max_rows})
            out.append(cells)
    except c_errors.FileInvalid:
        raise
    except Exception as exc:  # noqa: BLE001 - a workbook that breaks while being read is unreadable
        raise c_errors.FileInvalid() from exc
    finally:
        wb.close()
    if not out:
        raise c_errors.FileInvalid("文件中没有需要对比的数据，请至少填写一行")
    return out


def _save(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# The 比对结果 values, counted for the summary the screen shows (header X-Compare-Counts).
RESULT_KEYS = {"一致": "same", "名称不一致": "name_differs", "未找到": "not_found"}


async def compare(*, actor: StaffUser, data: bytes) -> tuple[bytes, dict[str, int]]:
    """The result workbook and its counts: total rows, same, name_differs, not_found, failed (not compared)."""
    require(actor, Perm.DATA_IMPORT)
    rows = await asyncio.to_thread(_read, data, CollectionSettings().compare_max_rows)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("比对结果")
    ws.append(OUTPUT)
    orgs: dict[int, str] = {}
    counts = dict.fromkeys(("same", "name_differs", "not_found", "failed"), 0)
    for start in range(0, len(rows), BATCH):
        batch = rows[start:start + BATCH]
        # Either code may be typed in either column: each is looked up as USCC and as 注册号.
        codes = {normalize_code(c) for reg, code, *_ in batch for c in (reg, code)} - {""}
        by_uscc = {b.uscc: b for b in await Business.filter(uscc__in=[c for c in codes if len(c) == 18])} \
            if codes else {}
        by_reg: dict[str, list[Business]] = defaultdict(list)
        if codes:
            for b in await Business.filter(reg_no__in=list(codes)).order_by("id"):
                by_reg[b.reg_no or ""].append(b)
        need = {b.org_id for b in [*by_uscc.values(), *(x for v in by_reg.values() for x in v)]} - set(orgs)
        if need:
            orgs.update({o.id: o.name for o in await Org.filter(id__in=list(need))})
        for reg, code, name, *problem in batch:
            line = [reg, code, name, "", "", "", "", "", "", "", "", problem[0]] if problem else \
                _line(reg, code, name, by_uscc, by_reg, orgs)
            ws.append(line)
            counts[RESULT_KEYS.get(line[3], "failed")] += 1
    counts["total"] = len(rows)
    return await asyncio.to_thread(_save, wb), counts


def _line(reg: str, code: str, name: str, by_uscc: dict[str, Business], by_reg: dict[str, list[Business]],
          orgs: dict[int, str]) -> list[Any]:
    given = [reg, code, name]
    if not reg and not code:
        return [*given, "", "", "", "", "", "", "", "", BOTH_EMPTY]
    codes = list(dict.fromkeys(c for c in (normalize_code(code), normalize_code(reg)) if c))
    b = next((by_uscc[c] for c in codes if c in by_uscc), None)
    if b is None:
        for c in codes:
            found = by_reg.get(c, [])
            if len(found) > 1:
                return [*given, "未找到", "", "", "", "", "", "", "", "该注册号对应多个主体，请填写统一社会信用代码"]
            if found:
                b = found[0]
                break
    if b is None:
        bad = [c for c in codes if bad_check_character(c)]
        reason = f"统一社会信用代码{bad[0]}校验位错误，请核对" if bad else ""
        return [*given, "未找到", "", "", "", "", "", "", "", reason]
    result = "名称不一致" if name and b.name not in (name, full_width_brackets(name)) else "一致"
    return [*given, result, b.name, b.uscc, b.reg_no or "", KIND_LABELS[b.kind], STATUS_LABELS[b.status],
            b.established_on.isoformat() if b.established_on else "", orgs.get(b.org_id, ""), ""]
