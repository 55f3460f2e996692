"""Outbound integration with the external 免申即享 platform: forwarding with retries, and its status reports.

A confirmed eligibility is POSTed to {base}/api/benefit/confirmations with the eligibility id as the
idempotency key, so a retry after a lost response never creates a second application on the platform.
Failures schedule a retry with exponential backoff; `forward_pending` (run periodically under a cache
lock) sends what is due. The platform reports status changes by a signed callback; `poll_statuses`
asks it about items it has not reported on, in case a callback was lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from getitong.core.cache import LockNotAcquired
from getitong.core.deps import Deps
from getitong.policies import errors
from getitong.policies.benefits import add_event
from getitong.policies.config import BenefitConfig
from getitong.policies.models import BenefitEligibility, BenefitEvent, BenefitForwardAttempt
from getitong.policies.workflow import (
    PLATFORM_STATUS_ACTIONS,
    EligibilityAction,
    EligibilityStatus,
    Party,
    eligibility_next,
)

log = logging.getLogger("getitong.policies.forwarding")
SIGNATURE_HEADER = "X-Benefit-Signature"
CONFIRMATIONS_PATH = "/api/benefit/confirmations"
_RETRYABLE = {408, 425, 429}


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str | None) -> bool:
    return bool(header) and hmac.compare_digest(sign(secret, body), header.strip())


def backoff(config: BenefitConfig, failures: int) -> timedelta:
    """Delay after the n-th failed attempt: base · 2^(n-1), capped."""
    return timedelta(seconds=min(config.backoff_base * 2 ** max(failures - 1, 0), config.backoff_max))


def _payload(e: BenefitEligibility) -> dict[str, Any]:
    return {"idempotency_key": str(e.id), "uscc": e.business.uscc, "business_name": e.business.name,
            "operator_name": e.business.operator_name, "benefit_code": e.benefit.code,
            "benefit_name": e.benefit.name,
            "confirmed_at": e.confirmed_at.isoformat() if e.confirmed_at else None}


async def forward_one(deps: Deps, *, eligibility_id: int, config: BenefitConfig, now: datetime | None = None,
                      client: httpx.AsyncClient | None = None) -> str:
    """One forwarding attempt if due; returns forwarded | retry | gave_up | skipped."""
    now = now or datetime.now(UTC)
    # Claim the item by moving its due time forward: a concurrent runner then finds nothing due.
    lease = now + timedelta(seconds=config.timeout * 2 + 30)
    claimed = await BenefitEligibility.filter(id=eligibility_id, status=EligibilityStatus.CONFIRMED,
                                              forward_gave_up=False, next_attempt_at__lte=now).update(
        next_attempt_at=lease)
    if not claimed:
        return "skipped"
    e = await BenefitEligibility.get(id=eligibility_id).prefetch_related("benefit", "business")
    body = json.dumps(_payload(e), ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json", "Idempotency-Key": str(e.id),
               SIGNATURE_HEADER: sign(config.callback_secret, body)}
    url = config.base_url.rstrip("/") + CONFIRMATIONS_PATH
    started = time.perf_counter()
    http_status: int | None = None
    reference = ""
    error = ""
    retryable = True
    try:
        async with contextlib.AsyncExitStack() as stack:
            http = client or await stack.enter_async_context(httpx.AsyncClient(timeout=config.timeout))
            resp = await http.post(url, content=body, headers=headers, timeout=config.timeout)
        http_status = resp.status_code
        if 200 <= resp.status_code < 300:
            with contextlib.suppress(ValueError, AttributeError):
                reference = str(resp.json().get("reference") or "")[:64]
        else:
            error = f"平台返回 HTTP {resp.status_code}"
            retryable = resp.status_code >= 500 or resp.status_code in _RETRYABLE
    except httpx.TimeoutException:
        error = "请求平台超时"
    except httpx.HTTPError as exc:
        error = f"无法连接平台：{type(exc).__name__}"
    duration = int((time.perf_counter() - started) * 1000)
    number = e.forward_attempts + 1
    async with in_transaction() as conn:
        await BenefitForwardAttempt.create(eligibility_id=e.id, number=number, ok=not error, http_status=http_status,
                                           error=error, duration_ms=duration, at=now, using_db=conn)
        if not error:
            target = eligibility_next(EligibilityStatus.CONFIRMED, EligibilityAction.FORWARD, Party.SYSTEM)
            moved = await BenefitEligibility.filter(id=e.id, status=EligibilityStatus.CONFIRMED).using_db(
                conn).update(status=target, forwarded_at=now, platform_ref=reference, forward_attempts=number,
                             last_error="", next_attempt_at=None)
            if moved:
                await add_event(e, from_status=EligibilityStatus.CONFIRMED, to_status=target, actor_type="system",
                                actor_name="系统", note="已提交至免申即享平台", payload={"reference": reference},
                                at=now, conn=conn)
            else:
                # A platform callback got there first; only the bookkeeping remains.
                await BenefitEligibility.filter(id=e.id).using_db(conn).update(
                    forward_attempts=number, last_error="", next_attempt_at=None, forwarded_at=now,
                    platform_ref=reference)
            return "forwarded"
        gave_up = not retryable or number >= config.max_attempts
        await BenefitEligibility.filter(id=e.id).using_db(conn).update(
            forward_attempts=number, last_error=error[:500], forward_gave_up=gave_up,
            next_attempt_at=None if gave_up else now + backoff(config, number))
    log.warning("forwarding eligibility %s failed (attempt %s): %s", e.id, number, error)
    return "gave_up" if gave_up else "retry"


async def forward_pending(deps: Deps, *, now: datetime | None = None, config: BenefitConfig) -> dict[str, int]:
    """The retry job: forward every confirmed item that is due; one runner at a time (cache lock)."""
    now = now or datetime.now(UTC)
    summary = {"attempted": 0, "forwarded": 0, "retry": 0, "gave_up": 0, "skipped": 0}
    try:
        async with deps.cache.lock("benefit-forward", ttl=int(config.timeout * config.batch_size) + 60):
            ids = await (BenefitEligibility.filter(status=EligibilityStatus.CONFIRMED, forward_gave_up=False,
                                                   next_attempt_at__lte=now)
                         .order_by("next_attempt_at", "id").limit(config.batch_size).values_list("id", flat=True))
            if not ids:
                return summary
            async with httpx.AsyncClient(timeout=config.timeout) as client:
                for eligibility_id in ids:
                    outcome = await forward_one(deps, eligibility_id=eligibility_id, config=config, now=now,
                                                client=client)
                    summary[outcome] += 1
                    summary["attempted"] += outcome != "skipped"
    except LockNotAcquired:
        summary["skipped"] = -1  # another process is running the job
    return summary


async def apply_platform_status(*, eligibility_id: int, status: str, reference: str = "", note: str = "",
                                event_id: str = "", now: datetime | None = None) -> dict[str, Any]:
    """Record a status reported by the platform; a repeated report changes nothing."""
    now = now or datetime.now(UTC)
    e = await BenefitEligibility.get_or_none(id=eligibility_id)
    if e is None:
        raise errors.EligibilityNotFound()
    action = PLATFORM_STATUS_ACTIONS[status]
    target = EligibilityStatus(status)
    async with in_transaction() as conn:
        if e.status == target or await BenefitEvent.filter(eligibility_id=e.id, to_status=target.value).using_db(
                conn).exists():
            return {"id": e.id, "status": e.status.value, "duplicate": True}
        if e.status == EligibilityStatus.PUSHED:
            raise errors.BenefitActionNotAllowed(data={"status": e.status.value, "action": action.value})
        new = eligibility_next(e.status, action, Party.PLATFORM)
        values: dict[str, Any] = {"status": new}
        if e.status == EligibilityStatus.CONFIRMED:
            # The platform has it, so forwarding is done whatever our own call's outcome was.
            values.update(forwarded_at=now, next_attempt_at=None, last_error="")
        if reference:
            values["platform_ref"] = reference
        moved = await BenefitEligibility.filter(id=e.id, status=e.status).using_db(conn).update(**values)
        if not moved:
            raise errors.BenefitActionNotAllowed(data={"status": e.status.value, "action": action.value})
        await add_event(e, from_status=e.status, to_status=new, actor_type="platform", actor_name="免申即享平台",
                        note=note or "", payload={"event_id": event_id, "reference": reference}, at=now, conn=conn)
    return {"id": e.id, "status": new.value, "duplicate": False}


async def poll_statuses(deps: Deps, *, now: datetime | None = None, config: BenefitConfig) -> dict[str, int]:
    """Ask the platform for items it has not finished reporting on (a fallback for lost callbacks)."""
    now = now or datetime.now(UTC)
    summary = {"polled": 0, "changed": 0, "failed": 0}
    if config.poll_interval <= 0:
        return summary
    stale = now - timedelta(seconds=config.poll_interval)
    try:
        async with deps.cache.lock("benefit-poll", ttl=int(config.timeout * config.batch_size) + 60):
            ids = await (BenefitEligibility
                         .filter(status__in=[EligibilityStatus.FORWARDED, EligibilityStatus.ACCEPTED])
                         .filter(Q(polled_at__isnull=True) | Q(polled_at__lte=stale))
                         .order_by("id").limit(config.batch_size).values_list("id", flat=True))
            if not ids:
                return summary
            async with httpx.AsyncClient(timeout=config.timeout) as client:
                for eligibility_id in ids:
                    await BenefitEligibility.filter(id=eligibility_id).update(polled_at=now)
                    summary["polled"] += 1
                    url = f"{config.base_url.rstrip('/')}{CONFIRMATIONS_PATH}/{eligibility_id}"
                    try:
                        resp = await client.get(url, headers={SIGNATURE_HEADER: sign(config.callback_secret,
                                                                                     str(eligibility_id).encode())})
                        resp.raise_for_status()
                        data = resp.json()
                    except (httpx.HTTPError, ValueError) as exc:
                        log.warning("polling eligibility %s failed: %s", eligibility_id, exc)
                        summary["failed"] += 1
                        continue
                    status = str(data.get("status") or "")
                    if status not in PLATFORM_STATUS_ACTIONS:
                        continue  # still in progress on the platform
                    try:
                        out = await apply_platform_status(eligibility_id=eligibility_id, status=status,
                                                          reference=str(data.get("reference") or "")[:64],
                                                          note=str(data.get("note") or "")[:500], now=now)
                    except errors.BenefitActionNotAllowed:
                        summary["failed"] += 1
                        continue
                    summary["changed"] += not out["duplicate"]
    except LockNotAcquired:
        summary["polled"] = -1
    return summary


async def run_periodically(deps: Deps, config: BenefitConfig) -> None:
    """The background loop started by the blueprint listener when BENEFIT_JOB_ENABLED=true."""
    while True:
        try:
            await forward_pending(deps, config=config)
            await poll_statuses(deps, config=config)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - the loop must survive one bad round
            log.exception("benefit forwarding job failed")
        await asyncio.sleep(config.job_interval)
