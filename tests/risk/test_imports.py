
"""Excel import: template, row-by-row validation, failure report, idempotency, streaming memory."""

from __future__ import annotations

import io
import random
import tracemalloc
from datetime import date

import pytest
from openpyxl import load_workbook

from getitong.core.models import AuditLog
from getitong.entities.generator import make_uscc
from getitong.entities.models import EntityKind
from getitong.risk import importer
from getitong.risk.models import Listing, Penalty, RiskImport
from getitong.risk.workflow import ImportKind, ImportStatus, ListingKind, ListingStatus
from tests import factories
from tests.api.conftest import login_staff
from tests.conftest import STACK
from tests.risk import factories as rf

IMPORTS = "/api/v1/admin/risk-records/imports"


async def upload(client, token, kind: str, data: bytes, name: str = "导入.xlsx"):
    return await client.post(IMPORTS, token=token, data={"kind": kind},
                             files={"file": (name, data, importer.XLSX)})


async def finished(client, token, job_id: int) -> dict:
    await importer.wait_all()
    r = await client.get(f"{IMPORTS}/{job_id}", token=token)
    assert r.status == 200, r
    assert r.data["status"] == "done", r
    return r.data


async def report_rows(client, token, job_id: int) -> list[tuple]:
    r = await client.get(f"{IMPORTS}/{job_id}/report", token=token)
    assert r.status == 200, r
    assert r.headers["content-type"].startswith(importer.XLSX)
    wb = load_workbook(io.BytesIO(r.body), read_only=True)
    return list(wb.worksheets[0].iter_rows(values_only=True))


def bad_check_char(code: str) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    return code[:17] + alphabet[(alphabet.index(code[17]) + 1) % 31]


async def test_template_has_the_chinese_headers(client, risk_clerk):
    token = await login_staff(client, "riskclerk")
    for kind, must in (("penalties", ["*统一社会信用代码/注册号", "*处罚决定书文号", "罚款金额（万元）", "*公示日期"]),
                       ("listings", ["*名单类型", "*列入文号", "*列入日期", "移出原因", "移出日期"])):
        r = await client.get(f"{IMPORTS}/template", token=token, params={"kind": kind})
        assert r.status == 200, r
        assert "attachment" in r.headers["content-disposition"]
        wb = load_workbook(io.BytesIO(r.body))
        header = [c.value for c in wb.worksheets[0][1]]
        for h in must:
            assert h in header
        assert wb.sheetnames[1] == "填写说明"


