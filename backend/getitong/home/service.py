"""The home screen (SPEC B): the app catalogue, each person's home apps, and the one call the screen makes.

`home()` answers everything the mini-program's home screen shows in one reply and caches it per
(person, business). The cached text carries the version counters of getitong.common.home_events it was
built from; one MGET reads it together with the current counters, so any change that bumps a counter
(a reply to an appeal, a pushed benefit, a listing, an activity sign-up, news, the catalogue, the
person's own layout or businesses) is seen by the next call.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from getitong.accounts import service as accounts
from getitong.accounts.models import Person
from getitong.annual import service as annual
from getitong.common import home_events
from getitong.content import service as content
from getitong.content.models import ArticleKind
from getitong.core import audit, db
from getitong.core.deps import Deps
from getitong.home import errors as e
from getitong.home.catalog import BADGES, default_rows
from getitong.home.config import home_settings
from getitong.home.models import HomeApp, HomeLayout
from getitong.party import service as party
from getitong.staff.models import StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

log = logging.getLogger("getitong.home")

CACHE_TTL = 300  # seconds; the version counters make it exact, the TTL only bounds memory
NEWS_ON_HOME = 5
PENALTY_BADGE_YEARS = 3  # penalties shown as a risk while their publicity lasts (3 years)


def now() -> datetime:
    """The clock of the home screen; tests patch it."""
    return datetime.now(UTC)


# ----------------------------------------------------------------------------- catalogue


async def ensure_catalog() -> int:
    """Load the default catalogue into an empty one (at start-up; several processes may race: harmless)."""
    if await HomeApp.exists():
        return 0
    created = 0
    for row in default_rows():
        try:
            await HomeApp.create(**row)
            created += 1
        except IntegrityError:  # another process got there first
            pass
    return created


def app_out(a: HomeApp) -> dict[str, Any]:
    return {"code": a.code, "name": a.name, "icon": a.icon, "page": a.page, "description": a.description,
            "badge": a.badge}


def admin_app_out(a: HomeApp) -> dict[str, Any]:
    return {"id": a.id, **app_out(a), "sort": a.sort, "enabled": a.enabled, "is_default": a.is_default,
            "updated_at": a.updated_at.isoformat() if a.updated_at else None}


async def _enabled_apps() -> list[HomeApp]:
    return await HomeApp.filter(enabled=True).order_by("sort", "id")


async def _layout_codes(person_id: int, enabled: list[HomeApp]) -> list[str]:
    """The person's codes in their order, dropping apps staff disabled since; no layout: the defaults."""
    layout = await HomeLayout.get_or_none(person_id=person_id)
    by_code = {a.code for a in enabled}
    if layout is None:
        return [a.code for a in enabled if a.is_default]
    return [c for c in layout.apps if c in by_code]


# ----------------------------------------------------------------------------- shop side


async def my_apps(*, person: Person) -> dict[str, Any]:
    """For 编辑首页: the person's home apps in order, and every other app they may add."""
    enabled = await _enabled_apps()
    codes = await _layout_codes(person.id, enabled)
    by_code = {a.code: a for a in enabled}
    chosen = set(codes)
    return {"apps": [app_out(by_code[c]) for c in codes],
            "available": [app_out(a) for a in enabled if a.code not in chosen]}


async def save_apps(deps: Deps, *, person: Person, codes: list[str]) -> dict[str, Any]:
    """Keep this ordered list (remove, add, reorder are all one save)."""
    if len(set(codes)) != len(codes):
        raise e.AppDuplicate(data={"codes": sorted({c for c in codes if codes.count(c) > 1})})
    enabled = {a.code for a in await _enabled_apps()}
    unknown = [c for c in codes if c not in enabled]
    if unknown:
        raise e.AppUnknown(data={"codes": unknown})
    async with in_transaction() as conn:
        layout = await HomeLayout.select_for_update().using_db(conn).get_or_none(person_id=person.id)
        if layout is None:
            await HomeLayout.create(person_id=person.id, apps=codes, using_db=conn)
        else:
            layout.apps = codes
            await layout.save(update_fields=["apps", "updated_at"], using_db=conn)
    await home_events.touch_person(deps.cache, person.id)
    return await my_apps(person=person)


async def reset_apps(deps: Deps, *, person: Person) -> dict[str, Any]:
    """Back to the default home apps."""
    await HomeLayout.filter(person_id=person.id).delete()
    await home_events.touch_person(deps.cache, person.id)
    return await my_apps(person=person)


# The four counts of the current business in one round trip (each a count over an index on business_id).
_COUNTS = """
SELECT (SELECT count(*) FROM appeal WHERE business_id = $1 AND status = 'replied') AS appeals,
       (SELECT count(*) FROM benefit_eligibility WHERE business_id = $2 AND status = 'pushed') AS benefits,
       (SELECT count(*) FROM risk_listing WHERE business_id = $3 AND status = 'listed') AS listings,
       (SELECT count(*) FROM risk_penalty WHERE business_id = $4 AND published_on >= $5) AS penalties"""


