"""Party-building use-cases: members of a business, activities (publish, sign up, check in), the home badge.

Sign-ups lock the activity row and move its counter with a conditional UPDATE in the same transaction,
so concurrent sign-ups never exceed the capacity. Every staff write has an audit row in its transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q, Subquery
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from getitong.common import home_events
from getitong.core import audit, errors
from getitong.core.deps import Deps
from getitong.core.pagination import keyset
from getitong.core.security import mask_id_number, mask_phone
from getitong.party import config as cfg
from getitong.party import errors as e
from getitong.party import qr
from getitong.party.common import (
    ADMIN_PREFIX,
    Owner,
    businesses_in_scope,
    current_business,
    iso,
    local_text,
    now,
    orgs_above,
    require_manager,
    xlsx,
)
from getitong.party.models import GENDER_LABELS, Activity, ActivitySignup, PartyMember
from getitong.party.workflow import (
    ACTIVITY_ACTION_LABELS,
    ACTIVITY_STATUS_LABELS,
    PHASE_LABELS,
    ActivityAction,
    ActivityStatus,
    Phase,
    activity_actions,
    activity_rule,
    checkin_window,
    phase,
)
from getitong.staff import scope
from getitong.staff.models import OrgClosure, StaffUser
from getitong.staff.permissions import permissions_of

# ============================================================================ members (shop side)


def member_out(deps: Deps, m: PartyMember) -> dict[str, Any]:
    """Personal numbers leave the server masked only."""
    return {"id": m.id, "business_id": m.business_id, "name": m.name, "gender": m.gender.value,
            "gender_label": GENDER_LABELS[m.gender],
            "id_number_masked": mask_id_number(deps.cipher.decrypt(m.id_number_enc)),
            "phone_masked": mask_phone(deps.cipher.decrypt(m.phone_enc)),
            "joined_on": iso(m.joined_on), "org_relation": m.org_relation, "position": m.position,
            "created_at": iso(m.created_at), "updated_at": iso(m.updated_at)}


async def _own_member(owner: Owner, member_id: int) -> PartyMember:
    member = await PartyMember.get_or_none(id=member_id, business_id=owner.business_id)
    if member is None:
        raise e.MemberNotFound()
    return member


async def _ensure_unique(owner: Owner, index: str, *, exclude: int | None = None) -> None:
    qs = PartyMember.filter(business_id=owner.business_id, id_number_index=index)
    if exclude is not None:
        qs = qs.exclude(id=exclude)
    if await qs.exists():
        raise e.MemberExists()


async def list_members(deps: Deps, *, owner: Owner, q: str | None, cursor: str | None,
                       limit: int) -> dict[str, Any]:
    """The party members registered by the current business."""
    qs = PartyMember.filter(business_id=owner.business_id)
    if q:
        qs = qs.filter(name__icontains=q)
    rows, nxt = await keyset(qs, cursor=cursor, limit=limit)
    return {"items": [member_out(deps, m) for m in rows], "next": nxt}


async def get_member(deps: Deps, *, owner: Owner, member_id: int) -> dict[str, Any]:
    return member_out(deps, await _own_member(owner, member_id))


async def create_member(deps: Deps, *, owner: Owner, values: dict[str, Any]) -> dict[str, Any]:
    """Register a member; the ID number is stored encrypted with a blind index (unique per business)."""
    await current_business(owner)
    number = values.pop("id_number")
    phone = values.pop("phone", None)
    index = deps.cipher.blind_index(number)
    await _ensure_unique(owner, index)
    try:
        member = await PartyMember.create(business_id=owner.business_id, id_number_enc=deps.cipher.encrypt(number),
                                          id_number_index=index, phone_enc=deps.cipher.encrypt(phone), **values)
    except IntegrityError as exc:  # two registrations of the same number at once
        raise e.MemberExists() from exc
    return member_out(deps, member)


async def update_member(deps: Deps, *, owner: Owner, member_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    member = await _own_member(owner, member_id)
    if "id_number" in changes:
        number = changes.pop("id_number")
        if number is None:
            raise errors.ValidationFailed("参数错误：id_number 不能为空")
        index = deps.cipher.blind_index(number)
        await _ensure_unique(owner, index, exclude=member.id)
        member.id_number_enc, member.id_number_index = deps.cipher.encrypt(number), index
    if "phone" in changes:
        member.phone_enc = deps.cipher.encrypt(changes.pop("phone"))
    for key in ("name", "gender"):
        if key in changes and changes[key] is None:
            raise errors.ValidationFailed(f"参数错误：{key} 不能为空")
    for key, value in changes.items():
        setattr(member, key, value if value is not None or key == "joined_on" else "")
    try:
        await member.save()
    except IntegrityError as exc:
        raise e.MemberExists() from exc
    if "name" in changes:
        await ActivitySignup.filter(member_id=member.id).update(member_name=member.name)
    return member_out(deps, member)


async def delete_member(deps: Deps, *, owner: Owner, member_id: int) -> None:
    """Delete a member: sign-ups for activities not yet started go with it; attendance already on the
    books stays, under the member's name."""
    at = now()
    async with in_transaction() as conn:
        member = await PartyMember.filter(id=member_id, business_id=owner.business_id).using_db(conn).first()
        if member is None:
            raise e.MemberNotFound()
        future = await ActivitySignup.filter(member_id=member.id, activity__starts_at__gt=at,
                                             checked_in_at__isnull=True).using_db(conn).values_list("id", "activity_id")
        for signup_id, activity_id in future:
            await ActivitySignup.filter(id=signup_id).using_db(conn).delete()
            await Activity.filter(id=activity_id).using_db(conn).update(signed_up_count=F("signed_up_count") - 1)
        await ActivitySignup.filter(member_id=member.id).using_db(conn).update(member_id=None)
        await PartyMember.filter(id=member.id).using_db(conn).delete()
    if future:
        await home_events.touch_business(deps.cache, owner.business_id)


