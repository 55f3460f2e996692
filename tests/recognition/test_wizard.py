"""The owner's wizard: per-step checks, order, files, resume, cancel, the notice period, once per notice."""

from datetime import UTC, datetime

from getitong.recognition.models import RecognitionApplication
from tests.recognition.factories import ADMIN, INFO, MP, fill, notice, save, steps_payload, upload


async def _draft(client, token, nid, upto):
    return await fill(client, token, nid, upto=upto)


async def test_steps_must_be_taken_in_order(client, tokens):
    nid = (await notice(client, tokens["preview"]))["id"]
    r = await client.post(f"{MP}/notices/{nid}/application", token=tokens["owner"])
    assert (r.status, r.data["step"]) == (201, "read_notice")
    r = await save(client, tokens["owner"], nid, "category", {"category": "te"})
    assert (r.status, r.code) == (409, "RECOGNITION_STEP_ORDER")
    assert r.data["next_step"] == "read_notice"
    assert r.message == "请先完成「阅读须知」"
    r = await save(client, tokens["owner"], nid, "read_notice", {"acknowledged": False})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    assert "我已阅读须知" in r.message
    r = await save(client, tokens["owner"], nid, "read_notice", {"acknowledged": True})
    assert r.data["step"] == "promise"
    r = await save(client, tokens["owner"], nid, "promise", {"accepted": False})
    assert r.status == 422
    r = await save(client, tokens["owner"], nid, "signature", {})
    assert (r.status, r.code) == (404, "RECOGNITION_STEP_UNKNOWN")
    r = await client.request("PUT", f"{MP}/notices/{nid}/application/steps/promise", token=tokens["owner"],
                             data="not json", headers={"content-type": "application/json"})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")


async def test_category_must_be_open_in_the_notice(client, tokens):
    nid = (await notice(client, tokens["preview"], categories=[
        {"code": "ming", "requirements": "老字号"}, {"code": "te", "requirements": "特色"}]))["id"]
    await _draft(client, tokens["owner"], nid, 2)
    r = await save(client, tokens["owner"], nid, "category", {"category": "xin"})
    assert (r.status, r.code) == (400, "RECOGNITION_CATEGORY_INVALID")
    assert r.data["categories"] == ["ming", "te"]
    r = await save(client, tokens["owner"], nid, "category", {"category": "famous"})
    assert r.status == 422
    r = await save(client, tokens["owner"], nid, "category", {"category": "ming"})
    assert r.data["data"]["category"]["requirements"] == "老字号"


async def test_information_checks_and_nothing_half_written(client, tokens):
    nid = (await notice(client, tokens["preview"]))["id"]
    await _draft(client, tokens["owner"], nid, 3)
    bad = [
        ({"social_insured": 7}, "social_insured", "缴纳社保人数不能多于吸纳就业人数"),
        ({"introduction": "太短了"}, "introduction", "个体工商户介绍应为20至2000个字"),
        ({"introduction": "长" * 2001}, "introduction", "个体工商户介绍应为20至2000个字"),
        ({"revenue": "-1"}, "revenue", None),
        ({"revenue": "1.005"}, "revenue", None),
        ({"revenue": "NaN"}, "revenue", None),
        ({"employees": -1}, "employees", None),
        ({"employees": "6"}, "employees", None),
        ({"employees": True}, "employees", None),
        ({"net_profit": None}, "net_profit", None),
        ({"extra": 1}, "extra", None),
    ]
    for over, field, message in bad:
        r = await save(client, tokens["owner"], nid, "info", {**INFO, **over})
        assert (r.status, r.code) == (422, "VALIDATION_ERROR"), over
        assert r.data["errors"][0]["field"] == field, (over, r)
        if message:
            assert r.data["errors"][0]["message"] == message
    view = await client.get(f"{MP}/notices/{nid}/application", token=tokens["owner"])
    assert view.data["data"]["info"] is None
    assert view.data["step"] == "info"
    r = await save(client, tokens["owner"], nid, "info", {**INFO, "revenue": 0.1, "net_profit": -300.5,
                                                          "introduction": "  " + INFO["introduction"] + "  "})
    assert r.status == 200, r
    info = r.data["data"]["info"]
    assert (info["revenue"], info["net_profit"]) == ("0.10", "-300.50")
    assert info["introduction"] == INFO["introduction"]
    assert r.data["step"] == "declaration"


