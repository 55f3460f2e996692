"""双随机 (random inspections) HTTP API: staff side under /api/v1/admin/inspections, the business's published
results under /api/v1/mp/inspections. Handlers validate, call one service function and serialize."""

from __future__ import annotations

import re
from typing import Any

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from getitong.common import xlsx
from getitong.common.guards import current_business, person_required, staff_required
from getitong.core import errors
from getitong.core.pagination import PageQuery
from getitong.core.web import body, file_reply, ok, parse, query
from getitong.supervision import errors as e
from getitong.supervision import importer, service
from getitong.supervision import schemas as s
from getitong.supervision.config import SupervisionSettings
from getitong.supervision.workflow import PlanAction

bp_mp = Blueprint("supervision_mp", url_prefix="/api/v1/mp/inspections")
bp_admin = Blueprint("supervision_admin", url_prefix="/api/v1/admin/inspections")
blueprints = [bp_mp, bp_admin]


def _settings() -> SupervisionSettings:
    return SupervisionSettings()


def _xlsx(name: str, data: bytes) -> HTTPResponse:
    return file_reply(data, name, importer.XLSX)


def _file(request: Request) -> Any:
    f = request.files.get("file") if request.files else None
    if f is None or not f.body:
        raise errors.ValidationFailed("请选择要导入的文件（字段 file）")
    return f


_CODE = re.compile(r"^[0-9A-Z]{8,32}$")


def _codes(request: Request) -> list[str]:
    """A list of USCCs / 注册号: JSON {"codes": [...]}, or a file (xlsx first column, or txt one per line)."""
    if request.files and request.files.get("file"):
        f = _file(request)
        if f.body.startswith(b"PK\x03\x04"):
            try:
                wb = xlsx.load_read_only(f.body)
                values = [row[0] for row in wb.worksheets[0].iter_rows(values_only=True) if row]
                wb.close()
            except Exception as exc:  # noqa: BLE001 - any broken workbook is the same refusal
                raise e.ImportFileInvalid("请上传 xlsx 或 txt 文件") from exc
        else:
            try:
                values = f.body.decode("utf-8-sig").splitlines()
            except UnicodeDecodeError as exc:
                raise e.ImportFileInvalid("请上传 xlsx 或 txt（UTF-8）文件") from exc
        codes = [str(v).strip().upper() for v in values if v is not None and str(v).strip()]
        codes = [c for c in codes if _CODE.match(c)]  # the header row and notes are skipped
        if not codes:
            raise errors.ValidationFailed("文件中没有统一社会信用代码或注册号")
        return codes
    try:
        payload = request.json
    except Exception as exc:  # noqa: BLE001 - Sanic raises BadRequest on broken JSON
        raise errors.ValidationFailed("请求体不是有效的 JSON") from exc
    return parse(s.Codes, payload).codes


# ================================================================ catalog


@bp_admin.get("/catalog")
@openapi.summary("随机抽查事项清单：检查项目 → 检查子项 → 检查内容")
@staff_required
@query(s.CatalogQuery)
async def catalog(request: Request, q: s.CatalogQuery) -> HTTPResponse:
    return ok(await service.catalog(actor=request.ctx.actor, line=q.line, enabled_only=q.enabled_only))


@bp_admin.post("/items")
@openapi.summary("添加检查项目")
@staff_required
@body(s.ItemCreate)
async def create_item(request: Request, data: s.ItemCreate) -> HTTPResponse:
    return ok(await service.create_item(actor=request.ctx.actor, data=data), status=201)


@bp_admin.patch("/items/<item_id:int>")
@openapi.summary("修改检查项目")
@staff_required
@body(s.ItemUpdate)
async def update_item(request: Request, item_id: int, data: s.ItemUpdate) -> HTTPResponse:
    return ok(await service.update_item(actor=request.ctx.actor, item_id=item_id, data=data))


@bp_admin.post("/items/<item_id:int>/subitems")
@openapi.summary("添加检查子项（检查方法与要求、检查依据）")
@staff_required
@body(s.SubItemCreate)
async def create_subitem(request: Request, item_id: int, data: s.SubItemCreate) -> HTTPResponse:
    return ok(await service.create_subitem(actor=request.ctx.actor, item_id=item_id, data=data), status=201)


