"""Risk test data: records written straight to the tables, and Excel files built in memory."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook

from getitong.entities.models import Business
from getitong.risk.importer import COLUMNS
from getitong.risk.models import Listing, Penalty
from getitong.risk.workflow import ImportKind, ListingKind, ListingStatus
from getitong.staff.models import Org


async def penalty(business: Business, org: Org, *, doc_no: str = "黄下市监罚〔2025〕1号", **extra: Any) -> Penalty:
    values = {"penalty_type": "罚款", "basis": "《中华人民共和国食品安全法》第一百二十六条",
              "violation_type": "未按规定公示食品经营许可证", "content": "罚款2000元",
              "fine_amount": Decimal("0.2"), "decided_on": date(2025, 3, 1), "published_on": date(2025, 3, 5)}
    values |= extra
    return await Penalty.create(business=business, region_code=business.region_code, org_id=business.org_id,
                                doc_no=doc_no, decision_org=org, decision_org_name=org.name, **values)


async def listing(business: Business, org: Org, *, kind: ListingKind = ListingKind.INDIVIDUAL_ABNORMAL,
                  doc_no: str = "黄下市监异〔2025〕1号", **extra: Any) -> Listing:
    values = {"list_reason": "通过登记的住所或者经营场所无法联系", "listed_on": date(2025, 4, 1),
              "status": ListingStatus.LISTED}
    values |= extra
    return await Listing.create(business=business, region_code=business.region_code, org_id=business.org_id,
                                kind=kind, doc_no=doc_no, list_org=org, list_org_name=org.name, **values)


def headers(kind: ImportKind, *, star: bool = True) -> list[str]:
    return [("*" if star and c.required else "") + c.header for c in COLUMNS[kind]]


def penalty_row(code: str, doc_no: str, **over: Any) -> list[Any]:
    """One row in template order; `over` replaces cells by field name."""
    row = {"code": code, "business_name": "", "doc_no": doc_no, "penalty_name": "", "penalty_type": "罚款",
           "basis": "《个体工商户条例》第二十二条", "violation_type": "未按规定办理变更登记", "content": "罚款500元",
           "fine_amount": 0.05, "confiscated_amount": None, "decided_on": date(2025, 1, 9),
           "published_on": "2025-01-17", "decision_org_name": ""}
    row |= over
    return [row[c.field] for c in COLUMNS[ImportKind.PENALTIES]]


def listing_row(code: str, doc_no: str, **over: Any) -> list[Any]:
    row = {"code": code, "business_name": "", "kind": "个体工商户经营异常状态", "doc_no": doc_no,
           "list_reason": "通过登记的住所或者经营场所无法联系", "listed_on": "2025年3月27日", "list_org_name": "",
           "remove_reason": None, "removed_on": None, "remove_org_name": None}
    row |= over
    return [row[c.field] for c in COLUMNS[ImportKind.LISTINGS]]


def xlsx(header: list[str], rows: Any) -> bytes:
    """A workbook streamed row by row (write-only), so big test files stay cheap to build."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("数据")
    ws.append(header)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