async def test_files_must_be_the_owners_own(client, tokens):
    nid = (await notice(client, tokens["preview"]))["id"]
    await _draft(client, tokens["owner"], nid, 4)
    theirs = await upload(client, tokens["other_owner"], 1)
    mine_pdf = await upload(client, tokens["owner"], 1, kind="pdf")
    mine_png = await upload(client, tokens["owner"], 1)
    decl = {"subject_type": "product", "subject_name": "黄石港饼", "highlights": "传统工艺"}
    for images, message in ((theirs, "材料文件不存在或不属于您"), (mine_pdf, "资质材料须为图片"),
                            ([999999], "材料文件不存在或不属于您")):
        r = await save(client, tokens["owner"], nid, "declaration", {**decl, "qualification_images": images})
        assert (r.status, r.code, r.message) == (400, "RECOGNITION_FILE_INVALID", message)
    r = await save(client, tokens["owner"], nid, "declaration", {**decl, "qualification_images": []})
    assert r.status == 422
    r = await save(client, tokens["owner"], nid, "declaration", {**decl, "qualification_images": mine_png})
    assert r.status == 200, r
    r = await save(client, tokens["owner"], nid, "materials", {"materials": [{"type": "license", "file_id": theirs[0]}]})
    assert (r.status, r.code) == (400, "RECOGNITION_FILE_INVALID")
    r = await save(client, tokens["owner"], nid, "materials", {"materials": [{"type": "photo", "file_id": mine_pdf[0]}]})
    assert r.status == 422
    r = await save(client, tokens["owner"], nid, "materials", {"materials": [{"type": "license", "file_id": mine_pdf[0]}]})
    assert r.status == 200
    assert r.data["data"]["materials"][0]["type_label"] == "营业执照"
    # The owner can open the files through the application; another business cannot.
    url = r.data["data"]["materials"][0]["file"]["url"]
    assert (await client.get(url, token=tokens["owner"])).body.startswith(b"%PDF")
    assert (await client.get(url, token=tokens["other_owner"])).status == 404
    assert (await client.get(url, token=tokens["owner_b"])).status == 404


async def test_submit_needs_every_step(client, tokens):
    nid = (await notice(client, tokens["preview"]))["id"]
    await _draft(client, tokens["owner"], nid, 4)
    r = await client.post(f"{MP}/notices/{nid}/application/submit", token=tokens["owner"])
    assert (r.status, r.code) == (400, "RECOGNITION_STEP_INCOMPLETE")
    assert r.data["missing"] == ["declaration", "materials"]
    assert r.message == "申请信息尚未填写完整：申报信息、认定材料"
    assert (await RecognitionApplication.get(notice_id=nid)).status == "draft"


async def test_cancel_discards_the_draft(client, tokens, deps, shop):
    nid = (await notice(client, tokens["preview"]))["id"]
    await _draft(client, tokens["owner"], nid, 4)
    r = await client.post(f"{MP}/notices/{nid}/application/cancel", token=tokens["owner"])
    assert (r.status, r.data["status_label"]) == (200, "已取消")
    assert (await client.get(f"{MP}/notices/{nid}/application", token=tokens["owner"])).code == \
        "RECOGNITION_APPLICATION_NOT_FOUND"
    assert await RecognitionApplication.filter(notice_id=nid).count() == 0
    r = await client.post(f"{MP}/notices/{nid}/application", token=tokens["owner"])
    assert (r.status, r.data["step"], r.data["data"]["info"]) == (201, "read_notice", None)
    assert int(await deps.cache.get(f"home:v:b:{shop[0].id}") or 0) >= 1


async def test_period_rules(client, tokens, clock):
    # Published in advance: a draft may be prepared, submitting waits for the period to start.
    nid = (await notice(client, tokens["preview"], starts_at="2026-03-10T00:00:00+08:00",
                        ends_at="2026-03-20T18:00:00+08:00"))["id"]
    listed = await client.get(f"{MP}/notices", token=tokens["owner"])
    assert listed.data["items"][0]["period_state_label"] == "未开始"
    await fill(client, tokens["owner"], nid)
    r = await client.post(f"{MP}/notices/{nid}/application/submit", token=tokens["owner"])
    assert (r.status, r.code) == (409, "RECOGNITION_NOTICE_NOT_STARTED")
    clock.set(datetime(2026, 3, 20, 10, 0, 1, tzinfo=UTC))  # 18:00:01 in Beijing: one second too late
    r = await client.post(f"{MP}/notices/{nid}/application/submit", token=tokens["owner"])
    assert (r.status, r.code) == (409, "RECOGNITION_NOTICE_CLOSED")
    r = await save(client, tokens["owner"], nid, "promise", {"accepted": True})
    assert r.code == "RECOGNITION_NOTICE_CLOSED"
    assert (await client.get(f"{MP}/notices", token=tokens["owner"])).data["items"] == []
    # Another business of the same owner cannot start after the end either.
    r = await client.post(f"{MP}/notices/{nid}/application", token=tokens["owner_b"])
    assert (r.status, r.code) == (409, "RECOGNITION_NOTICE_CLOSED")
    clock.set(datetime(2026, 3, 20, 9, 59, 59, tzinfo=UTC))
    r = await client.post(f"{MP}/notices/{nid}/application/submit", token=tokens["owner"])
    assert r.status == 200, r


