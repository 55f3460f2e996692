"""Application factory: `sanic getitong.app:create_app --factory`."""

from __future__ import annotations

import importlib
import importlib.util
import logging
import secrets
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sanic import Request, Sanic, html, redirect
from sanic.exceptions import SanicException
from sanic.response import HTTPResponse, file
from tortoise import Tortoise

from getitong.accounts.api import bp as mp_accounts_bp
from getitong.common import workdays
from getitong.core import db, errors
from getitong.core.context import set_request_meta
from getitong.core.deps import build_deps
from getitong.core.settings import Settings
from getitong.core.web import error_response, ok
from getitong.staff.api import bp as admin_bp

log = logging.getLogger("getitong")
SHANGHAI = ZoneInfo("Asia/Shanghai")

_SANIC_CODES = {400: "VALIDATION_ERROR", 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND",
                405: "METHOD_NOT_ALLOWED", 413: "FILE_TOO_LARGE", 416: "RANGE_NOT_SATISFIABLE",
                429: "RATE_LIMITED", 503: "SERVICE_UNAVAILABLE"}
_SANIC_MESSAGES = {400: "请求格式不正确", 401: "请先登录", 403: "无权限", 404: "接口或资源不存在",
                   405: "不支持该请求方法", 413: "请求内容过大", 416: "请求范围无效", 429: "请求过于频繁",
                   503: "服务暂不可用"}

# sanic-ext's Swagger page asks for these names; swagger-ui-dist ships them under the right-hand names.
DOCS_ASSETS = {"swagger-ui.min.css": "swagger-ui.css", "swagger-ui-bundle.min.js": "swagger-ui-bundle.js",
               "swagger-ui-standalone-preset.min.js": "swagger-ui-standalone-preset.js"}


def create_app(settings: Settings | None = None, *, manage_db: bool = True, name: str | None = None) -> Sanic:
    settings = settings or Settings()
    app = Sanic(name or f"getitong_{secrets.token_hex(4)}")
    app.config.REQUEST_MAX_SIZE = settings.upload_max_bytes + 1024 * 1024
    app.config.FALLBACK_ERROR_FORMAT = "json"
    # Auto HEAD/OPTIONS routes re-finalise the router once per route (seconds at start-up); not needed:
    # the admin is served from the same origin and nginx answers HEAD for static files.
    app.config.HTTP_AUTO_HEAD = False
    app.config.HTTP_AUTO_OPTIONS = False
    app.config.CORS = False
    app.config.CORS_AUTOMATIC_OPTIONS = False
    # Swagger UI from our own files (swagger-ui-dist, copied by the admin build): no CDN, no internet.
    app.config.OAS_UI_DEFAULT = "swagger"
    app.config.OAS_UI_REDOC = False
    app.config.OAS_UI_SWAGGER_CDN_URL = "/docs"
    app.config.OAS_UI_SWAGGER_VERSION = "assets"
    app.config.OAS_UI_SWAGGER_HTML_TITLE = "个体通 API 文档"
    app.config.OAS_URL_PREFIX = "/docs"
    app.config.PROXIES_COUNT = 1 if settings.env == "production" else 0
    app.ext.openapi.describe("个体通 API", version="1.0.0",
                             description="个体工商户公共服务平台：小程序端 /api/v1/mp，管理端 /api/v1/admin。"
                                         "所有响应为 {code, message, data} 信封。")
    app.ext.openapi.add_security_scheme("bearer", "http", scheme="bearer", bearer_format="JWT")
    app.ctx.settings = settings
    app.ctx.deps = build_deps(settings)
    app.ctx.manage_db = manage_db

    @app.before_server_start
    async def _start(app: Sanic) -> None:
        if app.ctx.manage_db and not Tortoise._inited:
            await db.init(settings)
        warning = workdays.coverage_warning(datetime.now(SHANGHAI).date())
        if warning:  # legal deadlines in working days would be refused (503) once they reach that year
            log.warning(warning)

    @app.after_server_stop
    async def _stop(app: Sanic) -> None:
        await app.ctx.deps.cache.close()
        if app.ctx.manage_db:
            await db.close()

    # The database opens first: domain blueprints may have start-up listeners that use it.
    app.blueprint(mp_accounts_bp)
    app.blueprint(admin_bp)
    for label in db.DOMAIN_APPS + db.VIEW_APPS:
        # Each later domain exposes `blueprints` from its api module; a domain without one has no routes yet.
        if importlib.util.find_spec(f"getitong.{label}.api") is not None:
            for bp in importlib.import_module(f"getitong.{label}.api").blueprints:
                app.blueprint(bp)
    _install_handlers(app)
    _install_core_routes(app, settings)

    return app


