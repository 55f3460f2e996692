"""Staff side: scope, permissions, filters, attachments and audit rows."""

import pytest

from getitong.content.models import Article, ArticleKind, LawCategory, NewsCategory
from getitong.content.workflow import ContentStatus
from getitong.core.models import AuditLog
from getitong.staff.permissions import Role
from tests import factories as base
from tests.api.conftest import login_person, login_staff
from tests.content import factories

NEWS = {"title": "省局发布个体工商户扶持措施", "summary": "十条措施", "body_html": "<p>正文</p>",
        "category": "policy_interpretation"}
LAW = {"title": "促进个体工商户发展条例", "body_html": "<p>第一条</p>", "category": "administrative_regulation",
       "issuer": "国务院", "doc_number": "国务院令第755号", "effective_date": "2022-11-01",
       "validity": "effective", "interpretation_html": "<p>解读</p>"}


async def _upload(client, token, name, data):
    r = await client.post("/api/v1/admin/uploads", files={"file": (name, data)}, token=token)
    assert r.status == 201, r
    return r.data["id"]


async def test_create_news_and_law_belong_to_the_author_org(client, tree, editor):
    token = await login_staff(client, "editor")
    r = await client.post("/api/v1/admin/news", token=token, json=NEWS)
    assert r.status == 201, r
    assert (r.data["org"]["id"], r.data["region_code"], r.data["author"]["id"]) == (
        tree.district.id, "420204", editor.id)
    assert (r.data["category_label"], r.data["status_label"], r.data["view_count"]) == ("政策解读", "草稿", 0)
    assert "issuer" not in r.data
    r = await client.post("/api/v1/admin/laws", token=token, json=LAW)
    assert r.status == 201, r
    assert (r.data["issuer"], r.data["doc_number"], r.data["effective_date"]) == (
        "国务院", "国务院令第755号", "2022-11-01")
    assert (r.data["validity_label"], r.data["category_label"]) == ("现行有效", "行政法规")
    created = await AuditLog.filter(action__in=["news.create", "law.create"]).count()
    assert created == 2


@pytest.mark.parametrize(("path", "payload", "field"), [
    ("news", {**NEWS, "category": "law"}, "category"),  # a law category is not a news column
    ("laws", {**LAW, "category": "notice"}, "category"),
    ("news", {**NEWS, "issuer": "国务院"}, "issuer"),  # law-only fields are refused on news
    ("news", {**NEWS, "title": ""}, "title"),
    ("news", {**NEWS, "title": "长" * 201}, "title"),
    ("laws", {**LAW, "validity": "forever"}, "validity"),
    ("laws", {**LAW, "effective_date": "明年"}, "effective_date"),
    ("news", {**NEWS, "attachment_ids": list(range(1, 30))}, "attachment_ids"),
])
async def test_bad_input_is_422_and_nothing_is_written(client, editor, path, payload, field):
    token = await login_staff(client, "editor")
    r = await client.post(f"/api/v1/admin/{path}", token=token, json=payload)
    assert (r.status, r.code) == (422, "VALIDATION_ERROR"), r
    assert r.data["errors"][0]["field"] == field
    assert await Article.all().count() == 0


async def test_refusals_anonymous_shop_owner_wrong_role(client, deps, tree, editor, clerk, owner):
    a = await factories.article(editor, status=ContentStatus.DRAFT)
    paths = [("GET", "/api/v1/admin/news"), ("POST", "/api/v1/admin/news"), ("GET", f"/api/v1/admin/news/{a.id}"),
             ("PATCH", f"/api/v1/admin/news/{a.id}"), ("POST", f"/api/v1/admin/news/{a.id}/publish"),
             ("POST", f"/api/v1/admin/news/{a.id}/withdraw"), ("GET", "/api/v1/admin/laws")]
    person = (await login_person(client))["token"]["access_token"]
    desk = await login_staff(client, "clerk")
    for method, path in paths:
        body = NEWS if method == "POST" and path.endswith("news") else {"reason": "x"} if "withdraw" in path else \
            {"title": "x"} if method == "PATCH" else None
        r = await client.request(method, path, json=body)
        assert (r.status, r.code) == (401, "UNAUTHENTICATED"), (path, r)
        r = await client.request(method, path, json=body, token=person)
        assert (r.status, r.code) == (401, "TOKEN_INVALID"), (path, r)
        r = await client.request(method, path, json=body, token=desk)
        assert (r.status, r.code) == (403, "FORBIDDEN"), (path, r)
        assert r.data == {"permission": "content:edit"}
    fresh = await Article.get(id=a.id)
    assert (fresh.status, fresh.title) == (ContentStatus.DRAFT, a.title)
    assert await Article.all().count() == 1
    assert await AuditLog.all().count() == 0


