"""Appeal endpoints: the shop owner's side (/api/v1/mp/appeals) and the staff side (/api/v1/admin/appeals)."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from typing import Any

from sanic import Blueprint, Request, Sanic
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from getitong.accounts import service as accounts
from getitong.appeals import config as cfg
from getitong.appeals import schemas as s
from getitong.appeals import service
from getitong.common.guards import current_business, deps_of, person_required, staff_required
from getitong.core.cache import LockNotAcquired
from getitong.core.web import Handler, bearer, body, client_ip, file_reply, keep_docs, ok, query

log = logging.getLogger(__name__)

bp_mp = Blueprint("appeals_mp", url_prefix="/api/v1/mp/appeals")
bp_admin = Blueprint("appeals_admin", url_prefix="/api/v1/admin/appeals")
blueprints = [bp_mp, bp_admin]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _owner(request: Request) -> service.Owner:
    return service.Owner(person=request.ctx.person, business_id=current_business(request))


def _xlsx(data: bytes, name: str) -> HTTPResponse:
    return file_reply(data, name, XLSX)


# ----------------------------------------------------------------------------- mini-program


@bp_mp.get("/options")
@openapi.summary("诉求类型、办理部门等选项")
async def mp_options(request: Request) -> HTTPResponse:
    return ok(service.options())


def _owner_token(handler: Handler) -> Handler:
    """person_required without its database check, which service.submit makes part of the submission."""

    @functools.wraps(handler)
    async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        request.ctx.claims = deps_of(request).tokens.codec.decode(bearer(request), subject_type=accounts.PERSON)
        return await handler(request, *args, **kwargs)

    return openapi.secured("bearer")(keep_docs(handler, wrapper))


@bp_mp.post("/")
@openapi.summary("提交诉求（返回查询码和查询密码，密码仅显示一次）")
@_owner_token
@body(s.AppealCreate)
async def mp_submit(request: Request, data: s.AppealCreate) -> HTTPResponse:
    claims = request.ctx.claims
    return ok(await service.submit(deps_of(request), person_id=claims.subject_id, business_id=claims.business_id,
                                   **data.model_dump()), status=201)


@bp_mp.get("/")
@openapi.summary("我的诉求（当前经营主体）")
@person_required
@query(s.MyAppealsQuery)
async def mp_list(request: Request, q: s.MyAppealsQuery) -> HTTPResponse:
    return ok(await service.my_appeals(owner=_owner(request), cursor=q.cursor, limit=q.limit))


@bp_mp.get("/<appeal_id:int>")
@openapi.summary("我的诉求详情：办理过程与结果")
@person_required
async def mp_detail(request: Request, appeal_id: int) -> HTTPResponse:
    return ok(await service.my_appeal(owner=_owner(request), appeal_id=appeal_id))


@bp_mp.post("/query")
@openapi.summary("凭查询码和查询密码查询诉求（无需登录，按 IP 限流）")
@body(s.AppealQueryIn)
async def mp_query(request: Request, data: s.AppealQueryIn) -> HTTPResponse:
    return ok(await service.query(deps_of(request), code=data.code, password=data.password, ip=client_ip(request)))


@bp_mp.post("/<appeal_id:int>/rate")
@openapi.summary("评价回复：满意 / 基本满意 / 不满意")
@person_required
@body(s.RateIn)
async def mp_rate(request: Request, appeal_id: int, data: s.RateIn) -> HTTPResponse:
    return ok(await service.rate(deps_of(request), owner=_owner(request), appeal_id=appeal_id, rating=data.rating,
                                 comment=data.comment))


@bp_mp.post("/<appeal_id:int>/reopen")
@openapi.summary("不满意时申请重新办理（仅一次）")
@person_required
@body(s.ReopenIn)
async def mp_reopen(request: Request, appeal_id: int, data: s.ReopenIn) -> HTTPResponse:
    return ok(await service.reopen(deps_of(request), owner=_owner(request), appeal_id=appeal_id, comment=data.comment))


@bp_mp.get("/query-files/<token:str>")
@openapi.summary("凭查询结果中的文件链接下载照片或回复附件（链接签名，30 分钟内有效，无需登录）")
async def mp_query_file(request: Request, token: str) -> HTTPResponse:
    f, data = await service.query_file(deps_of(request), token=token)
    return raw(data, content_type=f.content_type)


@bp_mp.get("/<appeal_id:int>/files/<file_id:int>")
@openapi.summary("下载诉求照片或回复附件")
@person_required
async def mp_file(request: Request, appeal_id: int, file_id: int) -> HTTPResponse:
    f, data = await service.owner_file(deps_of(request), owner=_owner(request), appeal_id=appeal_id,
                                       file_id=file_id)
    return raw(data, content_type=f.content_type)


# ----------------------------------------------------------------------------- admin


def _filters(q: s.QueueQuery) -> dict[str, Any]:
    return q.model_dump(exclude={"cursor", "limit"})


@bp_admin.get("/options")
@openapi.summary("诉求类型、办理部门、状态选项")
@staff_required
async def admin_options(request: Request) -> HTTPResponse:
    return ok(service.options())


@bp_admin.get("/")
@openapi.summary("诉求队列（数据范围内；状态/类型/部门/承办单位/期间/超期/临期/关键词筛选）")
@staff_required
@query(s.QueueQuery)
async def admin_queue(request: Request, q: s.QueueQuery) -> HTTPResponse:
    return ok(await service.queue(deps_of(request), actor=request.ctx.actor, filters=_filters(q), cursor=q.cursor,
                                  limit=q.limit))


@bp_admin.get("/counts")
@openapi.summary("按状态统计数量（与队列同样的筛选）")
@staff_required
@query(s.QueueQuery)
async def admin_counts(request: Request, q: s.QueueQuery) -> HTTPResponse:
    return ok(await service.counts(actor=request.ctx.actor, filters=_filters(q)))


@bp_admin.get("/export")
@openapi.summary("导出诉求队列（Excel）")
@staff_required
@query(s.QueueQuery)
async def admin_export(request: Request, q: s.QueueQuery) -> HTTPResponse:
    data = await service.export_queue(deps_of(request), actor=request.ctx.actor, filters=_filters(q))
    return _xlsx(data, "诉求列表.xlsx")


@bp_admin.get("/overdue")
@openapi.summary("下级机构的超期诉求（督办）")
@staff_required
@query(s.MyAppealsQuery)
async def admin_overdue(request: Request, q: s.MyAppealsQuery) -> HTTPResponse:
    return ok(await service.overdue_below(actor=request.ctx.actor, cursor=q.cursor, limit=q.limit))


@bp_admin.get("/stats")
@openapi.summary("诉求统计（机构及下级、期间）")
@staff_required
@query(s.StatsQuery)
async def admin_stats(request: Request, q: s.StatsQuery) -> HTTPResponse:
    return ok(await service.stats(actor=request.ctx.actor, org_id=q.org_id, date_from=q.date_from,
                                  date_to=q.date_to, group_by=q.group_by))


@bp_admin.get("/stats/export")
@openapi.summary("导出诉求统计（Excel）")
@staff_required
@query(s.StatsQuery)
async def admin_stats_export(request: Request, q: s.StatsQuery) -> HTTPResponse:
    data = await service.export_stats(actor=request.ctx.actor, org_id=q.org_id, date_from=q.date_from,
                                      date_to=q.date_to)
    return _xlsx(data, "诉求统计.xlsx")


@bp_admin.get("/<appeal_id:int>")
@openapi.summary("诉求详情：完整办理过程、附件、转办单、督办")
@staff_required
async def admin_detail(request: Request, appeal_id: int) -> HTTPResponse:
    return ok(await service.staff_detail(deps_of(request), actor=request.ctx.actor, appeal_id=appeal_id))


@bp_admin.get("/<appeal_id:int>/files/<file_id:int>")
@openapi.summary("下载诉求附件（照片、佐证材料）")
@staff_required
async def admin_file(request: Request, appeal_id: int, file_id: int) -> HTTPResponse:
    f, data = await service.staff_file(deps_of(request), actor=request.ctx.actor, appeal_id=appeal_id,
                                       file_id=file_id)
    return raw(data, content_type=f.content_type)


@bp_admin.post("/<appeal_id:int>/accept")
@openapi.summary("受理（甄别、分类：可更正诉求类型和办理部门）")
@staff_required
@body(s.AcceptIn)
async def admin_accept(request: Request, appeal_id: int, data: s.AcceptIn) -> HTTPResponse:
    return ok(await service.accept(deps_of(request), actor=request.ctx.actor, appeal_id=appeal_id,
                                   **data.model_dump()))


@bp_admin.post("/<appeal_id:int>/transfer")
@openapi.summary("转办：填写转办单（承办单位、办理要求、期限）")
@staff_required
@body(s.TransferIn)
async def admin_transfer(request: Request, appeal_id: int, data: s.TransferIn) -> HTTPResponse:
    return ok(await service.transfer(deps_of(request), actor=request.ctx.actor, appeal_id=appeal_id,
                                     **data.model_dump()))


@bp_admin.post("/<appeal_id:int>/reply-out-of-scope")
@openapi.summary("职责范围外：回复可咨询的部门、联系人和电话")
@staff_required
@body(s.OutOfScopeIn)
async def admin_out_of_scope(request: Request, appeal_id: int, data: s.OutOfScopeIn) -> HTTPResponse:
    return ok(await service.reply_out_of_scope(deps_of(request), actor=request.ctx.actor, appeal_id=appeal_id,
                                               **data.model_dump()))


@bp_admin.post("/<appeal_id:int>/report")
@openapi.summary("承办单位报送办结情况和佐证材料")
@staff_required
@body(s.ReportIn)
async def admin_report(request: Request, appeal_id: int, data: s.ReportIn) -> HTTPResponse:
    return ok(await service.report(deps_of(request), actor=request.ctx.actor, appeal_id=appeal_id,
                                   **data.model_dump()))


@bp_admin.post("/<appeal_id:int>/send-back")
@openapi.summary("承办单位退回（转办有误），须说明理由")
@staff_required
@body(s.SendBackIn)
async def admin_send_back(request: Request, appeal_id: int, data: s.SendBackIn) -> HTTPResponse:
    return ok(await service.send_back(deps_of(request), actor=request.ctx.actor, appeal_id=appeal_id,
                                      reason=data.reason))


@bp_admin.post("/<appeal_id:int>/reply")
@openapi.summary("回复经营主体（附佐证材料）")
@staff_required
@body(s.ReplyIn)
async def admin_reply(request: Request, appeal_id: int, data: s.ReplyIn) -> HTTPResponse:
    return ok(await service.reply(deps_of(request), actor=request.ctx.actor, appeal_id=appeal_id,
                                  **data.model_dump()))


@bp_admin.post("/<appeal_id:int>/supervise")
@openapi.summary("督办：上级机构向办理机构发出督办通知")
@staff_required
@body(s.SuperviseIn)
async def admin_supervise(request: Request, appeal_id: int, data: s.SuperviseIn) -> HTTPResponse:
    return ok(await service.supervise(deps_of(request), actor=request.ctx.actor, appeal_id=appeal_id,
                                      content=data.content))


# ----------------------------------------------------------------------------- overdue job


def job_enabled(app: Sanic) -> bool:
    flag = cfg.appeal_settings().job_enabled
    return flag if flag is not None else app.ctx.settings.env != "test"


async def run_overdue_once(app: Sanic) -> dict[str, int] | None:
    """One pass under the shared lock: with several API processes only one marks at a time."""
    settings = cfg.appeal_settings()
    try:
        async with app.ctx.deps.cache.lock("appeals:overdue", ttl=max(60, settings.job_interval_seconds)):
            return await service.mark_overdue(cfg.now())
    except LockNotAcquired:
        return None


async def _overdue_loop(app: Sanic) -> None:
    interval = cfg.appeal_settings().job_interval_seconds
    while True:
        try:
            await run_overdue_once(app)
        except Exception:  # noqa: BLE001 - the job must outlive a failed pass
            log.exception("appeal overdue job failed")
        await asyncio.sleep(interval)


@bp_admin.after_server_start
async def _start_overdue_job(app: Sanic) -> None:
    if job_enabled(app):
        app.ctx.appeals_overdue_task = asyncio.create_task(_overdue_loop(app))


@bp_admin.before_server_stop
async def _stop_overdue_job(app: Sanic) -> None:
    task = getattr(app.ctx, "appeals_overdue_task", None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await service.wait_background()
