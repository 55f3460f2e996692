import asyncio
import os

import pytest

from getitong.core.cache import LockNotAcquired, MemoryCache, RedisCache, hit


def backends():
    yield "memory"
    if os.environ.get("GTT_TEST_STACK") == "postgres":
        yield "redis"


@pytest.fixture(params=list(backends()))
async def cache(request):
    c = MemoryCache() if request.param == "memory" else RedisCache(os.environ["TEST_REDIS_URL"], prefix="t:")
    if request.param == "redis":
        await c._redis.flushdb()
    yield c
    await c.close()


async def test_set_get_expire(cache):
    await cache.set("k", "v", ttl=1)
    assert await cache.get("k") == "v"
    await asyncio.sleep(1.2)
    assert await cache.get("k") is None


async def test_pop_is_single_use(cache):
    await cache.set("once", "1", ttl=10)
    assert await cache.pop("once") == "1"
    assert await cache.pop("once") is None


async def test_rate_limit_window(cache):
    results = [await hit(cache, "ip", limit=3, window=60) for _ in range(5)]
    assert [r.allowed for r in results] == [True, True, True, False, False]


async def test_lock_excludes_a_second_holder(cache):
    async with cache.lock("job", ttl=5):
        with pytest.raises(LockNotAcquired):
            async with cache.lock("job", ttl=5, wait=0.1):
                pass
    async with cache.lock("job", ttl=5):
        pass
