"""Annual reports (SPEC E): the owner's status and reminder, staff entry and Excel import, refusals."""

import io
from datetime import UTC, date, datetime

from openpyxl import Workbook, load_workbook

from getitong.annual.models import AnnualReport
from tests.api.conftest import login_person, login_staff

MP = "/api/v1/mp/annual-report"
ADMIN = "/api/v1/admin/annual-reports"


async def _owner_token(client):
    return (await login_person(client))["token"]["access_token"]


async def test_reminder_while_the_window_is_open_and_the_report_missing(client, clock, owner, shop, data_clerk):
    token = await _owner_token(client)
    r = await client.get(MP, token=token)
    assert r.status == 200, r
    assert r.data["year"] == 2025
    assert r.data["window"]["open"] is True
    assert r.data["window"]["end"] == "2026-06-30"
    assert r.data["status"] == "missing"
    assert r.data["status_label"] == "未报送"
    assert r.data["reminder"] is True
    assert r.data["url"].startswith("https://")
    home = await client.get("/api/v1/mp/home", token=token)
    assert home.data["unread"]["annual_report"] == 1
    assert home.data["annual_report"]["reminder"] is True

    staff = await login_staff(client, "dataclerk")
    r = await client.request("PUT", ADMIN, token=staff, json={
        "code": shop[0].uscc, "year": 2025, "status": "reported", "reported_on": "2026-02-20"})
    assert r.status == 200, r
    assert r.data["created"] is True
    assert r.data["status_label"] == "已报送"

    r = await client.get(MP, token=token)
    assert r.data["reminder"] is False
    assert r.data["status"] == "reported"
    assert r.data["history"] == [{"year": 2025, "status": "reported", "status_label": "已报送",
                                  "reported_on": "2026-02-20", "note": ""}]
    home = await client.get("/api/v1/mp/home", token=token)  # the staff entry reached the cached home screen
    assert home.data["unread"]["annual_report"] == 0


async def test_no_reminder_after_30_june_or_for_a_business_founded_this_year(client, clock, deps, owner, shop):
    token = await _owner_token(client)
    clock.at = datetime(2026, 7, 1, 1, 0, tzinfo=UTC)
    r = await client.get(MP, token=token)
    assert r.data["window"]["open"] is False
    assert r.data["reminder"] is False
    assert r.data["status"] == "missing"

    clock.at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    shop[0].established_on = date(2026, 1, 10)
    await shop[0].save()
    r = await client.get(MP, token=token)
    assert r.data["required"] is False
    assert r.data["reminder"] is False
    assert r.data["status_label"] == "无需报送"


async def test_staff_entry_is_checked(client, clock, owner, shop, data_clerk):
    staff = await login_staff(client, "dataclerk")
    cases = [
        ({"code": shop[0].uscc, "year": 2026, "status": "reported"}, 400, "ANNUAL_YEAR_INVALID"),
        ({"code": shop[0].uscc, "year": 2025, "status": "reported", "reported_on": "2025-12-01"}, 400,
         "ANNUAL_DATE_INVALID"),
        ({"code": shop[0].uscc, "year": 2025, "status": "missing", "reported_on": "2026-02-01"}, 400,
         "ANNUAL_DATE_INVALID"),
        ({"code": shop[0].uscc, "year": 2025, "status": "done"}, 422, "VALIDATION_ERROR"),
        ({"code": "91420000MA0000000X", "year": 2025, "status": "reported"}, 404, "RISK_BUSINESS_NOT_FOUND"),
    ]
    for body, status, code in cases:
        r = await client.request("PUT", ADMIN, token=staff, json=body)
        assert (r.status, r.code) == (status, code), (body, r)
    assert await AnnualReport.all().count() == 0


async def test_other_org_wrong_role_and_anonymous_are_refused(client, clock, owner, shop, other_clerk, clerk):
    other = await login_staff(client, "otherclerk")
    r = await client.request("PUT", ADMIN, token=other, json={"code": shop[0].uscc, "year": 2025,
                                                              "status": "reported"})
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE"), r
    desk = await login_staff(client, "clerk")
    shop_token = await _owner_token(client)
    for method, path in (("GET", ADMIN), ("PUT", ADMIN), ("GET", f"{ADMIN}/stats?year=2025"),
                         ("GET", f"{ADMIN}/template"), ("POST", f"{ADMIN}/import")):
        body = {"code": shop[0].uscc, "year": 2025, "status": "reported"} if method == "PUT" else None
        r = await client.request(method, path, token=desk, json=body)
        assert r.status == 403, (method, path, r)
        assert (await client.request(method, path, json=body)).status == 401
        assert (await client.request(method, path, token=shop_token, json=body)).status == 401
    assert (await client.get(MP)).status == 401
    assert await AnnualReport.all().count() == 0


def _sheet(rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["统一社会信用代码", "年报年度", "报送状态", "报送日期", "备注"])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


async def test_excel_import_writes_good_rows_and_reports_bad_ones(client, clock, owner, shop, data_clerk):
    staff = await login_staff(client, "dataclerk")
    r = await client.get(f"{ADMIN}/template", token=staff)
    assert r.status == 200
    assert load_workbook(io.BytesIO(r.body)).active["A1"].value.startswith("统一社会信用代码")

    data = _sheet([
        [shop[0].uscc, 2025, "已报送", "2026-02-01", ""],
        [shop[1].uscc, 2024, "逾期补报", date(2025, 8, 1), "补报"],
        [shop[2].uscc, 2025, "已报送", "2026-02-01", ""],        # another district: out of scope
        ["91420000MA0000000X", 2025, "已报送", "2026-02-01", ""],  # not in the register
        [shop[0].uscc, "二〇二五", "已报送", "", ""],               # bad year
        [None, None, None, None, None],                           # blank rows are skipped
    ])
    r = await client.post(f"{ADMIN}/import", token=staff, files={"file": ("年报.xlsx", data)})
    assert r.status == 200, r
    assert (r.data["created"], r.data["updated"], r.data["failed"]) == (2, 0, 3)
    assert [f["row"] for f in r.data["failures"]] == [4, 5, 6]
    assert r.data["failures"][0]["reason"] == "该主体不在本机构管辖范围内"

    r = await client.post(f"{ADMIN}/import", token=staff, files={"file": ("年报.xlsx", data)})
    assert (r.data["created"], r.data["updated"]) == (0, 2)  # re-importing updates, never duplicates

    r = await client.post(f"{ADMIN}/import", token=staff, files={"file": ("x.xlsx", b"not a workbook")})
    assert r.status == 400
    assert r.code == "ANNUAL_IMPORT_FILE_INVALID"

    r = await client.get(f"{ADMIN}?year=2024", token=staff)
    assert [i["business"]["id"] for i in r.data["items"]] == [shop[1].id]
    assert r.data["items"][0]["status_label"] == "逾期补报"
    assert r.data["items"][0]["source"] == "imported"

    r = await client.get(f"{ADMIN}/stats?year=2025", token=staff)
    assert r.status == 200, r
    assert r.data["reported"] == 1
    assert r.data["owing"] >= 1
