"""名特优新 test helpers: notices through the API, uploads, a wizard filled step by step."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

MP = "/api/v1/mp/recognition"
ADMIN = "/api/v1/admin/recognition"

CATEGORIES = [
    {"code": "ming", "requirements": "拥有注册商标或老字号，经营5年以上，在本地具有较高知名度"},
    {"code": "te", "requirements": "经营地方特色产品或传统技艺，具有鲜明地域特色"},
    {"code": "you", "requirements": "产品或服务质量优良，近两年无行政处罚记录，群众满意度高"},
    {"code": "xin", "requirements": "采用新技术、新业态、新模式经营，成长性好"},
]

NOTICE = {
    "title": "2026年度湖北省个体工商户“名特优新”分类认定公告",
    "content": "为促进个体工商户高质量发展，现开展2026年度“名特优新”个体工商户分类认定工作。请仔细阅读申报须知。",
    "promise": "本人承诺所填报信息和提交材料真实、准确、完整，如有虚假愿承担相应法律责任。",
    "categories": CATEGORIES,
    "starts_at": "2026-03-01T00:00:00+08:00",
    "ends_at": "2026-04-30T23:59:59+08:00",
}

INFO = {"employees": 6, "social_insured": 4, "revenue": "860000.50", "net_profit": "-12000",
        "introduction": "张记小吃店创办于2015年，主营黄石港饼和特色小吃，坚持手工制作，深受街坊喜爱。"}


def png(color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buf, "PNG")
    return buf.getvalue()


def pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


async def upload(client: Any, token: str, count: int = 1, *, kind: str = "png") -> list[int]:
    ids = []
    for i in range(count):
        data, name = (png((i, 40, 90)), f"q{i}.png") if kind == "png" else (pdf(), f"m{i}.pdf")
        r = await client.post("/api/v1/mp/uploads", token=token, files={"file": (name, data)})
        assert r.status == 201, r
        ids.append(r.data["id"])
    return ids


async def notice(client: Any, token: str, *, publish: bool = True, **over: Any) -> dict[str, Any]:
    payload = {**NOTICE, **over}
    r = await client.post(f"{ADMIN}/notices", token=token, json=payload)
    assert r.status == 201, r
    if publish:
        r = await client.post(f"{ADMIN}/notices/{r.data['id']}/publish", token=token)
        assert r.status == 200, r
    return r.data


async def save(client: Any, token: str, notice_id: int, step: str, body: Any) -> Any:
    return await client.request("PUT", f"{MP}/notices/{notice_id}/application/steps/{step}", token=token, json=body)


def steps_payload(images: list[int], materials: list[int], category: str = "te") -> list[tuple[str, dict[str, Any]]]:
    return [
        ("read_notice", {"acknowledged": True}),
        ("promise", {"accepted": True}),
        ("category", {"category": category}),
        ("info", INFO),
        ("declaration", {"subject_type": "product", "subject_name": "黄石港饼",
                         "highlights": "百年传统工艺，手工制作，获评黄石市特色小吃",
                         "qualification_images": images}),
        ("materials", {"materials": [{"type": "license", "file_id": materials[0]},
                                     *[{"type": "honor", "file_id": f} for f in materials[1:]]]}),
    ]


async def fill(client: Any, token: str, notice_id: int, *, upto: int = 6, category: str = "te") -> dict[str, Any]:
    """Start (or resume) the application and save the first `upto` steps."""
    r = await client.post(f"{MP}/notices/{notice_id}/application", token=token)
    assert r.status in (200, 201), r
    images = await upload(client, token, 2)
    materials = await upload(client, token, 2, kind="pdf")
    for step, body in steps_payload(images, materials, category)[:upto]:
        r = await save(client, token, notice_id, step, body)
        assert r.status == 200, (step, r)
    return r.data


async def submitted(client: Any, token: str, notice_id: int) -> dict[str, Any]:
    await fill(client, token, notice_id)
    r = await client.post(f"{MP}/notices/{notice_id}/application/submit", token=token)
    assert r.status == 200, r
    return r.data


# How to bring a fresh application of the owner to a status, through the API.
PATHS: dict[str, list[tuple[str, str, dict[str, Any]]]] = {
    "draft": [],
    "submitted": [("owner", "submit", {})],
    "accepted": [("owner", "submit", {}), ("staff", "accept", {})],
    "returned": [("owner", "submit", {}), ("staff", "return", {"reason": "请补充材料"})],
    "recognised": [("owner", "submit", {}), ("staff", "accept", {}), ("staff", "recognise", {})],
    "refused": [("owner", "submit", {}), ("staff", "accept", {}), ("staff", "refuse", {"reason": "近两年有行政处罚"})],
}


async def move_to(client: Any, tokens: dict[str, str], notice_id: int, status: str, *, staff: str = "preview",
                  owner: str = "owner", app_id: int | None = None) -> int:
    """A fresh, complete application of `owner` under the notice (or `app_id`), brought to `status`."""
    view = {"id": app_id} if app_id else await fill(client, tokens[owner], notice_id)
    for who, action, body in PATHS[status]:
        if who == "owner":
            r = await client.post(f"{MP}/notices/{notice_id}/application/{action}", token=tokens[owner], json=body)
        else:
            r = await client.post(f"{ADMIN}/applications/{view['id']}/{action}", token=tokens[staff], json=body)
        assert r.status == 200, (action, r)
    return view["id"]


async def complete_draft(deps: Any, notice_id: int, business: Any, person: Any) -> int:
    """A draft with every step saved, written straight to the tables (the wizard itself: test_wizard.py)."""
    from datetime import UTC, datetime

    from getitong.common.uploads import save_upload
    from getitong.recognition.models import RecognitionApplication, RecognitionNotice

    n = await RecognitionNotice.get(id=notice_id)
    image = await save_upload(deps, data=png(), name="q.png", owner_type="person", owner_id=person.id)
    doc = await save_upload(deps, data=pdf(), name="m.pdf", owner_type="person", owner_id=person.id)
    at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    app = await RecognitionApplication.create(
        notice_id=n.id, business_id=business.id, person_id=person.id, org_id=n.org_id,
        region_code=business.region_code, business_name=business.name, read_at=at, promised_at=at, category="te",
        **INFO, declaration={"subject_type": "product", "subject_name": "黄石港饼", "highlights": "传统工艺",
                             "qualification_images": [image.id]},
        materials=[{"type": "license", "file_id": doc.id}])
    return app.id