# ============================================================================ activities: shared


def _phase(a: Activity, at: datetime) -> Phase:
    return phase(a.starts_at, a.ends_at, at)


def _window(a: Activity) -> tuple[datetime, datetime]:
    s = cfg.party_settings()
    return checkin_window(a.starts_at, a.ends_at, open_before_minutes=s.checkin_open_minutes_before,
                          close_after_minutes=s.checkin_close_minutes_after)


def _activity_fields(a: Activity, at: datetime) -> dict[str, Any]:
    ph = _phase(a, at)
    opens, closes = _window(a)
    return {"id": a.id, "title": a.title, "place": a.place, "starts_at": iso(a.starts_at), "ends_at": iso(a.ends_at),
            "capacity": a.capacity, "signed_up_count": a.signed_up_count,
            "remaining": max(a.capacity - a.signed_up_count, 0),
            "status": a.status.value, "status_label": ACTIVITY_STATUS_LABELS[a.status],
            "phase": ph.value, "phase_label": PHASE_LABELS[ph],
            "checkin_opens_at": iso(opens), "checkin_closes_at": iso(closes),
            "org": {"id": a.org.id, "name": a.org.name}, "published_at": iso(a.published_at),
            "cancelled_at": iso(a.cancelled_at), "cancel_reason": a.cancel_reason}


def _signup_open(a: Activity, at: datetime) -> bool:
    return a.status == ActivityStatus.PUBLISHED and at < a.starts_at and a.signed_up_count < a.capacity


def _checkin_open(a: Activity, at: datetime) -> bool:
    opens, closes = _window(a)
    return a.status == ActivityStatus.PUBLISHED and opens <= at < closes


# ============================================================================ activities: shop side


