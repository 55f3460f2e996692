"""惩戒事项管理 (seed 004 §三.4.2–4.3): 导出 the selected matters or the query, 修改 a matter (decision fields, subjects,
entries — never dropping what already has feedback), 删除 a matter without feedback, and the inbox's 批量下载 excel;
every endpoint refuses the wrong actor and bad input without writing anything."""

import io
import xml.etree.ElementTree as ET

from openpyxl import load_workbook

from getitong.core.models import AuditLog
from getitong.punishment.models import Matter, MatterEntry, MatterSubject
from tests import factories

from .test_punishment import _catalog

A = "/api/v1/admin/punishment"


def r_items(reply) -> list[dict]:
    assert reply.status == 200, reply
    return reply.data["items"]


def _rows(body: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True))


async def _publish(client, token, business_ids, entry_ids, no="（2026）鄂02执1号", category="debtor"):
    r = await client.post(f"{A}/matters", token=token, json={
        "category": category, "business_ids": business_ids, "entry_ids": entry_ids, "decision_no": no,
        "decision_org": "黄石市中级人民法院", "decision_date": "2026-03-01", "expected_on": "2026-03-31",
        "requirements": "请于期限内落实并反馈"})
    assert r.status == 201, r
    return r.data["id"]


async def _feedback(client, cast, matter_id, business_id, entry_id):
    f = await client.post(f"{A}/inbox/{matter_id}/feedback", token=cast.tokens["judge"], json={
        "business_id": business_id, "entry_id": entry_id, "implemented_on": "2026-03-10", "measure": "已限制消费"})
    assert f.status == 201, f


async def test_export_selected_or_query(client, cast, shop):
    a, b, _ = shop
    court, land = await _catalog(client, cast)
    t = cast.tokens["manager"]
    m1 = await _publish(client, t, [a.id, b.id], [court, land], no="N-1")
    m2 = await _publish(client, t, [b.id], [land], no="N-2", category="dishonest")
    await _feedback(client, cast, m1, a.id, court)
    formula = '=HYPERLINK("http://x","点我")'
    assert (await client.request("PATCH", f"{A}/matters/{m2}", token=t, json={"requirements": formula})).status == 200

    r = await client.get(f"{A}/matters/export", params={"ids": f"{m1}"}, token=t)
    assert r.status == 200, r
    assert "xlsx" in r.headers["content-disposition"]
    assert "spreadsheetml" in r.headers["content-type"]
    rows = _rows(r.body)
    head = rows[0]
    assert head[0] == "事项编号"
    assert head[-1] == "反馈次数"
    by_name = {row[head.index("主体名称")]: row for row in rows[1:]}
    assert set(by_name) == {a.name, b.name}
    row_a = by_name[a.name]
    assert (row_a[0], row_a[1], row_a[2], row_a[head.index("统一社会信用代码/注册号")]) == (m1, "失信被执行人名单", "N-1",
                                                                                         a.uscc)
    assert row_a[head.index("惩戒目录")] == "限制部分高消费行为；限制取得政府供应土地"
    assert (row_a[-1], by_name[b.name][-1]) == (1, 0)

    # Both selected, and the current query (category) when nothing is selected.
    both = _rows((await client.get(f"{A}/matters/export", params={"ids": f"{m1},{m2}"}, token=t)).body)
    assert sorted(row[0] for row in both[1:]) == [m1, m1, m2]
    dishonest = _rows((await client.get(f"{A}/matters/export", params={"category": "dishonest"}, token=t)).body)
    assert [(row[0], row[2], row[6]) for row in dishonest[1:]] == [(m2, "N-2", formula)]  # text, not a formula
    cell = load_workbook(io.BytesIO((await client.get(f"{A}/matters/export", params={"ids": str(m2)},
                                                      token=t)).body)).active.cell(row=2, column=7)
    assert (cell.value, cell.data_type) == (formula, "s")
    by_q = _rows((await client.get(f"{A}/matters/export", params={"q": a.uscc}, token=t)).body)
    assert {row[0] for row in by_q[1:]} == {m1}
    # A search text longer than a code (a full decision number) is no code, never a 500.
    long_no = await _publish(client, t, [a.id], [court], no="（2026）鄂02执E2E117531号")
    for path in ("matters", "matters/export"):
        r = await client.get(f"{A}/{path}", params={"q": "（2026）鄂02执E2E117531号"}, token=t)
        assert r.status == 200, r
    assert [m["id"] for m in r_items(await client.get(f"{A}/matters", params={"q": "（2026）鄂02执E2E117531号"},
                                                      token=t))] == [long_no]
    judge = cast.tokens["judge"]
    assert [m["id"] for m in r_items(await client.get(f"{A}/inbox", params={"q": "（2026）鄂02执E2E117531号"},
                                                      token=judge))] == [long_no]
    lists = await client.get(f"{A}/lists", params={"kind": "abnormal", "q": "一个很长很长很长很长的主体名称检索词语与更多字"}, token=judge)
    assert lists.status == 200, lists

    # Refusals: another org's manager (404 like the detail), a liaison (403), no token, bad ids.
    wh = await client.get(f"{A}/matters/export", params={"ids": f"{m1}"}, token=cast.tokens["whmanager"])
    assert (wh.status, wh.code) == (404, "PUNISHMENT_MATTER_NOT_FOUND")
    assert _rows((await client.get(f"{A}/matters/export", token=cast.tokens["whmanager"])).body)[1:] == []
    assert (await client.get(f"{A}/matters/export", token=cast.tokens["judge"])).status == 403
    assert (await client.get(f"{A}/matters/export")).status == 401
    for bad in ("1,x", ",", "1;2", "9" * 25, "0", ",".join(["1"] * 1001)):
        r = await client.get(f"{A}/matters/export", params={"ids": bad}, token=t)
        assert (r.status, r.code) == (422, "VALIDATION_ERROR"), (bad, r)
    assert (await client.get(f"{A}/matters/export", params={"category": "gossip"}, token=t)).status == 422


