"""Invalidation of the cached home screen (SPEC B): domains call these when something it shows changes.

The home payload of (person, business) is cached with the three version counters it was built from: the
person's, the business's and a global one (news, the app catalog, bulk changes). Reading it is one MGET of
the payload and the three counters; a write anywhere bumps a counter, so the next read rebuilds.

Each bump is also published on CHANNEL ("p:<id>", "b:<id>" or "g"): API processes keep the replies they
served in memory (getitong.home.local) and drop them when they hear of a change — at once in the process
that made it, through Redis pub/sub in the others.
"""

from __future__ import annotations

from getitong.core.cache import Cache

VERSION_TTL = 30 * 86400  # far longer than a cached payload lives


def person_key(person_id: int) -> str:
    return f"home:v:p:{person_id}"


def business_key(business_id: int) -> str:
    return f"home:v:b:{business_id}"


GLOBAL_KEY = "home:v:g"
CHANNEL = "home:changed"


async def touch_person(cache: Cache, person_id: int) -> None:
    """The person's own home data changed (their app list, their businesses)."""
    await cache.incr(person_key(person_id), VERSION_TTL)
    await cache.publish(CHANNEL, f"p:{person_id}")


async def touch_business(cache: Cache, *business_ids: int) -> None:
    """Counts of these businesses changed (an appeal reply, a pushed benefit, a listing, an activity)."""
    for business_id in dict.fromkeys(business_ids):
        await cache.incr(business_key(business_id), VERSION_TTL)
        await cache.publish(CHANNEL, f"b:{business_id}")


async def touch_all(cache: Cache) -> None:
    """Something every home screen shows changed (news, the app catalog, a bulk import or push)."""
    await cache.incr(GLOBAL_KEY, VERSION_TTL)
    await cache.publish(CHANNEL, "g")
