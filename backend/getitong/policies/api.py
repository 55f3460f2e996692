"""HTTP: shop owners' matched policies and 免申即享 items, staff management, the benefit platform's callback."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging

from sanic import Blueprint, Request, Sanic
from sanic.response import HTTPResponse
from sanic_ext import openapi

from getitong.common import home_events
from getitong.common.guards import current_business, deps_of, person_required, staff_required
from getitong.core import errors as core_errors
from getitong.core.pagination import PageQuery
from getitong.core.web import body, ok, parse, query
from getitong.policies import benefits, errors, forwarding, service
from getitong.policies import schemas as s
from getitong.policies.config import config_of
from getitong.policies.workflow import PolicyAction

log = logging.getLogger("getitong.policies")

bp_mp = Blueprint("policies_mp", url_prefix="/api/v1/mp")
bp_admin = Blueprint("policies_admin", url_prefix="/api/v1/admin")
bp_hooks = Blueprint("policies_hooks", url_prefix="/api/v1/integrations/benefit-platform")


# ---- shop owner ----

@bp_mp.get("/policies")
@openapi.summary("与当前经营主体精准匹配的政策事项")
@person_required
@query(s.PolicyShopQuery)
async def mp_policies(request: Request, q: s.PolicyShopQuery) -> HTTPResponse:
    return ok(await service.list_for_business(business_id=current_business(request), q=q.q, cursor=q.cursor,
                                              limit=q.limit))


@bp_mp.get("/policies/<policy_id:int>")
@openapi.summary("政策事项详情")
@person_required
async def mp_policy(request: Request, policy_id: int) -> HTTPResponse:
    return ok(await service.get_for_business(business_id=current_business(request), policy_id=policy_id))


@bp_mp.get("/benefits")
@openapi.summary("推送给当前经营主体的免申即享事项")
@person_required
@query(s.EligibilityQuery)
async def mp_benefits(request: Request, q: s.EligibilityQuery) -> HTTPResponse:
    return ok(await benefits.list_for_business(business_id=current_business(request), status=q.status,
                                               cursor=q.cursor, limit=q.limit))


@bp_mp.get("/benefits/<eligibility_id:int>")
@openapi.summary("免申即享事项详情与办理流程")
@person_required
async def mp_benefit(request: Request, eligibility_id: int) -> HTTPResponse:
    return ok(await benefits.get_for_business(business_id=current_business(request), eligibility_id=eligibility_id))


@bp_mp.post("/benefits/<eligibility_id:int>/confirm")
@openapi.summary("在线确认免申即享事项（确认后提交免申即享平台）")
@person_required
async def mp_confirm(request: Request, eligibility_id: int) -> HTTPResponse:
    business_id = current_business(request)
    await benefits.confirm(business_id=business_id, person=request.ctx.person, eligibility_id=eligibility_id)
    await home_events.touch_business(deps_of(request).cache, business_id)
    # Forward at once; a platform failure leaves the item confirmed with a retry scheduled, never an error here.
    try:
        await forwarding.forward_one(deps_of(request), eligibility_id=eligibility_id, config=config_of(request.app))
    except Exception:  # noqa: BLE001 - the owner's confirmation is already stored
        log.exception("immediate forwarding of eligibility %s failed", eligibility_id)
    return ok(await benefits.get_for_business(business_id=business_id, eligibility_id=eligibility_id))


# ---- staff: policies ----

@bp_admin.get("/policies")
@openapi.summary("政策事项列表（本级及下级机构）")
@staff_required
@query(s.PolicyAdminQuery)
async def admin_policies(request: Request, q: s.PolicyAdminQuery) -> HTTPResponse:
    return ok(await service.list_policies_admin(actor=request.ctx.actor, status=q.status, q=q.q, cursor=q.cursor,
                                                limit=q.limit))


@bp_admin.post("/policies")
@openapi.summary("新建政策事项（草稿）")
@staff_required
@body(s.PolicyIn)
async def admin_create_policy(request: Request, data: s.PolicyIn) -> HTTPResponse:
    return ok(await service.create_policy(actor=request.ctx.actor, data=data), status=201)


@bp_admin.get("/policies/<policy_id:int>")
@openapi.summary("政策事项详情")
@staff_required
async def admin_policy(request: Request, policy_id: int) -> HTTPResponse:
    return ok(await service.get_policy_admin(actor=request.ctx.actor, policy_id=policy_id))


@bp_admin.patch("/policies/<policy_id:int>")
@openapi.summary("修改政策事项")
@staff_required
@body(s.PolicyPatch)
async def admin_update_policy(request: Request, policy_id: int, data: s.PolicyPatch) -> HTTPResponse:
    return ok(await service.update_policy(actor=request.ctx.actor, policy_id=policy_id, data=data))


@bp_admin.delete("/policies/<policy_id:int>")
@openapi.summary("删除政策事项草稿")
@staff_required
async def admin_delete_policy(request: Request, policy_id: int) -> HTTPResponse:
    await service.transition_policy(actor=request.ctx.actor, policy_id=policy_id, action=PolicyAction.DELETE)
    return ok()


@bp_admin.post("/policies/<policy_id:int>/publish")
@openapi.summary("发布政策事项")
@staff_required
async def admin_publish_policy(request: Request, policy_id: int) -> HTTPResponse:
    return ok(await service.transition_policy(actor=request.ctx.actor, policy_id=policy_id,
                                              action=PolicyAction.PUBLISH))


@bp_admin.post("/policies/<policy_id:int>/withdraw")
@openapi.summary("撤回政策事项")
@staff_required
async def admin_withdraw_policy(request: Request, policy_id: int) -> HTTPResponse:
    return ok(await service.transition_policy(actor=request.ctx.actor, policy_id=policy_id,
                                              action=PolicyAction.WITHDRAW))


# ---- staff: benefits ----

@bp_admin.get("/benefits")
@openapi.summary("免申即享事项列表")
@staff_required
@query(PageQuery)
async def admin_benefits(request: Request, q: PageQuery) -> HTTPResponse:
    return ok(await benefits.list_benefits(actor=request.ctx.actor, cursor=q.cursor, limit=q.limit))


@bp_admin.post("/benefits")
@openapi.summary("新建免申即享事项")
@staff_required
@body(s.BenefitIn)
async def admin_create_benefit(request: Request, data: s.BenefitIn) -> HTTPResponse:
    return ok(await benefits.create_benefit(actor=request.ctx.actor, data=data), status=201)


@bp_admin.get("/benefits/<benefit_id:int>")
@openapi.summary("免申即享事项详情（含各状态数量）")
@staff_required
async def admin_benefit(request: Request, benefit_id: int) -> HTTPResponse:
    return ok(await benefits.get_benefit(actor=request.ctx.actor, benefit_id=benefit_id))


@bp_admin.patch("/benefits/<benefit_id:int>")
@openapi.summary("修改免申即享事项")
@staff_required
@body(s.BenefitPatch)
async def admin_update_benefit(request: Request, benefit_id: int, data: s.BenefitPatch) -> HTTPResponse:
    return ok(await benefits.update_benefit(actor=request.ctx.actor, benefit_id=benefit_id, data=data))


@bp_admin.get("/benefits/<benefit_id:int>/eligibilities")
@openapi.summary("已标记的经营主体")
@staff_required
@query(s.EligibilityQuery)
async def admin_eligibilities(request: Request, benefit_id: int, q: s.EligibilityQuery) -> HTTPResponse:
    return ok(await benefits.list_eligibilities(actor=request.ctx.actor, benefit_id=benefit_id, status=q.status,
                                                cursor=q.cursor, limit=q.limit))


@bp_admin.post("/benefits/<benefit_id:int>/eligibilities")
@openapi.summary("按统一社会信用代码标记一个经营主体")
@staff_required
@body(s.EligibilityIn)
async def admin_mark_one(request: Request, benefit_id: int, data: s.EligibilityIn) -> HTTPResponse:
    out = await benefits.mark_one(actor=request.ctx.actor, benefit_id=benefit_id, uscc=data.uscc)
    await home_events.touch_business(deps_of(request).cache, out["business"]["id"])
    return ok(out, status=201)


@bp_admin.post("/benefits/<benefit_id:int>/eligibilities/rule")
@openapi.summary("按规则批量标记（分型、分类、行业、地区）；数量大时后台执行")
@staff_required
@body(s.Targeting)
async def admin_mark_rule(request: Request, benefit_id: int, data: s.Targeting) -> HTTPResponse:
    deps = deps_of(request)
    run, background = await benefits.start_rule_run(actor=request.ctx.actor, benefit_id=benefit_id,
                                                    targeting=data, config=config_of(request.app))
    if background:
        request.app.add_task(benefits.execute_run(deps, run_id=run["id"]))
        return ok(run, status=202)
    return ok(await benefits.execute_run(deps, run_id=run["id"]), status=201)


@bp_admin.post("/benefits/<benefit_id:int>/eligibilities/import")
@openapi.summary("上传 Excel（统一社会信用代码列）批量标记，逐行报告失败原因")
@openapi.body({"multipart/form-data": {"type": "object", "properties": {"file": {"type": "string",
                                                                                  "format": "binary"}}}})
@staff_required
async def admin_mark_excel(request: Request, benefit_id: int) -> HTTPResponse:
    f = request.files.get("file") if request.files else None
    if f is None:
        raise core_errors.ValidationFailed("请选择要上传的 Excel 文件（字段 file）")
    out = await benefits.import_excel(actor=request.ctx.actor, benefit_id=benefit_id, data=f.body,
                                      config=config_of(request.app))
    await home_events.touch_all(deps_of(request).cache)
    return ok(out, status=201)


@bp_admin.get("/benefits/<benefit_id:int>/runs/<run_id:int>")
@openapi.summary("批量标记任务进度与结果")
@staff_required
async def admin_run(request: Request, benefit_id: int, run_id: int) -> HTTPResponse:
    return ok(await benefits.get_run(actor=request.ctx.actor, benefit_id=benefit_id, run_id=run_id))


@bp_admin.get("/benefits/<benefit_id:int>/eligibilities/<eligibility_id:int>")
@openapi.summary("标记记录详情：流程、推送尝试与最近错误")
@staff_required
async def admin_eligibility(request: Request, benefit_id: int, eligibility_id: int) -> HTTPResponse:
    return ok(await benefits.get_eligibility_admin(actor=request.ctx.actor, benefit_id=benefit_id,
                                                   eligibility_id=eligibility_id))


@bp_admin.post("/benefits/<benefit_id:int>/eligibilities/<eligibility_id:int>/retry")
@openapi.summary("重新推送（自动重试已放弃的记录）")
@staff_required
async def admin_retry(request: Request, benefit_id: int, eligibility_id: int) -> HTTPResponse:
    out = await benefits.retry_forward(actor=request.ctx.actor, benefit_id=benefit_id, eligibility_id=eligibility_id)
    await forwarding.forward_one(deps_of(request), eligibility_id=eligibility_id, config=config_of(request.app))
    return ok(await benefits.get_eligibility_admin(actor=request.ctx.actor, benefit_id=benefit_id,
                                                   eligibility_id=out["id"]))


@bp_admin.post("/benefits/<benefit_id:int>/eligibilities/<eligibility_id:int>/revoke")
@openapi.summary("撤销推送（经营者确认前；原因经营者可见）")
@staff_required
@body(s.RevokeIn)
async def admin_revoke(request: Request, benefit_id: int, eligibility_id: int, data: s.RevokeIn) -> HTTPResponse:
    return ok(await benefits.revoke(deps_of(request), actor=request.ctx.actor, benefit_id=benefit_id,
                                    eligibility_id=eligibility_id, reason=data.reason))


# ---- the benefit platform's callback ----

@bp_hooks.post("/status")
@openapi.summary("免申即享平台状态回调（请求头 X-Benefit-Signature: sha256=HMAC-SHA256(body)）")
@openapi.body({"application/json": s.PlatformStatusIn})
async def platform_status(request: Request) -> HTTPResponse:
    cfg = config_of(request.app)
    raw = request.body or b""
    if not forwarding.verify(cfg.callback_secret, raw, request.headers.get(forwarding.SIGNATURE_HEADER)):
        raise errors.SignatureInvalid()
    try:
        payload = json.loads(raw)
    except ValueError as exc:
        raise core_errors.ValidationFailed("请求体不是有效的 JSON") from exc
    data = parse(s.PlatformStatusIn, payload if isinstance(payload, dict) else None)
    if not data.idempotency_key.isdigit() or len(data.idempotency_key) > 18:
        raise errors.EligibilityNotFound()
    return ok(await forwarding.apply_platform_status(
        eligibility_id=int(data.idempotency_key), status=data.status, reference=data.reference, note=data.note,
        event_id=data.event_id))


# ---- the periodic retry job (off unless BENEFIT_JOB_ENABLED=true) ----

@bp_admin.after_server_start
async def _start_job(app: Sanic) -> None:
    cfg = config_of(app)
    if cfg.job_enabled:
        app.ctx.benefit_job = asyncio.get_running_loop().create_task(
            forwarding.run_periodically(app.ctx.deps, cfg))


@bp_admin.before_server_stop
async def _stop_job(app: Sanic) -> None:
    task = getattr(app.ctx, "benefit_job", None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


blueprints = [bp_mp, bp_admin, bp_hooks]
