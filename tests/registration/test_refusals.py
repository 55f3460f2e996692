"""Who may not do what, and bad input: a 4xx with a stable code and a Chinese message, nothing half-written."""

from __future__ import annotations

from datetime import date

import pytest

from getitong.registration.models import Registration, RegistrationSigner
from tests.registration import factories as rf
from tests.registration.factories import ADMIN, MP


async def test_anonymous_is_refused(client, cast):
    reg_id = await rf.draft(client, cast.tokens["applicant"], until="created")
    for method, path in [("POST", MP), ("GET", MP), ("GET", f"{MP}/{reg_id}"), ("POST", f"{MP}/{reg_id}/submit"),
                         ("GET", ADMIN), ("GET", f"{ADMIN}/archives")]:
        r = await client.request(method, path, json={})
        assert r.status == 401, (method, path, r)
        assert r.code == "UNAUTHENTICATED", (method, path, r)


async def test_a_person_cannot_see_or_act_on_another_applicants_registration(client, cast):
    reg_id = await rf.draft(client, cast.tokens["applicant"])
    other = cast.tokens["stranger"]
    r = await client.get(MP, token=other)
    assert r.data["items"] == []
    photo = await rf.upload(client, other)
    for method, path, body in [
        ("GET", f"{MP}/{reg_id}", None), ("PUT", f"{MP}/{reg_id}/name", rf.name_body()),
        ("PUT", f"{MP}/{reg_id}/operator", rf.operator_body(photo)), ("PUT", f"{MP}/{reg_id}/basic", rf.basic_body()),
        ("GET", f"{MP}/{reg_id}/documents/application", None), ("POST", f"{MP}/{reg_id}/confirm", None),
        ("POST", f"{MP}/{reg_id}/submit", None), ("POST", f"{MP}/{reg_id}/withdraw", None),
        ("GET", f"{MP}/{reg_id}/license", None),
    ]:
        r = await client.request(method, path, token=other, json=body)
        assert r.status == 404, (method, path, r)
        assert r.code == "REGISTRATION_NOT_FOUND", (method, path, r)
    signer = await rf.confirm_and_realname(client, cast.tokens["applicant"], reg_id)
    for method, path, body in [
        ("POST", f"{MP}/{reg_id}/signers/{signer['id']}/realname", {"name": "穆静", "id_number": rf.id_number()}),
        ("GET", f"{MP}/{reg_id}/signers/{signer['id']}/qr.png", None),
    ]:
        r = await client.request(method, path, token=other, json=body)
        assert r.status == 404, (method, path, r)
    # Signing needs the link's token: a guessed one signs nothing.
    r = await rf.sign(client, "not-the-token")
    assert r.status == 404
    assert r.code == "REGISTRATION_SIGN_TOKEN_INVALID"
    assert (await RegistrationSigner.get(id=signer["id"])).signed_at is None


async def test_the_applicant_uses_only_own_uploads_as_id_photo(client, cast):
    reg_id = await rf.draft(client, cast.tokens["applicant"], until="name")
    foreign = await rf.upload(client, cast.tokens["stranger"])
    r = await client.request("PUT", f"{MP}/{reg_id}/operator", token=cast.tokens["applicant"],
                             json=rf.operator_body(foreign))
    assert r.status == 400
    assert r.code == "REGISTRATION_PHOTO_INVALID"


