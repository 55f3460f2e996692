"""common/xlsx: workbooks opened without a pass over every row, and the byte-level count of filled rows agreeing
with what reading the rows through openpyxl finds."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from getitong.common import xlsx


def _saved(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _prefixed(data: bytes) -> bytes:
    """The same workbook with the sheet's elements written x:row, x:c … as some exporters (.NET) write them."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = body.decode()
                text = re.sub(r"<(/?)(?!\?)([A-Za-z]+)", r"<\1x:\2", text)
                text = text.replace('xmlns="', 'xmlns:x="', 1)
                body = text.encode()
            dst.writestr(item, body)
    return out.getvalue()


def _workbooks() -> dict[str, tuple[bytes, set[int]]]:
    out: dict[str, tuple[bytes, set[int]]] = {}
    wb = Workbook()
    ws = wb.active
    ws.append(["代码", "名称", "原行号"])
    ws.append(["92420204MA4EXAMPLE", "甲"])
    ws.append([None, None, None])
    ws.append(["  ", "\t", 7])  # white space in the data columns, a number only in the ignored one
    ws.append([None, "乙"])
    for n in range(6, 30):  # formatted far down, values of white space
        ws.cell(row=n, column=1).number_format = "@"
        ws.cell(row=n, column=2).value = "  " if n % 2 else None
    ws.cell(row=40, column=2).value = 0  # a zero is a value
    ws.cell(row=41, column=1).value = "=1+1"  # a formula without a cached value reads as blank
    plain = _saved(wb)
    out["shared strings and formats"] = (plain, {0, 1})
    out["x: prefixed elements"] = (_prefixed(plain), {0, 1})
    wo = Workbook(write_only=True)
    sheet = wo.create_sheet("数据")
    sheet.append(["代码", "名称"])
    for i in range(250):
        sheet.append([f"C{i}" if i % 3 else None, None if i % 5 == 0 else f"N{i}"])
    written = _saved(wo)
    out["write-only, no dimension, inline strings"] = (written, {0, 1})
    out["one column only"] = (written, {1})
    return out


def _read_by_openpyxl(data: bytes, columns: set[int]) -> int:
    wb = xlsx.load_read_only(data)
    try:
        n = 0
        for values in wb.worksheets[0].iter_rows(min_row=2, values_only=True):
            if any(v is not None and str(v).strip() for i, v in enumerate(values) if i in columns):
                n += 1
        return n
    finally:
        wb.close()


@pytest.mark.parametrize("name", ["shared strings and formats", "x: prefixed elements",
                                  "write-only, no dimension, inline strings", "one column only"])
def test_count_of_filled_rows_agrees_with_openpyxl(name):
    data, columns = _workbooks()[name]
    wb = xlsx.load_read_only(data)
    try:
        with wb.worksheets[0]._get_source() as sheet:
            counted = xlsx.count_filled_rows(sheet, columns, limit=10_000)
    finally:
        wb.close()
    assert counted == _read_by_openpyxl(data, columns)
    assert counted > 0


def test_counting_stops_past_the_limit():
    data, columns = _workbooks()["write-only, no dimension, inline strings"]
    wb = xlsx.load_read_only(data)
    with wb.worksheets[0]._get_source() as sheet:
        assert xlsx.count_filled_rows(sheet, columns, limit=10) == 11
    wb.close()


def test_the_dimension_is_read_when_present_and_left_unknown_when_absent():
    wb = Workbook()
    for _ in range(12):
        wb.active.append(["a", "b", "c"])
    ws = xlsx.load_read_only(_saved(wb)).worksheets[0]
    assert (ws.max_row, ws.max_column) == (12, 3)
    wo = Workbook(write_only=True)
    sheet = wo.create_sheet("s")
    for _ in range(12):
        sheet.append(["a", "b"])
    ws = xlsx.load_read_only(_saved(wo)).worksheets[0]
    assert ws.max_row is None
    assert len(list(ws.iter_rows(values_only=True))) == 12
