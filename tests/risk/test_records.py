"""Staff entry, edit, removal and list of risk records; scope and permission refusals; audit rows."""

from __future__ import annotations

from datetime import date

import pytest

from getitong.core import errors
from getitong.core.models import AuditLog
from getitong.risk import service
from getitong.risk.models import Listing, Penalty
from getitong.risk.workflow import ListingStatus, RemovalSource
from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import login_person, login_staff
from tests.risk import factories as rf

BASE = "/api/v1/admin/risk-records"


def penalty_body(code: str, **over):
    body = {"code": code, "doc_no": "黄下市监罚〔2025〕8号", "penalty_type": "罚款",
            "basis": "《中华人民共和国食品安全法》第一百二十六条", "violation_type": "未按规定公示许可证",
            "content": "罚款4067.11元", "fine_amount": "0.406711", "decided_on": "2025-01-09",
            "published_on": "2025-01-17"}
    return body | over


def listing_body(code: str, **over):
    body = {"code": code, "kind": "individual_abnormal", "doc_no": "黄下市监异〔2025〕3号",
            "list_reason": "通过登记的住所或者经营场所无法联系", "listed_on": "2025-03-27"}
    return body | over


async def test_clerk_enters_and_edits_a_penalty(client, tree, shop, risk_clerk):
    a, _, _ = shop
    token = await login_staff(client, "riskclerk")
    r = await client.post(f"{BASE}/penalties", token=token, json=penalty_body(a.uscc, decision_org_id=tree.station.id))
    assert r.status == 201, r
    p = r.data
    assert (p["business"]["id"], p["fine_amount"], p["amount_unit"]) == (a.id, "0.406711", "万元")
    assert p["decision_org_name"] == tree.station.name
    r = await client.patch(f"{BASE}/penalties/{p['id']}", token=token,
                           json={"content": "罚款4000元", "fine_amount": "0.4", "confiscated_amount": "1"})
    assert r.status == 200, r
    assert (r.data["content"], r.data["fine_amount"], r.data["confiscated_amount"]) == ("罚款4000元", "0.4", "1")
    got = await client.get(f"{BASE}/penalties/{p['id']}", token=token)
    assert got.data["content"] == "罚款4000元"
    logs = await AuditLog.filter(target_type="risk_penalty", target_id=str(p["id"])).order_by("id")
    assert [x.action for x in logs] == ["risk.penalty.create", "risk.penalty.update"]
    assert (logs[1].before["content"], logs[1].after["content"]) == ("罚款4067.11元", "罚款4000元")


async def test_penalty_input_errors_are_clear(client, deps, tree, shop, risk_clerk):
    a, _, _ = shop
    token = await login_staff(client, "riskclerk")
    await client.post(f"{BASE}/penalties", token=token, json=penalty_body(a.uscc))
    cases = [
        (penalty_body("914201006000000000"), 404, "RISK_BUSINESS_NOT_FOUND"),
        (penalty_body(a.uscc[:17] + ("0" if a.uscc[17] != "0" else "1")), 422, "VALIDATION_ERROR"),
        (penalty_body(a.uscc), 409, "RISK_RECORD_EXISTS"),
        (penalty_body(a.uscc, doc_no="x2", fine_amount="-1"), 422, "VALIDATION_ERROR"),
        (penalty_body(a.uscc, doc_no="x3", published_on="2025-01-01"), 422, "VALIDATION_ERROR"),
        (penalty_body(a.uscc, doc_no="x4", decided_on="2999-01-01", published_on="2999-01-02"), 422,
         "VALIDATION_ERROR"),
        (penalty_body(a.uscc, doc_no=""), 422, "VALIDATION_ERROR"),
    ]
    for body, status, code in cases:
        r = await client.post(f"{BASE}/penalties", token=token, json=body)
        assert (r.status, r.code) == (status, code), (body, r)
    assert await Penalty.all().count() == 1
    r = await client.post(f"{BASE}/penalties", token=token,
                          json=penalty_body(a.uscc, doc_no="x5", published_on="2025-01-01"))
    assert "公示日期不能早于处罚决定书日期" in r.message


async def test_by_registration_number(client, deps, tree, risk_clerk):
    b = await factories.business(deps, tree.station, name="老注册号小店", reg_no="420204600099999")
    token = await login_staff(client, "riskclerk")
    r = await client.post(f"{BASE}/penalties", token=token, json=penalty_body("420204600099999"))
    assert r.status == 201, r
    assert r.data["business"]["id"] == b.id
    r = await client.get(BASE, token=token, params={"kind": "penalty", "uscc": "420204600099999"})
    assert [x["id"] for x in r.data["items"]] == [(await Penalty.get()).id]