async def test_staff_without_permission_or_outside_the_org_are_refused(client, cast):
    data = await rf.submitted(client, cast.tokens["applicant"], name=rf.name_body(capital="500"))
    reg_id = data["id"]
    for who, status in [("clerk", 403), ("other_reviewer", 404)]:
        for method, path, body in [
            ("GET", f"{ADMIN}/{reg_id}", None), ("POST", f"{ADMIN}/{reg_id}/approve", {}),
            ("POST", f"{ADMIN}/{reg_id}/refuse", {"reason": "不予登记"}), ("GET", f"{ADMIN}/{reg_id}/license", None),
            ("GET", f"{ADMIN}/{reg_id}/documents/application", None),
        ]:
            r = await client.request(method, path, token=cast.tokens[who], json=body)
            assert r.status == status, (who, method, path, r)
    r = await client.get(ADMIN, token=cast.tokens["clerk"])
    assert r.status == 403
    assert r.code == "FORBIDDEN"
    r = await client.get(ADMIN, token=cast.tokens["other_reviewer"])
    assert r.status == 200
    assert r.data["items"] == []
    r = await client.get(f"{ADMIN}/archives", token=cast.tokens["clerk"])
    assert r.status == 403
    # A shop owner's token is not a staff token.
    r = await client.get(ADMIN, token=cast.tokens["applicant"])
    assert r.status == 401
    assert (await Registration.get(id=reg_id)).status == "reviewing"


async def test_drafts_are_invisible_to_staff(client, cast):
    reg_id = await rf.draft(client, cast.tokens["applicant"])
    r = await client.get(f"{ADMIN}/{reg_id}", token=cast.tokens["reviewer"])
    assert r.status == 404


@pytest.mark.parametrize(("trade_name", "industry_word", "rule"), [
    ("国家", "饺子", "public_interest"), ("神仙", "饺子", "superstition_obscenity_violence"),
    ("顶级", "饺子", "misleading"), ("日本", "饺子", "foreign_or_international"),
    ("三八六旅", "饺子", "party_state_army"), ("穆静", "Dumpling", "letters_digits"),
    ("穆静", "饺子8", "letters_digits"), ("地沟", "饺子", "public_order"),
])
async def test_forbidden_names_are_refused_with_the_rule_named(client, cast, trade_name, industry_word, rule):
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token, until="created")
    r = await client.request("PUT", f"{MP}/{reg_id}/name", token=token,
                             json=rf.name_body(trade_name=trade_name, industry_word=industry_word))
    if r.status == 422:  # the length limits of the body came first (e.g. a Latin word longer than 10)
        pytest.fail(f"{r}")
    assert r.status == 400, r
    assert r.code == "REGISTRATION_NAME_FORBIDDEN", r
    assert r.data["rule"] == rule
    assert r.message.startswith("名称不得")
    saved = await Registration.get(id=reg_id)
    assert saved.name is None
    assert saved.named is None
    assert saved.name_key is None


async def test_a_name_used_in_the_register_is_refused(client, cast, deps):
    from tests import factories

    await factories.business(deps, cast.tree.station, name="下陆区穆静饺子馆", operator="穆静", industry="餐饮业")
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token, until="created")
    r = await client.request("PUT", f"{MP}/{reg_id}/name", token=token, json=rf.name_body())
    assert r.status == 409
    assert r.code == "REGISTRATION_NAME_TAKEN"
    # Another industry may use the same 字号.
    r = await client.request("PUT", f"{MP}/{reg_id}/business-type", token=token, json={"business_type": "fruit_shop"})
    assert r.status == 200
    r = await client.request("PUT", f"{MP}/{reg_id}/name", token=token,
                             json=rf.name_body(industry_word="水果", org_form="店"))
    assert r.status == 200
    assert r.data["name_step"]["name"] == "黄石市下陆区穆静水果店"


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"commitment_accepted": False}, 400, "REGISTRATION_COMMITMENT_REQUIRED"),
    ({"region_code": "420200"}, 400, "REGISTRATION_REGION_INVALID"),  # a city, not a district
    ({"region_code": "999999"}, 400, "REGISTRATION_REGION_INVALID"),
    ({"org_form": "公司"}, 422, "VALIDATION_ERROR"),
    ({"capital": "-1"}, 422, "VALIDATION_ERROR"),
    ({"named": False}, 422, "VALIDATION_ERROR"),  # no name but 字号 given
    ({"trade_name": None}, 422, "VALIDATION_ERROR"),
])
async def test_bad_name_step(client, cast, body, status, code):
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token, until="created")
    r = await client.request("PUT", f"{MP}/{reg_id}/name", token=token, json=rf.name_body(**body))
    assert r.status == status, r
    assert r.code == code, r
    assert any("\u4e00" <= ch <= "\u9fff" for ch in r.message)
    assert (await Registration.get(id=reg_id)).place is None