async def _visible_activity(owner: Owner, activity_id: int, *, using_db: Any = None,
                            lock: bool = False) -> Activity:
    """A published (or cancelled) activity of an org at or above the business's registration org."""
    business = await current_business(owner, using_db)
    qs = Activity.filter(id=activity_id, status__in=[ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED])
    if lock:
        qs = qs.select_for_update()
    activity = await qs.using_db(using_db).first()
    if activity is None or not await OrgClosure.filter(ancestor_id=activity.org_id,
                                                       descendant_id=business.org_id).using_db(using_db).exists():
        raise e.ActivityNotFound()
    return activity


def _mp_item(a: Activity, at: datetime, mine: list[ActivitySignup]) -> dict[str, Any]:
    return _activity_fields(a, at) | {
        "my_signup_count": len(mine), "my_checked_in_count": sum(1 for x in mine if x.checked_in_at),
        "can_sign_up": _signup_open(a, at), "can_cancel_signup": bool(mine) and _signup_open_for_cancel(a, at),
        "can_check_in": bool(mine) and _checkin_open(a, at)}


def _signup_open_for_cancel(a: Activity, at: datetime) -> bool:
    return a.status == ActivityStatus.PUBLISHED and at < a.starts_at


async def list_activities(*, owner: Owner, when: str | None, cursor: str | None, limit: int) -> dict[str, Any]:
    """Activities the current business may join: open for sign-up, signed up and not ended, or past."""
    business = await current_business(owner)
    at = now()
    qs = Activity.filter(org_id__in=orgs_above(business.org_id),
                         status__in=[ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED])
    if when == "open":
        qs = qs.filter(status=ActivityStatus.PUBLISHED, starts_at__gt=at)
    elif when == "upcoming":
        qs = qs.filter(status=ActivityStatus.PUBLISHED, ends_at__gt=at,
                       id__in=Subquery(ActivitySignup.filter(business_id=business.id).values("activity_id")))
    elif when == "past":
        qs = qs.filter(Q(status=ActivityStatus.CANCELLED) | Q(ends_at__lte=at))
    rows, nxt = await keyset(qs.prefetch_related("org"), cursor=cursor, limit=limit)
    mine: dict[int, list[ActivitySignup]] = {}
    for s in await ActivitySignup.filter(business_id=business.id, activity_id__in=[a.id for a in rows]):
        mine.setdefault(s.activity_id, []).append(s)
    return {"items": [_mp_item(a, at, mine.get(a.id, [])) for a in rows], "next": nxt}


def _signup_out(s: ActivitySignup) -> dict[str, Any]:
    return {"member_id": s.member_id, "member_name": s.member_name, "signed_up_at": iso(s.signed_up_at),
            "checked_in": s.checked_in_at is not None, "checked_in_at": iso(s.checked_in_at)}


async def activity_detail(*, owner: Owner, activity_id: int) -> dict[str, Any]:
    activity = await _visible_activity(owner, activity_id)
    await activity.fetch_related("org")
    mine = await ActivitySignup.filter(activity_id=activity.id, business_id=owner.business_id).order_by("id")
    return _mp_item(activity, now(), mine) | {"description": activity.description,
                                              "my_signups": [_signup_out(s) for s in mine]}


async def _own_members(owner: Owner, member_ids: list[int], using_db: Any = None) -> dict[int, PartyMember]:
    found = {m.id: m for m in await PartyMember.filter(id__in=member_ids, business_id=owner.business_id)
             .using_db(using_db)}
    missing = [i for i in member_ids if i not in found]
    if missing:
        raise e.MemberInvalid(data={"member_ids": missing})
    return found


