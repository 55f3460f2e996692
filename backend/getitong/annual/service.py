"""Annual reports (SPEC E): the link to the national site, each business's status per year, the reminder.

Report year N is filed from 1 January to 30 June of N + 1. While that window is open and the business's
report for N is not in, the owner is reminded (the home screen's badge and this page). Staff enter a
status one business at a time or import an Excel sheet (streamed with openpyxl's read-only mode).
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.utils.exceptions import InvalidFileException
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from getitong.annual import errors as e
from getitong.annual.config import annual_settings
from getitong.annual.models import STATUS_LABELS, AnnualReport, ReportStatus
from getitong.common import home_events, xlsx
from getitong.core import audit
from getitong.core.deps import Deps
from getitong.core.errors import AppError
from getitong.core.pagination import keyset
from getitong.entities import uscc
from getitong.entities.models import Business
from getitong.risk.service import find_business
from getitong.staff import scope
from getitong.staff.models import StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

SHANGHAI = ZoneInfo("Asia/Shanghai")
TEMPLATE_HEADERS = ["统一社会信用代码（或注册号）", "年报年度", "报送状态（已报送/逾期补报/未报送）", "报送日期（YYYY-MM-DD）", "备注"]
_STATUS_BY_LABEL = {label: status for status, label in STATUS_LABELS.items()}


def now() -> datetime:
    """The clock of the reporting window; tests patch it."""
    return datetime.now(UTC)


def window(at: datetime) -> dict[str, Any]:
    """The report year being filed at `at` and whether its window is open (dates in China time)."""
    s = annual_settings()
    today = at.astimezone(SHANGHAI).date()
    end = date(today.year, s.window_end_month, s.window_end_day)
    return {"year": today.year - 1, "start": date(today.year, 1, 1).isoformat(), "end": end.isoformat(),
            "open": today <= end, "days_left": (end - today).days if today <= end else 0}


def report_out(r: AnnualReport) -> dict[str, Any]:
    return {"year": r.year, "status": r.status.value, "status_label": STATUS_LABELS[r.status],
            "reported_on": r.reported_on.isoformat() if r.reported_on else None, "note": r.note}


def _required(business: Any, year: int) -> bool:
    """A business established after report year N has no report for N."""
    established = getattr(business, "established_on", None)
    return established is None or established.year <= year


async def home_status(*, business_id: int | None, at: datetime) -> dict[str, Any] | None:
    """What the home screen and the annual-report page show for the current business."""
    if business_id is None:
        return None
    w = window(at)
    business = await Business.filter(id=business_id).only("id", "established_on").first()
    report = await AnnualReport.get_or_none(business_id=business_id, year=w["year"])
    required = business is not None and _required(business, w["year"])
    done = report is not None and report.status in (ReportStatus.REPORTED, ReportStatus.LATE)
    status = report.status if report else (ReportStatus.MISSING if required else None)
    return {"year": w["year"], "window": {k: w[k] for k in ("start", "end", "open", "days_left")},
            "required": required, "status": status.value if status else None,
            "status_label": STATUS_LABELS[status] if status else "无需报送",
            "reminder": bool(required and w["open"] and not done),
            "url": annual_settings().report_url}


async def my_reports(*, business_id: int) -> dict[str, Any]:
    current = await home_status(business_id=business_id, at=now())
    history = await AnnualReport.filter(business_id=business_id).order_by("-year")
    return {**(current or {}), "history": [report_out(r) for r in history]}


# ----------------------------------------------------------------------------- staff side


def _check(business: Business, year: int, status: ReportStatus, reported_on: date | None, at: datetime) -> None:
    today = at.astimezone(SHANGHAI).date()
    if year >= today.year or not _required(business, year):
        raise e.ReportYearInvalid(data={"year": year})
    if reported_on is not None and (reported_on.year <= year or reported_on > today):
        raise e.ReportDateInvalid(data={"reported_on": reported_on.isoformat()})
    if status is ReportStatus.MISSING and reported_on is not None:
        raise e.ReportDateInvalid("未报送的年报不能填写报送日期")


async def _upsert(business: Business, *, year: int, status: ReportStatus, reported_on: date | None, note: str,
                  source: str, actor: StaffUser, conn: Any) -> bool:
    """Write one status; True when it was new."""
    row = await AnnualReport.select_for_update().using_db(conn).get_or_none(business_id=business.id, year=year)
    if row is None:
        row = await AnnualReport.create(business_id=business.id, org_id=business.org_id, year=year, status=status,
                                        reported_on=reported_on, note=note, source=source, updated_by=actor,
                                        using_db=conn)
        return True
    row.status, row.reported_on, row.note, row.source, row.updated_by_id = status, reported_on, note, source, actor.id
    await row.save(using_db=conn)
    return False


async def enter(deps: Deps, *, actor: StaffUser, code: str, year: int, status: ReportStatus,
                reported_on: date | None, note: str) -> dict[str, Any]:
    require(actor, Perm.ANNUAL_MANAGE)
    business = await find_business(code)
    await scope.ensure_in_scope(actor, business.org_id)
    _check(business, year, status, reported_on, now())
    async with in_transaction() as conn:
        created = await _upsert(business, year=year, status=status, reported_on=reported_on, note=note,
                                source="entered", actor=actor, conn=conn)
        await audit.record(actor=actor, action="annual.enter", target_type="business", target_id=business.id,
                           after={"year": year, "status": status.value, "created": created}, using_db=conn)
    await home_events.touch_business(deps.cache, business.id)
    report = await AnnualReport.get(business_id=business.id, year=year)
    return {"business": {"id": business.id, "name": business.name, "uscc": business.uscc}, **report_out(report),
            "created": created}


async def admin_list(*, actor: StaffUser, year: int | None, status: ReportStatus | None, q: str | None,
                     cursor: str | None, limit: int) -> dict[str, Any]:
    require(actor, Perm.ANNUAL_MANAGE)
    qs = scope.scoped(AnnualReport.all(), actor)
    if year:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    if q:
        code = uscc.normalize(q)
        qs = qs.filter(business__uscc=code) if len(code) == 18 else qs.filter(business__name__icontains=q)
    rows, nxt = await keyset(qs.prefetch_related("business"), cursor=cursor, limit=limit)
    return {"items": [{"id": r.id, "business": {"id": r.business.id, "name": r.business.name,
                                                "uscc": r.business.uscc}, **report_out(r),
                       "source": r.source, "updated_at": r.updated_at.isoformat()} for r in rows], "next": nxt}


async def stats(*, actor: StaffUser, year: int) -> dict[str, Any]:
    """Of the businesses in scope that owe report `year`: how many reported, late, and still missing."""
    require(actor, Perm.ANNUAL_MANAGE)
    owing = scope.scoped(Business.filter(Q(established_on__lte=date(year, 12, 31)) | Q(established_on__isnull=True)),
                         actor)
    total = await owing.count()
    reports = scope.scoped(AnnualReport.filter(year=year), actor)
    reported = await reports.filter(status=ReportStatus.REPORTED).count()
    late = await reports.filter(status=ReportStatus.LATE).count()
    return {"year": year, "owing": total, "reported": reported, "late": late,
            "missing": max(total - reported - late, 0),
            "rate": round((reported + late) / total * 100, 1) if total else None}


def template() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "年报状态"
    ws.append(TEMPLATE_HEADERS)
    for col, width in zip("ABCDE", (30, 10, 34, 22, 30), strict=True):
        ws.column_dimensions[col].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _cell_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip())


async def import_sheet(deps: Deps, *, actor: StaffUser, data: bytes) -> dict[str, Any]:
    """Each row is checked on its own: good rows are written, bad rows come back with the reason."""
    require(actor, Perm.ANNUAL_MANAGE)
    try:
        wb = xlsx.load_read_only(data)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise e.ImportFileInvalid() from exc
    ws = wb.worksheets[0]
    limit = annual_settings().import_max_rows
    created = updated = 0
    failures: list[dict[str, Any]] = []
    touched: list[int] = []
    at = now()
    for index, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if index - 1 > limit:
            raise e.ImportTooLarge(data={"max_rows": limit})
        cells = list(row) + [None] * 5
        if all(c in (None, "") for c in cells[:5]):
            continue
        code = str(cells[0] or "").strip()
        try:
            year = int(str(cells[1]).strip())
            status = _STATUS_BY_LABEL.get(str(cells[2] or "").strip()) or ReportStatus(str(cells[2]).strip())
            reported_on = _cell_date(cells[3])
            business = await find_business(code)
            if not await scope.in_scope(actor, business.org_id):
                raise PermissionError
            _check(business, year, status, reported_on, at)
        except PermissionError:
            failures.append({"row": index, "code": code, "reason": "该主体不在本机构管辖范围内"})
            continue
        except (ValueError, TypeError):
            failures.append({"row": index, "code": code, "reason": "年度、状态或日期格式不正确"})
            continue
        except AppError as exc:  # e.g. no such business, a year it does not owe
            failures.append({"row": index, "code": code, "reason": exc.message})
            continue
        async with in_transaction() as conn:
            new = await _upsert(business, year=year, status=status, reported_on=reported_on,
                                note=str(cells[4] or "")[:200], source="imported", actor=actor, conn=conn)
        created, updated = created + new, updated + (not new)
        touched.append(business.id)
    wb.close()
    await audit.record(actor=actor, action="annual.import", target_type="annual_report", target_id=None,
                       after={"created": created, "updated": updated, "failed": len(failures)})
    if touched:
        await home_events.touch_all(deps.cache)
    return {"created": created, "updated": updated, "failed": len(failures), "failures": failures[:500]}