@pytest.mark.parametrize(("over", "status", "code"), [
    ({"id_number": rf.id_number()[:17] + ("0" if rf.id_number()[17] != "0" else "1")}, 400,
     "REGISTRATION_ID_INVALID"),
    ({"id_number": rf.id_number(date(2010, 5, 1))}, 400, "REGISTRATION_OPERATOR_UNDERAGE"),
    ({"gender": "female"}, 400, "REGISTRATION_ID_INVALID"),
    ({"id_valid_until": "2025-01-01", "id_valid_from": "2015-01-01"}, 400, "REGISTRATION_ID_EXPIRED"),
    ({"ethnicity": "火星族"}, 422, "VALIDATION_ERROR"),
    ({"phone": "12345"}, 422, "VALIDATION_ERROR"),
    ({"postcode": "43500"}, 422, "VALIDATION_ERROR"),
    ({"id_valid_until": None}, 422, "VALIDATION_ERROR"),
])
async def test_bad_operator_step(client, cast, over, status, code):
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token, until="name")
    photo = await rf.upload(client, token)
    r = await client.request("PUT", f"{MP}/{reg_id}/operator", token=token, json=rf.operator_body(photo, **over))
    assert r.status == status, r
    assert r.code == code, r
    saved = await Registration.get(id=reg_id)
    assert saved.operator is None
    assert saved.operator_id_enc is None


async def test_scope_main_item_cannot_be_removed_and_steps_in_order(client, cast):
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token, until="created")
    r = await client.request("PUT", f"{MP}/{reg_id}/basic", token=token, json=rf.basic_body())
    assert r.status == 400
    assert r.code == "REGISTRATION_STEP_INCOMPLETE"
    r = await client.post(f"{MP}/{reg_id}/confirm", token=token)
    assert r.status == 400
    assert r.code == "REGISTRATION_STEP_INCOMPLETE"
    reg_id = await rf.draft(client, token, until="operator")
    r = await client.request("PUT", f"{MP}/{reg_id}/basic", token=token,
                             json=rf.basic_body(scope=["餐饮服务", "外卖递送服务"]))
    assert r.status == 400
    assert r.code == "REGISTRATION_SCOPE_INVALID"
    assert "小餐饮" in r.message
    assert (await Registration.get(id=reg_id)).scope is None
    r = await client.request("PUT", f"{MP}/{reg_id}/basic", token=token,
                             json=rf.basic_body(scope=["外卖递送服务", "小餐饮", "食品销售"]))
    assert r.status == 200
    assert [(i["text"], i["kind"], i["main"]) for i in r.data["scope"]] == [
        ("小餐饮", "licensed", True), ("外卖递送服务", "general", False), ("食品销售", "licensed", False)]
    r = await client.post(MP, token=token, json={"business_type": "bank"})
    assert r.status == 400
    assert r.code == "REGISTRATION_TYPE_UNKNOWN"


async def test_confirmed_content_is_locked_until_reopened(client, cast):
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token)
    signer = await rf.confirm_and_realname(client, token, reg_id)
    r = await client.request("PUT", f"{MP}/{reg_id}/basic", token=token, json=rf.basic_body(staff_count=9))
    assert r.status == 409
    assert r.code == "REGISTRATION_LOCKED"
    r = await client.post(f"{MP}/{reg_id}/submit", token=token)
    assert r.status == 409
    assert r.code == "REGISTRATION_NOT_SIGNED"
    r = await client.post(f"{MP}/{reg_id}/reopen", token=token)
    assert r.status == 200
    assert r.data["status"] == "draft"
    assert r.data["signers"] == []
    assert (await rf.sign(client, signer["sign_token"])).code == "REGISTRATION_SIGN_TOKEN_INVALID"
    r = await client.request("PUT", f"{MP}/{reg_id}/basic", token=token, json=rf.basic_body(staff_count=9))
    assert r.status == 200
    assert r.data["basic"]["staff_count"] == 9


