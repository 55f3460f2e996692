"""双告知 endpoints (/api/v1/admin/notices): rules and departments, the query view for market-supervision
staff, and the departments' inbox (receive one or in batch, download, answer)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from getitong.common.guards import staff_required
from getitong.core.web import body, file_reply, ok, query
from getitong.notices import schemas as s
from getitong.notices import service

bp_admin = Blueprint("notices_admin", url_prefix="/api/v1/admin/notices")
blueprints = [bp_admin]


@bp_admin.get("/departments")
@openapi.summary("后置审批部门（本级及下级）")
@staff_required
async def departments(request: Request) -> HTTPResponse:
    return ok(await service.list_departments(actor=request.ctx.actor))


@bp_admin.post("/departments")
@openapi.summary("新增后置审批部门")
@staff_required
@body(s.DepartmentIn)
async def create_department(request: Request, data: s.DepartmentIn) -> HTTPResponse:
    return ok(await service.create_department(actor=request.ctx.actor, data=data), status=201)


@bp_admin.post("/departments/<department_id:int>/members")
@openapi.summary("为部门添加联络员账号（角色：部门联络员）")
@staff_required
@body(s.MemberIn)
async def add_member(request: Request, department_id: int, data: s.MemberIn) -> HTTPResponse:
    return ok(await service.add_member(actor=request.ctx.actor, department_id=department_id, username=data.username))


@bp_admin.get("/rules")
@openapi.summary("经营范围 → 后置审批事项与部门的规则")
@staff_required
async def rules(request: Request) -> HTTPResponse:
    return ok(await service.list_rules(actor=request.ctx.actor))


@bp_admin.post("/rules")
@openapi.summary("新增告知规则")
@staff_required
@body(s.RuleIn)
async def create_rule(request: Request, data: s.RuleIn) -> HTTPResponse:
    return ok(await service.create_rule(actor=request.ctx.actor, data=data), status=201)


@bp_admin.delete("/rules/<rule_id:int>")
@openapi.summary("删除告知规则")
@staff_required
async def delete_rule(request: Request, rule_id: int) -> HTTPResponse:
    await service.delete_rule(actor=request.ctx.actor, rule_id=rule_id)
    return ok()


@bp_admin.post("/notify")
@openapi.summary("告知一次登记（变更登记等；设立登记核准时自动告知）")
@staff_required
@body(s.NotifyIn)
async def notify(request: Request, data: s.NotifyIn) -> HTTPResponse:
    return ok(await service.notify_by_staff(actor=request.ctx.actor, data=data), status=201)


@bp_admin.get("")
@openapi.summary("告知查询（本级及下级登记的主体；未接收红、已接收黄、已反馈绿，3 天以上未接收标记）")
@staff_required
@query(s.NoticeQuery)
async def query_notices(request: Request, q: s.NoticeQuery) -> HTTPResponse:
    return ok(await service.query(actor=request.ctx.actor, q=q))


@bp_admin.get("/inbox")
@openapi.summary("告知接收 / 告知反馈：本部门收到的告知")
@staff_required
@query(s.NoticeQuery)
async def inbox(request: Request, q: s.NoticeQuery) -> HTTPResponse:
    return ok(await service.inbox(actor=request.ctx.actor, q=q))


@bp_admin.post("/inbox/receive")
@openapi.summary("接收告知（单个或批量；全部成功或全部不接收）")
@staff_required
@body(s.ReceiveIn)
async def receive(request: Request, data: s.ReceiveIn) -> HTTPResponse:
    return ok(await service.receive(actor=request.ctx.actor, ids=data.ids))


@bp_admin.get("/inbox/export")
@openapi.summary("下载本部门的告知（Excel 或 XML）")
@staff_required
@query(s.ExportQuery)
async def export(request: Request, q: s.ExportQuery) -> HTTPResponse:
    name, content_type, data = await service.export(actor=request.ctx.actor, status=q.status, fmt=q.format)
    return file_reply(data, name, content_type)


@bp_admin.post("/inbox/<notice_id:int>/answer")
@openapi.summary("告知反馈（已发证须填证件信息）")
@staff_required
@body(s.AnswerIn)
async def answer(request: Request, notice_id: int, data: s.AnswerIn) -> HTTPResponse:
    return ok(await service.answer(actor=request.ctx.actor, notice_id=notice_id, data=data))


@bp_admin.get("/<notice_id:int>")
@openapi.summary("告知详情（告知、接收与反馈信息）")
@staff_required
async def detail(request: Request, notice_id: int) -> HTTPResponse:
    return ok(await service.staff_detail(actor=request.ctx.actor, notice_id=notice_id))
