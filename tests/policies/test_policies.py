"""Policy matters: staff management within their org subtree, and the shop's precise matching (精准匹配)."""

from datetime import UTC, datetime, timedelta

import pytest

from getitong.core.models import AuditLog
from getitong.entities.models import ScaleType
from tests.api.conftest import login_person, login_staff
from tests.policies import factories as pf

MP = "/api/v1/mp/policies"
ADMIN = "/api/v1/admin/policies"


async def owner_token(client, business_id=None):
    data = await login_person(client)
    token = data["token"]["access_token"]
    if business_id is not None:
        r = await client.post("/api/v1/mp/me/switch-business", json={"business_id": business_id}, token=token)
        assert r.status == 200, r
        token = r.data["token"]["access_token"]
    return token


async def titles(client, token, **params):
    r = await client.get(MP, token=token, params=params)
    assert r.status == 200, r
    return [p["title"] for p in r.data["items"]]


@pytest.fixture
async def profiled(shop):
    """下陆区张记小吃店: 生存型 餐饮业 tagged 特; 下陆区秀英便利店: 成长型 零售业 without tags."""
    a, b, other = shop
    a.scale_type, a.industry, a.tags = ScaleType.SURVIVAL, "餐饮业", ["特"]
    b.scale_type, b.industry, b.tags = ScaleType.GROWTH, "零售业", []
    other.scale_type, other.industry = ScaleType.SURVIVAL, "餐饮业"
    for x in (a, b, other):
        await x.save()
    return a, b, other


async def test_shop_list_shows_only_matching_policies(client, tree, profiled, owner):
    a, _, _ = profiled
    await pf.published_policy(tree.province, "全省通用政策", region_codes=["420000"])
    await pf.published_policy(tree.city, "黄石市政策")  # empty regions = the city's 420200
    await pf.published_policy(tree.district, "下陆区生存型帮扶", scale_types=["survival"])
    await pf.published_policy(tree.district, "发展型奖励", scale_types=["development"])
    await pf.published_policy(tree.district, "特色小店扶持", tags=["特", "新"])
    await pf.published_policy(tree.district, "名品认定奖励", tags=["名"])
    await pf.published_policy(tree.district, "餐饮业消费券", industries=["餐饮业"])
    await pf.published_policy(tree.district, "零售业补贴", industries=["零售业"])
    await pf.published_policy(tree.other_city, "武汉市政策")
    await pf.published_policy(tree.province, "仅限江岸区", region_codes=["420102"])
    await pf.published_policy(tree.district, "已过期政策", valid_to=datetime.now(UTC).date() - timedelta(days=10))
    token = await owner_token(client, a.id)
    got = await titles(client, token)
    assert set(got) == {"全省通用政策", "黄石市政策", "下陆区生存型帮扶", "特色小店扶持", "餐饮业消费券"}
    # Newest publication first.
    assert got[0] == "餐饮业消费券"
    assert got[-1] == "全省通用政策"


async def test_switching_business_changes_the_list(client, tree, profiled, owner):
    a, b, _ = profiled
    await pf.published_policy(tree.district, "生存型帮扶", scale_types=["survival"])
    await pf.published_policy(tree.district, "成长型培育", scale_types=["growth"])
    await pf.published_policy(tree.district, "零售业补贴", industries=["零售业"])
    assert set(await titles(client, await owner_token(client, a.id))) == {"生存型帮扶"}
    assert set(await titles(client, await owner_token(client, b.id))) == {"成长型培育", "零售业补贴"}


async def test_detail_is_404_when_not_matching_or_not_published(client, tree, profiled, owner):
    a, _, _ = profiled
    mine = await pf.published_policy(tree.district, "下陆区政策")
    wuhan = await pf.published_policy(tree.other_city, "武汉市政策")
    token = await owner_token(client, a.id)
    r = await client.get(f"{MP}/{mine.id}", token=token)
    assert r.status == 200
    assert r.data["body"] == "正文"
    assert r.data["targeting"]["regions"] == [{"code": "420204", "name": "下陆区"}]
    r = await client.get(f"{MP}/{wuhan.id}", token=token)
    assert (r.status, r.code) == (404, "POLICY_NOT_FOUND")
    assert (await client.get(MP)).status == 401


async def test_search_and_keyset_pages(client, tree, profiled, owner):
    a, _, _ = profiled
    for i in range(5):
        await pf.published_policy(tree.district, f"稳岗补贴第{i}批")
    await pf.published_policy(tree.district, "房租减免")
    token = await owner_token(client, a.id)
    assert await titles(client, token, q="房租") == ["房租减免"]
    r = await client.get(MP, token=token, params={"q": "稳岗", "limit": 2})
    seen = [p["title"] for p in r.data["items"]]
    while r.data["next"]:
        r = await client.get(MP, token=token, params={"q": "稳岗", "limit": 2, "cursor": r.data["next"]})
        seen += [p["title"] for p in r.data["items"]]
    assert seen == [f"稳岗补贴第{i}批" for i in range(4, -1, -1)]