async def sign_up(deps: Deps, *, owner: Owner, activity_id: int, member_ids: list[int]) -> dict[str, Any]:
    """Sign up members of the current business; all or none, never beyond the capacity."""
    member_ids = list(dict.fromkeys(member_ids))
    at = now()
    async with in_transaction() as conn:
        # The row lock serialises sign-ups of one activity on PostgreSQL (SQLite serialises transactions).
        activity = await _visible_activity(owner, activity_id, using_db=conn, lock=True)
        if activity.status == ActivityStatus.CANCELLED:
            raise e.ActivityCancelled()
        if at >= activity.starts_at:
            raise e.SignupClosed()
        members = await _own_members(owner, member_ids, conn)
        taken = await ActivitySignup.filter(activity_id=activity.id, member_id__in=member_ids) \
            .using_db(conn).values_list("member_id", flat=True)
        if taken:
            names = "、".join(members[i].name for i in taken)
            raise e.AlreadySignedUp(f"{names}已报名该活动", data={"member_ids": list(taken)})
        n = len(member_ids)
        remaining = activity.capacity - activity.signed_up_count
        # The conditional UPDATE is the capacity guard itself: it cannot pass the limit, lock or no lock.
        moved = await Activity.filter(id=activity.id, signed_up_count__lte=activity.capacity - n) \
            .using_db(conn).update(signed_up_count=F("signed_up_count") + n)
        if not moved:
            raise e.ActivityFull(f"活动报名人数已满（剩余名额{max(remaining, 0)}个）",
                                 data={"remaining": max(remaining, 0), "requested": n})
        try:
            await ActivitySignup.bulk_create(
                [ActivitySignup(activity_id=activity.id, business_id=owner.business_id, member_id=i,
                                member_name=members[i].name, signed_up_by_id=owner.person.id, signed_up_at=at)
                 for i in member_ids], using_db=conn)
        except IntegrityError as exc:
            raise e.AlreadySignedUp() from exc
    await home_events.touch_business(deps.cache, owner.business_id)
    return await activity_detail(owner=owner, activity_id=activity_id)


async def cancel_signup(deps: Deps, *, owner: Owner, activity_id: int, member_id: int) -> dict[str, Any]:
    """Withdraw one member's sign-up, until the activity starts."""
    at = now()
    async with in_transaction() as conn:
        activity = await _visible_activity(owner, activity_id, using_db=conn, lock=True)
        signup = await ActivitySignup.filter(activity_id=activity.id, business_id=owner.business_id,
                                             member_id=member_id).using_db(conn).first()
        if signup is None:
            raise e.NotSignedUp("该党员未报名该活动")
        if activity.status == ActivityStatus.PUBLISHED and at >= activity.starts_at:
            raise e.SignupClosed("活动已开始，不能取消报名")
        await ActivitySignup.filter(id=signup.id).using_db(conn).delete()
        await Activity.filter(id=activity.id).using_db(conn).update(signed_up_count=F("signed_up_count") - 1)
    await home_events.touch_business(deps.cache, owner.business_id)
    return await activity_detail(owner=owner, activity_id=activity_id)


async def _scanned_activity(deps: Deps, owner: Owner, token: str, at: datetime) -> tuple[Activity, qr.CheckinToken]:
    found = qr.read_token(deps.settings, token)
    try:
        activity = await _visible_activity(owner, found.activity_id)
    except e.ActivityNotFound:
        # A valid QR of an activity this business cannot join: the same answer as a forged one.
        raise e.QrInvalid("该签到二维码不属于本单位可参加的活动") from None
    if activity.status == ActivityStatus.CANCELLED:
        raise e.ActivityCancelled()
    return activity, found


def _check_window(activity: Activity, at: datetime) -> None:
    opens, closes = _window(activity)
    data = {"checkin_opens_at": iso(opens), "checkin_closes_at": iso(closes)}
    if at < opens:
        raise e.CheckinWindow(f"签到尚未开始，签到时间为{local_text(opens)}至{local_text(closes)}", data=data)
    if at >= closes:
        raise e.CheckinWindow("活动已结束，签到已关闭", data=data)


async def scan(deps: Deps, *, owner: Owner, token: str) -> dict[str, Any]:
    """What the owner sees after scanning: the activity and the business's signed-up members."""
    at = now()
    activity, found = await _scanned_activity(deps, owner, token, at)
    if found.expired(at):
        raise e.QrExpired()
    return await activity_detail(owner=owner, activity_id=activity.id)


