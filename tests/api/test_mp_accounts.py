"""Shop-owner accounts: register, login, tokens, switching business, refusals."""

import pytest

from getitong.accounts.models import Person
from tests.api.conftest import login_person, login_staff
from tests.client import raw_request

REG = "/api/v1/mp/accounts/register"


def reg_body(business, **over):
    body = {"region_code": "420204", "uscc": business.uscc, "phone": "13712345678", "name": business.operator_name,
            "password": "Abcd1234", "privacy_version": "2024-08", "privacy_agreed": True}
    body.update(over)
    return body


async def test_lookup_by_region_and_uscc_shows_business_and_operator(client, shop):
    a, _, _ = shop
    r = await client.post("/api/v1/mp/license/lookup", json={"region_code": "420204", "uscc": a.uscc.lower()})
    assert r.status == 200, r
    assert r.data["name"] == "下陆区张记小吃店"
    assert r.data["operator_name"] == "张秀英"
    assert r.data["region_name"] == "下陆区"
    assert r.data["kind_label"] == "个体工商户"


async def test_lookup_accepts_parent_region_and_refuses_another(client, shop):
    a, _, _ = shop
    r = await client.post("/api/v1/mp/license/lookup", json={"region_code": "420200", "uscc": a.uscc})
    assert r.status == 200
    r = await client.post("/api/v1/mp/license/lookup", json={"region_code": "420102", "uscc": a.uscc})
    assert (r.status, r.code) == (400, "REGION_MISMATCH")


async def test_lookup_errors_are_distinct(client, shop):
    a, _, _ = shop
    tampered = a.uscc[:5] + ("1" if a.uscc[5] != "1" else "2") + a.uscc[6:]
    cases = [({"uscc": tampered}, 400, "USCC_CHECK_FAILED"),
             ({"uscc": "92420204MA"}, 400, "USCC_FORMAT_INVALID"),
             ({"uscc": "91430122MA4LAAFU6L"}, 404, "ENTITY_NOT_FOUND"),
             ({"qr_text": "https://mp.weixin.qq.com/s/x"}, 400, "QR_NO_USCC"),
             ({"qr_text": f"https://www.gsxt.gov.cn/index.html?uniscid={a.uscc}"}, 200, "OK"),
             ({}, 422, "VALIDATION_ERROR")]
    for body, status, code in cases:
        r = await client.post("/api/v1/mp/license/lookup", json={"region_code": "420204", **body})
        assert (r.status, r.code) == (status, code), (body, r)
        assert r.message


async def test_register_creates_account_bound_to_business_and_records_consent(client, shop, deps):
    a, _, _ = shop
    r = await client.post(REG, json=reg_body(a))
    assert r.status == 201, r
    assert r.data["profile"]["current_business"]["uscc"] == a.uscc
    assert r.data["profile"]["person"]["phone_masked"] == "137****5678"
    person = await Person.get(id=r.data["profile"]["person"]["id"])
    assert person.privacy_version == "2024-08"
    assert person.privacy_agreed_at is not None
    assert "13712345678" not in person.phone_enc  # encrypted at rest
    assert person.password_hash.startswith("$argon2id$")
    me = await client.get("/api/v1/mp/me", token=r.data["token"]["access_token"])
    assert me.data["person"]["name"] == "张秀英"


@pytest.mark.parametrize(("over", "status", "code"), [
    ({"privacy_agreed": False}, 400, "PRIVACY_NOT_AGREED"),
    ({"privacy_version": "2019-01"}, 400, "PRIVACY_NOT_AGREED"),
    ({"name": "王五"}, 400, "OPERATOR_NAME_MISMATCH"),
    ({"password": "abc"}, 400, "WEAK_PASSWORD"),
    ({"phone": "12345"}, 422, "VALIDATION_ERROR"),
    ({"region_code": "420102"}, 400, "REGION_MISMATCH"),
    ({"uscc": "92420204MA6WPDQNQX"}, 400, "USCC_CHECK_FAILED"),
])
async def test_register_refusals_write_nothing(client, shop, over, status, code):
    a, _, _ = shop
    r = await client.post(REG, json=reg_body(a, **over))
    assert (r.status, r.code) == (status, code), r
    assert await Person.all().count() == 0


async def test_register_twice_with_same_phone_is_refused(client, shop):
    a, b, _ = shop
    assert (await client.post(REG, json=reg_body(a))).status == 201
    r = await client.post(REG, json=reg_body(b))
    assert (r.status, r.code) == (409, "PHONE_ALREADY_REGISTERED")


async def test_missing_fields_get_chinese_field_errors(client):
    r = await client.post(REG, json={"uscc": "x"})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    fields = {e["field"]: e["message"] for e in r.data["errors"]}
    assert fields["phone"] == "不能为空"
    assert r.message.startswith("参数错误")


async def test_broken_json_is_a_validation_error(client):
    resp = await raw_request(client.app, "POST", REG, content=b"{not json",
                             headers={"content-type": "application/json"})
    assert resp.status == 422
    assert resp.json["code"] == "VALIDATION_ERROR"


async def test_login_and_profile_lists_both_businesses(client, owner, shop):
    data = await login_person(client)
    profile = data["profile"]
    assert profile["current_business"]["id"] == shop[0].id
    assert {b["id"] for b in profile["businesses"]} == {shop[0].id, shop[1].id}