async def test_staff_create_publish_withdraw_flow(client, deps, tree, profiled, owner):
    a, _, _ = profiled
    await pf.editor(deps, tree.city, "city_editor")
    staff = await login_staff(client, "city_editor")
    r = await client.post(ADMIN, token=staff, json={
        "title": "  黄石市小微企业稳岗返还 ", "summary": "返还失业保险费", "body": "<b>正文</b>", "department": "人社局",
        "scale_types": ["survival", "growth"], "tags": [], "industries": ["餐饮业"], "region_codes": []})
    assert r.status == 201, r
    pid = r.data["id"]
    assert r.data["title"] == "黄石市小微企业稳岗返还"
    assert r.data["status"] == "draft"
    assert set(r.data["actions"]) == {"edit", "publish", "delete"}
    assert r.data["targeting"]["regions"] == [{"code": "420200", "name": "黄石市"}]
    owner_tok = await owner_token(client, a.id)
    assert await titles(client, owner_tok) == []  # a draft is invisible
    r = await client.post(f"{ADMIN}/{pid}/publish", token=staff)
    assert r.status == 200
    assert r.data["status"] == "published"
    shown = (await client.get(f"{MP}/{pid}", token=owner_tok)).data
    assert shown["body"] == "<b>正文</b>"  # plain text, returned as entered: clients render it as text
    r = await client.post(f"{ADMIN}/{pid}/publish", token=staff)
    assert (r.status, r.code) == (409, "POLICY_ACTION_NOT_ALLOWED")
    r = await client.patch(f"{ADMIN}/{pid}", token=staff, json={"industries": ["零售业"]})
    assert r.status == 200
    assert r.data["targeting"]["industries"] == ["零售业"]
    assert await titles(client, owner_tok) == []  # no longer matches a 餐饮业 shop
    await client.patch(f"{ADMIN}/{pid}", token=staff, json={"industries": []})
    assert await titles(client, owner_tok) == ["黄石市小微企业稳岗返还"]
    r = await client.post(f"{ADMIN}/{pid}/withdraw", token=staff)
    assert r.data["status"] == "withdrawn"
    assert await titles(client, owner_tok) == []
    r = await client.request("DELETE", f"{ADMIN}/{pid}", token=staff)
    assert (r.status, r.code) == (409, "POLICY_ACTION_NOT_ALLOWED")
    actions = [x.action for x in await AuditLog.filter(target_type="policy", target_id=str(pid)).order_by("id")]
    assert actions == ["policy.create", "policy.publish", "policy.update", "policy.update", "policy.withdraw"]


async def test_staff_validation_and_region_scope(client, deps, tree):
    await pf.editor(deps, tree.district, "d_editor")
    staff = await login_staff(client, "d_editor")
    r = await client.post(ADMIN, token=staff, json={"title": "跨区政策", "region_codes": ["420102"]})
    assert (r.status, r.code) == (403, "POLICY_REGION_OUT_OF_SCOPE")
    r = await client.post(ADMIN, token=staff, json={"title": "坏分类", "tags": ["大"]})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    r = await client.post(ADMIN, token=staff, json={"title": "日期", "valid_from": "2026-05-01",
                                                     "valid_to": "2026-04-01"})
    assert (r.status, r.code) == (422, "POLICY_DATES_INVALID")
    r = await client.post(ADMIN, token=staff, json={"title": "草稿"})
    pid = r.data["id"]
    r = await client.patch(f"{ADMIN}/{pid}", token=staff, json={"tags": ["大"]})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    r = await client.patch(f"{ADMIN}/{pid}", token=staff, json={"title": "   "})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    r = await client.patch(f"{ADMIN}/{pid}", token=staff, json={"region_codes": ["420100"]})
    assert (r.status, r.code) == (403, "POLICY_REGION_OUT_OF_SCOPE")
    assert (await client.get(f"{ADMIN}/{pid}", token=staff)).data["title"] == "草稿"
    r = await client.request("DELETE", f"{ADMIN}/{pid}", token=staff)
    assert r.status == 200
    assert (await client.get(f"{ADMIN}/{pid}", token=staff)).code == "POLICY_NOT_FOUND"


async def test_staff_refusals(client, deps, tree, clerk):
    await pf.editor(deps, tree.district, "d_editor")
    await pf.editor(deps, tree.other_city, "wh_editor")
    wuhan = await pf.published_policy(tree.other_city, "武汉市政策")
    mine = await pf.published_policy(tree.district, "下陆区政策")
    d = await login_staff(client, "d_editor")
    r = await client.get(f"{ADMIN}/{wuhan.id}", token=d)
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
    r = await client.post(f"{ADMIN}/{wuhan.id}/withdraw", token=d)
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
    listed = (await client.get(ADMIN, token=d)).data["items"]
    assert [p["title"] for p in listed] == ["下陆区政策"]
    wrong_role = await login_staff(client, "clerk")
    r = await client.post(ADMIN, token=wrong_role, json={"title": "x"})
    assert (r.status, r.code) == (403, "FORBIDDEN")
    assert (await client.get(ADMIN, token=wrong_role)).status == 403
    assert (await client.post(f"{ADMIN}/{mine.id}/withdraw")).status == 401
    r = await client.patch(f"{ADMIN}/{mine.id}", token=await login_staff(client, "wh_editor"), json={"title": "改"})
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