async def check_in(deps: Deps, *, owner: Owner, token: str, member_ids: list[int]) -> dict[str, Any]:
    """Check members in with the scanned QR: inside the window, signed up, once each; all or none."""
    member_ids = list(dict.fromkeys(member_ids))
    at = now()
    activity, found = await _scanned_activity(deps, owner, token, at)
    _check_window(activity, at)
    if found.expired(at):  # a QR printed before the activity was moved later
        raise e.QrExpired()
    members = await _own_members(owner, member_ids)
    signups = {s.member_id: s for s in await ActivitySignup.filter(
        activity_id=activity.id, business_id=owner.business_id, member_id__in=member_ids)}
    missing = [i for i in member_ids if i not in signups]
    if missing:
        names = "、".join(members[i].name for i in missing)
        raise e.NotSignedUp(f"{names}未报名该活动，不能签到", data={"member_ids": missing})
    done = [i for i in member_ids if signups[i].checked_in_at is not None]
    if done:
        names = "、".join(members[i].name for i in done)
        raise e.AlreadyCheckedIn(f"{names}已签到，请勿重复签到", data={"member_ids": done})
    async with in_transaction() as conn:
        for i in member_ids:
            # Conditional on "not checked in yet": two scans at once cannot both count.
            moved = await ActivitySignup.filter(id=signups[i].id, checked_in_at__isnull=True).using_db(conn) \
                .update(checked_in_at=at, checked_in_by_id=owner.person.id)
            if not moved:
                raise e.AlreadyCheckedIn(f"{members[i].name}已签到，请勿重复签到", data={"member_ids": [i]})
    await home_events.touch_business(deps.cache, owner.business_id)
    return {"activity": {"id": activity.id, "title": activity.title, "place": activity.place},
            "checked_in_at": iso(at),
            "members": [{"member_id": i, "member_name": members[i].name} for i in member_ids],
            "message": f"签到成功（{len(member_ids)}人）"}


# ============================================================================ home badge


async def home_badge(*, business_id: int, now: datetime | None = None) -> int:
    """Activities this business signed members up for that have not ended and start within the next days."""
    at = cfg.local(now or cfg.now())
    horizon = at + timedelta(days=cfg.party_settings().home_badge_days)
    return await Activity.filter(
        status=ActivityStatus.PUBLISHED, ends_at__gt=at, starts_at__lte=horizon,
        id__in=Subquery(ActivitySignup.filter(business_id=business_id).values("activity_id"))).count()


# ============================================================================ activities: staff side


def _snapshot(a: Activity) -> dict[str, Any]:
    return {"title": a.title, "place": a.place, "starts_at": iso(a.starts_at), "ends_at": iso(a.ends_at),
            "capacity": a.capacity, "status": a.status.value, "org_id": a.org_id,
            "description_len": len(a.description), "cancel_reason": a.cancel_reason}


async def _admin_out(a: Activity, actor: StaffUser, at: datetime, *, checked_in: int | None = None,
                     detail: bool = False) -> dict[str, Any]:
    if checked_in is None:
        checked_in = await ActivitySignup.filter(activity_id=a.id, checked_in_at__isnull=False).count()
    out = _activity_fields(a, at) | {
        "checked_in_count": checked_in,
        "created_by": {"id": a.created_by.id, "name": a.created_by.name} if a.created_by_id and a.created_by
        else None,
        "created_at": iso(a.created_at), "updated_at": iso(a.updated_at),
        "actions": activity_actions(a.status, _phase(a, at), permissions_of(actor.roles)),
        "qr_url": f"{ADMIN_PREFIX}/activities/{a.id}/qr" if a.status == ActivityStatus.PUBLISHED
        and _phase(a, at) != Phase.ENDED else None}
    if detail:
        out["description"] = a.description
    return out


async def _load_for_actor(actor: StaffUser, activity_id: int, *, using_db: Any = None,
                          lock: bool = False) -> Activity:
    """An activity of the actor's org or below; outside the scope it does not exist for them."""
    require_manager(actor)
    qs = scope.scoped(Activity.filter(id=activity_id), actor)
    if lock:
        qs = qs.select_for_update()
    activity = await qs.using_db(using_db).first()
    if activity is None:
        raise e.ActivityNotFound()
    return activity


