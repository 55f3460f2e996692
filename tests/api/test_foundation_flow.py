"""The issue's definition of done, end to end through the API as the clients use it."""

import base64

from tests.api.conftest import login_staff


async def test_register_from_licence_photo_login_switch_and_tampered_code(client, deps, tree, shop, clerk):
    a, b, _ = shop
    # Staff shows the business's licence QR; the owner photographs it and uploads the photo.
    token = await login_staff(client, "clerk")
    qr = await client.get(f"/api/v1/admin/entities/{a.id}/license-qr", token=token)
    photo = base64.b64decode(qr.data["image"].split(",", 1)[1])
    found = await client.post("/api/v1/mp/license/scan", files={"image": ("qr.png", photo)},
                              data={"region_code": "420204"})
    assert found.status == 200, found
    assert (found.data["name"], found.data["operator_name"]) == ("下陆区张记小吃店", "张秀英")
    reg = await client.post("/api/v1/mp/accounts/register", json={
        "region_code": "420204", "uscc": found.data["uscc"], "phone": "13512345678", "name": "张秀英",
        "password": "Shop2026x", "privacy_version": "2024-08", "privacy_agreed": True})
    assert reg.status == 201, reg
    login = await client.post("/api/v1/mp/auth/login", json={"phone": "13512345678", "password": "Shop2026x"})
    access = login.data["token"]["access_token"]
    linked = await client.post("/api/v1/mp/me/businesses", json={"region_code": "420204", "uscc": b.uscc},
                               token=access)
    assert linked.status == 201
    switched = await client.post("/api/v1/mp/me/switch-business", json={"business_id": b.id}, token=access)
    assert switched.data["profile"]["current_business"]["name"] == "下陆区秀英便利店"
    back = await client.post("/api/v1/mp/me/switch-business", json={"business_id": a.id},
                             token=switched.data["token"]["access_token"])
    assert back.data["profile"]["current_business"]["name"] == "下陆区张记小吃店"
    tampered = a.uscc[:-1] + ("0" if a.uscc[-1] != "0" else "1")
    r = await client.post("/api/v1/mp/license/lookup", json={"region_code": "420204", "uscc": tampered})
    assert (r.status, r.code) == (400, "USCC_CHECK_FAILED")
    assert "校验位" in r.message
