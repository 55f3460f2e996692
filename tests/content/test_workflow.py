"""Every (status, action) pair of the content workflow: allowed ones succeed, the rest are refused."""

import itertools

import pytest

from getitong.content.models import Article, ArticleKind
from getitong.content.workflow import TRANSITIONS, ContentAction, ContentStatus, allowed_actions
from getitong.core.models import AuditLog
from getitong.staff.permissions import Perm
from tests.api.conftest import login_staff
from tests.content import factories

PAIRS = list(itertools.product(ContentStatus, ContentAction))


def test_the_table_reads_as_intended():
    assert TRANSITIONS == {
        (ContentStatus.DRAFT, ContentAction.EDIT): (ContentStatus.DRAFT, Perm.CONTENT_EDIT),
        (ContentStatus.DRAFT, ContentAction.PUBLISH): (ContentStatus.PUBLISHED, Perm.CONTENT_EDIT),
        (ContentStatus.PUBLISHED, ContentAction.WITHDRAW): (ContentStatus.WITHDRAWN, Perm.CONTENT_EDIT),
        (ContentStatus.WITHDRAWN, ContentAction.EDIT): (ContentStatus.WITHDRAWN, Perm.CONTENT_EDIT),
        (ContentStatus.WITHDRAWN, ContentAction.PUBLISH): (ContentStatus.PUBLISHED, Perm.CONTENT_EDIT),
    }
    assert allowed_actions(ContentStatus.PUBLISHED, {"content:edit"}) == ["withdraw"]
    assert allowed_actions(ContentStatus.PUBLISHED, {"appeal:desk"}) == []


async def _act(client, token, kind, article_id, action):
    base = f"/api/v1/admin/{'news' if kind == ArticleKind.NEWS else 'laws'}/{article_id}"
    if action == ContentAction.EDIT:
        return await client.patch(base, token=token, json={"title": "修改后的标题"})
    if action == ContentAction.PUBLISH:
        return await client.post(f"{base}/publish", token=token)
    return await client.post(f"{base}/withdraw", token=token, json={"reason": "政策已调整"})


@pytest.mark.parametrize("kind", list(ArticleKind))
@pytest.mark.parametrize(("status", "action"), PAIRS)
async def test_every_status_action_pair(client, editor, kind, status, action):
    token = await login_staff(client, "editor")
    a = await factories.article(editor, kind=kind, status=status, title="原标题")
    r = await _act(client, token, kind, a.id, action)
    row = TRANSITIONS.get((status, action))
    fresh = await Article.get(id=a.id)
    audits = await AuditLog.filter(target_type="article", target_id=str(a.id)).values_list("action", flat=True)
    if row is None:
        assert (r.status, r.code) == (409, "CONTENT_ACTION_NOT_ALLOWED"), r
        assert r.data["status"] == status.value
        assert r.data["action"] == action.value
        assert r.data["allowed"] == allowed_actions(status, {"content:edit"})
        assert (fresh.status, fresh.title) == (status, "原标题")
        assert audits == []
        return
    assert r.status == 200, r
    assert r.data["status"] == row[0].value
    assert fresh.status == row[0]
    assert r.data["actions"] == allowed_actions(row[0], {"content:edit"})
    assert audits == [f"{kind.value}.{action.value}"]
    if action == ContentAction.EDIT:
        assert fresh.title == "修改后的标题"
    if action == ContentAction.PUBLISH:
        assert fresh.published_at is not None
        assert a.published_at is None or fresh.published_at > a.published_at
    if action == ContentAction.WITHDRAW:
        assert fresh.withdraw_reason == "政策已调整"
        assert fresh.withdrawn_at is not None


async def test_editing_published_says_withdraw_first(client, editor):
    token = await login_staff(client, "editor")
    a = await factories.article(editor)
    r = await client.patch(f"/api/v1/admin/news/{a.id}", token=token, json={"title": "新"})
    assert r.code == "CONTENT_ACTION_NOT_ALLOWED"
    assert "先撤回" in r.message


async def test_full_cycle_draft_publish_withdraw_edit_republish(client, editor):
    token = await login_staff(client, "editor")
    r = await client.post("/api/v1/admin/news", token=token, json={
        "title": "黄石市个体工商户座谈会召开", "summary": "座谈会", "body_html": "<p>内容</p>", "category": "work_news"})
    assert (r.status, r.data["status"], r.data["actions"]) == (201, "draft", ["edit", "publish"])
    nid = r.data["id"]
    assert (await client.get(f"/api/v1/mp/news/{nid}")).code == "CONTENT_NOT_FOUND"
    r = await client.post(f"/api/v1/admin/news/{nid}/publish", token=token)
    assert r.data["status"] == "published"
    assert r.data["published_at"]
    assert (await client.get(f"/api/v1/mp/news/{nid}")).status == 200
    r = await client.post(f"/api/v1/admin/news/{nid}/withdraw", token=token, json={})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    r = await client.post(f"/api/v1/admin/news/{nid}/withdraw", token=token, json={"reason": "数据有误"})
    assert (r.data["status"], r.data["withdraw_reason"]) == ("withdrawn", "数据有误")
    assert (await client.get(f"/api/v1/mp/news/{nid}")).status == 404
    r = await client.patch(f"/api/v1/admin/news/{nid}", token=token, json={"summary": "更正后的摘要"})
    assert r.data["summary"] == "更正后的摘要"
    r = await client.post(f"/api/v1/admin/news/{nid}/publish", token=token)
    assert r.data["status"] == "published"
    assert (await client.get(f"/api/v1/mp/news/{nid}")).data["summary"] == "更正后的摘要"
    actions = await AuditLog.filter(target_type="article", target_id=str(nid)).order_by("id").values_list(
        "action", flat=True)
    assert actions == ["news.create", "news.publish", "news.withdraw", "news.edit", "news.publish"]
    last = await AuditLog.filter(target_type="article", target_id=str(nid)).order_by("-id").first()
    assert (last.before["status"], last.after["status"], last.actor_name) == ("withdrawn", "published", "测试人员")