async def test_penalty_import_counts_and_failure_report(client, deps, tree, shop, risk_clerk):
    a, b, other = shop
    by_reg = await factories.business(deps, tree.station, name="下陆区老字号面馆", operator="王五",
                                      reg_no="420204600012345")
    unknown = make_uscc(random.Random(7), "420204", EntityKind.INDIVIDUAL)
    rows = [
        rf.penalty_row(a.uscc, "黄下市监罚〔2025〕11号", fine_amount="0.3", decision_org_name=tree.station.name),
        rf.penalty_row(by_reg.reg_no, "黄下市监罚〔2025〕12号", decided_on="2025/02/03", published_on="2025年2月5日"),
        rf.penalty_row(bad_check_char(b.uscc), "黄下市监罚〔2025〕13号"),
        rf.penalty_row(unknown, "黄下市监罚〔2025〕14号"),
        rf.penalty_row(b.uscc, None),
        rf.penalty_row(b.uscc, "黄下市监罚〔2025〕16号", decided_on="2025-13-40"),
        rf.penalty_row(b.uscc, "黄下市监罚〔2025〕17号", fine_amount=-1),
        rf.penalty_row(other.uscc, "江岸市监罚〔2025〕1号"),
        rf.penalty_row(a.uscc, "黄下市监罚〔2025〕11号"),
        rf.penalty_row(b.uscc, "黄下市监罚〔2025〕19号", decision_org_name="不存在的市场监管局"),
        [None] * 13,  # a blank line is not a data row
    ]
    token = await login_staff(client, "riskclerk")
    r = await upload(client, token, "penalties", rf.xlsx(rf.headers(ImportKind.PENALTIES), rows))
    assert r.status == 202, r
    assert r.data["status"] == "pending"
    job = await finished(client, token, r.data["id"])
    assert (job["total"], job["imported"], job["failed"], job["done"]) == (10, 2, 8, 10)
    assert job["report_url"].endswith(f"/imports/{job['id']}/report")

    saved = {p.doc_no: p for p in await Penalty.all()}
    assert set(saved) == {"黄下市监罚〔2025〕11号", "黄下市监罚〔2025〕12号"}
    first = saved["黄下市监罚〔2025〕11号"]
    assert (first.business_id, str(first.fine_amount.normalize()), first.decision_org_id) == (a.id, "0.3",
                                                                                              tree.station.id)
    second = saved["黄下市监罚〔2025〕12号"]
    assert (second.business_id, second.decided_on, second.published_on) == (by_reg.id, date(2025, 2, 3),
                                                                             date(2025, 2, 5))
    assert second.decision_org_id == tree.district.id  # blank deciding org: the clerk's own

    report = await report_rows(client, token, job["id"])
    header, body = report[0], report[1:]
    assert header[-2:] == ("失败原因", "原行号")
    assert header[:-2] == tuple(rf.headers(ImportKind.PENALTIES))
    reasons = {row[-1]: row[-2] for row in body}
    assert set(reasons) == {4, 5, 6, 7, 8, 9, 10, 11}
    assert "统一社会信用代码校验位错误" in reasons[4]
    assert "未找到" in reasons[5]
    assert "处罚决定书文号不能为空" in reasons[6]
    assert "处罚决定书日期" in reasons[7]
    assert "日期格式不正确" in reasons[7]
    assert "罚款金额（万元）不能为负数" in reasons[8]
    assert "不在本机构数据范围内" in reasons[9]
    assert "与本文件第2行重复" in reasons[10]
    assert "不存在的市场监管局" in reasons[11]
    # The original cells come back unchanged, so staff can fix them in place.
    row4 = next(row for row in body if row[-1] == 4)
    assert row4[0] == bad_check_char(b.uscc)
    assert row4[2] == "黄下市监罚〔2025〕13号"

    actions = [a.action for a in await AuditLog.filter(target_type="risk_import").order_by("id")]
    assert actions[0] == "risk.import.start"
    assert actions[-1] == "risk.import.finish"
    assert "risk.import.batch" in actions


async def test_reimport_does_not_duplicate_and_report_can_be_reimported(client, shop, risk_clerk):
    a, b, _ = shop
    token = await login_staff(client, "riskclerk")
    data = rf.xlsx(rf.headers(ImportKind.PENALTIES), [rf.penalty_row(a.uscc, "罚〔2025〕1号"),
                                                      rf.penalty_row(b.uscc, "罚〔2025〕2号", fine_amount="abc")])
    first = await finished(client, token, (await upload(client, token, "penalties", data)).data["id"])
    assert (first["imported"], first["failed"]) == (1, 1)
    again = await finished(client, token, (await upload(client, token, "penalties", data)).data["id"])
    assert (again["total"], again["imported"], again["failed"]) == (2, 0, 2)
    assert await Penalty.filter(doc_no="罚〔2025〕1号").count() == 1
    reasons = {row[-1]: row[-2] for row in (await report_rows(client, token, again["id"]))[1:]}
    assert reasons[2].startswith("已存在")
    assert "罚款金额（万元）应为数字" in reasons[3]

    # Staff fix the failure report in place and import it as it is (失败原因/原行号 are ignored).
    wb = load_workbook(io.BytesIO((await client.get(f"{IMPORTS}/{first['id']}/report", token=token)).body))
    ws = wb.worksheets[0]
    ws.cell(row=2, column=9).value = 0.5
    buf = io.BytesIO()
    wb.save(buf)
    fixed = await finished(client, token, (await upload(client, token, "penalties", buf.getvalue())).data["id"])
    assert (fixed["total"], fixed["imported"], fixed["failed"]) == (1, 1, 0)
    assert fixed["report_url"] is None
    r = await client.get(f"{IMPORTS}/{fixed['id']}/report", token=token)
    assert (r.status, r.code) == (404, "RISK_IMPORT_REPORT_MISSING")


