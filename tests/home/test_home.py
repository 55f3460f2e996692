"""The home screen (SPEC B): one call with everything, the person's own app list, badges kept exact by the cache."""

from datetime import UTC, datetime

from getitong.appeals.models import Appeal
from getitong.appeals.workflow import AppealStatus
from getitong.home.catalog import DEFAULT_APPS
from getitong.home.models import HomeApp
from tests.api.conftest import login_person, login_staff

HOME = "/api/v1/mp/home"
APPS = "/api/v1/mp/home/apps"
DEFAULTS = [code for code, *_rest, default, _badge in DEFAULT_APPS if default]


async def _token(client, phone="13900000001"):
    return (await login_person(client, phone=phone))["token"]["access_token"]


async def test_new_person_gets_the_default_apps_and_everything_in_one_call(client, owner, shop):
    token = await _token(client)
    r = await client.get(HOME, token=token)
    assert r.status == 200, r
    d = r.data
    assert [a["code"] for a in d["apps"]] == DEFAULTS
    assert all(a["name"] and a["page"].startswith("/pages/") for a in d["apps"])
    assert d["person"]["name"] == "张秀英"
    assert "*" in d["person"]["phone_masked"]
    assert d["current_business"]["id"] == shop[0].id
    assert [b["id"] for b in d["other_businesses"]] == [shop[1].id]
    assert set(d["unread"]) == {"appeals", "benefits", "risk", "party", "annual_report"}
    assert d["news"] == []
    assert d["annual_report"]["url"].startswith("https://")


async def test_rearranged_home_is_kept_after_logging_in_again(client, owner):
    token = await _token(client)
    r = await client.get(APPS, token=token)
    assert [a["code"] for a in r.data["apps"]] == DEFAULTS
    assert {a["code"] for a in r.data["available"]} == {c for c, *_ in DEFAULT_APPS} - set(DEFAULTS)
    # remove 政策查询 (×), add 新闻资讯 (+), move 诉求反馈 to the front
    chosen = ["appeals"] + [c for c in DEFAULTS if c not in ("policies", "appeals")] + ["news"]
    r = await client.request("PUT", APPS, token=token, json={"apps": chosen})
    assert r.status == 200, r
    assert [a["code"] for a in r.data["apps"]] == chosen
    assert "policies" in {a["code"] for a in r.data["available"]}

    token2 = await _token(client)  # a new login
    r = await client.get(HOME, token=token2)
    assert [a["code"] for a in r.data["apps"]] == chosen

    r = await client.request("DELETE", APPS, token=token2)
    assert [a["code"] for a in r.data["apps"]] == DEFAULTS
    assert [a["code"] for a in (await client.get(HOME, token=token2)).data["apps"]] == DEFAULTS


async def test_bad_app_lists_are_refused_and_nothing_is_saved(client, owner):
    token = await _token(client)
    for body, code in (({"apps": ["appeals", "appeals"]}, "HOME_APP_DUPLICATE"),
                       ({"apps": ["appeals", "no_such_app"]}, "HOME_APP_UNKNOWN"),
                       ({"apps": "appeals"}, "VALIDATION_ERROR"),
                       ({"apps": ["x"] * 31}, "VALIDATION_ERROR")):
        r = await client.request("PUT", APPS, token=token, json=body)
        assert (r.status in (400, 422), r.code) == (True, code), r
        assert r.message
    assert [a["code"] for a in (await client.get(HOME, token=token)).data["apps"]] == DEFAULTS


async def test_anonymous_and_staff_tokens_are_refused(client, owner, clerk):
    staff_token = await login_staff(client, "clerk")
    for method, path in (("GET", HOME), ("GET", APPS), ("PUT", APPS), ("DELETE", APPS)):
        r = await client.request(method, path, json={"apps": []})
        assert r.status == 401, (method, path, r)
        r = await client.request(method, path, token=staff_token, json={"apps": []})
        assert r.status == 401, (method, path, r)


async def test_badges_count_the_current_business_only(client, owner, shop, tree):
    a, b, other = shop
    now = datetime.now(UTC)
    for business, n in ((a, 2), (b, 1), (other, 3)):
        for i in range(n):
            await Appeal.create(business_id=business.id, person_id=owner.id, region_code=business.region_code,
                                org_id=tree.district.id, title="t", type="complaint", department="其他", content="c",
                                query_code=f"Q{business.id}{i}{n}", query_password_hash="x",
                                status=AppealStatus.REPLIED, submitted_at=now, finish_due_at=now)
    token = await _token(client)
    r = await client.get(HOME, token=token)
    assert r.data["unread"]["appeals"] == 2
    badge = next(x for x in r.data["apps"] if x["code"] == "appeals")
    assert badge["badge_count"] == 2
    r = await client.post("/api/v1/mp/me/switch-business", token=token, json={"business_id": b.id})
    token_b = r.data["token"]["access_token"]
    r = await client.get(HOME, token=token_b)
    assert r.data["unread"]["appeals"] == 1
    assert r.data["current_business"]["id"] == b.id


