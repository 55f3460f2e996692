"""Admin endpoints: staff auth and profile, orgs, roles, users, audit log, institutions, the register."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from getitong.common import uploads
from getitong.common.guards import deps_of, staff_required
from getitong.common.schemas import RefreshIn
from getitong.core import errors
from getitong.core.audit import TARGET_TYPE_LABELS
from getitong.core.models import AuditLog
from getitong.core.pagination import keyset
from getitong.core.web import body, client_ip, ok, query
from getitong.entities import service as entities
from getitong.staff import captcha, scope, service
from getitong.staff import schemas as s
from getitong.staff.permissions import ROLE_DEFS, Perm

SHANGHAI = ZoneInfo("Asia/Shanghai")

bp = Blueprint("admin", url_prefix="/api/v1/admin")


@bp.get("/auth/captcha")
@openapi.summary("获取图形验证码")
async def get_captcha(request: Request) -> HTTPResponse:
    return ok(await captcha.issue(deps_of(request).cache))


@bp.post("/auth/login")
@openapi.summary("工作人员登录（多次失败后需验证码）")
@body(s.StaffLoginIn)
async def login(request: Request, data: s.StaffLoginIn) -> HTTPResponse:
    return ok(await service.login(deps_of(request), username=data.username, password=data.password,
                                  ip=client_ip(request), captcha_id=data.captcha_id,
                                  captcha_code=data.captcha_code))


@bp.post("/auth/refresh")
@openapi.summary("刷新令牌（轮换）")
@body(RefreshIn)
async def refresh(request: Request, data: RefreshIn) -> HTTPResponse:
    deps = deps_of(request)
    row, token = await deps.tokens.rotate(data.refresh_token, subject_type=service.STAFF)
    await service.load_actor(row.subject_id)
    return ok({"token": token})


@bp.post("/auth/logout")
@openapi.summary("退出登录")
@body(RefreshIn)
async def logout(request: Request, data: RefreshIn) -> HTTPResponse:
    await deps_of(request).tokens.revoke(data.refresh_token, subject_type=service.STAFF)
    return ok()


@bp.get("/me")
@openapi.summary("当前工作人员、机构、角色与权限码")
@staff_required
async def me(request: Request) -> HTTPResponse:
    return ok(await service.me(deps_of(request), request.ctx.actor))


@bp.post("/me/password")
@openapi.summary("修改密码")
@staff_required
@body(s.PasswordIn)
async def change_password(request: Request, data: s.PasswordIn) -> HTTPResponse:
    await service.change_password(deps_of(request), actor=request.ctx.actor, old_password=data.old_password,
                                  new_password=data.new_password)
    return ok()


@bp.get("/orgs")
@openapi.summary("本级及下级机构树")
@staff_required
async def orgs(request: Request) -> HTTPResponse:
    service.require(request.ctx.actor, Perm.ORG_READ)
    return ok(await scope.tree(request.ctx.actor.org_id))


@bp.get("/roles")
@openapi.summary("角色及其权限码")
@staff_required
async def roles(request: Request) -> HTTPResponse:
    return ok([{"code": r.value, "name": name, "permissions": sorted(p.value for p in perms)}
               for r, (name, perms) in ROLE_DEFS.items()])


@bp.get("/users")
@openapi.summary("工作人员列表（本级及下级）")
@staff_required
@query(s.UserQuery)
async def list_users(request: Request, q: s.UserQuery) -> HTTPResponse:
    return ok(await service.list_users(deps_of(request), actor=request.ctx.actor, q=q.q, org_id=q.org_id,
                                       cursor=q.cursor, limit=q.limit))


@bp.post("/users")
@openapi.summary("新建工作人员")
@staff_required
@body(s.UserCreate)
async def create_user(request: Request, data: s.UserCreate) -> HTTPResponse:
    return ok(await service.create_user(deps_of(request), actor=request.ctx.actor, **data.model_dump()),
              status=201)


@bp.patch("/users/<user_id:int>")
@openapi.summary("修改工作人员")
@staff_required
@body(s.UserUpdate)
async def update_user(request: Request, user_id: int, data: s.UserUpdate) -> HTTPResponse:
    return ok(await service.update_user(deps_of(request), actor=request.ctx.actor, user_id=user_id,
                                        changes=data.model_dump(exclude_unset=True)))


@bp.post("/users/<user_id:int>/disable")
@openapi.summary("停用工作人员")
@staff_required
async def disable_user(request: Request, user_id: int) -> HTTPResponse:
    return ok(await service.set_active(deps_of(request), actor=request.ctx.actor, user_id=user_id, active=False))


@bp.post("/users/<user_id:int>/enable")
@openapi.summary("启用工作人员")
@staff_required
async def enable_user(request: Request, user_id: int) -> HTTPResponse:
    return ok(await service.set_active(deps_of(request), actor=request.ctx.actor, user_id=user_id, active=True))


@bp.post("/users/<user_id:int>/reset-password")
@openapi.summary("重置工作人员密码")
@staff_required
@body(s.ResetPasswordIn)
async def reset_password(request: Request, user_id: int, data: s.ResetPasswordIn) -> HTTPResponse:
    await service.reset_password(deps_of(request), actor=request.ctx.actor, user_id=user_id,
                                 password=data.password)
    return ok()


@bp.get("/institutions")
@openapi.summary("金融机构（本级及下级）")
@staff_required
async def institutions(request: Request) -> HTTPResponse:
    return ok(await service.institutions(actor=request.ctx.actor))


@bp.get("/audit-logs")
@openapi.summary("审计日志（本级及下级人员的操作）")
@staff_required
@query(s.AuditQuery)
async def audit_logs(request: Request, q: s.AuditQuery) -> HTTPResponse:
    actor = request.ctx.actor
    service.require(actor, Perm.AUDIT_READ)
    qs = scope.scoped(AuditLog.all(), actor, field="actor_org_id")
    if q.actor_id:
        qs = qs.filter(actor_id=q.actor_id)
    if q.target_type:
        qs = qs.filter(target_type=q.target_type)
    if q.target_id:
        qs = qs.filter(target_id=q.target_id)
    if q.action:
        qs = qs.filter(action__startswith=q.action) if q.action.endswith(".") else qs.filter(action=q.action)
    if q.q:
        qs = qs.filter(actor_name__contains=q.q.strip())
    # Shanghai midnights: SQLite keeps datetimes as +08:00 text and compares them as text.
    if q.date_from:
        qs = qs.filter(created_at__gte=datetime.combine(q.date_from, time(0), SHANGHAI))
    if q.date_to:
        qs = qs.filter(created_at__lt=datetime.combine(q.date_to + timedelta(days=1), time(0), SHANGHAI))
    rows, nxt = await keyset(qs, cursor=q.cursor, limit=q.limit)
    return ok({"items": [{"id": a.id, "actor_id": a.actor_id, "actor_name": a.actor_name, "action": a.action,
                          "target_type": a.target_type, "target_id": a.target_id, "before": a.before,
                          "after": a.after, "ip": a.ip, "created_at": a.created_at.isoformat()} for a in rows],
               "next": nxt})


@bp.get("/audit-logs/target-types")
@openapi.summary("审计日志的对象类型（中文名称）")
@staff_required
async def audit_target_types(request: Request) -> HTTPResponse:
    service.require(request.ctx.actor, Perm.AUDIT_READ)
    return ok([{"value": k, "label": v} for k, v in TARGET_TYPE_LABELS.items()])


@bp.post("/uploads")
@openapi.summary("上传文件（证据、附件；按内容校验类型）")
@openapi.body({"multipart/form-data": {"type": "object", "properties": {"file": {"type": "string",
                                                                                  "format": "binary"}}}})
@staff_required
async def upload(request: Request) -> HTTPResponse:
    f = request.files.get("file") if request.files else None
    if f is None:
        raise errors.ValidationFailed("请选择要上传的文件（字段 file）")
    stored = await uploads.save_upload(deps_of(request), data=f.body, name=f.name or "", owner_type="staff",
                                       owner_id=request.ctx.actor.id)
    return ok(uploads.file_out(stored, "/api/v1/admin"), status=201)


@bp.get("/uploads/<file_id:int>")
@openapi.summary("下载本人上传的文件")
@staff_required
async def download(request: Request, file_id: int) -> HTTPResponse:
    f, data = await uploads.read_upload(deps_of(request), file_id=file_id, owner_type="staff",
                                        owner_id=request.ctx.actor.id)
    return raw(data, content_type=f.content_type)


@bp.get("/entities")
@openapi.summary("市场主体检索（本级及下级登记机关）")
@staff_required
@query(s.EntityQuery)
async def search_entities(request: Request, q: s.EntityQuery) -> HTTPResponse:
    return ok(await entities.search(deps_of(request), actor=request.ctx.actor, q=q.q, code=q.uscc,
                                    region_code=q.region_code, status=q.status, kind=q.kind, cursor=q.cursor,
                                    limit=q.limit, reg_no=q.reg_no, operator=q.operator, industry=q.industry,
                                    address=q.address, org_id=q.org_id, this_level_only=q.this_level_only,
                                    established_from=q.established_from, established_to=q.established_to,
                                    capital_min=q.capital_min, capital_max=q.capital_max,
                                    business_scope=q.business_scope))


@bp.get("/entities/<entity_id:int>")
@openapi.summary("市场主体详情")
@staff_required
async def entity_detail(request: Request, entity_id: int) -> HTTPResponse:
    business = await entities.get_in_scope(actor=request.ctx.actor, entity_id=entity_id)
    return ok(await entities.entity_out(deps_of(request), business))


@bp.get("/entities/<entity_id:int>/license-qr")
@openapi.summary("市场主体营业执照二维码")
@staff_required
async def entity_license_qr(request: Request, entity_id: int) -> HTTPResponse:
    return ok(await entities.license_qr_of(actor=request.ctx.actor, entity_id=entity_id))
