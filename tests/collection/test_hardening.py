"""Review findings of 信息归集: matching details, the shared penalty mirror, imports running at the same time as
each other or as a correction, formats staff type in Excel, statistics at a year boundary, 批量对比, permissions."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import Workbook, load_workbook

from getitong.collection import compare, importer, matching, service
from getitong.collection import config as collection_config
from getitong.collection.models import CollectionImport, CollectionRecord
from getitong.collection.workflow import JobStatus, Kind, MatchState
from getitong.entities import uscc
from getitong.risk.models import Penalty
from getitong.staff import service as staff_service
from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import login_staff
from tests.collection import factories as cf
from tests.collection.factories import BASE, license_fields, penalty_fields, support_fields
from tests.collection.test_imports import finished, upload
from tests.conftest import STACK
from tests.risk import factories as risk_factories

RECORDS = f"{BASE}/records"


def _bad_check(code: str) -> str:
    wrong = next(ch for ch in uscc.ALPHABET if ch != code[17])
    return code[:17] + wrong


# ---- matching ----


async def test_codes_are_normalised_and_a_wrong_check_character_is_named(client, shop, gj):
    a = shop[0]
    token = await login_staff(client, "gj")
    # Full-width characters and spaces typed with a Chinese input method still name the business.
    typed = "".join(chr(ord(ch) + 0xFEE0) if ch.isalnum() else ch for ch in a.uscc.lower())
    r = await client.post(RECORDS, token=token, json={"kind": "license", "subject_code": f"\u3000{typed[:6]} {typed[6:]}",
                                                      "fields": license_fields("N1")})
    assert r.status == 201, r
    assert (r.data["match_state"], r.data["business_id"], r.data["subject_code"]) == ("matched", a.id, a.uscc)
    r = await client.post(RECORDS, token=token, json={"kind": "license", "subject_code": _bad_check(a.uscc),
                                                      "fields": license_fields("N2")})
    assert r.data["match_state"] == "unmatched"
    assert "校验位" in r.data["match_note"], r.data
    # The list finds it by the code typed the same way.
    r = await client.get(RECORDS, token=token, params={"q": typed[:10]})
    assert [x["record_no"] for x in r.data["items"]] == ["N2", "N1"], r.data  # same first 17 characters


async def test_a_name_typed_with_half_width_brackets_finds_the_registered_name(client, deps, tree, gj):
    b = await factories.business(deps, tree.station, name="下陆区张记小吃店（个体工商户）")
    token = await login_staff(client, "gj")
    r = await client.post(RECORDS, token=token, json={"kind": "license", "subject_name": "下陆区张记小吃店(个体工商户)",
                                                      "fields": license_fields()})
    assert (r.data["match_state"], r.data["business_id"]) == ("matched", b.id), r.data


async def test_a_business_registered_later_is_found_by_a_correction(client, deps, tree, gj):
    token = await login_staff(client, "gj")
    r = await client.post(RECORDS, token=token, json={"kind": "license", "subject_name": "下陆区后来登记的面馆",
                                                      "fields": license_fields("LATE")})
    assert r.data["match_state"] == "unmatched"
    b = await factories.business(deps, tree.station, name="下陆区后来登记的面馆")
    r = await client.patch(f"{RECORDS}/{r.data['id']}", token=token, json={})
    assert r.status == 200, r
    assert (r.data["match_state"], r.data["business_id"]) == ("matched", b.id)
    assert "记名不成功 → 记名成功" in r.data["changes"][-1]["summary"]


async def test_rematch_attaches_the_departments_unmatched_records_to_businesses_registered_since(
        client, deps, tree, gj, wuhan_gj, monkeypatch):
    mine, theirs = await login_staff(client, "gj"), await login_staff(client, "whgj")
    for no, name in (("L1", "下陆区新开的面馆"), ("L2", "下陆区仍未登记的店")):
        r = await client.post(RECORDS, token=mine, json={"kind": "license", "subject_name": name,
                                                         "fields": license_fields(no)})
        assert r.data["match_state"] == "unmatched"
    await client.post(RECORDS, token=mine, json={"kind": "penalty", "subject_name": "下陆区新开的面馆",
                                                 "fields": penalty_fields()})
    await client.post(RECORDS, token=theirs, json={"kind": "license", "subject_name": "下陆区新开的面馆",
                                                   "fields": license_fields("W1")})
    shop = await factories.business(deps, tree.station, name="下陆区新开的面馆")
    monkeypatch.setattr(service, "REMATCH_MAX", 1)
    monkeypatch.setattr(service, "REMATCH_BATCH", 1)
    r = await client.post(f"{RECORDS}/rematch", token=mine, json={"kind": "license"})
    assert r.status == 200, r
    assert (r.data["checked"], r.data["matched"], r.data["remaining"]) == (1, 1, 1), r.data
    monkeypatch.setattr(service, "REMATCH_MAX", 5000)
    r = await client.post(f"{RECORDS}/rematch", token=mine, json={})
    assert (r.data["checked"], r.data["matched"], r.data["unmatched"], r.data["remaining"]) == (2, 1, 1, 0), r.data
    got = {x.record_no: (x.match_state, x.business_id) for x in await CollectionRecord.all()}
    assert got["L1"] == (MatchState.MATCHED, shop.id)
    assert got["L2"][0] == MatchState.UNMATCHED
    assert got["W1"] == (MatchState.UNMATCHED, None)  # 江岸区's record: not 下陆区's to re-match
    [p] = await Penalty.all()
    assert p.business_id == shop.id
    l1 = await CollectionRecord.get(record_no="L1")
    r = await client.get(f"{RECORDS}/{l1.id}", token=mine)
    assert r.data["changes"][-1]["summary"].startswith("重新记名")
    r = await client.post(f"{RECORDS}/rematch", token=mine, json={"kind": "nope"})
    assert r.status == 422


# ---- the penalty mirror ----


async def test_a_shared_penalty_mirror_survives_the_other_records_renumbering(client, shop, gj, wuhan_gj):
    a = shop[0]
    mine = await login_staff(client, "gj")
    theirs = await login_staff(client, "whgj")
    r1 = await client.post(RECORDS, token=mine, json={"kind": "penalty", "business_id": a.id,
                                                      "fields": penalty_fields("罚〔2025〕1号")})
    r2 = await client.post(RECORDS, token=theirs, json={"kind": "penalty", "business_id": a.id,
                                                        "fields": penalty_fields("罚〔2025〕1号")})
    [p] = await Penalty.all()
    assert {x.penalty_id for x in await CollectionRecord.all()} == {p.id}
    # 下陆区 corrects its number: 江岸区's record keeps its mirror under the old number.
    r = await client.patch(f"{RECORDS}/{r1.data['id']}", token=mine,
                           json={"fields": {"record_no": "罚〔2025〕2号"}})
    assert r.status == 200, r
    assert sorted(x.doc_no for x in await Penalty.all()) == ["罚〔2025〕1号", "罚〔2025〕2号"]
    other = await CollectionRecord.get(id=r2.data["id"])
    assert (await Penalty.get(id=other.penalty_id)).doc_no == "罚〔2025〕1号"
    # Moved away from the business and deleted: 江岸区's mirror stays.
    r = await client.patch(f"{RECORDS}/{r1.data['id']}", token=mine,
                           json={"subject_code": "92420204MA4X00000X", "subject_name": None})
    assert r.data["match_state"] == "unmatched"
    assert [x.doc_no for x in await Penalty.all()] == ["罚〔2025〕1号"]


@pytest.mark.skipif(STACK != "postgres", reason="a race between two writers: SQLite serialises them")
@pytest.mark.parametrize("owner", ["another department's record", "风险预警 itself"])
async def test_a_mirror_recorded_by_another_department_meanwhile_does_not_fail_the_import(client, tree, shop, gj,
                                                                                         wuhan_gj, monkeypatch, owner):
    a = shop[0]
    mine = await login_staff(client, "gj")
    if owner == "风险预警 itself":
        await risk_factories.penalty(a, tree.district, doc_no="罚〔2025〕9号", content="风险预警录入")
    else:
        r = await client.post(RECORDS, token=await login_staff(client, "whgj"), json={
            "kind": "penalty", "business_id": a.id, "fields": penalty_fields("罚〔2025〕9号")})
        assert r.status == 201, r
    [theirs] = await Penalty.all()
    original = service._mirrors_of
    calls = 0

    async def not_yet_there(keys, conn):  # the other transaction commits just after this batch looked
        nonlocal calls
        calls += 1
        return {} if calls == 1 else await original(keys, conn)

    monkeypatch.setattr(service, "_mirrors_of", not_yet_there)
    data = cf.xlsx(cf.header(Kind.PENALTY), [cf.row(Kind.PENALTY, {"subject_code": a.uscc,
                                                                   **penalty_fields("罚〔2025〕9号")})])
    r = await upload(client, mine, data, kind="penalty")
    assert r.status == 202, r
    job = await finished(client, mine, r.data["id"])
    assert (job["status"], job["matched"]) == ("done", 1), job
    rec = await CollectionRecord.get(source_org_id=gj.org_id)
    assert rec.match_state == MatchState.MATCHED
    assert await Penalty.all().count() == 1
    assert rec.penalty_id == (theirs.id if owner == "another department's record" else None)


# ---- imports at the same time as each other or as a correction ----


async def test_two_imports_of_the_same_file_at_once_store_each_record_once(client, deps, shop, gj):
    token = await login_staff(client, "gj")
    rows = [{"subject_code": shop[i % 2].uscc, **license_fields(f"JY{i}")} for i in range(6)]
    data = cf.xlsx(cf.header(Kind.LICENSE), [cf.row(Kind.LICENSE, x) for x in rows])
    actor = await staff_service.load_actor(gj.id)
    jobs = [await importer.start_import(deps, actor=actor, kind=Kind.LICENSE, file_name="同一文件.xlsx", data=data)
            for _ in range(2)]
    await asyncio.gather(*(importer.run_import(deps, j.id) for j in jobs))  # interleaved at every await
    one, two = [await finished(client, token, j.id) for j in jobs]
    assert await CollectionRecord.all().count() == 6
    assert (one["stored"] + two["stored"], one["updated"] + two["updated"]) == (6, 6)
    assert all(x.match_state == MatchState.MATCHED for x in await CollectionRecord.all())


async def test_a_pending_row_of_a_running_import_is_not_corrected_meanwhile(client, shop, gj):
    token = await login_staff(client, "gj")
    data = cf.xlsx(cf.header(Kind.LICENSE), [cf.row(Kind.LICENSE, {"subject_code": shop[0].uscc, **license_fields()})])
    r = await upload(client, token, data)
    await finished(client, token, r.data["id"])
    rec = await CollectionRecord.get(import_job_id=r.data["id"])
    await CollectionRecord.filter(id=rec.id).update(match_state=MatchState.PENDING, business_id=None)
    await CollectionImport.filter(id=r.data["id"]).update(status=JobStatus.RUNNING)
    for method, body in (("PATCH", {"subject_code": shop[1].uscc}), ("DELETE", None)):
        r2 = await client.request(method, f"{RECORDS}/{rec.id}", token=token, json=body)
        assert (r2.status, r2.code) == (409, "COLLECTION_RECORD_PENDING"), r2
        assert "处理中" in r2.message
    rec2 = await CollectionRecord.get(id=rec.id)
    assert (rec2.match_state, rec2.subject_code) == (MatchState.PENDING, shop[0].uscc)
    await CollectionImport.filter(id=r.data["id"]).update(status=JobStatus.FAILED)
    r2 = await client.patch(f"{RECORDS}/{rec.id}", token=token, json={"subject_code": shop[1].uscc})
    assert (r2.status, r2.data["business_id"]) == (200, shop[1].id)


async def test_an_online_entry_repeating_a_record_of_a_running_import_waits_for_it(client, shop, gj):
    token = await login_staff(client, "gj")
    data = cf.xlsx(cf.header(Kind.LICENSE), [cf.row(Kind.LICENSE, {"subject_code": shop[0].uscc,
                                                                   **license_fields("JY1")})])
    r = await upload(client, token, data)
    await finished(client, token, r.data["id"])
    await CollectionImport.filter(id=r.data["id"]).update(status=JobStatus.RUNNING)
    body = {"kind": "license", "business_id": shop[0].id, "fields": license_fields("JY1", content="热食类食品制售")}
    r2 = await client.post(RECORDS, token=token, json=body)
    assert (r2.status, r2.code) == (409, "COLLECTION_RECORD_PENDING"), r2
    assert "再提交" in r2.message
    assert (await CollectionRecord.get(record_no="JY1")).fields["content"] != "热食类食品制售"
    await CollectionImport.filter(id=r.data["id"]).update(status=JobStatus.DONE)
    r2 = await client.post(RECORDS, token=token, json=body)
    assert (r2.status, r2.data["updated_existing"]) == (200, True), r2


async def test_a_row_stored_by_a_running_import_is_not_corrected_until_the_import_ends(client, shop, gj,
                                                                                           monkeypatch):
    # A later row of the same file may still update it: the department waits for the import instead of losing its
    # correction (or the import its row) to whichever writes last.
    a, b, _ = shop
    monkeypatch.setenv("COLLECTION_IMPORT_BATCH_SIZE", "1")
    token = await login_staff(client, "gj")
    original = matching.Register.load
    tried: list[tuple[int, str | None]] = []
    busy = False

    async def load_while_someone_corrects(subjects):
        nonlocal busy
        first = await CollectionRecord.get_or_none(record_no="JY1")
        if first is not None and not busy:  # the second batch: JY1 is stored, the import still runs
            busy = True  # the correction's own 记名 loads the register too
            for method, body in (("PATCH", {"subject_code": b.uscc}), ("DELETE", None)):
                r = await client.request(method, f"{RECORDS}/{first.id}", token=token, json=body)
                tried.append((r.status, r.code))
        return await original(subjects)

    monkeypatch.setattr(importer.Register, "load", load_while_someone_corrects)
    data = cf.xlsx(cf.header(Kind.LICENSE), [cf.row(Kind.LICENSE, {"subject_code": a.uscc, **license_fields("JY1")}),
                                             cf.row(Kind.LICENSE, {"subject_code": a.uscc, **license_fields("JY2")})])
    r = await upload(client, token, data)
    job = await finished(client, token, r.data["id"])
    assert tried == [(409, "COLLECTION_RECORD_PENDING")] * 2
    assert (job["done"], job["total"], job["matched"]) == (2, 2, 2), job
    rec = await CollectionRecord.get(record_no="JY1")
    assert (rec.subject_code, rec.business_id) == (a.uscc, a.id)
    r = await client.patch(f"{RECORDS}/{rec.id}", token=token, json={"subject_code": b.uscc})
    assert (r.status, r.data["business_id"]) == (200, b.id)


# ---- what staff type in Excel ----


def _serial(d: date) -> int:
    return (d - date(1899, 12, 30)).days


async def test_excel_formats_staff_really_type(client, shop, gj):
    token = await login_staff(client, "gj")
    a = shop[0]
    head = cf.header(Kind.SUPPORT)
    rows = [
        {"subject_code": a.uscc, **support_fields(record_no="S1", amount="1.5万元", decided_on="2024/3/5")},
        {"subject_code": a.uscc, **support_fields(record_no="S2", amount="2万", decided_on=_serial(date(2024, 3, 5)))},
        {"subject_code": a.uscc, **support_fields(record_no="S3", amount="１，２００.５",
                                                  decided_on=datetime(2024, 3, 5, 14, 30, tzinfo=UTC).replace(tzinfo=None))},
        {"subject_code": a.uscc, **support_fields(record_no="S4", amount="15000元", decided_on="2024-03-05")},
        {"subject_code": a.uscc, **support_fields(record_no="S5", amount=0.24, decided_on="2024年3月5日")},
    ]
    r = await upload(client, token, cf.xlsx(head, [cf.row(Kind.SUPPORT, x) for x in rows]), kind="support")
    job = await finished(client, token, r.data["id"])
    got = {x.record_no: (x.fields["amount"], x.fields["decided_on"]) for x in await CollectionRecord.all()}
    assert got == {"S1": ("1.5", "2024-03-05"), "S2": ("2", "2024-03-05"), "S3": ("1200.5", "2024-03-05"),
                   "S5": ("0.24", "2024-03-05")}, got
    assert job["failed"] == 1
    r = await client.get(f"{BASE}/imports/{job['id']}/report", token=token)
    wb = load_workbook(io.BytesIO(r.body), read_only=True)
    [_, row] = list(wb.worksheets[0].iter_rows(values_only=True))
    assert "万元" in row[-1]


async def test_impossible_dates_are_refused_and_interface_datetimes_accepted(client, shop, gj):
    token = await login_staff(client, "gj")
    tomorrow = (service.today() + timedelta(days=1)).isoformat()
    cases = [("penalty", penalty_fields(decided_on=tomorrow, published_on=tomorrow), "处罚决定书日期不能晚于今天"),
             ("license", license_fields(valid_from="0224-03-05"), "有效期自超出合理范围"),
             ("support", support_fields(decided_on="2224-03-05"), "实施扶持政策日期超出合理范围")]
    for kind, fields, message in cases:
        r = await client.post(RECORDS, token=token, json={"kind": kind, "business_id": shop[0].id, "fields": fields})
        assert (r.status, r.code) == (422, "COLLECTION_FIELDS_INVALID"), r
        assert message in r.message, r
    assert await CollectionRecord.all().count() == 0
    xml = cf.xml(Kind.LICENSE, [{"subject_code": shop[0].uscc, **license_fields(
        valid_from="2024-03-05T00:00:00+08:00", valid_to="2029-03-04T23:59:59Z")}])
    r = await upload(client, token, xml, name="x.xml")
    job = await finished(client, token, r.data["id"])
    assert job["matched"] == 1, job
    rec = await CollectionRecord.get()
    assert (rec.fields["valid_from"], rec.fields["valid_to"]) == ("2024-03-05", "2029-03-04")


async def test_blank_formatted_rows_neither_count_nor_hit_the_row_limit(client, deps, shop, gj, monkeypatch):
    monkeypatch.setenv("COLLECTION_IMPORT_MAX_ROWS", "5")
    token = await login_staff(client, "gj")
    wb = Workbook()
    ws = wb.active
    ws.append(cf.header(Kind.LICENSE))
    ws.append(cf.row(Kind.LICENSE, {"subject_code": shop[0].uscc, **license_fields("JY1")}))
    ws.append([None])
    ws.append(cf.row(Kind.LICENSE, {"subject_code": shop[1].uscc, **license_fields("JY2")}))
    for n in range(5, 40):  # a column formatted far down, as when staff select a whole column
        ws.cell(row=n, column=1).number_format = "@"
        ws.cell(row=n, column=2).value = "  "
    buf = io.BytesIO()
    wb.save(buf)
    r = await upload(client, token, buf.getvalue())
    assert r.status == 202, r
    job = await finished(client, token, r.data["id"])
    assert (job["total"], job["matched"]) == (2, 2), job
    # Six real rows are still too many.
    rows = [cf.row(Kind.LICENSE, {"subject_code": shop[0].uscc, **license_fields(f"M{i}")}) for i in range(6)]
    r = await upload(client, token, cf.xlsx(cf.header(Kind.LICENSE), rows))
    assert (r.status, r.code) == (400, "COLLECTION_TOO_MANY_ROWS")
    # Under the limit too, a queued job's total is the rows filled in, not the sheet's dimension (row 39 here):
    # it is what the progress and the statistics' 处理中 show until the job runs.
    monkeypatch.setenv("COLLECTION_IMPORT_MAX_ROWS", "1000")
    job = await importer.start_import(deps, actor=await staff_service.load_actor(gj.id), kind=Kind.LICENSE,
                                      file_name="格式化.xlsx", data=buf.getvalue())
    assert job.total == 2


async def test_headers_typed_by_hand_and_a_report_row_emptied_but_for_its_number(client, shop, gj):
    token = await login_staff(client, "gj")
    head = ["原行号", *[h.replace("（", "(").replace("）", ")").replace("*", "＊ ") for h in cf.header(Kind.PENALTY)],
            "失败原因"]
    head[2] = "主体\n名称"
    assert "罚款金额(万元)" in head
    rows = [[7, *cf.row(Kind.PENALTY, {"subject_code": shop[0].uscc, **penalty_fields()}), "上次的原因"],
            [8, *([None] * len(cf.header(Kind.PENALTY))), "这一行的内容已删除"]]
    r = await upload(client, token, cf.xlsx(head, rows), kind="penalty")
    assert r.status == 202, r
    job = await finished(client, token, r.data["id"])
    assert (job["total"], job["matched"], job["failed"]) == (1, 1, 0), job
    rec = await CollectionRecord.get()
    assert (rec.subject_code, rec.fields["fine_amount"]) == (shop[0].uscc, "0.5")


async def test_the_templates_example_row_left_in_is_refused(client, shop, gj):
    token = await login_staff(client, "gj")
    r = await client.get(f"{BASE}/imports/template", token=token, params={"kind": "penalty"})
    wb = load_workbook(io.BytesIO(r.body))
    wb.worksheets[0].append(cf.row(Kind.PENALTY, {"subject_code": shop[0].uscc, **penalty_fields()}))
    buf = io.BytesIO()
    wb.save(buf)
    r = await upload(client, token, buf.getvalue(), kind="penalty")
    job = await finished(client, token, r.data["id"])
    assert (job["failed"], job["matched"], job["unmatched"]) == (1, 1, 0), job
    r = await client.get(f"{BASE}/imports/{job['id']}/report", token=token)
    [_, row] = list(load_workbook(io.BytesIO(r.body), read_only=True).worksheets[0].iter_rows(values_only=True))
    assert (row[0], row[-1]) == (2, importer.EXAMPLE_ROW)


async def test_a_column_given_twice_is_refused(client, gj):
    token = await login_staff(client, "gj")
    head = [*cf.header(Kind.LICENSE), "*许可内容"]
    r = await upload(client, token, cf.xlsx(head, [["x"] * len(head)]))
    assert (r.status, r.code) == (400, "COLLECTION_HEADER_INVALID"), r
    assert "许可内容" in r.message
    assert "重复" in r.message
    assert await CollectionImport.all().count() == 0


async def test_a_job_failing_midway_keeps_what_it_stored_and_its_report(client, shop, gj, monkeypatch):
    monkeypatch.setenv("COLLECTION_IMPORT_BATCH_SIZE", "1")
    token = await login_staff(client, "gj")
    original = service.apply_matches
    calls = 0

    async def breaks_on_the_second_stored_batch(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("database went away")
        return await original(*args, **kwargs)

    monkeypatch.setattr(service, "apply_matches", breaks_on_the_second_stored_batch)
    rows = [cf.row(Kind.LICENSE, {"subject_code": shop[0].uscc, **license_fields("JY1")}),
            cf.row(Kind.LICENSE, {"subject_code": shop[0].uscc, **license_fields("JY2", content=None)}),
            cf.row(Kind.LICENSE, {"subject_code": "92420204MA4X00000X", **license_fields("JY3")}),
            cf.row(Kind.LICENSE, {"subject_code": shop[0].uscc, **license_fields("JY4")})]
    r = await upload(client, token, cf.xlsx(cf.header(Kind.LICENSE), rows))
    await importer.wait_all()
    job = (await client.get(f"{BASE}/imports/{r.data['id']}", token=token)).data
    assert (job["status"], job["status_label"], job["done"], job["matched"], job["failed"]) == \
        ("failed", "失败", 2, 1, 1), job
    assert "重新导入" in (job["error"] or "")
    r = await client.get(job["report_url"], token=token)
    assert r.status == 200
    [_, row] = list(load_workbook(io.BytesIO(r.body), read_only=True).worksheets[0].iter_rows(values_only=True))
    assert (row[0], row[-1]) == (3, "许可内容不能为空")
    # The batch that failed wrote nothing (JY3 is not half-stored); what was stored before stays, matched.
    assert [(x.record_no, x.match_state) for x in await CollectionRecord.all().order_by("id")] == \
        [("JY1", MatchState.MATCHED)]
    assert not await CollectionRecord.filter(match_state=MatchState.PENDING).exists()


async def test_xml_in_another_encoding_or_namespace_is_refused(client, gj):
    token = await login_staff(client, "gj")
    body = '<?xml version="1.0" encoding="UTF-16"?><records kind="license"></records>'
    for data in (body.encode("utf-16"), '<?xml version="1.0" encoding="GBK"?><records/>'.encode("gbk"),
                 b'<records xmlns="urn:x" kind="license"><record/></records>'):
        r = await upload(client, token, data, name="x.xml")
        assert r.status == 400, r
        assert r.code in ("COLLECTION_XML_INVALID", "COLLECTION_FILE_INVALID"), r
    assert await CollectionImport.all().count() == 0


# ---- statistics at a year boundary (Asia/Shanghai) ----


@pytest.mark.parametrize(("utc", "year"), [(datetime(2025, 12, 31, 15, 30, tzinfo=UTC), 2025),
                                           (datetime(2025, 12, 31, 16, 30, tzinfo=UTC), 2026)])
async def test_a_record_counts_in_the_beijing_year_it_was_provided(client, shop, gj, monkeypatch, utc, year):
    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):
            return utc.astimezone(tz) if tz else utc.replace(tzinfo=None)

    monkeypatch.setattr(collection_config, "datetime", Frozen)  # the domain's today() (Beijing time)
    token = await login_staff(client, "gj")
    r = await client.post(RECORDS, token=token, json={"kind": "license", "business_id": shop[0].id,
                                                      "fields": license_fields()})
    assert r.data["provided_on"] == ("2025-12-31" if year == 2025 else "2026-01-01")
    for asked, expected in ((2025, (1, 1) if year == 2025 else (0, 0)), (2026, (0, 1) if year == 2025 else (1, 1))):
        r = await client.get(f"{BASE}/stats", token=token, params={"year": asked})
        total = r.data["provided"]["total"]
        assert (total["year"], total["cumulative"]) == expected, (asked, r.data["provided"])


async def test_a_record_about_a_business_of_another_province_counts_in_the_total_only(client, deps, tree, gj):
    from getitong.entities.models import Region

    for code, name, parent, level in [("430000", "湖南省", None, 1), ("430100", "长沙市", "430000", 2),
                                      ("430102", "芙蓉区", "430100", 3)]:
        await Region.create(code=code, name=name, parent_code=parent, level=level)
    hunan = await factories.add_org(name="长沙市芙蓉区市场监督管理局", level=tree.district.level,
                                    region_code="430102", parent=None)
    far = await factories.business(deps, hunan, name="长沙金叶园艺有限公司")
    token = await login_staff(client, "gj")
    r = await client.post(RECORDS, token=token, json={"kind": "license", "subject_code": far.uscc,
                                                      "fields": license_fields()})
    assert (r.status, r.data["match_state"]) == (201, "matched"), r
    r = await client.get(f"{BASE}/stats", token=token, params={"year": service.today().year})
    assert [c["region_code"] for c in r.data["cities"]] == ["420100", "420200"]
    assert r.data["provided"]["total"]["year"] == 1
    assert all(v == {"year": 0, "cumulative": 0} for v in r.data["provided"]["by_city"].values())


# ---- 批量对比 ----


async def test_compare_tolerates_codes_in_the_wrong_column_and_names_a_bad_check_character(client, deps, tree,
                                                                                           shop, gj):
    a, b, _ = shop
    old = await factories.business(deps, tree.station, name="下陆区老字号面馆", reg_no="420204600012345")
    token = await login_staff(client, "gj")
    rows = [
        ["", a.uscc.lower(), a.name],           # lower case
        [a.uscc, "", ""],                       # the USCC typed in the 注册号 column
        ["", old.reg_no, "下陆区老字号面馆"],      # a 注册号 typed in the USCC column
        ["", _bad_check(b.uscc), ""],           # a wrong check character
        ["", a.uscc, a.name],                   # a duplicate of the first row
        ["", "", "只有名称"],                    # both codes empty
    ]
    r = await client.post(f"{BASE}/compare", token=token,
                          files={"file": ("c.xlsx", cf.xlsx(compare.INPUT, rows), importer.XLSX)})
    assert r.status == 200, r
    out = list(load_workbook(io.BytesIO(r.body), read_only=True).worksheets[0].iter_rows(values_only=True))[1:]
    result = [(x[3], x[5]) for x in out]
    assert result[:3] == [("一致", a.uscc), ("一致", a.uscc), ("一致", old.uscc)], out
    assert result[3][0] == "未找到", out[3]
    assert "校验位" in out[3][-1], out[3]
    assert result[4] == ("一致", a.uscc)
    assert out[5][-1] == compare.BOTH_EMPTY


# ---- permissions on every endpoint ----

ENDPOINTS = [("GET", "/options"), ("GET", "/records"), ("POST", "/records"), ("GET", "/records/1"),
             ("PATCH", "/records/1"), ("DELETE", "/records/1"), ("POST", "/records/rematch"), ("GET", "/imports/template?kind=license"),
             ("GET", "/imports/xml-sample?kind=license"), ("POST", "/imports"), ("GET", "/imports"),
             ("GET", "/imports/1"), ("GET", "/imports/1/report"), ("GET", "/stats?year=2025"),
             ("GET", "/compare/template"), ("POST", "/compare")]


async def test_every_endpoint_refuses_no_token_and_roles_without_data_import(client, deps, tree, gj):
    liaison = await factories.staff(deps, tree.district, [Role.DEPARTMENT_LIAISON.value], username="liaison")
    assert liaison
    tokens = {"liaison": await login_staff(client, "liaison")}
    for method, path in ENDPOINTS:
        r = await client.request(method, BASE + path, json={} if method in ("POST", "PATCH") else None)
        assert r.status == 401, (method, path, r)
        for who, token in tokens.items():
            r = await client.request(method, BASE + path, token=token,
                                     json={} if method in ("POST", "PATCH") else None)
            assert r.status == 403, (who, method, path, r)
            assert r.code == "FORBIDDEN"


async def test_a_file_over_the_upload_limit_is_refused_before_it_is_read(client, gj):
    token = await login_staff(client, "gj")
    huge = b'<?xml version="1.0" encoding="UTF-8"?><records kind="license">' + b"<record/>" * 1_300_000 + b"</records>"
    r = await upload(client, token, huge, name="x.xml")
    assert r.status == 413, r
    assert any("\u4e00" <= ch <= "\u9fff" for ch in r.message), r
    assert await CollectionImport.all().count() == 0


async def test_a_long_code_excel_kept_as_a_number_is_refused_not_rounded(client, deps, tree, shop, gj):
    old = await factories.business(deps, tree.station, name="下陆区老字号面馆", reg_no="420204600012345")
    digits = await factories.business(deps, tree.station, name="下陆区全数字代码商行", uscc="914305005549114552")
    token = await login_staff(client, "gj")
    rounded = float(digits.uscc)  # what a 常规 cell keeps: 9.14305005549115E+17
    rows = [cf.row(Kind.LICENSE, {"subject_code": rounded, **license_fields("JY1")}),
            cf.row(Kind.LICENSE, {"subject_code": float(old.reg_no), **license_fields("JY2")})]
    r = await upload(client, token, cf.xlsx(cf.header(Kind.LICENSE), rows))
    job = await finished(client, token, r.data["id"])
    assert (job["failed"], job["matched"]) == (1, 1), job
    assert (await CollectionRecord.get(record_no="JY2")).business_id == old.id
    r = await client.get(f"{BASE}/imports/{job['id']}/report", token=token)
    [_, row] = list(load_workbook(io.BytesIO(r.body), read_only=True).worksheets[0].iter_rows(values_only=True))
    assert "存成了数字" in row[-1]
    r = await client.post(f"{BASE}/compare", token=token, files={"file": (
        "c.xlsx", cf.xlsx(compare.INPUT, [[None, rounded, None], [float(old.reg_no), None, None]]), importer.XLSX)})
    out = list(load_workbook(io.BytesIO(r.body), read_only=True).worksheets[0].iter_rows(values_only=True))[1:]
    assert "存成了数字" in out[0][-1]
    assert (out[1][3], out[1][5]) == ("一致", old.uscc)


async def test_a_job_is_processed_once_even_if_scheduled_twice(client, deps, shop, gj):
    token = await login_staff(client, "gj")
    data = cf.xlsx(cf.header(Kind.LICENSE), [cf.row(Kind.LICENSE, {"subject_code": shop[0].uscc, **license_fields()})])
    r = await upload(client, token, data)
    importer.schedule(deps, r.data["id"])
    job = await finished(client, token, r.data["id"])
    await importer.run_import(deps, r.data["id"])
    again = await finished(client, token, r.data["id"])
    assert (job["done"], job["stored"], job["matched"]) == (1, 1, 1), job
    assert again == job
    assert await CollectionRecord.all().count() == 1
