"""Outbound webhooks to financial institutions: a signed JSON POST per event, off the request path, with retries.

The delivery row is written in the same transaction as the event (an application, a withdrawal), so a
process kill loses nothing. Right after the request a background task makes the first attempt; failures
schedule a retry with exponential backoff, which the periodic job (`deliver_pending`, one runner at a time
under a cache lock) sends when due. A failing webhook never fails the owner's request.

Body: {"id": delivery id, "event": "...", "created_at": ISO-8601, "data": {...}} (UTF-8 JSON).
Headers: X-Getitong-Event, X-Getitong-Delivery (the receiver's idempotency key) and
X-Getitong-Signature: "sha256=" + hex HMAC-SHA256 of the exact body bytes with the institution's secret.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from getitong.core.cache import LockNotAcquired
from getitong.core.deps import Deps
from getitong.loans.config import LoanConfig
from getitong.loans.models import DeliveryStatus, InstitutionProfile, WebhookDelivery

log = logging.getLogger("getitong.loans.webhooks")
SIGNATURE_HEADER = "X-Getitong-Signature"
EVENT_HEADER = "X-Getitong-Event"
DELIVERY_HEADER = "X-Getitong-Delivery"

_background: set[asyncio.Task[Any]] = set()
# Times compared in the database are in its time zone: SQLite compares the stored "+08:00" text as text.
DB_TZ = ZoneInfo("Asia/Shanghai")


def _at(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(DB_TZ)


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str | None) -> bool:
    """What a receiver does: recompute the signature over the raw body and compare in constant time."""
    return bool(header) and hmac.compare_digest(sign(secret, body), header.strip())


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps({"id": delivery.id, "event": delivery.event,
                       "created_at": delivery.created_at.astimezone(UTC).isoformat(), "data": delivery.payload},
                      ensure_ascii=False, separators=(",", ":")).encode()


def backoff(config: LoanConfig, failures: int) -> timedelta:
    """Delay after the n-th failed attempt: base · 2^(n-1), capped."""
    return timedelta(seconds=min(config.webhook_backoff_base * 2 ** max(failures - 1, 0),
                                 config.webhook_backoff_max))


async def deliver_one(deps: Deps, *, delivery_id: int, config: LoanConfig, now: datetime | None = None,
                      client: httpx.AsyncClient | None = None) -> str:
    """One attempt if due; returns delivered | retry | gave_up | skipped."""
    now = _at(now)
    # Claim the row by moving its due time forward: a concurrent runner then finds nothing due.
    lease = now + timedelta(seconds=config.webhook_timeout * 2 + 30)
    claimed = await WebhookDelivery.filter(id=delivery_id, status=DeliveryStatus.PENDING,
                                           next_attempt_at__lte=now).update(next_attempt_at=lease)
    if not claimed:
        return "skipped"
    d = await WebhookDelivery.get(id=delivery_id)
    profile = await InstitutionProfile.get_or_none(institution_id=d.institution_id)
    number = d.attempts + 1
    http_status: int | None = None
    if profile is None or not profile.webhook_url:
        error, retryable = "机构未设置接收地址", False
    else:
        body = body_of(d)
        secret = deps.cipher.decrypt(profile.webhook_secret_enc) or ""
        headers = {"Content-Type": "application/json; charset=utf-8", EVENT_HEADER: d.event,
                   DELIVERY_HEADER: str(d.id), SIGNATURE_HEADER: sign(secret, body),
                   "User-Agent": "Getitong-Webhook/1"}
        error, retryable = "", True
        try:
            async with contextlib.AsyncExitStack() as stack:
                http = client or await stack.enter_async_context(
                    httpx.AsyncClient(timeout=config.webhook_timeout, follow_redirects=False))
                resp = await http.post(profile.webhook_url, content=body, headers=headers,
                                       timeout=config.webhook_timeout)
            http_status = resp.status_code
            if not 200 <= resp.status_code < 300:
                error = f"接收方返回 HTTP {resp.status_code}"
        except httpx.TimeoutException:
            error = "请求接收地址超时"
        except httpx.HTTPError as exc:
            error = f"无法连接接收地址：{type(exc).__name__}"
    if not error:
        await WebhookDelivery.filter(id=d.id).update(status=DeliveryStatus.DELIVERED, attempts=number,
                                                     last_http_status=http_status, last_error="",
                                                     delivered_at=now, next_attempt_at=None)
        return "delivered"
    gave_up = not retryable or number >= config.webhook_max_attempts
    await WebhookDelivery.filter(id=d.id).update(
        attempts=number, last_http_status=http_status, last_error=error[:500],
        status=DeliveryStatus.GAVE_UP if gave_up else DeliveryStatus.PENDING,
        next_attempt_at=None if gave_up else now + backoff(config, number))
    log.warning("webhook delivery %s failed (attempt %s): %s", d.id, number, error)
    return "gave_up" if gave_up else "retry"


async def deliver_pending(deps: Deps, *, config: LoanConfig, now: datetime | None = None) -> dict[str, int]:
    """The retry job: send every pending delivery that is due; one runner at a time (cache lock)."""
    now = _at(now)
    summary = {"attempted": 0, "delivered": 0, "retry": 0, "gave_up": 0, "skipped": 0}
    try:
        async with deps.cache.lock("loan-webhooks", ttl=int(config.webhook_timeout * config.batch_size) + 60):
            ids = await (WebhookDelivery.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
                         .order_by("next_attempt_at", "id").limit(config.batch_size).values_list("id", flat=True))
            if not ids:
                return summary
            async with httpx.AsyncClient(timeout=config.webhook_timeout, follow_redirects=False) as client:
                for delivery_id in ids:
                    outcome = await deliver_one(deps, delivery_id=delivery_id, config=config, now=now, client=client)
                    summary[outcome] += 1
                    summary["attempted"] += outcome != "skipped"
    except LockNotAcquired:
        summary["skipped"] = -1  # another process is running the job
    return summary


async def _deliver_now(deps: Deps, ids: list[int], config: LoanConfig) -> None:
    for delivery_id in ids:
        try:
            await deliver_one(deps, delivery_id=delivery_id, config=config)
        except Exception:  # noqa: BLE001 - the retry job picks it up; the request has already answered
            log.exception("immediate webhook delivery %s failed", delivery_id)


def dispatch(deps: Deps, delivery_ids: Iterable[int], config: LoanConfig) -> None:
    """First attempt in the background, after the response: the owner never waits for the institution."""
    ids = list(delivery_ids)
    if not ids:
        return
    task = asyncio.get_running_loop().create_task(_deliver_now(deps, ids, config))
    _background.add(task)
    task.add_done_callback(_background.discard)


async def wait_background() -> None:
    """Let pending first attempts finish (tests, graceful shutdown)."""
    if _background:
        await asyncio.gather(*list(_background), return_exceptions=True)


async def run_periodically(deps: Deps, config: LoanConfig) -> None:
    """The background loop started by the blueprint listener (LOAN_JOB_ENABLED, default on outside tests)."""
    while True:
        try:
            await deliver_pending(deps, config=config)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - the loop must survive one bad round
            log.exception("loan webhook job failed")
        await asyncio.sleep(config.job_interval)