@bp_admin.patch("/subitems/<subitem_id:int>")
@openapi.summary("修改检查子项")
@staff_required
@body(s.SubItemUpdate)
async def update_subitem(request: Request, subitem_id: int, data: s.SubItemUpdate) -> HTTPResponse:
    return ok(await service.update_subitem(actor=request.ctx.actor, subitem_id=subitem_id, data=data))


@bp_admin.post("/subitems/<subitem_id:int>/contents")
@openapi.summary("添加检查内容（选择型 / 数值型 / 填写型 / 是非型）")
@staff_required
@body(s.ContentCreate)
async def create_content(request: Request, subitem_id: int, data: s.ContentCreate) -> HTTPResponse:
    return ok(await service.create_content(actor=request.ctx.actor, subitem_id=subitem_id, data=data), status=201)


@bp_admin.patch("/contents/<content_id:int>")
@openapi.summary("修改检查内容")
@staff_required
@body(s.ContentUpdate)
async def update_content(request: Request, content_id: int, data: s.ContentUpdate) -> HTTPResponse:
    return ok(await service.update_content(actor=request.ctx.actor, content_id=content_id, data=data))


# ================================================================ inspectors


@bp_admin.get("/inspectors")
@openapi.summary("执法人员名录库（本级及下级）")
@staff_required
@query(s.InspectorQuery)
async def list_inspectors(request: Request, q: s.InspectorQuery) -> HTTPResponse:
    return ok(await service.list_inspectors(actor=request.ctx.actor, q=q))


@bp_admin.get("/staff")
@openapi.summary("查找可加入执法人员库的系统用户（姓名或账号，本级及下级）")
@staff_required
@query(s.StaffLookupQuery)
async def lookup_staff(request: Request, q: s.StaffLookupQuery) -> HTTPResponse:
    return ok(await service.lookup_staff(actor=request.ctx.actor, q=q.q, limit=q.limit))


@bp_admin.post("/inspectors")
@openapi.summary("新增执法人员（须已有系统用户账号）")
@staff_required
@body(s.InspectorCreate)
async def create_inspector(request: Request, data: s.InspectorCreate) -> HTTPResponse:
    return ok(await service.create_inspector(actor=request.ctx.actor, data=data), status=201)


@bp_admin.get("/inspectors/export")
@openapi.summary("导出执法人员名录（Excel）")
@staff_required
@query(s.InspectorQuery)
async def export_inspectors(request: Request, q: s.InspectorQuery) -> HTTPResponse:
    items = await service.export_inspectors(actor=request.ctx.actor, q=q, max_rows=_settings().export_max_rows)
    return _xlsx("执法人员名录.xlsx", importer.inspectors_xlsx(items))


@bp_admin.get("/inspectors/template")
@openapi.summary("下载执法检查人员名录导入模板")
@staff_required
async def inspector_template(request: Request) -> HTTPResponse:
    from getitong.staff.permissions import Perm
    from getitong.staff.service import require

    require(request.ctx.actor, Perm.INSPECTOR_MANAGE)
    return _xlsx("执法检查人员名录导入模板.xlsx", importer.template_bytes())


@bp_admin.post("/inspectors/imports")
@openapi.summary("导入执法人员名录（Excel），逐行返回导入结果")
@openapi.body({"multipart/form-data": {"type": "object", "properties": {"file": {"type": "string",
                                                                                 "format": "binary"}}}})
@staff_required
async def import_inspectors(request: Request) -> HTTPResponse:
    f = _file(request)
    return ok(await importer.import_inspectors(actor=request.ctx.actor, data=f.body,
                                               max_rows=_settings().inspector_import_max_rows))


@bp_admin.get("/inspectors/<inspector_id:int>")
@openapi.summary("执法人员详情（含回避名单）")
@staff_required
async def get_inspector(request: Request, inspector_id: int) -> HTTPResponse:
    return ok(await service.get_inspector(actor=request.ctx.actor, inspector_id=inspector_id))


@bp_admin.patch("/inspectors/<inspector_id:int>")
@openapi.summary("修改执法人员信息")
@staff_required
@body(s.InspectorUpdate)
async def update_inspector(request: Request, inspector_id: int, data: s.InspectorUpdate) -> HTTPResponse:
    return ok(await service.update_inspector(actor=request.ctx.actor, inspector_id=inspector_id, data=data))


