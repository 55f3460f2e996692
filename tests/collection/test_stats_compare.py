"""Statistics per seed 004 §四.2, 批量对比, and the penalty mirror (风险预警 / lifecycle)."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook

from getitong.collection import compare, importer, service
from getitong.collection.models import CollectionImport, CollectionRecord
from getitong.collection.workflow import JobStatus, Kind, MatchState
from getitong.risk.models import Penalty
from getitong.staff import service as staff_service
from tests import factories
from tests.api.conftest import login_staff
from tests.collection import factories as cf
from tests.collection.factories import BASE, license_fields, penalty_fields, support_fields

RECORDS = f"{BASE}/records"


async def _provide(client, token, kind, provided_on, **body):
    fields = {"license": license_fields, "penalty": penalty_fields, "support": support_fields}[kind]
    r = await client.post(RECORDS, token=token, json={"kind": kind, "fields": fields(
        **({"record_no": body.pop("no")} if "no" in body else {})), **body})
    assert r.status == 201, r
    await CollectionRecord.filter(id=r.data["id"]).update(provided_on=provided_on)
    return r.data["id"]


async def test_stats_for_a_known_set_across_two_years(client, shop, gj, wuhan_gj):
    a, _, other = shop  # a in 下陆区 (黄石市), other in 江岸区 (武汉市)
    token = await login_staff(client, "gj")
    await _provide(client, token, "license", date(2025, 3, 1), business_id=a.id, no="L1")
    await _provide(client, token, "license", date(2024, 5, 1), business_id=other.id, no="L2")
    await _provide(client, token, "license", date(2025, 7, 1), subject_name="查无此店", no="L3")
    await _provide(client, token, "license", date(2026, 1, 2), business_id=a.id, no="L4")  # after 2025
    await _provide(client, token, "penalty", date(2025, 4, 1), business_id=a.id)
    pending = await _provide(client, token, "support", date(2025, 8, 1), business_id=a.id)
    await CollectionRecord.filter(id=pending).update(match_state=MatchState.PENDING, business_id=None)
    await _provide(client, await login_staff(client, "whgj"), "license", date(2025, 3, 1), business_id=a.id, no="W")
    r = await client.get(f"{BASE}/stats", token=token, params={"year": 2025})
    assert r.status == 200, r
    assert r.data["cities"] == [{"region_code": "420100", "name": "武汉市"}, {"region_code": "420200", "name": "黄石市"}]
    rows = {(x["kind"], x["state"]): x for x in r.data["rows"]}
    assert len(rows) == 12
    assert rows[("license", "total")]["state_label"] == "合计"

    def cells(kind, state):
        x = rows[(kind, state)]
        return ((x["total"]["year"], x["total"]["cumulative"]),
                {c: (v["year"], v["cumulative"]) for c, v in x["by_city"].items()})

    assert cells("license", "total") == ((2, 3), {"420200": (2, 2), "420100": (0, 1)})
    assert cells("license", "matched") == ((1, 2), {"420200": (1, 1), "420100": (0, 1)})
    assert cells("license", "unmatched") == ((1, 1), {"420200": (1, 1), "420100": (0, 0)})
    assert cells("license", "pending") == ((0, 0), {"420200": (0, 0), "420100": (0, 0)})
    assert cells("penalty", "matched") == ((1, 1), {"420200": (1, 1), "420100": (0, 0)})
    assert cells("support", "pending") == ((1, 1), {"420200": (1, 1), "420100": (0, 0)})
    assert cells("support", "matched")[0] == (0, 0)
    assert r.data["provided"]["total"] == {"year": 4, "cumulative": 5}
    r = await client.get(f"{BASE}/stats", token=token, params={"year": 2024})
    rows = {(x["kind"], x["state"]): x for x in r.data["rows"]}
    assert rows[("license", "total")]["total"] == {"year": 1, "cumulative": 1}
    r = await client.get(f"{BASE}/stats", token=token, params={"year": "abc"})
    assert r.status == 422


async def test_rows_of_an_import_in_progress_count_as_pending_until_their_batch_is_done(client, deps, shop, gj,
                                                                                          wuhan_gj):
    token = await login_staff(client, "gj")
    data = cf.xlsx(cf.header(Kind.LICENSE), [cf.row(Kind.LICENSE, {"subject_code": shop[0].uscc, **license_fields(f"J{i}")})
                                             for i in range(3)])
    actor = await staff_service.load_actor(gj.id)
    job = await importer.start_import(deps, actor=actor, kind=Kind.LICENSE, file_name="排队中.xlsx", data=data)
    other = await importer.start_import(deps, actor=await staff_service.load_actor(wuhan_gj.id), kind=Kind.LICENSE,
                                        file_name="别的部门.xlsx", data=data)
    year = service.today().year

    async def cells(kind, state):
        r = await client.get(f"{BASE}/stats", token=token, params={"year": year})
        x = {(x["kind"], x["state"]): x for x in r.data["rows"]}[(kind, state)]
        return (x["total"]["year"], x["total"]["cumulative"]), x["by_city"]["420200"]["year"]

    # Queued: three rows waiting, in 黄石市 (the provider's city); the other department's job is not ours.
    assert await cells("license", "pending") == ((3, 3), 3)
    assert await cells("license", "total") == ((3, 3), 3)
    r = await client.get(f"{BASE}/stats", token=token, params={"year": year - 1})
    assert {(x["kind"], x["state"]): x for x in r.data["rows"]}[("license", "pending")]["total"] == \
        {"year": 0, "cumulative": 0}
    await CollectionImport.filter(id=job.id).update(status=JobStatus.RUNNING, done=1)
    assert await cells("license", "pending") == ((2, 2), 2)
    await CollectionImport.filter(id=job.id).update(status=JobStatus.PENDING, done=0)
    await importer.run_import(deps, job.id)
    assert await cells("license", "pending") == ((0, 0), 0)
    assert await cells("license", "matched") == ((3, 3), 3)
    assert (await CollectionImport.get(id=other.id)).status == JobStatus.PENDING


async def test_batch_compare(client, deps, tree, shop, gj, handler):
    a = shop[0]
    by_reg = await factories.business(deps, tree.station, name="下陆区老字号面馆", reg_no="420204600012345")
    token = await login_staff(client, "gj")
    r = await client.get(f"{BASE}/compare/template", token=token)
    assert r.status == 200
    assert [c.value for c in load_workbook(io.BytesIO(r.body)).worksheets[0][1]] == ["注册号", "统一社会信用代码", "主体名称"]
    data = cf.xlsx(compare.INPUT, [[by_reg.reg_no, None, by_reg.name], [None, a.uscc, "改过的名字"],
                                   [None, "92420204MA4X00000X", None], [None, None, "只有名称"]])
    r = await client.post(f"{BASE}/compare", token=token, files={"file": ("对比.xlsx", data, cf_xlsx())})
    assert r.status == 200, r
    rows = list(load_workbook(io.BytesIO(r.body), read_only=True).worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == compare.OUTPUT
    assert r.headers["X-Compare-Counts"] == "same=1;name_differs=1;not_found=1;failed=1;total=4"
    got = [(x[3], x[4], x[5]) for x in rows[1:]]
    assert got == [("一致", by_reg.name, by_reg.uscc), ("名称不一致", a.name, a.uscc), ("未找到", None, None),
                   (None, None, None)]
    assert rows[2][7] == "个体工商户"
    assert rows[2][8] == "存续（在营）"
    assert rows[2][10] == tree.station.name
    assert rows[4][-1] == "注册号、统一社会信用代码不能同时为空"
    for bad in (cf.xlsx(compare.INPUT, []), b"not a workbook"):
        r = await client.post(f"{BASE}/compare", token=token, files={"file": ("x.xlsx", bad, cf_xlsx())})
        assert r.status == 400, r
        assert r.code == "COLLECTION_FILE_INVALID", r
    wrong = await login_staff(client, "handler")
    r = await client.post(f"{BASE}/compare", token=wrong, files={"file": ("对比.xlsx", data, cf_xlsx())})
    assert r.status == 403


def cf_xlsx() -> str:
    from getitong.core.web import XLSX

    return XLSX


async def test_matched_penalty_is_mirrored_into_risk_and_follows_corrections(client, shop, gj):
    a, b, _ = shop
    token = await login_staff(client, "gj")
    r = await client.post(RECORDS, token=token, json={"kind": "penalty", "subject_code": a.uscc,
                                                      "fields": penalty_fields()})
    rid = r.data["id"]
    [p] = await Penalty.all()
    assert (p.business_id, p.doc_no, p.penalty_type, str(p.fine_amount.normalize())) == \
        (a.id, "黄下市监罚〔2025〕1号", "罚款", "0.5")
    assert p.decision_org_name == "黄石市下陆区市场监督管理局"
    assert p.org_id == a.org_id
    # Shown to the shop owner in 风险预警 and to staff in the risk list.
    r = await client.get("/api/v1/admin/risk-records", token=token, params={"kind": "penalty"})
    assert r.status == 200, r
    assert any(x.get("doc_no") == "黄下市监罚〔2025〕1号" for x in r.data["items"]), r
    r = await client.patch(f"{RECORDS}/{rid}", token=token, json={"subject_code": b.uscc,
                                                                  "fields": {"content": "罚款陆仟元"}})
    [p] = await Penalty.all()
    assert (p.business_id, p.content) == (b.id, "罚款陆仟元")
    r = await client.patch(f"{RECORDS}/{rid}", token=token, json={"subject_code": "92420204MA4X00000X",
                                                                  "subject_name": None})
    assert r.data["match_state"] == "unmatched"
    assert await Penalty.all().count() == 0
    r = await client.request("DELETE", f"{RECORDS}/{rid}", token=token)
    assert r.status == 200


async def test_a_penalty_already_in_risk_is_left_alone(client, shop, gj, tree):
    from tests.risk import factories as rf

    a = shop[0]
    theirs = await rf.penalty(a, tree.district, doc_no="黄下市监罚〔2025〕1号", content="风险预警录入")
    token = await login_staff(client, "gj")
    r = await client.post(RECORDS, token=token, json={"kind": "penalty", "business_id": a.id,
                                                      "fields": penalty_fields()})
    assert r.data["match_state"] == "matched"
    r = await client.patch(f"{RECORDS}/{r.data['id']}", token=token, json={"subject_code": "92420204MA4X00000X",
                                                                            "subject_name": None})
    assert r.data["match_state"] == "unmatched"
    [p] = await Penalty.all()
    assert (p.id, p.content) == (theirs.id, "风险预警录入")


async def test_out_of_range_ids_are_not_found(client, gj):
    token = await login_staff(client, "gj")
    r = await client.get(f"{RECORDS}/{2**70}", token=token)
    assert r.status == 404
    r = await client.get(f"{BASE}/imports/{2**70}", token=token)
    assert r.status == 404
