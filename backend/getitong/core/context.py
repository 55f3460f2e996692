"""Per-request metadata (request id, client ip) available to services without passing the request."""

from __future__ import annotations

import contextvars
from typing import Any

_request_meta: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("request_meta", default=None)


def set_request_meta(**meta: Any) -> None:
    _request_meta.set(meta)


def current_request_meta() -> dict[str, Any]:
    return _request_meta.get() or {}
