"""Every boundary refuses the wrong actor: other business, other org, anonymous, wrong role, bad input."""

import pytest

from getitong.appeals.models import Appeal, AppealEvent
from tests.appeals.factories import ADMIN, MP, move_to, new_appeal, pdf, submit, upload_admin, upload_mp


@pytest.fixture
async def appeal_id(client, tokens, tree):
    return await move_to(client, tokens, "transferred", tree.station.id)


# ----------------------------------------------------------------------------- shop side


async def test_submit_refuses_bad_input_without_writing(client, tokens, deps):
    other_photo = (await upload_mp(client, tokens["other_owner"]))[0]
    cases = [
        ({"photos": [other_photo]}, 400, "APPEAL_FILE_INVALID"),
        ({"photos": [999999]}, 400, "APPEAL_FILE_INVALID"),
        ({"photos": list(range(1, 11))}, 422, "VALIDATION_ERROR"),
        ({"department": "税务局"}, 400, "APPEAL_DEPARTMENT_INVALID"),
        ({"title": "   "}, 422, "VALIDATION_ERROR"),
        ({"type": "praise"}, 422, "VALIDATION_ERROR"),
        ({"content": ""}, 422, "VALIDATION_ERROR"),
    ]
    for over, status, code in cases:
        r = await submit(client, tokens["owner"], **over)
        assert (r.status, r.code) == (status, code), (over, r)
        assert r.message  # a Chinese message the mini-program shows as is
    # A PDF is a fine upload but not a photo.
    r = await client.post("/api/v1/mp/uploads", token=tokens["owner"], files={"file": ("a.pdf", pdf())})
    r = await submit(client, tokens["owner"], photos=[r.data["id"]])
    assert (r.status, r.code) == (400, "APPEAL_FILE_INVALID")
    assert await Appeal.all().count() == 0
    assert await AppealEvent.all().count() == 0
    # Nine photos are fine.
    nine = await upload_mp(client, tokens["owner"], 9)
    assert (await submit(client, tokens["owner"], photos=nine)).status == 201


async def test_shop_endpoints_need_a_shop_owner(client, tokens, appeal_id):
    for method, path in [("POST", f"{MP}/"), ("GET", f"{MP}/"), ("GET", f"{MP}/{appeal_id}"),
                         ("POST", f"{MP}/{appeal_id}/rate"), ("POST", f"{MP}/{appeal_id}/reopen"),
                         ("GET", f"{MP}/{appeal_id}/files/1")]:
        anonymous = await client.request(method, path, json={})
        assert (anonymous.status, anonymous.code) == (401, "UNAUTHENTICATED"), path
        staff = await client.request(method, path, json={}, token=tokens["clerk"])
        assert staff.status == 401, path


async def test_other_business_sees_and_touches_nothing(client, tokens, deps, shop, owner, appeal_id, tree):
    photo = (await upload_mp(client, tokens["owner"]))[0]
    with_photo = await new_appeal(client, tokens["owner"], photos=[photo])
    replied = await move_to(client, tokens, "replied", tree.station.id)
    other = tokens["other_owner"]
    assert (await client.get(f"{MP}/", token=other)).data["items"] == []
    for path in (f"{MP}/{appeal_id}", f"{MP}/{with_photo['id']}/files/{photo}"):
        r = await client.get(path, token=other)
        assert (r.status, r.code) == (404, "APPEAL_NOT_FOUND"), path
    r = await client.post(f"{MP}/{replied}/rate", token=other, json={"rating": "satisfied"})
    assert (r.status, r.code) == (404, "APPEAL_NOT_FOUND")
    assert (await Appeal.get(id=replied)).rating is None
    # The same person, switched to their second business, no longer sees the first one's appeals.
    second = deps.tokens.codec.issue(subject_type="person", subject_id=owner.id, business_id=shop[1].id)
    assert (await client.get(f"{MP}/", token=second)).data["items"] == []
    assert (await client.get(f"{MP}/{appeal_id}", token=second)).status == 404
    # A file of the owner that is not part of the appeal is not served through it.
    loose = (await upload_mp(client, tokens["owner"]))[0]
    assert (await client.get(f"{MP}/{with_photo['id']}/files/{loose}", token=tokens["owner"])).status == 404


