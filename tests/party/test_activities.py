"""Activities: staff publish in their scope; businesses under the org sign up, cancel, and check in."""

import io
from datetime import timedelta

from PIL import Image
from pyzbar.pyzbar import decode

from getitong.common import home_events
from getitong.core.models import AuditLog
from getitong.party import qr, service
from getitong.party.models import Activity, ActivitySignup
from tests.party.factories import (
    ADMIN,
    MP,
    activity_payload,
    delete,
    new_member,
    published_activity,
)


async def _scan(client, token, activity_id):
    r = await client.get(f"{ADMIN}/activities/{activity_id}/qr", token=token)
    assert r.status == 200, r
    return decode(Image.open(io.BytesIO(r.body)))[0].data.decode()


# ---------------------------------------------------------------------------- staff side


async def test_staff_create_edit_publish_cancel_with_audit(client, tokens, clock, tree):
    start = clock.at + timedelta(days=2)
    r = await client.post(f"{ADMIN}/activities", token=tokens["party"], json=activity_payload(start))
    assert r.status == 201, r
    aid = r.data["id"]
    assert (r.data["status"], r.data["actions"]) == ("draft", ["edit", "publish", "delete"])
    assert r.data["qr_url"] is None
    r = await client.patch(f"{ADMIN}/activities/{aid}", token=tokens["party"], json={"capacity": 2, "place": "新地点"})
    assert (r.data["capacity"], r.data["place"]) == (2, "新地点")
    r = await client.post(f"{ADMIN}/activities/{aid}/publish", token=tokens["party"])
    assert (r.data["status_label"], r.data["actions"]) == ("已发布", ["edit", "cancel"])
    assert r.data["qr_url"].endswith(f"/activities/{aid}/qr")
    again = await client.post(f"{ADMIN}/activities/{aid}/publish", token=tokens["party"])
    assert (again.status, again.code) == (409, "PARTY_ACTION_NOT_ALLOWED")
    gone = await delete(client, f"{ADMIN}/activities/{aid}", tokens["party"])
    assert gone.code == "PARTY_ACTION_NOT_ALLOWED"
    r = await client.post(f"{ADMIN}/activities/{aid}/cancel", token=tokens["party"], json={"reason": "天气原因"})
    assert (r.status, r.data["status_label"], r.data["cancel_reason"]) == (200, "已取消", "天气原因")
    assert r.data["actions"] == []
    r = await client.patch(f"{ADMIN}/activities/{aid}", token=tokens["party"], json={"title": "改"})
    assert r.code == "PARTY_ACTION_NOT_ALLOWED"
    assert (await client.get(f"{ADMIN}/activities/{aid}/qr", token=tokens["party"])).code == \
        "PARTY_ACTION_NOT_ALLOWED"
    actions = await AuditLog.filter(target_type="party_activity", target_id=str(aid)).order_by("id") \
        .values_list("action", flat=True)
    assert actions == ["party.activity.create", "party.activity.update", "party.activity.publish",
                       "party.activity.cancel"]
    update = await AuditLog.get(action="party.activity.update")
    assert (update.before["capacity"], update.after["capacity"]) == (10, 2)

    draft = await client.post(f"{ADMIN}/activities", token=tokens["party"], json=activity_payload(start))
    r = await delete(client, f"{ADMIN}/activities/{draft.data['id']}", tokens["party"])
    assert r.status == 200
    assert not await Activity.exists(id=draft.data["id"])
    assert await AuditLog.exists(action="party.activity.delete", target_id=str(draft.data["id"]))


