"""Registration test helpers: valid step bodies, a draft filled to any step, signed, submitted."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from PIL import Image, ImageDraw

from getitong.party.idcard import check_char

MP = "/api/v1/mp/registrations"
ADMIN = "/api/v1/admin/registrations"


def id_number(born: date = date(1988, 1, 1), *, region: str = "420204", seq: int = 123) -> str:
    """A GB 11643 number; an odd sequence is a man, even a woman."""
    body = f"{region}{born:%Y%m%d}{seq:03d}"
    return body + check_char(body)


def png(color: tuple[int, int, int] = (20, 20, 20), size: tuple[int, int] = (60, 30)) -> bytes:
    img = Image.new("RGB", size, (255, 255, 255))
    ImageDraw.Draw(img).line((5, 25, 30, 5, 55, 25), fill=color, width=3)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


async def upload(client: Any, token: str) -> int:
    r = await client.post("/api/v1/mp/uploads", token=token, files={"file": ("id.png", png((1, 2, 3), (40, 40)))})
    assert r.status == 201, r
    return r.data["id"]


def name_body(**over: Any) -> dict[str, Any]:
    return {"named": True, "region_code": "420204", "trade_name": "穆静", "industry_word": "饺子", "org_form": "馆",
            "commitment_accepted": True, "place": "湖北省黄石市下陆区团城山街道杭州东路33号", "capital": "12"} | over


def operator_body(photo_id: int, **over: Any) -> dict[str, Any]:
    return {"name": "穆静", "gender": "male", "ethnicity": "汉族", "id_type": "resident_id",
            "id_number": id_number(), "id_valid_from": "2020-01-01", "id_valid_until": "2040-01-01",
            "phone": "13700000001", "email": "mujing@example.com", "address": "湖北省黄石市下陆区老下陆街道8号",
            "postcode": "435000", "political_status": "群众", "education": "高中", "employment_status": "农村劳动力",
            "id_photo_file_id": photo_id} | over


def basic_body(**over: Any) -> dict[str, Any]:
    return {"store_name": "穆静饺子馆", "urban": True, "postcode": "435000", "staff_count": 3, "paper_license": True,
            "scope": ["小餐饮", "餐饮服务", "外卖递送服务"],
            "residence": {"street": "团城山街道", "house_no": "杭州东路33号", "property_type": "leased",
                          "property_use": "commercial", "owner_name": "黄石市某物业公司", "area_sqm": "45"}} | over


async def draft(client: Any, token: str, *, business_type: str = "small_restaurant", name: dict | None = None,
                operator: dict | None = None, basic: dict | None = None, until: str = "basic") -> int:
    r = await client.post(MP, token=token, json={"business_type": business_type})
    assert r.status == 201, r
    reg_id = r.data["id"]
    if until == "created":
        return reg_id
    r = await client.request("PUT", f"{MP}/{reg_id}/name", token=token, json=name or name_body())
    assert r.status == 200, r
    if until == "name":
        return reg_id
    photo = await upload(client, token)
    r = await client.request("PUT", f"{MP}/{reg_id}/operator", token=token, json=operator_body(photo, **(operator or {})))
    assert r.status == 200, r
    if until == "operator":
        return reg_id
    r = await client.request("PUT", f"{MP}/{reg_id}/basic", token=token, json=basic or basic_body())
    assert r.status == 200, r
    return reg_id


async def confirm_and_realname(client: Any, token: str, reg_id: int, *, who: dict | None = None) -> dict[str, Any]:
    r = await client.post(f"{MP}/{reg_id}/confirm", token=token)
    assert r.status == 200, r
    signer = r.data["signers"][0]
    body = who or {"name": "穆静", "id_number": id_number()}
    r = await client.post(f"{MP}/{reg_id}/signers/{signer['id']}/realname", token=token, json=body)
    assert r.status == 200, r
    return r.data["signers"][0] | {"sign_token": signer["sign_token"]}


async def sign(client: Any, sign_token: str) -> Any:
    return await client.post(f"{MP}/signing/{sign_token}", files={"image": ("sig.png", png())})


async def signed(client: Any, token: str, **draft_over: Any) -> int:
    reg_id = await draft(client, token, **draft_over)
    signer = await confirm_and_realname(client, token, reg_id)
    r = await sign(client, signer["sign_token"])
    assert r.status == 200, r
    return reg_id


async def submitted(client: Any, token: str, **draft_over: Any) -> dict[str, Any]:
    reg_id = await signed(client, token, **draft_over)
    r = await client.post(f"{MP}/{reg_id}/submit", token=token)
    assert r.status == 200, r
    return r.data
