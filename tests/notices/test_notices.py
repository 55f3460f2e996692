"""双告知: a registration whose scope needs post-approval permits is told to the departments covering it; they
receive (one or in batch), download and answer; the query view colours the states and flags 3 days unreceived."""

import io
import xml.etree.ElementTree as ET
from datetime import date

from openpyxl import load_workbook

from getitong.notices import service
from getitong.notices.models import Notice
from getitong.notices.workflow import ApplicationType

ADMIN = "/api/v1/admin/notices"


async def _tell(business, scope="住宿服务；餐饮服务；日用百货销售", kind=ApplicationType.ESTABLISH):
    return await service.notify(business=business, scope_text=scope, application_type=kind,
                                approved_on=date(2026, 3, 2))


async def test_scope_matches_the_rules_of_the_departments_covering_the_business(cast, shop):
    a, _, other = shop
    created = await _tell(a)
    got = sorted((n.department_id, n.item, tuple(n.keywords)) for n in created)
    assert got == sorted([(cast.health.id, "公共场所卫生许可", ("住宿服务",)),
                          (cast.health.id, "食品经营许可", ("餐饮服务",)),
                          (cast.police.id, "特种行业许可证（旅馆业）", ("住宿服务",))])
    # 武汉's department never hears of a 下陆区 business; telling the same approval again creates nothing.
    assert await _tell(a) == []
    assert await Notice.filter(department_id=cast.wuhan.id).count() == 0
    assert [n.department_id for n in await _tell(other)] == [cast.wuhan.id]
    assert await _tell(a, scope="日用百货销售；文具用品零售") == []