def _guard(activity: Activity, action: ActivityAction, actor: StaffUser, at: datetime) -> ActivityStatus:
    rule = activity_rule(activity.status, action)
    ph = _phase(activity, at)
    data = {"status": activity.status.value, "phase": ph.value, "action": action.value,
            "allowed": activity_actions(activity.status, ph, permissions_of(actor.roles))}
    label = f"「{ACTIVITY_STATUS_LABELS[activity.status]}」"
    if rule is None:
        raise e.ActivityActionNotAllowed(f"活动当前为{label}，不能{ACTIVITY_ACTION_LABELS[action]}", data=data)
    target, _perm, phases = rule
    if ph not in phases:
        if action is ActivityAction.EDIT:
            raise e.ActivityStarted(data=data)
        raise e.ActivityActionNotAllowed(
            f"活动{PHASE_LABELS[ph]}，不能{ACTIVITY_ACTION_LABELS[action]}", data=data)
    return target


async def _signed_up_businesses(activity_id: int) -> list[int]:
    return list(set(await ActivitySignup.filter(activity_id=activity_id).values_list("business_id", flat=True)))


async def admin_list_activities(*, actor: StaffUser, status: str | None, q: str | None, cursor: str | None,
                                limit: int) -> dict[str, Any]:
    require_manager(actor)
    qs = scope.scoped(Activity.all(), actor)
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(title__icontains=q)
    rows, nxt = await keyset(qs.prefetch_related("org", "created_by"), cursor=cursor, limit=limit)
    counts = {r["activity_id"]: r["n"] for r in await ActivitySignup.filter(
        activity_id__in=[a.id for a in rows], checked_in_at__isnull=False).group_by("activity_id")
        .annotate(n=Count("id")).values("activity_id", "n")}
    at = now()
    return {"items": [await _admin_out(a, actor, at, checked_in=counts.get(a.id, 0)) for a in rows], "next": nxt}


async def admin_activity(*, actor: StaffUser, activity_id: int) -> dict[str, Any]:
    activity = await _load_for_actor(actor, activity_id)
    await activity.fetch_related("org", "created_by")
    return await _admin_out(activity, actor, now(), detail=True)


async def create_activity(*, actor: StaffUser, values: dict[str, Any]) -> dict[str, Any]:
    """A draft activity of the actor's org (or an org below it)."""
    require_manager(actor)
    org_id = values.pop("org_id", None) or actor.org_id
    await scope.ensure_in_scope(actor, org_id)
    at = now()
    starts, ends = cfg.local(values.pop("starts_at")), cfg.local(values.pop("ends_at"))
    if starts <= at:
        raise e.ActivityTimeInvalid("活动开始时间应晚于当前时间")
    async with in_transaction() as conn:
        activity = await Activity.create(org_id=org_id, starts_at=starts, ends_at=ends, created_by_id=actor.id,
                                         status=ActivityStatus.DRAFT, using_db=conn, **values)
        await audit.record(actor=actor, action="party.activity.create", target_type="party_activity",
                           target_id=activity.id, after=_snapshot(activity), using_db=conn)
    return await admin_activity(actor=actor, activity_id=activity.id)