async def test_bad_activity_input(client, tokens, clock, tree):
    start = clock.at + timedelta(days=1)
    cases = [
        (activity_payload(start, hours=-1), 422, "VALIDATION_ERROR"),
        (activity_payload(start, capacity=0), 422, "VALIDATION_ERROR"),
        (activity_payload(start) | {"starts_at": "2026-03-03T09:00:00"}, 422, "VALIDATION_ERROR"),  # no zone
        (activity_payload(clock.at - timedelta(hours=1)), 400, "PARTY_ACTIVITY_TIME_INVALID"),
        (activity_payload(start, org_id=tree.other_district.id), 403, "ORG_OUT_OF_SCOPE"),
        (activity_payload(start, org_id=2**63), 422, "VALIDATION_ERROR"),
        (activity_payload(start) | {"ends_at": "9999-12-31T23:59:59+08:00"}, 422, "VALIDATION_ERROR"),
    ]
    for payload, status, code in cases:
        r = await client.post(f"{ADMIN}/activities", token=tokens["party"], json=payload)
        assert (r.status, r.code) == (status, code), payload
    assert await Activity.all().count() == 0
    # An org below the actor's is fine.
    r = await client.post(f"{ADMIN}/activities", token=tokens["party"],
                          json=activity_payload(start, org_id=tree.station.id))
    assert r.data["org"]["id"] == tree.station.id
    r = await client.patch(f"{ADMIN}/activities/{r.data['id']}", token=tokens["party"],
                           json={"ends_at": (start - timedelta(hours=1)).isoformat()})
    assert r.code == "PARTY_ACTIVITY_TIME_INVALID"


async def test_staff_scope_and_roles_on_every_admin_endpoint(client, tokens, clock):
    a = await published_activity(client, tokens["party"], clock.at + timedelta(days=1))
    aid = a["id"]
    reads = [f"/activities/{aid}", f"/activities/{aid}/qr", f"/activities/{aid}/signups",
             f"/activities/{aid}/signups/export"]
    writes = [("PATCH", f"/activities/{aid}", {"title": "x"}), ("POST", f"/activities/{aid}/cancel", {"reason": "x"}),
              ("POST", f"/activities/{aid}/publish", None), ("DELETE", f"/activities/{aid}", None)]
    # The city above sees and manages it; the station below and another district do not see it at all.
    assert (await client.get(f"{ADMIN}{reads[0]}", token=tokens["cityparty"])).status == 200
    assert [x["id"] for x in (await client.get(f"{ADMIN}/activities", token=tokens["cityparty"])).data["items"]] \
        == [aid]
    for who in ("stationparty", "otherparty"):
        assert (await client.get(f"{ADMIN}/activities", token=tokens[who])).data["items"] == []
        for path in reads:
            r = await client.get(f"{ADMIN}{path}", token=tokens[who])
            assert (r.status, r.code) == (404, "PARTY_ACTIVITY_NOT_FOUND"), (who, path)
        for method, path, payload in writes:
            r = await client.request(method, f"{ADMIN}{path}", token=tokens[who], json=payload)
            assert (r.status, r.code) == (404, "PARTY_ACTIVITY_NOT_FOUND"), (who, path)
    for token, status in ((tokens["clerk"], 403), (None, 401), (tokens["owner"], 401)):
        assert (await client.get(f"{ADMIN}/activities", token=token)).status == status
        r = await client.post(f"{ADMIN}/activities", token=token, json=activity_payload(clock.at + timedelta(days=1)))
        assert r.status == status
        for path in reads:
            assert (await client.get(f"{ADMIN}{path}", token=token)).status == status, path
        for method, path, payload in writes:
            assert (await client.request(method, f"{ADMIN}{path}", token=token, json=payload)).status == status
    assert (await Activity.get(id=aid)).status == "published"
    assert (await client.get(f"{ADMIN}/activities/{aid}", token=tokens["dadmin"])).status == 200


async def test_qr_png_scans_to_a_signed_token(client, tokens, clock, deps):
    a = await published_activity(client, tokens["party"], clock.at + timedelta(days=1))
    text = await _scan(client, tokens["party"], a["id"])
    found = qr.read_token(deps.settings, text)
    assert found.activity_id == a["id"]
    assert found.expires_at == int((clock.at + timedelta(days=1, hours=2)).timestamp())


