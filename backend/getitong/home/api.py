"""The home screen over HTTP: /api/v1/mp/home (owner) and /api/v1/admin/home/apps (the app catalogue)."""

from __future__ import annotations

from sanic import Blueprint, Request, Sanic
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from getitong.accounts import service as accounts
from getitong.common import home_events
from getitong.common.guards import deps_of, person_required, staff_required
from getitong.core.web import bearer, body, ok
from getitong.home import local, service
from getitong.home import schemas as s
from getitong.home.config import home_settings

bp_mp = Blueprint("home_mp", url_prefix="/api/v1/mp/home")
bp_admin = Blueprint("home_admin", url_prefix="/api/v1/admin/home")
blueprints = [bp_mp, bp_admin]


@bp_mp.after_server_start
async def _load_catalog(app: Sanic) -> None:
    await service.ensure_catalog()
    deps = app.ctx.deps
    if deps.cache.backend == "redis" and home_settings().cache_enabled:
        # One listener per worker process keeps its in-memory copy of home replies honest (home/local.py).
        copy = local.LocalHome()
        deps.memo["home_local"] = copy
        deps.cache.on_message(home_events.CHANNEL, copy.changed)
        app.ctx.home_listener = local.Listener(deps.cache, copy, home_events.CHANNEL)
        app.ctx.home_listener.start()


@bp_mp.before_server_stop
async def _stop_listener(app: Sanic) -> None:
    listener = getattr(app.ctx, "home_listener", None)
    if listener is not None:
        await listener.stop()


@bp_mp.get("/")
@openapi.summary("首页：本人、当前及可切换的经营主体、首页应用及角标、未读数、年报提醒、最新资讯（一次取全）")
@openapi.secured("bearer")
async def home(request: Request) -> HTTPResponse:
    # person_required, split in two: the token is checked on every call; the database check of the person
    # and the link runs only when the reply has to be built (see service.cached_home for why that is safe).
    deps = deps_of(request)
    claims = deps.tokens.codec.decode(bearer(request), subject_type=accounts.PERSON)
    copy: local.LocalHome | None = deps.memo.get("home_local")
    reply = copy.get(claims.subject_id, claims.business_id) if copy is not None else None
    if reply is None:
        generation = copy.generation if copy is not None else 0
        payload = await service.cached_home(deps, person_id=claims.subject_id, business_id=claims.business_id)
        if payload is None:
            person = await accounts.load_linked_person(claims.subject_id, claims.business_id)
            payload = await service.home_json(deps, person=person, business_id=claims.business_id)
        # The cached text goes out as it is: no parse and re-serialise on the hot path.
        reply = f'{{"code":"OK","message":"成功","data":{payload}}}'.encode()
        if copy is not None and home_settings().cache_enabled:
            copy.keep(claims.subject_id, claims.business_id, reply, generation)
    return raw(reply, content_type="application/json; charset=utf-8")


@bp_mp.get("/apps")
@openapi.summary("编辑首页：我的首页应用（按顺序）与可添加的应用")
@person_required
async def my_apps(request: Request) -> HTTPResponse:
    return ok(await service.my_apps(person=request.ctx.person))


@bp_mp.put("/apps")
@openapi.summary("保存首页应用（删除、添加、排序一次保存）")
@person_required
@body(s.SaveApps)
async def save_apps(request: Request, data: s.SaveApps) -> HTTPResponse:
    return ok(await service.save_apps(deps_of(request), person=request.ctx.person, codes=data.apps))


@bp_mp.delete("/apps")
@openapi.summary("恢复默认首页应用")
@person_required
async def reset_apps(request: Request) -> HTTPResponse:
    return ok(await service.reset_apps(deps_of(request), person=request.ctx.person))


@bp_admin.get("/apps")
@openapi.summary("应用目录（全部，含停用）")
@staff_required
async def admin_apps(request: Request) -> HTTPResponse:
    return ok(await service.admin_apps(actor=request.ctx.actor))


@bp_admin.post("/apps")
@openapi.summary("新增应用")
@staff_required
@body(s.AppCreate)
async def admin_create(request: Request, data: s.AppCreate) -> HTTPResponse:
    return ok(await service.create_app(deps_of(request), actor=request.ctx.actor, values=data.model_dump()),
              status=201)


@bp_admin.patch("/apps/<app_id:int>")
@openapi.summary("修改应用（名称、图标、页面、排序、启用、默认）")
@staff_required
@body(s.AppUpdate)
async def admin_update(request: Request, app_id: int, data: s.AppUpdate) -> HTTPResponse:
    return ok(await service.update_app(deps_of(request), actor=request.ctx.actor, app_id=app_id,
                                       values=data.model_dump(exclude_unset=True)))
