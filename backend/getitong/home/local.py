"""The home replies this process served, kept in memory and dropped when home_events says they changed.

The shared cache (Redis) already holds each reply with the version counters it was built from; checking
them costs a Redis round trip per call — most of a cached call's CPU. With Redis, each process also keeps
the replies in memory and listens on home_events.CHANNEL: a change made in this process drops them at
once (before the writer's reply leaves), a change made in another process as soon as Redis delivers its
message (well under a millisecond on a LAN, far less than a phone's next request takes to arrive).

The copy is only trusted while the subscription is up: when the connection drops, everything is dropped
and every call goes to Redis again until the listener has resubscribed. A copy is only kept when no change
was heard between reading the reply and keeping it (the generation check), so a reply built from data a
concurrent change made stale is never kept.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

log = logging.getLogger(__name__)

MAX_ENTRIES = 50_000  # ≈ 3 KB each: at most ≈ 150 MB per process, cleared wholesale when full
TTL = 60.0  # seconds a copy is served: bounds what only time changes (a reminder window, "this week")


class LocalHome:
    def __init__(self, max_entries: int = MAX_ENTRIES, ttl: float = TTL) -> None:
        self.trusted = False  # the subscription is up
        self.generation = 0  # bumped by every change heard
        self.max_entries = max_entries
        self.ttl = ttl
        self._entries: dict[tuple[int, int | None], tuple[bytes, float]] = {}
        self._by_person: dict[int, set[tuple[int, int | None]]] = {}
        self._by_business: dict[int, set[tuple[int, int | None]]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, person_id: int, business_id: int | None) -> bytes | None:
        hit = self._entries.get((person_id, business_id)) if self.trusted else None
        if hit is None or hit[1] < time.monotonic():
            return None
        return hit[0]

    def keep(self, person_id: int, business_id: int | None, payload: bytes, generation: int) -> None:
        """Keep a reply read or built while the generation was `generation` (else it may be stale)."""
        if not self.trusted or generation != self.generation:
            return
        if len(self._entries) >= self.max_entries:
            self._clear()
        key = (person_id, business_id)
        self._entries[key] = (payload, time.monotonic() + self.ttl)
        self._by_person.setdefault(person_id, set()).add(key)
        if business_id is not None:
            self._by_business.setdefault(business_id, set()).add(key)

    def changed(self, message: str) -> None:
        """A home_events message: "p:<person id>", "b:<business id>" or "g" (everything)."""
        self.generation += 1
        kind, _, value = message.partition(":")
        if kind == "p" and value.isdigit():
            self._drop(self._by_person.pop(int(value), set()))
        elif kind == "b" and value.isdigit():
            self._drop(self._by_business.pop(int(value), set()))
        else:
            self._clear()

    def set_trusted(self, trusted: bool) -> None:
        self.generation += 1
        self._clear()
        self.trusted = trusted

    def _drop(self, keys: set[tuple[int, int | None]]) -> None:
        for key in keys:
            self._entries.pop(key, None)
            person_keys = self._by_person.get(key[0])
            if person_keys is not None:
                person_keys.discard(key)
            if key[1] is not None and (business_keys := self._by_business.get(key[1])) is not None:
                business_keys.discard(key)

    def _clear(self) -> None:
        self._entries.clear()
        self._by_person.clear()
        self._by_business.clear()


class Listener:
    """Hears other processes' changes (one per worker process); trusts the copy only while subscribed."""

    def __init__(self, cache: Any, local: LocalHome, channel: str, *, retry_max: float = 30.0) -> None:
        self.cache, self.local, self.channel, self.retry_max = cache, local, channel, retry_max
        self._stop = asyncio.Event()
        self._pubsub: Any = None
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        self._stop.set()
        if self._pubsub is not None:
            with contextlib.suppress(Exception):
                await self._pubsub.aclose()  # ends a pending read at once
        if self.task is not None:
            done, _ = await asyncio.wait({self.task}, timeout=2)
            if not done:
                self.task.cancel()

    async def _run(self) -> None:
        delay = 0.5
        while not self._stop.is_set():
            pubsub, name = self.cache.pubsub(self.channel)
            self._pubsub = pubsub
            try:
                await pubsub.subscribe(name)
                self.local.set_trusted(True)
                delay = 0.5
                while not self._stop.is_set():
                    message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
                    if message and message.get("type") == "message":
                        self.local.changed(str(message["data"]))
            except Exception as exc:  # noqa: BLE001 - a lost connection: distrust the copy, then resubscribe
                if not self._stop.is_set():
                    log.warning("home cache subscription lost (%s); retrying in %.1f s", exc, delay)
            finally:
                self.local.set_trusted(False)
                with contextlib.suppress(Exception):
                    await pubsub.aclose()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), delay)
            delay = min(delay * 2, self.retry_max)