async def update_activity(deps: Deps, *, actor: StaffUser, activity_id: int,
                          changes: dict[str, Any]) -> dict[str, Any]:
    """Edit a draft, or a published activity before it starts (signed-up businesses are told)."""
    at = now()
    for key in ("title", "place", "starts_at", "ends_at", "capacity"):
        if key in changes and changes[key] is None:
            raise errors.ValidationFailed(f"参数错误：{key} 不能为空")
    async with in_transaction() as conn:
        activity = await _load_for_actor(actor, activity_id, using_db=conn, lock=True)
        _guard(activity, ActivityAction.EDIT, actor, at)
        before = _snapshot(activity)
        for key in ("starts_at", "ends_at"):
            if key in changes:
                changes[key] = cfg.local(changes[key])
        starts, ends = changes.get("starts_at", activity.starts_at), changes.get("ends_at", activity.ends_at)
        if ends <= starts:
            raise e.ActivityTimeInvalid("活动结束时间应晚于开始时间")
        if "starts_at" in changes and starts <= at:
            raise e.ActivityTimeInvalid("活动开始时间应晚于当前时间")
        if changes.get("capacity") is not None and changes["capacity"] < activity.signed_up_count:
            raise e.CapacityTooSmall(f"人数上限不能少于已报名人数（{activity.signed_up_count}人）",
                                     data={"signed_up_count": activity.signed_up_count})
        for key, value in changes.items():
            setattr(activity, key, value if value is not None else "")
        await activity.save(using_db=conn)
        after = _snapshot(activity)
        await audit.record(actor=actor, action="party.activity.update", target_type="party_activity",
                           target_id=activity.id, before=before, after=after, using_db=conn)
    moved = any(before[k] != after[k] for k in ("starts_at", "ends_at", "place"))
    if activity.status == ActivityStatus.PUBLISHED and moved:
        await home_events.touch_business(deps.cache, *await _signed_up_businesses(activity.id))
    return await admin_activity(actor=actor, activity_id=activity.id)


async def publish_activity(*, actor: StaffUser, activity_id: int) -> dict[str, Any]:
    """Publish a draft: businesses under the org see it and can sign up until it starts."""
    at = now()
    async with in_transaction() as conn:
        activity = await _load_for_actor(actor, activity_id, using_db=conn, lock=True)
        target = _guard(activity, ActivityAction.PUBLISH, actor, at)
        before = _snapshot(activity)
        activity.status, activity.published_at = target, at
        await activity.save(using_db=conn, update_fields=["status", "published_at", "updated_at"])
        await audit.record(actor=actor, action="party.activity.publish", target_type="party_activity",
                           target_id=activity.id, before=before, after=_snapshot(activity), using_db=conn)
    return await admin_activity(actor=actor, activity_id=activity.id)


async def cancel_activity(deps: Deps, *, actor: StaffUser, activity_id: int, reason: str) -> dict[str, Any]:
    """Cancel a published activity before it ends; the signed-up businesses see it cancelled."""
    at = now()
    async with in_transaction() as conn:
        activity = await _load_for_actor(actor, activity_id, using_db=conn, lock=True)
        target = _guard(activity, ActivityAction.CANCEL, actor, at)
        before = _snapshot(activity)
        activity.status, activity.cancelled_at, activity.cancel_reason = target, at, reason
        await activity.save(using_db=conn, update_fields=["status", "cancelled_at", "cancel_reason", "updated_at"])
        await audit.record(actor=actor, action="party.activity.cancel", target_type="party_activity",
                           target_id=activity.id, before=before, after=_snapshot(activity), using_db=conn)
    await home_events.touch_business(deps.cache, *await _signed_up_businesses(activity.id))
    return await admin_activity(actor=actor, activity_id=activity.id)


async def delete_activity(*, actor: StaffUser, activity_id: int) -> None:
    """Delete a draft (a published activity is cancelled instead, its records stay)."""
    at = now()
    async with in_transaction() as conn:
        activity = await _load_for_actor(actor, activity_id, using_db=conn, lock=True)
        _guard(activity, ActivityAction.DELETE, actor, at)
        before = _snapshot(activity)
        await Activity.filter(id=activity.id).using_db(conn).delete()
        await audit.record(actor=actor, action="party.activity.delete", target_type="party_activity",
                           target_id=activity_id, before=before, using_db=conn)


