"""Every endpoint refuses the wrong actor: anonymous, a token of the other audience, a wrong role, another org,
another business. Refusals change nothing."""

import pytest

from getitong.core.models import AuditLog
from getitong.recognition.models import RecognitionApplication, RecognitionNotice
from tests.recognition.factories import ADMIN, MP, NOTICE, fill, notice


@pytest.fixture
async def world(client, tokens):
    """A district notice with a submitted application of 张记 and a draft notice, both of 下陆区."""
    nid = (await notice(client, tokens["reviewer"]))["id"]
    view = await fill(client, tokens["owner"], nid)
    r = await client.post(f"{MP}/notices/{nid}/application/submit", token=tokens["owner"])
    assert r.status == 200
    draft = (await notice(client, tokens["reviewer"], publish=False))["id"]
    fid = view["data"]["materials"][0]["file"]["id"]
    return {"nid": nid, "draft": draft, "aid": view["id"], "fid": fid}


def admin_endpoints(w):
    n, d, a, f = w["nid"], w["draft"], w["aid"], w["fid"]
    return [
        ("GET", "/notices", None), ("POST", "/notices", NOTICE), ("GET", f"/notices/{n}", None),
        ("PATCH", f"/notices/{d}", {"title": "改"}), ("DELETE", f"/notices/{d}", None),
        ("POST", f"/notices/{d}/publish", None), ("POST", f"/notices/{n}/close", None),
        ("POST", f"/notices/{n}/withdraw", None), ("GET", f"/notices/{n}/recognised", None),
        ("GET", "/applications", None), ("GET", f"/applications/{a}", None),
        ("GET", f"/applications/{a}/files/{f}", None), ("POST", f"/applications/{a}/accept", {}),
        ("POST", f"/applications/{a}/return", {"reason": "补正"}), ("POST", f"/applications/{a}/recognise", {}),
        ("POST", f"/applications/{a}/refuse", {"reason": "不予认定"}),
    ]


def mp_endpoints(w):
    n, a, f = w["nid"], w["aid"], w["fid"]
    return [
        ("GET", "/notices", None), ("GET", f"/notices/{n}", None), ("POST", f"/notices/{n}/application", None),
        ("GET", f"/notices/{n}/application", None),
        ("PUT", f"/notices/{n}/application/steps/promise", {"accepted": True}),
        ("POST", f"/notices/{n}/application/submit", None), ("POST", f"/notices/{n}/application/cancel", None),
        ("GET", "/applications", None), ("GET", f"/applications/{a}", None),
        ("GET", f"/applications/{a}/files/{f}", None),
    ]


async def _snapshot():
    apps = [(x.id, x.status.value, x.updated_at) for x in await RecognitionApplication.all().order_by("id")]
    notices = [(x.id, x.status.value, x.title) for x in await RecognitionNotice.all().order_by("id")]
    return apps, notices, await AuditLog.all().count()


async def _call(client, method, path, body, token):
    return await client.request(method, path, token=token, json=body)


async def test_anonymous_and_wrong_audience(client, tokens, world):
    before = await _snapshot()
    for method, path, body in admin_endpoints(world):
        for token in (None, tokens["owner"]):
            r = await _call(client, method, ADMIN + path, body, token)
            assert r.status == 401, (method, path, token, r)
    for method, path, body in mp_endpoints(world):
        for token in (None, tokens["preview"]):
            r = await _call(client, method, MP + path, body, token)
            assert r.status == 401, (method, path, token, r)
    assert await _snapshot() == before


async def test_wrong_role(client, tokens, world):
    before = await _snapshot()
    for method, path, body in admin_endpoints(world):
        r = await _call(client, method, ADMIN + path, body, tokens["editor"])
        assert (r.status, r.code) == (403, "FORBIDDEN"), (method, path, r)
        assert r.data == {"permission": "recognition:review"}
    assert await _snapshot() == before


async def test_other_org(client, tokens, world):
    """The neighbouring district's reviewer: lists come back empty, every record of 下陆区 looks missing."""
    before = await _snapshot()
    for method, path, body in admin_endpoints(world):
        if (method, path) == ("POST", "/notices"):
            continue  # creates a notice of its own org: not a refusal
        r = await _call(client, method, ADMIN + path, body, tokens["otherreviewer"])
        if method == "GET" and path in ("/notices", "/applications"):
            assert (r.status, r.data["items"]) == (200, []), (path, r)
        else:
            assert r.status == 404, (method, path, r)
            assert r.code in ("RECOGNITION_NOTICE_NOT_FOUND", "RECOGNITION_APPLICATION_NOT_FOUND"), r
    assert await _snapshot() == before
    # The city above the district sees it (本级及下级).
    r = await client.get(f"{ADMIN}/applications/{world['aid']}", token=tokens["cityreviewer"])
    assert r.status == 200
    r = await client.get(f"{ADMIN}/applications", token=tokens["cityreviewer"])
    assert [x["id"] for x in r.data["items"]] == [world["aid"]]


async def test_province_notice_is_not_a_district_reviewers(client, tokens, deps, shop, owner):
    nid = (await notice(client, tokens["preview"]))["id"]
    view = await fill(client, tokens["owner"], nid)
    await client.post(f"{MP}/notices/{nid}/application/submit", token=tokens["owner"])
    assert (await client.get(f"{ADMIN}/applications", token=tokens["reviewer"])).data["items"] == []
    r = await client.post(f"{ADMIN}/applications/{view['id']}/accept", token=tokens["reviewer"], json={})
    assert (r.status, r.code) == (404, "RECOGNITION_APPLICATION_NOT_FOUND")
    assert (await client.post(f"{ADMIN}/applications/{view['id']}/accept", token=tokens["padmin"],
                              json={})).status == 200


async def test_other_business(client, tokens, world):
    """The owner of a business in another district: every record of 张记 looks missing."""
    before = await _snapshot()
    for method, path, body in mp_endpoints(world):
        r = await _call(client, method, MP + path, body, tokens["other_owner"])
        if method == "GET" and path in ("/notices", "/applications"):
            assert (r.status, r.data["items"]) == (200, []), (path, r)
        else:
            assert r.status == 404, (method, path, r)
    assert await _snapshot() == before


async def test_same_owner_other_business(client, tokens, world):
    """张秀英 switched to her other business: 张记's application is not hers to read or change from there."""
    before = await _snapshot()
    n, a, f = world["nid"], world["aid"], world["fid"]
    for method, path in (("GET", f"/applications/{a}"), ("GET", f"/applications/{a}/files/{f}"),
                         ("GET", f"/notices/{n}/application"), ("POST", f"/notices/{n}/application/submit"),
                         ("POST", f"/notices/{n}/application/cancel")):
        r = await _call(client, method, MP + path, None, tokens["owner_b"])
        assert r.status == 404, (method, path, r)
    assert (await client.get(f"{MP}/applications", token=tokens["owner_b"])).data["items"] == []
    listed = await client.get(f"{MP}/notices", token=tokens["owner_b"])
    assert [x["my_application"] for x in listed.data["items"]] == [None]
    assert await _snapshot() == before
