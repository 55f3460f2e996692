"""News and laws over HTTP: /api/v1/admin/{news,laws} for staff, /api/v1/mp/{news,laws} for everyone."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi

from getitong.common.guards import deps_of, staff_required
from getitong.content import schemas as s
from getitong.content import service
from getitong.content.models import ArticleKind
from getitong.content.workflow import ContentAction
from getitong.core.web import Handler, body, ok, query

bp_mp = Blueprint("content_mp", url_prefix="/api/v1/mp")
bp_admin = Blueprint("content_admin", url_prefix="/api/v1/admin")

_SHAPES: dict[ArticleKind, tuple[type[BaseModel], type[BaseModel], type[BaseModel], type[BaseModel]]] = {
    ArticleKind.NEWS: (s.NewsCreate, s.NewsUpdate, s.AdminNewsQuery, s.NewsQuery),
    ArticleKind.LAW: (s.LawCreate, s.LawUpdate, s.AdminLawQuery, s.LawQuery),
}


def _file_response(f: Any, data: bytes) -> HTTPResponse:
    return raw(data, content_type=f.content_type, headers={"Cache-Control": "private, max-age=300",
                                                            "X-Content-Type-Options": "nosniff"})


def _route(bp: Blueprint, handler: Handler, uri: str, method: str, name: str, summary: str, tag: str) -> None:
    bp.add_route(openapi.tag(tag)(openapi.summary(summary)(handler)), uri, methods=[method], name=name)


def _register(kind: ArticleKind) -> None:
    """Both kinds share handlers; only the shapes, the path and the Chinese nouns differ."""
    create_in, update_in, admin_q, mp_q = _SHAPES[kind]
    res, noun, key = service.RESOURCE[kind], service.NOUN[kind], kind.value
    tag = "新闻资讯" if kind == ArticleKind.NEWS else "法律法规"

    @staff_required
    @query(admin_q)
    async def admin_list(request: Request, q: Any) -> HTTPResponse:
        return ok(await service.admin_list(
            deps_of(request), actor=request.ctx.actor, kind=kind, status=q.status, category=q.category,
            validity=getattr(q, "validity", None), q=q.q, cursor=q.cursor, limit=q.limit))

    @staff_required
    @body(create_in)
    async def admin_create(request: Request, data: Any) -> HTTPResponse:
        return ok(await service.create(deps_of(request), actor=request.ctx.actor, kind=kind,
                                       values=data.model_dump()), status=201)

    @staff_required
    async def admin_detail(request: Request, article_id: int) -> HTTPResponse:
        return ok(await service.detail(deps_of(request), actor=request.ctx.actor, kind=kind, article_id=article_id))

    @staff_required
    @body(update_in)
    async def admin_update(request: Request, article_id: int, data: Any) -> HTTPResponse:
        return ok(await service.update(deps_of(request), actor=request.ctx.actor, kind=kind, article_id=article_id,
                                       changes=data.model_dump(exclude_unset=True)))

    @staff_required
    async def admin_publish(request: Request, article_id: int) -> HTTPResponse:
        return ok(await service.transition(deps_of(request), actor=request.ctx.actor, kind=kind,
                                           article_id=article_id, action=ContentAction.PUBLISH))

    @staff_required
    @body(s.WithdrawIn)
    async def admin_withdraw(request: Request, article_id: int, data: s.WithdrawIn) -> HTTPResponse:
        return ok(await service.transition(deps_of(request), actor=request.ctx.actor, kind=kind,
                                           article_id=article_id, action=ContentAction.WITHDRAW,
                                           reason=data.reason))

    @staff_required
    async def admin_file(request: Request, article_id: int, file_id: int) -> HTTPResponse:
        return _file_response(*await service.admin_file(deps_of(request), actor=request.ctx.actor, kind=kind,
                                                        article_id=article_id, file_id=file_id))

    @query(mp_q)
    async def mp_list(request: Request, q: Any) -> HTTPResponse:
        return ok(await service.public_list(kind=kind, category=q.category, validity=getattr(q, "validity", None),
                                            q=q.q, cursor=q.cursor, limit=q.limit))

    async def mp_detail(request: Request, article_id: int) -> HTTPResponse:
        return ok(await service.public_detail(kind=kind, article_id=article_id))

    async def mp_file(request: Request, article_id: int, file_id: int) -> HTTPResponse:
        return _file_response(*await service.public_file(deps_of(request), kind=kind, article_id=article_id,
                                                         file_id=file_id))

    one = f"/{res}/<article_id:int>"
    _route(bp_admin, admin_list, f"/{res}", "GET", f"{key}_list", f"{noun}列表（本级及下级）", tag)
    _route(bp_admin, admin_create, f"/{res}", "POST", f"{key}_create", f"新建{noun}（草稿）", tag)
    _route(bp_admin, admin_detail, one, "GET", f"{key}_detail", f"{noun}详情（含可执行操作）", tag)
    _route(bp_admin, admin_update, one, "PATCH", f"{key}_update", f"修改{noun}（仅草稿或已撤回）", tag)
    _route(bp_admin, admin_publish, f"{one}/publish", "POST", f"{key}_publish", f"发布{noun}", tag)
    _route(bp_admin, admin_withdraw, f"{one}/withdraw", "POST", f"{key}_withdraw", f"撤回{noun}（须填写原因）", tag)
    _route(bp_admin, admin_file, f"{one}/files/<file_id:int>", "GET", f"{key}_file", f"下载{noun}封面或附件", tag)
    _route(bp_mp, mp_list, f"/{res}", "GET", f"{key}_list", f"已发布{noun}列表（可匿名访问）", tag)
    _route(bp_mp, mp_detail, one, "GET", f"{key}_detail", f"{noun}详情（计入浏览量）", tag)
    _route(bp_mp, mp_file, f"{one}/files/<file_id:int>", "GET", f"{key}_file", f"下载{noun}封面或附件", tag)


for _kind in ArticleKind:
    _register(_kind)


@bp_admin.get("/content/options")
@openapi.summary("新闻资讯 / 法律法规：栏目、时效性与状态标签")
@staff_required
async def admin_content_options(request: Request) -> HTTPResponse:
    return ok(service.options())

blueprints = [bp_mp, bp_admin]
