"""Keyset pagination: `?cursor=…&limit=…` → {"items", "next"}; no OFFSET, no count(*) on hot paths."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from getitong.core import errors


class PageQuery(BaseModel):
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"id": last_id}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded))["id"]
        if not isinstance(value, int) or not -(2**63) < value < 2**63:
            raise ValueError
        return value
    except (ValueError, KeyError, TypeError, json.JSONDecodeError) as exc:
        raise errors.ValidationFailed("分页游标无效", data={"cursor": cursor}) from exc


@dataclass
class Page:
    items: list[Any]
    next: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"items": self.items, "next": self.next}


async def keyset(queryset: Any, *, cursor: str | None, limit: int) -> tuple[list[Any], str | None]:
    """Newest first by id; fetch one extra row to know whether a next page exists."""
    last_id = decode_cursor(cursor)
    if last_id is not None:
        queryset = queryset.filter(id__lt=last_id)
    rows = await queryset.order_by("-id").limit(limit + 1)
    nxt = encode_cursor(rows[limit - 1].id) if len(rows) > limit else None
    return list(rows[:limit]), nxt
