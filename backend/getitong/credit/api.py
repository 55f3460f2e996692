"""Credit-repair endpoints: the applicant's side (/api/v1/mp/credit) and the staff side (/api/v1/admin/credit)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from getitong.common.guards import deps_of, person_required, staff_required
from getitong.core.web import body, file_reply, ok, query
from getitong.credit import schemas as s
from getitong.credit import service

bp_mp = Blueprint("credit_mp", url_prefix="/api/v1/mp/credit")
bp_admin = Blueprint("credit_admin", url_prefix="/api/v1/admin/credit")
blueprints = [bp_mp, bp_admin]


def _who(request: Request) -> service.Applicant:
    return service.Applicant(person=request.ctx.person, business_id=getattr(request.ctx, "business_id", None))


# ----------------------------------------------------------------------------- mini-program


@bp_mp.get("/options")
@openapi.summary("信用修复类型、办事指南、材料类型、状态")
async def mp_options(request: Request) -> HTTPResponse:
    return ok(service.options())


@bp_mp.get("/businesses")
@openapi.summary("本人名下经营主体（统一社会信用代码、法定代表人、身份证号码自动带出）")
@person_required
async def mp_businesses(request: Request) -> HTTPResponse:
    return ok(await service.my_businesses(deps_of(request), who=_who(request)))


@bp_mp.post("/verify")
@openapi.summary("身份核验并列出该主体可申请修复的列入记录（本人主体或按登记信息核验的其他主体）")
@person_required
@body(s.VerifyIn)
async def mp_verify(request: Request, data: s.VerifyIn) -> HTTPResponse:
    return ok(await service.verify(deps_of(request), who=_who(request), data=data))


@bp_mp.post("/applications")
@openapi.summary("提交信用修复申请（返回受理编号）")
@person_required
@body(s.SubmitIn)
async def mp_submit(request: Request, data: s.SubmitIn) -> HTTPResponse:
    return ok(await service.submit(deps_of(request), who=_who(request), data=data), status=201)


@bp_mp.get("/progress")
@openapi.summary("进度查询：按手机号（缺省为登录手机号）查询申请的状态、当前环节、时限和退回/不予修复原因")
@person_required
@query(s.ProgressQuery)
async def mp_progress(request: Request, q: s.ProgressQuery) -> HTTPResponse:
    return ok(await service.progress(deps_of(request), who=_who(request), q=q))


@bp_mp.get("/applications/<app_id:int>")
@openapi.summary("申请详情：办理过程、时限与原因")
@person_required
async def mp_detail(request: Request, app_id: int) -> HTTPResponse:
    return ok(await service.my_application(deps_of(request), who=_who(request), app_id=app_id))


@bp_mp.post("/applications/<app_id:int>/resubmit")
@openapi.summary("退回补正后重新提交")
@person_required
@body(s.ResubmitIn)
async def mp_resubmit(request: Request, app_id: int, data: s.ResubmitIn) -> HTTPResponse:
    return ok(await service.resubmit(deps_of(request), who=_who(request), app_id=app_id, data=data))


@bp_mp.post("/applications/<app_id:int>/withdraw")
@openapi.summary("撤回申请（受理前或退回补正时）")
@person_required
@body(s.WithdrawIn)
async def mp_withdraw(request: Request, app_id: int, data: s.WithdrawIn) -> HTTPResponse:
    return ok(await service.withdraw(deps_of(request), who=_who(request), app_id=app_id, data=data))


@bp_mp.get("/applications/<app_id:int>/files/<file_id:int>")
@openapi.summary("下载申请材料")
@person_required
async def mp_file(request: Request, app_id: int, file_id: int) -> HTTPResponse:
    f, data = await service.owner_file(deps_of(request), who=_who(request), app_id=app_id, file_id=file_id)
    return raw(data, content_type=f.content_type)


def _pdf(name: str, data: bytes) -> HTTPResponse:
    return file_reply(data, name, "application/pdf")


@bp_mp.get("/applications/<app_id:int>/decision-letter")
@openapi.summary("下载信用修复决定书（PDF，准予修复后）")
@person_required
async def mp_letter(request: Request, app_id: int) -> HTTPResponse:
    return _pdf(*await service.owner_letter(who=_who(request), app_id=app_id))


# ----------------------------------------------------------------------------- admin


@bp_admin.get("/applications/<app_id:int>/decision-letter")
@openapi.summary("下载信用修复决定书（PDF）")
@staff_required
async def admin_letter(request: Request, app_id: int) -> HTTPResponse:
    return _pdf(*await service.staff_letter(actor=request.ctx.actor, app_id=app_id))


@bp_admin.get("/options")
@openapi.summary("信用修复类型、材料类型、状态")
@staff_required
async def admin_options(request: Request) -> HTTPResponse:
    return ok(service.options())


@bp_admin.get("/applications")
@openapi.summary("待办 / 本机关的信用修复申请（受理编号、名称模糊、类型、状态、统一社会信用代码）")
@staff_required
@query(s.QueueQuery)
async def admin_queue(request: Request, q: s.QueueQuery) -> HTTPResponse:
    return ok(await service.queue(actor=request.ctx.actor, q=q))


@bp_admin.get("/applications/counts")
@openapi.summary("本机关信用修复申请数量：按状态、即将到期、已超期（待办：todo=true）")
@staff_required
@query(s.CountsQuery)
async def admin_counts(request: Request, q: s.CountsQuery) -> HTTPResponse:
    return ok(await service.counts(actor=request.ctx.actor, todo=q.todo))


@bp_admin.get("/applications/<app_id:int>")
@openapi.summary("申请信息与信用修复审批表")
@staff_required
async def admin_detail(request: Request, app_id: int) -> HTTPResponse:
    return ok(await service.staff_detail(deps_of(request), actor=request.ctx.actor, app_id=app_id))


@bp_admin.get("/applications/<app_id:int>/transfer-targets")
@openapi.summary("可转办的机关（同区局的其他监管所）")
@staff_required
async def admin_transfer_targets(request: Request, app_id: int) -> HTTPResponse:
    return ok(await service.transfer_targets(actor=request.ctx.actor, app_id=app_id))


@bp_admin.post("/applications/<app_id:int>/actions")
@openapi.summary("办理：受理 / 转办 / 审核 / 审批 / 退回 / 不予修复")
@staff_required
@body(s.ActionIn)
async def admin_act(request: Request, app_id: int, data: s.ActionIn) -> HTTPResponse:
    return ok(await service.act(deps_of(request), actor=request.ctx.actor, app_id=app_id, data=data))


@bp_admin.get("/applications/<app_id:int>/files/<file_id:int>")
@openapi.summary("下载申请材料")
@staff_required
async def admin_file(request: Request, app_id: int, file_id: int) -> HTTPResponse:
    f, data = await service.staff_file(deps_of(request), actor=request.ctx.actor, app_id=app_id, file_id=file_id)
    return raw(data, content_type=f.content_type)


@bp_admin.get("/listings")
@openapi.summary("列严 / 列异名单（统一社会信用代码、列入原因、名称模糊、列入日期）")
@staff_required
@query(s.ListingQuery)
async def admin_listings(request: Request, q: s.ListingQuery) -> HTTPResponse:
    return ok(await service.listings(actor=request.ctx.actor, q=q))


@bp_admin.post("/listings/<listing_id:int>/apply")
@openapi.summary("办理：审批端直接受理该列入记录的信用修复")
@staff_required
@body(s.StaffApplyIn)
async def admin_apply(request: Request, listing_id: int, data: s.StaffApplyIn) -> HTTPResponse:
    return ok(await service.staff_apply(deps_of(request), actor=request.ctx.actor, listing_id=listing_id, data=data),
              status=201)