async def test_modify_matter(client, cast, shop, deps, tree):
    a, b, other = shop
    c = await factories.business(deps, tree.station, name="下陆区新开杂货店", operator="王五")
    court, land = await _catalog(client, cast)
    t = cast.tokens["manager"]
    m = await _publish(client, t, [a.id, b.id], [court])
    await _feedback(client, cast, m, a.id, court)
    assert (await client.get(f"{A}/inbox", token=cast.tokens["surveyor"])).data["items"] == []

    r = await client.request("PATCH", f"{A}/matters/{m}", token=t, json={
        "decision_no": "（2026）鄂02执1号之一", "requirements": "请于四月底前反馈", "expected_on": None,
        "business_ids": [a.id, c.id], "entry_ids": [court, land]})
    assert r.status == 200, r
    assert (r.data["decision_no"], r.data["requirements"], r.data["expected_on"]) == (
        "（2026）鄂02执1号之一", "请于四月底前反馈", None)
    assert r.data["decision_org"] == "黄石市中级人民法院"  # absent fields stay
    assert sorted(x["business_id"] for x in r.data["subjects"]) == sorted([a.id, c.id])
    assert sorted(x["id"] for x in r.data["entries"]) == sorted([court, land])
    # The newly reached department (自然资源和规划局) now finds it in its inbox.
    [item] = (await client.get(f"{A}/inbox", token=cast.tokens["surveyor"])).data["items"]
    assert (item["id"], [x["name"] for x in item["entries"]]) == (m, ["限制取得政府供应土地"])
    log = await AuditLog.filter(action="punishment.update", target_id=str(m)).first()
    assert log.before["removed_business_ids"] == [b.id]
    assert log.before["expected_on"] == "2026-03-31"
    assert log.after["added_business_ids"] == [c.id]
    assert log.after["added_entry_ids"] == [land]
    assert log.after["requirements"] == "请于四月底前反馈"

    # Removing what already has feedback is refused, and nothing of the request is written.
    r = await client.request("PATCH", f"{A}/matters/{m}", token=t, json={
        "requirements": "改不了", "business_ids": [c.id]})
    assert (r.status, r.code, r.data) == (409, "PUNISHMENT_SUBJECT_HAS_FEEDBACK", {"business_ids": [a.id]})
    assert "反馈" in r.message
    r = await client.request("PATCH", f"{A}/matters/{m}", token=t, json={"requirements": "改不了",
                                                                        "entry_ids": [land]})
    assert (r.status, r.code, r.data) == (409, "PUNISHMENT_ENTRY_HAS_FEEDBACK", {"entry_ids": [court]})
    assert (await Matter.get(id=m)).requirements == "请于四月底前反馈"
    assert await MatterSubject.filter(matter_id=m).count() == 2
    # Removing an entry without feedback is fine: the land department no longer sees the matter.
    r = await client.request("PATCH", f"{A}/matters/{m}", token=t, json={"entry_ids": [court]})
    assert r.status == 200
    assert [x["id"] for x in r.data["entries"]] == [court]
    assert (await client.get(f"{A}/inbox", token=cast.tokens["surveyor"])).data["items"] == []

    # Subjects or entries out of scope, other org's manager, a liaison, no token, bad input.
    r = await client.request("PATCH", f"{A}/matters/{m}", token=t, json={"business_ids": [a.id, other.id]})
    assert (r.status, r.code, r.data) == (400, "PUNISHMENT_SUBJECTS_INVALID", {"business_ids": [other.id]})
    r = await client.request("PATCH", f"{A}/matters/{m}", token=t, json={"entry_ids": [court, 999999]})
    assert (r.status, r.code) == (404, "PUNISHMENT_ENTRY_NOT_FOUND")
    r = await client.request("PATCH", f"{A}/matters/{m}", token=cast.tokens["whmanager"], json={"requirements": "x"})
    assert (r.status, r.code) == (404, "PUNISHMENT_MATTER_NOT_FOUND")
    r = await client.request("PATCH", f"{A}/matters/{m}", token=cast.tokens["dmanager"], json={"requirements": "x"})
    assert (r.status, r.code) == (404, "PUNISHMENT_MATTER_NOT_FOUND")  # the city's matter, not the district's
    assert (await client.request("PATCH", f"{A}/matters/{m}", token=cast.tokens["judge"],
                                 json={"requirements": "x"})).status == 403
    assert (await client.request("PATCH", f"{A}/matters/{m}", json={"requirements": "x"})).status == 401
    assert (await client.request("PATCH", f"{A}/matters/999999", token=t, json={"requirements": "x"})).code == \
        "PUNISHMENT_MATTER_NOT_FOUND"
    for bad in ({"business_ids": []}, {"entry_ids": []}, {"decision_no": ""}, {"decision_no": None},
                {"requirements": None}, {"decision_date": "昨天"}, {"category": "dishonest"},
                {"requirements": "x" * 2001}, {"business_ids": [0]}):
        r = await client.request("PATCH", f"{A}/matters/{m}", token=t, json=bad)
        assert (r.status, r.code) == (422, "VALIDATION_ERROR"), (bad, r)
    assert (await Matter.get(id=m)).requirements == "请于四月底前反馈"
    assert await AuditLog.filter(action="punishment.update", target_id=str(m)).count() == 2
    # 期望执行时间 never before the decision: moved either way, the other date of the matter counts.
    r = await client.request("PATCH", f"{A}/matters/{m}", token=t, json={"expected_on": "2026-03-31"})
    assert r.status == 200, r
    before = await Matter.get(id=m)
    for bad in ({"expected_on": "2026-02-28"}, {"decision_date": "2026-04-30"},
                {"decision_date": "2026-05-02", "expected_on": "2026-05-01"}):
        r = await client.request("PATCH", f"{A}/matters/{m}", token=t, json=bad)
        assert (r.status, r.code) == (422, "PUNISHMENT_EXPECTED_BEFORE_DECISION"), (bad, r)
        assert "期望执行时间" in r.message
    after = await Matter.get(id=m)
    assert (after.decision_date, after.expected_on) == (before.decision_date, before.expected_on)
    r = await client.request("PATCH", f"{A}/matters/{m}", token=t, json={"decision_date": "2026-04-30",
                                                                           "expected_on": None})
    assert r.status == 200, r


