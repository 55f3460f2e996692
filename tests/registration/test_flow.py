"""The whole loop: wizard → real name → signature → automatic approval → licence QR → a shop-owner account
registered by scanning it sees the new business. Plus the staff queue, licence printing and the archive."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

from PIL import Image

from getitong.accounts.models import PersonBusiness
from getitong.core.models import AuditLog
from getitong.entities import license_qr, uscc
from getitong.entities.models import Business
from getitong.registration import issuing
from getitong.registration.models import Registration, RegistrationEvent
from tests.registration import factories as rf
from tests.registration.factories import ADMIN, MP
from tests.registration.test_pdf import _check_structure


async def test_auto_approval_issues_a_licence_whose_qr_registers_the_owner(client, cast):
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token)
    r = await client.get(f"{MP}/{reg_id}", token=token)
    assert r.data["name_step"]["name"] == "黄石市下陆区穆静饺子馆"
    assert r.data["system"]["authority"]["name"] == "黄石市下陆区市场监督管理局"
    assert r.data["system"]["scope_text"].startswith("许可项目：小餐饮；餐饮服务。")
    assert r.data["operator"]["id_number_masked"].startswith("4202")
    assert "*" in r.data["operator"]["id_number_masked"]
    assert r.data["operator"]["phone_masked"] == "137****0001"
    assert {d["code"] for d in r.data["documents"]} == {"application", "name_commitment", "residence"}
    for d in r.data["documents"]:  # step 5: the preview
        pdf = await client.get(f"{MP}/{reg_id}/documents/{d['code']}", token=token)
        assert pdf.status == 200
        assert pdf.body.startswith(b"%PDF")

    signer = await rf.confirm_and_realname(client, token, reg_id)
    assert signer["realname_status"] == "verified"
    assert signer["realname_until"] == "2026-03-10"  # 6 working days after Monday 2 March
    qr = await client.get(f"{MP}/{reg_id}/signers/{signer['id']}/qr.png", token=token)
    assert qr.status == 200
    assert f"token={signer['sign_token']}" in license_qr.decode_qr(Image.open(io.BytesIO(qr.body)))
    page = await client.get(f"{MP}/signing/{signer['sign_token']}")
    assert page.status == 200
    assert page.data["registration"]["name"] == "黄石市下陆区穆静饺子馆"
    before = await client.get(f"{MP}/{reg_id}", token=token)
    assert before.data["ready_to_submit"] is False
    assert (await rf.sign(client, signer["sign_token"])).status == 200
    after = await client.get(f"{MP}/{reg_id}", token=token)
    assert after.data["ready_to_submit"] is True
    assert after.data["signers"][0]["sign_status_label"] == "已签名"
    assert "sign_url" not in after.data["signers"][0]

    r = await client.post(f"{MP}/{reg_id}/submit", token=token)
    assert r.status == 200, r
    assert r.data["outcome"] == "approved"
    assert r.data["status"] == "approved"
    assert r.data["decided_by"] == "auto"
    code = r.data["uscc"]
    assert uscc.is_valid(code)
    assert code.startswith("92420204")
    assert issuing.org_code_valid(code[8:17])
    assert r.data["pickup"].startswith("请携带本人身份证件到黄石市下陆区市场监督管理局")
    assert all(x["passed"] for x in r.data["rule_results"])
    history = await client.get(f"{MP}/{reg_id}", token=token)
    assert [(ev["action"], ev["action_label"]) for ev in history.data["events"]] == [
        ("create", "创建申请"), ("confirm", "确认文书"), ("realname", "实名认证"), ("sign", "电子签名"),
        ("auto_approve", "智能审批通过")]
    lic = r.data["license"]
    assert lic["uscc"] == code
    assert lic["qr_image"].startswith("data:image/png;base64,")
    pdf = await client.get(f"{MP}/{reg_id}/documents/license", token=token)
    assert _check_structure(pdf.body) == 1
    assert pdf.status == 200
    assert pdf.body.startswith(b"%PDF")
    assert b"/Subtype /Image" in pdf.body

    # The licence QR, rendered and read back as a photo would be, registers a shop-owner account.
    text = license_qr.decode_qr(Image.open(io.BytesIO(license_qr.render_png(lic["qr_text"]))))
    found = await client.post("/api/v1/mp/license/lookup", json={"region_code": "420204", "qr_text": text})
    assert found.status == 200
    assert found.data["name"] == "黄石市下陆区穆静饺子馆"
    assert found.data["operator_name"] == "穆静"
    reg = await client.post("/api/v1/mp/accounts/register", json={
        "region_code": "420204", "uscc": found.data["uscc"], "phone": "13700000002", "name": "穆静",
        "password": "Passw0rd!", "privacy_version": "2024-08", "privacy_agreed": True})
    assert reg.status == 201, reg
    me = await client.get("/api/v1/mp/me", token=reg.data["token"]["access_token"])
    assert me.data["current_business"]["uscc"] == code
    assert me.data["current_business"]["name"] == "黄石市下陆区穆静饺子馆"
    # The applicant is linked as its operator too.
    business = await Business.get(uscc=code)
    assert await PersonBusiness.exists(person_id=cast.applicant.id, business_id=business.id)
    assert business.industry == "餐饮业"
    # The register keeps the 资金数额 and the 经营范围 wording (企业搜索 filters on both).
    assert business.capital == Decimal("12")
    assert business.business_scope.startswith("许可项目：小餐饮；餐饮服务。（依法须经批准的项目")
    assert "一般项目：外卖递送服务。" in business.business_scope
    assert business.org_id == cast.tree.district.id


async def test_failed_rules_go_to_the_staff_queue_and_staff_approve(client, cast):
    token = cast.tokens["applicant"]
    data = await rf.submitted(client, token, name=rf.name_body(capital="250"),
                              basic=rf.basic_body(scope=["小餐饮", "自制冷饮销售"]))
    assert data["outcome"] == "reviewing"
    assert data["uscc"] is None
    assert {x["code"] for x in data["failed_rules"]} == {"capital_within_limit", "scope_standard"}
    assert not await Business.exists(name="黄石市下陆区穆静饺子馆")

    r = await client.get(ADMIN, token=cast.tokens["reviewer"])
    assert r.status == 200
    assert [x["id"] for x in r.data["items"]] == [data["id"]]
    item = r.data["items"][0]
    assert {x["code"] for x in item["failed_rules"]} == {"capital_within_limit", "scope_standard"}
    assert item["actions"] == ["approve", "refuse"]
    photo = await client.get(f"{ADMIN}/{data['id']}/documents/id_photo", token=cast.tokens["reviewer"])
    assert photo.status == 200
    assert photo.headers["content-type"] == "image/png"
    r = await client.get(f"{ADMIN}/{data['id']}", token=cast.tokens["city_reviewer"])  # the city sees below
    assert r.status == 200
    assert r.data["events"][-1]["action"] == "route"

    r = await client.post(f"{ADMIN}/{data['id']}/approve", token=cast.tokens["reviewer"], json={"opinion": "核实无误"})
    assert r.status == 200, r
    assert r.data["status"] == "approved"
    assert r.data["decided_by"] == "staff"
    assert uscc.is_valid(r.data["uscc"])
    assert await AuditLog.exists(action="registration.approve", target_id=str(data["id"]))
    again = await client.post(f"{ADMIN}/{data['id']}/approve", token=cast.tokens["reviewer"], json={})
    assert again.status == 409
    assert again.code == "REGISTRATION_ACTION_NOT_ALLOWED"
    lic = await client.get(f"{ADMIN}/{data['id']}/license.pdf", token=cast.tokens["reviewer"])
    assert lic.status == 200
    assert lic.body.startswith(b"%PDF")
    mine = await client.get(f"{MP}/{data['id']}/license", token=token)
    assert mine.status == 200
    assert mine.data["uscc"] == r.data["uscc"]


async def test_staff_refuse_with_reason_releases_the_name(client, cast):
    token = cast.tokens["applicant"]
    data = await rf.submitted(client, token, name=rf.name_body(capital="250"))
    r = await client.post(f"{ADMIN}/{data['id']}/refuse", token=cast.tokens["reviewer"], json={"reason": ""})
    assert r.status == 422
    r = await client.post(f"{ADMIN}/{data['id']}/refuse", token=cast.tokens["reviewer"],
                          json={"reason": "资金数额与经营规模不符"})
    assert r.status == 200
    assert r.data["status"] == "refused"
    mine = await client.get(f"{MP}/{data['id']}", token=token)
    assert mine.data["status_label"] == "不予登记"
    assert mine.data["refuse_reason"] == "资金数额与经营规模不符"
    assert await AuditLog.exists(action="registration.refuse")
    # The name is free again.
    check = await client.post(f"{MP}/name-check", token=token, json={
        "region_code": "420204", "business_type": "small_restaurant", "trade_name": "穆静", "industry_word": "饺子",
        "org_form": "馆"})
    assert check.status == 200
    assert check.data["name"] == "黄石市下陆区穆静饺子馆"


async def test_archive_lists_views_edits_and_bundles(client, cast):
    data = await rf.submitted(client, cast.tokens["applicant"])
    t = cast.tokens["reviewer"]
    r = await client.get(f"{ADMIN}/archives", token=t)
    assert r.status == 200
    assert len(r.data["items"]) == 1
    item = r.data["items"][0]
    assert item["archive_no"] == f"42020400A{data['id']:06d}"
    assert item["reviewer"] == "智慧审批"
    r = await client.get(f"{ADMIN}/{data['id']}/archive", token=t)
    codes = [d["code"] for d in r.data["documents"]]
    assert codes == ["application", "name_commitment", "residence", "review_sheet", "license", "archive_record",
                     "id_photo"]
    r = await client.patch(f"{ADMIN}/{data['id']}/archive", token=t,
                           json={"archivist": "李档案", "location": "下陆区局档案室", "archived_on": "2026-03-03"})
    assert r.status == 200
    assert r.data["archive"]["archivist"] == "李档案"
    assert r.data["archive"]["reason"] == "全程电子化自动归档"
    r = await client.patch(f"{ADMIN}/{data['id']}/archive", token=t, json={"location": None, "reason": None})
    assert r.status == 422
    assert r.data["errors"][0]["field"] == "reason"
    r = await client.patch(f"{ADMIN}/{data['id']}/archive", token=t, json={"location": None})
    assert r.data["archive"]["location"] is None
    r = await client.patch(f"{ADMIN}/{data['id']}/archive", token=t, json={"location": "下陆区局档案室"})
    assert await AuditLog.exists(action="registration.archive")
    record = await client.get(f"{ADMIN}/{data['id']}/archive/files/archive_record", token=t)
    assert record.status == 200
    assert "李档案".encode("utf-16-be").hex().upper().encode() in record.body
    photo = await client.get(f"{ADMIN}/{data['id']}/archive/files/id_photo", token=t)
    assert photo.status == 200
    assert photo.headers["content-type"] == "image/png"
    z = await client.get(f"{ADMIN}/{data['id']}/archive.zip", token=t)
    assert z.status == 200
    with zipfile.ZipFile(io.BytesIO(z.body)) as bundle:
        names = bundle.namelist()
        assert "目录.txt" in names
        assert len(names) == 8
        assert "李档案" in bundle.read("目录.txt").decode()


async def test_no_name_registration_is_approved_under_the_store_name(client, cast):
    data = await rf.submitted(client, cast.tokens["applicant"], business_type="fruit_shop",
                              name={"named": False, "region_code": "420204", "place": "下陆区新下陆街道8号",
                                    "capital": "3"},
                              basic=rf.basic_body(store_name="阿静水果摊", scope=["新鲜水果零售"]))
    assert data["outcome"] == "approved"
    assert {d["code"] for d in data["documents"]} == {"application", "residence", "review_sheet", "license"}
    business = await Business.get(uscc=data["uscc"])
    assert business.name == "阿静水果摊"
    assert business.industry == "零售业"


async def test_parallel_submits_approve_once(client, cast):
    import asyncio

    token = cast.tokens["applicant"]
    reg_id = await rf.signed(client, token)
    replies = await asyncio.gather(*[client.post(f"{MP}/{reg_id}/submit", token=token) for _ in range(4)])
    statuses = sorted(r.status for r in replies)
    assert statuses.count(200) == 1, replies
    assert all(r.code in ("REGISTRATION_STATE_CHANGED", "REGISTRATION_ACTION_NOT_ALLOWED")
               for r in replies if r.status != 200)
    assert await Business.filter(name="黄石市下陆区穆静饺子馆").count() == 1
    assert await RegistrationEvent.filter(registration_id=reg_id, action="auto_approve").count() == 1
    assert (await Registration.get(id=reg_id)).uscc


async def test_two_applicants_racing_for_one_name(client, cast):
    import asyncio

    a = await rf.draft(client, cast.tokens["applicant"], until="created")
    b = await rf.draft(client, cast.tokens["stranger"], until="created")
    replies = await asyncio.gather(
        client.request("PUT", f"{MP}/{a}/name", token=cast.tokens["applicant"], json=rf.name_body()),
        client.request("PUT", f"{MP}/{b}/name", token=cast.tokens["stranger"], json=rf.name_body()))
    assert sorted(r.status for r in replies) == [200, 409]
    assert [r.code for r in replies if r.status == 409] == ["REGISTRATION_NAME_TAKEN"]


async def test_operator_on_the_serious_violation_list_and_home_use_go_to_a_person(client, cast, deps):
    from tests import factories
    from tests.credit import factories as cf

    old = await factories.business(deps, cast.tree.station, name="下陆区穆静旧店", operator="穆静")
    number = rf.id_number()
    await old.filter(id=old.id).update(operator_id_enc=deps.cipher.encrypt(number),
                                       operator_id_index=deps.cipher.blind_index(number))
    await cf.listing(old, cast.tree.district, kind="serious_violation")
    residence = rf.basic_body()["residence"] | {"property_use": "residential"}
    data = await rf.submitted(client, cast.tokens["applicant"], basic=rf.basic_body(residence=residence))
    assert data["outcome"] == "reviewing"
    assert {x["code"] for x in data["failed_rules"]} == {"operator_not_listed", "residence_commercial"}


async def test_staff_export_the_queue_and_the_archive_to_excel(client, cast):
    from openpyxl import load_workbook

    routed = await rf.submitted(client, cast.tokens["applicant"], name=rf.name_body(capital="300"))
    r = await client.get(f"{ADMIN}/export", token=cast.tokens["reviewer"])
    assert r.status == 200
    rows = list(load_workbook(io.BytesIO(r.body)).active.iter_rows(values_only=True))
    assert rows[0][0] == "申请编号"
    assert rows[1][0] == routed["number"]
    assert "资金数额" in rows[1][-1]
    await client.post(f"{ADMIN}/{routed['id']}/approve", token=cast.tokens["reviewer"], json={})
    r = await client.get(f"{ADMIN}/archives/export", token=cast.tokens["reviewer"])
    rows = list(load_workbook(io.BytesIO(r.body)).active.iter_rows(values_only=True))
    assert rows[1][0] == f"42020400A{routed['id']:06d}"
    assert rows[1][6] == "人工审核"
    assert (await client.get(f"{ADMIN}/export", token=cast.tokens["clerk"])).status == 403
    other = await client.get(f"{ADMIN}/archives/export", token=cast.tokens["other_reviewer"])
    assert len(list(load_workbook(io.BytesIO(other.body)).active.iter_rows(values_only=True))) == 1