# ---------------------------------------------------------------------------- shop side


async def test_business_sees_activities_of_orgs_above_it(client, tokens, clock, tree):
    district = await published_activity(client, tokens["party"], clock.at + timedelta(days=1), title="区局活动")
    await published_activity(client, tokens["otherparty"], clock.at + timedelta(days=1), title="江岸活动")
    await client.post(f"{ADMIN}/activities", token=tokens["party"],
                      json=activity_payload(clock.at + timedelta(days=1), title="草稿"))
    mine = await client.get(f"{MP}/activities", token=tokens["owner"])
    assert [a["title"] for a in mine.data["items"]] == ["区局活动"]
    theirs = await client.get(f"{MP}/activities", token=tokens["other_owner"])
    assert [a["title"] for a in theirs.data["items"]] == ["江岸活动"]
    r = await client.get(f"{MP}/activities/{district['id']}", token=tokens["other_owner"])
    assert (r.status, r.code) == (404, "PARTY_ACTIVITY_NOT_FOUND")
    m = await new_member(client, tokens["other_owner"])
    r = await client.post(f"{MP}/activities/{district['id']}/signups", token=tokens["other_owner"],
                          json={"member_ids": [m["id"]]})
    assert r.code == "PARTY_ACTIVITY_NOT_FOUND"
    for token in (None, tokens["party"]):
        assert (await client.get(f"{MP}/activities", token=token)).status == 401
        assert (await client.get(f"{MP}/activities/{district['id']}", token=token)).status == 401
        r = await client.post(f"{MP}/activities/{district['id']}/signups", token=token, json={"member_ids": [1]})
        assert r.status == 401
        r = await client.post(f"{MP}/checkin", token=token, json={"token": "x", "member_ids": [1]})
        assert r.status == 401


async def test_open_upcoming_past_filters(client, tokens, clock):
    soon = await published_activity(client, tokens["party"], clock.at + timedelta(hours=2), title="马上开始")
    later = await published_activity(client, tokens["party"], clock.at + timedelta(days=3), title="下周")
    gone = await published_activity(client, tokens["party"], clock.at + timedelta(hours=1), title="将取消")
    await client.post(f"{ADMIN}/activities/{gone['id']}/cancel", token=tokens["party"], json={"reason": "调整"})
    m = await new_member(client, tokens["owner"])
    await client.post(f"{MP}/activities/{soon['id']}/signups", token=tokens["owner"], json={"member_ids": [m["id"]]})

    async def titles(when):
        r = await client.get(f"{MP}/activities", token=tokens["owner"], params={"when": when})
        return sorted(a["title"] for a in r.data["items"])

    assert await titles("open") == ["下周", "马上开始"]
    assert await titles("upcoming") == ["马上开始"]
    assert await titles("past") == ["将取消"]
    clock.advance(hours=5)
    assert await titles("open") == ["下周"]
    assert await titles("upcoming") == []
    assert await titles("past") == ["将取消", "马上开始"]
    r = await client.get(f"{MP}/activities", token=tokens["owner"], params={"when": "soon"})
    assert r.code == "VALIDATION_ERROR"
    detail = await client.get(f"{MP}/activities/{later['id']}", token=tokens["owner"])
    assert detail.data["description"] == "重温入党誓词"
    assert detail.data["can_sign_up"] is True