async def test_delete_matter(client, cast, shop):
    a, b, _ = shop
    court, land = await _catalog(client, cast)
    t = cast.tokens["manager"]
    used = await _publish(client, t, [a.id], [court], no="N-used")
    fresh = await _publish(client, t, [a.id, b.id], [court, land], no="N-fresh")
    await _feedback(client, cast, used, a.id, court)

    r = await client.request("DELETE", f"{A}/matters/{used}", token=t)
    assert (r.status, r.code) == (409, "PUNISHMENT_MATTER_HAS_FEEDBACK")
    assert "反馈" in r.message
    assert await Matter.exists(id=used)
    for token, status in ((cast.tokens["whmanager"], 404), (cast.tokens["dmanager"], 404),
                          (cast.tokens["judge"], 403), (None, 401)):
        r = await client.request("DELETE", f"{A}/matters/{fresh}", token=token)
        assert r.status == status, (token, r)
    assert await Matter.exists(id=fresh)

    r = await client.request("DELETE", f"{A}/matters/{fresh}", token=t)
    assert r.status == 200, r
    assert not await Matter.exists(id=fresh)
    assert not await MatterSubject.exists(matter_id=fresh)
    assert not await MatterEntry.exists(matter_id=fresh)
    log = await AuditLog.get(action="punishment.delete", target_id=str(fresh))
    assert (log.before["decision_no"], log.before["business_ids"]) == ("N-fresh", [a.id, b.id])
    assert (await client.get(f"{A}/matters/{fresh}", token=t)).code == "PUNISHMENT_MATTER_NOT_FOUND"
    assert [x["id"] for x in (await client.get(f"{A}/inbox", token=cast.tokens["judge"])).data["items"]] == [used]
    assert (await client.request("DELETE", f"{A}/matters/{fresh}", token=t)).code == "PUNISHMENT_MATTER_NOT_FOUND"


