"""Excel and XML import: counters, stored records, the failure report, duplicates, refusals, the template."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from getitong.collection import importer
from getitong.collection.models import CollectionImport, CollectionRecord
from getitong.collection.workflow import JobStatus, Kind, MatchState
from tests import factories
from tests.api.conftest import login_staff
from tests.collection import factories as cf
from tests.collection.factories import BASE, license_fields

IMPORTS = f"{BASE}/imports"
UNKNOWN = "92420204MA4X00000E"  # a well-formed code no business holds


async def upload(client, token, data: bytes, name: str = "导入.xlsx", kind: str = "license"):
    ctype = "application/xml" if name.endswith(".xml") else importer.XLSX
    return await client.post(IMPORTS, token=token, data={"kind": kind}, files={"file": (name, data, ctype)})


async def finished(client, token, job_id: int) -> dict:
    await importer.wait_all()
    r = await client.get(f"{IMPORTS}/{job_id}", token=token)
    assert r.status == 200, r
    assert r.data["status"] == "done", r
    return r.data


async def report_rows(client, token, job_id: int) -> list[tuple]:
    r = await client.get(f"{IMPORTS}/{job_id}/report", token=token)
    assert r.status == 200, r
    wb = load_workbook(io.BytesIO(r.body), read_only=True)
    return list(wb.worksheets[0].iter_rows(values_only=True))


async def _mixed(deps, tree, shop) -> list[dict]:
    """Two rows 记名成功, one 记名不成功, four refused by validation (in this order)."""
    by_reg = await factories.business(deps, tree.station, name="下陆区老字号面馆", reg_no="420204600012345")
    return [
        {"subject_code": shop[0].uscc, **license_fields("JY1")},
        {"subject_code": by_reg.reg_no, **license_fields("JY2")},
        {"subject_code": UNKNOWN, "subject_name": "查无此店", **license_fields("JY3")},
        {"subject_code": shop[1].uscc, **license_fields("JY4", content=None)},
        {"subject_code": shop[1].uscc, **license_fields("JY5", valid_from="2025-13-01")},
        {"subject_code": shop[1].uscc, **license_fields("JY6", content="长" * 1001)},
        {**license_fields("JY7")},
    ]


def _check_counters(job: dict) -> None:
    assert (job["total"], job["done"], job["matched"], job["unmatched"], job["failed"], job["stored"]) == \
        (7, 7, 2, 1, 4, 3), job
    assert job["progress"] == 100
    assert job["report_url"]


async def _check_records(shop) -> None:
    rows = await CollectionRecord.all().order_by("id")
    assert [(r.record_no, r.match_state) for r in rows] == [
        ("JY1", MatchState.MATCHED), ("JY2", MatchState.MATCHED), ("JY3", MatchState.UNMATCHED)]
    assert rows[0].business_id == shop[0].id
    assert rows[2].match_note == f"未找到代码为{UNKNOWN}的主体；未找到名称为查无此店的主体"


async def test_excel_import_counts_records_and_report(client, deps, tree, shop, gj):
    token = await login_staff(client, "gj")
    rows = await _mixed(deps, tree, shop)
    data = cf.xlsx(cf.header(Kind.LICENSE), [cf.row(Kind.LICENSE, r) for r in rows])
    r = await upload(client, token, data)
    assert r.status == 202, r
    assert r.data["status"] == "pending"
    assert r.data["channel"] == "excel"
    assert r.data["org_name"]
    job = await finished(client, token, r.data["id"])
    _check_counters(job)
    await _check_records(shop)
    report = await report_rows(client, token, job["id"])
    assert report[0][0] == "原行号"
    assert report[0][-1] == "失败原因"
    reasons = {row[0]: row[-1] for row in report[1:]}
    assert set(reasons) == {4, 5, 6, 7, 8}
    assert reasons[5] == "许可内容不能为空"
    assert reasons[6] == "有效期自格式不正确（应为 YYYY-MM-DD）"
    assert reasons[7] == "许可内容超出长度限制（最多1000字）"
    assert reasons[8] == "统一社会信用代码/注册号与主体名称不能同时为空"
    assert reasons[4].startswith("记名不成功：未找到代码为")
    # The same file again: the stored rows are updated, never duplicated.
    r = await upload(client, token, data)
    job = await finished(client, token, r.data["id"])
    assert (job["stored"], job["updated"], job["matched"], job["unmatched"], job["failed"]) == (0, 3, 2, 1, 4)
    assert await CollectionRecord.all().count() == 3
    r = await client.get(f"{BASE}/records/{(await CollectionRecord.get(record_no='JY1')).id}", token=token)
    assert "重复提交" in r.data["changes"][0]["summary"]


async def test_xml_import_same_rules(client, deps, tree, shop, gj):
    token = await login_staff(client, "gj")
    rows = await _mixed(deps, tree, shop)
    r = await upload(client, token, cf.xml(Kind.LICENSE, rows), name="许可.xml")
    assert r.status == 202, r
    assert r.data["channel"] == "xml"
    assert r.data["total"] == 7
    job = await finished(client, token, r.data["id"])
    _check_counters(job)
    await _check_records(shop)
    reasons = {row[0]: row[-1] for row in (await report_rows(client, token, job["id"]))[1:]}
    assert set(reasons) == {3, 4, 5, 6, 7}
    assert reasons[4] == "许可内容不能为空"


async def test_bad_files_are_refused_in_chinese(client, shop, gj):
    token = await login_staff(client, "gj")
    doctype = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><records kind="license"><record>'
               b"<subject_name>&a;</subject_name></record></records>")
    cases = [
        (doctype, "x.xml", "COLLECTION_XML_DOCTYPE"),
        (b'<records kind="license"><record><subject_name>x</record></records>', "x.xml", "COLLECTION_XML_INVALID"),
        (b'<records kind="penalty"></records>', "x.xml", "COLLECTION_KIND_MISMATCH"),
        (b"<rows></rows>", "x.xml", "COLLECTION_XML_INVALID"),
        (b"just text", "x.txt", "COLLECTION_FILE_INVALID"),
        (b"PK\x03\x04broken", "x.xlsx", "COLLECTION_FILE_INVALID"),
        (cf.xlsx(["主体名称", "许可文件编号"], [["x", "y"]]), "x.xlsx", "COLLECTION_HEADER_INVALID"),
    ]
    for data, name, code in cases:
        r = await upload(client, token, data, name=name)
        assert r.status == 400, (name, r)
        assert r.code == code, (name, r)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in r.message)
    r = await client.post(IMPORTS, token=token, data={"kind": "license"})
    assert r.status == 400
    assert r.code == "COLLECTION_FILE_INVALID"
    assert await CollectionImport.all().count() == 0


async def test_template_round_trip_and_xml_sample(client, shop, gj):
    token = await login_staff(client, "gj")
    for kind in ("license", "penalty", "support"):
        r = await client.get(f"{IMPORTS}/template", token=token, params={"kind": kind})
        assert r.status == 200
        assert "attachment" in r.headers["content-disposition"]
        wb = load_workbook(io.BytesIO(r.body))
        assert wb.sheetnames[1] == "填写说明"
        ws = wb.worksheets[0]
        header = [c.value for c in ws[1]]
        assert header[:2] == ["统一社会信用代码/注册号", "主体名称"]
        ws.cell(row=2, column=1, value=shop[0].uscc)  # the example row, pointed at a real business
        buf = io.BytesIO()
        wb.save(buf)
        r = await upload(client, token, buf.getvalue(), kind=kind)
        assert r.status == 202, r
        job = await finished(client, token, r.data["id"])
        assert (job["total"], job["matched"], job["failed"]) == (1, 1, 0), job
        r = await client.get(f"{IMPORTS}/{job['id']}/report", token=token)
        assert r.status == 404
        assert r.code == "COLLECTION_REPORT_MISSING"
        r = await client.get(f"{IMPORTS}/xml-sample", token=token, params={"kind": kind})
        assert r.status == 200
        assert b"<records kind=" in r.body
        r = await upload(client, token, r.body.replace(b"92420204MA4EXAMPLE", shop[1].uscc.encode()),
                         name="sample.xml", kind=kind)
        assert r.status == 202, r
        job = await finished(client, token, r.data["id"])
        assert (job["total"], job["matched"], job["failed"]) == (1, 1, 0), job


async def test_jobs_are_scoped_and_listed(client, shop, gj, wuhan_gj, handler):
    token = await login_staff(client, "gj")
    data = cf.xlsx(cf.header(Kind.LICENSE), [cf.row(Kind.LICENSE, {"subject_code": UNKNOWN, **license_fields()})])
    r = await upload(client, token, data)
    job = await finished(client, token, r.data["id"])
    r = await client.get(IMPORTS, token=token, params={"kind": "license", "status": "done"})
    assert [j["id"] for j in r.data["items"]] == [job["id"]]
    r = await client.get(IMPORTS, token=token, params={"kind": "penalty"})
    assert r.data["items"] == []
    other = await login_staff(client, "whgj")
    for path in (f"{IMPORTS}/{job['id']}", f"{IMPORTS}/{job['id']}/report"):
        r = await client.get(path, token=other)
        assert r.status == 404
        assert r.code == "COLLECTION_IMPORT_NOT_FOUND"
    assert (await client.get(IMPORTS, token=other)).data["items"] == []
    wrong = await login_staff(client, "handler")
    assert (await upload(client, wrong, data)).status == 403
    assert (await client.get(f"{IMPORTS}/template", token=wrong, params={"kind": "license"})).status == 403


async def test_rows_wait_as_pending_then_an_interrupted_job_leaves_problem_data(client, deps, shop, gj):
    token = await login_staff(client, "gj")
    data = cf.xlsx(cf.header(Kind.LICENSE), [cf.row(Kind.LICENSE, {"subject_code": shop[0].uscc, **license_fields()})])
    r = await upload(client, token, data)
    await importer.wait_all()
    job = await CollectionImport.get(id=r.data["id"])
    assert job.status == JobStatus.DONE
    # A job whose process died while its rows were 处理中.
    rec = await CollectionRecord.get(import_job_id=job.id)
    await CollectionRecord.filter(id=rec.id).update(match_state=MatchState.PENDING, business_id=None)
    await CollectionImport.filter(id=job.id).update(status=JobStatus.RUNNING)
    r = await client.get(f"{BASE}/records", token=token, params={"match_state": "pending"})
    assert [x["match_state_label"] for x in r.data["items"]] == ["处理中"]
    assert await importer.recover_stale(-60) == 1
    job = await CollectionImport.get(id=job.id)
    assert job.status == JobStatus.FAILED
    assert "中断" in job.error
    rec = await CollectionRecord.get(id=rec.id)
    assert rec.match_state == MatchState.UNMATCHED
    assert "中断" in rec.match_note


async def test_small_batches_and_a_row_repeated_later_in_the_file(client, shop, gj, monkeypatch):
    monkeypatch.setenv("COLLECTION_IMPORT_BATCH_SIZE", "2")
    token = await login_staff(client, "gj")
    rows = [{"subject_code": shop[0].uscc, **license_fields("JY1")},
            {"subject_code": shop[1].uscc, **license_fields("JY2")},
            {"subject_code": UNKNOWN, **license_fields("JY3")},
            {"subject_code": shop[1].uscc, **license_fields("JY4", status="过期")},
            {"subject_code": shop[0].uscc, **license_fields("JY1", content="热食类食品制售")}]
    r = await upload(client, token, cf.xlsx(cf.header(Kind.LICENSE), [cf.row(Kind.LICENSE, x) for x in rows]))
    job = await finished(client, token, r.data["id"])
    assert (job["total"], job["done"], job["stored"], job["updated"], job["matched"], job["unmatched"],
            job["failed"]) == (5, 5, 3, 1, 2, 1, 1), job
    rec = await CollectionRecord.get(record_no="JY1")
    assert rec.fields["content"] == "热食类食品制售"
    assert rec.match_state == MatchState.MATCHED
    reasons = {row[0]: row[-1] for row in (await report_rows(client, token, job["id"]))[1:]}
    assert reasons == {4: f"记名不成功：未找到代码为{UNKNOWN}的主体", 5: "当前状态应为以下之一：有效、无效"}
