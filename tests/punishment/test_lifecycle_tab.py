"""A published matter and each department's implementation appear on the business's 全生命周期 under 联合惩戒."""

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