async def test_realname_must_match_the_signer(client, cast):
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token)
    r = await client.post(f"{MP}/{reg_id}/confirm", token=token)
    signer = r.data["signers"][0]
    assert signer["realname_status"] == "pending"
    r = await rf.sign(client, signer["sign_token"])
    assert r.status == 409
    assert r.code == "REGISTRATION_REALNAME_REQUIRED"
    r = await client.post(f"{MP}/{reg_id}/signers/{signer['id']}/realname", token=token,
                          json={"name": "穆静", "id_number": rf.id_number(seq=125)})
    assert r.status == 400
    assert r.code == "REGISTRATION_REALNAME_MISMATCH"
    assert (await RegistrationSigner.get(id=signer["id"])).realname_at is None


async def test_signing_after_six_working_days_needs_a_new_realname(client, cast, clock):
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token)
    signer = await rf.confirm_and_realname(client, token, reg_id)
    assert signer["realname_until"] == "2026-03-10"
    clock.advance(days=9)  # Wednesday 11 March: the 7th working day
    r = await rf.sign(client, signer["sign_token"])
    assert r.status == 409
    assert r.code == "REGISTRATION_SIGN_EXPIRED"
    detail = await client.get(f"{MP}/{reg_id}", token=token)
    assert detail.data["signers"][0]["realname_status"] == "expired"
    # Confirm again: new link, new real-name, signed in time.
    renewed = await rf.confirm_and_realname(client, token, reg_id)
    assert renewed["sign_token"] != signer["sign_token"]
    assert renewed["realname_until"] == "2026-03-19"
    assert (await rf.sign(client, renewed["sign_token"])).status == 200
    r = await client.post(f"{MP}/{reg_id}/submit", token=token)
    assert r.status == 200
    assert r.data["outcome"] == "approved"


async def test_signed_once_only_and_images_only(client, cast):
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token)
    signer = await rf.confirm_and_realname(client, token, reg_id)
    r = await client.post(f"{MP}/signing/{signer['sign_token']}", files={"image": ("x.txt", b"hello")})
    assert r.status in (415, 400), r
    assert r.code in ("FILE_NOT_IMAGE", "FILE_TYPE_NOT_ALLOWED"), r
    r = await client.post(f"{MP}/signing/{signer['sign_token']}", data={"x": "1"})
    assert r.status == 400
    assert r.code == "REGISTRATION_SIGNATURE_MISSING"
    assert (await rf.sign(client, signer["sign_token"])).status == 200
    r = await rf.sign(client, signer["sign_token"])
    assert r.status == 409
    assert r.code == "REGISTRATION_ALREADY_SIGNED"


async def test_withdraw_releases_the_name_and_ends_the_application(client, cast):
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token, until="name")
    r = await client.post(f"{MP}/{reg_id}/withdraw", token=token)
    assert r.status == 200
    assert r.data["status"] == "withdrawn"
    assert r.data["actions"] == []
    r = await client.post(f"{MP}/{reg_id}/confirm", token=token)
    assert r.status == 409
    assert r.code == "REGISTRATION_ACTION_NOT_ALLOWED"
    other = await rf.draft(client, cast.tokens["stranger"], until="name")
    assert (await Registration.get(id=other)).name == "黄石市下陆区穆静饺子馆"


async def test_documents_before_they_exist(client, cast):
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token)
    for code in ("license", "review_sheet", "nonsense"):
        r = await client.get(f"{MP}/{reg_id}/documents/{code}", token=token)
        assert r.status == 404
        assert r.code == "REGISTRATION_DOCUMENT_NOT_FOUND"
    r = await client.get(f"{MP}/{reg_id}/license", token=token)
    assert r.status == 409
    assert r.code == "REGISTRATION_NOT_APPROVED"