async def test_sign_up_capacity_closing_and_cancel(client, tokens, clock, deps, shop):
    a = await published_activity(client, tokens["party"], clock.at + timedelta(days=1), capacity=2)
    aid = a["id"]
    m1, m2, m3 = [await new_member(client, tokens["owner"], name=n) for n in ("甲", "乙", "丙")]
    other_business_member = await new_member(client, tokens["owner_b"], name="丁")
    version = await deps.cache.get(home_events.business_key(shop[0].id))

    r = await client.post(f"{MP}/activities/{aid}/signups", token=tokens["owner"],
                          json={"member_ids": [m1["id"], other_business_member["id"]]})
    assert (r.status, r.code) == (400, "PARTY_MEMBER_INVALID")
    r = await client.post(f"{MP}/activities/{aid}/signups", token=tokens["owner"],
                          json={"member_ids": [m1["id"], m2["id"], m3["id"]]})
    assert (r.status, r.code) == (409, "PARTY_ACTIVITY_FULL")
    assert await ActivitySignup.all().count() == 0  # all or none
    r = await client.post(f"{MP}/activities/{aid}/signups", token=tokens["owner"],
                          json={"member_ids": [m1["id"], m2["id"]]})
    assert r.status == 201
    assert [s["member_name"] for s in r.data["my_signups"]] == ["甲", "乙"]
    assert (r.data["remaining"], r.data["can_sign_up"]) == (0, False)
    assert await deps.cache.get(home_events.business_key(shop[0].id)) != version
    r = await client.post(f"{MP}/activities/{aid}/signups", token=tokens["owner"], json={"member_ids": [m1["id"]]})
    assert (r.code, r.message) == ("PARTY_ALREADY_SIGNED_UP", "甲已报名该活动")
    r = await client.post(f"{MP}/activities/{aid}/signups", token=tokens["owner"], json={"member_ids": [2**64]})
    assert r.code == "VALIDATION_ERROR"
    checked = await client.get(f"{ADMIN}/activities/{aid}/signups", token=tokens["party"],
                               params={"checked_in": "false"})
    assert [s["member_name"] for s in checked.data["items"]] == ["乙", "甲"]
    none = await client.get(f"{ADMIN}/activities/{aid}/signups", token=tokens["party"], params={"checked_in": "true"})
    assert none.data["items"] == []
    r = await client.post(f"{MP}/activities/{aid}/signups", token=tokens["owner"], json={"member_ids": [m3["id"]]})
    assert r.code == "PARTY_ACTIVITY_FULL"

    r = await delete(client, f"{MP}/activities/{aid}/signups/{m2['id']}", tokens["owner"])
    assert (r.status, r.data["remaining"]) == (200, 1)
    r = await delete(client, f"{MP}/activities/{aid}/signups/{m2['id']}", tokens["owner"])
    assert r.code == "PARTY_NOT_SIGNED_UP"
    r = await delete(client, f"{MP}/activities/{aid}/signups/{m1['id']}", tokens["owner_b"])
    assert r.code == "PARTY_NOT_SIGNED_UP"  # another business cannot cancel it
    r = await client.post(f"{MP}/activities/{aid}/signups", token=tokens["owner"], json={"member_ids": [m3["id"]]})
    assert r.status == 201

    clock.advance(days=1)  # the activity starts
    r = await client.post(f"{MP}/activities/{aid}/signups", token=tokens["owner_b"],
                          json={"member_ids": [other_business_member["id"]]})
    assert (r.code, r.message) == ("PARTY_SIGNUP_CLOSED", "活动已开始，报名已截止")
    r = await delete(client, f"{MP}/activities/{aid}/signups/{m1['id']}", tokens["owner"])
    assert (r.code, r.message) == ("PARTY_SIGNUP_CLOSED", "活动已开始，不能取消报名")
    assert (await Activity.get(id=aid)).signed_up_count == 2
    r = await client.patch(f"{ADMIN}/activities/{aid}", token=tokens["party"], json={"capacity": 5})
    assert r.code == "PARTY_ACTIVITY_STARTED"


