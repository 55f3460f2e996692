"""A thin async ASGI client for the tests that unwraps the envelope for assertions.

sanic-testing's `app.asgi_client` resets the router, finalizes every route and runs the server start and
stop listeners around *every* request (about 120 ms each with this many routes): that was most of the
test run. This client starts the app once, like a real server, and stops it when the test ends
(`stop_app`, called by the `app` fixture).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
from sanic import Sanic
from sanic_testing.testing import TestingResponse

BASE_URL = "http://127.0.0.1:58000"


async def started_http(app: Sanic) -> httpx.AsyncClient:
    """One started app per test, served over an in-process ASGI transport."""
    http = getattr(app.ctx, "test_http", None)
    if http is None:
        Sanic.test_mode = True
        app.asgi = True
        app.router.reset()
        app.signal_router.reset()
        await app._startup()
        await app._server_event("init", "before")
        await app._server_event("init", "after")
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 58001))
        http = httpx.AsyncClient(transport=transport, base_url=BASE_URL)
        app.ctx.test_http = http
    return http


async def stop_app(app: Sanic) -> None:
    http = getattr(app.ctx, "test_http", None)
    if http is not None:
        app.ctx.test_http = None
        await http.aclose()
        await app._server_event("shutdown", "before")
        await app._server_event("shutdown", "after")


async def raw_request(app: Sanic, method: str, path: str, **kw: Any) -> TestingResponse:
    http = await started_http(app)
    resp = await http.request(method, path, **kw)
    resp.__class__ = TestingResponse
    return resp


@dataclass
class Reply:
    status: int
    code: str | None
    message: str | None
    data: Any
    headers: Any
    body: bytes

    def __repr__(self) -> str:
        return f"<Reply {self.status} {self.code} {self.message} {str(self.data)[:300]}>"


class ApiClient:
    def __init__(self, app: Sanic) -> None:
        self.app = app
        self.token: str | None = None

    async def request(self, method: str, path: str, *, token: str | None = None, json: Any = None,
                      params: Any = None, files: Any = None, data: Any = None, headers: Any = None) -> Reply:
        hdrs = dict(headers or {})
        tok = token if token is not None else self.token
        if tok:
            hdrs["Authorization"] = f"Bearer {tok}"
        resp = await raw_request(self.app, method, path, json=json, params=params, files=files, data=data,
                                 headers=hdrs)
        try:
            payload = resp.json
        except Exception:  # noqa: BLE001 - non-JSON bodies (files)
            payload = None
        if isinstance(payload, dict) and "code" in payload:
            return Reply(resp.status, payload["code"], payload.get("message"), payload.get("data"), resp.headers,
                         resp.body)
        return Reply(resp.status, None, None, payload, resp.headers, resp.body)

    async def get(self, path: str, **kw: Any) -> Reply:
        return await self.request("GET", path, **kw)

    async def post(self, path: str, **kw: Any) -> Reply:
        return await self.request("POST", path, **kw)

    async def patch(self, path: str, **kw: Any) -> Reply:
        return await self.request("PATCH", path, **kw)
