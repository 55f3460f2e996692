"""Mini-program endpoints: register, login, WeChat, tokens, profile, business switch, licence look-up."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from getitong.accounts import schemas as s
from getitong.accounts import service
from getitong.common import uploads
from getitong.common.guards import deps_of, person_required
from getitong.common.schemas import RefreshIn
from getitong.core import errors
from getitong.core.cache import hit
from getitong.core.web import body, client_ip, ok
from getitong.entities import service as entities

bp = Blueprint("mp_accounts", url_prefix="/api/v1/mp")


@bp.get("/regions")
@openapi.summary("归属地（行政区划）树")
async def regions(request: Request) -> HTTPResponse:
    return ok(await entities.region_tree())


@bp.get("/privacy-policy")
@openapi.summary("隐私服务政策")
async def privacy(request: Request) -> HTTPResponse:
    return ok(service.privacy_policy(deps_of(request)))


@bp.post("/license/lookup")
@openapi.summary("按归属地+统一社会信用代码或二维码内容查询主体")
@body(s.LicenseLookup)
async def license_lookup(request: Request, data: s.LicenseLookup) -> HTTPResponse:
    deps = deps_of(request)
    if not (await hit(deps.cache, f"lookup-ip:{client_ip(request)}", limit=deps.settings.lookup_rate_per_minute,
                      window=60)).allowed:
        raise errors.RateLimited(data={"retry_after": 60})
    return ok(await entities.lookup(deps, region_code=data.region_code, code=data.uscc, qr_text=data.qr_text))


@bp.post("/license/scan")
@openapi.summary("上传营业执照二维码照片识别主体")
@openapi.body({"multipart/form-data": {"type": "object", "properties": {
    "image": {"type": "string", "format": "binary"}, "region_code": {"type": "string"}}}})
async def license_scan(request: Request) -> HTTPResponse:
    upload = request.files.get("image") if request.files else None
    if upload is None:
        raise errors.ValidationFailed("请上传营业执照照片（字段 image）")
    region_code = request.form.get("region_code") if request.form else None
    return ok(await entities.lookup_photo(deps_of(request), region_code=region_code, data=upload.body))


@bp.post("/accounts/register")
@openapi.summary("注册经营者账号")
@body(s.RegisterIn)
async def register(request: Request, data: s.RegisterIn) -> HTTPResponse:
    result = await service.register(deps_of(request), region_code=data.region_code, code=data.uscc,
                                    phone=data.phone, name=data.name, password=data.password,
                                    privacy_version=data.privacy_version, privacy_agreed=data.privacy_agreed)
    return ok(result, status=201)


@bp.post("/auth/login")
@openapi.summary("手机号+密码登录")
@body(s.LoginIn)
async def login(request: Request, data: s.LoginIn) -> HTTPResponse:
    return ok(await service.login(deps_of(request), phone=data.phone, password=data.password,
                                  ip=client_ip(request)))


@bp.post("/auth/wechat")
@openapi.summary("微信登录（wx.login code，可选手机号授权 code 用于首次绑定）")
@body(s.WechatLoginIn)
async def wechat_login(request: Request, data: s.WechatLoginIn) -> HTTPResponse:
    return ok(await service.wechat_login(deps_of(request), code=data.code, phone_code=data.phone_code))


@bp.post("/auth/refresh")
@openapi.summary("刷新令牌（轮换）")
@body(RefreshIn)
async def refresh(request: Request, data: RefreshIn) -> HTTPResponse:
    return ok(await service.refresh(deps_of(request), refresh_token=data.refresh_token))


@bp.post("/auth/logout")
@openapi.summary("退出登录（吊销刷新令牌）")
@body(RefreshIn)
async def logout(request: Request, data: RefreshIn) -> HTTPResponse:
    await deps_of(request).tokens.revoke(data.refresh_token, subject_type=service.PERSON)
    return ok()


@bp.get("/me")
@openapi.summary("当前登录人、当前经营主体及可切换的主体")
@person_required
async def me(request: Request) -> HTTPResponse:
    return ok(await service.profile(deps_of(request), request.ctx.person, request.ctx.business_id))


@bp.post("/me/switch-business")
@openapi.summary("切换经营主体")
@person_required
@body(s.SwitchBusinessIn)
async def switch_business(request: Request, data: s.SwitchBusinessIn) -> HTTPResponse:
    return ok(await service.switch_business(deps_of(request), person=request.ctx.person,
                                            business_id=data.business_id))


@bp.post("/me/businesses")
@openapi.summary("关联本人经营的其他主体")
@person_required
@body(s.LinkBusinessIn)
async def link_business(request: Request, data: s.LinkBusinessIn) -> HTTPResponse:
    return ok(await service.link_business(deps_of(request), person=request.ctx.person,
                                          region_code=data.region_code, code=data.uscc,
                                          current_business_id=request.ctx.business_id), status=201)


@bp.post("/me/wechat")
@openapi.summary("绑定微信")
@person_required
@body(s.WechatBindIn)
async def bind_wechat(request: Request, data: s.WechatBindIn) -> HTTPResponse:
    deps = deps_of(request)
    await service.bind_wechat(deps, person=request.ctx.person, code=data.code)
    return ok(await service.profile(deps, request.ctx.person, request.ctx.business_id))


@bp.post("/uploads")
@openapi.summary("上传文件（图片或 PDF，按内容校验类型）")
@openapi.body({"multipart/form-data": {"type": "object", "properties": {"file": {"type": "string",
                                                                                  "format": "binary"}}}})
@person_required
async def upload(request: Request) -> HTTPResponse:
    f = request.files.get("file") if request.files else None
    if f is None:
        raise errors.ValidationFailed("请选择要上传的文件（字段 file）")
    stored = await uploads.save_upload(deps_of(request), data=f.body, name=f.name or "",
                                       owner_type="person", owner_id=request.ctx.person.id)
    return ok(uploads.file_out(stored, "/api/v1/mp"), status=201)


@bp.get("/uploads/<file_id:int>")
@openapi.summary("下载本人上传的文件")
@person_required
async def download(request: Request, file_id: int) -> HTTPResponse:
    f, data = await uploads.read_upload(deps_of(request), file_id=file_id, owner_type="person",
                                        owner_id=request.ctx.person.id)
    return raw(data, content_type=f.content_type)
