"""Shop side: the three lists of the current business only; removed listings shown as removed."""

from __future__ import annotations

from datetime import date

from getitong.risk.workflow import ListingKind, ListingStatus
from tests import factories
from tests.api.conftest import login_person, login_staff
from tests.risk import factories as rf

MP = "/api/v1/mp/risk-records"


async def seed(tree, shop, stranger_business):
    a, b, other = shop
    await rf.penalty(a, tree.district, doc_no="A罚1", content="A店罚款")
    await rf.penalty(b, tree.district, doc_no="B罚1")
    await rf.penalty(other, tree.other_district, doc_no="W罚1")
    await rf.penalty(stranger_business, tree.district, doc_no="S罚1")
    await rf.listing(a, tree.district, doc_no="A异1")
    await rf.listing(a, tree.district, doc_no="A异2", status=ListingStatus.REMOVED, remove_reason="已更正住所",
                     removed_on=date(2025, 5, 6), remove_org_name=tree.district.name)
    await rf.listing(b, tree.district, doc_no="B异1")
    await rf.listing(other, tree.other_district, doc_no="W异1")
    await rf.listing(a, tree.district, kind=ListingKind.SERIOUS_VIOLATION, doc_no="A严1")
    await rf.listing(b, tree.district, kind=ListingKind.SERIOUS_VIOLATION, doc_no="B严1")
    await rf.listing(stranger_business, tree.district, kind=ListingKind.SERIOUS_VIOLATION, doc_no="S严1")


async def lists(client, token):
    out = {}
    for kind in ("serious", "abnormal", "penalty"):
        r = await client.get(MP, token=token, params={"kind": kind})
        assert r.status == 200, r
        out[kind] = r.data["items"]
    return out


async def test_owner_sees_only_the_current_business(client, deps, tree, shop, owner):
    a, b, _ = shop
    stranger = await factories.business(deps, tree.station, name="下陆区陌生人商店", operator="陈七")
    await factories.person(deps, phone="13900000009", name="陈七", businesses=[stranger])
    await seed(tree, shop, stranger)

    data = await login_person(client)
    assert data["profile"]["current_business"]["id"] == a.id
    seen = await lists(client, data["token"]["access_token"])
    assert [x["doc_no"] for x in seen["penalty"]] == ["A罚1"]
    assert seen["penalty"][0]["content"] == "A店罚款"
    assert seen["penalty"][0]["fine_amount"] == "0.2"
    assert [x["doc_no"] for x in seen["serious"]] == ["A严1"]
    assert [x["doc_no"] for x in seen["abnormal"]] == ["A异2", "A异1"]
    removed = seen["abnormal"][0]
    assert (removed["status"], removed["status_label"], removed["removed_on"], removed["remove_reason"]) == (
        "removed", "已移出", "2025-05-06", "已更正住所")
    assert seen["abnormal"][1]["status_label"] == "列入中"
    # No staff-only fields reach the shop owner.
    assert "business" not in seen["penalty"][0]
    assert "actions" not in seen["abnormal"][0]

    # Switch to the owner's second business: now only its rows.
    r = await client.post("/api/v1/mp/me/switch-business", json={"business_id": b.id},
                          token=data["token"]["access_token"])
    seen_b = await lists(client, r.data["token"]["access_token"])
    assert {k: [x["doc_no"] for x in v] for k, v in seen_b.items()} == {
        "serious": ["B严1"], "abnormal": ["B异1"], "penalty": ["B罚1"]}

    # The other person sees only their own business.
    other = await login_person(client, phone="13900000009")
    seen_s = await lists(client, other["token"]["access_token"])
    assert {k: [x["doc_no"] for x in v] for k, v in seen_s.items()} == {
        "serious": ["S严1"], "abnormal": [], "penalty": ["S罚1"]}


async def test_keyset_pages_stay_inside_the_business(client, deps, tree, shop, owner):
    a, b, _ = shop
    for i in range(5):
        await rf.penalty(a, tree.district, doc_no=f"A{i}")
        await rf.penalty(b, tree.district, doc_no=f"B{i}")
    token = (await login_person(client))["token"]["access_token"]
    r1 = await client.get(MP, token=token, params={"kind": "penalty", "limit": 3})
    r2 = await client.get(MP, token=token, params={"kind": "penalty", "limit": 3, "cursor": r1.data["next"]})
    docs = [x["doc_no"] for x in r1.data["items"] + r2.data["items"]]
    assert docs == ["A4", "A3", "A2", "A1", "A0"]
    assert r2.data["next"] is None


async def test_refusals_on_the_shop_side(client, tree, shop, owner, risk_clerk):
    r = await client.get(MP, params={"kind": "penalty"})
    assert (r.status, r.code) == (401, "UNAUTHENTICATED")
    staff_token = await login_staff(client, "riskclerk")
    r = await client.get(MP, token=staff_token, params={"kind": "penalty"})
    assert r.status == 401
    token = (await login_person(client))["token"]["access_token"]
    r = await client.get(MP, token=token, params={"kind": "other"})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    r = await client.get(MP, token=token)
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")


async def test_a_removal_by_staff_shows_to_the_owner(client, tree, shop, owner, risk_clerk):
    a, _, _ = shop
    listing = await rf.listing(a, tree.district, kind=ListingKind.SERIOUS_VIOLATION, doc_no="严1")
    staff_token = await login_staff(client, "riskclerk")
    r = await client.post(f"/api/v1/admin/risk-records/listings/{listing.id}/remove", token=staff_token,
                          json={"reason": "信用修复：已履行相关义务", "removed_on": "2025-06-30"})
    assert r.status == 200, r
    token = (await login_person(client))["token"]["access_token"]
    item = (await client.get(MP, token=token, params={"kind": "serious"})).data["items"][0]
    assert (item["status_label"], item["remove_reason"], item["removed_on"], item["remove_org_name"]) == (
        "已移出", "信用修复：已履行相关义务", "2025-06-30", tree.district.name)
