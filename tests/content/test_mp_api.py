"""Shop side: public, published only, newest first, searchable, view counts, files of published items."""

import base64
import json

from getitong.content.models import Article, ArticleKind, LawCategory, NewsCategory, Validity
from getitong.content.workflow import ContentStatus
from getitong.core.pagination import encode_cursor
from tests.api.conftest import login_person, login_staff
from tests.content import factories


async def test_only_published_items_are_listed_or_readable(client, editor, owner):
    pub = await factories.article(editor, title="已发布新闻")
    draft = await factories.article(editor, status=ContentStatus.DRAFT, title="草稿新闻")
    gone = await factories.article(editor, status=ContentStatus.WITHDRAWN, title="已撤回新闻")
    law = await factories.article(editor, kind=ArticleKind.LAW, title="已发布法规")
    r = await client.get("/api/v1/mp/news")
    assert [i["title"] for i in r.data["items"]] == ["已发布新闻"]
    assert "status" not in r.data["items"][0]
    assert "author" not in r.data["items"][0]
    for a in (draft, gone):
        r = await client.get(f"/api/v1/mp/news/{a.id}")
        assert (r.status, r.code) == (404, "CONTENT_NOT_FOUND")
        assert (await client.get("/api/v1/mp/news", params={"q": a.title})).data["items"] == []
    # A law is not reachable under /news and the other way round.
    assert (await client.get(f"/api/v1/mp/news/{law.id}")).status == 404
    assert (await client.get(f"/api/v1/mp/laws/{pub.id}")).status == 404
    # A logged-in shop owner reads the same; a withdrawn item disappears at once.
    token = (await login_person(client))["token"]["access_token"]
    assert (await client.get(f"/api/v1/mp/news/{pub.id}", token=token)).status == 200
    staff = await login_staff(client, "editor")
    await client.post(f"/api/v1/admin/news/{pub.id}/withdraw", token=staff, json={"reason": "内容过时"})
    assert (await client.get(f"/api/v1/mp/news/{pub.id}")).code == "CONTENT_NOT_FOUND"
    assert (await client.get("/api/v1/mp/news")).data["items"] == []


async def test_newest_published_first_with_keyset(client, editor):
    for i in range(7):
        await factories.article(editor, title=f"新闻{i}")
    await factories.article(editor, status=ContentStatus.DRAFT, title="草稿")
    seen, cursor = [], None
    while True:
        r = await client.get("/api/v1/mp/news", params={"limit": 3, **({"cursor": cursor} if cursor else {})})
        assert r.status == 200, r
        seen += [i["title"] for i in r.data["items"]]
        cursor = r.data["next"]
        if not cursor:
            break
    assert seen == [f"新闻{i}" for i in reversed(range(7))]
    # Re-publishing a withdrawn item brings it back on top.
    oldest = await Article.get(title="新闻0")
    token = await login_staff(client, "editor")
    await client.post(f"/api/v1/admin/news/{oldest.id}/withdraw", token=token, json={"reason": "修改"})
    await client.post(f"/api/v1/admin/news/{oldest.id}/publish", token=token)
    assert (await client.get("/api/v1/mp/news", params={"limit": 1})).data["items"][0]["title"] == "新闻0"
    huge = base64.urlsafe_b64encode(json.dumps({"t": "2026-01-01T00:00:00+00:00", "id": 2**70}).encode()).decode()
    for bad in ("not-a-cursor", huge):
        r = await client.get("/api/v1/mp/news", params={"cursor": bad})
        assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    r = await client.get("/api/v1/admin/news", token=token, params={"cursor": encode_cursor(2**64)})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    r = await client.get("/api/v1/mp/news", params={"q": "政策\x00"})
    assert (r.status, r.code, r.data["errors"][0]["message"]) == (422, "VALIDATION_ERROR", "不能包含空字符")