def _install_handlers(app: Sanic) -> None:
    @app.on_request
    async def _request_meta(request: Request) -> None:
        request.ctx.request_id = request.headers.get("x-request-id") or secrets.token_hex(8)
        request.ctx.started = time.perf_counter()
        set_request_meta(request_id=request.ctx.request_id, ip=request.remote_addr or request.ip or "")
        # Route ids are 64-bit keys: a larger number cannot name anything (and would overflow the driver).
        for value in (request.match_info or {}).values():
            if isinstance(value, int) and not -(2**63) < value < 2**63:
                raise errors.NotFound()

    @app.on_response
    async def _response_meta(request: Request, response: HTTPResponse) -> None:
        rid = getattr(request.ctx, "request_id", None)
        if rid:
            response.headers["X-Request-ID"] = rid

    @app.exception(errors.AppError)
    async def _app_error(request: Request, exc: errors.AppError) -> HTTPResponse:
        return error_response(exc)

    @app.exception(SanicException)
    async def _sanic_error(request: Request, exc: SanicException) -> HTTPResponse:
        status = exc.status_code
        if status >= 500:
            log.exception("request %s failed", getattr(request.ctx, "request_id", "-"), exc_info=exc)
        code = _SANIC_CODES.get(status, "INTERNAL_ERROR" if status >= 500 else "BAD_REQUEST")
        message = _SANIC_MESSAGES.get(status, "服务器内部错误" if status >= 500 else "请求有误")
        return error_response(errors.AppError(message, code=code, status=status))

    @app.exception(Exception)
    async def _unexpected(request: Request, exc: Exception) -> HTTPResponse:
        log.exception("request %s failed", getattr(request.ctx, "request_id", "-"), exc_info=exc)
        return error_response(errors.AppError("服务器内部错误，请稍后再试", code="INTERNAL_ERROR", status=500,
                                              data={"request_id": getattr(request.ctx, "request_id", None)}))


def _install_core_routes(app: Sanic, settings: Settings) -> None:
    dist = Path(settings.admin_dist_dir).resolve()

    probe: dict[str, object] = {"at": 0.0, "data": None}

    @app.get("/api/health")
    async def health(request: Request) -> HTTPResponse:
        """Database and cache state; 503 when either is down so load balancers take the process out.

        Each worker probes at most once a second: a load balancer polling many times a second must not
        turn health checks into database load.
        """
        if probe["data"] is not None and time.monotonic() - float(probe["at"]) < 1.0:  # type: ignore[arg-type]
            data = probe["data"]
            return ok(data, status=200 if data["status"] == "ok" else 503)  # type: ignore[index]
        started = time.perf_counter()
        try:
            conn = Tortoise.get_connection("default")
            await conn.execute_query("SELECT 1")
            db_ok = True
        except Exception:  # noqa: BLE001 - report, do not raise
            db_ok = False
        db_ms = round((time.perf_counter() - started) * 1000, 2)
        cache = request.app.ctx.deps.cache
        cache_ok = await cache.ping()
        status = "ok" if db_ok and cache_ok else "degraded"
        data = {"status": status,
                "database": {"ok": db_ok, "backend": "sqlite" if settings.is_sqlite else "postgresql",
                             "latency_ms": db_ms},
                "cache": {"ok": cache_ok, "backend": cache.backend}}
        probe.update(at=time.monotonic(), data=data)
        return ok(data, status=200 if status == "ok" else 503)

    @app.get("/docs/assets/<name:str>")
    async def docs_assets(request: Request, name: str) -> HTTPResponse:
        path = dist / "docs-assets" / DOCS_ASSETS.get(name, "-")
        if not path.is_file():
            raise errors.NotFound("文档资源未构建，请运行 make run")
        return await file(path)

    @app.get("/")
    async def root(request: Request) -> HTTPResponse:
        return redirect("/admin/")

    @app.get("/admin", strict_slashes=False)
    async def admin_index(request: Request) -> HTTPResponse:
        return await admin_files(request, "")

    @app.get("/admin/<path:path>")
    async def admin_files(request: Request, path: str = "") -> HTTPResponse:
        index = dist / "index.html"
        target = (dist / path).resolve() if path else index
        if target.is_file() and target.is_relative_to(dist):
            return await file(target)
        if index.is_file():
            # History-mode routing: every unknown path under /admin is the single-page app.
            return await file(index, headers={"Cache-Control": "no-cache"})
        return html("<h1>管理端尚未构建</h1><p>请运行 <code>make run</code>（会自动构建 admin-web）。</p>", status=503)
