"""免申即享: marking (one, rule, Excel), the owner's confirmation, forwarding with retries, platform callbacks."""

import asyncio
import io
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import Workbook

from getitong.entities.models import ScaleType
from getitong.policies import forwarding
from getitong.policies.models import BenefitEligibility, BenefitEvent
from tests import factories
from tests.api.conftest import login_staff
from tests.policies import factories as pf
from tests.policies.test_policies import owner_token

MP = "/api/v1/mp/benefits"
ADMIN = "/api/v1/admin/benefits"
HOOK = "/api/v1/integrations/benefit-platform/status"


@pytest.fixture
async def benefit(tree):
    return await pf.benefit(tree.city)


@pytest.fixture
async def city_staff(client, deps, tree):
    await pf.editor(deps, tree.city, "city_editor")
    return await login_staff(client, "city_editor")


async def mark(client, token, benefit_id, uscc):
    r = await client.post(f"{ADMIN}/{benefit_id}/eligibilities", token=token, json={"uscc": uscc})
    assert r.status == 201, r
    return r.data["id"]


async def test_mark_push_confirm_forward_and_callbacks(client, deps, tree, shop, owner, benefit, city_staff,
                                                       platform, bconfig):
    a, b, _ = shop
    eid = await mark(client, city_staff, benefit.id, a.uscc)
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities", token=city_staff, json={"uscc": a.uscc})
    assert (r.status, r.code) == (409, "BENEFIT_ALREADY_PUSHED")
    tok_a = await owner_token(client, a.id)
    r = await client.get(MP, token=tok_a)
    assert [(i["benefit"]["name"], i["status_label"], i["actions"]) for i in r.data["items"]] == [
        ("个体工商户社保补贴", "待确认", ["confirm"])]
    # The other business of the same owner sees nothing.
    tok_b = await owner_token(client, b.id)
    assert (await client.get(MP, token=tok_b)).data["items"] == []
    assert (await client.post(f"{MP}/{eid}/confirm", token=tok_b)).code == "BENEFIT_ELIGIBILITY_NOT_FOUND"

    r = await client.post(f"{MP}/{eid}/confirm", token=tok_a)
    assert r.status == 200, r
    assert r.data["status"] == "forwarded"
    assert r.data["status_label"] == "已提交免申即享平台"
    assert platform.seen(eid) == 1
    sent = platform.confirmations[str(eid)]
    assert (sent["uscc"], sent["business_name"], sent["benefit_code"]) == (a.uscc, a.name, "HG-2026-001")
    assert sent["confirmed_at"]
    r = await client.post(f"{MP}/{eid}/confirm", token=tok_a)
    assert (r.status, r.code) == (409, "BENEFIT_ALREADY_CONFIRMED")
    assert platform.seen(eid) == 1

    body, headers = platform.status_callback(eid, "accepted", note="已受理")
    r = await client.post(HOOK, data=body, headers=headers)
    assert r.status == 200
    assert r.data == {"id": eid, "status": "accepted", "duplicate": False}
    r = await client.post(HOOK, data=body, headers=headers)  # the platform retries its callback
    assert r.status == 200
    assert r.data["duplicate"] is True
    body, headers = platform.status_callback(eid, "paid", note="已拨付2000元")
    assert (await client.post(HOOK, data=body, headers=headers)).data["status"] == "paid"

    r = await client.get(f"{MP}/{eid}", token=tok_a)
    assert r.data["status_label"] == "已兑现"
    assert [(e["to_status"], e["note"]) for e in r.data["timeline"]] == [
        ("pushed", "已推送"), ("confirmed", "经营者已在线确认"), ("forwarded", "已提交至免申即享平台"),
        ("accepted", "已受理"), ("paid", "已拨付2000元")]
    r = await client.get(f"{ADMIN}/{benefit.id}", token=city_staff)
    assert r.data["counts"]["paid"] == 1


