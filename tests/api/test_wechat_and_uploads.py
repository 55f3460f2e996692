"""WeChat login against the local stand-in, licence photo scanning and uploads."""

import io

import pytest
from PIL import Image

from getitong.accounts.models import Person
from getitong.core.models import StoredFile
from getitong.entities import license_qr

WX = "/api/v1/mp/auth/wechat"


async def test_first_wechat_login_binds_by_phone_then_openid_alone(client, owner, wechat):
    r = await client.post(WX, json={"code": wechat.login_code("openid-zhang")})
    assert (r.status, r.code) == (404, "WECHAT_NOT_BOUND")
    r = await client.post(WX, json={"code": wechat.login_code("openid-zhang"),
                                    "phone_code": wechat.phone_code("13900000001")})
    assert r.status == 200, r
    assert r.data["profile"]["person"]["wechat_bound"] is True
    assert (await Person.get(id=owner.id)).wechat_openid == "openid-zhang"
    r = await client.post(WX, json={"code": wechat.login_code("openid-zhang")})
    assert r.status == 200
    assert r.data["profile"]["person"]["id"] == owner.id


async def test_wechat_phone_without_account(client, shop, wechat):
    r = await client.post(WX, json={"code": wechat.login_code("openid-new"),
                                    "phone_code": wechat.phone_code("13600000000")})
    assert (r.status, r.code) == (404, "ACCOUNT_NOT_FOUND")
    assert await Person.filter(wechat_openid="openid-new").count() == 0


@pytest.mark.parametrize(("errcode", "status", "code"), [
    (40029, 400, "WECHAT_CODE_INVALID"), (40163, 400, "WECHAT_CODE_INVALID"),
    (45011, 502, "WECHAT_UNAVAILABLE"), (-1, 502, "WECHAT_UNAVAILABLE")])
async def test_wechat_errors_are_mapped(client, wechat, errcode, status, code):
    bad = f"forced-{errcode}"
    wechat.forced_errors[bad] = errcode
    r = await client.post(WX, json={"code": bad})
    assert (r.status, r.code) == (status, code)


async def test_used_login_code_is_refused(client, owner, wechat):
    code = wechat.login_code("openid-once")
    await client.post(WX, json={"code": code})
    r = await client.post(WX, json={"code": code})
    assert r.code == "WECHAT_CODE_INVALID"


async def test_openid_cannot_be_bound_to_two_people(client, deps, shop, owner, wechat):
    from tests import factories

    await factories.person(deps, phone="13900000009", name="张秀英", businesses=[shop[0]], openid="openid-taken")
    r = await client.post(WX, json={"code": wechat.login_code("openid-taken")})
    assert r.data["profile"]["person"]["phone_masked"] == "139****0009"
    login = await client.post("/api/v1/mp/auth/login", json={"phone": "13900000001", "password": "Passw0rd!"})
    r = await client.post("/api/v1/mp/me/wechat", json={"code": wechat.login_code("openid-taken")},
                          token=login.data["token"]["access_token"])
    assert (r.status, r.code) == (409, "WECHAT_ALREADY_BOUND")


def _png_bytes(img: Image.Image, fmt: str = "PNG") -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt)
    return buf.getvalue()


async def test_scan_licence_photo(client, shop):
    qr = Image.open(io.BytesIO(license_qr.render_png(license_qr.license_text(shop[0].uscc))))
    photo = Image.new("RGB", (900, 700), (240, 235, 220))
    photo.paste(qr.resize((220, 220)), (600, 60))
    r = await client.post("/api/v1/mp/license/scan", files={"image": ("licence.jpg", _png_bytes(photo, "JPEG"))},
                          data={"region_code": "420204"})
    assert r.status == 200, r
    assert (r.data["uscc"], r.data["operator_name"]) == (shop[0].uscc, "张秀英")


async def test_scan_refusals(client, shop):
    blank = _png_bytes(Image.new("RGB", (300, 300), (255, 255, 255)))
    r = await client.post("/api/v1/mp/license/scan", files={"image": ("a.png", blank)})
    assert (r.status, r.code) == (400, "QR_NOT_FOUND")
    r = await client.post("/api/v1/mp/license/scan", files={"image": ("a.png", b"#!/bin/sh\nrm -rf /\n")})
    assert (r.status, r.code) == (415, "FILE_NOT_IMAGE")
    r = await client.post("/api/v1/mp/license/scan", files={"other": ("a.png", blank)})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    other = _png_bytes(Image.open(io.BytesIO(license_qr.render_png("https://weixin.qq.com/x"))))
    r = await client.post("/api/v1/mp/license/scan", files={"image": ("a.png", other)})
    assert (r.status, r.code) == (400, "QR_NO_USCC")


async def test_image_too_large(client, app, shop):
    app.ctx.deps.settings.upload_max_bytes  # noqa: B018 - documents which setting applies
    big = b"\x89PNG\r\n\x1a\n" + b"\0" * (app.ctx.deps.settings.upload_max_bytes + 10)
    r = await client.post("/api/v1/mp/license/scan", files={"image": ("big.png", big)})
    assert (r.status, r.code) == (413, "FILE_TOO_LARGE")


async def test_upload_is_stored_by_hash_and_private(client, deps, shop, owner):
    from tests import factories

    login = await client.post("/api/v1/mp/auth/login", json={"phone": "13900000001", "password": "Passw0rd!"})
    token = login.data["token"]["access_token"]
    data = _png_bytes(Image.new("RGB", (64, 64), (200, 10, 10)))
    r = await client.post("/api/v1/mp/uploads", files={"file": ("photo.png", data)}, token=token)
    assert r.status == 201, r
    assert r.data["content_type"] == "image/png"
    assert len(r.data["sha256"]) == 64
    assert deps.storage.exists(r.data["sha256"])
    got = await client.get(f"/api/v1/mp/uploads/{r.data['id']}", token=token)
    assert got.status == 200
    assert got.body == data
    # Another person cannot fetch it.
    await factories.person(deps, phone="13900000005", name="张秀英", businesses=[shop[1]])
    other = await client.post("/api/v1/mp/auth/login", json={"phone": "13900000005", "password": "Passw0rd!"})
    r = await client.get(f"/api/v1/mp/uploads/{r.data['id']}", token=other.data["token"]["access_token"])
    assert (r.status, r.code) == (404, "NOT_FOUND")
    r = await client.post("/api/v1/mp/uploads", files={"file": ("x.png", b"MZ\x90\0fake")}, token=token)
    assert (r.status, r.code) == (415, "FILE_TYPE_NOT_ALLOWED")
    assert await StoredFile.all().count() == 1
    assert (await client.post("/api/v1/mp/uploads", files={"file": ("p.png", data)})).code == "UNAUTHENTICATED"


async def test_staff_upload_is_private_to_its_uploader(client, deps, tree, clerk, district_admin):
    from tests.api.conftest import login_staff

    token = await login_staff(client, "clerk")
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
    r = await client.post("/api/v1/admin/uploads", files={"file": ("evidence.pdf", pdf)}, token=token)
    assert r.status == 201, r
    assert r.data["content_type"] == "application/pdf"
    got = await client.get(f"/api/v1/admin/uploads/{r.data['id']}", token=token)
    assert got.body == pdf
    other = await client.get(f"/api/v1/admin/uploads/{r.data['id']}", token=await login_staff(client, "dadmin"))
    assert other.code == "NOT_FOUND"
