"""Large uploaded workbooks, read streamed (openpyxl read-only) without reading them whole more than once.

openpyxl's read-only worksheet looks for the sheet's <dimension> when it is opened, with end events only: in a
sheet without one — written by openpyxl's own write-only mode, Apache POI's SXSSF and many exporters — the end of
<sheetData> comes only after every row, so the whole sheet was parsed just to open it (3 s for 100,000 rows of 14
columns), and once more to count the rows. `load_read_only` opens workbooks with the dimension looked for only
before <sheetData> (where the schema puts it), and `count_filled_rows` counts the rows holding data with a
byte-level scan instead of building cells (0.5 s instead of 8 s for the same sheet).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.xml.functions import iterparse

try:  # openpyxl internals (3.1): a release that moves them opens workbooks its own way — slower, same result
    from openpyxl.worksheet import _read_only
    from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
except ImportError:  # pragma: no cover - depends on the installed openpyxl
    _read_only = None


def _size_before_sheet_data(self: Any) -> None:
    """ReadOnlyWorksheet._get_size, stopping at the start of <sheetData> when there is no <dimension>."""
    with self._get_source() as src:
        for event, element in iterparse(src, events=("start", "end")):
            if element.tag == DATA_TAG:
                return  # no dimension: max_row stays None, as openpyxl leaves it
            if event == "end" and element.tag == DIMENSION_TAG:
                bounds = SheetDimension.from_tree(element).boundaries
                if bounds is not None:
                    self._min_column, self._min_row, self._max_column, self._max_row = bounds
                return


def load_read_only(data: bytes) -> Any:
    """load_workbook(read_only=True, data_only=True) of an upload, opened without a pass over every row."""
    sheet = getattr(_read_only, "ReadOnlyWorksheet", None)
    if sheet is not None and getattr(sheet, "_get_size", None) not in (None, _size_before_sheet_data):
        sheet._get_size = _size_before_sheet_data
    return load_workbook(io.BytesIO(data), read_only=True, data_only=True)


_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?row>)", re.S)
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_ROW_NO = re.compile(rb'\br="(\d+)"')
_CELL_REF = re.compile(rb'\br="([A-Za-z]{1,3})\d*"')
# A cached value or an (inline / rich) text with something other than white space in it.
_FILLED = re.compile(rb"<(?:\w+:)?(?:v|t)(?:\s[^>]*)?>\s*[^<\s]")


def count_filled_rows(sheet: IO[bytes], columns: Iterable[int], limit: int, first_row: int = 2) -> int:
    """Rows from first_row on with a value in one of these columns (0-based), from the sheet's XML; counting stops
    past limit. Rows merely formatted (cells with a style and no value) are not counted, nor values of white space
    only; a shared string is counted as written (its text is not looked up)."""
    wanted = set(columns)
    count = 0
    position = 0  # rows and cells may leave out their r attribute: then they follow the previous one
    buffer = b""
    while chunk := sheet.read(1 << 20):
        buffer += chunk
        end = max((m.end() for m in _ROW_END.finditer(buffer)), default=0)
        if not end:
            continue
        complete, buffer = buffer[:end], buffer[end:]
        for row in _ROW.finditer(complete):
            number = _ROW_NO.search(row.group(1))
            position = int(number.group(1)) if number else position + 1
            if position < first_row or not row.group(2) or not _has_value(row.group(2), wanted):
                continue
            count += 1
            if count > limit:
                return count
    return count


def _has_value(body: bytes, wanted: set[int]) -> bool:
    column = -1
    for cell in _CELL.finditer(body):
        ref = _CELL_REF.search(cell.group(1))
        column = column_index_from_string(ref.group(1).decode().upper()) - 1 if ref else column + 1
        if column in wanted and cell.group(2) and _FILLED.search(cell.group(2)):
            return True
    return False