async def test_listing_entry_removal_and_history(client, tree, shop, risk_clerk):
    a, _, _ = shop
    token = await login_staff(client, "riskclerk")
    r = await client.post(f"{BASE}/listings", token=token, json=listing_body(a.uscc))
    assert r.status == 201, r
    lid = r.data["id"]
    assert (r.data["status"], r.data["kind_label"], r.data["actions"]) == ("listed", "个体工商户经营异常状态",
                                                                           ["edit", "remove"])
    r = await client.post(f"{BASE}/listings", token=token, json=listing_body(a.uscc, kind="enterprise_abnormal",
                                                                                doc_no="y"))
    assert (r.status, r.code) == (400, "LISTING_KIND_MISMATCH")
    r = await client.post(f"{BASE}/listings/{lid}/remove", token=token,
                          json={"reason": "已更正住所", "removed_on": "2025-03-01"})
    assert (r.status, r.code) == (400, "REMOVAL_DATE_INVALID")
    r = await client.post(f"{BASE}/listings/{lid}/remove", token=token,
                          json={"reason": "已更正住所，可通过登记的住所联系", "removed_on": "2025-05-06"})
    assert r.status == 200, r
    assert (r.data["status"], r.data["removed_on"], r.data["remove_org_name"]) == ("removed", "2025-05-06",
                                                                                    tree.district.name)
    assert r.data["actions"] == []
    r = await client.post(f"{BASE}/listings/{lid}/remove", token=token,
                          json={"reason": "再次", "removed_on": "2025-05-07"})
    assert (r.status, r.code) == (409, "LISTING_ALREADY_REMOVED")
    r = await client.patch(f"{BASE}/listings/{lid}", token=token, json={"list_reason": "改"})
    assert (r.status, r.code) == (409, "LISTING_ALREADY_REMOVED")
    actions = [x.action for x in await AuditLog.filter(target_type="risk_listing").order_by("id")]
    assert actions == ["risk.listing.create", "risk.listing.remove"]


async def test_edit_listing_keeps_numbers_unique(client, shop, risk_clerk):
    a, _, _ = shop
    token = await login_staff(client, "riskclerk")
    first = (await client.post(f"{BASE}/listings", token=token, json=listing_body(a.uscc, doc_no="n1"))).data
    await client.post(f"{BASE}/listings", token=token, json=listing_body(a.uscc, doc_no="n2"))
    r = await client.patch(f"{BASE}/listings/{first['id']}", token=token, json={"doc_no": "n2"})
    assert (r.status, r.code) == (409, "RISK_RECORD_EXISTS")
    r = await client.patch(f"{BASE}/listings/{first['id']}", token=token,
                           json={"doc_no": "n3", "listed_on": "2025-02-01"})
    assert (r.data["doc_no"], r.data["listed_on"]) == ("n3", "2025-02-01")


async def test_list_filters_and_keyset(client, tree, shop, risk_clerk):
    a, b, other = shop
    for i in range(5):
        await rf.penalty(a, tree.district, doc_no=f"a{i}", decided_on=date(2025, 1, 1 + i))
    await rf.penalty(b, tree.district, doc_no="b0")
    await rf.penalty(other, tree.other_district, doc_no="w0")
    await rf.listing(a, tree.district, doc_no="l1")
    await rf.listing(b, tree.district, doc_no="l2", status=ListingStatus.REMOVED, remove_reason="已整改",
                     removed_on=date(2025, 5, 1))
    from getitong.risk.workflow import ListingKind

    await rf.listing(a, tree.district, kind=ListingKind.SERIOUS_VIOLATION, doc_no="s1")
    token = await login_staff(client, "riskclerk")

    async def docs(**params):
        r = await client.get(BASE, token=token, params=params)
        assert r.status == 200, r
        return [x["doc_no"] for x in r.data["items"]], r.data["next"]

    assert (await docs(kind="penalty"))[0] == ["b0", "a4", "a3", "a2", "a1", "a0"]
    page1, nxt = await docs(kind="penalty", limit=4)
    page2, end = await docs(kind="penalty", limit=4, cursor=nxt)
    assert (page1 + page2, end) == (["b0", "a4", "a3", "a2", "a1", "a0"], None)
    assert (await docs(kind="penalty", uscc=b.uscc))[0] == ["b0"]
    assert (await docs(kind="penalty", name="秀英"))[0] == ["b0"]
    assert (await docs(kind="penalty", date_from="2025-01-02", date_to="2025-01-03"))[0] == ["a2", "a1"]
    assert (await docs(kind="abnormal"))[0] == ["l2", "l1"]
    assert (await docs(kind="abnormal", status="removed"))[0] == ["l2"]
    assert (await docs(kind="serious"))[0] == ["s1"]
    assert (await docs(kind="individual_abnormal", status="listed"))[0] == ["l1"]
    r = await client.get(BASE, token=token, params={"kind": "everything"})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    r = await client.get(BASE, token=token)
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")


