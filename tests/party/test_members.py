"""Party members: the owner's CRUD with encrypted, masked numbers; staff read them in scope only."""

from getitong.party.models import PartyMember
from tests.party.factories import ADMIN, MP, delete, member_payload, new_id_number, new_member


async def test_register_edit_delete_member(client, tokens, deps):
    number = new_id_number()
    created = await new_member(client, tokens["owner"], name="刘红梅", gender="female", id_number=number,
                               phone="13912345678")
    assert created["gender_label"] == "女"
    assert created["id_number_masked"] == number[:4] + "*" * 10 + number[-4:]
    assert created["phone_masked"] == "139****5678"
    assert number not in str(created)
    row = await PartyMember.get(id=created["id"])
    assert row.id_number_index == deps.cipher.blind_index(number)
    assert "13912345678" not in (row.phone_enc or "")

    r = await client.patch(f"{MP}/members/{created['id']}", token=tokens["owner"],
                           json={"position": "收银员", "phone": None})
    assert r.status == 200, r
    assert (r.data["position"], r.data["phone_masked"], r.data["name"]) == ("收银员", None, "刘红梅")

    listed = await client.get(f"{MP}/members", token=tokens["owner"])
    assert [m["name"] for m in listed.data["items"]] == ["刘红梅"]
    r = await delete(client, f"{MP}/members/{created['id']}", tokens["owner"])
    assert r.status == 200
    assert (await client.get(f"{MP}/members", token=tokens["owner"])).data["items"] == []


async def test_bad_member_input_is_refused_and_nothing_written(client, tokens):
    cases = [
        ({"id_number": "420204198507150012"}, "校验位"),
        ({"id_number": "abc"}, "18位"),
        ({"phone": "12345"}, "手机号码"),
        ({"gender": "unknown"}, "取值无效"),
        ({"name": ""}, "长度不足"),
        ({"joined_on": "2999-01-01"}, "不能晚于今天"),
        ({"joined_on": "1900-01-01"}, "入党日期无效"),
        ({"id_number": "4202041985071500189"}, "18位"),
    ]
    for over, message in cases:
        r = await client.post(f"{MP}/members", token=tokens["owner"], json=member_payload(**over))
        assert (r.status, r.code) == (422, "VALIDATION_ERROR"), (over, r)
        assert message in r.message
    assert await PartyMember.all().count() == 0


async def test_one_id_number_once_per_business(client, tokens):
    number = new_id_number()
    first = await new_member(client, tokens["owner"], id_number=number)
    r = await client.post(f"{MP}/members", token=tokens["owner"], json=member_payload(id_number=number.lower()))
    assert (r.status, r.code) == (409, "PARTY_MEMBER_EXISTS")
    # The same person may be registered by another business.
    await new_member(client, tokens["owner_b"], id_number=number)
    other = await new_member(client, tokens["owner"])
    r = await client.patch(f"{MP}/members/{other['id']}", token=tokens["owner"], json={"id_number": number})
    assert (r.status, r.code) == (409, "PARTY_MEMBER_EXISTS")
    r = await client.patch(f"{MP}/members/{first['id']}", token=tokens["owner"], json={"id_number": number})
    assert r.status == 200


async def test_another_business_cannot_touch_members(client, tokens):
    m = await new_member(client, tokens["owner"])
    for token in ("owner_b", "other_owner"):
        assert (await client.get(f"{MP}/members/{m['id']}", token=tokens[token])).code == "PARTY_MEMBER_NOT_FOUND"
        r = await client.patch(f"{MP}/members/{m['id']}", token=tokens[token], json={"name": "冒名"})
        assert r.code == "PARTY_MEMBER_NOT_FOUND"
        assert (await delete(client, f"{MP}/members/{m['id']}", tokens[token])).code == "PARTY_MEMBER_NOT_FOUND"
        assert (await client.get(f"{MP}/members", token=tokens[token])).data["items"] == []
    assert (await PartyMember.get(id=m["id"])).name == "王建国"


async def test_members_need_a_shop_owner(client, tokens):
    for token in (None, tokens["party"]):  # anonymous, and a staff token on the shop side
        r = await client.get(f"{MP}/members", token=token)
        assert r.status == 401
        r = await client.post(f"{MP}/members", token=token, json=member_payload())
        assert r.status == 401


async def test_staff_see_members_of_their_scope_masked(client, tokens, shop):
    number = new_id_number()
    await new_member(client, tokens["owner"], name="王建国", id_number=number)
    await new_member(client, tokens["other_owner"], name="李卫东")
    r = await client.get(f"{ADMIN}/members", token=tokens["party"])
    assert [(m["name"], m["business"]["name"]) for m in r.data["items"]] == [("王建国", shop[0].name)]
    assert r.data["items"][0]["id_number_masked"].count("*") == 10
    assert number not in str(r.data)
    assert len((await client.get(f"{ADMIN}/members", token=tokens["cityparty"])).data["items"]) == 1
    assert len((await client.get(f"{ADMIN}/members", token=tokens["stationparty"])).data["items"]) == 1
    assert [m["name"] for m in (await client.get(f"{ADMIN}/members", token=tokens["otherparty"])).data["items"]] \
        == ["李卫东"]
    assert len((await client.get(f"{ADMIN}/members", token=tokens["dadmin"])).data["items"]) == 1
    r = await client.get(f"{ADMIN}/members", token=tokens["party"], params={"business_id": str(shop[2].id)})
    assert r.data["items"] == []
    assert (await client.get(f"{ADMIN}/members", token=tokens["clerk"])).code == "FORBIDDEN"
    assert (await client.get(f"{ADMIN}/members")).status == 401
    assert (await client.get(f"{ADMIN}/members", token=tokens["owner"])).status == 401
