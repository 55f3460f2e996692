"""Refusals for every endpoint (anonymous, the wrong audience, wrong role, other office/district, other person),
the transfer visibility rule, and bad input that leaves nothing half-written."""

from datetime import date

import pytest

from getitong.core.models import StoredFile
from getitong.credit.models import CreditApplication, CreditApplicationListing, CreditEvent, CreditMaterial
from getitong.risk.models import Listing
from getitong.risk.workflow import ListingKind, ListingStatus
from tests.credit.factories import ADMIN, MP, act, listing, materials, move_to, new_application, submit, upload


def _mp_endpoints(app_id: int, file_id: int) -> list[tuple[str, str, dict | None]]:
    return [("get", f"{MP}/businesses", None),
            ("post", f"{MP}/verify", {"business_id": 1, "kind": "individual_abnormal"}),
            ("post", f"{MP}/applications", {}),
            ("get", f"{MP}/progress", None),
            ("get", f"{MP}/applications/{app_id}", None),
            ("post", f"{MP}/applications/{app_id}/resubmit", {"comment": "x"}),
            ("get", f"{MP}/applications/{app_id}/files/{file_id}", None)]


def _admin_endpoints(app_id: int, file_id: int, listing_id: int) -> list[tuple[str, str, dict | None]]:
    return [("get", f"{ADMIN}/options", None),
            ("get", f"{ADMIN}/applications", None),
            ("get", f"{ADMIN}/applications/{app_id}", None),
            ("get", f"{ADMIN}/applications/{app_id}/transfer-targets", None),
            ("post", f"{ADMIN}/applications/{app_id}/actions", {"action": "accept"}),
            ("get", f"{ADMIN}/applications/{app_id}/files/{file_id}", None),
            ("get", f"{ADMIN}/listings?kind=individual_abnormal", None),
            ("post", f"{ADMIN}/listings/{listing_id}/apply", {})]


async def _call(client, method, path, body, token):
    if method == "get":
        return await client.get(path, token=token)
    return await client.post(path, json=body, token=token)


@pytest.fixture
async def one(client, cast):
    app = await new_application(client, cast)
    file_id = (await CreditMaterial.filter(application_id=app["id"]).first()).file_id
    return app["id"], file_id


async def test_mp_endpoints_refuse_anonymous_and_staff(client, cast, one):
    for method, path, body in _mp_endpoints(*one):
        for token in (None, cast.tokens["dclerk"]):
            r = await _call(client, method, path, body, token)
            assert r.status == 401, (path, r)


async def test_mp_endpoints_refuse_another_persons_application(client, cast, one):
    app_id, file_id = one
    for method, path, body in _mp_endpoints(app_id, file_id)[4:]:
        r = await _call(client, method, path, body, cast.tokens["stranger"])
        assert (r.status, r.code) == (404, "CREDIT_NOT_FOUND"), (path, r)
    r = await client.get(f"{MP}/progress?phone=13900000001", token=cast.tokens["stranger"])
    assert r.status == 200
    assert r.data["items"] == []
    r = await client.post(f"{MP}/verify", token=cast.tokens["stranger"],
                          json={"business_id": cast.shop[0].id, "kind": "individual_abnormal"})
    assert r.status == 403
    assert r.code == "CREDIT_BUSINESS_NOT_LINKED"


async def test_admin_endpoints_refuse_anonymous_owner_and_wrong_role(client, cast, one):
    app_id, file_id = one
    for method, path, body in _admin_endpoints(app_id, file_id, cast.listing.id):
        r = await _call(client, method, path, body, None)
        assert r.status == 401, (path, r)
        r = await _call(client, method, path, body, cast.tokens["owner"])
        assert r.status == 401, (path, r)
        if path.endswith("/options"):
            continue
        r = await _call(client, method, path, body, cast.tokens["editor"])
        assert (r.status, r.code) == (403, "CREDIT_FORBIDDEN"), (path, r)


