"""Institution webhooks: signed, sent after the response, retried; a failing receiver never fails the owner."""

from datetime import UTC, datetime, timedelta

from getitong.loans import webhooks
from getitong.loans.models import DeliveryStatus, WebhookDelivery
from tests.loans import factories as lf
from tests.loans.factories import ADMIN


async def _hook(client, tokens, banks, url):
    r = await client.patch(f"{ADMIN}/institutions/{banks.a.id}", token=tokens["manager"], json={"webhook_url": url})
    assert r.status == 200, r
    return r.data["webhook_secret"]


async def test_apply_sends_a_signed_webhook(client, tokens, shop, banks, product, receiver):
    receiver.secret = await _hook(client, tokens, banks, receiver.url)
    r = await lf.apply(client, tokens["owner"], product.id, amount=300000, purpose="新店装修")
    assert r.status == 201, r
    app_id = r.data["id"]
    await webhooks.wait_background()
    [req] = receiver.received()
    assert req["path"] == "/hooks/getitong"
    assert req["signed"] is True
    assert req["headers"]["X-Getitong-Event"] == "loan.application.submitted"
    body = req["json"]
    assert body["event"] == "loan.application.submitted"
    assert req["headers"]["X-Getitong-Delivery"] == str(body["id"])
    data = body["data"]
    assert data["institution"]["name"] == "湖北银行黄石分行"
    assert (data["application"]["id"], data["application"]["amount"]) == (app_id, "300000.00")
    assert data["application"]["contact_phone"] == "13900000001"
    assert data["application"]["business"]["uscc"] == shop[0].uscc
    assert data["application"]["product"]["name"] == "个体工商户经营贷"
    d = await WebhookDelivery.get(id=body["id"])
    assert (d.status, d.attempts, d.last_http_status) == (DeliveryStatus.DELIVERED, 1, 200)
    # A body signed with another secret does not verify.
    assert not webhooks.verify("whsec_other", req["raw"], req["headers"]["X-Getitong-Signature"])
    # Withdrawing is reported too.
    await lf.act(client, tokens["owner"], app_id, "withdraw")
    await webhooks.wait_background()
    assert [q["json"]["event"] for q in receiver.received()] == ["loan.application.submitted",
                                                                 "loan.application.withdrawn"]
    r = await client.get(f"{ADMIN}/institutions/{banks.a.id}/webhook-deliveries", token=tokens["bank"])
    assert [(i["event"], i["status"]) for i in r.data["items"]] == [
        ("loan.application.withdrawn", "delivered"), ("loan.application.submitted", "delivered")]


async def test_owner_does_not_wait_for_the_receiver(client, tokens, banks, product, receiver):
    receiver.secret = await _hook(client, tokens, banks, receiver.url)
    receiver.gate.clear()  # the receiver holds its answer
    r = await lf.apply(client, tokens["owner"], product.id)
    assert r.status == 201, r
    d = await WebhookDelivery.get(application_id=r.data["id"])
    assert (d.status, d.attempts) == (DeliveryStatus.PENDING, 0)  # the attempt is still under way
    receiver.gate.set()
    await webhooks.wait_background()
    await d.refresh_from_db()
    assert (d.status, d.attempts) == (DeliveryStatus.DELIVERED, 1)


async def test_failing_receiver_is_retried_with_backoff(client, deps, tokens, banks, product, receiver, loan_config):
    receiver.secret = await _hook(client, tokens, banks, receiver.url)
    receiver.fail_next(1)
    r = await lf.apply(client, tokens["owner"], product.id)
    assert r.status == 201, r
    await webhooks.wait_background()
    d = await WebhookDelivery.get(application_id=r.data["id"])
    assert (d.status, d.attempts, d.last_http_status) == (DeliveryStatus.PENDING, 1, 500)
    assert d.last_error == "接收方返回 HTTP 500"
    # Not due yet: the job leaves it alone.
    assert (await webhooks.deliver_pending(deps, config=loan_config))["attempted"] == 0
    later = datetime.now(UTC) + timedelta(seconds=31)
    summary = await webhooks.deliver_pending(deps, config=loan_config, now=later)
    assert (summary["attempted"], summary["delivered"]) == (1, 1)
    await d.refresh_from_db()
    assert (d.status, d.attempts) == (DeliveryStatus.DELIVERED, 2)
    assert [q["signed"] for q in receiver.received()] == [True, True]
    # Delivered once: a later run sends nothing more.
    assert (await webhooks.deliver_pending(deps, config=loan_config, now=later + timedelta(hours=2)))[
        "attempted"] == 0


async def test_unreachable_receiver_gives_up_after_max_attempts(client, deps, tokens, banks, product,
                                                                loan_config):
    await _hook(client, tokens, banks, "http://127.0.0.1:9/closed")  # the discard port: nothing listens
    r = await lf.apply(client, tokens["owner"], product.id)
    assert r.status == 201, r
    await webhooks.wait_background()
    d = await WebhookDelivery.get(application_id=r.data["id"])
    assert d.attempts == 1
    assert d.last_error.startswith("无法连接接收地址")
    at = datetime.now(UTC)
    for _ in range(loan_config.webhook_max_attempts):
        at += timedelta(hours=2)
        await webhooks.deliver_pending(deps, config=loan_config, now=at)
    await d.refresh_from_db()
    assert (d.status, d.attempts, d.next_attempt_at) == (DeliveryStatus.GAVE_UP, 3, None)
    # The owner's application is untouched by all of this.
    r = await client.get(f"/api/v1/mp/loans/applications/{r.data['id']}", token=tokens["owner"])
    assert r.data["status"] == "submitted"


async def test_backoff_doubles_and_caps(loan_config):
    assert [webhooks.backoff(loan_config, n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert webhooks.backoff(loan_config, 30).total_seconds() == loan_config.webhook_backoff_max


async def test_no_webhook_no_delivery(client, tokens, product):
    r = await lf.apply(client, tokens["owner"], product.id)
    assert r.status == 201, r
    assert await WebhookDelivery.all().count() == 0