async def test_wrong_password_then_lockout(client, owner):
    for _ in range(5):
        r = await client.post("/api/v1/mp/auth/login", json={"phone": "13900000001", "password": "wrong1234"})
        assert (r.status, r.code) == (400, "LOGIN_FAILED")
    r = await client.post("/api/v1/mp/auth/login", json={"phone": "13900000001", "password": "Passw0rd!"})
    assert (r.status, r.code) == (429, "TOO_MANY_ATTEMPTS")


async def test_switch_business_changes_token_scope(client, owner, shop):
    a, b, other = shop
    data = await login_person(client)
    r = await client.post("/api/v1/mp/me/switch-business", json={"business_id": b.id},
                          token=data["token"]["access_token"])
    assert r.status == 200, r
    assert r.data["profile"]["current_business"]["id"] == b.id
    me = await client.get("/api/v1/mp/me", token=r.data["token"]["access_token"])
    assert me.data["current_business"]["id"] == b.id
    # The next login starts where the person left off.
    assert (await login_person(client))["profile"]["current_business"]["id"] == b.id


async def test_switch_to_someone_elses_business_is_refused(client, owner, shop):
    data = await login_person(client)
    r = await client.post("/api/v1/mp/me/switch-business", json={"business_id": shop[2].id},
                          token=data["token"]["access_token"])
    assert (r.status, r.code) == (403, "BUSINESS_NOT_LINKED")


async def test_token_for_a_business_no_longer_linked_is_refused(client, owner, shop):
    from getitong.accounts.models import PersonBusiness

    data = await login_person(client)
    await PersonBusiness.filter(business_id=shop[0].id).delete()
    r = await client.get("/api/v1/mp/me", token=data["token"]["access_token"])
    assert (r.status, r.code) == (403, "BUSINESS_NOT_LINKED")


async def test_anonymous_and_staff_tokens_are_refused_on_shop_side(client, owner, clerk):
    r = await client.get("/api/v1/mp/me")
    assert (r.status, r.code) == (401, "UNAUTHENTICATED")
    staff_token = await login_staff(client, "clerk")
    r = await client.get("/api/v1/mp/me", token=staff_token)
    assert (r.status, r.code) == (401, "TOKEN_INVALID")
    r = await client.get("/api/v1/mp/me", token="garbage")
    assert (r.status, r.code) == (401, "TOKEN_INVALID")


async def test_refresh_rotates_and_reuse_ends_the_login(client, owner):
    data = await login_person(client)
    first = data["token"]["refresh_token"]
    r = await client.post("/api/v1/mp/auth/refresh", json={"refresh_token": first})
    assert r.status == 200, r
    second = r.data["token"]["refresh_token"]
    assert second != first
    # The stolen copy of the first token comes back: refused, and the second one dies with it.
    r = await client.post("/api/v1/mp/auth/refresh", json={"refresh_token": first})
    assert (r.status, r.code) == (401, "TOKEN_INVALID")
    r = await client.post("/api/v1/mp/auth/refresh", json={"refresh_token": second})
    assert (r.status, r.code) == (401, "TOKEN_INVALID")


async def test_refresh_keeps_the_current_business(client, owner, shop):
    data = await login_person(client)
    switched = await client.post("/api/v1/mp/me/switch-business", json={"business_id": shop[1].id},
                                 token=data["token"]["access_token"])
    r = await client.post("/api/v1/mp/auth/refresh",
                          json={"refresh_token": switched.data["token"]["refresh_token"]})
    me = await client.get("/api/v1/mp/me", token=r.data["token"]["access_token"])
    assert me.data["current_business"]["id"] == shop[1].id


async def test_logout_revokes_refresh_token(client, owner):
    data = await login_person(client)
    await client.post("/api/v1/mp/auth/logout", json={"refresh_token": data["token"]["refresh_token"]})
    r = await client.post("/api/v1/mp/auth/refresh", json={"refresh_token": data["token"]["refresh_token"]})
    assert (r.status, r.code) == (401, "TOKEN_INVALID")


async def test_link_another_business_of_the_same_operator(client, deps, tree, shop):
    from tests import factories

    a, b, _ = shop
    third = await factories.business(deps, tree.station, name="下陆区秀英水果店", operator="张秀英")
    person = await factories.person(deps, phone="13900000002", name="张秀英", businesses=[a])
    data = await login_person(client, phone="13900000002")
    token = data["token"]["access_token"]
    r = await client.post("/api/v1/mp/me/businesses", json={"region_code": "420204", "uscc": third.uscc},
                          token=token)
    assert r.status == 201, r
    assert {x["id"] for x in r.data["businesses"]} == {a.id, third.id}
    r = await client.post("/api/v1/mp/me/businesses", json={"region_code": "420204", "uscc": third.uscc},
                          token=token)
    assert (r.status, r.code) == (409, "BUSINESS_ALREADY_LINKED")
    r = await client.post("/api/v1/mp/me/businesses", json={"region_code": "420102", "uscc": shop[2].uscc},
                          token=token)
    assert (r.status, r.code) == (400, "OPERATOR_NAME_MISMATCH")
    assert person.id


async def test_privacy_policy_and_regions(client, tree):
    r = await client.get("/api/v1/mp/privacy-policy")
    assert r.data["version"] == "2024-08"
    assert "隐私" in r.data["title"]
    r = await client.get("/api/v1/mp/regions")
    hubei = r.data[0]
    assert hubei["name"] == "湖北省"
    huangshi = next(c for c in hubei["children"] if c["code"] == "420200")
    assert [d["name"] for d in huangshi["children"]] == ["下陆区"]