async def test_bad_signatures_and_unknown_ids_are_refused(client, shop, owner, benefit, city_staff, platform,
                                                          bconfig):
    a, _, _ = shop
    eid = await mark(client, city_staff, benefit.id, a.uscc)
    await client.post(f"{MP}/{eid}/confirm", token=await owner_token(client, a.id))
    body, headers = platform.status_callback(eid, "accepted", secret="wrong-secret")
    r = await client.post(HOOK, data=body, headers=headers)
    assert (r.status, r.code) == (401, "BENEFIT_SIGNATURE_INVALID")
    body, _ = platform.status_callback(eid, "accepted")
    r = await client.post(HOOK, data=body, headers={"Content-Type": "application/json"})
    assert (r.status, r.code) == (401, "BENEFIT_SIGNATURE_INVALID")
    # A body changed after signing.
    _, headers = platform.status_callback(eid, "accepted")
    tampered, _ = platform.status_callback(eid, "paid")
    assert (await client.post(HOOK, data=tampered, headers=headers)).status == 401
    body, headers = platform.status_callback(999999, "accepted")
    r = await client.post(HOOK, data=body, headers=headers)
    assert (r.status, r.code) == (404, "BENEFIT_ELIGIBILITY_NOT_FOUND")
    assert await BenefitEligibility.get(id=eid).values_list("status", flat=True) == "forwarded"


async def test_platform_failures_then_success_via_forward_pending(client, deps, shop, owner, benefit, city_staff,
                                                                  platform, bconfig):
    a, _, _ = shop
    eid = await mark(client, city_staff, benefit.id, a.uscc)
    platform.fail_next(2, "500")
    tok = await owner_token(client, a.id)
    r = await client.post(f"{MP}/{eid}/confirm", token=tok)
    assert r.status == 200
    assert r.data["status"] == "confirmed"
    e = await BenefitEligibility.get(id=eid)
    assert (e.forward_attempts, e.last_error) == (1, "平台返回 HTTP 500")
    first_retry = e.next_attempt_at
    now = datetime.now(UTC)
    assert timedelta(seconds=25) < first_retry - now < timedelta(seconds=35)
    # Not due yet: nothing is sent.
    assert (await forwarding.forward_pending(deps, now=now, config=bconfig))["attempted"] == 0
    out = await forwarding.forward_pending(deps, now=now + timedelta(seconds=31), config=bconfig)
    assert out == {"attempted": 1, "forwarded": 0, "retry": 1, "gave_up": 0, "skipped": 0}
    e = await BenefitEligibility.get(id=eid)
    assert e.forward_attempts == 2
    assert e.next_attempt_at - (now + timedelta(seconds=31)) == timedelta(seconds=60)  # exponential backoff
    out = await forwarding.forward_pending(deps, now=now + timedelta(seconds=100), config=bconfig)
    assert out["forwarded"] == 1
    e = await BenefitEligibility.get(id=eid)
    assert (e.status, e.forward_attempts, e.last_error, e.next_attempt_at) == ("forwarded", 3, "", None)
    assert len(platform.confirmations) == 1
    assert platform.seen(eid) == 3
    r = await client.get(f"{ADMIN}/{benefit.id}/eligibilities/{eid}", token=city_staff)
    assert [(x["ok"], x["http_status"]) for x in r.data["attempts"]] == [(False, 500), (False, 500), (True, 200)]
    assert (await client.get(f"{MP}/{eid}", token=tok)).data["status"] == "forwarded"


