"""The 双随机 demo as a newcomer uses it after `make run`: xlsj completes the draft plan, draws, confirms and
staffs it from the demo pool; an assigned 执法人员 logs in and enters the result; xlsj publishes it and it is on
the business's 全生命周期."""

from datetime import datetime
from zoneinfo import ZoneInfo

from getitong import demo
from getitong.staff.models import StaffUser
from tests.api.conftest import login_staff

A = "/api/v1/admin/inspections"


async def test_demo_plan_goes_from_draft_to_a_published_result(client, deps):
    assert await demo.seed(deps, businesses=120)
    t = await login_staff(client, "xlsj", "Staff@2026")
    [plan] = (await client.get(f"{A}/plans", token=t)).data["items"]
    catalog = (await client.get(f"{A}/catalog", token=t)).data
    contents = [c["id"] for i in catalog for sub in i["subitems"] for c in sub["contents"]]
    assert len(contents) == 4
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    r = await client.patch(f"{A}/plans/{plan['id']}", token=t, json={
        "start_on": today.isoformat(), "end_on": today.replace(month=12, day=31).isoformat(), "ratio": "50",
        "content_ids": contents})
    assert r.status == 200, r
    for step in ("submit", "approve", "draw"):
        r = await client.post(f"{A}/plans/{plan['id']}/{step}", token=t, json={})
        assert r.status == 200, (step, r)
    targets = (await client.get(f"{A}/plans/{plan['id']}/targets", token=t, params={"limit": "100"})).data["items"]
    assert targets
    r = await client.post(f"{A}/plans/{plan['id']}/confirm", token=t,
                          json={"target_ids": [x["id"] for x in targets], "decision": "check"})
    assert r.data["pending"] == 0, r
    assert (await client.post(f"{A}/plans/{plan['id']}/finish_confirm", token=t, json={})).status == 200
    r = await client.post(f"{A}/plans/{plan['id']}/assign", token=t, json={})
    assert (r.status, r.data["unmatched"]) == (200, []), r  # two inspectors at each station: every business staffed

    target = (await client.get(f"{A}/plans/{plan['id']}/targets", token=t)).data["items"][0]
    inspector = await StaffUser.get(name=target["inspectors"][0]["name"])
    it = await login_staff(client, inspector.username, "Staff@2026")
    detail = (await client.get(f"{A}/targets/{target['id']}", token=it)).data
    values = {"boolean": True, "choice": "一致", "numeric": 2, "text": "无"}
    r = await client.post(f"{A}/targets/{target['id']}/enter", token=it, json={
        "method": "on_site", "outcome": "normal", "handling": "未发现问题", "checked_on": today.isoformat(),
        "answers": [{"content_id": c["id"], "value": values[c["result_type"]]} for c in detail["contents"]]})
    assert r.status == 200, r
    r = await client.post(f"{A}/targets/{target['id']}/review", token=t, json={"decision": "publish"})
    assert r.status == 200, r
    admin = await login_staff(client, "admin", "Admin@2026")
    life = await client.get(f"/api/v1/admin/lifecycle/{target['business_id']}", token=admin,
                            params={"kind": "inspection"})
    assert [e["title"] for e in life.data["events"]] == [f"双随机抽查：{plan['name']}"]
