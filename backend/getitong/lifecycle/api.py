"""GET /api/v1/admin/lifecycle/<business_id>: a business's 全生命周期 (staff with entity:read, in scope)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from getitong.common.guards import staff_required
from getitong.core.web import ok, query
from getitong.lifecycle import service

bp_admin = Blueprint("lifecycle_admin", url_prefix="/api/v1/admin/lifecycle")
blueprints = [bp_admin]


class LifecycleQuery(BaseModel):
    year: int | None = Field(None, ge=1949, le=2100, description="只看该年")
    kind: Literal["registration", "permit", "penalty", "notice", "inspection", "warning", "punishment",
                  "support", "annual"] | None = Field(None, description="只看该类（详情页签）")


@bp_admin.get("/<business_id:int>")
@openapi.summary("市场主体全生命周期：登记、许可、处罚、双告知、抽查检查、监管预警、联合惩戒、小微扶持、年报，按年份")
@staff_required
@query(LifecycleQuery)
async def lifecycle(request: Request, business_id: int, q: LifecycleQuery) -> HTTPResponse:
    return ok(await service.lifecycle(actor=request.ctx.actor, business_id=business_id, year=q.year, kind=q.kind))