async def test_lost_response_is_retried_with_the_same_idempotency_key(client, deps, shop, owner, benefit,
                                                                       city_staff, platform, bconfig):
    a, _, _ = shop
    eid = await mark(client, city_staff, benefit.id, a.uscc)
    platform.timeout_delay = 1.0
    platform.fail_next(1, "timeout")
    r = await client.post(f"{MP}/{eid}/confirm", token=await owner_token(client, a.id))
    assert r.data["status"] == "confirmed"
    assert (await BenefitEligibility.get(id=eid)).last_error == "请求平台超时"
    later = datetime.now(UTC) + timedelta(minutes=5)
    assert (await forwarding.forward_pending(deps, now=later, config=bconfig))["forwarded"] == 1
    # Two calls carried the same key; the platform holds one confirmation.
    assert platform.seen(eid) == 2
    assert list(platform.confirmations) == [str(eid)]
    # Running the job again sends nothing more.
    assert (await forwarding.forward_pending(deps, now=later + timedelta(hours=2), config=bconfig))["attempted"] == 0
    assert platform.seen(eid) == 2


async def test_gives_up_after_bounded_attempts_and_staff_retry(client, deps, shop, owner, benefit, city_staff,
                                                                platform, bconfig):
    a, _, _ = shop
    eid = await mark(client, city_staff, benefit.id, a.uscc)
    platform.fail_next(10, "500")
    await client.post(f"{MP}/{eid}/confirm", token=await owner_token(client, a.id))
    t = datetime.now(UTC)
    for _ in range(5):
        t += timedelta(hours=2)
        await forwarding.forward_pending(deps, now=t, config=bconfig)
    e = await BenefitEligibility.get(id=eid)
    assert (e.status, e.forward_attempts, e.forward_gave_up, e.next_attempt_at) == ("confirmed", 4, True, None)
    platform.failures.clear()
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/{eid}/retry", token=city_staff)
    assert r.status == 200
    assert r.data["status"] == "forwarded"


async def test_callback_before_forward_answer_counts_as_forwarded(client, shop, owner, benefit, city_staff, platform,
                                                                  bconfig):
    a, _, _ = shop
    eid = await mark(client, city_staff, benefit.id, a.uscc)
    platform.fail_next(1, "500")
    await client.post(f"{MP}/{eid}/confirm", token=await owner_token(client, a.id))
    body, headers = platform.status_callback(eid, "rejected", note="不符合条件")
    assert (await client.post(HOOK, data=body, headers=headers)).data["status"] == "rejected"
    e = await BenefitEligibility.get(id=eid)
    assert e.next_attempt_at is None  # no further forwarding
    body, headers = platform.status_callback(eid, "paid")
    assert (await client.post(HOOK, data=body, headers=headers)).code == "BENEFIT_ACTION_NOT_ALLOWED"


async def test_callback_for_unconfirmed_item_is_refused(client, shop, benefit, city_staff, platform, bconfig):
    a, _, _ = shop
    eid = await mark(client, city_staff, benefit.id, a.uscc)
    body, headers = platform.status_callback(eid, "paid")
    r = await client.post(HOOK, data=body, headers=headers)
    assert (r.status, r.code) == (409, "BENEFIT_ACTION_NOT_ALLOWED")


async def test_rule_marking_is_idempotent(client, deps, tree, shop, benefit, city_staff, bconfig):
    a, b, other = shop
    a.scale_type, a.tags = ScaleType.SURVIVAL, ["特"]
    b.scale_type = ScaleType.SURVIVAL
    await a.save()
    await b.save()
    other.scale_type = ScaleType.SURVIVAL
    await other.save()
    rule = {"scale_types": ["survival"], "tags": ["特"], "region_codes": ["420204"]}
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/rule", token=city_staff, json=rule)
    assert r.status == 201
    assert (r.data["status"], r.data["created"]) == ("done", 1)
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/rule", token=city_staff, json={"scale_types": ["survival"]})
    assert (r.data["created"], r.data["skipped"]) == (1, 1)  # b added, a not duplicated; 江岸区 is outside
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/rule", token=city_staff, json={"scale_types": ["survival"]})
    assert (r.data["created"], r.data["skipped"]) == (0, 2)
    assert await BenefitEligibility.filter(benefit_id=benefit.id).count() == 2
    assert await BenefitEvent.filter(to_status="pushed").count() == 2
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/rule", token=city_staff,
                          json={"region_codes": ["420102"]})
    assert (r.status, r.code) == (403, "POLICY_REGION_OUT_OF_SCOPE")