async def test_cached_until_something_it_shows_changes(client, owner, shop, risk_clerk, editor):
    token = await _token(client)
    first = await client.get(HOME, token=token)
    again = await client.get(HOME, token=token)
    assert again.body == first.body  # served from the cache: the same text, generated_at included

    # a listing entered by staff: the risk badge moves at once
    staff = await login_staff(client, "riskclerk")
    r = await client.post("/api/v1/admin/risk-records/listings", token=staff, json={
        "code": shop[0].uscc, "kind": "individual_abnormal", "doc_no": "下市监异〔2026〕1号",
        "list_reason": "通过登记的经营场所无法联系", "listed_on": "2026-03-01"})
    assert r.status == 201, r
    r = await client.get(HOME, token=token)
    assert r.data["unread"]["risk"] == 1
    assert next(x for x in r.data["apps"] if x["code"] == "risk")["badge_count"] == 1

    # a listing of the other business does not touch this one's count
    await client.post("/api/v1/admin/risk-records/listings", token=staff, json={
        "code": shop[1].uscc, "kind": "individual_abnormal", "doc_no": "下市监异〔2026〕2号",
        "list_reason": "未按规定报送年度报告", "listed_on": "2026-03-01"})
    assert (await client.get(HOME, token=token)).data["unread"]["risk"] == 1

    # news published: on every home screen
    ed = await login_staff(client, "editor")
    r = await client.post("/api/v1/admin/news", token=ed, json={
        "title": "个体工商户年报开始啦", "summary": "请于6月30日前报送", "body_html": "<p>年报通知</p>",
        "category": "notice"})
    assert r.status == 201, r
    news_id = r.data["id"]
    assert (await client.get(HOME, token=token)).data["news"] == []  # a draft is not news
    r = await client.post(f"/api/v1/admin/news/{news_id}/publish", token=ed)
    assert r.status == 200, r
    r = await client.get(HOME, token=token)
    assert [n["title"] for n in r.data["news"]] == ["个体工商户年报开始啦"]

    # the person's own layout
    await client.request("PUT", APPS, token=token, json={"apps": ["risk"]})
    assert [a["code"] for a in (await client.get(HOME, token=token)).data["apps"]] == ["risk"]


async def test_staff_manage_the_catalogue(client, owner, district_admin, clerk):
    admin = await login_staff(client, "dadmin")
    token = await _token(client)
    await client.get(HOME, token=token)  # cached
    r = await client.get("/api/v1/admin/home/apps", token=admin)
    assert r.status == 200
    assert len(r.data) == len(DEFAULT_APPS)
    policies = next(a for a in r.data if a["code"] == "policies")

    # disabling an app takes it off every home screen; its place in a layout is forgotten, not an error
    r = await client.patch(f"/api/v1/admin/home/apps/{policies['id']}", token=admin, json={"enabled": False})
    assert r.status == 200
    assert r.data["enabled"] is False
    assert "policies" not in [a["code"] for a in (await client.get(HOME, token=token)).data["apps"]]
    r = await client.request("PUT", APPS, token=token, json={"apps": ["policies"]})
    assert r.code == "HOME_APP_UNKNOWN"

    new = {"code": "consumer", "name": "消费维权", "icon": "shield", "page": "/pages/consumer/index",
           "sort": 5, "is_default": True}
    r = await client.post("/api/v1/admin/home/apps", token=admin, json=new)
    assert r.status == 201, r
    r = await client.post("/api/v1/admin/home/apps", token=admin, json=new)
    assert r.status == 409
    assert r.code == "HOME_APP_CODE_TAKEN"
    r = await client.get(HOME, token=token)
    assert r.data["apps"][0]["code"] == "consumer"  # a default app, sorted first, for people on the defaults
    assert await HomeApp.filter(code="consumer").exists()

    r = await client.post("/api/v1/admin/home/apps", token=admin, json={**new, "code": "Bad Code"})
    assert r.status == 422
    r = await client.patch("/api/v1/admin/home/apps/999999", token=admin, json={"enabled": False})
    assert r.status == 404
    assert r.code == "HOME_APP_NOT_FOUND"


async def test_catalogue_is_refused_to_others(client, owner, clerk):
    desk = await login_staff(client, "clerk")
    shop_token = await _token(client)
    for method, path in (("GET", "/api/v1/admin/home/apps"), ("POST", "/api/v1/admin/home/apps"),
                         ("PATCH", "/api/v1/admin/home/apps/1")):
        body = {"code": "x", "name": "x", "icon": "x", "page": "/x"} if method == "POST" else {"enabled": False}
        r = await client.request(method, path, token=desk, json=body)
        assert (r.status, r.code) == (403, "FORBIDDEN"), (method, path, r)
        assert (await client.request(method, path, json=body)).status == 401
        assert (await client.request(method, path, token=shop_token, json=body)).status == 401
