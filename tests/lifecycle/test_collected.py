"""信息归集 on the lifecycle: matched licences (许可), support (小微扶持) and penalties (处罚, via the risk mirror);
unmatched records stay off the timeline."""

from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import login_staff

URL = "/api/v1/admin/lifecycle"
RECORDS = "/api/v1/admin/collection/records"


async def test_collected_records_on_the_timeline(client, deps, tree, shop):
    a = shop[0]
    await factories.staff(deps, tree.district, [Role.DATA_CLERK.value], username="gj")
    token = await login_staff(client, "gj")
    bodies = [
        {"kind": "license", "business_id": a.id, "fields": {
            "record_no": "JY14202040000101", "name": "食品经营许可证", "authority": "黄石市下陆区市场监督管理局",
            "category": "普通", "valid_from": "2025-02-01", "content": "预包装食品销售", "status": "有效"}},
        {"kind": "support", "subject_code": a.uscc, "fields": {
            "basis": "《支持个体工商户发展的若干措施》", "content": "社保补贴", "amount": "0.24",
            "authority": "黄石市下陆区人社局", "decided_on": "2025-06-01"}},
        {"kind": "penalty", "subject_code": a.uscc, "fields": {
            "record_no": "黄下市监罚〔2025〕5号", "name": "未亮照经营案", "penalty_type": "警告", "basis": "《条例》",
            "violation_type": "未亮照", "content": "警告", "decided_on": "2025-04-01", "published_on": "2025-04-03",
            "authority": "黄石市下陆区市场监督管理局"}},
        {"kind": "license", "subject_name": "查无此店", "fields": {
            "record_no": "JY9", "name": "不该出现的许可", "authority": "局", "category": "普通", "content": "x",
            "status": "有效"}},
    ]
    for body in bodies:
        r = await client.post(RECORDS, token=token, json=body)
        assert r.status == 201, r
    r = await client.get(f"{URL}/{a.id}", token=token, params={"year": 2025})
    assert r.status == 200, r
    got = [(e["date"], e["kind_label"], e["title"]) for e in r.data["events"]]
    assert got == [("2025-06-01", "小微扶持", "小微企业扶持：社保补贴"), ("2025-04-01", "处罚", "行政处罚：警告"),
                   ("2025-02-01", "许可", "行政许可：食品经营许可证")]
    tabs = {t["kind"]: t["count"] for t in r.data["tabs"]}
    assert (tabs["permit"], tabs["support"], tabs["penalty"]) == (1, 1, 1)