async def test_big_rule_runs_in_background(client, deps, tree, shop, benefit, city_staff, bconfig):
    from getitong.policies import benefits

    for i in range(3):
        await factories.business(deps, tree.station, name=f"下陆区批量{i}号店")
    bconfig.rule_sync_limit = 2
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/rule", token=city_staff, json={})
    assert r.status == 202
    assert r.data["status"] == "pending"
    assert r.data["total"] == 5
    run_id = r.data["id"]
    # The background task may already hold the run; executing it again is a no-op, so just wait for it.
    await benefits.execute_run(deps, run_id=run_id)
    for _ in range(100):
        r = await client.get(f"{ADMIN}/{benefit.id}/runs/{run_id}", token=city_staff)
        if r.data["status"] != "running":
            break
        await asyncio.sleep(0.05)
    assert (r.data["status"], r.data["created"]) == ("done", 5)
    assert await BenefitEligibility.filter(benefit_id=benefit.id).count() == 5


def xlsx(rows):
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


async def test_excel_marking_reports_row_failures(client, deps, tree, shop, benefit, city_staff, bconfig):
    a, b, other = shop
    bad_check = a.uscc[:17] + ("0" if a.uscc[17] != "0" else "1")
    data = xlsx([["序号", "统一社会信用代码", "名称"], [1, a.uscc, a.name], [2, bad_check, "x"], [3, other.uscc, other.name],
                 [4, "91420200MA4K000000", "不存在"], [5, a.uscc, "重复"], [6, None, "空"], [7, f" {b.uscc.lower()} ", b.name]])
    files = {"file": ("名单.xlsx", data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/import", token=city_staff, files=files)
    assert r.status == 201, r
    assert (r.data["total"], r.data["created"], r.data["failed"]) == (7, 2, 5)
    assert [(f["row"], f["code"]) for f in r.data["failures"]] == [
        (3, "USCC_INVALID"), (4, "OUT_OF_SCOPE"), (5, "USCC_INVALID"), (6, "DUPLICATE_ROW"), (7, "USCC_MISSING")]
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/import", token=city_staff, files=files)
    assert (r.data["created"], r.data["skipped"]) == (0, 2)
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/import", token=city_staff,
                          files={"file": ("x.xlsx", xlsx([["名称"], ["a"]]), "application/octet-stream")})
    assert (r.status, r.code) == (422, "BENEFIT_EXCEL_NO_USCC_COLUMN")
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/import", token=city_staff,
                          files={"file": ("x.xlsx", b"not a workbook", "application/octet-stream")})
    assert (r.status, r.code) == (422, "BENEFIT_EXCEL_INVALID")


async def test_staff_refusals(client, deps, tree, shop, benefit, clerk, bconfig):
    a, _, other = shop
    await pf.editor(deps, tree.other_city, "wh_editor")
    await pf.editor(deps, tree.district, "d_editor")
    wh = await login_staff(client, "wh_editor")
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities", token=wh, json={"uscc": a.uscc})
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
    assert (await client.get(f"{ADMIN}/{benefit.id}/eligibilities", token=wh)).code == "ORG_OUT_OF_SCOPE"
    # A district editor cannot manage the city's benefit.
    d = await login_staff(client, "d_editor")
    assert (await client.get(f"{ADMIN}/{benefit.id}", token=d)).code == "ORG_OUT_OF_SCOPE"
    wrong_role = await login_staff(client, "clerk")
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities", token=wrong_role, json={"uscc": a.uscc})
    assert (r.status, r.code) == (403, "FORBIDDEN")
    assert (await client.post(ADMIN, token=wrong_role, json={"code": "X", "name": "y"})).status == 403
    assert (await client.post(f"{ADMIN}/{benefit.id}/eligibilities", json={"uscc": a.uscc})).status == 401
    # The city's benefit cannot be pushed to a business registered in 武汉.
    await pf.editor(deps, tree.city, "city2")
    c = await login_staff(client, "city2")
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities", token=c, json={"uscc": other.uscc})
    assert (r.status, r.code) == (403, "BENEFIT_BUSINESS_OUT_OF_SCOPE")
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities", token=c, json={"uscc": "123"})
    assert (r.status, r.code) == (400, "USCC_FORMAT_INVALID")
    r = await client.post(ADMIN, token=c, json={"code": "HG-2026-001", "name": "重复编码"})
    assert (r.status, r.code) == (409, "BENEFIT_CODE_TAKEN")