async def unread_counts(*, business_id: int, annual_status: dict[str, Any] | None = None) -> dict[str, int]:
    """The numbers on the app icons, all for the current business."""
    at = now()
    since = (at - timedelta(days=365 * PENALTY_BADGE_YEARS)).date()
    if annual_status is None:
        annual_status = await annual.home_status(business_id=business_id, at=at)
    row = (await db.fetch(_COUNTS, business_id, business_id, business_id, business_id, since))[0]
    return {
        "appeals": row["appeals"],  # replies waiting for the owner to read and rate them
        "benefits": row["benefits"],  # pushed 免申即享 items to confirm
        "risk": row["listings"] + row["penalties"],  # active listings, penalties still publicised
        "party": await party.home_badge(business_id=business_id, now=at),
        "annual_report": 1 if annual_status and annual_status["reminder"] else 0,
    }


def _cache_key(person_id: int, business_id: int | None) -> str:
    return f"home:{person_id}:{business_id or 0}"


async def _versions(deps: Deps, person_id: int, business_id: int | None) -> tuple[str | None, list[str | None]]:
    keys = [_cache_key(person_id, business_id), home_events.GLOBAL_KEY, home_events.person_key(person_id)]
    if business_id:
        keys.append(home_events.business_key(business_id))
    cached, *versions = await deps.cache.get_many(*keys)
    return cached, versions


def _stamp(versions: list[str | None]) -> str:
    return ".".join(v or "0" for v in versions)


async def cached_home(deps: Deps, *, person_id: int, business_id: int | None) -> str | None:
    """The cached reply when nothing it shows has changed since it was built; None otherwise.

    A cached reply was built after the full check of this person and this business link (person_required);
    deactivating the person or removing a link bumps the person's counter, so a hit needs no database.
    """
    if not home_settings().cache_enabled:
        return None
    cached, versions = await _versions(deps, person_id, business_id)
    if cached is not None:
        cached_stamp, _, payload = cached.partition("|")
        if cached_stamp == _stamp(versions):
            return payload
    return None


async def home_json(deps: Deps, *, person: Person, business_id: int | None) -> str:
    """Build the home reply's data as JSON text and cache it with the counters read before building."""
    if not home_settings().cache_enabled:
        return json.dumps(await build_home(deps, person=person, business_id=business_id), ensure_ascii=False,
                          separators=(",", ":"))
    # Counters read BEFORE building: a change during the build leaves a stale stamp, so the next call rebuilds.
    _, versions = await _versions(deps, person.id, business_id)
    stamp = _stamp(versions)
    payload = json.dumps(await build_home(deps, person=person, business_id=business_id), ensure_ascii=False,
                         separators=(",", ":"))
    await deps.cache.set(_cache_key(person.id, business_id), f"{stamp}|{payload}", ttl=CACHE_TTL)
    return payload


async def build_home(deps: Deps, *, person: Person, business_id: int | None) -> dict[str, Any]:
    profile = await accounts.profile(deps, person, business_id)
    enabled = await _enabled_apps()
    by_code = {a.code: a for a in enabled}
    codes = await _layout_codes(person.id, enabled)
    annual_status = await annual.home_status(business_id=business_id, at=now()) if business_id else None
    unread = (await unread_counts(business_id=business_id, annual_status=annual_status) if business_id
              else dict.fromkeys(BADGES, 0))
    apps = [{**app_out(by_code[c]), "badge_count": unread.get(by_code[c].badge or "", 0)} for c in codes]
    news = await content.public_list(kind=ArticleKind.NEWS, category=None, validity=None, q=None, cursor=None,
                                     limit=NEWS_ON_HOME)
    return {
        "person": profile["person"],
        "current_business": profile["current_business"],
        "other_businesses": [b for b in profile["businesses"] if b["id"] != business_id],
        "apps": apps,
        "unread": unread,
        "annual_report": annual_status,
        "news": news["items"],
        "generated_at": now().isoformat(),
    }


# ----------------------------------------------------------------------------- staff side


async def admin_apps(*, actor: StaffUser) -> list[dict[str, Any]]:
    require(actor, Perm.HOME_MANAGE)
    return [admin_app_out(a) for a in await HomeApp.all().order_by("sort", "id")]


async def create_app(deps: Deps, *, actor: StaffUser, values: dict[str, Any]) -> dict[str, Any]:
    require(actor, Perm.HOME_MANAGE)
    try:
        async with in_transaction() as conn:
            app = await HomeApp.create(**values, using_db=conn)
            await audit.record(actor=actor, action="home.app.create", target_type="home_app", target_id=app.id,
                               after=values, using_db=conn)
    except IntegrityError as exc:
        raise e.AppCodeTaken() from exc
    await home_events.touch_all(deps.cache)
    return admin_app_out(app)


async def update_app(deps: Deps, *, actor: StaffUser, app_id: int, values: dict[str, Any]) -> dict[str, Any]:
    require(actor, Perm.HOME_MANAGE)
    async with in_transaction() as conn:
        app = await HomeApp.select_for_update().using_db(conn).get_or_none(id=app_id)
        if app is None:
            raise e.AppNotFound()
        before = admin_app_out(app)
        for key, value in values.items():
            setattr(app, key, value)
        await app.save(using_db=conn)
        await audit.record(actor=actor, action="home.app.update", target_type="home_app", target_id=app.id,
                           before={k: before.get(k) for k in values}, after=values, using_db=conn)
    await home_events.touch_all(deps.cache)
    return admin_app_out(app)
