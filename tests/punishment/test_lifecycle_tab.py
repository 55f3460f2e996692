"""联合惩戒 as the admin screens use it: the matter and each implementation on the business's 全生命周期, feedback
naming its entry, and the departments a catalog entry may name."""

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.punishment.test_punishment import HIGH_SPENDING

A = "/api/v1/admin/punishment"
LIFECYCLE = "/api/v1/admin/lifecycle"


async def test_matter_and_feedback_on_the_timeline(client, cast, shop):
    a, b, _ = shop
    t = cast.tokens["manager"]
    court = (await client.post(f"{A}/catalog", json=HIGH_SPENDING | {"department_id": cast.court.id}, token=t)).data
    r = await client.post(f"{A}/matters", token=t, json={
        "category": "debtor", "business_ids": [a.id], "entry_ids": [court["id"]], "decision_no": "（2026）鄂02执9号",
        "decision_org": "黄石市中级人民法院", "decision_date": "2026-03-01"})
    assert r.status == 201, r
    f = await client.post(f"{A}/inbox/{r.data['id']}/feedback", token=cast.tokens["judge"], json={
        "business_id": a.id, "entry_id": court["id"], "implemented_on": "2026-03-10", "measure": "已发出限制消费令"})
    assert f.status == 201, f
    assert (f.data["feedback"][0]["entry_id"], f.data["feedback"][0]["department_id"]) == (court["id"], cast.court.id)

    published = datetime.fromisoformat(r.data["published_at"]).astimezone(ZoneInfo("Asia/Shanghai")).date()
    life = await client.get(f"{LIFECYCLE}/{a.id}", params={"kind": "punishment"}, token=t)
    assert life.status == 200, life
    assert [(e["date"], e["title"], e["detail"]) for e in life.data["events"]] == [
        ("2026-03-10", "惩戒实施：限制部分高消费行为", "黄石市中级人民法院：已发出限制消费令"),
        ("2026-03-01", "联合惩戒：失信被执行人名单", f"黄石市中级人民法院 （2026）鄂02执9号；发布于 {published}"),
    ]
    assert {x["label"]: x["count"] for x in life.data["tabs"]}["联合惩戒"] == 2
    other = await client.get(f"{LIFECYCLE}/{b.id}", params={"kind": "punishment"}, token=t)
    assert other.data["events"] == []


async def test_departments_a_catalog_entry_may_name(client, cast):
    got = await client.get(f"{A}/departments", token=cast.tokens["manager"])
    assert got.status == 200, got
    assert [(d["name"], d["org"]["name"]) for d in got.data["items"]] == [
        ("黄石市中级人民法院", "黄石市市场监督管理局"), ("黄石市自然资源和规划局", "黄石市市场监督管理局")]  # not Wuhan's
    assert (await client.get(f"{A}/departments", token=cast.tokens["judge"])).status == 403
    assert (await client.get(f"{A}/departments", token=cast.tokens["desk"])).status == 403
    assert (await client.get(f"{A}/departments")).status == 401
