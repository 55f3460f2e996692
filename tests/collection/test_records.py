"""Online entry, 记名 (matching), correction with 变更信息, deletion and the permission boundaries."""

from __future__ import annotations

from getitong.collection.models import CollectionChange, CollectionRecord
from getitong.risk.models import Penalty
from tests import factories
from tests.api.conftest import login_staff
from tests.collection.factories import BASE, license_fields, penalty_fields, support_fields

RECORDS = f"{BASE}/records"


def delete(client, path, token):
    return client.request("DELETE", path, token=token)


async def test_options_describe_each_form(client, gj):
    token = await login_staff(client, "gj")
    r = await client.get(f"{BASE}/options", token=token)
    assert r.status == 200, r
    assert [k["label"] for k in r.data["kinds"]] == ["行政许可", "行政处罚", "小微企业扶持"]
    assert [k["label"] for k in r.data["match_states"]] == ["记名成功", "记名不成功", "处理中"]
    license_ = {d["name"]: d for d in r.data["fields"]["license"]}
    assert license_["record_no"]["label"] == "许可文件编号"
    assert license_["record_no"]["required"]
    assert [o["value"] for o in license_["category"]["options"]] == ["普通", "特许", "认可", "核准", "登记", "其他"]
    assert license_["content"]["max_length"] == 1000
    assert license_["is_public"]["type"] == "bool"
    penalty = {d["name"]: d for d in r.data["fields"]["penalty"]}
    assert penalty["fine_amount"]["type"] == "money"
    assert not penalty["fine_amount"]["required"]
    assert {d["name"] for d in r.data["fields"]["support"]} >= {"basis", "content", "amount", "authority",
                                                               "decided_on"}


async def test_online_entry_after_finding_the_business_is_matched(client, shop, gj):
    a = shop[0]
    token = await login_staff(client, "gj")
    r = await client.post(RECORDS, token=token, json={"kind": "license", "business_id": a.id,
                                                      "fields": license_fields()})
    assert r.status == 201, r
    assert r.data["match_state"] == "matched"
    assert r.data["match_state_label"] == "记名成功"
    assert r.data["business"]["uscc"] == a.uscc
    assert r.data["subject_name"] == a.name
    assert r.data["channel_label"] == "在线录入"
    assert r.data["is_public"] is True
    assert r.data["fields"]["content"] == "预包装食品销售"
    assert r.data["source_org_name"] == "黄石市下陆区市场监督管理局"


async def test_online_entry_matched_by_code_name_or_not(client, deps, tree, shop, gj):
    a, b, _ = shop
    by_reg = await factories.business(deps, tree.station, name="下陆区老字号面馆", reg_no="420204600012345")
    twin1 = await factories.business(deps, tree.station, name="同名小店")
    await factories.business(deps, tree.other_district, name="同名小店")
    token = await login_staff(client, "gj")
    cases = [({"subject_code": a.uscc.lower()}, "matched", a.id, ""),
             ({"subject_code": by_reg.reg_no}, "matched", by_reg.id, ""),
             ({"subject_name": b.name}, "matched", b.id, ""),
             ({"subject_code": "92420204MA4X00000E"}, "unmatched", None, "未找到代码为92420204MA4X00000E的主体"),
             ({"subject_name": twin1.name}, "unmatched", None, "名称对应多个主体，请填写统一社会信用代码")]
    for i, (subject, state, business_id, note) in enumerate(cases):
        r = await client.post(RECORDS, token=token, json={"kind": "support", **subject,
                                                          "fields": support_fields(record_no=f"F{i}")})
        assert r.status == 201, r
        assert (r.data["match_state"], r.data["business_id"], r.data["match_note"]) == (state, business_id, note)
    r = await client.post(RECORDS, token=token, json={"kind": "support", "fields": support_fields()})
    assert r.status == 422
    assert r.code == "COLLECTION_SUBJECT_REQUIRED"


async def test_bad_fields_are_refused_in_chinese_and_nothing_is_written(client, shop, gj):
    token = await login_staff(client, "gj")
    r = await client.post(RECORDS, token=token, json={
        "kind": "penalty", "business_id": shop[0].id,
        "fields": penalty_fields(penalty_type="罚酒三杯", decided_on="2025-13-01", basis="x" * 2001)})
    assert r.status == 422, r
    assert r.code == "COLLECTION_FIELDS_INVALID", r
    assert "处罚种类应为以下之一" in r.message
    assert "处罚决定书日期格式不正确" in r.message
    assert "处罚依据超出长度限制（最多2000字）" in r.message
    r = await client.post(RECORDS, token=token, json={"kind": "license", "business_id": 99999,
                                                      "fields": license_fields()})
    assert r.status == 404
    assert r.code == "COLLECTION_BUSINESS_NOT_FOUND"
    r = await client.post(RECORDS, token=token, json={"kind": "license", "business_id": shop[0].id,
                                                      "fields": license_fields(valid_to="2020-01-01")})
    assert r.status == 422
    assert "有效期至不能早于有效期自" in r.message
    assert await CollectionRecord.all().count() == 0


