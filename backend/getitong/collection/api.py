"""信息归集 (data collection) for staff: online entry, Excel / XML import, problem data, statistics, 批量对比."""

from __future__ import annotations

from functools import wraps
from typing import Any

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from getitong.collection import compare, importer, service
from getitong.collection import errors as c_errors
from getitong.collection import schemas as s
from getitong.collection.config import CollectionSettings
from getitong.collection.workflow import KIND_LABELS, Kind
from getitong.common import home_events
from getitong.common.guards import deps_of, staff_required
from getitong.core import errors
from getitong.core.web import XLSX, body, file_reply, keep_docs, ok, parse, query
from getitong.staff.permissions import Perm
from getitong.staff.service import require

bp_admin = Blueprint("collection_admin", url_prefix="/api/v1/admin/collection")
blueprints = [bp_admin]


def data_import(handler: Any) -> Any:
    """Permission before the body or query is read: a role without data:import gets 403, never a 422 that
    describes the form."""
    @wraps(handler)
    async def wrapped(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        require(request.ctx.actor, Perm.DATA_IMPORT)
        return await handler(request, *args, **kwargs)
    return keep_docs(handler, wrapped)


def _upload(request: Request) -> tuple[str, bytes]:
    f = request.files.get("file") if request.files else None
    if f is None or not f.body:
        raise c_errors.FileInvalid("请选择要上传的文件（字段 file）")
    limit = deps_of(request).settings.upload_max_bytes
    if len(f.body) > limit:  # also where the server's request size limit does not apply (ASGI)
        raise errors.FileTooLarge(f"文件过大，不能超过 {limit // (1024 * 1024)} MB，请拆分后上传",
                                  data={"max_bytes": limit})
    return f.name or "", f.body


async def _touch(request: Request, record: dict) -> dict:
    """A matched penalty changes the business's risk count on the home screen."""
    if record["kind"] == Kind.PENALTY.value and record["business_id"]:
        await home_events.touch_business(deps_of(request).cache, record["business_id"])
    return record


@bp_admin.get("/options")
@openapi.summary("信息归集：类别、记名状态、渠道与各类别的表单字段")
@staff_required
@data_import
async def options(request: Request) -> HTTPResponse:
    return ok(service.options(actor=request.ctx.actor))


@bp_admin.get("/records")
@openapi.summary("本部门归集记录（记名成功 / 记名不成功 / 处理中）")
@staff_required
@data_import
@query(s.RecordQuery)
async def list_records(request: Request, q: s.RecordQuery) -> HTTPResponse:
    return ok(await service.list_records(actor=request.ctx.actor, q=q))


@bp_admin.post("/records")
@openapi.summary("在线录入（先查询主体后录入则直接记名；重复提交更新原记录）")
@staff_required
@data_import
@body(s.RecordCreate)
async def create_record(request: Request, data: s.RecordCreate) -> HTTPResponse:
    out, created = await service.create_record(actor=request.ctx.actor, data=data)
    return ok(await _touch(request, out), status=201 if created else 200)


@bp_admin.post("/records/rematch")
@openapi.summary("重新记名：本部门记名不成功的记录与登记库重新比对（新登记或更正后的主体）")
@staff_required
@data_import
@body(s.RematchRequest)
async def rematch(request: Request, data: s.RematchRequest) -> HTTPResponse:
    out = await service.rematch(actor=request.ctx.actor, data=data)
    if out["penalties_matched"]:
        await home_events.touch_all(deps_of(request).cache)  # risk counts of the businesses changed
    return ok(out)


@bp_admin.get("/records/<record_id:int>")
@openapi.summary("归集记录详情（含变更信息）")
@staff_required
@data_import
async def get_record(request: Request, record_id: int) -> HTTPResponse:
    return ok(await service.get_record(actor=request.ctx.actor, record_id=record_id))


@bp_admin.patch("/records/<record_id:int>")
@openapi.summary("修正归集记录并重新记名（记入变更信息）")
@staff_required
@data_import
@body(s.RecordUpdate)
async def update_record(request: Request, record_id: int, data: s.RecordUpdate) -> HTTPResponse:
    return ok(await _touch(request, await service.update_record(actor=request.ctx.actor, record_id=record_id,
                                                                data=data)))


@bp_admin.delete("/records/<record_id:int>")
@openapi.summary("删除问题数据（仅记名不成功或处理中的记录）")
@staff_required
@data_import
async def delete_record(request: Request, record_id: int) -> HTTPResponse:
    await service.delete_record(actor=request.ctx.actor, record_id=record_id)
    return ok()


@bp_admin.get("/imports/template")
@openapi.summary("下载批量导入模板（Excel）")
@staff_required
@data_import
@query(s.KindQuery)
async def import_template(request: Request, q: s.KindQuery) -> HTTPResponse:
    return file_reply(importer.template_bytes(q.kind), f"{KIND_LABELS[q.kind]}信息导入模板.xlsx", XLSX)


@bp_admin.get("/imports/xml-sample")
@openapi.summary("下载数据接口 XML 示例")
@staff_required
@data_import
@query(s.KindQuery)
async def xml_sample(request: Request, q: s.KindQuery) -> HTTPResponse:
    return file_reply(importer.xml_sample(q.kind), f"{KIND_LABELS[q.kind]}信息数据接口示例.xml",
                      "application/xml; charset=utf-8")


@bp_admin.post("/imports")
@openapi.summary("批量导入（Excel 或 XML，后台处理，返回任务；轮询任务查看进度）")
@openapi.body({"multipart/form-data": {"type": "object", "properties": {
    "file": {"type": "string", "format": "binary"}, "kind": {"type": "string", "enum": [k.value for k in Kind]}}}})
@staff_required
@data_import
async def start_import(request: Request) -> HTTPResponse:
    form = parse(s.KindQuery, {"kind": request.form.get("kind") if request.form else None})
    name, data = _upload(request)
    deps = deps_of(request)
    job = await importer.start_import(deps, actor=request.ctx.actor, kind=form.kind, file_name=name, data=data)
    importer.schedule(deps, job.id)
    return ok(importer.job_out(job, request.ctx.actor.org.name), status=202)


@bp_admin.get("/imports")
@openapi.summary("导入任务列表（本级及下级）")
@staff_required
@data_import
@query(s.ImportQuery)
async def list_imports(request: Request, q: s.ImportQuery) -> HTTPResponse:
    return ok(await importer.list_jobs(actor=request.ctx.actor, kind=q.kind, status=q.status, cursor=q.cursor,
                                       limit=q.limit))


@bp_admin.get("/imports/<import_id:int>")
@openapi.summary("导入任务进度与结果")
@staff_required
@data_import
async def get_import(request: Request, import_id: int) -> HTTPResponse:
    return ok(importer.job_out(await importer.job_in_scope(actor=request.ctx.actor, import_id=import_id)))


@bp_admin.get("/imports/<import_id:int>/report")
@openapi.summary("下载失败记录（原行号、原行、失败原因；含记名不成功的行）")
@staff_required
@data_import
async def import_report(request: Request, import_id: int) -> HTTPResponse:
    name, data = await importer.report_of(deps_of(request), actor=request.ctx.actor, import_id=import_id)
    return file_reply(data, name, XLSX)


@bp_admin.get("/stats")
@openapi.summary("本部门归集信息查询统计（按类别、记名状态、地市；本年度与累计）")
@staff_required
@data_import
@query(s.StatsQuery)
async def stats(request: Request, q: s.StatsQuery) -> HTTPResponse:
    return ok(await service.stats(actor=request.ctx.actor, year=q.year))


@bp_admin.get("/compare/template")
@openapi.summary("下载批量对比模板")
@staff_required
@data_import
async def compare_template(request: Request) -> HTTPResponse:
    return file_reply(compare.template_bytes(), "批量对比模板.xlsx", XLSX)


@bp_admin.post("/compare")
@openapi.summary("批量对比：上传注册号/统一社会信用代码清单，返回登记库中的信息（Excel）")
@openapi.body({"multipart/form-data": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}})
@staff_required
@data_import
async def run_compare(request: Request) -> HTTPResponse:
    _, data = _upload(request)
    result, counts = await compare.compare(actor=request.ctx.actor, data=data)
    summary = ";".join(f"{k}={v}" for k, v in counts.items())
    return file_reply(result, "批量对比结果.xlsx", XLSX, headers={"X-Compare-Counts": summary})


@bp_admin.after_server_start
async def _recover_imports(app: object) -> None:
    settings = CollectionSettings()
    if settings.background_jobs:
        await importer.recover_stale(settings.import_stale_seconds)