@bp_admin.post("/inspectors/<inspector_id:int>/withdraw")
@openapi.summary("撤销（移出执法人员库）")
@staff_required
@body(s.Reason)
async def withdraw_inspector(request: Request, inspector_id: int, data: s.Reason) -> HTTPResponse:
    return ok(await service.set_inspector_status(actor=request.ctx.actor, inspector_id=inspector_id, withdraw=True,
                                                 reason=data.reason))


@bp_admin.post("/inspectors/<inspector_id:int>/restore")
@openapi.summary("恢复已撤销的执法人员")
@staff_required
@body(s.Reason)
async def restore_inspector(request: Request, inspector_id: int, data: s.Reason) -> HTTPResponse:
    return ok(await service.set_inspector_status(actor=request.ctx.actor, inspector_id=inspector_id, withdraw=False,
                                                 reason=data.reason))


@bp_admin.post("/inspectors/<inspector_id:int>/recusals")
@openapi.summary("添加回避主体（该执法人员不会被选派检查该主体）")
@staff_required
@body(s.RecusalCreate)
async def add_recusal(request: Request, inspector_id: int, data: s.RecusalCreate) -> HTTPResponse:
    return ok(await service.add_recusal(actor=request.ctx.actor, inspector_id=inspector_id, data=data), status=201)


@bp_admin.delete("/inspectors/<inspector_id:int>/recusals/<recusal_id:int>")
@openapi.summary("删除回避主体")
@staff_required
async def delete_recusal(request: Request, inspector_id: int, recusal_id: int) -> HTTPResponse:
    await service.delete_recusal(actor=request.ctx.actor, inspector_id=inspector_id, recusal_id=recusal_id)
    return ok(None)


# ================================================================ plans


@bp_admin.get("/plans")
@openapi.summary("抽查方案查询（本级及下级）")
@staff_required
@query(s.PlanQuery)
async def list_plans(request: Request, q: s.PlanQuery) -> HTTPResponse:
    return ok(await service.list_plans(actor=request.ctx.actor, q=q))


@bp_admin.post("/plans")
@openapi.summary("制定抽查方案（暂存为草稿）")
@staff_required
@body(s.PlanCreate)
async def create_plan(request: Request, data: s.PlanCreate) -> HTTPResponse:
    return ok(await service.create_plan(actor=request.ctx.actor, data=data), status=201)


@bp_admin.get("/plans/export")
@openapi.summary("导出抽查方案（Excel）")
@staff_required
@query(s.PlanQuery)
async def export_plans(request: Request, q: s.PlanQuery) -> HTTPResponse:
    items = await service.export_plans(actor=request.ctx.actor, q=q, max_rows=_settings().export_max_rows)
    return _xlsx("抽查方案.xlsx", importer.plans_xlsx(items))


@bp_admin.get("/plans/<plan_id:int>")
@openapi.summary("抽查方案详情（含办理记录、抽取记录、可执行操作）")
@staff_required
async def get_plan(request: Request, plan_id: int) -> HTTPResponse:
    return ok(await service.get_plan(actor=request.ctx.actor, plan_id=plan_id))


@bp_admin.patch("/plans/<plan_id:int>")
@openapi.summary("修改抽查方案（暂存；仅草稿或被退回的方案）")
@staff_required
@body(s.PlanFields)
async def update_plan(request: Request, plan_id: int, data: s.PlanFields) -> HTTPResponse:
    return ok(await service.update_plan(actor=request.ctx.actor, plan_id=plan_id, data=data))


@bp_admin.post("/plans/<plan_id:int>/submit")
@openapi.summary("提交抽查方案（进入核准）")
@staff_required
@body(s.Comment)
async def submit_plan(request: Request, plan_id: int, data: s.Comment) -> HTTPResponse:
    return ok(await service.transition(actor=request.ctx.actor, plan_id=plan_id, action=PlanAction.SUBMIT,
                                       comment=data.comment))