async def test_capacity_cannot_drop_below_sign_ups(client, tokens, clock):
    a = await published_activity(client, tokens["party"], clock.at + timedelta(days=1), capacity=3)
    ms = [await new_member(client, tokens["owner"], name=n) for n in ("甲", "乙")]
    await client.post(f"{MP}/activities/{a['id']}/signups", token=tokens["owner"],
                      json={"member_ids": [m["id"] for m in ms]})
    r = await client.patch(f"{ADMIN}/activities/{a['id']}", token=tokens["party"], json={"capacity": 1})
    assert (r.status, r.code) == (409, "PARTY_CAPACITY_TOO_SMALL")
    assert (await Activity.get(id=a["id"])).capacity == 3


async def test_check_in_refusals(client, tokens, clock, deps):
    start = clock.at + timedelta(days=1)
    a = await published_activity(client, tokens["party"], start)
    b = await published_activity(client, tokens["otherparty"], start, title="江岸活动")
    signed, not_signed = [await new_member(client, tokens["owner"], name=n) for n in ("甲", "乙")]
    await client.post(f"{MP}/activities/{a['id']}/signups", token=tokens["owner"],
                      json={"member_ids": [signed["id"]]})
    text = await _scan(client, tokens["party"], a["id"])
    other_text = await _scan(client, tokens["otherparty"], b["id"])

    async def check_in(member_ids, token_text=text, who="owner"):
        return await client.post(f"{MP}/checkin", token=tokens[who], json={"token": token_text,
                                                                            "member_ids": member_ids})

    clock.set(start - timedelta(minutes=31))
    r = await check_in([signed["id"]])
    assert (r.status, r.code) == (409, "PARTY_CHECKIN_WINDOW")
    assert r.message == "签到尚未开始，签到时间为2026-03-03 08:30至2026-03-03 11:00"
    clock.set(start - timedelta(minutes=30))
    forged = text[:-2] + ("AA" if not text.endswith("AA") else "BB")
    for bad in (forged, "gtt-party:hello", "https://example.com"):
        r = await check_in([signed["id"]], bad)
        assert (r.status, r.code) == (400, "PARTY_QR_INVALID"), bad
    r = await check_in([signed["id"]], other_text)  # a genuine QR of an activity this business cannot join
    assert r.code == "PARTY_QR_INVALID"
    r = await check_in([signed["id"], not_signed["id"]])
    assert (r.status, r.code, r.message) == (409, "PARTY_NOT_SIGNED_UP", "乙未报名该活动，不能签到")
    r = await check_in([9999])
    assert r.code == "PARTY_MEMBER_INVALID"
    r = await check_in([signed["id"]], who="owner_b")
    assert r.code == "PARTY_MEMBER_INVALID"  # the member is not of that business
    assert await ActivitySignup.filter(checked_in_at__isnull=False).count() == 0
    r = await check_in([signed["id"]])
    assert r.status == 200, r
    r = await check_in([signed["id"]])
    assert (r.status, r.code) == (409, "PARTY_ALREADY_CHECKED_IN")
    clock.set(start + timedelta(hours=2))
    r = await check_in([signed["id"]])
    assert (r.code, r.message) == ("PARTY_CHECKIN_WINDOW", "活动已结束，签到已关闭")


async def test_rescheduled_activity_old_qr_expires(client, tokens, clock):
    start = clock.at + timedelta(days=1)
    a = await published_activity(client, tokens["party"], start)
    m = await new_member(client, tokens["owner"])
    await client.post(f"{MP}/activities/{a['id']}/signups", token=tokens["owner"], json={"member_ids": [m["id"]]})
    old = await _scan(client, tokens["party"], a["id"])
    later = start + timedelta(hours=4)
    r = await client.patch(f"{ADMIN}/activities/{a['id']}", token=tokens["party"],
                           json={"starts_at": later.isoformat(), "ends_at": (later + timedelta(hours=2)).isoformat()})
    assert r.status == 200, r
    new = await _scan(client, tokens["party"], a["id"])
    clock.set(later + timedelta(minutes=10))  # after the old end, inside the new window
    r = await client.post(f"{MP}/checkin", token=tokens["owner"], json={"token": old, "member_ids": [m["id"]]})
    assert (r.status, r.code) == (400, "PARTY_QR_EXPIRED")
    r = await client.post(f"{MP}/checkin/scan", token=tokens["owner"], json={"token": old})
    assert r.code == "PARTY_QR_EXPIRED"
    r = await client.post(f"{MP}/checkin", token=tokens["owner"], json={"token": new, "member_ids": [m["id"]]})
    assert r.status == 200, r


