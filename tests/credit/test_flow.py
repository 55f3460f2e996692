"""The applicant and staff flows through the API: the done-when walk, every (state, action) pair."""

import pytest

from getitong.credit import service
from getitong.credit.models import CreditApplication, CreditEvent
from getitong.risk.models import Listing
from tests.credit.factories import ADMIN, MP, STEPS, act, listing, materials, move_to, new_application

STAFF_ACTIONS = ("accept", "transfer", "review", "approve", "return", "refuse")
ALLOWED = {
    ("submitted", "accept"): "reviewing", ("submitted", "transfer"): "submitted",
    ("submitted", "return"): "returned", ("submitted", "refuse"): "refused",
    ("reviewing", "review"): "approving", ("reviewing", "return"): "submitted", ("reviewing", "refuse"): "refused",
    ("approving", "approve"): "approved", ("approving", "return"): "reviewing", ("approving", "refuse"): "refused",
}
ACTOR = {"accept": "dclerk", "transfer": "dclerk", "review": "dreviewer", "approve": "dapprover"}
BY_STATE = {"submitted": "dclerk", "reviewing": "dreviewer", "approving": "dapprover"}


def _actor(status: str, action: str) -> str:
    return ACTOR.get(action) or BY_STATE.get(status, "dclerk")


@pytest.mark.parametrize("status", list(STEPS))
@pytest.mark.parametrize("action", STAFF_ACTIONS)
async def test_every_staff_action_in_every_state(client, cast, status, action):
    app_id = await move_to(client, cast, status)
    events_before = await CreditEvent.filter(application_id=app_id).count()
    r = await act(client, cast, _actor(status, action), app_id, action, opinion="理由充分",
                  target_org_id=cast.tree.station.id)
    app = await CreditApplication.get(id=app_id)
    if (status, action) in ALLOWED:
        assert r.status == 200, r
        assert app.status.value == ALLOWED[(status, action)]
        ev = await CreditEvent.filter(application_id=app_id).order_by("-id").first()
        assert (ev.action, ev.from_status, ev.to_status) == (action, status, ALLOWED[(status, action)])
        assert ev.comment == "理由充分"
    else:
        assert r.status == 409, r
        assert r.code == "CREDIT_ACTION_NOT_ALLOWED"
        assert app.status.value == status
        assert await CreditEvent.filter(application_id=app_id).count() == events_before


@pytest.mark.parametrize("status", list(STEPS))
async def test_resubmit_in_every_state(client, cast, status):
    app_id = await move_to(client, cast, status)
    r = await client.post(f"{MP}/applications/{app_id}/resubmit", token=cast.tokens["owner"],
                          json={"comment": "已补充整改材料"})
    if status == "returned":
        assert r.status == 200, r
        assert r.data["status"] == "submitted"
    else:
        assert r.status == 409, r
        assert r.code == "CREDIT_ACTION_NOT_ALLOWED"


@pytest.mark.parametrize(("status", "action", "who"), [
    ("submitted", "accept", "dreviewer"), ("submitted", "accept", "dapprover"),
    ("reviewing", "review", "dclerk"), ("approving", "approve", "dreviewer"), ("approving", "approve", "dclerk"),
    ("submitted", "refuse", "dapprover"),
])
async def test_wrong_role_is_refused(client, cast, status, action, who):
    app_id = await move_to(client, cast, status)
    r = await act(client, cast, who, app_id, action, opinion="不同意")
    assert r.status == 409
    assert r.code == "CREDIT_ACTION_NOT_ALLOWED"
    assert "无权" in r.message
    assert (await CreditApplication.get(id=app_id)).status.value == status