async def test_search_and_category_filters(client, editor):
    await factories.article(editor, title="个体工商户减税降费政策解读", summary="小规模纳税人",
                            category=NewsCategory.POLICY_INTERPRETATION.value)
    await factories.article(editor, title="下陆区开展诚信经营活动", summary="个体户代表参加",
                            category=NewsCategory.ACTIVITY.value)
    await factories.article(editor, kind=ArticleKind.LAW, title="促进个体工商户发展条例", doc_number="国务院令第755号",
                            category=LawCategory.ADMINISTRATIVE_REGULATION.value, issuer="国务院")
    await factories.article(editor, kind=ArticleKind.LAW, title="城乡个体工商户管理暂行条例",
                            doc_number="国发〔1987〕92号", category=LawCategory.ADMINISTRATIVE_REGULATION.value,
                            validity=Validity.REPEALED)
    await factories.article(editor, kind=ArticleKind.LAW, title="个体工商户登记管理办法", doc_number="总局令第14号",
                            category=LawCategory.DEPARTMENTAL_RULE.value, validity=Validity.AMENDED)

    def titles(r):
        return [i["title"] for i in r.data["items"]]

    assert titles(await client.get("/api/v1/mp/news", params={"q": "减税"})) == ["个体工商户减税降费政策解读"]
    assert titles(await client.get("/api/v1/mp/news", params={"q": "代表参加"})) == ["下陆区开展诚信经营活动"]
    assert titles(await client.get("/api/v1/mp/news", params={"category": "activity"})) == ["下陆区开展诚信经营活动"]
    assert titles(await client.get("/api/v1/mp/news", params={"q": "个体", "category": "policy_interpretation"})) == [
        "个体工商户减税降费政策解读"]
    assert titles(await client.get("/api/v1/mp/laws", params={"q": "755"})) == ["促进个体工商户发展条例"]
    assert titles(await client.get("/api/v1/mp/laws", params={"q": "国发〔1987〕"})) == ["城乡个体工商户管理暂行条例"]
    assert titles(await client.get("/api/v1/mp/laws", params={"category": "departmental_rule"})) == [
        "个体工商户登记管理办法"]
    r = await client.get("/api/v1/mp/laws", params={"validity": "repealed"})
    assert [(i["title"], i["validity_label"]) for i in r.data["items"]] == [("城乡个体工商户管理暂行条例", "已废止")]
    assert titles(await client.get("/api/v1/mp/laws", params={"q": "不存在的关键词"})) == []
    r = await client.get("/api/v1/mp/news", params={"category": "administrative_regulation"})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")


async def test_detail_counts_views(client, editor):
    law = await factories.article(editor, kind=ArticleKind.LAW, title="促进个体工商户发展条例",
                                  body_html="<p>第一条</p>", interpretation_html="<p>解读</p>", issuer="国务院",
                                  doc_number="国务院令第755号")
    for n in (1, 2, 3):
        r = await client.get(f"/api/v1/mp/laws/{law.id}")
        assert r.data["view_count"] == n
    assert (r.data["body_html"], r.data["interpretation_html"], r.data["issuer"], r.data["doc_number"]) == (
        "<p>第一条</p>", "<p>解读</p>", "国务院", "国务院令第755号")
    assert (r.data["validity_label"], r.data["category_label"]) == ("现行有效", "法律")
    assert (await Article.get(id=law.id)).view_count == 3
    # The list shows the count; the staff side does not add views.
    assert (await client.get("/api/v1/mp/laws")).data["items"][0]["view_count"] == 3
    await client.get(f"/api/v1/admin/laws/{law.id}", token=await login_staff(client, "editor"))
    assert (await Article.get(id=law.id)).view_count == 3


async def test_files_of_published_items_only(client, editor):
    token = await login_staff(client, "editor")
    up = await client.post("/api/v1/admin/uploads", files={"file": ("封面.png", factories.png())}, token=token)
    doc = await client.post("/api/v1/admin/uploads", files={"file": ("原文.pdf", factories.PDF)}, token=token)
    stray = await client.post("/api/v1/admin/uploads", files={"file": ("私有.pdf", factories.PDF + b"%x")},
                              token=token)
    r = await client.post("/api/v1/admin/news", token=token, json={
        "title": "通知", "body_html": "<p>见附件</p>", "category": "notice", "cover_file_id": up.data["id"],
        "attachment_ids": [doc.data["id"]]})
    nid = r.data["id"]
    cover_url = f"/api/v1/mp/news/{nid}/files/{up.data['id']}"
    assert (await client.get(cover_url)).status == 404  # still a draft
    await client.post(f"/api/v1/admin/news/{nid}/publish", token=token)
    shown = await client.get(f"/api/v1/mp/news/{nid}")
    assert shown.data["cover"]["url"] == cover_url
    assert [f["name"] for f in shown.data["attachments"]] == ["原文.pdf"]
    got = await client.get(shown.data["attachments"][0]["url"])
    assert (got.status, got.body, got.headers["content-type"]) == (200, factories.PDF, "application/pdf")
    assert (await client.get(cover_url)).body == factories.png()
    # An upload that is not on the item is never reachable through it.
    assert (await client.get(f"/api/v1/mp/news/{nid}/files/{stray.data['id']}")).status == 404
    await client.post(f"/api/v1/admin/news/{nid}/withdraw", token=token, json={"reason": "更正"})
    assert (await client.get(cover_url)).status == 404
