"""双随机 test data: pool rows, a small matter catalog, plans pushed through the workflow, Excel files."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook

from getitong.staff.models import StaffUser
from getitong.supervision.models import CheckContent, CheckItem, CheckSubItem, Inspector, Plan
from getitong.supervision.workflow import PlanStatus, ResultType

ADMIN = "/api/v1/admin/inspections"


async def inspector(user: StaffUser, **extra: Any) -> Inspector:
    values = {"types": ["enforcement"], "categories": ["市场监管"], "cert_no": f"鄂{user.id:08d}",
              "cert_valid_from": date(2024, 1, 1), "cert_valid_to": date(2035, 1, 1)} | extra
    return await Inspector.create(staff_id=user.id, org_id=user.org_id, name=user.name, **values)


async def catalog(org_id: int) -> list[CheckContent]:
    """One item, one sub-item and one content of each result type."""
    item = await CheckItem.create(name="公示信息抽查", org_id=org_id)
    sub = await CheckSubItem.create(item=item, name="年度报告公示信息的检查", method="书面检查、实地核查",
                                    basis="《企业信息公示暂行条例》第八条")
    return [await CheckContent.create(subitem=sub, content="即时公示信息是否真实", result_type=ResultType.CHOICE,
                                      options=["完全一致", "基本一致", "相差较大"]),
            await CheckContent.create(subitem=sub, content="总营业收入与实际相差数", result_type=ResultType.NUMERIC,
                                      unit="万元"),
            await CheckContent.create(subitem=sub, content="其他情况说明", result_type=ResultType.TEXT),
            await CheckContent.create(subitem=sub, content="是否按规定提交年度报告", result_type=ResultType.BOOLEAN)]


async def plan(user: StaffUser, contents: list[CheckContent], *, status: PlanStatus = PlanStatus.APPROVED,
               **extra: Any) -> Plan:
    values = {"name": "个体户年报公示信息抽查", "made_on": date(2026, 3, 1), "start_on": date(2026, 3, 10),
              "end_on": date(2026, 5, 31), "basis": "鄂市监〔2026〕1号", "lead_department": "市场监管",
              "ratio": Decimal(10), "group_size": 2, "team_size": 2, "content_ids": [c.id for c in contents],
              "filters": {"statuses": ["active"]}, "status": status} | extra
    return await Plan.create(org_id=user.org_id, created_by_id=user.id, **values)


def answers(contents: list[CheckContent]) -> list[dict[str, Any]]:
    values = {ResultType.CHOICE: "基本一致", ResultType.NUMERIC: 1.5, ResultType.TEXT: "经营正常",
              ResultType.BOOLEAN: True}
    return [{"content_id": c.id, "value": values[c.result_type]} for c in contents]


def xlsx(header: list[str], rows: list[list[Any]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