async def test_admin_endpoints_refuse_other_office_and_district(client, cast, one):
    app_id, file_id = one
    for who in ("sclerk", "s2clerk", "oclerk", "oapprover", "padmin"):
        for method, path, body in _admin_endpoints(app_id, file_id, cast.listing.id)[2:6]:
            r = await _call(client, method, path, body, cast.tokens[who])
            assert (r.status, r.code) == (404, "CREDIT_NOT_FOUND"), (who, path, r)
    r = await client.post(f"{ADMIN}/listings/{cast.listing.id}/apply", token=cast.tokens["oclerk"], json={})
    assert r.status == 400
    assert r.code == "CREDIT_LISTING_INVALID"
    r = await client.get(f"{ADMIN}/listings?kind=individual_abnormal", token=cast.tokens["oclerk"])
    assert r.data["items"] == []
    r = await client.post(f"{ADMIN}/listings/{cast.listing.id}/apply", token=cast.tokens["dreviewer"], json={})
    assert r.status == 403
    assert r.code == "CREDIT_FORBIDDEN"
    assert (await CreditApplication.get(id=app_id)).status.value == "submitted"


async def _queue(client, cast, who):
    r = await client.get(f"{ADMIN}/applications", token=cast.tokens[who])
    assert r.status == 200, r
    return [a["id"] for a in r.data["items"]]


async def test_transfer_visibility(client, cast):
    app_id = await move_to(client, cast, "submitted")
    assert await _queue(client, cast, "dclerk") == [app_id]
    for who in ("sclerk", "s2clerk", "oclerk"):
        assert await _queue(client, cast, who) == []
    r = await act(client, cast, "dclerk", app_id, "transfer", opinion="属地管辖", target_org_id=cast.tree.station.id)
    assert r.status == 200, r
    assert await _queue(client, cast, "sclerk") == [app_id]
    for who in ("dclerk", "dreviewer", "s2clerk", "oclerk"):
        assert await _queue(client, cast, who) == []
    r = await client.get(f"{ADMIN}/applications/{app_id}", token=cast.tokens["dclerk"])
    assert r.status == 404
    r = await act(client, cast, "dclerk", app_id, "accept")
    assert r.status == 404
    assert r.code == "CREDIT_NOT_FOUND"
    r = await client.get(f"{ADMIN}/applications/{app_id}", token=cast.tokens["sclerk"])
    assert r.status == 200
    assert r.data["handling_org_name"] == cast.tree.station.name
    assert r.data["approval_form"][0]["opinion"] == "属地管辖"


@pytest.mark.parametrize(("target", "code"), [
    ("other_district", "CREDIT_TRANSFER_TARGET_INVALID"),
    ("station2", "CREDIT_TRANSFER_TARGET_INVALID"),  # same district, but the shop is not in its scope
    ("district", "CREDIT_TRANSFER_TARGET_INVALID"),  # itself
    (None, "CREDIT_TRANSFER_TARGET_INVALID"),
    ("missing", "CREDIT_TRANSFER_TARGET_INVALID"),
])
async def test_transfer_targets_are_checked(client, cast, target, code):
    app_id = await move_to(client, cast, "submitted")
    orgs = {"other_district": cast.tree.other_district.id, "station2": cast.station2.id,
            "district": cast.tree.district.id, None: None, "missing": 10**9}
    r = await act(client, cast, "dclerk", app_id, "transfer", opinion="转办", target_org_id=orgs[target])
    assert (r.status, r.code) == (400, code), r
    app = await CreditApplication.get(id=app_id)
    assert app.handling_org_id == cast.tree.district.id
    assert await CreditEvent.filter(application_id=app_id).count() == 1


@pytest.mark.parametrize("action", ["transfer", "return", "refuse"])
async def test_reasons_are_required(client, cast, action):
    app_id = await move_to(client, cast, "submitted")
    r = await act(client, cast, "dclerk", app_id, action, opinion="  ", target_org_id=cast.tree.station.id)
    assert r.status == 400
    assert r.code == "CREDIT_REASON_REQUIRED"
    assert "原因" in r.message


