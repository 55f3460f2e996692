"""Party test helpers: valid ID numbers, images, a registered member, a published activity."""

from __future__ import annotations

import io
import random
from datetime import datetime, timedelta
from typing import Any

from PIL import Image

from getitong.entities.generator import id_number

MP = "/api/v1/mp/party"
ADMIN = "/api/v1/admin/party"
_rng = random.Random(7)


def new_id_number(region: str = "420204") -> str:
    return id_number(_rng, region)


def png(color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buf, "PNG")
    return buf.getvalue()


async def upload_mp(client: Any, token: str, data: bytes | None = None, name: str = "photo.png") -> int:
    r = await client.post("/api/v1/mp/uploads", token=token, files={"file": (name, data or png())})
    assert r.status == 201, r
    return r.data["id"]


async def upload_admin(client: Any, token: str, data: bytes | None = None, name: str = "cover.png") -> int:
    r = await client.post("/api/v1/admin/uploads", token=token, files={"file": (name, data or png())})
    assert r.status == 201, r
    return r.data["id"]


def member_payload(**over: Any) -> dict[str, Any]:
    payload = {"name": "王建国", "gender": "male", "id_number": new_id_number(), "phone": "13712345678",
               "joined_on": "2008-07-01", "org_relation": "下陆区个体私营经济党委", "position": "店长"}
    payload.update(over)
    return payload


async def new_member(client: Any, token: str, **over: Any) -> dict[str, Any]:
    r = await client.post(f"{MP}/members", token=token, json=member_payload(**over))
    assert r.status == 201, r
    return r.data


def activity_payload(start: datetime, *, hours: float = 2, **over: Any) -> dict[str, Any]:
    payload = {"title": "主题党日活动", "place": "下陆区党群服务中心", "description": "重温入党誓词",
               "starts_at": start.isoformat(), "ends_at": (start + timedelta(hours=hours)).isoformat(),
               "capacity": 10}
    payload.update(over)
    return payload


async def published_activity(client: Any, token: str, start: datetime, **over: Any) -> dict[str, Any]:
    r = await client.post(f"{ADMIN}/activities", token=token, json=activity_payload(start, **over))
    assert r.status == 201, r
    r = await client.post(f"{ADMIN}/activities/{r.data['id']}/publish", token=token)
    assert r.status == 200, r
    return r.data


async def delete(client: Any, path: str, token: str | None = None) -> Any:
    return await client.request("DELETE", path, token=token)
