"""The review side: notices, the queue and its filters, the two-year penalty record, reasons, audit, cache."""

from datetime import date

from getitong.core.models import AuditLog
from getitong.recognition.models import RecognitionNotice
from getitong.risk.workflow import ListingKind, ListingStatus
from tests.recognition.factories import ADMIN, MP, NOTICE, complete_draft, move_to, notice
from tests.risk import factories as risk


async def test_notice_crud_checks_and_audit(client, tokens, tree):
    r = await client.post(f"{ADMIN}/notices", token=tokens["reviewer"],
                          json={**NOTICE, "ends_at": "2026-02-01T00:00:00+08:00"})
    assert (r.status, r.code) == (400, "RECOGNITION_NOTICE_PERIOD_INVALID")
    dup = [{"code": "te", "requirements": "a"}, {"code": "te", "requirements": "b"}]
    for over in ({"categories": dup}, {"categories": []}, {"title": "   "}, {"org_id": 2**63}):
        r = await client.post(f"{ADMIN}/notices", token=tokens["reviewer"], json={**NOTICE, **over})
        assert (r.status, r.code) == (422, "VALIDATION_ERROR"), over
    r = await client.post(f"{ADMIN}/notices", token=tokens["reviewer"], json={**NOTICE, "org_id": tree.city.id})
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
    assert await RecognitionNotice.all().count() == 0

    r = await client.post(f"{ADMIN}/notices", token=tokens["reviewer"],
                          json={**NOTICE, "starts_at": "2026-03-01T00:00:00", "ends_at": "2026-03-01T12:00:00"})
    assert r.status == 201, r
    nid = r.data["id"]
    assert r.data["org"]["name"] == "黄石市下陆区市场监督管理局"
    assert r.data["starts_at"] == "2026-02-28T16:00:00+00:00"  # a time without offset is Beijing time
    assert r.data["allowed_actions"] == ["edit", "delete", "publish"]
    r = await client.post(f"{ADMIN}/notices/{nid}/publish", token=tokens["reviewer"])
    assert (r.status, r.code) == (400, "RECOGNITION_NOTICE_PERIOD_INVALID")  # already ended
    r = await client.patch(f"{ADMIN}/notices/{nid}", token=tokens["reviewer"],
                           json={"ends_at": "2026-02-27T00:00:00+08:00"})
    assert r.code == "RECOGNITION_NOTICE_PERIOD_INVALID"
    r = await client.patch(f"{ADMIN}/notices/{nid}", token=tokens["reviewer"],
                           json={"ends_at": "2026-04-01T00:00:00+08:00",
                                 "categories": [{"code": "xin", "requirements": "新业态"},
                                                {"code": "ming", "requirements": "老字号"}]})
    assert r.status == 200, r
    assert [c["label"] for c in r.data["categories"]] == ["名", "新"]
    r = await client.post(f"{ADMIN}/notices/{nid}/publish", token=tokens["reviewer"])
    assert (r.status, r.data["status_label"], r.data["period_state"]) == (200, "已发布", "open")
    actions = await AuditLog.filter(target_type="recognition_notice", target_id=str(nid)).order_by("id") \
        .values_list("action", flat=True)
    assert actions == ["recognition.notice.create", "recognition.notice.update", "recognition.notice.publish"]

    # The province sees the district's notice; the neighbour does not.
    listed = await client.get(f"{ADMIN}/notices", token=tokens["preview"], params={"status": "published"})
    assert [n["id"] for n in listed.data["items"]] == [nid]
    assert (await client.get(f"{ADMIN}/notices", token=tokens["otherreviewer"])).data["items"] == []
    assert (await client.get(f"{ADMIN}/notices/{nid}", token=tokens["otherreviewer"])).status == 404


async def test_queue_filters_and_pagination(client, deps, tokens, shop, owner, other_owner):
    nid = (await notice(client, tokens["preview"]))["id"]
    a = await move_to(client, tokens, nid, "submitted", app_id=await complete_draft(deps, nid, shop[0], owner))
    b = await move_to(client, tokens, nid, "accepted", owner="other_owner",
                      app_id=await complete_draft(deps, nid, shop[2], other_owner))
    await complete_draft(deps, nid, shop[1], owner)  # a draft: never in the queue

    async def ids(**params):
        r = await client.get(f"{ADMIN}/applications", token=tokens["preview"], params=params)
        assert r.status == 200, r
        return [x["id"] for x in r.data["items"]]

    assert await ids() == [b, a]
    assert await ids(status="accepted") == [b]
    assert await ids(q="张记") == [a]
    assert await ids(q=shop[2].uscc.lower()) == [b]
    assert await ids(category="te", notice_id=nid) == [b, a]
    assert await ids(category="ming") == []
    r = await client.get(f"{ADMIN}/applications", token=tokens["preview"], params={"status": "draft"})
    assert r.status == 422
    page = await client.get(f"{ADMIN}/applications", token=tokens["preview"], params={"limit": 1})
    assert [x["id"] for x in page.data["items"]] == [b]
    assert await ids(limit=1, cursor=page.data["next"]) == [a]
    assert (await client.get(f"{ADMIN}/applications", token=tokens["preview"], params={"cursor": "@@"})).status == 422
    counts = (await client.get(f"{ADMIN}/notices/{nid}", token=tokens["preview"])).data["application_counts"]
    assert counts == {"submitted": 1, "accepted": 1}


