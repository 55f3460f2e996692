"""The done-flow of the issue, as the staff and a shop owner would go through it."""

import io
from datetime import timedelta

from openpyxl import load_workbook
from PIL import Image
from pyzbar.pyzbar import decode

from getitong.core.models import AuditLog
from getitong.party.models import PartyMember
from tests.party.factories import ADMIN, MP, new_member, published_activity, upload_mp


async def test_publish_sign_up_scan_check_in_volunteer_export(client, tokens, clock, deps, shop):
    # Staff of 下陆区局 publish an activity for tomorrow 09:00–11:00 and print its QR code.
    start = clock.at + timedelta(days=1)
    activity = await published_activity(client, tokens["party"], start, title="学习贯彻主题党日", capacity=20)
    assert activity["status_label"] == "已发布"
    assert activity["org"]["name"] == "黄石市下陆区市场监督管理局"
    picture = await client.get(f"{ADMIN}/activities/{activity['id']}/qr", token=tokens["party"])
    assert picture.status == 200
    assert picture.headers["content-type"] == "image/png"
    image = Image.open(io.BytesIO(picture.body))
    assert min(image.size) >= 500  # large enough to print
    [symbol] = decode(image)
    scanned = symbol.data.decode()
    assert scanned.startswith("gtt-party:")

    # The owner registers a member; the ID number is stored encrypted and shown masked.
    member = await new_member(client, tokens["owner"], name="王建国", id_number="420204198507150018")
    assert member["id_number_masked"] == "4202**********0018"
    stored = await PartyMember.get(id=member["id"])
    assert "420204198507150018" not in stored.id_number_enc
    assert deps.cipher.decrypt(stored.id_number_enc) == "420204198507150018"

    # The owner sees the activity as open, signs the member up.
    listed = await client.get(f"{MP}/activities", token=tokens["owner"], params={"when": "open"})
    assert [a["title"] for a in listed.data["items"]] == ["学习贯彻主题党日"]
    r = await client.post(f"{MP}/activities/{activity['id']}/signups", token=tokens["owner"],
                          json={"member_ids": [member["id"]]})
    assert r.status == 201, r
    assert r.data["my_signup_count"] == 1
    assert r.data["remaining"] == 19

    # Too early: 09:00 the day before is outside the window (30 minutes before the start).
    early = await client.post(f"{MP}/checkin", token=tokens["owner"],
                              json={"token": scanned, "member_ids": [member["id"]]})
    assert (early.status, early.code) == (409, "PARTY_CHECKIN_WINDOW")
    assert "签到尚未开始" in early.message

    # On the day, 20 minutes before the start: the scan shows the activity, the check-in succeeds.
    clock.set(start - timedelta(minutes=20))
    preview = await client.post(f"{MP}/checkin/scan", token=tokens["owner"], json={"token": scanned})
    assert preview.status == 200, preview
    assert preview.data["title"] == "学习贯彻主题党日"
    assert preview.data["can_check_in"] is True
    done = await client.post(f"{MP}/checkin", token=tokens["owner"],
                             json={"token": scanned, "member_ids": [member["id"]]})
    assert done.status == 200, done
    assert done.data["message"] == "签到成功（1人）"

    # A second check-in is refused.
    again = await client.post(f"{MP}/checkin", token=tokens["owner"],
                              json={"token": scanned, "member_ids": [member["id"]]})
    assert (again.status, again.code) == (409, "PARTY_ALREADY_CHECKED_IN")
    assert "王建国已签到" in again.message

    # After the end, check-in is closed.
    clock.set(start + timedelta(hours=2, minutes=1))
    late = await client.post(f"{MP}/checkin", token=tokens["owner"],
                             json={"token": scanned, "member_ids": [member["id"]]})
    assert (late.status, late.code) == (409, "PARTY_CHECKIN_WINDOW")
    assert late.message == "活动已结束，签到已关闭"

    # Staff see the sign-up and the check-in, and export them.
    signups = await client.get(f"{ADMIN}/activities/{activity['id']}/signups", token=tokens["party"])
    assert signups.data["summary"] == {"signed_up": 1, "checked_in": 1, "capacity": 20}
    row = signups.data["items"][0]
    assert (row["member_name"], row["checked_in"], row["business"]["name"]) == ("王建国", True, shop[0].name)
    assert row["id_number_masked"] == "4202**********0018"
    sheet = await client.get(f"{ADMIN}/activities/{activity['id']}/signups/export", token=tokens["party"])
    ws = load_workbook(io.BytesIO(sheet.body)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][1] == shop[0].name
    assert rows[1][3] == "王建国"
    assert rows[1][9] == "已签到"
    assert rows[1][10] == "2026-03-03 08:40"  # Shanghai time
    assert "420204198507150018" not in str(rows)

    # The owner records a volunteer service with a photo; staff find it and export it.
    photo = await upload_mp(client, tokens["owner"])
    r = await client.post(f"{MP}/volunteer-records", token=tokens["owner"], json={
        "service_date": "2026-03-01", "place": "长乐社区", "content": "为社区老人义务理发",
        "participants": [{"member_id": member["id"]}, {"name": "李志愿"}], "hours": 3.5, "photos": [photo]})
    assert r.status == 201, r
    assert [p["name"] for p in r.data["participants"]] == ["王建国", "李志愿"]
    found = await client.get(f"{ADMIN}/volunteer-records", token=tokens["party"],
                             params={"business_id": str(shop[0].id), "date_from": "2026-03-01"})
    assert [x["content"] for x in found.data["items"]] == ["为社区老人义务理发"]
    image = await client.get(found.data["items"][0]["photos"][0]["url"], token=tokens["party"])
    assert image.body.startswith(b"\x89PNG")
    sheet = await client.get(f"{ADMIN}/volunteer-records/export", token=tokens["party"])
    rows = list(load_workbook(io.BytesIO(sheet.body)).active.iter_rows(values_only=True))
    assert rows[1][:8] == (shop[0].name, shop[0].uscc, "2026-03-01", "长乐社区", "为社区老人义务理发",
                           "王建国、李志愿", 2, 3.5)

    # Every staff write is in the audit log.
    actions = set(await AuditLog.filter(target_type="party_activity").values_list("action", flat=True))
    assert actions == {"party.activity.create", "party.activity.publish"}