async def test_cancelled_activity_refuses_check_in_and_tells_businesses(client, tokens, clock, deps, shop):
    start = clock.at + timedelta(hours=1)
    a = await published_activity(client, tokens["party"], start)
    m = await new_member(client, tokens["owner"])
    await client.post(f"{MP}/activities/{a['id']}/signups", token=tokens["owner"], json={"member_ids": [m["id"]]})
    text = await _scan(client, tokens["party"], a["id"])
    assert await service.home_badge(business_id=shop[0].id) == 1
    version = await deps.cache.get(home_events.business_key(shop[0].id))
    await client.post(f"{ADMIN}/activities/{a['id']}/cancel", token=tokens["party"], json={"reason": "场地维修"})
    assert await deps.cache.get(home_events.business_key(shop[0].id)) != version
    assert await service.home_badge(business_id=shop[0].id) == 0
    r = await client.post(f"{MP}/checkin", token=tokens["owner"], json={"token": text, "member_ids": [m["id"]]})
    assert (r.status, r.code) == (409, "PARTY_ACTIVITY_CANCELLED")
    detail = await client.get(f"{MP}/activities/{a['id']}", token=tokens["owner"])
    assert (detail.data["status_label"], detail.data["cancel_reason"]) == ("已取消", "场地维修")


async def test_home_badge_counts_signed_up_activities_of_the_coming_week(client, tokens, clock, shop):
    m = await new_member(client, tokens["owner"])
    for days, title in ((0.1, "今天"), (6, "六天后"), (8, "八天后")):
        a = await published_activity(client, tokens["party"], clock.at + timedelta(days=days), title=title)
        await client.post(f"{MP}/activities/{a['id']}/signups", token=tokens["owner"], json={"member_ids": [m["id"]]})
    await published_activity(client, tokens["party"], clock.at + timedelta(days=1), title="未报名")
    assert await service.home_badge(business_id=shop[0].id) == 2
    assert await service.home_badge(business_id=shop[1].id) == 0
    assert await service.home_badge(business_id=shop[0].id, now=clock.at + timedelta(days=2)) == 2  # 六天后, 八天后
    assert await service.home_badge(business_id=shop[0].id, now=clock.at + timedelta(days=9)) == 0


async def test_deleting_a_member_drops_future_sign_ups_keeps_attendance(client, tokens, clock):
    done = await published_activity(client, tokens["party"], clock.at + timedelta(hours=1), title="已参加")
    coming = await published_activity(client, tokens["party"], clock.at + timedelta(days=3), title="将参加")
    m = await new_member(client, tokens["owner"], name="王建国")
    for a in (done, coming):
        await client.post(f"{MP}/activities/{a['id']}/signups", token=tokens["owner"], json={"member_ids": [m["id"]]})
    text = await _scan(client, tokens["party"], done["id"])
    clock.advance(minutes=45)
    assert (await client.post(f"{MP}/checkin", token=tokens["owner"],
                              json={"token": text, "member_ids": [m["id"]]})).status == 200
    assert (await delete(client, f"{MP}/members/{m['id']}", tokens["owner"])).status == 200
    assert (await Activity.get(id=coming["id"])).signed_up_count == 0
    rows = await client.get(f"{ADMIN}/activities/{done['id']}/signups", token=tokens["party"])
    assert [(s["member_name"], s["checked_in"], s["member_id"]) for s in rows.data["items"]] == [
        ("王建国", True, None)]
