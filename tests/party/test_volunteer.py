"""Volunteer service: recorded by the business with its own photos, queried and exported by staff in scope."""

import io

from openpyxl import load_workbook

from getitong.party.models import VolunteerRecord
from tests.party.factories import ADMIN, MP, delete, new_member, upload_mp


def payload(**over):
    base = {"service_date": "2026-02-20", "place": "长乐社区", "content": "义务理发",
            "participants": [{"name": "李志愿"}], "hours": 2, "photos": []}
    return base | over


async def record(client, token, **over):
    r = await client.post(f"{MP}/volunteer-records", token=token, json=payload(**over))
    assert r.status == 201, r
    return r.data


async def test_owner_records_edits_and_deletes(client, tokens, clock):
    m = await new_member(client, tokens["owner"], name="王建国")
    photo = await upload_mp(client, tokens["owner"])
    r = await record(client, tokens["owner"], participants=[{"member_id": m["id"]}, {"member_id": m["id"]},
                                                           {"name": "李志愿"}], hours="1.5", photos=[photo])
    assert [p["name"] for p in r["participants"]] == ["王建国", "李志愿"]
    assert (r["participant_count"], r["hours"]) == (2, 1.5)
    image = await client.get(r["photos"][0]["url"], token=tokens["owner"])
    assert image.body.startswith(b"\x89PNG")
    r2 = await client.patch(f"{MP}/volunteer-records/{r['id']}", token=tokens["owner"],
                            json={"hours": 4, "content": "义务理发、修家电"})
    assert (r2.data["hours"], r2.data["content"], len(r2.data["photos"])) == (4.0, "义务理发、修家电", 1)
    listed = await client.get(f"{MP}/volunteer-records", token=tokens["owner"], params={"date_to": "2026-02-19"})
    assert listed.data["items"] == []
    assert (await delete(client, f"{MP}/volunteer-records/{r['id']}", tokens["owner"])).status == 200
    assert await VolunteerRecord.all().count() == 0


async def test_bad_volunteer_input(client, tokens, owner, deps, shop):
    from tests import factories

    stranger = await factories.person(deps, phone="13900000009", name="王五", businesses=[shop[2]])
    theirs = deps.tokens.codec.issue(subject_type="person", subject_id=stranger.id, business_id=shop[2].id)
    their_photo = await upload_mp(client, theirs)
    pdf = await upload_mp(client, tokens["owner"], b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "a.pdf")
    other_member = await new_member(client, tokens["owner_b"])
    cases = [
        (payload(hours=0), 422, "VALIDATION_ERROR"),
        (payload(hours=-1), 422, "VALIDATION_ERROR"),
        (payload(hours="1.25"), 422, "VALIDATION_ERROR"),
        (payload(participants=[]), 422, "VALIDATION_ERROR"),
        (payload(participants=[{}]), 422, "VALIDATION_ERROR"),
        (payload(place=""), 422, "VALIDATION_ERROR"),
        (payload(service_date="2999-01-01"), 422, "VALIDATION_ERROR"),
        (payload(photos=[their_photo]), 400, "PARTY_PHOTO_INVALID"),
        (payload(photos=[pdf]), 400, "PARTY_PHOTO_INVALID"),
        (payload(photos=[987654]), 400, "PARTY_PHOTO_INVALID"),
        (payload(participants=[{"member_id": other_member["id"]}]), 400, "PARTY_MEMBER_INVALID"),
    ]
    for body, status, code in cases:
        r = await client.post(f"{MP}/volunteer-records", token=tokens["owner"], json=body)
        assert (r.status, r.code) == (status, code), body
    assert await VolunteerRecord.all().count() == 0


async def test_other_business_cannot_touch_records(client, tokens):
    photo = await upload_mp(client, tokens["owner"])
    r = await record(client, tokens["owner"], photos=[photo])
    base = f"{MP}/volunteer-records/{r['id']}"
    for who in ("owner_b", "other_owner"):
        assert (await client.get(base, token=tokens[who])).code == "PARTY_VOLUNTEER_NOT_FOUND"
        assert (await client.patch(base, token=tokens[who], json={"hours": 9})).code == "PARTY_VOLUNTEER_NOT_FOUND"
        assert (await delete(client, base, tokens[who])).code == "PARTY_VOLUNTEER_NOT_FOUND"
        assert (await client.get(f"{base}/photos/{photo}", token=tokens[who])).status == 404
        assert (await client.get(f"{MP}/volunteer-records", token=tokens[who])).data["items"] == []
    for token in (None, tokens["party"]):
        assert (await client.get(f"{MP}/volunteer-records", token=token)).status == 401
        assert (await client.post(f"{MP}/volunteer-records", token=token, json=payload())).status == 401
        assert (await client.get(base, token=token)).status == 401
    assert float((await VolunteerRecord.get(id=r["id"])).hours) == 2.0


async def test_staff_query_by_business_and_period_in_scope(client, tokens, shop):
    await record(client, tokens["owner"], service_date="2026-01-10", content="一月")
    await record(client, tokens["owner_b"], service_date="2026-02-10", content="二月")
    far = await record(client, tokens["other_owner"], service_date="2026-02-11", content="江岸")

    async def contents(token, **params):
        r = await client.get(f"{ADMIN}/volunteer-records", token=tokens[token], params=params)
        assert r.status == 200, r
        return [x["content"] for x in r.data["items"]]

    assert await contents("party") == ["二月", "一月"]
    assert await contents("party", business_id=str(shop[0].id)) == ["一月"]
    assert await contents("party", date_from="2026-02-01", date_to="2026-02-28") == ["二月"]
    assert await contents("cityparty") == ["二月", "一月"]
    assert await contents("otherparty") == ["江岸"]
    assert await contents("party", business_id=str(shop[2].id)) == []
    r = await client.get(f"{ADMIN}/volunteer-records/{far['id']}", token=tokens["party"])
    assert (r.status, r.code) == (404, "PARTY_VOLUNTEER_NOT_FOUND")
    sheet = await client.get(f"{ADMIN}/volunteer-records/export", token=tokens["party"],
                             params={"date_from": "2026-02-01"})
    rows = list(load_workbook(io.BytesIO(sheet.body)).active.iter_rows(values_only=True))
    assert [row[4] for row in rows[1:]] == ["二月"]
    assert rows[0][0] == "经营主体"
    for token, status in ((tokens["clerk"], 403), (None, 401), (tokens["owner"], 401)):
        for path in ("/volunteer-records", "/volunteer-records/export", f"/volunteer-records/{far['id']}"):
            assert (await client.get(f"{ADMIN}{path}", token=token)).status == status, path