async def test_penalty_record_of_the_last_two_years(client, deps, tokens, tree, shop, owner):
    nid = (await notice(client, tokens["preview"]))["id"]
    app = await move_to(client, tokens, nid, "submitted", app_id=await complete_draft(deps, nid, shop[0], owner))
    # Today is 2026-03-02 in Beijing: 2024-03-02 is inside the window, 2024-03-01 is not.
    await risk.penalty(shop[0], tree.district, doc_no="A-inside", decided_on=date(2024, 3, 2))
    await risk.penalty(shop[0], tree.district, doc_no="B-outside", decided_on=date(2024, 3, 1))
    await risk.penalty(shop[1], tree.district, doc_no="C-other-business", decided_on=date(2025, 3, 1))
    await risk.listing(shop[0], tree.district, doc_no="L-now", listed_on=date(2020, 1, 1))
    await risk.listing(shop[0], tree.district, doc_no="L-old-removed", listed_on=date(2021, 1, 1),
                       status=ListingStatus.REMOVED, removed_on=date(2021, 6, 1))
    await risk.listing(shop[0], tree.district, kind=ListingKind.SERIOUS_VIOLATION, doc_no="S-recent",
                       listed_on=date(2025, 1, 1), status=ListingStatus.REMOVED, removed_on=date(2025, 6, 1))
    d = await client.get(f"{ADMIN}/applications/{app}", token=tokens["preview"])
    rec = d.data["risk"]
    assert rec["since"] == "2024-03-02"
    assert [p["doc_no"] for p in rec["penalties"]] == ["A-inside"]
    assert [x["doc_no"] for x in rec["listings"]] == ["S-recent", "L-now"]
    assert (rec["penalty_count"], rec["listed_now"], rec["serious_violation"]) == (1, 1, False)
    assert d.data["business"]["uscc"] == shop[0].uscc
    # The owner's view of the same application carries no risk section.
    mine = await client.get(f"{MP}/applications/{app}", token=tokens["owner"])
    assert "risk" not in mine.data


async def test_reasons_required_and_shown_to_the_owner(client, deps, tokens, shop, owner):
    nid = (await notice(client, tokens["preview"]))["id"]
    app = await move_to(client, tokens, nid, "accepted", app_id=await complete_draft(deps, nid, shop[0], owner))
    for action in ("return", "refuse"):
        for body in ({}, {"reason": "   "}):
            r = await client.post(f"{ADMIN}/applications/{app}/{action}", token=tokens["preview"], json=body)
            assert (r.status, r.code) == (422, "VALIDATION_ERROR"), (action, body)
    before = int(await deps.cache.get(f"home:v:b:{shop[0].id}") or 0)
    r = await client.post(f"{ADMIN}/applications/{app}/refuse", token=tokens["preview"],
                          json={"reason": "近两年内受到较重行政处罚"})
    assert r.status == 200
    assert int(await deps.cache.get(f"home:v:b:{shop[0].id}")) == before + 1
    mine = await client.get(f"{MP}/applications", token=tokens["owner"])
    item = mine.data["items"][0]
    assert (item["status_label"], item["reason"]) == ("不予认定", "近两年内受到较重行政处罚")
    audit = await AuditLog.filter(target_type="recognition_application").order_by("-id").first()
    assert (audit.action, audit.before, audit.after["status"]) == ("recognition.application.refuse",
                                                                     {"status": "accepted"}, "refused")
    # Refused is final: no second application under the same notice.
    r = await client.post(f"{MP}/notices/{nid}/application", token=tokens["owner"])
    assert (r.status, r.code) == (409, "RECOGNITION_ALREADY_APPLIED")
    public = await client.get(f"{MP}/notices/{nid}/recognised")
    assert public.data["items"] == []


async def test_withdrawn_notice_stops_the_review(client, deps, tokens, shop, owner):
    nid = (await notice(client, tokens["preview"]))["id"]
    app = await move_to(client, tokens, nid, "submitted", app_id=await complete_draft(deps, nid, shop[0], owner))
    await client.post(f"{ADMIN}/notices/{nid}/withdraw", token=tokens["preview"])
    r = await client.post(f"{ADMIN}/applications/{app}/accept", token=tokens["preview"], json={})
    assert (r.status, r.code) == (409, "RECOGNITION_NOTICE_WITHDRAWN")
    assert (await client.get(f"{MP}/notices/{nid}/recognised")).status == 404
    assert (await client.get(f"{ADMIN}/notices/{nid}/recognised", token=tokens["preview"])).status == 200


async def test_recognised_list_after_closing(client, deps, tokens, shop, owner, other_owner):
    nid = (await notice(client, tokens["preview"]))["id"]
    await move_to(client, tokens, nid, "recognised", app_id=await complete_draft(deps, nid, shop[0], owner))
    await move_to(client, tokens, nid, "accepted", owner="other_owner",
                      app_id=await complete_draft(deps, nid, shop[2], other_owner))
    await client.post(f"{ADMIN}/notices/{nid}/close", token=tokens["preview"])
    public = await client.get(f"{MP}/notices/{nid}/recognised")
    assert public.status == 200
    assert public.data["notice"]["title"] == NOTICE["title"]
    assert [x["business_name"] for x in public.data["items"]] == ["下陆区张记小吃店"]
    assert set(public.data["items"][0]) == {"business_name", "category", "recognised_at"}
    staff = await client.get(f"{ADMIN}/notices/{nid}/recognised", token=tokens["preview"])
    assert staff.data["items"] == public.data["items"]
