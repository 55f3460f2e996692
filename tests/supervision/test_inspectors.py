"""Inspector pool: add, edit, withdraw and restore, recusals, Excel import with its row-by-row report, export."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from getitong.supervision.importer import COLUMNS
from getitong.supervision.models import Inspector
from tests import factories
from tests.api.conftest import login_staff
from tests.supervision import factories as sf

A = sf.ADMIN
HEADER = [("*" if req else "") + h for h, _, req in COLUMNS]


def row(name, *, types="行政执法", category="市场监管", cert="鄂100020011", start="2024年1月1日", end="2028年7月1日"):
    return [name, "男", "研究生", types, category, "黄石", cert, start, end, "黄石市市场监督管理局", "食品安全", "在岗"]


async def test_import_reports_every_row(client, deps, manager, tree):
    names = {}
    for username, name, org in [("u_gu", "谷春林", tree.station), ("u_liu1", "刘勇", tree.station),
                                ("u_liu2", "刘勇", tree.district), ("u_jin", "金成", tree.station),
                                ("u_wh", "关胜美", tree.other_district), ("u_he", "何芳", tree.district)]:
        user = await factories.staff(deps, org, ["inspector"], username=username)
        user.name = name
        await user.save()
        names[username] = user
    await sf.inspector(names["u_jin"])  # already in the pool
    data = sf.xlsx(HEADER, [
        row("谷春林"),                                      # imported
        row("刘勇"),                                        # two users named 刘勇 → ambiguous
        row("关胜美"),                                      # only in 江岸区: no user in scope
        row("金成"),                                        # already in the pool → duplicate
        row("段清华", category=None),                        # required field missing
        row("何芳", types="专业技术、行政执法", start="2024-02-01"),  # imported, two types
        row("何芳"),                                        # same person twice in the file → duplicate
        row("谷春林", end="2028/13/40"),                     # bad date → invalid
        [None] * len(HEADER),                               # blank rows are skipped
    ])
    token = await login_staff(client, "sjmgr")
    r = await client.post(f"{A}/inspectors/imports", token=token,
                          files={"file": ("名录.xlsx", data, "application/octet-stream")})
    assert r.status == 200, r
    rep = r.data
    assert [(x["row"], x["name"], x["status"]) for x in rep["rows"]] == [
        (2, "谷春林", "imported"), (3, "刘勇", "ambiguous"), (4, "关胜美", "no_user"), (5, "金成", "duplicate"),
        (6, "段清华", "incomplete"), (7, "何芳", "imported"), (8, "何芳", "duplicate"), (9, "谷春林", "invalid")]
    assert rep["total"] == 8
    assert rep["imported"] == 2
    assert rep["failed"] == 6
    assert rep["counts"] == {"imported": 2, "incomplete": 1, "no_user": 1, "ambiguous": 1, "duplicate": 2,
                             "invalid": 1}
    assert rep["rows"][0]["org_name"] == tree.station.name
    assert rep["rows"][0]["status_label"] == "导入成功"
    assert rep["rows"][1]["status_label"] == "重名或有多个机关"
    assert rep["summary"].startswith("导入完成！共导入8条；成功导入2条；失败6条")
    assert "监督检查（执法）种类" in rep["rows"][4]["reason"]
    he = await Inspector.get(staff_id=names["u_he"].id)
    assert he.types == ["technical", "enforcement"]
    assert he.cert_valid_from.isoformat() == "2024-02-01"
    assert await Inspector.filter().count() == 3  # 金成 + the two imported
    # importing the same file again adds nothing
    r = await client.post(f"{A}/inspectors/imports", token=token, files={"file": ("名录.xlsx", data, "x")})
    assert r.data["imported"] == 0


async def test_import_refuses_a_wrong_file(client, manager):
    token = await login_staff(client, "sjmgr")
    r = await client.post(f"{A}/inspectors/imports", token=token, files={"file": ("a.xlsx", b"not excel", "x")})
    assert r.status == 415, r
    assert r.code == "INSPECTION_IMPORT_FILE_INVALID", r
    r = await client.post(f"{A}/inspectors/imports", token=token,
                          files={"file": ("a.xlsx", sf.xlsx(["姓名", "性别"], [["张三", "男"]]), "x")})
    assert r.status == 422, r
    assert r.code == "INSPECTION_IMPORT_HEADER_INVALID", r
    assert "人员类型" in r.message
    r = await client.get(f"{A}/inspectors/template", token=token)
    wb = load_workbook(io.BytesIO(r.body))
    assert [c.value for c in wb.worksheets[0][1]][:4] == ["*姓名", "性别", "学历", "*人员类型"]


async def test_pool_crud_withdraw_restore_recusal_export(client, deps, manager, tree, register):
    station, _, outside = register
    user = await factories.staff(deps, tree.station, ["inspector"], username="newbie")
    token = await login_staff(client, "sjmgr")
    body = {"staff_id": user.id, "types": ["enforcement"], "categories": ["市场监管"], "cert_no": "鄂0001",
            "cert_valid_from": "2026-01-01", "cert_valid_to": "2025-01-01"}
    r = await client.post(f"{A}/inspectors", token=token, json=body)
    assert r.status == 422, r
    r = await client.post(f"{A}/inspectors", token=token, json=body | {"cert_valid_to": "2030-01-01"})
    assert r.status == 201, r
    assert r.data["org_name"] == tree.station.name, r
    assert r.data["cert_valid"] is True, r
    iid = r.data["id"]
    r = await client.post(f"{A}/inspectors", token=token, json=body | {"cert_valid_to": "2030-01-01"})
    assert r.status == 409, r
    assert r.code == "INSPECTOR_EXISTS", r
    far = await factories.staff(deps, tree.other_district, ["inspector"], username="far")
    r = await client.post(f"{A}/inspectors", token=token, json=body | {"staff_id": far.id, "cert_valid_to": None})
    assert r.status == 404, r
    assert r.code == "INSPECTION_STAFF_NOT_FOUND", r
    r = await client.patch(f"{A}/inspectors/{iid}", token=token, json={"on_duty": False, "skills": ["计量"]})
    assert r.status == 200
    assert r.data["on_duty"] is False
    assert r.data["skills"] == ["计量"]
    r = await client.post(f"{A}/inspectors/{iid}/withdraw", token=token, json={"reason": "调离"})
    assert r.status == 200
    assert r.data["status_label"] == "已撤销"
    r = await client.post(f"{A}/inspectors/{iid}/withdraw", token=token, json={})
    assert r.status == 409
    assert r.code == "INSPECTOR_STATE"
    r = await client.get(f"{A}/inspectors", token=token)
    assert r.data["items"] == []
    r = await client.get(f"{A}/inspectors", token=token, params={"status": "withdrawn"})
    assert [x["id"] for x in r.data["items"]] == [iid]
    r = await client.post(f"{A}/inspectors/{iid}/restore", token=token, json={})
    assert r.status == 200
    assert r.data["status"] == "active"
    r = await client.get(f"{A}/inspectors", token=token, params={"category": "市场监管", "type": "enforcement"})
    assert [x["id"] for x in r.data["items"]] == [iid]
    r = await client.get(f"{A}/inspectors", token=token, params={"category": "价格检查"})
    assert r.data["items"] == []
    r = await client.post(f"{A}/inspectors/{iid}/recusals", token=token, json={"code": station[3].uscc,
                                                                              "reason": "近亲属经营"})
    assert r.status == 201, r
    rid = r.data["id"]
    r = await client.get(f"{A}/inspectors/{iid}", token=token)
    assert r.data["recusals"][0]["business_name"] == station[3].name
    r = await client.request("DELETE", f"{A}/inspectors/{iid}/recusals/{rid}", token=token)
    assert r.status == 200
    r = await client.get(f"{A}/inspectors/export", token=token)
    assert r.status == 200
    rows = list(load_workbook(io.BytesIO(r.body)).worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "姓名"
    assert rows[1][1] == tree.station.name
    assert rows[1][4] == "行政执法"