async def test_shop_refusals(client, deps, tree, shop, owner, benefit, city_staff, bconfig):
    a, _, other = shop
    their = await mark(client, city_staff, benefit.id, a.uscc)
    await factories.person(deps, phone="13900000002", name="李四", businesses=[other])
    await pf.benefit(tree.other_city, code="WH-1", name="武汉补贴")
    r = await client.post("/api/v1/mp/auth/login", json={"phone": "13900000002", "password": factories.PASSWORD})
    stranger = r.data["token"]["access_token"]
    assert (await client.get(f"{MP}/{their}", token=stranger)).code == "BENEFIT_ELIGIBILITY_NOT_FOUND"
    r = await client.post(f"{MP}/{their}/confirm", token=stranger)
    assert (r.status, r.code) == (404, "BENEFIT_ELIGIBILITY_NOT_FOUND")
    assert (await client.get(MP, token=stranger)).data["items"] == []
    assert (await client.post(f"{MP}/{their}/confirm")).status == 401
    staff_token = city_staff
    assert (await client.get(MP, token=staff_token)).status == 401
    assert await BenefitEligibility.get(id=their).values_list("status", flat=True) == "pushed"


async def test_polling_picks_up_status_changes_without_callbacks(client, deps, shop, owner, benefit, city_staff,
                                                                  platform, bconfig):
    a, _, _ = shop
    eid = await mark(client, city_staff, benefit.id, a.uscc)
    tok = await owner_token(client, a.id)
    await client.post(f"{MP}/{eid}/confirm", token=tok)
    now = datetime.now(UTC)
    assert await forwarding.poll_statuses(deps, now=now, config=bconfig) == {"polled": 1, "changed": 0, "failed": 0}
    platform.set_status(eid, "accepted", note="平台审核通过")
    # Polled a moment ago: not asked again before the interval has passed.
    assert (await forwarding.poll_statuses(deps, now=now + timedelta(minutes=5), config=bconfig))["polled"] == 0
    later = now + timedelta(seconds=bconfig.poll_interval + 1)
    assert (await forwarding.poll_statuses(deps, now=later, config=bconfig))["changed"] == 1
    r = await client.get(f"{MP}/{eid}", token=tok)
    assert r.data["status_label"] == "平台已受理"
    assert r.data["timeline"][-1]["note"] == "平台审核通过"
    # The callback for the same change arriving afterwards is a harmless duplicate.
    body, headers = platform.status_callback(eid, "accepted")
    assert (await client.post(HOOK, data=body, headers=headers)).data["duplicate"] is True


async def test_two_runners_never_send_the_same_item_twice(client, deps, shop, owner, benefit, city_staff, platform,
                                                          bconfig):
    a, _, _ = shop
    eid = await mark(client, city_staff, benefit.id, a.uscc)
    platform.fail_next(1, "500")
    await client.post(f"{MP}/{eid}/confirm", token=await owner_token(client, a.id))
    later = datetime.now(UTC) + timedelta(minutes=5)
    outcomes = await asyncio.gather(*(forwarding.forward_one(deps, eligibility_id=eid, config=bconfig, now=later)
                                      for _ in range(3)))
    assert sorted(outcomes) == ["forwarded", "skipped", "skipped"]
    assert platform.seen(eid) == 2  # the failed first call and one successful retry