async def test_inbox_excel_matches_xml(client, cast, shop):
    a, b, _ = shop
    court, land = await _catalog(client, cast)
    t = cast.tokens["manager"]
    m1 = await _publish(client, t, [a.id, b.id], [court, land], no="N-1")
    m2 = await _publish(client, t, [b.id], [court], no="N-2", category="dishonest")
    await _publish(client, t, [a.id], [land], no="N-land")  # not the court's
    await _feedback(client, cast, m1, b.id, court)
    judge = cast.tokens["judge"]

    x = await client.get(f"{A}/inbox/export", token=judge)
    assert x.headers["content-type"].startswith("application/xml")
    xml = {(int(el.get("id")), s.get("uscc")) for el in ET.fromstring(x.body).iter("matter")
           for s in el.iter("subject")}
    r = await client.get(f"{A}/inbox/export", params={"format": "xlsx"}, token=judge)
    assert r.status == 200, r
    assert "spreadsheetml" in r.headers["content-type"]
    rows = _rows(r.body)
    head = rows[0]
    assert {(row[0], row[head.index("统一社会信用代码/注册号")]) for row in rows[1:]} == xml == {
        (m1, a.uscc), (m1, b.uscc), (m2, b.uscc)}
    # Only the court's own entries and feedback.
    assert {row[head.index("惩戒目录")] for row in rows[1:]} == {"限制部分高消费行为"}
    assert {(row[0], row[head.index("主体名称")]): row[-1] for row in rows[1:]}[(m1, b.name)] == 1
    # The inbox filters apply to both formats.
    only = _rows((await client.get(f"{A}/inbox/export", params={"format": "xlsx", "category": "dishonest"},
                                   token=judge)).body)
    assert [row[0] for row in only[1:]] == [m2]
    only_xml = ET.fromstring((await client.get(f"{A}/inbox/export", params={"q": "N-2"}, token=judge)).body)
    assert [int(el.get("id")) for el in only_xml.iter("matter")] == [m2]

    assert (await client.get(f"{A}/inbox/export", params={"format": "csv"}, token=judge)).status == 422
    assert (await client.get(f"{A}/inbox/export", params={"format": "xlsx"}, token=t)).status == 403
    assert (await client.get(f"{A}/inbox/export", params={"format": "xlsx"})).status == 401
    wh = _rows((await client.get(f"{A}/inbox/export", params={"format": "xlsx"}, token=cast.tokens["whjudge"])).body)
    assert wh[1:] == []
