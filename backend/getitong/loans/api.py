"""HTTP: shop owners browse loan products and apply; institution staff handle applications; supervisors manage."""

from __future__ import annotations

import asyncio
import contextlib
import functools
from typing import Any

from sanic import Blueprint, Request, Sanic
from sanic.response import HTTPResponse
from sanic_ext import openapi

from getitong.common.guards import current_business, deps_of, person_required, staff_required
from getitong.core.pagination import PageQuery
from getitong.core.web import Handler, body, keep_docs, ok, query
from getitong.loans import schemas as s
from getitong.loans import service, webhooks
from getitong.loans.config import config_of
from getitong.loans.workflow import Action, ProductAction

bp_mp = Blueprint("loans_mp", url_prefix="/api/v1/mp/loans")
bp_admin = Blueprint("loans_admin", url_prefix="/api/v1/admin/loans")


def loan_staff(handler: Handler) -> Handler:
    """Staff with loan:manage or loan:handle, checked before the body: a wrong actor learns nothing more."""

    @functools.wraps(handler)
    async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        service.require_loan_staff(request.ctx.actor)
        return await handler(request, *args, **kwargs)

    return staff_required(keep_docs(handler, wrapper))


def _owner(request: Request) -> service.Owner:
    return service.Owner(person=request.ctx.person, business_id=current_business(request))


# ---- shop owner ----

@bp_mp.get("/options")
@openapi.summary("筛选项：担保方式、有产品的金融机构、申请状态")
@person_required
async def mp_options(request: Request) -> HTTPResponse:
    return ok(await service.shop_options())


@bp_mp.get("/products")
@openapi.summary("融资贷款产品（已发布），可按担保方式、金融机构、关键词筛选")
@person_required
@query(s.ProductShopQuery)
async def mp_products(request: Request, q: s.ProductShopQuery) -> HTTPResponse:
    return ok(await service.list_products_shop(guarantee_type=q.guarantee_type, institution_id=q.institution_id,
                                               q=q.q, cursor=q.cursor, limit=q.limit))


@bp_mp.get("/products/<product_id:int>")
@openapi.summary("贷款产品详情（含当前经营主体在办的申请）")
@person_required
async def mp_product(request: Request, product_id: int) -> HTTPResponse:
    return ok(await service.get_product_shop(owner=_owner(request), product_id=product_id))


@bp_mp.post("/products/<product_id:int>/apply")
@openapi.summary("我要申请：将当前经营主体信息发送给金融机构")
@person_required
@body(s.ApplyIn)
async def mp_apply(request: Request, product_id: int, data: s.ApplyIn) -> HTTPResponse:
    deps = deps_of(request)
    out, deliveries = await service.apply(deps, owner=_owner(request), product_id=product_id, data=data)
    webhooks.dispatch(deps, deliveries, config_of(request.app))
    return ok(out, status=201)


@bp_mp.get("/applications")
@openapi.summary("当前经营主体的贷款申请")
@person_required
@query(s.ApplicationShopQuery)
async def mp_applications(request: Request, q: s.ApplicationShopQuery) -> HTTPResponse:
    return ok(await service.my_applications(deps_of(request), owner=_owner(request), status=q.status,
                                            cursor=q.cursor, limit=q.limit))


@bp_mp.get("/applications/<application_id:int>")
@openapi.summary("贷款申请详情与办理进度")
@person_required
async def mp_application(request: Request, application_id: int) -> HTTPResponse:
    return ok(await service.my_application(deps_of(request), owner=_owner(request), application_id=application_id))


@bp_mp.post("/applications/<application_id:int>/withdraw")
@openapi.summary("撤回贷款申请（仅限金融机构尚未联系时）")
@person_required
@body(s.WithdrawIn)
async def mp_withdraw(request: Request, application_id: int, data: s.WithdrawIn) -> HTTPResponse:
    deps = deps_of(request)
    out, deliveries = await service.withdraw(deps, owner=_owner(request), application_id=application_id,
                                             note=data.note)
    webhooks.dispatch(deps, deliveries, config_of(request.app))
    return ok(out)


# ---- staff: institutions ----

