"""Authentication decorators for the two audiences; handlers then read request.ctx."""

from __future__ import annotations

import functools
from typing import Any

from sanic import Request
from sanic.response import HTTPResponse
from sanic_ext import openapi

from getitong.accounts import service as accounts
from getitong.core import errors
from getitong.core.web import Handler, bearer, keep_docs
from getitong.staff import service as staff


def deps_of(request: Request) -> Any:
    return request.app.ctx.deps


def staff_required(handler: Handler) -> Handler:
    """A valid staff access token; request.ctx.actor is the StaffUser (with org loaded)."""

    @functools.wraps(handler)
    async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        claims = deps_of(request).tokens.codec.decode(bearer(request), subject_type=staff.STAFF)
        request.ctx.actor = await staff.load_actor(claims.subject_id)
        return await handler(request, *args, **kwargs)

    return openapi.secured("bearer")(keep_docs(handler, wrapper))


def person_required(handler: Handler) -> Handler:
    """A valid shop-owner token; request.ctx.person, request.ctx.business_id (checked still linked)."""

    @functools.wraps(handler)
    async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        claims = deps_of(request).tokens.codec.decode(bearer(request), subject_type=accounts.PERSON)
        person = await accounts.load_linked_person(claims.subject_id, claims.business_id)
        request.ctx.person = person
        request.ctx.business_id = claims.business_id
        return await handler(request, *args, **kwargs)

    return openapi.secured("bearer")(keep_docs(handler, wrapper))


def current_business(request: Request) -> int:
    """The business every shop-side query is scoped to (SPEC A4)."""
    business_id = getattr(request.ctx, "business_id", None)
    if business_id is None:
        raise errors.NoCurrentBusiness()
    return business_id
