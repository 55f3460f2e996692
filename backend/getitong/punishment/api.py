"""联合惩戒 endpoints (/api/v1/admin/punishment)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from getitong.common.guards import staff_required
from getitong.core import errors
from getitong.core.web import body, file_reply, ok, query
from getitong.punishment import schemas as s
from getitong.punishment import service

bp_admin = Blueprint("punishment_admin", url_prefix="/api/v1/admin/punishment")
blueprints = [bp_admin]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(data: bytes, content_type: str, name: str) -> HTTPResponse:
    return file_reply(data, name, content_type)


@bp_admin.get("/catalog")
@openapi.summary("惩戒目录")
@staff_required
async def catalog(request: Request) -> HTTPResponse:
    return ok(await service.list_entries(actor=request.ctx.actor))


@bp_admin.get("/departments")
@openapi.summary("可选的惩戒机关（本级及下级的部门）")
@staff_required
async def departments(request: Request) -> HTTPResponse:
    return ok(await service.departments(actor=request.ctx.actor))


@bp_admin.post("/catalog")
@openapi.summary("新增惩戒目录（项目名称、提请机关、惩戒机关、依据、措施）")
@staff_required
@body(s.EntryIn)
async def create_entry(request: Request, data: s.EntryIn) -> HTTPResponse:
    return ok(await service.create_entry(actor=request.ctx.actor, data=data), status=201)


@bp_admin.delete("/catalog/<entry_id:int>")
@openapi.summary("删除惩戒目录（未被使用的）")
@staff_required
async def delete_entry(request: Request, entry_id: int) -> HTTPResponse:
    await service.delete_entry(actor=request.ctx.actor, entry_id=entry_id)
    return ok()


@bp_admin.post("/subjects/parse")
@openapi.summary("由 Excel（统一社会信用代码列）导入惩戒主体：找到的主体与未匹配的行")
@openapi.body({"multipart/form-data": {"type": "object", "properties": {"file": {"type": "string",
                                                                                  "format": "binary"}}}})
@staff_required
async def parse_subjects(request: Request) -> HTTPResponse:
    f = request.files.get("file") if request.files else None
    if f is None:
        raise errors.ValidationFailed("请选择要上传的文件（字段 file）")
    return ok(await service.parse_subjects(actor=request.ctx.actor, data=f.body))


@bp_admin.post("/matters")
@openapi.summary("惩戒事项发布：惩戒主体 + 惩戒目录，发布至各目录的惩戒机关")
@staff_required
@body(s.MatterIn)
async def publish(request: Request, data: s.MatterIn) -> HTTPResponse:
    return ok(await service.publish(actor=request.ctx.actor, data=data), status=201)


@bp_admin.get("/matters")
@openapi.summary("惩戒清单查询（本级及下级发布的惩戒事项、主体、依据与实施记录）")
@staff_required
@query(s.MatterQuery)
async def matters(request: Request, q: s.MatterQuery) -> HTTPResponse:
    return ok(await service.list_matters(actor=request.ctx.actor, q=q))


@bp_admin.get("/matters/<matter_id:int>")
@openapi.summary("惩戒事项详情")
@staff_required
async def matter(request: Request, matter_id: int) -> HTTPResponse:
    return ok(await service.matter(actor=request.ctx.actor, matter_id=matter_id))


@bp_admin.get("/matters/export")
@openapi.summary("惩戒事项导出（Excel）：选中的事项（ids，逗号分隔）或当前查询条件的事项，每个主体一行")
@staff_required
@query(s.MatterExportQuery)
async def export_matters(request: Request, q: s.MatterExportQuery) -> HTTPResponse:
    return _file(await service.export_matters(actor=request.ctx.actor, q=q), XLSX, "惩戒事项.xlsx")


@bp_admin.patch("/matters/<matter_id:int>")
@openapi.summary("修改惩戒事项（决定信息、惩戒主体、惩戒目录）；已有反馈的主体或目录不能移除")
@staff_required
@body(s.MatterPatch)
async def update_matter(request: Request, matter_id: int, data: s.MatterPatch) -> HTTPResponse:
    return ok(await service.update_matter(actor=request.ctx.actor, matter_id=matter_id, data=data))


@bp_admin.delete("/matters/<matter_id:int>")
@openapi.summary("删除惩戒事项（尚无惩戒实施反馈的）")
@staff_required
async def delete_matter(request: Request, matter_id: int) -> HTTPResponse:
    await service.delete_matter(actor=request.ctx.actor, matter_id=matter_id)
    return ok()


@bp_admin.get("/stats")
@openapi.summary("惩戒实施反馈统计（年度，按类别与目录）")
@staff_required
@query(s.StatsQuery)
async def stats(request: Request, q: s.StatsQuery) -> HTTPResponse:
    return ok(await service.stats(actor=request.ctx.actor, year=q.year))


@bp_admin.get("/inbox")
@openapi.summary("本部门收到的联合惩戒事项")
@staff_required
@query(s.MatterQuery)
async def inbox(request: Request, q: s.MatterQuery) -> HTTPResponse:
    return ok(await service.inbox(actor=request.ctx.actor, q=q))


@bp_admin.get("/inbox/export")
@openapi.summary("批量下载本部门的联合惩戒事项（format=xml 或 xlsx，按查询条件）")
@staff_required
@query(s.InboxExportQuery)
async def inbox_export(request: Request, q: s.InboxExportQuery) -> HTTPResponse:
    data = await service.inbox_export(actor=request.ctx.actor, q=q)
    if q.format == "xlsx":
        return _file(data, XLSX, "联合惩戒.xlsx")
    return _file(data, "application/xml", "联合惩戒.xml")


@bp_admin.post("/inbox/<matter_id:int>/feedback")
@openapi.summary("惩戒实施反馈（本部门的目录、事项的主体）")
@staff_required
@body(s.FeedbackIn)
async def feedback(request: Request, matter_id: int, data: s.FeedbackIn) -> HTTPResponse:
    return ok(await service.feedback(actor=request.ctx.actor, matter_id=matter_id, data=data), status=201)


@bp_admin.get("/lists")
@openapi.summary("信息接收：严重违法失信企业名单 / 经营异常名录（本部门辖区，含下载状态）")
@staff_required
@query(s.ListQuery)
async def lists(request: Request, q: s.ListQuery) -> HTTPResponse:
    return ok(await service.received_lists(actor=request.ctx.actor, q=q))


@bp_admin.post("/lists/download")
@openapi.summary("下载选中的名单记录（Excel），并标记为已下载")
@staff_required
@body(s.ListDownloadIn)
async def download(request: Request, data: s.ListDownloadIn) -> HTTPResponse:
    return _file(await service.download_lists(actor=request.ctx.actor, data=data), XLSX, "名单.xlsx")