async def _nothing_written():
    assert await CreditApplication.all().count() == 0
    assert await CreditApplicationListing.all().count() == 0
    assert await CreditEvent.all().count() == 0


async def test_bad_submissions_write_nothing(client, cast, deps):
    t = cast.tokens["owner"]
    mats = await materials(client, t)
    other_shop_listing = await listing(cast.shop[2], cast.tree.other_district)
    removed = await listing(cast.shop[0], cast.tree.district, status=ListingStatus.REMOVED,
                            removed_on=date(2025, 6, 1), remove_reason="已移出")
    serious = await listing(cast.shop[0], cast.tree.district, kind=ListingKind.SERIOUS_VIOLATION)
    by_station = await listing(cast.shop[0], cast.tree.station)
    stranger_file = await upload(client, cast.tokens["stranger"], color=7)
    staff_file = await upload(client, cast.tokens["dclerk"], admin=True, color=8)
    cases = [
        ({"guide_acknowledged": False}, 400, "CREDIT_GUIDE_NOT_ACKNOWLEDGED"),
        ({"materials": mats[:1]}, 400, "CREDIT_MATERIAL_MISSING"),
        ({"materials": [mats[0], {"type": "commitment", "file_id": stranger_file}]}, 400, "CREDIT_MATERIAL_INVALID"),
        ({"materials": [mats[0], {"type": "commitment", "file_id": staff_file}]}, 400, "CREDIT_MATERIAL_INVALID"),
        ({"materials": [mats[0], {"type": "commitment", "file_id": 10**12}]}, 400, "CREDIT_MATERIAL_INVALID"),
        ({"listing_ids": [other_shop_listing.id]}, 400, "CREDIT_LISTING_INVALID"),
        ({"listing_ids": [removed.id]}, 400, "CREDIT_LISTING_INVALID"),
        ({"listing_ids": [10**12]}, 400, "CREDIT_LISTING_INVALID"),
        ({"listing_ids": [serious.id]}, 400, "CREDIT_LISTING_KIND_MISMATCH"),
        ({"listing_ids": [cast.listing.id, by_station.id]}, 400, "CREDIT_LISTING_ORGS_DIFFER"),
        ({"business_id": cast.shop[2].id}, 403, "CREDIT_BUSINESS_NOT_LINKED"),
        ({"business_id": None}, 422, "VALIDATION_ERROR"),
        ({"uscc": cast.shop[0].uscc}, 422, "VALIDATION_ERROR"),
        ({"phone": "12345"}, 422, "VALIDATION_ERROR"),
        ({"kind": "nope"}, 422, "VALIDATION_ERROR"),
        ({"listing_ids": []}, 422, "VALIDATION_ERROR"),
        ({"listing_ids": [2**63]}, 422, "VALIDATION_ERROR"),
        ({"materials": [{"type": "selfie", "file_id": mats[0]["file_id"]}]}, 422, "VALIDATION_ERROR"),
        ({"extra": 1}, 422, "VALIDATION_ERROR"),
    ]
    for over, status, code in cases:
        r = await submit(client, cast, **({"materials": mats} | over))
        assert (r.status, r.code) == (status, code), (over, r)
        assert r.message, r
        assert not r.message.isascii(), r
    await _nothing_written()
    r = await client.post(f"{MP}/applications", token=t, data=b"{not json", headers={"content-type": "application/json"})
    assert r.status in (400, 422)
    await _nothing_written()
    assert await StoredFile.filter(owner_type="person").count() == 3


async def test_listing_cannot_be_applied_for_twice(client, cast):
    await new_application(client, cast)
    r = await submit(client, cast)
    assert r.status == 409
    assert r.code == "CREDIT_LISTING_BUSY"
    assert await CreditApplication.all().count() == 1