async def test_receive_in_batch_download_and_answer(client, cast, shop):
    a, b, _ = shop
    await _tell(a)
    await _tell(b, scope="小餐饮；餐饮服务")
    tok = cast.tokens["liaison"]
    box = await client.get(f"{ADMIN}/inbox", params={"status": "unreceived"}, token=tok)
    assert box.status == 200, box
    assert box.data["counts"] == {"unreceived": 3, "received": 0, "answered": 0}
    food_b = next(i for i in box.data["items"] if i["business"]["name"] == b.name)
    assert (food_b["item"], food_b["keywords"], food_b["color"]) == ("食品经营许可", ["小餐饮", "餐饮服务"], "red")
    ids = [i["id"] for i in box.data["items"]]
    r = await client.post(f"{ADMIN}/inbox/receive", json={"ids": ids}, token=tok)
    assert (r.status, r.data["received"]) == (200, 3)
    r = await client.post(f"{ADMIN}/inbox/receive", json={"ids": ids[:1]}, token=tok)
    assert (r.status, r.code) == (409, "NOTICE_ACTION_NOT_ALLOWED")

    x = await client.get(f"{ADMIN}/inbox/export", params={"format": "xlsx"}, token=tok)
    rows = list(load_workbook(io.BytesIO(x.body)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("主体名称", "统一社会信用代码", "经营范围")
    assert sorted(r[0] for r in rows[1:]) == sorted([a.name, a.name, b.name])
    x = await client.get(f"{ADMIN}/inbox/export", params={"format": "xml"}, token=tok)
    root = ET.fromstring(x.body)
    assert (root.tag, root.get("count")) == ("notices", "3")
    assert {el.findtext("uscc") for el in root} == {a.uscc, b.uscc}

    r = await client.post(f"{ADMIN}/inbox/{food_b['id']}/answer", token=tok, json={"result": "issued"})
    assert (r.status, r.code) == (400, "NOTICE_CERTIFICATE_REQUIRED")
    r = await client.post(f"{ADMIN}/inbox/{food_b['id']}/answer", token=tok, json={
        "result": "issued", "cert_no": "JY14202040001234", "cert_name": "食品经营许可证",
        "issuing_authority": "黄石市下陆区市场监督管理局", "issued_on": "2026-03-06", "valid_from": "2026-03-06",
        "valid_to": "2031-03-05", "permit_content": "热食类食品制售"})
    assert r.status == 200, r
    assert (r.data["status_label"], r.data["color"], r.data["feedback"]["result_label"]) == ("已反馈", "green",
                                                                                             "已发证")
    assert r.data["feedback"]["answered_by"] == "测试人员"
    again = await client.post(f"{ADMIN}/inbox/{food_b['id']}/answer", token=tok, json={"result": "refused"})
    assert (again.status, again.code) == (409, "NOTICE_ACTION_NOT_ALLOWED")
    other = next(i for i in box.data["items"] if i["id"] != food_b["id"])
    r = await client.post(f"{ADMIN}/inbox/{other['id']}/answer", token=tok, json={"result": "other_level",
                                                                                   "remark": "由市局发证"})
    assert (r.status, r.data["feedback"]["result_label"]) == (200, "非本级发证")


async def test_query_view_colours_and_flags_three_days_unreceived(client, cast, shop, clock):
    a, _, _ = shop
    await _tell(a)
    clock.advance(days=3, seconds=1)
    q = await client.get(ADMIN, token=cast.tokens["manager"])
    assert q.status == 200, q
    assert {(i["item"], i["color"], i["unreceived_too_long"]) for i in q.data["items"]} == {
        ("公共场所卫生许可", "red", True), ("食品经营许可", "red", True), ("特种行业许可证（旅馆业）", "red", True)}
    police = next(i for i in q.data["items"] if i["department"]["id"] == cast.police.id)
    await client.post(f"{ADMIN}/inbox/receive", json={"ids": [police["id"]]}, token=cast.tokens["cop"])
    late = await client.get(ADMIN, params={"overdue": "true"}, token=cast.tokens["manager"])
    assert sorted(i["item"] for i in late.data["items"]) == ["公共场所卫生许可", "食品经营许可"]
    yellow = await client.get(ADMIN, params={"status": "received"}, token=cast.tokens["manager"])
    assert [(i["id"], i["color"], i["received_by"]) for i in yellow.data["items"]] == [(police["id"], "yellow",
                                                                                         "测试人员")]
    assert (await client.get(ADMIN, params={"q": a.uscc}, token=cast.tokens["citymanager"])).data["items"]
    assert (await client.get(ADMIN, token=cast.tokens["whmanager"])).data["items"] == []


async def test_staff_set_up_departments_rules_members_and_tell_a_change(client, cast, shop, tree):
    a, _, other = shop
    tok = cast.tokens["manager"]
    r = await client.post(f"{ADMIN}/departments", json={"name": "黄石市下陆区烟草专卖局", "org_id": tree.district.id},
                          token=tok)
    assert r.status == 201, r
    dept = r.data["id"]
    again = await client.post(f"{ADMIN}/departments", json={"name": "黄石市下陆区烟草专卖局",
                                                            "org_id": tree.district.id}, token=tok)
    assert (again.status, again.code) == (409, "NOTICE_DEPARTMENT_TAKEN")
    r = await client.post(f"{ADMIN}/rules", json={"keyword": "卷烟零售", "item": "烟草专卖零售许可证",
                                                  "department_id": dept}, token=tok)
    assert r.status == 201, r
    assert (await client.post(f"{ADMIN}/rules", json={"keyword": "卷烟零售", "item": "烟草专卖零售许可证",
                                                      "department_id": dept}, token=tok)).code == "NOTICE_RULE_TAKEN"
    r = await client.post(f"{ADMIN}/departments/{dept}/members", json={"username": "loner"}, token=tok)
    assert [m["username"] for m in r.data["members"]] == ["loner"]
    assert r.data["org_name"] == tree.district.name
    listed = await client.get(f"{ADMIN}/departments", token=tok)
    health = next(x for x in listed.data["items"] if x["id"] == cast.health.id)
    assert [m["username"] for m in health["members"]] == ["liaison"]
    bad = await client.post(f"{ADMIN}/departments/{dept}/members", json={"username": "desk"}, token=tok)
    assert (bad.status, bad.code) == (400, "NOTICE_MEMBER_INVALID")

    r = await client.post(f"{ADMIN}/notify", json={"business_id": a.id, "scope": "日用百货、卷烟零售",
                                                   "application_type": "change"}, token=tok)
    assert (r.status, r.data["created"]) == (201, 1)
    assert r.data["items"][0]["application_type_label"] == "变更登记"
    box = await client.get(f"{ADMIN}/inbox", token=cast.tokens["loner"])
    assert [i["item"] for i in box.data["items"]] == ["烟草专卖零售许可证"]
    outside = await client.post(f"{ADMIN}/notify", json={"business_id": other.id, "scope": "卷烟零售"}, token=tok)
    assert (outside.status, outside.code) == (404, "NOTICE_BUSINESS_NOT_FOUND")
    rules = await client.get(f"{ADMIN}/rules", token=tok)
    rid = next(x["id"] for x in rules.data["items"] if x["keyword"] == "卷烟零售")
    assert (await client.request("DELETE", f"{ADMIN}/rules/{rid}", token=tok)).status == 200
    assert (await client.get(f"{ADMIN}/departments", token=cast.tokens["whmanager"])).data["items"][0]["name"] \
        == "武汉市江岸区卫生健康局"


async def test_refusals(client, cast, shop, tree):
    a, _, other = shop
    mine = await _tell(a)
    theirs = await _tell(other)
    health_id = next(n.id for n in mine if n.department_id == cast.health.id)
    # Another department's liaison, a liaison of no department, staff without the permission, anonymous.
    r = await client.post(f"{ADMIN}/inbox/receive", json={"ids": [health_id]}, token=cast.tokens["cop"])
    assert (r.status, r.code) == (404, "NOTICE_NOT_FOUND")
    r = await client.post(f"{ADMIN}/inbox/receive", json={"ids": [health_id, theirs[0].id]},
                          token=cast.tokens["liaison"])
    assert (r.status, r.data) == (404, {"ids": [theirs[0].id]})
    assert (await Notice.get(id=health_id)).status.value == "unreceived"  # all or none
    assert (await client.get(f"{ADMIN}/inbox", token=cast.tokens["loner"])).code == "NOTICE_NOT_A_MEMBER"
    assert (await client.get(f"{ADMIN}/inbox", token=cast.tokens["desk"])).status == 403
    assert (await client.get(ADMIN, token=cast.tokens["liaison"])).status == 403  # no query view for departments
    assert (await client.get(ADMIN, token=cast.tokens["desk"])).status == 403
    assert (await client.get(f"{ADMIN}/inbox")).status == 401
    assert (await client.post(f"{ADMIN}/rules", json={"keyword": "理发", "item": "理发许可", "department_id": cast.wuhan.id},
                              token=cast.tokens["manager"])).code == "NOTICE_DEPARTMENT_NOT_FOUND"
    r = await client.post(f"{ADMIN}/departments", json={"name": "武汉某局", "org_id": tree.other_district.id},
                          token=cast.tokens["manager"])
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
    # Details: the department member and the managers in scope only.
    assert (await client.get(f"{ADMIN}/{health_id}", token=cast.tokens["liaison"])).status == 200
    assert (await client.get(f"{ADMIN}/{health_id}", token=cast.tokens["manager"])).status == 200
    assert (await client.get(f"{ADMIN}/{health_id}", token=cast.tokens["cop"])).code == "NOTICE_NOT_FOUND"
    assert (await client.get(f"{ADMIN}/{health_id}", token=cast.tokens["whmanager"])).code == "NOTICE_NOT_FOUND"
    assert (await client.get(f"{ADMIN}/{health_id}", token=cast.tokens["desk"])).status == 403
    # Bad input.
    assert (await client.post(f"{ADMIN}/inbox/receive", json={"ids": []}, token=cast.tokens["liaison"])).status == 422
    assert (await client.post(f"{ADMIN}/inbox/{health_id}/answer", json={"result": "maybe"},
                              token=cast.tokens["liaison"])).status == 422
    assert (await client.get(f"{ADMIN}/inbox/export", params={"format": "pdf"},
                             token=cast.tokens["liaison"])).status == 422
