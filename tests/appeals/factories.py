"""Appeal test helpers: images to upload, a submitted appeal, an appeal moved to a given status."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

MP = "/api/v1/mp/appeals"
ADMIN = "/api/v1/admin/appeals"


def png(color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buf, "PNG")
    return buf.getvalue()


def pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


async def upload_mp(client: Any, token: str, count: int = 1) -> list[int]:
    ids = []
    for i in range(count):
        r = await client.post("/api/v1/mp/uploads", token=token, files={"file": (f"p{i}.png", png((i, 9, 9)))})
        assert r.status == 201, r
        ids.append(r.data["id"])
    return ids


async def upload_admin(client: Any, token: str, data: bytes | None = None, name: str = "evidence.pdf") -> int:
    r = await client.post("/api/v1/admin/uploads", token=token, files={"file": (name, data or pdf())})
    assert r.status == 201, r
    return r.data["id"]


async def submit(client: Any, token: str, **over: Any) -> Any:
    payload = {"title": "门店招牌审批咨询", "type": "consult", "department": "登记注册",
               "content": "想更换门头招牌，需要办理哪些手续？", "photos": []}
    payload.update(over)
    return await client.post(f"{MP}/", token=token, json=payload)


async def new_appeal(client: Any, token: str, **over: Any) -> dict[str, Any]:
    r = await submit(client, token, **over)
    assert r.status == 201, r
    return r.data


async def move_to(client: Any, tokens: dict[str, str], status: str, unit_org_id: int, *, desk: str = "clerk",
                  handler: str = "unit") -> int:
    """A fresh appeal of the owner brought to `status` through the API; returns its id."""
    appeal_id = (await new_appeal(client, tokens["owner"]))["id"]
    steps: dict[str, list[tuple[str, str, dict[str, Any]]]] = {
        "submitted": [],
        "accepted": [("clerk", "accept", {})],
        "transferred": [("clerk", "accept", {}),
                        ("clerk", "transfer", {"unit_org_id": unit_org_id, "requirements": "请核实并答复"})],
        "reported": [("clerk", "accept", {}),
                     ("clerk", "transfer", {"unit_org_id": unit_org_id, "requirements": "请核实并答复"}),
                     ("unit", "report", {"result": "已上门指导"})],
        "replied": [("clerk", "accept", {}),
                    ("clerk", "transfer", {"unit_org_id": unit_org_id, "requirements": "请核实并答复"}),
                    ("unit", "report", {"result": "已上门指导"}), ("clerk", "reply", {"reply": "已办结"})],
    }
    path = steps.get(status)
    if status == "closed":
        path = [*steps["replied"], ("owner", "rate", {"rating": "dissatisfied", "comment": "没解决"})]
    assert path is not None, status
    for who, action, body in path:
        who = {"clerk": desk, "unit": handler}.get(who, who)
        prefix = MP if who == "owner" else ADMIN
        r = await client.post(f"{prefix}/{appeal_id}/{action.replace('_', '-')}", token=tokens[who], json=body)
        assert r.status == 200, (action, r)
    return appeal_id