@bp_admin.post("/plans/<plan_id:int>/approve")
@openapi.summary("核准通过（方案生效）")
@staff_required
@body(s.Comment)
async def approve_plan(request: Request, plan_id: int, data: s.Comment) -> HTTPResponse:
    return ok(await service.transition(actor=request.ctx.actor, plan_id=plan_id, action=PlanAction.APPROVE,
                                       comment=data.comment))


@bp_admin.post("/plans/<plan_id:int>/reject")
@openapi.summary("退回修改（须填写意见）")
@staff_required
@body(s.RejectBody)
async def reject_plan(request: Request, plan_id: int, data: s.RejectBody) -> HTTPResponse:
    return ok(await service.transition(actor=request.ctx.actor, plan_id=plan_id, action=PlanAction.REJECT,
                                       comment=data.comment))


@bp_admin.post("/plans/<plan_id:int>/sample")
@openapi.summary("样本导入：JSON {codes} 或文件（xlsx 第一列 / txt 每行一个统一社会信用代码或注册号）")
@staff_required
async def import_sample(request: Request, plan_id: int) -> HTTPResponse:
    return ok(await service.import_list(actor=request.ctx.actor, plan_id=plan_id, codes=_codes(request),
                                        must_check=False, max_codes=_settings().list_max_codes))


@bp_admin.post("/plans/<plan_id:int>/must_check")
@openapi.summary("导入必查清单（方案生效后、抽取前）")
@staff_required
async def import_must_check(request: Request, plan_id: int) -> HTTPResponse:
    return ok(await service.import_list(actor=request.ctx.actor, plan_id=plan_id, codes=_codes(request),
                                        must_check=True, max_codes=_settings().list_max_codes))


@bp_admin.get("/plans/<plan_id:int>/preview")
@openapi.summary("样本查看：符合抽查范围的主体数及各机关应抽数量")
@staff_required
async def preview(request: Request, plan_id: int) -> HTTPResponse:
    return ok(await service.preview(actor=request.ctx.actor, plan_id=plan_id))


@bp_admin.post("/plans/<plan_id:int>/draw")
@openapi.summary("主体随机抽取（记录随机种子、算法版本与样本指纹）")
@staff_required
@body(s.DrawBody)
async def draw(request: Request, plan_id: int, data: s.DrawBody) -> HTTPResponse:
    return ok(await service.run_draw(actor=request.ctx.actor, plan_id=plan_id, seed=data.seed))


@bp_admin.get("/plans/<plan_id:int>/draw/verify")
@openapi.summary("复核抽取：按记录的种子重新计算，核对样本指纹与名单")
@staff_required
async def verify_draw(request: Request, plan_id: int) -> HTTPResponse:
    return ok(await service.verify_draw(actor=request.ctx.actor, plan_id=plan_id))


@bp_admin.get("/plans/<plan_id:int>/targets")
@openapi.summary("抽取结果 / 主体名单（确认状态、抽查组、抽查人员）")
@staff_required
@query(s.TargetQuery)
async def list_targets(request: Request, plan_id: int, q: s.TargetQuery) -> HTTPResponse:
    return ok(await service.list_targets(actor=request.ctx.actor, plan_id=plan_id, q=q))


@bp_admin.get("/plans/<plan_id:int>/targets/export")
@openapi.summary("导出主体名单（Excel）")
@staff_required
@query(s.TargetQuery)
async def export_targets(request: Request, plan_id: int, q: s.TargetQuery) -> HTTPResponse:
    items = await service.export_targets(actor=request.ctx.actor, plan_id=plan_id, q=q,
                                         max_rows=_settings().export_max_rows)
    return _xlsx("抽查主体名单.xlsx", importer.targets_xlsx(items))


@bp_admin.post("/plans/<plan_id:int>/confirm")
@openapi.summary("确认检查 / 确认不检查（可批量）")
@staff_required
@body(s.ConfirmBody)
async def confirm(request: Request, plan_id: int, data: s.ConfirmBody) -> HTTPResponse:
    return ok(await service.confirm(actor=request.ctx.actor, plan_id=plan_id, target_ids=data.target_ids,
                                    decision=data.decision))


@bp_admin.post("/plans/<plan_id:int>/finish_confirm")
@openapi.summary("确认完毕（进入人员随机选派）")
@staff_required
async def finish_confirm(request: Request, plan_id: int) -> HTTPResponse:
    return ok(await service.finish_confirm(actor=request.ctx.actor, plan_id=plan_id))