async def test_other_org_can_neither_see_nor_touch(client, tree, editor, other_editor):
    mine = await factories.article(editor, status=ContentStatus.DRAFT, title="下陆区草稿")
    published = await factories.article(editor, title="下陆区已发布")
    token = await login_staff(client, "oeditor")
    listed = await client.get("/api/v1/admin/news", token=token)
    assert listed.data["items"] == []
    for r in [await client.get(f"/api/v1/admin/news/{mine.id}", token=token),
              await client.patch(f"/api/v1/admin/news/{mine.id}", token=token, json={"title": "篡改"}),
              await client.post(f"/api/v1/admin/news/{mine.id}/publish", token=token),
              await client.post(f"/api/v1/admin/news/{published.id}/withdraw", token=token, json={"reason": "x"})]:
        assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE"), r
    assert (await Article.get(id=mine.id)).status == ContentStatus.DRAFT
    assert (await Article.get(id=published.id)).status == ContentStatus.PUBLISHED


async def test_scope_is_own_org_and_below(client, deps, tree, editor, province_editor):
    station_editor = await base.staff(deps, tree.station, [Role.CONTENT_EDITOR.value], username="seditor")
    at_province = await factories.article(province_editor, title="省局新闻")
    at_district = await factories.article(editor, title="区局新闻")
    at_station = await factories.article(station_editor, title="所新闻")
    titles = lambda r: {i["title"] for i in r.data["items"]}  # noqa: E731
    r = await client.get("/api/v1/admin/news", token=await login_staff(client, "peditor"))
    assert titles(r) == {"省局新闻", "区局新闻", "所新闻"}
    district = await login_staff(client, "editor")
    assert titles(await client.get("/api/v1/admin/news", token=district)) == {"区局新闻", "所新闻"}
    assert (await client.get(f"/api/v1/admin/news/{at_province.id}", token=district)).code == "ORG_OUT_OF_SCOPE"
    # A superior may correct a subordinate's item (withdraw it), keeping the original org.
    r = await client.post(f"/api/v1/admin/news/{at_station.id}/withdraw", token=await login_staff(client, "peditor"),
                          json={"reason": "上级审核要求撤回"})
    assert r.status == 200
    assert r.data["org"]["id"] == tree.station.id
    assert (await client.get(f"/api/v1/admin/news/{at_district.id}", token=district)).status == 200


async def test_kinds_do_not_mix(client, editor):
    token = await login_staff(client, "editor")
    law = await factories.article(editor, kind=ArticleKind.LAW)
    r = await client.get(f"/api/v1/admin/news/{law.id}", token=token)
    assert (r.status, r.code) == (404, "CONTENT_NOT_FOUND")
    assert (await client.get("/api/v1/admin/news", token=token)).data["items"] == []
    assert (await client.get("/api/v1/admin/news/999999", token=token)).code == "CONTENT_NOT_FOUND"