@bp_admin.get("/institutions")
@openapi.summary("金融机构（主管部门：本级及下级；金融机构人员：本机构）")
@loan_staff
async def admin_institutions(request: Request) -> HTTPResponse:
    return ok(await service.list_institutions(actor=request.ctx.actor))


@bp_admin.post("/institutions")
@openapi.summary("新增金融机构")
@loan_staff
@body(s.InstitutionIn)
async def admin_create_institution(request: Request, data: s.InstitutionIn) -> HTTPResponse:
    return ok(await service.create_institution(deps_of(request), actor=request.ctx.actor, data=data), status=201)


@bp_admin.get("/institutions/<institution_id:int>")
@openapi.summary("金融机构详情")
@loan_staff
async def admin_institution(request: Request, institution_id: int) -> HTTPResponse:
    return ok(await service.get_institution(actor=request.ctx.actor, institution_id=institution_id))


@bp_admin.patch("/institutions/<institution_id:int>")
@openapi.summary("修改金融机构（本机构人员仅可修改联系方式与简介）")
@loan_staff
@body(s.InstitutionPatch)
async def admin_update_institution(request: Request, institution_id: int, data: s.InstitutionPatch) -> HTTPResponse:
    return ok(await service.update_institution(actor=request.ctx.actor, institution_id=institution_id, data=data,
                                               deps=deps_of(request)))


@bp_admin.post("/institutions/<institution_id:int>/webhook-secret")
@openapi.summary("重新生成 Webhook 签名密钥（仅显示一次）")
@loan_staff
async def admin_rotate_secret(request: Request, institution_id: int) -> HTTPResponse:
    return ok(await service.rotate_webhook_secret(deps_of(request), actor=request.ctx.actor,
                                                  institution_id=institution_id))


@bp_admin.get("/institutions/<institution_id:int>/webhook-deliveries")
@openapi.summary("Webhook 推送记录")
@loan_staff
@query(PageQuery)
async def admin_deliveries(request: Request, institution_id: int, q: PageQuery) -> HTTPResponse:
    return ok(await service.list_deliveries(actor=request.ctx.actor, institution_id=institution_id,
                                            cursor=q.cursor, limit=q.limit))


# ---- staff: products ----

@bp_admin.get("/options")
@openapi.summary("管理端选项：担保方式、状态标签与可见的金融机构")
@loan_staff
async def admin_options(request: Request) -> HTTPResponse:
    return ok(await service.staff_options(actor=request.ctx.actor))


@bp_admin.get("/products")
@openapi.summary("贷款产品列表")
@loan_staff
@query(s.ProductAdminQuery)
async def admin_products(request: Request, q: s.ProductAdminQuery) -> HTTPResponse:
    return ok(await service.list_products_admin(actor=request.ctx.actor, status=q.status,
                                                guarantee_type=q.guarantee_type, institution_id=q.institution_id,
                                                q=q.q, cursor=q.cursor, limit=q.limit))


@bp_admin.post("/products")
@openapi.summary("新增贷款产品（草稿）")
@loan_staff
@body(s.ProductIn)
async def admin_create_product(request: Request, data: s.ProductIn) -> HTTPResponse:
    return ok(await service.create_product(actor=request.ctx.actor, data=data), status=201)


@bp_admin.get("/products/<product_id:int>")
@openapi.summary("贷款产品详情")
@loan_staff
async def admin_product(request: Request, product_id: int) -> HTTPResponse:
    return ok(await service.get_product_admin(actor=request.ctx.actor, product_id=product_id))


@bp_admin.patch("/products/<product_id:int>")
@openapi.summary("修改贷款产品")
@loan_staff
@body(s.ProductPatch)
async def admin_update_product(request: Request, product_id: int, data: s.ProductPatch) -> HTTPResponse:
    return ok(await service.update_product(actor=request.ctx.actor, product_id=product_id, data=data))


@bp_admin.post("/products/<product_id:int>/publish")
@openapi.summary("发布（上架）贷款产品")
@loan_staff
async def admin_publish(request: Request, product_id: int) -> HTTPResponse:
    return ok(await service.transition_product(actor=request.ctx.actor, product_id=product_id,
                                               action=ProductAction.PUBLISH))


