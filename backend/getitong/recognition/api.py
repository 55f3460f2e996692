"""名特优新 endpoints: the owner's wizard (/api/v1/mp/recognition) and the review side (/api/v1/admin/recognition)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from getitong.common.guards import current_business, deps_of, person_required, staff_required
from getitong.core import errors
from getitong.core.web import body, ok, parse, query
from getitong.recognition import errors as e
from getitong.recognition import schemas as s
from getitong.recognition import service
from getitong.recognition.models import Step
from getitong.recognition.workflow import Action, NoticeAction

bp_mp = Blueprint("recognition_mp", url_prefix="/api/v1/mp/recognition")
bp_admin = Blueprint("recognition_admin", url_prefix="/api/v1/admin/recognition")
blueprints = [bp_mp, bp_admin]


def _owner(request: Request) -> service.Owner:
    return service.Owner(person=request.ctx.person, business_id=current_business(request))


# ----------------------------------------------------------------------------- mini-program


@bp_mp.get("/options")
@openapi.summary("名特优新：分类、步骤、状态、材料类型等选项")
async def mp_options(request: Request) -> HTTPResponse:
    return ok(service.options())


@bp_mp.get("/notices")
@openapi.summary("正在进行、适用于当前经营主体的分类认定公告")
@person_required
@query(s.PageIn)
async def mp_notices(request: Request, q: s.PageIn) -> HTTPResponse:
    return ok(await service.open_notices(owner=_owner(request), cursor=q.cursor, limit=q.limit))


@bp_mp.get("/notices/<notice_id:int>")
@openapi.summary("公告详情：申报须知、承诺书、认定分类及条件、申报期限")
@person_required
async def mp_notice(request: Request, notice_id: int) -> HTTPResponse:
    return ok(await service.notice_detail(owner=_owner(request), notice_id=notice_id))


@bp_mp.get("/notices/<notice_id:int>/recognised")
@openapi.summary("公告的认定名单（公示：经营主体名称、认定分类；无需登录）")
@query(s.PageIn)
async def mp_recognised(request: Request, notice_id: int, q: s.PageIn) -> HTTPResponse:
    return ok(await service.recognised(notice_id=notice_id, cursor=q.cursor, limit=q.limit))


@bp_mp.post("/notices/<notice_id:int>/application")
@openapi.summary("开始申请（已有草稿或退回补正的申请则继续填写）")
@person_required
async def mp_start(request: Request, notice_id: int) -> HTTPResponse:
    view, created = await service.start(deps_of(request), owner=_owner(request), notice_id=notice_id)
    return ok(view, status=201 if created else 200)


@bp_mp.get("/notices/<notice_id:int>/application")
@openapi.summary("当前经营主体在该公告下的申请：继续填写的步骤和已保存的全部信息")
@person_required
async def mp_application(request: Request, notice_id: int) -> HTTPResponse:
    return ok(await service.get_application(owner=_owner(request), notice_id=notice_id))


@bp_mp.put("/notices/<notice_id:int>/application/steps/<step:str>")
@openapi.summary("保存一个填写步骤：read_notice / promise / category / info / declaration / materials")
@person_required
async def mp_save_step(request: Request, notice_id: int, step: str) -> HTTPResponse:
    try:
        key = Step(step)
    except ValueError:
        raise e.StepUnknown(data={"steps": [st.value for st in Step]}) from None
    try:
        payload = request.json
    except Exception as exc:  # noqa: BLE001 - Sanic raises BadRequest on broken JSON
        raise errors.ValidationFailed("请求体不是有效的 JSON") from exc
    if not isinstance(payload, dict):
        raise errors.ValidationFailed("请求体应为 JSON 对象")
    data = parse(s.STEP_BODIES[key], payload)
    return ok(await service.save_step(owner=_owner(request), notice_id=notice_id, step=key, data=data))


@bp_mp.post("/notices/<notice_id:int>/application/submit")
@openapi.summary("提交申请（退回补正的申请补正后重新提交）")
@person_required
async def mp_submit(request: Request, notice_id: int) -> HTTPResponse:
    return ok(await service.submit(deps_of(request), owner=_owner(request), notice_id=notice_id))


@bp_mp.post("/notices/<notice_id:int>/application/cancel")
@openapi.summary("取消申请：丢弃草稿")
@person_required
async def mp_cancel(request: Request, notice_id: int) -> HTTPResponse:
    return ok(await service.cancel(deps_of(request), owner=_owner(request), notice_id=notice_id))


@bp_mp.get("/applications")
@openapi.summary("我的名特优新申请（当前经营主体）：状态与审核意见")
@person_required
@query(s.PageIn)
async def mp_my(request: Request, q: s.PageIn) -> HTTPResponse:
    return ok(await service.my_applications(owner=_owner(request), cursor=q.cursor, limit=q.limit))


@bp_mp.get("/applications/<application_id:int>")
@openapi.summary("我的申请详情")
@person_required
async def mp_my_detail(request: Request, application_id: int) -> HTTPResponse:
    return ok(await service.my_application(owner=_owner(request), application_id=application_id))


@bp_mp.get("/applications/<application_id:int>/files/<file_id:int>")
@openapi.summary("下载申请中的资质材料或认定材料")
@person_required
async def mp_file(request: Request, application_id: int, file_id: int) -> HTTPResponse:
    f, data = await service.owner_file(deps_of(request), owner=_owner(request), application_id=application_id,
                                       file_id=file_id)
    return raw(data, content_type=f.content_type)


# ----------------------------------------------------------------------------- admin


@bp_admin.get("/options")
@openapi.summary("名特优新：分类、状态、材料类型等选项")
@staff_required
async def admin_options(request: Request) -> HTTPResponse:
    return ok(service.options())


@bp_admin.get("/notices")
@openapi.summary("分类认定公告列表（本级及下级）")
@staff_required
@query(s.NoticeQuery)
async def admin_notices(request: Request, q: s.NoticeQuery) -> HTTPResponse:
    return ok(await service.list_notices(actor=request.ctx.actor, status=q.status, q=q.q, cursor=q.cursor,
                                         limit=q.limit))


@bp_admin.post("/notices")
@openapi.summary("新建分类认定公告（草稿）")
@staff_required
@body(s.NoticeCreate)
async def admin_create_notice(request: Request, data: s.NoticeCreate) -> HTTPResponse:
    return ok(await service.create_notice(actor=request.ctx.actor, data=data), status=201)


@bp_admin.get("/notices/<notice_id:int>")
@openapi.summary("公告详情（含各状态申请数）")
@staff_required
async def admin_notice(request: Request, notice_id: int) -> HTTPResponse:
    return ok(await service.get_notice(actor=request.ctx.actor, notice_id=notice_id))


@bp_admin.patch("/notices/<notice_id:int>")
@openapi.summary("修改草稿公告")
@staff_required
@body(s.NoticeUpdate)
async def admin_update_notice(request: Request, notice_id: int, data: s.NoticeUpdate) -> HTTPResponse:
    return ok(await service.update_notice(actor=request.ctx.actor, notice_id=notice_id, data=data))


@bp_admin.delete("/notices/<notice_id:int>")
@openapi.summary("删除草稿公告")
@staff_required
async def admin_delete_notice(request: Request, notice_id: int) -> HTTPResponse:
    return ok(await service.delete_notice(actor=request.ctx.actor, notice_id=notice_id))


@bp_admin.post("/notices/<notice_id:int>/publish")
@openapi.summary("发布公告")
@staff_required
async def admin_publish(request: Request, notice_id: int) -> HTTPResponse:
    return ok(await service.notice_transition(actor=request.ctx.actor, notice_id=notice_id,
                                              action=NoticeAction.PUBLISH))


@bp_admin.post("/notices/<notice_id:int>/close")
@openapi.summary("结束申报")
@staff_required
async def admin_close(request: Request, notice_id: int) -> HTTPResponse:
    return ok(await service.notice_transition(actor=request.ctx.actor, notice_id=notice_id,
                                              action=NoticeAction.CLOSE))


@bp_admin.post("/notices/<notice_id:int>/withdraw")
@openapi.summary("撤回公告")
@staff_required
async def admin_withdraw(request: Request, notice_id: int) -> HTTPResponse:
    return ok(await service.notice_transition(actor=request.ctx.actor, notice_id=notice_id,
                                              action=NoticeAction.WITHDRAW))


@bp_admin.get("/notices/<notice_id:int>/recognised")
@openapi.summary("公告的认定名单")
@staff_required
@query(s.PageIn)
async def admin_recognised(request: Request, notice_id: int, q: s.PageIn) -> HTTPResponse:
    return ok(await service.recognised(notice_id=notice_id, cursor=q.cursor, limit=q.limit, actor=request.ctx.actor))


@bp_admin.get("/applications")
@openapi.summary("申请审核队列（本级及下级公告；按公告、分类、状态、名称/统一社会信用代码筛选）")
@staff_required
@query(s.QueueQuery)
async def admin_queue(request: Request, q: s.QueueQuery) -> HTTPResponse:
    return ok(await service.queue(actor=request.ctx.actor, q=q))


@bp_admin.get("/applications/<application_id:int>")
@openapi.summary("申请详情：填报信息、材料、近两年行政处罚记录与列入名录情况、审核过程")
@staff_required
async def admin_application(request: Request, application_id: int) -> HTTPResponse:
    return ok(await service.staff_detail(actor=request.ctx.actor, application_id=application_id))


@bp_admin.get("/applications/<application_id:int>/files/<file_id:int>")
@openapi.summary("查看申请材料")
@staff_required
async def admin_file(request: Request, application_id: int, file_id: int) -> HTTPResponse:
    f, data = await service.staff_file(deps_of(request), actor=request.ctx.actor, application_id=application_id,
                                       file_id=file_id)
    return raw(data, content_type=f.content_type)


@bp_admin.post("/applications/<application_id:int>/accept")
@openapi.summary("受理")
@staff_required
@body(s.CommentIn)
async def admin_accept(request: Request, application_id: int, data: s.CommentIn) -> HTTPResponse:
    return ok(await service.review(deps_of(request), actor=request.ctx.actor, application_id=application_id,
                                   action=Action.ACCEPT, comment=data.comment.strip()))


@bp_admin.post("/applications/<application_id:int>/return")
@openapi.summary("退回补正（须说明理由）")
@staff_required
@body(s.ReasonIn)
async def admin_return(request: Request, application_id: int, data: s.ReasonIn) -> HTTPResponse:
    return ok(await service.review(deps_of(request), actor=request.ctx.actor, application_id=application_id,
                                   action=Action.RETURN, comment=data.reason))


@bp_admin.post("/applications/<application_id:int>/recognise")
@openapi.summary("认定")
@staff_required
@body(s.CommentIn)
async def admin_recognise(request: Request, application_id: int, data: s.CommentIn) -> HTTPResponse:
    return ok(await service.review(deps_of(request), actor=request.ctx.actor, application_id=application_id,
                                   action=Action.RECOGNISE, comment=data.comment.strip()))


@bp_admin.post("/applications/<application_id:int>/refuse")
@openapi.summary("不予认定（须说明理由）")
@staff_required
@body(s.ReasonIn)
async def admin_refuse(request: Request, application_id: int, data: s.ReasonIn) -> HTTPResponse:
    return ok(await service.review(deps_of(request), actor=request.ctx.actor, application_id=application_id,
                                   action=Action.REFUSE, comment=data.reason))