async def test_admin_list_filters_and_keyset(client, editor):
    token = await login_staff(client, "editor")
    for i in range(5):
        await factories.article(editor, status=ContentStatus.DRAFT, title=f"草稿{i}", category=NewsCategory.NOTICE)
    await factories.article(editor, title="典型案例：诚信经营", category=NewsCategory.TYPICAL_CASE.value)
    await factories.article(editor, status=ContentStatus.WITHDRAWN, title="已撤回的通知")
    r = await client.get("/api/v1/admin/news", token=token, params={"status": "draft", "limit": 2})
    seen = [i["title"] for i in r.data["items"]]
    while r.data["next"]:
        r = await client.get("/api/v1/admin/news", token=token,
                             params={"status": "draft", "limit": 2, "cursor": r.data["next"]})
        seen += [i["title"] for i in r.data["items"]]
    assert seen == [f"草稿{i}" for i in reversed(range(5))]
    r = await client.get("/api/v1/admin/news", token=token, params={"category": "typical_case"})
    assert [i["title"] for i in r.data["items"]] == ["典型案例：诚信经营"]
    r = await client.get("/api/v1/admin/news", token=token, params={"q": "撤回"})
    assert [(i["title"], i["status"], i["actions"]) for i in r.data["items"]] == [
        ("已撤回的通知", "withdrawn", ["edit", "publish"])]
    assert "body_html" not in r.data["items"][0]
    assert (await client.get("/api/v1/admin/news", token=token, params={"status": "gone"})).code == "VALIDATION_ERROR"
    assert (await client.get("/api/v1/admin/news", token=token, params={"cursor": "!!"})).code == "VALIDATION_ERROR"
    laws = await client.get("/api/v1/admin/laws", token=token, params={"category": LawCategory.LAW.value})
    assert laws.data["items"] == []


async def test_attachments_and_cover(client, deps, tree, editor, province_editor, other_editor):
    token = await login_staff(client, "editor")
    cover = await _upload(client, token, "cover.png", factories.png())
    pdf = await _upload(client, token, "条例全文.pdf", factories.PDF)
    r = await client.post("/api/v1/admin/laws", token=token,
                          json={**LAW, "cover_file_id": cover, "attachment_ids": [pdf, cover]})
    assert r.status == 201, r
    law_id = r.data["id"]
    assert r.data["cover"]["url"] == f"/api/v1/admin/laws/{law_id}/files/{cover}"
    assert [(f["id"], f["name"]) for f in r.data["attachments"]] == [(pdf, "条例全文.pdf"), (cover, "cover.png")]
    got = await client.get(f"/api/v1/admin/laws/{law_id}/files/{pdf}", token=token)
    assert (got.status, got.body) == (200, factories.PDF)

    # Someone else's upload cannot be attached, not even by a colleague; a PDF is no cover.
    foreign = await _upload(client, await login_staff(client, "oeditor"), "x.png", factories.png((1, 2, 3)))
    r = await client.patch(f"/api/v1/admin/laws/{law_id}", token=token, json={"attachment_ids": [pdf, foreign]})
    assert (r.status, r.code, r.data) == (400, "CONTENT_FILE_INVALID", {"file_id": foreign})
    r = await client.patch(f"/api/v1/admin/laws/{law_id}", token=token, json={"cover_file_id": pdf})
    assert (r.status, r.code) == (400, "CONTENT_COVER_NOT_IMAGE")
    r = await client.post("/api/v1/admin/news", token=token, json={**NEWS, "attachment_ids": [987654]})
    assert r.code == "CONTENT_FILE_INVALID"
    assert len((await client.get(f"/api/v1/admin/laws/{law_id}", token=token)).data["attachments"]) == 2

    # A superior editing the item keeps the files already on it and may add their own.
    ptoken = await login_staff(client, "peditor")
    own = await _upload(client, ptoken, "说明.pdf", factories.PDF + b"\n%extra")
    r = await client.patch(f"/api/v1/admin/laws/{law_id}", token=ptoken,
                           json={"attachment_ids": [own, pdf], "cover_file_id": None})
    assert r.status == 200, r
    assert [f["id"] for f in r.data["attachments"]] == [own, pdf]
    assert r.data["cover"] is None
    # A file that is not on this item is not served through it.
    assert (await client.get(f"/api/v1/admin/laws/{law_id}/files/{cover}", token=token)).status == 404
    assert (await client.get(f"/api/v1/admin/laws/{law_id}/files/{pdf}",
                             token=await login_staff(client, "oeditor"))).code == "ORG_OUT_OF_SCOPE"
    audit = await AuditLog.filter(action="law.edit").order_by("-id").first()
    assert (audit.actor_id, audit.before["attachment_ids"], audit.after["attachment_ids"]) == (
        province_editor.id, [pdf, cover], [own, pdf])
    assert (audit.before["cover_id"], audit.after["cover_id"]) == (cover, None)
