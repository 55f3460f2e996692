"""Exemplary stories: staff write and publish in scope (sanitized); the mini-program reads published ones."""

from getitong.core.models import AuditLog
from getitong.party.models import Story
from tests.party.factories import ADMIN, MP, delete, upload_admin

BODY = '<p onclick="x()">她带头诚信经营<script>alert(1)</script><img src="/a.png" onerror="y()"></p>'


async def new_story(client, token, **over):
    r = await client.post(f"{ADMIN}/stories", token=token,
                          json={"title": "党员小吃店", "summary": "二十年诚信", "subject": "张秀英", "body_html": BODY}
                          | over)
    assert r.status == 201, r
    return r.data


async def test_write_publish_withdraw_with_sanitized_body(client, tokens):
    cover = await upload_admin(client, tokens["party"])
    s = await new_story(client, tokens["party"], cover_file_id=cover)
    for bad in ("<script", "onclick", "onerror"):
        assert bad not in s["body_html"]
    assert "她带头诚信经营" in s["body_html"]
    assert (s["status"], s["actions"]) == ("draft", ["edit", "publish", "delete"])
    assert (await client.get(f"{MP}/stories")).data["items"] == []
    assert (await client.get(f"{MP}/stories/{s['id']}")).code == "PARTY_STORY_NOT_FOUND"

    r = await client.post(f"{ADMIN}/stories/{s['id']}/publish", token=tokens["party"])
    assert (r.data["status_label"], r.data["actions"]) == ("已发布", ["withdraw"])
    r = await client.patch(f"{ADMIN}/stories/{s['id']}", token=tokens["party"], json={"title": "改"})
    assert (r.status, r.code) == (409, "PARTY_STORY_ACTION_NOT_ALLOWED")
    assert "须先撤回" in r.message
    # Anyone reads a published story in the mini-program, with its cover.
    listed = await client.get(f"{MP}/stories")
    assert [x["title"] for x in listed.data["items"]] == ["党员小吃店"]
    assert "body_html" not in listed.data["items"][0]
    detail = await client.get(f"{MP}/stories/{s['id']}", token=tokens["owner"])
    assert detail.data["body_html"] == s["body_html"]
    picture = await client.get(detail.data["cover_url"])
    assert picture.body.startswith(b"\x89PNG")

    r = await client.post(f"{ADMIN}/stories/{s['id']}/withdraw", token=tokens["party"])
    assert r.data["status"] == "withdrawn"
    assert (await client.get(f"{MP}/stories/{s['id']}")).status == 404
    assert (await client.get(f"{MP}/stories/{s['id']}/cover")).status == 404
    r = await client.patch(f"{ADMIN}/stories/{s['id']}", token=tokens["party"], json={"title": "新标题"})
    assert r.data["title"] == "新标题"
    assert (await delete(client, f"{ADMIN}/stories/{s['id']}", tokens["party"])).status == 200
    actions = await AuditLog.filter(target_type="party_story").order_by("id").values_list("action", flat=True)
    assert actions == ["party.story.create", "party.story.publish", "party.story.withdraw", "party.story.update",
                       "party.story.delete"]


async def test_bad_story_input(client, tokens, deps):
    for body, code in [({"title": "x", "body_html": "<script>x</script>"}, "PARTY_STORY_BODY_BLANK"),
                       ({"title": "", "body_html": "<p>x</p>"}, "VALIDATION_ERROR"),
                       ({"title": "x", "body_html": "<p>x</p>", "cover_file_id": 99999}, "PARTY_PHOTO_INVALID")]:
        r = await client.post(f"{ADMIN}/stories", token=tokens["party"], json=body)
        assert r.code == code, body
    someone_elses = await upload_admin(client, tokens["cityparty"])
    r = await client.post(f"{ADMIN}/stories", token=tokens["party"],
                          json={"title": "x", "body_html": "<p>x</p>", "cover_file_id": someone_elses})
    assert r.code == "PARTY_PHOTO_INVALID"
    assert await Story.all().count() == 0


async def test_story_scope_and_roles(client, tokens):
    s = await new_story(client, tokens["party"])
    sid = s["id"]
    assert (await client.get(f"{ADMIN}/stories/{sid}", token=tokens["cityparty"])).status == 200
    paths = [("GET", f"/stories/{sid}", None), ("PATCH", f"/stories/{sid}", {"title": "x"}),
             ("POST", f"/stories/{sid}/publish", None), ("POST", f"/stories/{sid}/withdraw", None),
             ("DELETE", f"/stories/{sid}", None), ("GET", f"/stories/{sid}/cover", None)]
    for who in ("stationparty", "otherparty"):
        assert (await client.get(f"{ADMIN}/stories", token=tokens[who])).data["items"] == []
        for method, path, body in paths:
            r = await client.request(method, f"{ADMIN}{path}", token=tokens[who], json=body)
            assert (r.status, r.code) == (404, "PARTY_STORY_NOT_FOUND"), (who, path)
    for token, status in ((tokens["clerk"], 403), (None, 401), (tokens["owner"], 401)):
        assert (await client.get(f"{ADMIN}/stories", token=token)).status == status
        r = await client.post(f"{ADMIN}/stories", token=token, json={"title": "x", "body_html": "<p>x</p>"})
        assert r.status == status
        for method, path, body in paths:
            assert (await client.request(method, f"{ADMIN}{path}", token=token, json=body)).status == status
    assert (await Story.get(id=sid)).title == "党员小吃店"