async def test_failed_removal_rolls_the_approval_back(client, cast):
    """The listing was removed by hand meanwhile: approval fails as a whole, nothing changes."""
    app_id = await move_to(client, cast, "approving")
    await Listing.filter(id=cast.listing.id).update(status=ListingStatus.REMOVED, removed_on=date(2026, 1, 5),
                                                    remove_reason="人工移出")
    r = await act(client, cast, "dapprover", app_id, "approve")
    assert r.status == 409
    assert r.code == "LISTING_ALREADY_REMOVED"
    app = await CreditApplication.get(id=app_id)
    assert app.status.value == "approving"
    assert app.decided_at is None
    assert await CreditApplicationListing.filter(application_id=app_id, open_listing_id__isnull=False).count() == 1
    assert await CreditEvent.filter(application_id=app_id).count() == 3


async def test_bad_action_bodies(client, cast):
    app_id = await move_to(client, cast, "submitted")
    for body in ({"action": "delete"}, {"action": "accept", "opinion": "x" * 1001}, {"action": "accept", "x": 1},
                 {"action": "transfer", "opinion": "a", "target_org_id": 0}, {}):
        r = await client.post(f"{ADMIN}/applications/{app_id}/actions", token=cast.tokens["dclerk"], json=body)
        assert (r.status, r.code) == (422, "VALIDATION_ERROR"), (body, r)
    r = await act(client, cast, "dclerk", 10**12, "accept")
    assert r.status == 404
    assert r.code == "CREDIT_NOT_FOUND"
    assert await CreditEvent.filter(application_id=app_id).count() == 1
    for q in ("status=nope", "limit=0", "cursor=%%%", "kind=x"):
        r = await client.get(f"{ADMIN}/applications?{q}", token=cast.tokens["dclerk"])
        assert r.status == 422, (q, r)


async def test_files(client, cast, one):
    app_id, file_id = one
    r = await client.get(f"{MP}/applications/{app_id}/files/{file_id}", token=cast.tokens["owner"])
    assert r.status == 200
    r = await client.get(f"{ADMIN}/applications/{app_id}/files/{file_id}", token=cast.tokens["dclerk"])
    assert r.status == 200
    r = await client.get(f"{MP}/applications/{app_id}/files/{file_id + 1000}", token=cast.tokens["owner"])
    assert r.status == 404


async def test_huge_path_ids_are_not_found(client, cast):
    huge = 2**70
    for path, token in ((f"{ADMIN}/applications/{huge}", "dclerk"), (f"{MP}/applications/{huge}", "owner"),
                        (f"{MP}/applications/1/files/{huge}", "owner"),
                        (f"{ADMIN}/applications/{huge}/decision-letter", "dclerk")):
        r = await client.get(path, token=cast.tokens[token])
        assert r.status == 404, (path, r)
    r = await client.post(f"{ADMIN}/listings/{huge}/apply", token=cast.tokens["dclerk"], json={})
    assert r.status in (400, 404), r


async def test_office_without_jurisdiction_cannot_approve_but_can_transfer(client, cast):
    """Listed by the other station of the district, which does not cover the shop: approval is refused with a
    clear reason (nothing changes); the transfer targets are the offices that do cover it."""
    x = await listing(cast.shop[0], cast.station2)
    app_id = (await new_application(client, cast, listing_ids=[x.id]))["id"]
    r = await client.get(f"{ADMIN}/applications/{app_id}/transfer-targets", token=cast.tokens["s2clerk"])
    assert sorted(o["id"] for o in r.data["items"]) == sorted([cast.tree.district.id, cast.tree.station.id])
    for who, action in (("s2clerk", "accept"), ("s2reviewer", "review")):
        assert (await act(client, cast, who, app_id, action)).status == 200
    r = await act(client, cast, "s2approver", app_id, "approve")
    assert (r.status, r.code) == (409, "CREDIT_REMOVAL_OUT_OF_SCOPE")
    assert (await CreditApplication.get(id=app_id)).status.value == "approving"
    assert (await Listing.get(id=x.id)).status == ListingStatus.LISTED