async def test_closed_by_staff_stops_submission(client, tokens):
    nid = (await notice(client, tokens["preview"]))["id"]
    await fill(client, tokens["owner"], nid)
    assert (await client.post(f"{ADMIN}/notices/{nid}/close", token=tokens["preview"])).status == 200
    r = await client.post(f"{MP}/notices/{nid}/application/submit", token=tokens["owner"])
    assert (r.status, r.code) == (409, "RECOGNITION_NOTICE_CLOSED")


async def test_once_per_business_per_notice(client, tokens, shop):
    nid = (await notice(client, tokens["preview"]))["id"]
    await fill(client, tokens["owner"], nid)
    assert (await client.post(f"{MP}/notices/{nid}/application/submit", token=tokens["owner"])).status == 200
    for path in ("", "/submit"):
        r = await client.post(f"{MP}/notices/{nid}/application{path}", token=tokens["owner"])
        assert (r.status, r.code) == (409, "RECOGNITION_ALREADY_APPLIED"), path
        assert r.data["status_label"] == "待受理"
    # The owner's other business applies on its own.
    r = await client.post(f"{MP}/notices/{nid}/application", token=tokens["owner_b"])
    assert r.status == 201
    assert await RecognitionApplication.filter(notice_id=nid).count() == 2
    mine = await client.get(f"{MP}/applications", token=tokens["owner_b"])
    assert [a["status"] for a in mine.data["items"]] == ["draft"]


async def test_returned_can_be_resubmitted_after_the_period(client, tokens, clock):
    nid = (await notice(client, tokens["preview"], ends_at="2026-03-05T18:00:00+08:00"))["id"]
    view = await fill(client, tokens["owner"], nid)
    await client.post(f"{MP}/notices/{nid}/application/submit", token=tokens["owner"])
    r = await client.post(f"{ADMIN}/applications/{view['id']}/return", token=tokens["preview"],
                          json={"reason": "营业执照照片不清晰"})
    assert r.status == 200
    clock.set(datetime(2026, 3, 10, tzinfo=UTC))
    images = await upload(client, tokens["owner"], 1)
    r = await save(client, tokens["owner"], nid, "declaration", steps_payload(images, [1])[4][1])
    assert r.status == 200, r
    r = await client.post(f"{MP}/notices/{nid}/application/submit", token=tokens["owner"])
    assert (r.status, r.data["status"], r.data["reason"]) == (200, "submitted", None)


async def test_owner_sees_only_notices_reaching_the_business(client, tokens, tree):
    province = (await notice(client, tokens["preview"], title="全省公告"))["id"]
    district = (await notice(client, tokens["reviewer"], title="下陆区公告"))["id"]
    other = (await notice(client, tokens["otherreviewer"], title="江岸区公告"))["id"]
    draft = (await notice(client, tokens["preview"], title="未发布公告", publish=False))["id"]
    withdrawn = (await notice(client, tokens["preview"], title="已撤回公告"))["id"]
    await client.post(f"{ADMIN}/notices/{withdrawn}/withdraw", token=tokens["preview"])
    mine = await client.get(f"{MP}/notices", token=tokens["owner"])
    assert [n["title"] for n in mine.data["items"]] == ["下陆区公告", "全省公告"]
    theirs = await client.get(f"{MP}/notices", token=tokens["other_owner"])
    assert [n["title"] for n in theirs.data["items"]] == ["江岸区公告", "全省公告"]
    for nid in (other, draft, withdrawn):
        r = await client.get(f"{MP}/notices/{nid}", token=tokens["owner"])
        assert (r.status, r.code) == (404, "RECOGNITION_NOTICE_NOT_FOUND")
        r = await client.post(f"{MP}/notices/{nid}/application", token=tokens["owner"])
        assert r.status == 404
    assert (await client.get(f"{MP}/notices/{province}", token=tokens["owner"])).status == 200
    assert (await client.get(f"{MP}/notices/{district}", token=tokens["owner"])).data["org"]["name"] == \
        "黄石市下陆区市场监督管理局"
    page = await client.get(f"{MP}/notices", token=tokens["owner"], params={"limit": 1})
    assert page.data["next"]
    rest = await client.get(f"{MP}/notices", token=tokens["owner"], params={"limit": 1, "cursor": page.data["next"]})
    assert [n["title"] for n in rest.data["items"]] == ["全省公告"]