async def test_same_record_again_updates_it(client, shop, gj):
    token = await login_staff(client, "gj")
    body = {"kind": "license", "subject_code": shop[0].uscc, "fields": license_fields()}
    first = await client.post(RECORDS, token=token, json=body)
    again = await client.post(RECORDS, token=token, json=body | {"fields": license_fields(content="热食类食品制售")})
    assert again.status == 200, again
    assert again.data["updated_existing"] is True, again
    assert again.data["id"] == first.data["id"]
    assert await CollectionRecord.all().count() == 1
    assert "重复提交" in again.data["changes"][0]["summary"]
    assert "许可内容" in again.data["changes"][0]["summary"]


async def test_correcting_an_unmatched_record_rematches_it_and_records_the_change(client, shop, gj):
    a = shop[0]
    token = await login_staff(client, "gj")
    r = await client.post(RECORDS, token=token, json={"kind": "penalty", "subject_code": "92420204MA4X00000X",
                                                      "fields": penalty_fields()})
    assert r.data["match_state"] == "unmatched"
    assert not await Penalty.exists()
    r = await client.patch(f"{RECORDS}/{r.data['id']}", token=token, json={"subject_code": a.uscc})
    assert r.status == 200, r
    assert r.data["match_state"] == "matched"
    assert r.data["business"]["id"] == a.id
    [change] = r.data["changes"]
    assert change["by"] == "测试人员"
    assert "统一社会信用代码/注册号" in change["summary"]
    assert "记名不成功 → 记名成功" in change["summary"]
    assert await CollectionChange.all().count() == 1
    r = await client.patch(f"{RECORDS}/{r.data['id']}", token=token, json={"fields": {"decided_on": "2025-13-01"}})
    assert r.status == 422
    assert r.code == "COLLECTION_FIELDS_INVALID"
    r = await client.get(RECORDS, token=token, params={"match_state": "unmatched"})
    assert r.data["items"] == []


async def test_delete_only_problem_data_of_own_department(client, shop, gj, wuhan_gj, handler):
    token = await login_staff(client, "gj")
    good = await client.post(RECORDS, token=token, json={"kind": "license", "business_id": shop[0].id,
                                                         "fields": license_fields()})
    bad = await client.post(RECORDS, token=token, json={"kind": "license", "subject_name": "查无此店",
                                                        "fields": license_fields("JY002")})
    r = await delete(client, f"{RECORDS}/{good.data['id']}", token)
    assert r.status == 409
    assert r.code == "COLLECTION_RECORD_MATCHED"
    other = await login_staff(client, "whgj")
    for method in ("DELETE", "GET"):
        r = await client.request(method, f"{RECORDS}/{bad.data['id']}", token=other)
        assert r.status == 404, r
        assert r.code == "COLLECTION_RECORD_NOT_FOUND", r
    r = await client.patch(f"{RECORDS}/{bad.data['id']}", token=other, json={"subject_name": "x"})
    assert r.status == 404
    wrong = await login_staff(client, "handler")
    for r in (await delete(client, f"{RECORDS}/{bad.data['id']}", wrong),
              await client.get(RECORDS, token=wrong),
              await client.post(RECORDS, token=wrong, json={"kind": "license", "subject_name": "x",
                                                            "fields": license_fields()})):
        assert r.status == 403, r
        assert r.code == "FORBIDDEN", r
    for path in (f"{BASE}/options", f"{BASE}/stats?year=2025", f"{BASE}/compare/template",
                 f"{BASE}/imports/xml-sample?kind=license", f"{BASE}/imports"):
        r = await client.get(path, token=wrong)
        assert r.status == 403, (path, r)
    r = await client.get(RECORDS, token=other)
    assert r.data["items"] == []
    r = await delete(client, f"{RECORDS}/{bad.data['id']}", token)
    assert (r.status, r.code) == (200, "OK")
    assert await CollectionRecord.filter(id=bad.data["id"]).count() == 0
    r = await client.get(RECORDS, token=None)
    assert r.status == 401


async def test_list_filters(client, shop, gj):
    token = await login_staff(client, "gj")
    await client.post(RECORDS, token=token, json={"kind": "license", "business_id": shop[0].id,
                                                  "fields": license_fields("JY-A")})
    await client.post(RECORDS, token=token, json={"kind": "penalty", "business_id": shop[1].id,
                                                  "fields": penalty_fields("罚-B")})
    await client.post(RECORDS, token=token, json={"kind": "support", "subject_name": "查无此店",
                                                  "fields": support_fields()})
    async def ids(**params):
        r = await client.get(RECORDS, token=token, params=params | {"limit": 2})
        assert r.status == 200, r
        return [(x["kind"], x["match_state"]) for x in r.data["items"]], r.data["next_cursor"]
    items, nxt = await ids()
    assert len(items) == 2
    assert nxt
    r = await client.get(RECORDS, token=token, params={"cursor": nxt})
    assert len(r.data["items"]) == 1
    assert (await ids(kind="penalty"))[0] == [("penalty", "matched")]
    assert (await ids(match_state="unmatched"))[0] == [("support", "unmatched")]
    assert (await ids(q=shop[0].uscc[-6:]))[0] == [("license", "matched")]
    assert (await ids(q="查无"))[0] == [("support", "unmatched")]
    assert (await ids(record_no="JY-"))[0] == [("license", "matched")]
    assert (await ids(business_id=shop[1].id))[0] == [("penalty", "matched")]
    assert len((await ids(updated_from="2000-01-01", limit=5))[0]) == 2
    assert (await ids(updated_to="2000-01-01"))[0] == []
