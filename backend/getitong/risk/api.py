"""Risk warnings (风险预警): staff records and imports, the shop owner's three lists."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from getitong.common import home_events
from getitong.common.guards import current_business, deps_of, person_required, staff_required
from getitong.core import errors
from getitong.core.pagination import PageQuery
from getitong.core.web import body, file_reply, ok, parse, query
from getitong.risk import importer, service
from getitong.risk import schemas as s
from getitong.risk.config import RiskSettings
from getitong.risk.workflow import ImportKind

bp_mp = Blueprint("risk_mp", url_prefix="/api/v1/mp/risk-records")
bp_admin = Blueprint("risk_admin", url_prefix="/api/v1/admin/risk-records")
blueprints = [bp_mp, bp_admin]


def _xlsx(name: str, data: bytes) -> HTTPResponse:
    return file_reply(data, name, importer.XLSX)


# ---- shop owner ----


@bp_mp.get("", strict_slashes=False)
@openapi.summary("风险预警：当前经营主体的严重违法、经营异常、行政处罚信息")
@person_required
@query(s.MpRecordQuery)
async def mp_records(request: Request, q: s.MpRecordQuery) -> HTTPResponse:
    return ok(await service.business_records(business_id=current_business(request), kind=q.kind, cursor=q.cursor,
                                             limit=q.limit))


# ---- staff: records ----


@bp_admin.get("", strict_slashes=False)
@openapi.summary("风险记录列表（行政处罚 / 严重违法失信 / 经营异常，本级及下级）")
@staff_required
@query(s.AdminRecordQuery)
async def admin_records(request: Request, q: s.AdminRecordQuery) -> HTTPResponse:
    return ok(await service.list_records(actor=request.ctx.actor, q=q))


async def _touched(request: Request, record: dict[str, Any]) -> dict[str, Any]:
    """The business's risk count on the home screen changed."""
    await home_events.touch_business(deps_of(request).cache, record["business"]["id"])
    return record


@bp_admin.post("/penalties")
@openapi.summary("录入行政处罚信息（按统一社会信用代码或注册号记于主体名下）")
@staff_required
@body(s.PenaltyCreate)
async def create_penalty(request: Request, data: s.PenaltyCreate) -> HTTPResponse:
    return ok(await _touched(request, await service.create_penalty(actor=request.ctx.actor, data=data)), status=201)


@bp_admin.get("/penalties/<penalty_id:int>")
@openapi.summary("行政处罚信息详情")
@staff_required
async def get_penalty(request: Request, penalty_id: int) -> HTTPResponse:
    return ok(await service.get_penalty(actor=request.ctx.actor, penalty_id=penalty_id))


@bp_admin.patch("/penalties/<penalty_id:int>")
@openapi.summary("修改行政处罚信息")
@staff_required
@body(s.PenaltyUpdate)
async def update_penalty(request: Request, penalty_id: int, data: s.PenaltyUpdate) -> HTTPResponse:
    return ok(await _touched(request, await service.update_penalty(actor=request.ctx.actor, penalty_id=penalty_id,
                                                                   data=data)))


@bp_admin.post("/listings")
@openapi.summary("录入列入名单信息（严重违法失信名单 / 经营异常名录或状态）")
@staff_required
@body(s.ListingCreate)
async def create_listing(request: Request, data: s.ListingCreate) -> HTTPResponse:
    return ok(await _touched(request, await service.create_listing(actor=request.ctx.actor, data=data)), status=201)


@bp_admin.get("/listings/<listing_id:int>")
@openapi.summary("列入名单信息详情")
@staff_required
async def get_listing(request: Request, listing_id: int) -> HTTPResponse:
    return ok(await service.get_listing(actor=request.ctx.actor, listing_id=listing_id))


@bp_admin.patch("/listings/<listing_id:int>")
@openapi.summary("修改列入名单信息（仅列入中的记录）")
@staff_required
@body(s.ListingUpdate)
async def update_listing(request: Request, listing_id: int, data: s.ListingUpdate) -> HTTPResponse:
    return ok(await _touched(request, await service.update_listing(actor=request.ctx.actor, listing_id=listing_id,
                                                                   data=data)))


@bp_admin.post("/listings/<listing_id:int>/remove")
@openapi.summary("移出名单（填写移出原因、日期、决定机关）")
@staff_required
@body(s.ListingRemove)
async def remove_listing(request: Request, listing_id: int, data: s.ListingRemove) -> HTTPResponse:
    actor = request.ctx.actor
    x = await service.remove_listing(actor=actor, listing_id=listing_id, reason=data.reason,
                                     removed_on=data.removed_on, remove_org_id=data.remove_org_id)
    return ok(await _touched(request, service.listing_out(x, staff=True)))


# ---- staff: Excel import ----


class TemplateQuery(BaseModel):
    kind: ImportKind = Field(..., description="penalties 行政处罚；listings 列入名单")


class ImportForm(BaseModel):
    kind: ImportKind


@bp_admin.get("/imports/template")
@openapi.summary("下载导入模板（Excel）")
@staff_required
@query(TemplateQuery)
async def import_template(request: Request, q: TemplateQuery) -> HTTPResponse:
    from getitong.staff.permissions import Perm
    from getitong.staff.service import require

    require(request.ctx.actor, Perm.RISK_MANAGE)
    name = "行政处罚信息导入模板.xlsx" if q.kind == ImportKind.PENALTIES else "列入名单信息导入模板.xlsx"
    return _xlsx(name, importer.template_bytes(q.kind))


@bp_admin.post("/imports")
@openapi.summary("导入 Excel（后台处理，返回任务；轮询任务查看进度与结果）")
@openapi.body({"multipart/form-data": {"type": "object", "properties": {
    "file": {"type": "string", "format": "binary"}, "kind": {"type": "string", "enum": ["penalties", "listings"]}}}})
@staff_required
async def start_import(request: Request) -> HTTPResponse:
    form = parse(ImportForm, {"kind": request.form.get("kind") if request.form else None})
    f = request.files.get("file") if request.files else None
    if f is None or not f.body:
        raise errors.ValidationFailed("请选择要导入的 Excel 文件（字段 file）")
    deps = deps_of(request)
    job = await importer.start_import(deps, actor=request.ctx.actor, kind=form.kind, file_name=f.name or "",
                                      data=f.body)
    importer.schedule(deps, job.id)
    return ok(importer.import_out(job), status=202)


@bp_admin.get("/imports")
@openapi.summary("导入任务列表（本级及下级）")
@staff_required
@query(PageQuery)
async def list_imports(request: Request, q: PageQuery) -> HTTPResponse:
    return ok(await importer.list_jobs(actor=request.ctx.actor, cursor=q.cursor, limit=q.limit))


@bp_admin.get("/imports/<import_id:int>")
@openapi.summary("导入任务进度与结果（总数、成功、失败）")
@staff_required
async def get_import(request: Request, import_id: int) -> HTTPResponse:
    return ok(importer.import_out(await importer.job_in_scope(actor=request.ctx.actor, import_id=import_id)))


@bp_admin.get("/imports/<import_id:int>/report")
@openapi.summary("下载失败记录（原行 + 失败原因）")
@staff_required
async def import_report(request: Request, import_id: int) -> HTTPResponse:
    name, data = await importer.report_of(deps_of(request), actor=request.ctx.actor, import_id=import_id)
    return _xlsx(name, data)


@bp_admin.after_server_start
async def _recover_imports(app: object) -> None:
    settings = RiskSettings()
    if settings.background_jobs:
        await importer.recover_stale(settings.import_stale_seconds)