async def activity_qr(deps: Deps, *, actor: StaffUser, activity_id: int) -> tuple[bytes, str, Activity]:
    """The printable check-in QR (PNG) of a published activity that has not ended."""
    activity = await _load_for_actor(actor, activity_id)
    if activity.status != ActivityStatus.PUBLISHED:
        raise e.ActivityActionNotAllowed("仅已发布的活动可生成签到二维码")
    if _phase(activity, now()) == Phase.ENDED:
        raise e.ActivityActionNotAllowed("活动已结束，无需生成签到二维码")
    text = qr.qr_text(deps.settings, activity_id=activity.id, expires_at=activity.ends_at)
    return qr.png(text), text, activity


def _staff_signup_out(deps: Deps, s: ActivitySignup) -> dict[str, Any]:
    m = s.member
    return {"id": s.id, "business": {"id": s.business.id, "name": s.business.name, "uscc": s.business.uscc},
            "member_id": s.member_id, "member_name": s.member_name,
            "gender_label": GENDER_LABELS[m.gender] if m else "",
            "id_number_masked": mask_id_number(deps.cipher.decrypt(m.id_number_enc)) if m else None,
            "phone_masked": mask_phone(deps.cipher.decrypt(m.phone_enc)) if m else None,
            "position": m.position if m else "", "signed_up_at": iso(s.signed_up_at),
            "checked_in": s.checked_in_at is not None, "checked_in_at": iso(s.checked_in_at)}


async def admin_signups(deps: Deps, *, actor: StaffUser, activity_id: int, checked_in: bool | None,
                        cursor: str | None, limit: int) -> dict[str, Any]:
    """Who signed up for an activity and who checked in."""
    activity = await _load_for_actor(actor, activity_id)
    qs = ActivitySignup.filter(activity_id=activity.id)
    if checked_in is not None:
        qs = qs.filter(checked_in_at__isnull=not checked_in)
    rows, nxt = await keyset(qs.prefetch_related("business", "member"), cursor=cursor, limit=limit)
    checked = await ActivitySignup.filter(activity_id=activity.id, checked_in_at__isnull=False).count()
    return {"items": [_staff_signup_out(deps, s) for s in rows], "next": nxt,
            "summary": {"signed_up": activity.signed_up_count, "checked_in": checked,
                        "capacity": activity.capacity}}


async def export_signups(deps: Deps, *, actor: StaffUser, activity_id: int) -> tuple[bytes, str]:
    """Sign-ups and check-ins of an activity as an Excel file."""
    activity = await _load_for_actor(actor, activity_id)
    rows = await ActivitySignup.filter(activity_id=activity.id).order_by("id") \
        .limit(cfg.party_settings().export_max_rows).prefetch_related("business", "member")
    data = []
    for n, s in enumerate(rows, start=1):
        o = _staff_signup_out(deps, s)
        data.append([n, o["business"]["name"], o["business"]["uscc"], o["member_name"], o["gender_label"],
                     o["id_number_masked"] or "", o["phone_masked"] or "", o["position"],
                     local_text(s.signed_up_at), "已签到" if s.checked_in_at else "未签到",
                     local_text(s.checked_in_at)])
    header = ["序号", "经营主体", "统一社会信用代码", "党员姓名", "性别", "身份证号码", "联系电话", "职务/岗位",
              "报名时间", "签到状态", "签到时间"]
    return await xlsx("报名签到", header, data), f"{activity.title}-报名签到.xlsx"


# ============================================================================ members (staff side)


async def admin_members(deps: Deps, *, actor: StaffUser, business_id: int | None, q: str | None,
                        cursor: str | None, limit: int) -> dict[str, Any]:
    """Party members of the businesses in the actor's scope (masked)."""
    require_manager(actor)
    qs = PartyMember.filter(business_id__in=businesses_in_scope(actor))
    if business_id is not None:
        qs = qs.filter(business_id=business_id)
    if q:
        qs = qs.filter(name__icontains=q)
    rows, nxt = await keyset(qs.prefetch_related("business"), cursor=cursor, limit=limit)
    return {"items": [member_out(deps, m) | {"business": {"id": m.business.id, "name": m.business.name}}
                      for m in rows], "next": nxt}

