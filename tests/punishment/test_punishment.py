"""联合惩戒: catalog → a matter naming subjects (picked or from Excel) and entries → the entries' departments
receive it and report what they did → counts per year; and the lists as departments receive and download them."""

import io
import xml.etree.ElementTree as ET
from datetime import date

from openpyxl import Workbook, load_workbook

from getitong.punishment.models import ListDownload, Matter
from getitong.risk.models import Listing
from getitong.risk.workflow import ListingKind

A = "/api/v1/admin/punishment"
HIGH_SPENDING = {"name": "限制部分高消费行为", "proposing_org": "黄石市市场监督管理局",
                 "basis": "《最高人民法院关于限制被执行人高消费的若干规定》第一条、第三条",
                 "measures": "由执行法院依法限制其高消费行为"}
LAND = {"name": "限制取得政府供应土地", "proposing_org": "黄石市市场监督管理局",
        "basis": "《国务院关于促进市场公平竞争维护市场秩序的若干意见》第四条第（十五）项",
        "measures": "由国土资源管理部门依法限制其取得政府供应土地"}


def _xlsx(codes):
    wb = Workbook()
    ws = wb.active
    ws.append(["主体名称", "统一社会信用代码"])
    for c in codes:
        ws.append(["x", c])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


async def _catalog(client, cast):
    t = cast.tokens["manager"]
    court = await client.post(f"{A}/catalog", json=HIGH_SPENDING | {"department_id": cast.court.id}, token=t)
    land = await client.post(f"{A}/catalog", json=LAND | {"department_id": cast.land.id}, token=t)
    assert (court.status, land.status) == (201, 201), (court, land)
    return court.data["id"], land.data["id"]


async def test_publish_receive_feedback_and_count(client, cast, shop):
    a, b, other = shop
    court, land = await _catalog(client, cast)
    t = cast.tokens["manager"]
    dup = await client.post(f"{A}/catalog", json=HIGH_SPENDING | {"department_id": cast.court.id}, token=t)
    assert (dup.status, dup.code) == (409, "PUNISHMENT_ENTRY_TAKEN")
    parsed = await client.post(f"{A}/subjects/parse", token=t,
                               files={"file": ("主体.xlsx", _xlsx([a.uscc, b.uscc, other.uscc, "123"]))})
    assert parsed.status == 200, parsed
    assert sorted(x["name"] for x in parsed.data["items"]) == sorted([a.name, b.name])
    assert [(f["row"], f["reason"][:6]) for f in parsed.data["failed"]] == [(4, "登记库中无此"), (5, "统一社会信用")]

    r = await client.post(f"{A}/matters", token=t, json={
        "category": "debtor", "business_ids": [x["id"] for x in parsed.data["items"]], "entry_ids": [court, land],
        "decision_no": "（2026）鄂02执123号", "decision_org": "黄石市中级人民法院", "decision_date": "2026-03-01",
        "expected_on": "2026-03-31", "requirements": "请于期限内落实并反馈"})
    assert r.status == 201, r
    matter_id = r.data["id"]
    assert (r.data["category_label"], len(r.data["subjects"]), len(r.data["entries"])) == ("失信被执行人名单", 2, 2)

    box = await client.get(f"{A}/inbox", token=cast.tokens["judge"])
    [item] = box.data["items"]
    assert [x["name"] for x in item["entries"]] == ["限制部分高消费行为"]  # only the judge's department's entry
    assert (await client.get(f"{A}/inbox", token=cast.tokens["whjudge"])).data["items"] == []
    x = await client.get(f"{A}/inbox/export", token=cast.tokens["judge"])
    root = ET.fromstring(x.body)
    assert {s.get("uscc") for s in root.iter("subject")} == {a.uscc, b.uscc}

    f = await client.post(f"{A}/inbox/{matter_id}/feedback", token=cast.tokens["judge"], json={
        "business_id": a.id, "entry_id": court, "implemented_on": "2026-03-10",
        "measure": "已向其发出限制消费令", "note": "限制乘坐飞机、高铁一等座"})
    assert f.status == 201, f
    assert [(y["entry"], y["measure"]) for y in f.data["feedback"]] == [("限制部分高消费行为", "已向其发出限制消费令")]
    wrong_entry = await client.post(f"{A}/inbox/{matter_id}/feedback", token=cast.tokens["judge"], json={
        "business_id": a.id, "entry_id": land, "implemented_on": "2026-03-10", "measure": "限制土地"})
    assert (wrong_entry.status, wrong_entry.code) == (403, "PUNISHMENT_NOT_ADDRESSED")
    stranger = await client.post(f"{A}/inbox/{matter_id}/feedback", token=cast.tokens["judge"], json={
        "business_id": other.id, "entry_id": court, "implemented_on": "2026-03-10", "measure": "限制消费"})
    assert (stranger.status, stranger.code) == (403, "PUNISHMENT_NOT_ADDRESSED")
    assert (await client.post(f"{A}/inbox/{matter_id}/feedback", token=cast.tokens["whjudge"], json={
        "business_id": a.id, "entry_id": court, "implemented_on": "2026-03-10", "measure": "限制消费"})).code \
        == "PUNISHMENT_MATTER_NOT_FOUND"

    st = await client.get(f"{A}/stats", params={"year": "2026"}, token=t)
    assert (st.data["total"], st.data["by_entry"]) == (1, [{"entry": "限制部分高消费行为", "category": "debtor",
                                                             "count": 1}])
    assert {c["label"]: c["count"] for c in st.data["by_category"]}["失信被执行人名单"] == 1
    assert (await client.get(f"{A}/stats", params={"year": "2025"}, token=t)).data["total"] == 0
    listed = await client.get(f"{A}/matters", params={"q": a.uscc}, token=t)
    assert [m["id"] for m in listed.data["items"]] == [matter_id]
    assert listed.data["items"][0]["feedback"][0]["by"] == "测试人员"
    assert (await client.request("DELETE", f"{A}/catalog/{court}", token=t)).code == "PUNISHMENT_ENTRY_IN_USE"