@bp_admin.post("/plans/<plan_id:int>/assign")
@openapi.summary("人员随机选派（每户至少两名本机关执法人员，按工作量均衡，避开回避名单）")
@staff_required
@body(s.AssignBody)
async def assign(request: Request, plan_id: int, data: s.AssignBody) -> HTTPResponse:
    return ok(await service.assign(actor=request.ctx.actor, plan_id=plan_id, inspector_ids=data.inspector_ids,
                                   seed=data.seed))


@bp_admin.get("/plans/<plan_id:int>/teams")
@openapi.summary("选派结果（按人员查看）")
@staff_required
async def teams(request: Request, plan_id: int) -> HTTPResponse:
    return ok(await service.teams(actor=request.ctx.actor, plan_id=plan_id))


@bp_admin.post("/plans/<plan_id:int>/adjust")
@openapi.summary("抽查人员调整（该人员在本方案的全部主体一同调整）")
@staff_required
@body(s.AdjustBody)
async def adjust(request: Request, plan_id: int, data: s.AdjustBody) -> HTTPResponse:
    return ok(await service.adjust(actor=request.ctx.actor, plan_id=plan_id, data=data))


# ================================================================ results


@bp_admin.get("/tasks")
@openapi.summary("抽查结果录入：分配给本人的抽查主体")
@staff_required
@query(s.TaskQuery)
async def tasks(request: Request, q: s.TaskQuery) -> HTTPResponse:
    return ok(await service.tasks(actor=request.ctx.actor, q=q))


@bp_admin.get("/targets")
@openapi.summary("抽查查询：本级及下级被抽查主体与结果")
@staff_required
@query(s.InspectedQuery)
async def inspected(request: Request, q: s.InspectedQuery) -> HTTPResponse:
    return ok(await service.inspected(actor=request.ctx.actor, q=q))


@bp_admin.get("/targets/export")
@openapi.summary("导出被抽查主体与结果（Excel）")
@staff_required
@query(s.InspectedQuery)
async def export_inspected(request: Request, q: s.InspectedQuery) -> HTTPResponse:
    items = await service.export_inspected(actor=request.ctx.actor, q=q, max_rows=_settings().export_max_rows)
    return _xlsx("抽查结果.xlsx", importer.targets_xlsx(items))


@bp_admin.get("/targets/<target_id:int>")
@openapi.summary("抽查主体详情：检查内容清单与检查结果")
@staff_required
async def get_target(request: Request, target_id: int) -> HTTPResponse:
    return ok(await service.get_target(actor=request.ctx.actor, target_id=target_id))


@bp_admin.post("/targets/<target_id:int>/enter")
@openapi.summary("录入检查结果（仅分配给本人的主体）")
@staff_required
@body(s.ResultBody)
async def enter_result(request: Request, target_id: int, data: s.ResultBody) -> HTTPResponse:
    return ok(await service.enter_result(actor=request.ctx.actor, target_id=target_id, data=data))


@bp_admin.post("/targets/<target_id:int>/review")
@openapi.summary("复核检查结果：publish 通过并公示 / return 退回修改")
@staff_required
@body(s.ReviewBody)
async def review_result(request: Request, target_id: int, data: s.ReviewBody) -> HTTPResponse:
    return ok(await service.review_result(actor=request.ctx.actor, target_id=target_id, data=data))


@bp_admin.get("/businesses/<business_id:int>/results")
@openapi.summary("某市场主体已公示的抽查结果（全生命周期视图）")
@staff_required
@query(PageQuery)
async def business_results(request: Request, business_id: int, q: PageQuery) -> HTTPResponse:
    return ok(await service.business_results(actor=request.ctx.actor, business_id=business_id, cursor=q.cursor,
                                             limit=q.limit))


@bp_mp.get("", strict_slashes=False)
@openapi.summary("当前经营主体已公示的抽查检查结果")
@person_required
@query(PageQuery)
async def mp_results(request: Request, q: PageQuery) -> HTTPResponse:
    return ok(await service.business_results(business_id=current_business(request), cursor=q.cursor, limit=q.limit))


