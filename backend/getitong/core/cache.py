"""Cache, lock and rate-limit behind one interface, with a Redis and an in-process backend.

API processes stay stateless: with several processes, use the Redis backend so that locks and
counters are shared. The in-process backend is the embedded default for a single process.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class RateResult:
    allowed: bool
    count: int
    retry_after: int


class LockNotAcquired(Exception):
    pass


class Cache(Protocol):
    backend: str

    async def get(self, key: str) -> str | None: ...
    async def get_many(self, *keys: str) -> list[str | None]: ...
    async def set(self, key: str, value: str, ttl: int | None = None) -> None: ...
    async def delete(self, *keys: str) -> None: ...
    async def incr(self, key: str, ttl: int) -> int: ...
    async def pop(self, key: str) -> str | None: ...
    async def ping(self) -> bool: ...
    async def close(self) -> None: ...
    def lock(self, name: str, ttl: int = 30, wait: float = 0) -> contextlib.AbstractAsyncContextManager[None]: ...
    def on_message(self, channel: str, callback: Callable[[str], None]) -> None: ...
    async def publish(self, channel: str, message: str) -> None: ...


async def hit(cache: Cache, key: str, *, limit: int, window: int) -> RateResult:
    """Count one event in a fixed window; allowed while the count stays within the limit."""
    count = await cache.incr(f"rl:{key}", window)
    return RateResult(allowed=count <= limit, count=count, retry_after=window if count > limit else 0)


class MemoryCache:
    """In-process backend: a dict with expiry. Correct for one process only."""

    backend = "memory"

    def __init__(self) -> None:
        self._channels = _LocalChannels()
        self._data: dict[str, tuple[str, float | None]] = {}
        self._guard = asyncio.Lock()

    def _alive(self, key: str) -> str | None:
        item = self._data.get(key)
        if item is None:
            return None
        value, expires = item
        if expires is not None and expires <= time.monotonic():
            self._data.pop(key, None)
            return None
        return value

    async def get(self, key: str) -> str | None:
        return self._alive(key)

    async def get_many(self, *keys: str) -> list[str | None]:
        return [self._alive(k) for k in keys]

    async def set(self, key: str, value: str, ttl: int | None = None) -> None:
        self._data[key] = (value, time.monotonic() + ttl if ttl else None)

    async def delete(self, *keys: str) -> None:
        for key in keys:
            self._data.pop(key, None)

    async def incr(self, key: str, ttl: int) -> int:
        current = self._alive(key)
        if current is None:
            self._data[key] = ("1", time.monotonic() + ttl)
            return 1
        value = int(current) + 1
        self._data[key] = (str(value), self._data[key][1])
        return value

    async def pop(self, key: str) -> str | None:
        value = self._alive(key)
        self._data.pop(key, None)
        return value

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        # Nothing to release; keeping the data makes close() safe to call more than once.
        return None

    @contextlib.asynccontextmanager
    async def lock(self, name: str, ttl: int = 30, wait: float = 0) -> AsyncIterator[None]:
        key = f"lock:{name}"
        deadline = time.monotonic() + wait
        while True:
            async with self._guard:
                if self._alive(key) is None:
                    await self.set(key, "1", ttl)
                    break
            if time.monotonic() >= deadline:
                raise LockNotAcquired(name)
            await asyncio.sleep(0.02)
        try:
            yield
        finally:
            await self.delete(key)

    def on_message(self, channel: str, callback: Callable[[str], None]) -> None:
        self._channels.add(channel, callback)

    async def publish(self, channel: str, message: str) -> None:
        self._channels.deliver(channel, message)  # one process: nobody else to tell


@dataclass
class _LocalChannels:
    """Callbacks of this process per channel: `publish` calls them at once, before other processes hear."""

    callbacks: dict[str, list[Callable[[str], None]]] = field(default_factory=dict)

    def add(self, channel: str, callback: Callable[[str], None]) -> None:
        self.callbacks.setdefault(channel, []).append(callback)

    def deliver(self, channel: str, message: str) -> None:
        for callback in self.callbacks.get(channel, ()):
            callback(message)


class RedisCache:
    """Redis backend on redis.asyncio (the maintained successor of aioredis)."""

    backend = "redis"
    _RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"
    # One round trip: the window starts with the first hit (EXPIRE only then).
    _INCR = "local c = redis.call('incr', KEYS[1]) if c == 1 then redis.call('expire', KEYS[1], ARGV[1]) end return c"

    def __init__(self, url: str, prefix: str = "gtt:") -> None:
        from redis.asyncio import Redis

        self._redis = Redis.from_url(url, decode_responses=True)
        self._prefix = prefix
        self._incr = self._redis.register_script(self._INCR)
        self._channels = _LocalChannels()

    def _k(self, key: str) -> str:
        return self._prefix + key

    async def get(self, key: str) -> str | None:
        return await self._redis.get(self._k(key))

    async def get_many(self, *keys: str) -> list[str | None]:
        """One round trip (MGET) for several keys."""
        return await self._redis.mget([self._k(k) for k in keys]) if keys else []

    async def set(self, key: str, value: str, ttl: int | None = None) -> None:
        await self._redis.set(self._k(key), value, ex=ttl)

    async def delete(self, *keys: str) -> None:
        if keys:
            await self._redis.delete(*(self._k(k) for k in keys))

    async def incr(self, key: str, ttl: int) -> int:
        return int(await self._incr(keys=[self._k(key)], args=[ttl]))

    async def pop(self, key: str) -> str | None:
        return await self._redis.getdel(self._k(key))

    async def ping(self) -> bool:
        try:
            return bool(await self._redis.ping())
        except Exception:  # noqa: BLE001 - health must report, not raise
            return False

    async def close(self) -> None:
        await self._redis.aclose()

    def on_message(self, channel: str, callback: Callable[[str], None]) -> None:
        """`callback` hears this process's own messages at once; `subscribe` delivers the others'."""
        self._channels.add(channel, callback)

    async def publish(self, channel: str, message: str) -> None:
        self._channels.deliver(channel, message)
        await self._redis.publish(self._k(channel), message)

    def pubsub(self, channel: str) -> Any:
        """A new subscription connection for `channel` (redis.asyncio PubSub, not yet subscribed)."""
        return self._redis.pubsub(ignore_subscribe_messages=True), self._k(channel)

    @contextlib.asynccontextmanager
    async def lock(self, name: str, ttl: int = 30, wait: float = 0) -> AsyncIterator[None]:
        key = self._k(f"lock:{name}")
        token = secrets.token_hex(16)
        deadline = time.monotonic() + wait
        while not await self._redis.set(key, token, nx=True, ex=ttl):
            if time.monotonic() >= deadline:
                raise LockNotAcquired(name)
            await asyncio.sleep(0.05)
        try:
            yield
        finally:
            await self._redis.eval(self._RELEASE, 1, key, token)


def make_cache(redis_url: str) -> Cache:
    return RedisCache(redis_url) if redis_url else MemoryCache()
