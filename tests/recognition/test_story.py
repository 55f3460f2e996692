"""The done-flow of the issue: two sittings, submit, penalty record, return, correction, recognition, the list."""

from datetime import date

from getitong.core.models import AuditLog
from getitong.recognition.models import RecognitionApplication, RecognitionEvent
from tests.api.conftest import login_person, login_staff
from tests.recognition.factories import ADMIN, INFO, MP, notice, save, steps_payload, upload
from tests.risk import factories as risk


async def test_owner_wizard_two_sittings_return_correct_recognise_publish(client, tokens, tree, shop, clock,
                                                                          deps):
    # The province publishes a notice; the owner's station is under it.
    published = await notice(client, tokens["preview"])
    nid = published["id"]
    # A penalty three years ago (outside the window) and one last year (inside it).
    await risk.penalty(shop[0], tree.district, doc_no="黄下市监罚〔2023〕9号", decided_on=date(2023, 6, 1),
                       published_on=date(2023, 6, 5))
    await risk.penalty(shop[0], tree.district, doc_no="黄下市监罚〔2025〕3号", decided_on=date(2025, 5, 20),
                       published_on=date(2025, 5, 25), violation_type="未按规定明码标价")

    # First sitting: log in, find the notice, read, promise, pick 特, fill in the information.
    token = (await login_person(client))["token"]["access_token"]
    listed = await client.get(f"{MP}/notices", token=token)
    assert [n["title"] for n in listed.data["items"]] == ["2026年度湖北省个体工商户“名特优新”分类认定公告"]
    assert listed.data["items"][0]["is_open"] is True
    detail = await client.get(f"{MP}/notices/{nid}", token=token)
    assert "承诺所填报信息" in detail.data["promise"]
    assert [c["label"] for c in detail.data["categories"]] == ["名", "特", "优", "新"]
    r = await client.post(f"{MP}/notices/{nid}/application", token=token)
    assert r.status == 201, r
    assert r.data["step"] == "read_notice"
    images = await upload(client, token, 2)
    materials = await upload(client, token, 1, kind="pdf")
    plan = steps_payload(images, materials)
    for step, body in plan[:4]:
        r = await save(client, token, nid, step, body)
        assert r.status == 200, (step, r)

    # Second sitting: a new login; the draft resumes at the declaration with everything saved.
    token = (await login_person(client))["token"]["access_token"]
    r = await client.post(f"{MP}/notices/{nid}/application", token=token)
    assert r.status == 200, r
    resumed = await client.get(f"{MP}/notices/{nid}/application", token=token)
    assert resumed.data["step"] == "declaration"
    assert resumed.data["data"]["category"]["label"] == "特"
    assert resumed.data["data"]["info"]["revenue"] == "860000.50"
    assert resumed.data["data"]["info"]["net_profit"] == "-12000.00"
    assert resumed.data["data"]["info"]["introduction"] == INFO["introduction"]
    for step, body in plan[4:]:
        r = await save(client, token, nid, step, body)
        assert r.status == 200, (step, r)
    assert r.data["complete"] is True
    clock.advance(hours=1)
    r = await client.post(f"{MP}/notices/{nid}/application/submit", token=token)
    assert r.status == 200, r
    assert r.data["status_label"] == "待受理"
    app_id = r.data["id"]

    # The district reviewer cannot see a province notice's applications; the province reviewer can.
    staff = await login_staff(client, "preview")
    queue = await client.get(f"{ADMIN}/applications", token=staff)
    assert [a["business"]["name"] for a in queue.data["items"]] == ["下陆区张记小吃店"]
    d = await client.get(f"{ADMIN}/applications/{app_id}", token=staff)
    assert [p["doc_no"] for p in d.data["risk"]["penalties"]] == ["黄下市监罚〔2025〕3号"]
    assert d.data["risk"]["penalties"][0]["violation_type"] == "未按规定明码标价"
    assert d.data["data"]["declaration"]["subject_name"] == "黄石港饼"
    image = await client.get(d.data["data"]["declaration"]["qualification_images"][0]["url"], token=staff)
    assert image.status == 200
    assert image.body.startswith(b"\x89PNG")
    assert d.data["allowed_actions"] == ["accept", "return"]

    r = await client.post(f"{ADMIN}/applications/{app_id}/accept", token=staff, json={"comment": "材料齐全"})
    assert r.data["status_label"] == "审核中"
    r = await client.post(f"{ADMIN}/applications/{app_id}/return", token=staff,
                          json={"reason": "请补充黄石港饼制作技艺的传承证明"})
    assert r.status == 200, r
    assert r.data["status_label"] == "退回补正"

    # The owner sees the reason, corrects the materials and resubmits the same application.
    mine = await client.get(f"{MP}/applications", token=token)
    assert mine.data["items"][0]["status_label"] == "退回补正"
    assert mine.data["items"][0]["reason"] == "请补充黄石港饼制作技艺的传承证明"
    r = await client.post(f"{MP}/notices/{nid}/application", token=token)
    assert r.status == 200
    assert r.data["allowed_actions"] == ["save", "resubmit"]
    more = await upload(client, token, 1)
    r = await save(client, token, nid, "materials", {"materials": [
        {"type": "license", "file_id": materials[0]}, {"type": "honor", "file_id": more[0]}]})
    assert r.status == 200, r
    r = await client.post(f"{MP}/notices/{nid}/application/submit", token=token)
    assert r.status == 200, r
    assert (r.data["id"], r.data["status"], r.data["submit_count"]) == (app_id, "submitted", 2)
    assert await RecognitionApplication.filter(business_id=shop[0].id).count() == 1

    for action in ("accept", "recognise"):
        r = await client.post(f"{ADMIN}/applications/{app_id}/{action}", token=staff, json={})
        assert r.status == 200, (action, r)
    assert r.data["status_label"] == "已认定"

    # The published list shows the business and its category, to anyone.
    public = await client.get(f"{MP}/notices/{nid}/recognised")
    assert [(x["business_name"], x["category"]["label"]) for x in public.data["items"]] == [("下陆区张记小吃店", "特")]
    mine = await client.get(f"{MP}/applications/{app_id}", token=token)
    assert [ev["action"] for ev in mine.data["timeline"]] == ["create", "submit", "accept", "return", "resubmit",
                                                                "accept", "recognise"]
    assert mine.data["timeline"][3]["actor_name"] == "湖北省市场监督管理局"  # staff names stay internal
    assert await RecognitionEvent.filter(application_id=app_id).count() == 7
    assert await AuditLog.filter(target_type="recognition_application", target_id=str(app_id)).count() == 4