async def test_listing_import_with_removed_history_and_kind_check(client, deps, tree, shop, risk_clerk):
    a, b, _ = shop
    firm = await factories.business(deps, tree.station, name="黄石下陆某某有限公司", operator="赵六",
                                    kind=EntityKind.ENTERPRISE)
    rows = [
        rf.listing_row(a.uscc, "黄下市监异〔2025〕1号"),
        rf.listing_row(b.uscc, "黄下市监异〔2025〕2号", remove_reason="依法补报了年度报告",
                       removed_on="2025-06-01"),
        rf.listing_row(firm.uscc, "黄下市监异〔2025〕3号", kind="企业经营异常名录"),
        rf.listing_row(firm.uscc, "黄下市监严〔2025〕1号", kind="严重违法失信名单",
                       list_reason="被列入经营异常名录届满3年仍未履行相关义务"),
        rf.listing_row(firm.uscc, "黄下市监异〔2025〕5号"),  # 个体户状态 on an enterprise
        rf.listing_row(a.uscc, "黄下市监异〔2025〕6号", kind="黑名单"),
        rf.listing_row(a.uscc, "黄下市监异〔2025〕7号", removed_on="2025-06-01"),
        rf.listing_row(a.uscc, "黄下市监异〔2025〕8号", remove_reason="已整改", removed_on="2025-01-01"),
    ]
    token = await login_staff(client, "riskclerk")
    r = await upload(client, token, "listings", rf.xlsx(rf.headers(ImportKind.LISTINGS), rows))
    job = await finished(client, token, r.data["id"])
    assert (job["total"], job["imported"], job["failed"]) == (8, 4, 4)
    removed = await Listing.get(doc_no="黄下市监异〔2025〕2号")
    assert (removed.status, removed.remove_reason, removed.removed_on) == (ListingStatus.REMOVED, "依法补报了年度报告",
                                                                           date(2025, 6, 1))
    assert (await Listing.get(doc_no="黄下市监严〔2025〕1号")).kind == ListingKind.SERIOUS_VIOLATION
    reasons = {row[-1]: row[-2] for row in (await report_rows(client, token, job["id"]))[1:]}
    assert "与主体类型不符" in reasons[6]
    assert "名单类型" in reasons[7]
    assert "移出原因与移出日期须同时填写" in reasons[8]
    assert "移出日期不能早于列入日期" in reasons[9]


async def test_bad_files_are_refused_before_a_job_starts(client, risk_clerk):
    token = await login_staff(client, "riskclerk")
    r = await upload(client, token, "penalties", b"not an excel file", name="a.xlsx")
    assert (r.status, r.code) == (415, "RISK_IMPORT_FILE_INVALID")
    r = await upload(client, token, "penalties", b"PK\x03\x04broken zip", name="a.xlsx")
    assert (r.status, r.code) == (415, "RISK_IMPORT_FILE_INVALID")
    wrong = rf.xlsx(["统一社会信用代码/注册号", "主体名称"], [["x", "y"]])
    r = await upload(client, token, "penalties", wrong)
    assert (r.status, r.code) == (422, "RISK_IMPORT_HEADER_INVALID")
    assert "处罚决定书文号" in r.message
    # A listings file sent as penalties is a header mismatch too.
    r = await upload(client, token, "penalties", rf.xlsx(rf.headers(ImportKind.LISTINGS), []))
    assert r.code == "RISK_IMPORT_HEADER_INVALID"
    r = await upload(client, token, "fines", rf.xlsx(rf.headers(ImportKind.PENALTIES), []))
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    r = await client.post(IMPORTS, token=token, data={"kind": "penalties"})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    assert await RiskImport.all().count() == 0


