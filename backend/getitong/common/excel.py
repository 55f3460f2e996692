"""Reading the USCC column of an uploaded workbook (streamed, read-only): shared by the imports that name
businesses by their code (免申即享 eligibility, 联合惩戒 subjects). Each caller passes its own stable errors."""

from __future__ import annotations

from typing import Any

from getitong.common import xlsx
from getitong.core.errors import AppError

USCC_HEADERS = {"统一社会信用代码", "社会信用代码", "信用代码", "统一社会信用代码/注册号", "uscc"}


def read_uscc_column(data: bytes, max_rows: int, *, invalid: type[AppError], no_column: type[AppError],
                     too_many: type[AppError]) -> list[tuple[int, str]]:
    """(row number, text) of every non-blank row under the first sheet's USCC header."""
    try:
        wb = xlsx.load_read_only(data)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is the same refusal
        raise invalid() from exc
    try:
        return _rows(wb, max_rows, no_column, too_many)
    except AppError:
        raise
    except Exception as exc:  # noqa: BLE001 - a workbook that breaks while being read is unreadable too
        raise invalid() from exc
    finally:
        wb.close()


def _rows(wb: Any, max_rows: int, no_column: type[AppError], too_many: type[AppError]) -> list[tuple[int, str]]:
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None) or ()
    col = next((i for i, v in enumerate(header) if str(v or "").strip().lower() in USCC_HEADERS), None)
    if col is None:
        raise no_column()
    out: list[tuple[int, str]] = []
    for number, row in enumerate(rows, start=2):
        value = row[col] if col < len(row) else None
        if value is None and not any(v is not None for v in row):
            continue  # blank line
        if len(out) >= max_rows:
            raise too_many(data={"max_rows": max_rows})
        out.append((number, str(value if value is not None else "").strip()))
    return out