async def test_done_when_walk(client, cast, wechat):
    """An owner applies to leave the abnormal list with materials; the district transfers it to the station,
    which accepts, reviews and approves; the owner sees every step, the listing shows removed."""
    t = cast.tokens
    r = await client.get(f"{MP}/options")
    assert [k["label"] for k in r.data["kinds"]] == ["严重违法失信名单", "企业经营异常名录", "个体工商户经营异常状态",
                                                    "农民专业合作社经营异常名录"]
    r = await client.get(f"{MP}/businesses", token=t["owner"])
    mine = r.data["items"][0]
    assert mine["uscc"] == cast.shop[0].uscc
    assert mine["operator_name"] == "张秀英"
    assert "*" in mine["operator_id_masked"]
    r = await client.post(f"{MP}/verify", token=t["owner"], json={"business_id": cast.shop[0].id,
                                                                  "kind": "individual_abnormal"})
    assert r.status == 200, r
    assert [x["id"] for x in r.data["listings"]] == [cast.listing.id]
    assert r.data["listings"][0]["can_apply"] is True
    app = await new_application(client, cast)
    assert app["number"].startswith("XF20260302")
    assert app["status_label"] == "待受理"
    # The listing now has an open application: shown, but it cannot be picked again.
    r = await client.post(f"{MP}/verify", token=t["owner"], json={"business_id": cast.shop[0].id,
                                                                  "kind": "individual_abnormal"})
    assert r.data["listings"][0]["can_apply"] is False
    assert r.data["listings"][0]["open_application"] == app["number"]

    # The listing office (下陆区局) has it; it transfers it to the station where the shop is registered.
    r = await client.get(f"{ADMIN}/applications/{app['id']}/transfer-targets", token=t["dclerk"])
    assert [o["id"] for o in r.data["items"]] == [cast.tree.station.id]
    r = await act(client, cast, "dclerk", app["id"], "transfer", opinion="属地监管所办理",
                  target_org_id=cast.tree.station.id)
    assert r.status == 200, r
    assert r.data["transferred"] is True
    for who, action, opinion in (("sclerk", "accept", "材料齐全，予以受理"), ("sreviewer", "review", "审核通过"),
                                 ("sapprover", "approve", "同意移出")):
        r = await act(client, cast, who, app["id"], action, opinion=opinion)
        assert r.status == 200, r
    assert r.data["status"] == "approved"
    form = r.data["approval_form"]
    assert [(row["step"], row["action"]) for row in form] == [("经办", "transfer"), ("经办", "accept"),
                                                             ("审核", "review"), ("审批", "approve")]
    assert form[0]["payload"]["to_org_name"] == cast.tree.station.name
    assert form[3]["person"] == "测试人员"
    assert form[3]["opinion"] == "同意移出"

    # The owner's progress query (login phone) shows every step with dates.
    r = await client.get(f"{MP}/progress", token=t["owner"])
    assert r.data["phone"] == "139****0001"
    assert [a["number"] for a in r.data["items"]] == [app["number"]]
    assert r.data["items"][0]["status_label"] == "已办结（准予修复）"
    r = await client.get(f"{MP}/applications/{app['id']}", token=t["owner"])
    assert [ev["action_label"] for ev in r.data["events"]] == ["提交申请", "转办", "受理", "审核通过", "审批通过"]
    assert all(ev["at"] for ev in r.data["events"])
    assert "actor_name" not in r.data["events"][1]  # staff names stay internal

    # The risk warnings show the listing removed, by credit repair, with the application number.
    x = await Listing.get(id=cast.listing.id)
    assert x.status.value == "removed"
    assert x.removal_source.value == "credit_repair"
    assert x.removal_ref == app["number"]
    r = await client.get("/api/v1/mp/risk-records?kind=abnormal", token=t["owner"])
    assert r.data["items"][0]["status_label"] == "已移出"
    # No WeChat openid: nothing is sent, and nothing fails.
    await service.wait_background()


async def test_return_reason_reaches_applicant_and_resubmit(client, cast):
    app_id = await move_to(client, cast, "submitted")
    r = await act(client, cast, "dclerk", app_id, "return", opinion="请补充整改照片")
    assert r.data["status"] == "returned"
    r = await client.get(f"{MP}/progress", token=cast.tokens["owner"])
    assert r.data["items"][0]["last_reason"] == "请补充整改照片"
    assert r.data["items"][0]["step"] == "申请人补正材料"
    extra = (await materials(client, cast.tokens["owner"]))[:1]
    r = await client.post(f"{MP}/applications/{app_id}/resubmit", token=cast.tokens["owner"],
                          json={"comment": "已补充", "materials": [{"type": "rectification",
                                                                  "file_id": extra[0]["file_id"]}]})
    assert r.status == 200, r
    assert len(r.data["materials"]) == 3
    r = await client.get(f"{ADMIN}/applications?todo=true", token=cast.tokens["dclerk"])
    assert [a["id"] for a in r.data["items"]] == [app_id]


async def test_refusal_releases_the_listing_and_notifies(client, cast, wechat, deps):
    cast.owner.wechat_openid = "oZHANG"
    await cast.owner.save()
    app_id = await move_to(client, cast, "approving")
    r = await act(client, cast, "dapprover", app_id, "refuse", opinion="违法行为尚未纠正")
    assert r.data["status"] == "refused"
    await service.wait_background()
    assert any(m["touser"] == "oZHANG" for m in wechat.sent)
    r = await client.get(f"{MP}/progress", token=cast.tokens["owner"])
    assert r.data["items"][0]["last_reason"] == "违法行为尚未纠正"
    # Refused: the listing is free to be applied for again.
    again = await new_application(client, cast)
    assert again["status"] == "submitted"


async def test_notification_failure_never_fails_approval(client, cast, wechat):
    cast.owner.wechat_openid = "oREFUSED"
    await cast.owner.save()
    wechat.refused_openids.add("oREFUSED")
    app_id = await move_to(client, cast, "approving")
    r = await act(client, cast, "dapprover", app_id, "approve")
    assert r.status == 200
    assert r.data["status"] == "approved"
    await service.wait_background()