async def test_import_refusals(client, shop, owner, risk_clerk, wuhan_clerk, reader):
    from tests.api.conftest import login_person

    data = rf.xlsx(rf.headers(ImportKind.PENALTIES), [rf.penalty_row(shop[0].uscc, "罚〔2025〕9号")])
    r = await upload(client, "", "penalties", data)
    assert (r.status, r.code) == (401, "UNAUTHENTICATED")
    r = await upload(client, await login_staff(client, "inspector"), "penalties", data)
    assert (r.status, r.code) == (403, "FORBIDDEN")
    person = await login_person(client)
    r = await upload(client, person["token"]["access_token"], "penalties", data)
    assert r.status == 401
    r = await client.get(f"{IMPORTS}/template", token=person["token"]["access_token"], params={"kind": "penalties"})
    assert r.status == 401

    token = await login_staff(client, "riskclerk")
    job = await finished(client, token, (await upload(client, token, "penalties", data)).data["id"])
    # Another district's clerk neither sees the job nor downloads its report.
    wh = await login_staff(client, "whclerk")
    r = await client.get(f"{IMPORTS}/{job['id']}", token=wh)
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
    r = await client.get(f"{IMPORTS}/{job['id']}/report", token=wh)
    assert r.status == 403
    assert (await client.get(IMPORTS, token=wh)).data["items"] == []
    assert [j["id"] for j in (await client.get(IMPORTS, token=token)).data["items"]] == [job["id"]]
    r = await client.get(f"{IMPORTS}/999999", token=token)
    assert (r.status, r.code) == (404, "RISK_IMPORT_NOT_FOUND")


async def test_the_clerk_of_another_district_imports_nothing_here(client, shop, risk_clerk, wuhan_clerk):
    a, _, other = shop
    wh = await login_staff(client, "whclerk")
    data = rf.xlsx(rf.headers(ImportKind.PENALTIES), [rf.penalty_row(a.uscc, "罚〔2025〕1号"),
                                                      rf.penalty_row(other.uscc, "罚〔2025〕2号")])
    job = await finished(client, wh, (await upload(client, wh, "penalties", data)).data["id"])
    assert (job["imported"], job["failed"]) == (1, 1)
    assert [p.business_id for p in await Penalty.all()] == [other.id]


async def test_recover_stale_marks_interrupted_jobs(client, shop, risk_clerk):
    token = await login_staff(client, "riskclerk")
    data = rf.xlsx(rf.headers(ImportKind.PENALTIES), [rf.penalty_row(shop[0].uscc, "罚〔2025〕1号")])
    job_id = (await upload(client, token, "penalties", data)).data["id"]
    await importer.wait_all()
    await RiskImport.filter(id=job_id).update(status=ImportStatus.RUNNING)
    assert await importer.recover_stale(3600) == 0
    assert await importer.recover_stale(-1) == 1
    r = await client.get(f"{IMPORTS}/{job_id}", token=token)
    assert r.data["status"] == "failed"
    assert "中断" in r.data["error"]


@pytest.mark.skipif(STACK == "postgres", reason="memory behaviour is the importer's; one stack suffices (slow)")
async def test_20k_rows_stream_in_little_memory(client, deps, tree, risk_clerk):
    from getitong.entities.models import Business

    rng = random.Random(3)
    businesses = [Business(uscc=make_uscc(rng, "420204", EntityKind.INDIVIDUAL), name=f"下陆区第{i}号小店",
                           operator_name="经营者", region_code="420204", org_id=tree.station.id)
                  for i in range(200)]
    await Business.bulk_create(businesses)
    codes = [b.uscc for b in businesses]
    n = 20_000
    long_text = "当事人在其经营场所内销售超过保质期的食品，违反了《中华人民共和国食品安全法》第三十四条第十项的规定。" * 2
    rows = (rf.penalty_row(codes[i % 200], f"黄下市监罚〔2025〕{i}号", content=long_text,
                           fine_amount=None if i % 7 else -1) for i in range(n))
    data = rf.xlsx(rf.headers(ImportKind.PENALTIES), rows)

    def load_everything() -> int:
        wb = __import__("openpyxl").load_workbook(io.BytesIO(data), read_only=True)
        everything = list(wb.worksheets[0].iter_rows(values_only=True))
        wb.close()
        return len(everything)

    tracemalloc.start()
    assert load_everything() == n + 1
    _, all_rows_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    token = await login_staff(client, "riskclerk")
    tracemalloc.start()
    r = await upload(client, token, "penalties", data)
    assert r.status == 202, r
    job = await finished(client, token, r.data["id"])
    _, import_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    failed = len(range(0, n, 7))
    assert (job["total"], job["imported"], job["failed"]) == (n, n - failed, failed)
    assert await Penalty.all().count() == n - failed
    print(f"peak: import {import_peak / 2**20:.1f} MB, list of all rows {all_rows_peak / 2**20:.1f} MB")
    assert import_peak < 60 * 2**20
    assert import_peak < all_rows_peak
