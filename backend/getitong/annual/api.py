"""Annual reports over HTTP: /api/v1/mp/annual-report (owner) and /api/v1/admin/annual-reports (staff)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from getitong.annual import schemas as s
from getitong.annual import service
from getitong.common.guards import current_business, deps_of, person_required, staff_required
from getitong.core import errors
from getitong.core.web import body, file_reply, ok, query
from getitong.staff.permissions import Perm
from getitong.staff.service import require

bp_mp = Blueprint("annual_mp", url_prefix="/api/v1/mp/annual-report")
bp_admin = Blueprint("annual_admin", url_prefix="/api/v1/admin/annual-reports")
blueprints = [bp_mp, bp_admin]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp_mp.get("/")
@openapi.summary("年度报告：年报网址、本年度报送状态与提醒、历年记录（当前经营主体）")
@person_required
async def mp_status(request: Request) -> HTTPResponse:
    return ok(await service.my_reports(business_id=current_business(request)))


@bp_admin.get("/")
@openapi.summary("年报状态列表（本级及下级）")
@staff_required
@query(s.AdminReportQuery)
async def admin_list(request: Request, q: s.AdminReportQuery) -> HTTPResponse:
    return ok(await service.admin_list(actor=request.ctx.actor, year=q.year, status=q.status, q=q.q,
                                       cursor=q.cursor, limit=q.limit))


@bp_admin.put("/")
@openapi.summary("录入或更正一户的年报状态")
@staff_required
@body(s.ReportEnter)
async def admin_enter(request: Request, data: s.ReportEnter) -> HTTPResponse:
    return ok(await service.enter(deps_of(request), actor=request.ctx.actor, **data.model_dump()))


@bp_admin.get("/stats")
@openapi.summary("年报统计：应报、已报、逾期补报、未报（本级及下级）")
@staff_required
@query(s.StatsQuery)
async def admin_stats(request: Request, q: s.StatsQuery) -> HTTPResponse:
    return ok(await service.stats(actor=request.ctx.actor, year=q.year))


@bp_admin.get("/template")
@openapi.summary("下载年报状态导入模板")
@staff_required
async def admin_template(request: Request) -> HTTPResponse:
    require(request.ctx.actor, Perm.ANNUAL_MANAGE)
    return file_reply(service.template(), "年报状态导入模板.xlsx", XLSX)


@bp_admin.post("/import")
@openapi.summary("导入年报状态（Excel，逐行校验，返回失败行及原因）")
@openapi.body({"multipart/form-data": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}})
@staff_required
async def admin_import(request: Request) -> HTTPResponse:
    require(request.ctx.actor, Perm.ANNUAL_MANAGE)
    f = request.files.get("file") if request.files else None
    if f is None or not f.body:
        raise errors.ValidationFailed("请选择要导入的 Excel 文件（字段 file）")
    return ok(await service.import_sheet(deps_of(request), actor=request.ctx.actor, data=f.body))