async def test_lists_as_received_with_download_state(client, cast, shop, tree):
    a, b, other = shop
    for biz, kind in ((a, ListingKind.SERIOUS_VIOLATION), (b, ListingKind.INDIVIDUAL_ABNORMAL),
                      (other, ListingKind.SERIOUS_VIOLATION)):
        await Listing.create(business=biz, region_code=biz.region_code, org=biz.org, kind=kind, doc_no="X1",
                             list_reason="提交虚假材料取得登记", listed_on=date(2026, 1, 5), list_org=tree.district,
                             list_org_name="下陆区局")
    t = cast.tokens["judge"]
    serious = await client.get(f"{A}/lists", params={"kind": "serious_violation"}, token=t)
    assert [(x["business"]["name"], x["download_label"]) for x in serious.data["items"]] == [(a.name, "未下载")]
    abnormal = await client.get(f"{A}/lists", params={"kind": "abnormal"}, token=t)
    assert [x["business"]["name"] for x in abnormal.data["items"]] == [b.name]
    lid = serious.data["items"][0]["id"]
    d = await client.post(f"{A}/lists/download", json={"kind": "serious_violation", "ids": [lid]}, token=t)
    rows = list(load_workbook(io.BytesIO(d.body)).active.iter_rows(values_only=True))
    assert rows[1][:2] == (a.name, a.uscc)
    assert await ListDownload.filter(listing_id=lid).count() == 1
    done = await client.get(f"{A}/lists", params={"kind": "serious_violation", "downloaded": "true"}, token=t)
    assert [x["download_label"] for x in done.data["items"]] == ["已下载"]
    assert (await client.get(f"{A}/lists", params={"kind": "serious_violation", "downloaded": "false"},
                             token=t)).data["items"] == []
    # 江岸区's listing is the Wuhan court's, not Huangshi's.
    wh = await client.get(f"{A}/lists", params={"kind": "serious_violation"}, token=cast.tokens["whjudge"])
    assert [x["business"]["name"] for x in wh.data["items"]] == [other.name]
    bad = await client.post(f"{A}/lists/download", json={"kind": "serious_violation",
                                                         "ids": [wh.data["items"][0]["id"]]}, token=t)
    assert (bad.status, bad.code) == (403, "PUNISHMENT_NOT_ADDRESSED")


async def test_refusals(client, cast, shop, tree):
    a, _, other = shop
    court, _ = await _catalog(client, cast)
    body = {"category": "debtor", "business_ids": [a.id], "entry_ids": [court], "decision_no": "N1",
            "decision_org": "黄石市中级人民法院", "decision_date": "2026-03-01"}
    # A district manager cannot use the city's catalog; Wuhan cannot name a 下陆区 business.
    assert (await client.post(f"{A}/matters", json=body, token=cast.tokens["dmanager"])).code == \
        "PUNISHMENT_ENTRY_NOT_FOUND"
    r = await client.post(f"{A}/matters", json=body | {"business_ids": [other.id]}, token=cast.tokens["manager"])
    assert (r.status, r.code, r.data) == (400, "PUNISHMENT_SUBJECTS_INVALID", {"business_ids": [other.id]})
    assert (await client.get(f"{A}/matters", token=cast.tokens["judge"])).status == 403
    assert (await client.get(f"{A}/inbox", token=cast.tokens["manager"])).status == 403
    assert (await client.get(f"{A}/catalog", token=cast.tokens["desk"])).status == 403
    assert (await client.get(f"{A}/catalog")).status == 401
    assert (await client.post(f"{A}/catalog", json=LAND | {"department_id": cast.wuhan.id},
                              token=cast.tokens["manager"])).code == "NOTICE_DEPARTMENT_NOT_FOUND"
    assert (await client.post(f"{A}/matters", json=body | {"category": "gossip"},
                              token=cast.tokens["manager"])).status == 422
    r = await client.post(f"{A}/matters", json=body | {"expected_on": "2026-02-28"}, token=cast.tokens["manager"])
    assert (r.status, r.code, r.data) == (422, "PUNISHMENT_EXPECTED_BEFORE_DECISION",
                                          {"decision_date": "2026-03-01", "expected_on": "2026-02-28"})
    assert not await Matter.filter(decision_no="N1").exists()
    assert (await client.post(f"{A}/subjects/parse", token=cast.tokens["manager"],
                              files={"file": ("a.xlsx", b"not a workbook")})).code == "PUNISHMENT_EXCEL_INVALID"
    m = await client.post(f"{A}/matters", json=body, token=cast.tokens["manager"])
    assert (await client.get(f"{A}/matters/{m.data['id']}", token=cast.tokens["whmanager"])).code == \
        "PUNISHMENT_MATTER_NOT_FOUND"