async def test_scope_refusals(client, tree, shop, risk_clerk, wuhan_clerk, reader, province_admin):
    a, _, other = shop
    mine = await rf.penalty(a, tree.district, doc_no="m1")
    theirs = await rf.penalty(other, tree.other_district, doc_no="t1")
    their_listing = await rf.listing(other, tree.other_district, doc_no="tl")
    token = await login_staff(client, "riskclerk")
    # Another district's business, record, listing: refused, and never in the list.
    r = await client.post(f"{BASE}/penalties", token=token, json=penalty_body(other.uscc))
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
    for path in (f"{BASE}/penalties/{theirs.id}", f"{BASE}/listings/{their_listing.id}"):
        assert (await client.get(path, token=token)).code == "ORG_OUT_OF_SCOPE"
    r = await client.patch(f"{BASE}/penalties/{theirs.id}", token=token, json={"content": "x"})
    assert r.code == "ORG_OUT_OF_SCOPE"
    r = await client.post(f"{BASE}/listings/{their_listing.id}/remove", token=token,
                          json={"reason": "x", "removed_on": "2025-05-01"})
    assert r.code == "ORG_OUT_OF_SCOPE"
    assert (await Listing.get(id=their_listing.id)).status == ListingStatus.LISTED
    assert [x["id"] for x in (await client.get(BASE, token=token, params={"kind": "penalty"})).data["items"]] == [
        mine.id]
    # The deciding org must be in scope too: 下陆区 cannot write a decision of 江岸区.
    r = await client.post(f"{BASE}/penalties", token=token,
                          json=penalty_body(a.uscc, doc_no="z", decision_org_id=tree.other_district.id))
    assert r.code == "ORG_OUT_OF_SCOPE"
    r = await client.patch(f"{BASE}/penalties/{mine.id}", token=token, json={"decision_org_id": tree.city.id})
    assert r.code == "ORG_OUT_OF_SCOPE"
    # The province sees both.
    padmin = await login_staff(client, "padmin")
    ids = {x["id"] for x in (await client.get(BASE, token=padmin, params={"kind": "penalty"})).data["items"]}
    assert ids == {mine.id, theirs.id}


async def test_role_and_audience_refusals(client, tree, shop, owner, risk_clerk, reader):
    a, _, _ = shop
    mine = await rf.penalty(a, tree.district, doc_no="m1")
    listing = await rf.listing(a, tree.district, doc_no="l1")
    inspector = await login_staff(client, "inspector")
    # entity:read may read, not write.
    assert (await client.get(BASE, token=inspector, params={"kind": "penalty"})).status == 200
    assert (await client.get(f"{BASE}/penalties/{mine.id}", token=inspector)).status == 200
    writes = [("post", f"{BASE}/penalties", penalty_body(a.uscc, doc_no="q")),
              ("patch", f"{BASE}/penalties/{mine.id}", {"content": "x"}),
              ("post", f"{BASE}/listings", listing_body(a.uscc)),
              ("patch", f"{BASE}/listings/{listing.id}", {"list_reason": "x"}),
              ("post", f"{BASE}/listings/{listing.id}/remove", {"reason": "x", "removed_on": "2025-05-01"})]
    for method, path, body in writes:
        r = await getattr(client, method)(path, token=inspector, json=body)
        assert (r.status, r.code) == (403, "FORBIDDEN"), (path, r)
    # A content editor has not even entity:read.
    await factories.staff(client.app.ctx.deps, tree.district, [Role.CONTENT_EDITOR.value], username="editor")
    editor = await login_staff(client, "editor")
    assert (await client.get(BASE, token=editor, params={"kind": "penalty"})).code == "FORBIDDEN"
    # Anonymous and a shop owner's token: refused on every staff route.
    person = (await login_person(client))["token"]["access_token"]
    for tok in ("", person):
        assert (await client.get(BASE, token=tok, params={"kind": "penalty"})).status == 401
        for method, path, body in writes:
            r = await getattr(client, method)(path, token=tok, json=body)
            assert r.status == 401, (path, r)
    assert await AuditLog.filter(target_type__in=["risk_penalty", "risk_listing"]).count() == 0
    assert (await Penalty.get(id=mine.id)).content == "罚款2000元"


async def test_remove_listing_for_credit_repair(deps, tree, shop):
    """The service credit repair will call: its own permission, its transaction, its reference."""
    from tortoise.transactions import in_transaction

    a, _, _ = shop
    listing = await rf.listing(a, tree.district, doc_no="cr1")
    approver = await factories.staff(deps, tree.district, [Role.CREDIT_APPROVER.value], username="approver")
    with pytest.raises(errors.Forbidden) as refused:
        await service.remove_listing(actor=approver, listing_id=listing.id, reason="x", removed_on=date(2025, 5, 1))
    assert getattr(refused.value, "code", "") == "FORBIDDEN"
    async with in_transaction() as conn:
        x = await service.remove_listing(actor=approver, listing_id=listing.id, reason="信用修复申请已核准",
                                         removed_on=date(2025, 5, 2), source=RemovalSource.CREDIT_REPAIR,
                                         source_ref="XF2025000001", using_db=conn)
    assert x.status == ListingStatus.REMOVED
    saved = await Listing.get(id=listing.id)
    assert (saved.removal_source, saved.removal_ref, saved.remove_reason) == (RemovalSource.CREDIT_REPAIR,
                                                                              "XF2025000001", "信用修复申请已核准")
    assert await AuditLog.filter(action="risk.listing.remove", actor_id=approver.id).count() == 1
