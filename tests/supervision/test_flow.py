"""The whole 双随机 flow through the API: catalog, plan wizard and approval, draw, confirmation, assignment,
adjustment, result entry, review and the published results of a business."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tortoise import connections

from getitong.core.models import AuditLog
from getitong.supervision import draw as db_draw
from getitong.supervision import sampling
from getitong.supervision.models import Plan, PlanEvent, Tally, Target, TeamMember
from getitong.supervision.workflow import PlanStatus
from tests.api.conftest import login_person, login_staff
from tests.conftest import STACK
from tests.supervision import factories as sf

A = sf.ADMIN


async def test_catalog_tree_and_result_types(client, manager):
    token = await login_staff(client, "sjmgr")
    r = await client.post(f"{A}/items", token=token, json={"name": "年度报告检查", "sort": 3})
    assert r.status == 201, r
    item = r.data["id"]
    r = await client.post(f"{A}/items/{item}/subitems", token=token, json={
        "name": "外国企业常驻代表机构年度报告的检查", "method": "县级以上市场监管部门",
        "basis": "《外国企业常驻代表机构登记管理条例》第六条"})
    assert r.status == 201, r
    sub = r.data["id"]
    r = await client.post(f"{A}/subitems/{sub}/contents", token=token, json={
        "content": "检查企业即时公示信息是否真实", "result_type": "choice", "options": ["完全一致"]})
    assert r.status == 422, r
    assert r.code == "INSPECTION_CONTENT_INVALID", r
    r = await client.post(f"{A}/subitems/{sub}/contents", token=token, json={
        "content": "总营业收入与实际相差数", "result_type": "numeric"})
    assert r.status == 422, r
    assert "单位" in r.message, r
    for body in ({"content": "即时公示信息", "result_type": "choice", "options": ["完全一致", "基本一致", "相差较大"]},
                 {"content": "总营业收入与实际相差数", "result_type": "numeric", "unit": "万元"},
                 {"content": "其他说明", "result_type": "text"},
                 {"content": "是否按规定提交年度报告", "result_type": "boolean"}):
        r = await client.post(f"{A}/subitems/{sub}/contents", token=token, json=body)
        assert r.status == 201, r
    r = await client.get(f"{A}/catalog", token=token)
    assert r.status == 200, r
    [tree] = r.data
    labels = [c["result_type_label"] for c in tree["subitems"][0]["contents"]]
    assert labels == ["选择型", "数值型", "填写型", "是非型"]
    r = await client.patch(f"{A}/items/{item}", token=token, json={"enabled": False})
    assert r.status == 200
    assert r.data["enabled"] is False


async def test_plan_wizard_draft_submit_reject_approve(client, manager, tree):
    contents = await sf.catalog(tree.district.id)
    token = await login_staff(client, "sjmgr")
    r = await client.post(f"{A}/plans", token=token, json={"name": "个体户公示信息抽查", "ratio": "3"})
    assert r.status == 201, r
    plan = r.data
    assert plan["status"] == "draft"
    assert plan["status_label"] == "暂存"
    assert set(plan["actions"]) >= {"edit", "submit"}
    r = await client.post(f"{A}/plans/{plan['id']}/submit", token=token, json={})
    assert r.status == 422, r
    assert r.code == "INSPECTION_PLAN_INCOMPLETE", r
    assert "检查事项" in r.message
    assert "抽查依据" in r.message
    r = await client.patch(f"{A}/plans/{plan['id']}", token=token, json={
        "start_on": "2026-03-10", "end_on": "2026-05-31", "basis": "鄂市监〔2026〕1号", "lead_department": "市场监管",
        "partner_departments": ["公安"], "group_size": 5, "skip_twice": True,
        "filters": {"kinds": ["individual"], "org_ids": [tree.station.id]},
        "content_ids": [c.id for c in contents]})
    assert r.status == 200, r
    assert r.data["filters"]["org_ids"] == [tree.station.id]
    r = await client.patch(f"{A}/plans/{plan['id']}", token=token, json={"filters": {"org_ids": [tree.other_district.id]}})
    assert r.status == 403, r
    assert r.code == "ORG_OUT_OF_SCOPE", r
    r = await client.post(f"{A}/plans/{plan['id']}/submit", token=token, json={"comment": "请核准"})
    assert r.status == 200, r
    assert r.data["status"] == "submitted", r
    r = await client.patch(f"{A}/plans/{plan['id']}", token=token, json={"name": "改名"})
    assert r.status == 409, r
    assert r.code == "INSPECTION_PLAN_STATE", r
    r = await client.post(f"{A}/plans/{plan['id']}/reject", token=token, json={"comment": ""})
    assert r.status == 422, r
    r = await client.post(f"{A}/plans/{plan['id']}/reject", token=token, json={"comment": "比例偏低"})
    assert r.status == 200, r
    assert r.data["status"] == "draft", r
    await client.post(f"{A}/plans/{plan['id']}/submit", token=token, json={})
    r = await client.post(f"{A}/plans/{plan['id']}/approve", token=token, json={"comment": "通过"})
    assert r.status == 200, r
    assert r.data["status"] == "approved", r
    assert "draw" in r.data["actions"], r
    r = await client.get(f"{A}/plans/{plan['id']}", token=token)
    assert [ev["action"] for ev in r.data["events"]] == ["edit", "edit", "submit", "reject", "submit", "approve"]
    r = await client.get(f"{A}/plans", token=token, params={"status": "approved"})
    assert [p["id"] for p in r.data["items"]] == [plan["id"]]
    r = await client.get(f"{A}/plans/export", token=token)
    assert r.status == 200
    assert r.headers["content-type"].startswith("application/vnd.openxml")


async def test_draw_quotas_must_check_and_reproducibility(client, manager, tree, register):
    station, district, outside = register
    contents = await sf.catalog(tree.district.id)
    plan = await sf.plan(manager, contents, ratio=Decimal(10))
    token = await login_staff(client, "sjmgr")
    r = await client.get(f"{A}/plans/{plan.id}/preview", token=token)
    assert r.status == 200, r
    assert r.data["candidate_count"] == 50  # 江岸区 is outside the plan's org
    assert {g["org_id"]: g["quota"] for g in r.data["groups"]} == {tree.district.id: 1, tree.station.id: 4}
    r = await client.post(f"{A}/plans/{plan.id}/must_check", token=token, json={"codes": [outside[0].uscc]})
    assert r.status == 422, r
    assert r.code == "INSPECTION_BUSINESSES_NOT_FOUND", r
    r = await client.post(f"{A}/plans/{plan.id}/must_check", token=token, json={"codes": [station[0].uscc]})
    assert r.status == 200, r
    assert r.data == {"count": 1}, r
    r = await client.post(f"{A}/plans/{plan.id}/draw", token=token, json={"seed": 20260301})
    assert r.status == 200, r
    d = r.data["draw"]
    assert d["seed"] == "20260301"
    assert d["algorithm"] == sampling.ALGORITHM
    assert len(d["fingerprint"]) == 64
    assert d["candidate_count"] == 49
    assert d["drawn_count"] == 6  # 39 station + 10 district; 4 + 1 + must-check
    targets = await Target.filter(plan_id=plan.id)
    by_org = {}
    for t in targets:
        by_org.setdefault(t.org_id, []).append(t)
    assert len(by_org[tree.station.id]) == 5
    assert len(by_org[tree.district.id]) == 1
    assert [t.business_id for t in targets if t.must_check] == [station[0].id]
    # the database draw equals the reference implementation over the same candidates
    expected = sampling.draw({tree.station.id: [b.id for b in station], tree.district.id: [b.id for b in district]},
                             Decimal(10), 20260301, must_check=[station[0].id])
    assert {t.business_id for t in targets if not t.must_check} == {i for ids in expected.values() for i in ids}
    # packs of two within one authority
    packs = {}
    for t in targets:
        packs.setdefault(t.pack_no, set()).add(t.org_id)
    assert all(len(orgs) == 1 for orgs in packs.values())
    assert max(sum(1 for t in targets if t.pack_no == p) for p in packs) <= 2
    r = await client.get(f"{A}/plans/{plan.id}/draw/verify", token=token)
    assert r.data["candidates_unchanged"] is True, r
    assert r.data["same_list"] is True, r
    r = await client.post(f"{A}/plans/{plan.id}/draw", token=token, json={})
    assert r.status == 409, r
    assert r.code == "INSPECTION_PLAN_STATE", r
    # a second plan with the same seed and scope draws the same businesses
    twin = await sf.plan(manager, contents, ratio=Decimal(10))
    r = await client.post(f"{A}/plans/{twin.id}/must_check", token=token, files={
        "file": ("必查清单.xlsx", sf.xlsx(["统一社会信用代码"], [[station[0].uscc]]), "application/octet-stream")})
    assert r.data == {"count": 1}, r
    await client.post(f"{A}/plans/{twin.id}/draw", token=token, json={"seed": 20260301})
    assert (set(await Target.filter(plan_id=twin.id).values_list("business_id", flat=True))
            == {t.business_id for t in targets})
    assert (await Plan.get(id=twin.id)).fingerprint == d["fingerprint"]
    event = await PlanEvent.filter(plan_id=plan.id, action="draw").first()
    assert event.payload["seed"] == "20260301"
    assert event.payload["fingerprint"] == d["fingerprint"]


@pytest.mark.skipif(STACK != "postgres", reason="the key is computed in SQL on PostgreSQL only")
async def test_sql_key_matches_python(tree, register, deps):
    conn = connections.get("default")
    seed = 987654321987654321
    rows = await conn.execute_query_dict(f"SELECT b.id AS id, {sampling.key_sql(seed)} AS k FROM business b")
    assert rows
    assert all(int(r["k"]) == sampling.draw_key(seed, r["id"]) for r in rows)
    for s in (0, 1, 2**62 - 1):
        for big in (0, 1, -1, 2**31, 2**40 + 12345, -(2**40), 2**63 - 1, -(2**63)):
            rows = await conn.execute_query_dict(f"SELECT {sampling.key_sql(s, f'({big})::bigint')} AS k")
            assert int(rows[0]["k"]) == sampling.draw_key(s, big), (s, big)


async def test_threshold_shortfall_reads_the_authority_again(manager, tree, register):
    """A tiny authority whose keys all fall above the first-pass bound still gets its exact quota."""
    contents = await sf.catalog(tree.district.id)
    plan = await sf.plan(manager, contents, ratio=Decimal(50))
    conn = connections.get("default")
    for seed in range(1, 30):
        drawn = await db_draw.select(conn, plan, seed, {})
        assert {g: len(v) for g, v in drawn.picked.items()} == {tree.station.id: 20, tree.district.id: 5}


async def test_skip_twice_and_sample_scope(client, manager, tree, register):
    station, district, _ = register
    contents = await sf.catalog(tree.district.id)
    for b in station[:30]:
        await Tally.create(business_id=b.id, times=2)
    plan = await sf.plan(manager, contents, ratio=Decimal(100), filters={"org_ids": [tree.station.id]})
    token = await login_staff(client, "sjmgr")
    r = await client.post(f"{A}/plans/{plan.id}/draw", token=token, json={"seed": 1})
    assert r.data["draw"]["candidate_count"] == 10, r
    drawn = set(await Target.filter(plan_id=plan.id).values_list("business_id", flat=True))
    assert drawn == {b.id for b in station[30:]}
    # 样本导入: only the listed businesses are candidates
    sample = await sf.plan(manager, contents, ratio=Decimal(50), status=PlanStatus.DRAFT, scope_mode="sample",
                           skip_twice=False)
    lines = "统一社会信用代码\n" + "\n".join(b.uscc for b in district[:4]) + "\n"
    r = await client.post(f"{A}/plans/{sample.id}/sample", token=token,
                          files={"file": ("样本.txt", lines.encode(), "text/plain")})
    assert r.status == 200, r
    assert r.data == {"count": 4}, r
    await client.post(f"{A}/plans/{sample.id}/submit", token=token, json={})
    await client.post(f"{A}/plans/{sample.id}/approve", token=token, json={})
    r = await client.post(f"{A}/plans/{sample.id}/draw", token=token, json={})
    assert r.status == 200, r
    assert r.data["draw"]["candidate_count"] == 4, r
    assert r.data["draw"]["drawn_count"] == 2, r
    assert set(await Target.filter(plan_id=sample.id).values_list("business_id", flat=True)) <= {
        b.id for b in district[:4]}


async def _drawn_plan(client, manager, tree, token, *, ratio=20, seed=7):
    contents = await sf.catalog(tree.district.id)
    plan = await sf.plan(manager, contents, ratio=Decimal(ratio))
    r = await client.post(f"{A}/plans/{plan.id}/draw", token=token, json={"seed": seed})
    assert r.status == 200, r
    return plan, contents


async def test_confirm_assign_adjust_enter_review_publish(client, deps, manager, tree, register, crew, owner, shop):
    token = await login_staff(client, "sjmgr")
    plan, contents = await _drawn_plan(client, manager, tree, token)
    targets = await Target.filter(plan_id=plan.id).order_by("id")
    assert len(targets) == 10  # 8 of 40 at the station, 2 of 10 at the bureau
    r = await client.post(f"{A}/plans/{plan.id}/finish_confirm", token=token)
    assert r.status == 409, r
    assert r.code == "INSPECTION_CONFIRM_PENDING", r
    skip = targets[0]
    r = await client.post(f"{A}/plans/{plan.id}/confirm", token=token,
                          json={"target_ids": [t.id for t in targets], "decision": "check"})
    assert r.status == 200, r
    assert r.data == {"updated": 10, "pending": 0}, r
    r = await client.post(f"{A}/plans/{plan.id}/confirm", token=token, json={"target_ids": [skip.id],
                                                                            "decision": "skip"})
    assert r.status == 200
    r = await client.get(f"{A}/plans/{plan.id}/targets", token=token, params={"confirm": "skip"})
    assert [x["id"] for x in r.data["items"]] == [skip.id]
    assert r.data["items"][0]["confirm_label"] == "确认不检查"
    r = await client.post(f"{A}/plans/{plan.id}/finish_confirm", token=token)
    assert r.status == 200, r
    assert r.data["status"] == "confirmed", r
    assert await Tally.filter(times=1).count() == 9
    # one station business recuses 天心01
    station_targets = [t for t in targets[1:] if t.org_id == tree.station.id]
    recused = station_targets[0]
    b = await recused.business
    r = await client.post(f"{A}/inspectors/{crew[0].id}/recusals", token=token, json={"code": b.uscc, "reason": "亲属"})
    assert r.status == 201, r
    r = await client.post(f"{A}/plans/{plan.id}/assign", token=token, json={"seed": 3})
    assert r.status == 200, r
    district_targets = [t for t in targets[1:] if t.org_id == tree.district.id]
    assert {u["id"] for u in r.data["unmatched"]} == {t.id for t in district_targets}  # no inspectors at the bureau
    assert all("执法人员不足" in u["unmatched_label"] for u in r.data["unmatched"])
    assert r.data["matched"] == len(station_targets)
    station_crew = {x.id for x in crew[:3]}
    for t in station_targets:
        team = set(await TeamMember.filter(target_id=t.id).values_list("inspector_id", flat=True))
        assert len(team) == 2
        assert team <= station_crew
    assert crew[0].id not in set(await TeamMember.filter(target_id=recused.id).values_list("inspector_id", flat=True))
    assert not await TeamMember.filter(target_id=skip.id).exists()
    r = await client.get(f"{A}/plans/{plan.id}/teams", token=token)
    assert sum(x["business_count"] for x in r.data) == 2 * len(station_targets)
    # adjustment: 天心02 → a new inspector, for all of 天心02's businesses
    from tests import factories

    newcomer_user = await factories.staff(deps, tree.station, ["inspector"], username="insp4")
    newcomer = await sf.inspector(newcomer_user)
    before = set(await TeamMember.filter(plan_id=plan.id, inspector_id=crew[1].id).values_list("target_id", flat=True))
    r = await client.post(f"{A}/plans/{plan.id}/adjust", token=token,
                          json={"from_inspector_id": crew[1].id, "to_inspector_id": crew[3].id, "reason": "出差"})
    assert r.status == 404, r
    assert r.code == "INSPECTOR_NOT_FOUND", r  # 江岸区 inspector: outside the scope
    bureau = await sf.inspector(await factories.staff(deps, tree.district, ["inspector"], username="insp5"))
    r = await client.post(f"{A}/plans/{plan.id}/adjust", token=token,
                          json={"from_inspector_id": crew[1].id, "to_inspector_id": bureau.id, "reason": "出差"})
    assert r.status == 422, r
    assert r.code == "INSPECTION_ADJUST_INVALID", r  # not the businesses' authority
    assert "登记机关" in r.data["problems"][0]["reason"]
    r = await client.post(f"{A}/plans/{plan.id}/adjust", token=token,
                          json={"from_inspector_id": crew[1].id, "to_inspector_id": newcomer.id,
                                "reason": "外地出差一段时间，无法抽查"})
    assert r.status == 200, r
    assert r.data["business_count"] == len(before), r
    after = set(await TeamMember.filter(plan_id=plan.id, inspector_id=newcomer.id).values_list("target_id", flat=True))
    assert after == before
    assert not await TeamMember.filter(plan_id=plan.id, inspector_id=crew[1].id).exists()
    # result entry: only an assigned inspector
    target = next(t for t in station_targets if t.id in after)
    team = set(await TeamMember.filter(target_id=target.id).values_list("inspector_id", flat=True))
    outsider = next(x for x in crew[:3] if x.id not in team and x.id != crew[1].id) if len(
        station_crew - team - {crew[1].id}) else None
    body = {"method": "on_site", "outcome": "normal", "handling": "一切正常", "checked_on": "2026-03-11",
            "answers": sf.answers(contents)}
    if outsider is not None:
        t_out = await login_staff(client, (await outsider.staff).username)
        r = await client.post(f"{A}/targets/{target.id}/enter", token=t_out, json=body)
        assert r.status == 403, r
        assert r.code == "INSPECTION_NOT_ASSIGNED", r
    t_new = await login_staff(client, "insp4")
    r = await client.get(f"{A}/tasks", token=t_new)
    assert target.id in {x["id"] for x in r.data["items"]}
    assert all(x["actions"] == ["enter"] for x in r.data["items"])
    bad = body | {"answers": [{"content_id": contents[0].id, "value": "不存在的选项"}]}
    r = await client.post(f"{A}/targets/{target.id}/enter", token=t_new, json=bad)
    assert r.status == 422, r
    assert r.code == "INSPECTION_ANSWERS_INVALID", r
    assert len(r.data["problems"]) == 4  # wrong option + three contents not answered
    r = await client.post(f"{A}/targets/{target.id}/enter", token=t_new, json=body)
    assert r.status == 200, r
    assert r.data["result_status"] == "entered", r
    assert r.data["result"]["answers"][1]["unit"] == "万元"
    # review: return, re-enter, publish
    r = await client.post(f"{A}/targets/{target.id}/review", token=token, json={"decision": "return",
                                                                               "comment": "请补充照片说明"})
    assert r.status == 200, r
    assert r.data["result_status"] == "returned", r
    r = await client.post(f"{A}/targets/{target.id}/review", token=token, json={"decision": "publish"})
    assert r.status == 409, r
    assert r.code == "INSPECTION_RESULT_STATE", r
    r = await client.post(f"{A}/targets/{target.id}/enter", token=t_new, json=body | {"note": "已补充"})
    assert r.status == 200
    r = await client.post(f"{A}/targets/{target.id}/review", token=token, json={"decision": "publish"})
    assert r.status == 200, r
    assert r.data["result_status"] == "published", r
    r = await client.post(f"{A}/targets/{target.id}/enter", token=t_new, json=body)
    assert r.status == 409, r
    assert r.code == "INSPECTION_RESULT_STATE", r
    # published results per business, and the inspected-business query with export
    r = await client.get(f"{A}/businesses/{target.business_id}/results", token=token)
    assert r.status == 200, r
    assert len(r.data["items"]) == 1, r
    assert r.data["items"][0]["result"]["outcome_label"] == "正常"
    r = await client.get(f"{A}/targets", token=token, params={"result_status": "published"})
    assert [x["id"] for x in r.data["items"]] == [target.id]
    r = await client.get(f"{A}/targets/export", token=token)
    assert r.status == 200
    assert r.headers["content-type"].startswith("application/vnd.openxml")
    r = await client.get(f"{A}/plans/{plan.id}/targets/export", token=token)
    assert r.status == 200
    assert await AuditLog.filter(action="inspection.result.publish").count() == 1


async def test_shop_owner_sees_only_own_published_results(client, manager, tree, shop, owner, crew):
    a, b, other = shop
    contents = await sf.catalog(tree.district.id)
    plan = await sf.plan(manager, contents, ratio=Decimal(100), status=PlanStatus.ASSIGNED)
    published = await Target.create(plan_id=plan.id, business_id=a.id, org_id=a.org_id, region_code=a.region_code,
                                    draw_key=1, confirm="check", result_status="published")
    await Target.create(plan_id=plan.id, business_id=b.id, org_id=b.org_id, region_code=b.region_code, draw_key=2,
                        confirm="check", result_status="entered")
    from datetime import UTC, date, datetime

    from getitong.supervision.models import Result

    await Result.create(target=published, method="on_site", outcome="normal", handling="正常",
                        checked_on=date(2026, 3, 1), entered_by_id=(await crew[0].staff).id,
                        entered_at=datetime.now(UTC))
    data = await login_person(client)
    token = data["token"]["access_token"]
    r = await client.get("/api/v1/mp/inspections", token=token)
    assert r.status == 200, r
    assert [x["id"] for x in r.data["items"]] == [published.id]
    assert r.data["items"][0]["plan_name"] == plan.name
