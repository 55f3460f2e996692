"""A thin async client over Sanic's ASGI test client that unwraps the envelope for assertions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sanic import Sanic


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
        _, resp = await self.app.asgi_client.request(method, path, json=json, params=params, files=files,
                                                     data=data, headers=hdrs)
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