async def test_query_refuses_wrong_password_and_limits_guessing(client, tokens):
    created = await new_appeal(client, tokens["owner"])
    code = created["query_code"]
    r = await client.post(f"{MP}/query", json={"code": code, "password": "wrongpass"})
    assert (r.status, r.code, r.message) == (400, "APPEAL_QUERY_FAILED", "查询码或查询密码错误")
    assert r.data is None  # nothing about the appeal leaks
    too_long = await client.post(f"{MP}/query", json={"code": "0" * 31, "password": "x"})
    assert (too_long.status, too_long.code) == (422, "VALIDATION_ERROR")
    unknown = await client.post(f"{MP}/query", json={"code": "ZZZZZZZZZZZZ", "password": "x"})
    assert unknown.code == "APPEAL_QUERY_FAILED"  # the same answer: codes cannot be probed
    for _ in range(4):
        await client.post(f"{MP}/query", json={"code": code, "password": "wrongpass"})
    locked = await client.post(f"{MP}/query", json={"code": code, "password": created["query_password"]})
    assert (locked.status, locked.code) == (429, "TOO_MANY_ATTEMPTS")


async def test_query_is_rate_limited_per_ip(client):
    codes = []
    for i in range(21):
        r = await client.post(f"{MP}/query", json={"code": f"CODE{i:08d}", "password": "x"})
        codes.append(r.code)
    assert codes[:20] == ["APPEAL_QUERY_FAILED"] * 20
    assert codes[20] == "RATE_LIMITED"


# ----------------------------------------------------------------------------- staff side


async def test_admin_endpoints_refuse_anonymous_owner_and_wrong_role(client, tokens, tree, appeal_id):
    reads = [f"{ADMIN}/", f"{ADMIN}/counts", f"{ADMIN}/export", f"{ADMIN}/overdue", f"{ADMIN}/stats",
             f"{ADMIN}/stats/export", f"{ADMIN}/{appeal_id}", f"{ADMIN}/{appeal_id}/files/1"]
    bodies = {"accept": {}, "transfer": {"unit_org_id": tree.station.id, "requirements": "x"},
              "reply-out-of-scope": {"department_name": "区人社局", "contact_person": "王", "phone": "12345"},
              "report": {"result": "x"}, "send-back": {"reason": "x"}, "reply": {"reply": "x"},
              "supervise": {"content": "x"}}
    writes = {f"{ADMIN}/{appeal_id}/{a}": b for a, b in bodies.items()}
    for path in reads + list(writes):
        method = "POST" if path in writes else "GET"
        payload = writes.get(path, {})
        assert (await client.request(method, path, json=payload)).status == 401, path
        assert (await client.request(method, path, json=payload, token=tokens["owner"])).status == 401, path
        wrong = await client.request(method, path, json=payload, token=tokens["editor"])
        assert (wrong.status, wrong.code) == (403, "FORBIDDEN"), (path, wrong)


async def test_other_org_sees_nothing(client, tokens, tree, appeal_id):
    for name in ("otherdesk", "otherunit"):
        assert (await client.get(f"{ADMIN}/", token=tokens[name])).data["items"] == []
        assert (await client.get(f"{ADMIN}/counts", token=tokens[name])).data["total"] == 0
        r = await client.get(f"{ADMIN}/{appeal_id}", token=tokens[name])
        assert (r.status, r.code) == (404, "APPEAL_NOT_FOUND")
        r = await client.post(f"{ADMIN}/{appeal_id}/report", token=tokens[name], json={"result": "x"})
        assert (r.status, r.code) == (404, "APPEAL_NOT_FOUND")
    r = await client.get(f"{ADMIN}/stats", token=tokens["citydesk"], params={"org_id": str(tree.other_district.id)})
    assert r.status == 403
    assert (await Appeal.get(id=appeal_id)).status == "transferred"


async def test_unit_sees_only_what_is_transferred_to_it(client, tokens, tree):
    waiting = await new_appeal(client, tokens["owner"])
    assert (await client.get(f"{ADMIN}/", token=tokens["unit"])).data["items"] == []
    assert (await client.get(f"{ADMIN}/{waiting['id']}", token=tokens["unit"])).status == 404
    r = await client.post(f"{ADMIN}/{waiting['id']}/accept", token=tokens["unit"], json={})
    assert r.status == 404


