"""信息归集 test data: valid field sets per kind and workbooks / XML built in memory."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook

from getitong.collection.importer import columns
from getitong.collection.workflow import Kind

BASE = "/api/v1/admin/collection"


def license_fields(no: str = "JY001", **over: Any) -> dict[str, Any]:
    return {"record_no": no, "name": "食品经营许可证", "authority": "黄石市下陆区市场监督管理局", "category": "普通",
            "valid_from": "2025-01-01", "valid_to": "2029-12-31", "content": "预包装食品销售", "status": "有效"} | over


def penalty_fields(no: str = "黄下市监罚〔2025〕1号", **over: Any) -> dict[str, Any]:
    return {"record_no": no, "name": "销售过期食品案", "penalty_type": "罚款", "basis": "《食品安全法》第一百二十四条",
            "fine_amount": "0.5", "violation_type": "经营超过保质期的食品", "content": "罚款伍仟元",
            "published_on": "2025-03-08", "decided_on": "2025-03-01", "authority": "黄石市下陆区市场监督管理局"} | over


def support_fields(**over: Any) -> dict[str, Any]:
    return {"basis": "《关于支持小微企业发展的若干措施》", "content": "社保补贴", "amount": "0.24",
            "authority": "黄石市下陆区财政局", "decided_on": "2025-06-01"} | over


def header(kind: Kind) -> list[str]:
    return [("*" if c.required else "") + c.header for c in columns(kind)]


def row(kind: Kind, values: dict[str, Any]) -> list[Any]:
    return [values.get(c.name) for c in columns(kind)]


def xlsx(head: list[str], rows: list[list[Any]]) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("数据")
    ws.append(head)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xml(kind: Kind, records: list[dict[str, Any]], root_kind: str | None = None) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<records kind="{root_kind or kind.value}">']
    for rec in records:
        out.append("<record>" + "".join(f"<{k}>{escape(str(v))}</{k}>" for k, v in rec.items() if v is not None)
                   + "</record>")
    out.append("</records>")
    return "\n".join(out).encode()
