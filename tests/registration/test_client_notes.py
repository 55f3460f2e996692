"""What the mini-program needed from the API (its REGISTRATION_API_NOTES, now answered): the name-taken refusal
names its rule, 中国 is refused, the 行业表述 must fit the type, and `actions` offers 确认 only when it works."""

from tests.registration import factories as rf

MP = "/api/v1/mp/registrations"


def _check(**over):
    return {"region_code": "420204", "business_type": "small_restaurant", "trade_name": "穆静",
            "industry_word": "饺子", "org_form": "馆"} | over


async def test_name_taken_names_its_rule(client, cast):
    await rf.draft(client, cast.tokens["applicant"], until="name")
    r = await client.post(f"{MP}/name-check", token=cast.tokens["stranger"], json=_check())
    assert (r.status, r.code) == (409, "REGISTRATION_NAME_TAKEN")
    assert r.data == {"rule": "name_unique", "rule_label": "名称在同一辖区同行业内不重复"}


async def test_china_as_a_trade_name_is_refused(client, cast):
    r = await client.post(f"{MP}/name-check", token=cast.tokens["applicant"], json=_check(trade_name="中国"))
    assert (r.status, r.code, r.data["rule"]) == (400, "REGISTRATION_NAME_FORBIDDEN", "public_interest")


async def test_the_industry_word_must_fit_the_type(client, cast):
    r = await client.post(f"{MP}/name-check", token=cast.tokens["applicant"], json=_check(industry_word="水果"))
    assert (r.status, r.code) == (400, "REGISTRATION_INDUSTRY_WORD_MISMATCH")
    assert "饺子" in r.data["industry_words"]
    reg_id = await rf.draft(client, cast.tokens["applicant"], until="created")
    r = await client.request("PUT", f"{MP}/{reg_id}/name", token=cast.tokens["applicant"],
                             json=rf.name_body(industry_word="水果"))
    assert (r.status, r.code) == (400, "REGISTRATION_INDUSTRY_WORD_MISMATCH")


async def test_confirm_is_offered_only_when_every_step_is_saved(client, cast):
    token = cast.tokens["applicant"]
    reg_id = await rf.draft(client, token, until="name")
    r = await client.get(f"{MP}/{reg_id}", token=token)
    assert "confirm" not in r.data["actions"]
    assert "withdraw" in r.data["actions"]
    reg_id = await rf.draft(client, token, name=rf.name_body(trade_name="秀英"))
    r = await client.get(f"{MP}/{reg_id}", token=token)
    assert "confirm" in r.data["actions"]


async def test_staff_see_the_id_photo_among_the_documents_and_owners_do_not_need_to(client, cast):
    data = await rf.submitted(client, cast.tokens["applicant"], basic=rf.basic_body(), name=rf.name_body(
        trade_name="楚鲜", capital="500"))  # over the automatic capital limit: lands in the staff queue
    assert data["outcome"] == "reviewing", data
    staff = await client.get(f"/api/v1/admin/registrations/{data['id']}", token=cast.tokens["reviewer"])
    assert "id_photo" in [d["code"] for d in staff.data["documents"]]
    photo = await client.get(f"/api/v1/admin/registrations/{data['id']}/documents/id_photo",
                             token=cast.tokens["reviewer"])
    assert photo.status == 200
    mine = await client.get(f"{MP}/{data['id']}", token=cast.tokens["applicant"])
    assert "id_photo" not in [d["code"] for d in mine.data["documents"]]