@bp_admin.post("/products/<product_id:int>/unpublish")
@openapi.summary("下架贷款产品")
@loan_staff
async def admin_unpublish(request: Request, product_id: int) -> HTTPResponse:
    return ok(await service.transition_product(actor=request.ctx.actor, product_id=product_id,
                                               action=ProductAction.UNPUBLISH))


# ---- staff: applications ----

@bp_admin.get("/applications")
@openapi.summary("贷款申请列表（金融机构人员：本机构；主管部门：本级及下级机构的金融机构，只读）")
@loan_staff
@query(s.ApplicationAdminQuery)
async def admin_applications(request: Request, q: s.ApplicationAdminQuery) -> HTTPResponse:
    return ok(await service.list_applications(deps_of(request), actor=request.ctx.actor, status=q.status,
                                              product_id=q.product_id, institution_id=q.institution_id, q=q.q,
                                              cursor=q.cursor, limit=q.limit))


@bp_admin.get("/applications/<application_id:int>")
@openapi.summary("贷款申请详情：经营主体信息快照与办理记录")
@loan_staff
async def admin_application(request: Request, application_id: int) -> HTTPResponse:
    return ok(await service.get_application(deps_of(request), actor=request.ctx.actor,
                                            application_id=application_id))


def _action_route(action: Action, summary: str) -> None:
    async def handler(request: Request, application_id: int, data: s.ActionIn) -> HTTPResponse:
        return ok(await service.act(deps_of(request), actor=request.ctx.actor, application_id=application_id,
                                    action=action, data=data))

    handler.__name__ = f"admin_{action.value}"
    wrapped = openapi.summary(summary)(loan_staff(body(s.ActionIn)(handler)))
    bp_admin.add_route(wrapped, f"/applications/<application_id:int>/{action.value}", methods=["POST"],
                       name=f"admin_{action.value}")


_action_route(Action.CONTACT, "已联系（可填写联系情况）")
_action_route(Action.APPROVE, "审批通过（须填写审批金额、年利率、期限）")
_action_route(Action.REJECT, "审批不通过（须填写原因）")
_action_route(Action.GRANT, "已放款（须填写放款金额、放款日期）")


# ---- staff: notifications ----

@bp_admin.get("/notifications")
@openapi.summary("本机构的通知（含未读数）")
@loan_staff
@query(s.NotificationQuery)
async def admin_notifications(request: Request, q: s.NotificationQuery) -> HTTPResponse:
    return ok(await service.list_notifications(actor=request.ctx.actor, unread=q.unread, cursor=q.cursor,
                                               limit=q.limit))


@bp_admin.get("/notifications/unread-count")
@openapi.summary("未读通知数")
@loan_staff
async def admin_unread(request: Request) -> HTTPResponse:
    return ok(await service.unread_count(actor=request.ctx.actor))


@bp_admin.post("/notifications/<notification_id:int>/read")
@openapi.summary("标记通知为已读")
@loan_staff
async def admin_read(request: Request, notification_id: int) -> HTTPResponse:
    return ok(await service.mark_read(actor=request.ctx.actor, notification_id=notification_id))


@bp_admin.post("/notifications/read-all")
@openapi.summary("全部标记为已读")
@loan_staff
async def admin_read_all(request: Request) -> HTTPResponse:
    return ok(await service.mark_all_read(actor=request.ctx.actor))


# ---- the webhook retry job ----

def job_enabled(app: Sanic) -> bool:
    flag = config_of(app).job_enabled
    return flag if flag is not None else app.ctx.settings.env != "test"


@bp_admin.after_server_start
async def _start_job(app: Sanic) -> None:
    if job_enabled(app):
        app.ctx.loan_webhook_job = asyncio.get_running_loop().create_task(
            webhooks.run_periodically(app.ctx.deps, config_of(app)))


@bp_admin.before_server_stop
async def _stop_job(app: Sanic) -> None:
    task = getattr(app.ctx, "loan_webhook_job", None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    # First attempts still under way are not awaited: their rows are stored and the job retries them.


blueprints = [bp_mp, bp_admin]