async def test_another_business_by_register_identity(client, cast, deps):
    """Entering another business: USCC + operator name + ID number must all match the register."""
    other = cast.shop[2]
    number = deps.cipher.decrypt(other.operator_id_enc)
    x = await listing(other, cast.tree.other_district)
    body = {"uscc": other.uscc, "operator_name": "李四", "id_number": number, "kind": "individual_abnormal"}
    r = await client.post(f"{MP}/verify", token=cast.tokens["owner"], json=body)
    assert r.status == 200, r
    assert [i["id"] for i in r.data["listings"]] == [x.id]
    for wrong in ({"operator_name": "李五"}, {"id_number": number[:-1] + ("0" if number[-1] != "0" else "1")},
                  {"uscc": cast.shop[1].uscc}):
        r = await client.post(f"{MP}/verify", token=cast.tokens["owner"], json=body | wrong)
        assert r.status == 400
        assert r.code == "CREDIT_IDENTITY_MISMATCH"
    app = await new_application(client, cast, business_id=None, uscc=other.uscc, operator_name="李四",
                                id_number=number, listing_ids=[x.id], phone="13700000000")
    # Routed to the office that made the listing (江岸区局), never to 下陆区.
    r = await client.get(f"{ADMIN}/applications", token=cast.tokens["oclerk"])
    assert [a["number"] for a in r.data["items"]] == [app["number"]]
    r = await client.get(f"{ADMIN}/applications", token=cast.tokens["dclerk"])
    assert r.data["items"] == []
    # Progress by the other phone used when applying.
    r = await client.get(f"{MP}/progress?phone=13700000000", token=cast.tokens["owner"])
    assert [a["number"] for a in r.data["items"]] == [app["number"]]
    r = await client.get(f"{MP}/progress", token=cast.tokens["owner"])
    assert r.data["items"] == []


async def test_staff_side_apply_from_listing_list(client, cast):
    t = cast.tokens
    r = await client.get(f"{ADMIN}/listings?kind=individual_abnormal&name=张记", token=t["dclerk"])
    assert [x["id"] for x in r.data["items"]] == [cast.listing.id]
    assert r.data["items"][0]["can_apply"] is True
    r = await client.get(f"{ADMIN}/listings?kind=individual_abnormal&reason=无法联系&uscc={cast.shop[0].uscc}"
                         "&date_from=2025-04-01&date_to=2025-04-01", token=t["dclerk"])
    assert len(r.data["items"]) == 1
    r = await client.get(f"{ADMIN}/listings?kind=serious_violation", token=t["dclerk"])
    assert r.data["items"] == []
    r = await client.post(f"{ADMIN}/listings/{cast.listing.id}/apply", token=t["dclerk"],
                          json={"reason": "当事人现场申请", "phone": "13600000000"})
    assert r.status == 201, r
    assert r.data["channel_label"] == "审批端直接受理"
    assert r.data["actions"] == ["accept", "transfer", "return", "refuse"]
    r2 = await client.post(f"{ADMIN}/listings/{cast.listing.id}/apply", token=t["dclerk"], json={})
    assert r2.status == 409
    assert r2.code == "CREDIT_LISTING_BUSY"
    r = await client.get(f"{ADMIN}/listings?kind=individual_abnormal", token=t["dclerk"])
    assert r.data["items"][0]["open_application"].startswith("XF")
    assert r.data["items"][0]["can_apply"] is False


async def test_queue_search_and_keyset(client, cast):
    ids = []
    for i in range(3):
        x = await listing(cast.shop[0], cast.tree.district)
        ids.append((await new_application(client, cast, listing_ids=[x.id]))["id"])
        if i == 0:
            await act(client, cast, "dclerk", ids[0], "accept")
    t = cast.tokens["dclerk"]
    r = await client.get(f"{ADMIN}/applications?limit=2", token=t)
    assert [a["id"] for a in r.data["items"]] == ids[::-1][:2]
    r = await client.get(f"{ADMIN}/applications?limit=2&cursor={r.data['next']}", token=t)
    assert [a["id"] for a in r.data["items"]] == [ids[0]]
    assert r.data["next"] is None
    r = await client.get(f"{ADMIN}/applications?status=reviewing", token=t)
    assert [a["id"] for a in r.data["items"]] == [ids[0]]
    r = await client.get(f"{ADMIN}/applications?todo=true", token=t)
    assert [a["id"] for a in r.data["items"]] == ids[:0:-1]
    r = await client.get(f"{ADMIN}/applications?todo=true", token=cast.tokens["dreviewer"])
    assert [a["id"] for a in r.data["items"]] == [ids[0]]
    app = await CreditApplication.get(id=ids[1])
    r = await client.get(f"{ADMIN}/applications?number={app.number.lower()}", token=t)
    assert [a["id"] for a in r.data["items"]] == [ids[1]]
    r = await client.get(f"{ADMIN}/applications?name=张记&kind=individual_abnormal&uscc={cast.shop[0].uscc}",
                         token=t)
    assert len(r.data["items"]) == 3
    r = await client.get(f"{ADMIN}/applications?name=不存在的店", token=t)
    assert r.data["items"] == []
    r = await client.get(f"{ADMIN}/applications?kind=serious_violation", token=t)
    assert r.data["items"] == []