async def test_wrong_role_within_scope_is_refused(client, tokens, tree, appeal_id):
    # The desk cannot report for the unit; the unit cannot reply for the desk; the city desk above
    # sees the appeal but does not take over the handling.
    r = await client.post(f"{ADMIN}/{appeal_id}/report", token=tokens["clerk"], json={"result": "x"})
    assert (r.status, r.code) == (409, "APPEAL_ACTION_NOT_ALLOWED")
    assert "无权" in r.message
    fresh = await move_to(client, tokens, "accepted", tree.station.id)
    r = await client.post(f"{ADMIN}/{fresh}/transfer", token=tokens["citydesk"],
                          json={"unit_org_id": tree.station.id, "requirements": "x"})
    assert (r.status, r.code) == (409, "APPEAL_ACTION_NOT_ALLOWED")
    detail = await client.get(f"{ADMIN}/{fresh}", token=tokens["citydesk"])
    assert detail.status == 200
    assert "transfer" not in detail.data["allowed_actions"]
    reported = await move_to(client, tokens, "reported", tree.station.id)
    r = await client.post(f"{ADMIN}/{reported}/reply", token=tokens["unit"], json={"reply": "x"})
    assert (r.status, r.code) == (409, "APPEAL_ACTION_NOT_ALLOWED")
    # A handler of the district (not the unit the appeal went to) sees it but cannot report.
    r = await client.post(f"{ADMIN}/{appeal_id}/report", token=tokens["dunit"], json={"result": "x"})
    assert (r.status, r.code) == (409, "APPEAL_ACTION_NOT_ALLOWED")


async def test_transfer_and_evidence_are_checked(client, tokens, tree):
    accepted = await move_to(client, tokens, "accepted", tree.station.id)
    r = await client.post(f"{ADMIN}/{accepted}/transfer", token=tokens["clerk"],
                          json={"unit_org_id": tree.other_district.id, "requirements": "请办理"})
    assert (r.status, r.code) == (400, "APPEAL_UNIT_INVALID")
    r = await client.post(f"{ADMIN}/{accepted}/transfer", token=tokens["clerk"],
                          json={"unit_org_id": tree.station.id, "requirements": "请办理",
                                "due_at": "2020-01-01T00:00:00Z"})
    assert (r.status, r.code) == (400, "APPEAL_DUE_INVALID")
    r = await client.post(f"{ADMIN}/{accepted}/transfer", token=tokens["clerk"],
                          json={"unit_org_id": tree.station.id, "requirements": "请办理",
                                "due_at": "9999-12-31T23:59:59Z"})
    assert (r.status, r.code) == (400, "APPEAL_DUE_INVALID")
    r = await client.post(f"{ADMIN}/{accepted}/transfer", token=tokens["clerk"],
                          json={"unit_org_id": 2**70, "requirements": "请办理"})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    assert (await Appeal.get(id=accepted)).status == "accepted"
    transferred = await move_to(client, tokens, "transferred", tree.station.id)
    not_mine = await upload_admin(client, tokens["clerk"])
    r = await client.post(f"{ADMIN}/{transferred}/report", token=tokens["unit"],
                          json={"result": "已办结", "files": [not_mine]})
    assert (r.status, r.code) == (400, "APPEAL_FILE_INVALID")
    assert (await Appeal.get(id=transferred)).status == "transferred"
    # Files not attached to the appeal are not served through it.
    assert (await client.get(f"{ADMIN}/{transferred}/files/{not_mine}", token=tokens["clerk"])).status == 404


async def test_supervise_and_stats_need_a_superior(client, tokens, tree, appeal_id):
    r = await client.post(f"{ADMIN}/{appeal_id}/supervise", token=tokens["clerk"], json={"content": "督办"})
    assert (r.status, r.code) == (403, "APPEAL_SUPERVISE_NOT_ALLOWED")
    r = await client.post(f"{ADMIN}/{appeal_id}/supervise", token=tokens["unit"], json={"content": "督办"})
    assert (r.status, r.code) == (403, "APPEAL_SUPERVISE_NOT_ALLOWED")
    r = await client.post(f"{ADMIN}/{appeal_id}/supervise", token=tokens["otherdesk"], json={"content": "督办"})
    assert r.status == 404
    for path in (f"{ADMIN}/stats", f"{ADMIN}/overdue"):
        r = await client.get(path, token=tokens["unit"])
        assert (r.status, r.code) == (403, "FORBIDDEN"), path
    r = await client.get(f"{ADMIN}/stats", token=tokens["clerk"], params={"org_id": str(tree.other_district.id)})
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
    r = await client.get(f"{ADMIN}/stats", token=tokens["clerk"], params={"from": "2026-13-01"})
    assert r.status == 422
