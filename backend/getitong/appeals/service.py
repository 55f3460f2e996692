"""Appeal use-cases: submit, query, the staff workflow, time limits, supervision, notification, statistics.

Every transition runs in one transaction: a status update guarded by the expected old status (so two
clerks clicking at once cannot both win), the event row, the transfer slip, and the audit row.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import io
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from time import monotonic
from typing import Any

from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, RawSQL, Subquery
from tortoise.functions import Avg, Count
from tortoise.transactions import in_transaction

from getitong.accounts.models import Person
from getitong.accounts.service import load_linked_person
from getitong.appeals import config as cfg
from getitong.appeals import errors as e
from getitong.appeals import workflow as wf
from getitong.appeals.models import (
    RATING_LABELS,
    TYPE_LABELS,
    Appeal,
    AppealEvent,
    AppealType,
    Rating,
    Supervision,
    TransferSlip,
)
from getitong.appeals.workflow import ACTION_LABELS, OPEN_STATUSES, STATUS_LABELS, Action, AppealStatus, Caller
from getitong.common import home_events
from getitong.core import audit, db, errors
from getitong.core.cache import hit
from getitong.core.deps import Deps
from getitong.core.models import StoredFile
from getitong.core.pagination import keyset
from getitong.staff import scope
from getitong.staff.models import Org, OrgClosure, OrgLevel, StaffUser
from getitong.staff.permissions import Perm, permissions_of

log = logging.getLogger(__name__)

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed by hand
_PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
_VIEW_PERMS = {Perm.APPEAL_DESK.value, Perm.APPEAL_SUPERVISE.value, Perm.APPEAL_STATS.value}
# Events the business sees in its timeline; the rest (send-back reasons, supervision) stay internal.
_PUBLIC_ACTIONS = {"submit", "accept", "transfer", "reply", "reply_out_of_scope", "rate", "reopen"}
# Staff notes on acceptance and transfer requirements are internal; answers and the owner's own words are not.
_PUBLIC_COMMENTS = {"submit", "reply", "reply_out_of_scope", "rate", "reopen"}
EVENT_LABELS = {**{a.value: label for a, label in ACTION_LABELS.items()}, "submit": "提交诉求",
                "supervise": "督办"}


def now() -> datetime:
    # In the database's time zone: SQLite stores "+08:00" text and compares it as text.
    return cfg.now().astimezone(cfg.SHANGHAI)


@dataclass(frozen=True)
class Owner:
    """A shop owner acting for the current business."""

    person: Person
    business_id: int


# ----------------------------------------------------------------------------- helpers


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


async def _scope_ids(actor: StaffUser) -> set[int]:
    return set(await OrgClosure.filter(ancestor_id=actor.org_id).values_list("descendant_id", flat=True))


def _staff_caller(actor: StaffUser, appeal: Appeal) -> Caller:
    """Who acts: the desk of the handling org and the unit the appeal is transferred to, nobody above them.

    Superiors see their whole subtree and supervise (督办); they do not take over the handling.
    """
    perms = permissions_of(actor.roles)
    roles = set()
    if wf.DESK in perms and appeal.org_id == actor.org_id:
        roles.add(wf.DESK)
    if wf.HANDLE in perms and appeal.unit_org_id is not None and appeal.unit_org_id == actor.org_id:
        roles.add(wf.HANDLE)
    return Caller(frozenset(roles))


def _can_view(actor: StaffUser, appeal: Appeal, scope_ids: set[int]) -> bool:
    perms = permissions_of(actor.roles)
    if perms & _VIEW_PERMS and appeal.org_id in scope_ids:
        return True
    return Perm.APPEAL_HANDLE.value in perms and appeal.unit_org_id in scope_ids


def _can_supervise(actor: StaffUser, appeal: Appeal, scope_ids: set[int]) -> bool:
    # A superior supervises the orgs below it, not itself; an answered appeal needs no supervision.
    return (Perm.APPEAL_SUPERVISE.value in permissions_of(actor.roles) and appeal.org_id in scope_ids
            and appeal.org_id != actor.org_id and appeal.status in OPEN_STATUSES)


def _visible_q(actor: StaffUser) -> Q:
    perms = permissions_of(actor.roles)
    sub = scope.subtree(actor.org_id)
    parts = []
    if perms & _VIEW_PERMS:
        parts.append(Q(org_id__in=sub))
    if Perm.APPEAL_HANDLE.value in perms:
        parts.append(Q(unit_org_id__in=scope.subtree(actor.org_id)))
    if not parts:
        raise errors.Forbidden(data={"permission": Perm.APPEAL_DESK.value})
    return Q(*parts, join_type=Q.OR) if len(parts) > 1 else parts[0]


def _overdue_now(appeal: Appeal, at: datetime) -> bool:
    if appeal.is_overdue and appeal.status in OPEN_STATUSES:
        return True
    if appeal.status not in OPEN_STATUSES:
        return False
    if appeal.finish_due_at < at:
        return True
    return bool(appeal.status == AppealStatus.ACCEPTED and appeal.transfer_due_at and appeal.transfer_due_at < at)


def _time_fields(appeal: Appeal, at: datetime) -> dict[str, Any]:
    is_open = appeal.status in OPEN_STATUSES
    left = int((appeal.finish_due_at - at).total_seconds()) if is_open else None
    overdue = _overdue_now(appeal, at)
    soon = cfg.appeal_settings().due_soon_hours * 3600
    return {"finish_due_at": _iso(appeal.finish_due_at), "transfer_due_at": _iso(appeal.transfer_due_at),
            "time_left_seconds": left, "overdue": overdue, "ever_overdue": appeal.is_overdue or overdue,
            "due_soon": bool(is_open and not overdue and left is not None and left <= soon)}


async def _check_files(ids: list[int], *, owner_type: str, owner_id: int, images_only: bool = False,
                       also_allowed: set[int] | None = None) -> list[int]:
    ids = list(dict.fromkeys(ids))  # keep order, drop repeats
    if not ids:
        return []
    rows = {f.id: f for f in await StoredFile.filter(id__in=ids)}
    for fid in ids:
        f = rows.get(fid)
        allowed = f is not None and ((f.owner_type == owner_type and f.owner_id == owner_id)
                                     or fid in (also_allowed or set()))
        if not allowed or (images_only and not f.content_type.startswith("image/")):  # type: ignore[union-attr]
            raise e.AppealFileInvalid("照片须为本人上传的图片" if images_only else None, data={"file_id": fid})
    return ids


async def _files_out(ids: list[int], prefix: str, appeal_id: int) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = {f.id: f for f in await StoredFile.filter(id__in=ids)}
    return [{"id": f.id, "name": f.original_name, "content_type": f.content_type, "size": f.size,
             "url": f"{prefix}/appeals/{appeal_id}/files/{f.id}"} for fid in ids if (f := rows.get(fid))]


def _event_files(events: list[AppealEvent]) -> set[int]:
    return {fid for ev in events for fid in (ev.payload or {}).get("files", [])}


_DESK_TTL = 60.0


async def _business_place(deps: Deps, business_id: int) -> tuple[str, int]:
    """Region code and registration org of a business, held in memory for a minute like the desk below (a
    business changes its registration org a few times in its life; a submission asks every time)."""
    places: dict[int, tuple[tuple[str, int], float]] = deps.memo.setdefault("appeal_business", {})
    hit_ = places.get(business_id)
    if hit_ is not None and hit_[1] > monotonic():
        return hit_[0]
    rows = await db.fetch("SELECT region_code, org_id FROM business WHERE id = $1", business_id)
    if not rows:
        raise errors.NoCurrentBusiness()
    place = (rows[0]["region_code"], rows[0]["org_id"])
    if len(places) >= 50_000:  # bounded: start over rather than grow with every business that ever wrote
        places.clear()
    places[business_id] = (place, monotonic() + _DESK_TTL)
    return place


async def _handling_org(deps: Deps, org_id: int) -> int:
    """The district-level ancestor of the registration org (its appeal desk); the org itself above that.

    Held in memory for a minute per org (every submission asks; the org tree changes a few times a year).
    """
    hit_ = deps.memo.get(("appeal_desk", org_id))
    if hit_ is not None and hit_[1] > monotonic():
        return hit_[0]
    district = await Org.filter(id__in=Subquery(OrgClosure.filter(descendant_id=org_id)
                                                .values("ancestor_id")), level=OrgLevel.DISTRICT).first()
    desk = district.id if district else org_id
    deps.memo[("appeal_desk", org_id)] = (desk, monotonic() + _DESK_TTL)
    return desk


def _new_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))


# ----------------------------------------------------------------------------- shop side


def options() -> dict[str, Any]:
    return {"types": [{"value": t.value, "label": label} for t, label in TYPE_LABELS.items()],
            "departments": cfg.appeal_settings().departments,
            "statuses": [{"value": s.value, "label": label} for s, label in STATUS_LABELS.items()],
            "ratings": [{"value": r.value, "label": label} for r, label in RATING_LABELS.items()],
            "max_photos": 9}


def _query_digest(deps: Deps, password: str) -> str:
    """Keyed HMAC of the query password.

    The password is random (~40 bits) and guessing is bounded online (per-address limit, lock per code
    after a few failures); offline guessing needs the server key. A slow hash would only cap submissions
    (argon2 was ~64 % of a worker's time under submit load).
    """
    mac = hmac.new(deps.settings.secret_key.encode(), password.strip().encode(), hashlib.sha256).hexdigest()
    return f"hmac-sha256:{mac}"


async def submit(deps: Deps, *, person_id: int, business_id: int | None, title: str, type: AppealType,
                 department: str, content: str, photos: list[int]) -> dict[str, Any]:
    """Submit an appeal for the token's current business; the query password is returned this once only.

    The busiest write of the shop side, so the shop-owner check (active, still linked to the business) is
    not a query of its own: on PostgreSQL it is part of the one statement that writes the appeal and its
    event, and only a refusal asks again to say which refusal it was.
    """
    if business_id is None:
        raise errors.NoCurrentBusiness()
    if department not in cfg.appeal_settings().departments:
        raise e.AppealDepartmentInvalid(data={"departments": cfg.appeal_settings().departments})
    region_code, registered_org = await _business_place(deps, business_id)
    photos = await _check_files(photos, owner_type="person", owner_id=person_id, images_only=True)
    org_id = await _handling_org(deps, registered_org)
    password = "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(8))
    password_hash = _query_digest(deps, password)
    s = cfg.appeal_settings()
    at = now()
    due = cfg.add_days(at, s.finish_days, s.day_unit)
    row = {"business_id": business_id, "person_id": person_id, "region_code": region_code, "org_id": org_id,
           "title": title, "type": type, "department": department, "content": content, "photos": photos,
           "query_password_hash": password_hash, "submitted_at": at, "finish_due_at": due}
    for attempt in range(3):
        try:
            appeal_id, code = await _insert_submitted(row)
            break
        except IntegrityError:  # a query code already taken (1 in 10^18): draw another
            if attempt == 2:
                raise
    return {"id": appeal_id, "query_code": code, "query_password": password,
            "status": AppealStatus.SUBMITTED.value, "status_label": STATUS_LABELS[AppealStatus.SUBMITTED],
            "submitted_at": _iso(at), "finish_due_at": _iso(due),
            "notice": "请妥善保存查询码和查询密码，查询密码仅显示这一次"}


# On PostgreSQL the owner check, the appeal and its submit event are ONE statement (a data-modifying CTE is
# atomic by itself): one round trip instead of a check, BEGIN, two INSERTs and COMMIT. No row back means
# the person is inactive or no longer linked to the business.
_SUBMIT_PG = """
WITH p AS (
  SELECT p.id, p.name FROM person p JOIN person_business l ON l.person_id = p.id
  WHERE p.id = $2 AND l.business_id = $1 AND p.is_active),
a AS (
  INSERT INTO appeal (business_id, person_id, region_code, org_id, title, type, department, content, photos,
                      query_code, query_password_hash, status, submitted_at, finish_due_at, transfer_overdue,
                      finish_overdue, is_overdue, out_of_scope, reply_files, reopened_once, updated_at)
  SELECT $1, p.id, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, 'submitted', $12, $13, FALSE, FALSE, FALSE, FALSE,
         '[]'::jsonb, FALSE, $14 FROM p
  RETURNING id)
INSERT INTO appeal_event (appeal_id, actor_type, actor_id, actor_name, action, from_status, to_status, comment,
                          payload, at)
SELECT a.id, 'person', p.id, p.name, 'submit', NULL, 'submitted', '', $15::jsonb, $16 FROM a, p
RETURNING appeal_id"""


async def _insert_submitted(row: dict[str, Any]) -> tuple[int, str]:
    code = _new_code()
    if connections.get("default").capabilities.dialect == "postgres":
        at = row["submitted_at"]
        rows = await db.fetch(_SUBMIT_PG, row["business_id"], row["person_id"], row["region_code"], row["org_id"],
                              row["title"], AppealType(row["type"]).value, row["department"], row["content"],
                              json.dumps(row["photos"]), code, row["query_password_hash"], at, row["finish_due_at"],
                              at, json.dumps({"files": row["photos"]}), at)
        if not rows:
            await load_linked_person(row["person_id"], row["business_id"])  # raises the refusal that applies
            raise errors.BusinessNotLinked()  # changed between the two reads: refuse all the same
        return rows[0]["appeal_id"], code
    person = await load_linked_person(row["person_id"], row["business_id"])
    async with in_transaction() as conn:
        appeal = await Appeal.create(**row, query_code=code, status=AppealStatus.SUBMITTED, using_db=conn)
        await AppealEvent.create(appeal_id=appeal.id, actor_type="person", actor_id=row["person_id"],
                                 actor_name=person.name, action="submit", from_status=None,
                                 to_status=AppealStatus.SUBMITTED.value, payload={"files": row["photos"]},
                                 at=row["submitted_at"], using_db=conn)
    return appeal.id, code


async def _timeline(appeal: Appeal, *, public: bool, prefix: str) -> list[dict[str, Any]]:
    events = await AppealEvent.filter(appeal_id=appeal.id).order_by("id")
    orgs = {o.id: o.name for o in await Org.filter(id__in={ev.actor_org_id for ev in events if ev.actor_org_id})}
    out = []
    for ev in events:
        if public and ev.action not in _PUBLIC_ACTIONS:
            continue
        payload = dict(ev.payload or {})
        files = await _files_out(payload.pop("files", []), prefix, appeal.id)
        if public and ev.action == "transfer":
            payload = {"unit_org_name": payload.get("unit_org_name")}
        item = {"action": ev.action, "action_label": EVENT_LABELS.get(ev.action, ev.action),
                "from_status": ev.from_status, "to_status": ev.to_status,
                "to_status_label": STATUS_LABELS[AppealStatus(ev.to_status)] if ev.to_status else None,
                "org_name": orgs.get(ev.actor_org_id) if ev.actor_org_id else None,
                "comment": ev.comment if not public or ev.action in _PUBLIC_COMMENTS else "",
                "payload": payload, "files": files, "at": _iso(ev.at)}
        # Staff names stay inside the administration; the business sees the org.
        item["actor_name"] = (ev.actor_name if ev.actor_type == "person" else item["org_name"]) if public \
            else ev.actor_name
        out.append(item)
    return out


async def _owner_view(appeal: Appeal, *, allowed: list[str], prefix: str) -> dict[str, Any]:
    await appeal.fetch_related("business", "org")
    at = now()
    return {
        "id": appeal.id, "query_code": appeal.query_code, "title": appeal.title, "type": appeal.type.value,
        "type_label": TYPE_LABELS[appeal.type], "department": appeal.department, "content": appeal.content,
        "photos": await _files_out(appeal.photos, prefix, appeal.id),
        "business": {"id": appeal.business.id, "name": appeal.business.name},
        "org": {"id": appeal.org.id, "name": appeal.org.name},
        "status": appeal.status.value, "status_label": STATUS_LABELS[appeal.status],
        "submitted_at": _iso(appeal.submitted_at), "replied_at": _iso(appeal.replied_at),
        "finish_due_at": _iso(appeal.finish_due_at), "overdue": _overdue_now(appeal, at),
        "reply": appeal.reply, "reply_files": await _files_out(appeal.reply_files, prefix, appeal.id),
        "out_of_scope": appeal.out_of_scope, "competent_department": appeal.competent_department,
        "rating": appeal.rating.value if appeal.rating else None,
        "rating_label": RATING_LABELS[appeal.rating] if appeal.rating else None,
        "rating_comment": appeal.rating_comment, "reopened_once": appeal.reopened_once,
        "timeline": await _timeline(appeal, public=True, prefix=prefix),
        "allowed_actions": allowed,
    }


def _owner_caller(appeal: Appeal, owner: Owner | None) -> Caller:
    return Caller(frozenset({wf.OWNER}) if owner and appeal.business_id == owner.business_id else frozenset())


def _owner_allowed(appeal: Appeal, owner: Owner | None) -> list[str]:
    return wf.allowed_actions(appeal.status, _owner_caller(appeal, owner), rating=appeal.rating,
                              reopened_once=appeal.reopened_once)


async def _get_own(owner: Owner, appeal_id: int) -> Appeal:
    appeal = await Appeal.get_or_none(id=appeal_id, business_id=owner.business_id)
    if appeal is None:
        raise e.AppealNotFound()
    return appeal


async def my_appeals(*, owner: Owner, status: str | None = None, cursor: str | None,
                     limit: int) -> dict[str, Any]:
    """The appeals of the current business, newest first."""
    qs = Appeal.filter(business_id=owner.business_id)
    if status:
        qs = qs.filter(status=status)
    rows, nxt = await keyset(qs, cursor=cursor, limit=limit)
    at = now()
    items = [{"id": a.id, "title": a.title, "type": a.type.value, "type_label": TYPE_LABELS[a.type],
              "department": a.department, "status": a.status.value, "status_label": STATUS_LABELS[a.status],
              "query_code": a.query_code, "submitted_at": _iso(a.submitted_at), "replied_at": _iso(a.replied_at),
              "overdue": _overdue_now(a, at), "rating": a.rating.value if a.rating else None,
              "allowed_actions": _owner_allowed(a, owner)} for a in rows]
    return {"items": items, "next": nxt}


async def my_appeal(*, owner: Owner, appeal_id: int) -> dict[str, Any]:
    appeal = await _get_own(owner, appeal_id)
    return await _owner_view(appeal, allowed=_owner_allowed(appeal, owner), prefix="/api/v1/mp")


async def query(deps: Deps, *, code: str, password: str, ip: str, owner: Owner | None = None) -> dict[str, Any]:
    """Query code + password → status, timeline and reply; rate-limited per IP and per code."""
    s = cfg.appeal_settings()
    limited = await hit(deps.cache, f"appeal-query-ip:{ip}", limit=s.query_ip_limit, window=s.query_ip_window)
    if not limited.allowed:
        raise errors.RateLimited(data={"retry_after": limited.retry_after})
    code = code.strip().upper()
    fail_key = f"appeal-query-fail:{code}"
    if int(await deps.cache.get(fail_key) or 0) >= s.query_code_failures:
        raise errors.TooManyAttempts(data={"retry_after": s.query_code_window})
    appeal = await Appeal.get_or_none(query_code=code)
    ok = appeal is not None and hmac.compare_digest(appeal.query_password_hash, _query_digest(deps, password))
    if not ok or appeal is None:
        await deps.cache.incr(fail_key, s.query_code_window)
        raise e.AppealQueryFailed()
    await deps.cache.delete(fail_key)
    view = await _owner_view(appeal, allowed=_owner_allowed(appeal, owner), prefix="/api/v1/mp")
    # Whoever holds the code and password sees the photos and reply files too, without logging in: each
    # file gets a link signed for this appeal and file that expires (QUERY_FILE_TTL).
    expires = int(datetime.now(UTC).timestamp()) + QUERY_FILE_TTL
    for f in [*view["photos"], *view["reply_files"], *(f for ev in view["timeline"] for f in ev["files"])]:
        f["url"] = f"/api/v1/mp/appeals/query-files/{_sign_file(deps, appeal.id, f['id'], expires)}"
    return view


QUERY_FILE_TTL = 1800  # seconds a file link of a code + password query stays valid


def _file_mac(deps: Deps, message: str) -> str:
    key = deps.settings.secret_key.encode()
    return hmac.new(key, f"appeal-query-file:{message}".encode(), hashlib.sha256).hexdigest()[:32]


def _sign_file(deps: Deps, appeal_id: int, file_id: int, expires: int) -> str:
    message = f"{appeal_id}.{file_id}.{expires}"
    return f"{message}.{_file_mac(deps, message)}"


async def query_file(deps: Deps, *, token: str) -> tuple[StoredFile, bytes]:
    """A file of an appeal through a link handed out by `query` (signed, expiring)."""
    parts = token.split(".")
    if len(parts) != 4 or not all(p.isdigit() for p in parts[:3]):
        raise errors.NotFound("文件不存在")
    message = ".".join(parts[:3])
    if not hmac.compare_digest(parts[3], _file_mac(deps, message)):
        raise errors.NotFound("文件不存在")
    appeal_id, file_id, expires = (int(p) for p in parts[:3])
    if expires < datetime.now(UTC).timestamp():
        raise e.AppealFileLinkExpired()
    appeal = await Appeal.get_or_none(id=appeal_id)
    if appeal is None:
        raise errors.NotFound("文件不存在")
    public = await AppealEvent.filter(appeal_id=appeal_id, action__in=list(_PUBLIC_ACTIONS))
    if file_id not in set(appeal.photos) | set(appeal.reply_files) | _event_files(public):
        raise errors.NotFound("文件不存在")
    return await _read(deps, file_id)


async def owner_file(deps: Deps, *, owner: Owner, appeal_id: int, file_id: int) -> tuple[StoredFile, bytes]:
    appeal = await _get_own(owner, appeal_id)
    if file_id not in set(appeal.photos) | set(appeal.reply_files):
        raise errors.NotFound("文件不存在")
    return await _read(deps, file_id)


async def _read(deps: Deps, file_id: int) -> tuple[StoredFile, bytes]:
    f = await StoredFile.get_or_none(id=file_id)
    if f is None:
        raise errors.NotFound("文件不存在")
    return f, await asyncio.to_thread(deps.storage.open, f.sha256)


# ----------------------------------------------------------------------------- transitions


async def _transition(*, appeal: Appeal, caller: Caller, action: Action, actor_type: str, actor_id: int | None,
                      actor_name: str, actor_org_id: int | None, comment: str = "",
                      payload: dict[str, Any] | None = None, updates: dict[str, Any], conn: Any,
                      at: datetime) -> AppealStatus:
    """Check the table, move the status (guarded by the old one), write the event: one transaction."""
    old = appeal.status
    target = wf.next_status(old, action, caller, rating=appeal.rating, reopened_once=appeal.reopened_once)
    changed = await Appeal.filter(id=appeal.id, status=old).using_db(conn).update(
        status=target, updated_at=at, **updates)
    if changed != 1:
        raise e.AppealStateChanged()
    await AppealEvent.create(appeal_id=appeal.id, actor_type=actor_type, actor_id=actor_id, actor_name=actor_name,
                             actor_org_id=actor_org_id, action=action.value, from_status=old.value,
                             to_status=target.value, comment=comment, payload=payload or {}, at=at, using_db=conn)
    return target


async def _load_for_staff(actor: StaffUser, appeal_id: int) -> tuple[Appeal, set[int]]:
    if not permissions_of(actor.roles) & (_VIEW_PERMS | {Perm.APPEAL_HANDLE.value}):
        raise errors.Forbidden(data={"permission": Perm.APPEAL_DESK.value})
    appeal = await Appeal.get_or_none(id=appeal_id)
    ids = await _scope_ids(actor)
    if appeal is None or not _can_view(actor, appeal, ids):
        # Out of scope looks the same as missing: ids of other orgs' appeals are not confirmed.
        raise e.AppealNotFound()
    return appeal, ids


async def _staff_action(deps: Deps, *, actor: StaffUser, appeal_id: int, action: Action, comment: str = "",
                        payload: dict[str, Any] | None = None, updates: dict[str, Any] | None = None,
                        prepare: Any = None) -> dict[str, Any]:
    appeal, ids = await _load_for_staff(actor, appeal_id)
    caller = _staff_caller(actor, appeal)
    # Refuse before validating the payload, so a wrong actor learns nothing about the input rules.
    wf.next_status(appeal.status, action, caller, rating=appeal.rating, reopened_once=appeal.reopened_once)
    at = now()
    updates = dict(updates or {})
    payload = dict(payload or {})
    if prepare is not None:
        await prepare(appeal, updates, payload, at)
    before = {"status": appeal.status.value, "unit_org_id": appeal.unit_org_id}
    async with in_transaction() as conn:
        target = await _transition(appeal=appeal, caller=caller, action=action, actor_type="staff",
                                   actor_id=actor.id, actor_name=actor.name, actor_org_id=actor.org_id,
                                   comment=comment, payload=payload, updates=updates, conn=conn, at=at)
        if action in (Action.REPORT, Action.SEND_BACK):
            await TransferSlip.filter(appeal_id=appeal.id, closed_at__isnull=True).using_db(conn).update(
                closed_at=at, outcome="reported" if action is Action.REPORT else "sent_back")
        await audit.record(actor=actor, action=f"appeal.{action.value}", target_type="appeal", target_id=appeal.id,
                           before=before, after={"status": target.value, **_jsonable(updates)}, using_db=conn)
    await home_events.touch_business(deps.cache, appeal.business_id)  # the home screen's reply count
    if action in (Action.REPLY, Action.REPLY_OUT_OF_SCOPE):
        _notify_replied(deps, appeal.id)
    return await _after_action(deps, actor, appeal.id, target)


async def _after_action(deps: Deps, actor: StaffUser, appeal_id: int, target: AppealStatus) -> dict[str, Any]:
    try:
        return await staff_detail(deps, actor=actor, appeal_id=appeal_id)
    except e.AppealNotFound:
        # A unit that sent an appeal back no longer sees it: the answer says so instead of failing.
        return {"id": appeal_id, "status": target.value, "status_label": STATUS_LABELS[target],
                "allowed_actions": [], "visible": False}


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: (_iso(v) if isinstance(v, datetime) else v) for k, v in values.items()
            if k not in ("reply", "competent_department")}


async def accept(deps: Deps, *, actor: StaffUser, appeal_id: int, comment: str = "", type: AppealType | None = None,
                 department: str | None = None) -> dict[str, Any]:
    """受理 and 甄别分类: the desk accepts, may correct type and department; the transfer clock starts."""
    s = cfg.appeal_settings()

    async def prepare(appeal: Appeal, updates: dict[str, Any], payload: dict[str, Any], at: datetime) -> None:
        if department is not None and department not in s.departments:
            raise e.AppealDepartmentInvalid(data={"departments": s.departments})
        updates.update(accepted_at=at, transfer_due_at=cfg.add_days(at, s.transfer_days, s.day_unit))
        if type is not None and type != appeal.type:
            updates["type"] = type
            payload["type"] = {"from": appeal.type.value, "to": type.value}
        if department is not None and department != appeal.department:
            updates["department"] = department
            payload["department"] = {"from": appeal.department, "to": department}

    return await _staff_action(deps, actor=actor, appeal_id=appeal_id, action=Action.ACCEPT, comment=comment,
                               prepare=prepare)


async def transfer(deps: Deps, *, actor: StaffUser, appeal_id: int, unit_org_id: int, requirements: str,
                   due_at: datetime | None = None) -> dict[str, Any]:
    """转办: a transfer slip to an undertaking unit in the desk's scope."""

    async def prepare(appeal: Appeal, updates: dict[str, Any], payload: dict[str, Any], at: datetime) -> None:
        unit = await Org.get_or_none(id=unit_org_id)
        if unit is None or not await scope.in_scope(actor, unit_org_id):
            raise e.AppealUnitInvalid(data={"unit_org_id": unit_org_id})
        due = due_at or appeal.finish_due_at
        if due.tzinfo is None:
            due = due.replace(tzinfo=UTC)
        if due <= at:
            raise e.AppealDueInvalid()
        if due > at + timedelta(days=366):
            raise e.AppealDueInvalid("办理期限不能超过一年")
        updates.update(unit_org_id=unit.id, transferred_at=at)
        if appeal.transfer_on_time is None:
            updates["transfer_on_time"] = appeal.transfer_due_at is None or at <= appeal.transfer_due_at
        payload.update(unit_org_id=unit.id, unit_org_name=unit.name, requirements=requirements,
                       due_at=_iso(due), due_at_dt=due)

    return await _transfer_action(deps, actor=actor, appeal_id=appeal_id, requirements=requirements,
                                  prepare=prepare)


async def _transfer_action(deps: Deps, *, actor: StaffUser, appeal_id: int, requirements: str,
                           prepare: Any) -> dict[str, Any]:
    appeal, ids = await _load_for_staff(actor, appeal_id)
    caller = _staff_caller(actor, appeal)
    wf.next_status(appeal.status, Action.TRANSFER, caller, rating=appeal.rating, reopened_once=appeal.reopened_once)
    at = now()
    updates: dict[str, Any] = {}
    payload: dict[str, Any] = {}
    await prepare(appeal, updates, payload, at)
    due = payload.pop("due_at_dt")  # the slip row takes the datetime; the event payload keeps ISO text
    before = {"status": appeal.status.value, "unit_org_id": appeal.unit_org_id}
    async with in_transaction() as conn:
        target = await _transition(appeal=appeal, caller=caller, action=Action.TRANSFER, actor_type="staff",
                                   actor_id=actor.id, actor_name=actor.name, actor_org_id=actor.org_id,
                                   comment=requirements, payload=payload, updates=updates, conn=conn, at=at)
        await TransferSlip.create(appeal_id=appeal.id, unit_org_id=updates["unit_org_id"], requirements=requirements,
                                  due_at=due, created_by_id=actor.id, created_at=at, using_db=conn)
        await audit.record(actor=actor, action="appeal.transfer", target_type="appeal", target_id=appeal.id,
                           before=before, after={"status": target.value, **_jsonable(updates)}, using_db=conn)
    return await staff_detail(deps, actor=actor, appeal_id=appeal.id)


async def reply_out_of_scope(deps: Deps, *, actor: StaffUser, appeal_id: int, department_name: str,
                             contact_person: str, phone: str, comment: str = "") -> dict[str, Any]:
    """Out of the market regulator's remit: tell the business which department to turn to (§21)."""
    competent = {"department_name": department_name, "contact_person": contact_person, "phone": phone}
    text = (f"您的诉求不属于市场监管部门职责范围，请向{department_name}咨询或提出诉求。"
            f"联系人：{contact_person}，联系电话：{phone}。" + (f"{comment}" if comment else ""))

    async def prepare(appeal: Appeal, updates: dict[str, Any], payload: dict[str, Any], at: datetime) -> None:
        updates.update(_answer_updates(appeal, at), out_of_scope=True, reply=text, competent_department=competent)
        payload.update(competent)

    return await _staff_action(deps, actor=actor, appeal_id=appeal_id, action=Action.REPLY_OUT_OF_SCOPE,
                               comment=text, prepare=prepare)


def _answer_updates(appeal: Appeal, at: datetime) -> dict[str, Any]:
    updates: dict[str, Any] = {"replied_at": at}
    if appeal.finish_on_time is None:  # the first answer decides the on-time statistics
        on_time = at <= appeal.finish_due_at
        updates.update(finish_on_time=on_time, handling_seconds=int((at - appeal.submitted_at).total_seconds()))
        if not on_time:
            updates.update(finish_overdue=True, is_overdue=True)
    return updates


async def report(deps: Deps, *, actor: StaffUser, appeal_id: int, result: str, files: list[int]) -> dict[str, Any]:
    """The undertaking unit reports the result with evidence files to the desk."""

    async def prepare(appeal: Appeal, updates: dict[str, Any], payload: dict[str, Any], at: datetime) -> None:
        payload["files"] = await _check_files(files, owner_type="staff", owner_id=actor.id)
        updates["reported_at"] = at

    return await _staff_action(deps, actor=actor, appeal_id=appeal_id, action=Action.REPORT, comment=result,
                               prepare=prepare)


async def send_back(deps: Deps, *, actor: StaffUser, appeal_id: int, reason: str) -> dict[str, Any]:
    """The unit returns a wrongly transferred appeal to the desk, with a reason."""
    return await _staff_action(deps, actor=actor, appeal_id=appeal_id, action=Action.SEND_BACK, comment=reason,
                               updates={"unit_org_id": None})


async def reply(deps: Deps, *, actor: StaffUser, appeal_id: int, reply: str, files: list[int]) -> dict[str, Any]:
    """The desk replies to the business (with the unit's evidence or its own files)."""

    async def prepare(appeal: Appeal, updates: dict[str, Any], payload: dict[str, Any], at: datetime) -> None:
        events = await AppealEvent.filter(appeal_id=appeal.id)
        checked = await _check_files(files, owner_type="staff", owner_id=actor.id, also_allowed=_event_files(events))
        payload["files"] = checked
        updates.update(_answer_updates(appeal, at), reply=reply, reply_files=checked, out_of_scope=False)

    return await _staff_action(deps, actor=actor, appeal_id=appeal_id, action=Action.REPLY, comment=reply,
                               prepare=prepare)


async def _owner_action(deps: Deps, *, owner: Owner, appeal_id: int, action: Action, comment: str,
                        updates: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    appeal = await _get_own(owner, appeal_id)
    at = now()
    async with in_transaction() as conn:
        await _transition(appeal=appeal, caller=_owner_caller(appeal, owner), action=action, actor_type="person",
                          actor_id=owner.person.id, actor_name=owner.person.name, actor_org_id=None,
                          comment=comment, payload=payload, updates=updates, conn=conn, at=at)
    await home_events.touch_business(deps.cache, appeal.business_id)
    return await my_appeal(owner=owner, appeal_id=appeal_id)


async def rate(deps: Deps, *, owner: Owner, appeal_id: int, rating: Rating, comment: str = "") -> dict[str, Any]:
    """The business rates the reply: 满意 / 基本满意 / 不满意."""
    return await _owner_action(deps, owner=owner, appeal_id=appeal_id, action=Action.RATE, comment=comment,
                               updates={"rating": rating, "rating_comment": comment, "rated_at": now()},
                               payload={"rating": rating.value, "rating_label": RATING_LABELS[rating]})


async def reopen(deps: Deps, *, owner: Owner, appeal_id: int, comment: str) -> dict[str, Any]:
    """A 不满意 rating reopens the appeal once: back to the desk with a fresh transfer and finish clock."""
    s = cfg.appeal_settings()
    at = now()
    return await _owner_action(deps, owner=owner, appeal_id=appeal_id, action=Action.REOPEN, comment=comment,
                               updates={"reopened_once": True, "unit_org_id": None, "accepted_at": at,
                                        "transfer_due_at": cfg.add_days(at, s.transfer_days, s.day_unit),
                                        "finish_due_at": cfg.add_days(at, s.finish_days, s.day_unit)},
                               payload={})


# ----------------------------------------------------------------------------- notification

_background: set[asyncio.Task[Any]] = set()


def _notify_replied(deps: Deps, appeal_id: int) -> None:
    """Fire and forget: a refused subscription (43101) or WeChat being down never fails the staff action."""
    task = asyncio.create_task(_send_replied(deps, appeal_id))
    _background.add(task)
    task.add_done_callback(_background.discard)


async def _send_replied(deps: Deps, appeal_id: int) -> None:
    try:
        appeal = await Appeal.get(id=appeal_id).prefetch_related("person")
        openid = appeal.person.wechat_openid
        if not openid:
            return
        s = cfg.appeal_settings()
        await deps.wechat.send_subscribe_message(
            openid=openid, template_id=s.wechat_template_id, page=f"{s.wechat_page}?id={appeal.id}",
            data={"thing1": appeal.title[:20], "phrase2": "已回复",
                  "time3": (appeal.replied_at or now()).astimezone(cfg.SHANGHAI).strftime("%Y-%m-%d %H:%M"),
                  "thing4": "请在个体通小程序查看回复并评价"})
    except Exception:  # noqa: BLE001 - logged, never raised into the staff action
        log.warning("appeal %s: reply notification not sent", appeal_id, exc_info=True)


async def wait_background() -> None:
    """Let pending notifications finish (tests, graceful shutdown)."""
    if _background:
        await asyncio.gather(*list(_background), return_exceptions=True)


# ----------------------------------------------------------------------------- staff reads


async def staff_detail(deps: Deps, *, actor: StaffUser, appeal_id: int) -> dict[str, Any]:
    appeal, ids = await _load_for_staff(actor, appeal_id)
    await appeal.fetch_related("business", "org", "unit_org", "person")
    at = now()
    prefix = "/api/v1/admin"
    slips = await TransferSlip.filter(appeal_id=appeal.id).order_by("id").prefetch_related("unit_org")
    sups = await Supervision.filter(appeal_id=appeal.id).order_by("id").prefetch_related("from_org", "staff")
    caller = _staff_caller(actor, appeal)
    allowed = wf.allowed_actions(appeal.status, caller, rating=appeal.rating, reopened_once=appeal.reopened_once)
    if _can_supervise(actor, appeal, ids):
        allowed.append("supervise")
    return {
        **_queue_item(appeal, at, caller_allowed=allowed),
        "content": appeal.content,
        "photos": await _files_out(appeal.photos, prefix, appeal.id),
        "business": {"id": appeal.business.id, "name": appeal.business.name, "uscc": appeal.business.uscc,
                     "operator_name": appeal.business.operator_name, "address": appeal.business.address},
        "person": {"id": appeal.person.id, "name": appeal.person.name},
        "region_code": appeal.region_code,
        "accepted_at": _iso(appeal.accepted_at), "transferred_at": _iso(appeal.transferred_at),
        "reported_at": _iso(appeal.reported_at),
        "reply": appeal.reply, "reply_files": await _files_out(appeal.reply_files, prefix, appeal.id),
        "competent_department": appeal.competent_department,
        "rating_comment": appeal.rating_comment, "reopened_once": appeal.reopened_once,
        "transfer_slips": [{"id": sl.id, "unit_org": {"id": sl.unit_org.id, "name": sl.unit_org.name},
                            "requirements": sl.requirements, "due_at": _iso(sl.due_at),
                            "created_at": _iso(sl.created_at), "closed_at": _iso(sl.closed_at),
                            "outcome": sl.outcome} for sl in slips],
        "supervisions": [{"id": sv.id, "from_org": {"id": sv.from_org.id, "name": sv.from_org.name},
                          "staff_name": sv.staff.name, "content": sv.content, "created_at": _iso(sv.created_at)}
                         for sv in sups],
        "timeline": await _timeline(appeal, public=False, prefix=prefix),
    }


def _queue_item(a: Appeal, at: datetime, *, caller_allowed: list[str]) -> dict[str, Any]:
    return {
        "id": a.id, "query_code": a.query_code, "title": a.title, "type": a.type.value,
        "type_label": TYPE_LABELS[a.type], "department": a.department,
        "status": a.status.value, "status_label": STATUS_LABELS[a.status],
        "business": {"id": a.business.id, "name": a.business.name},
        "org": {"id": a.org.id, "name": a.org.name},
        "unit_org": {"id": a.unit_org.id, "name": a.unit_org.name} if a.unit_org else None,
        "submitted_at": _iso(a.submitted_at), "replied_at": _iso(a.replied_at),
        **_time_fields(a, at),
        "out_of_scope": a.out_of_scope,
        "rating": a.rating.value if a.rating else None,
        "rating_label": RATING_LABELS[a.rating] if a.rating else None,
        "allowed_actions": caller_allowed,
    }


def _period(date_from: date | None, date_to: date | None) -> tuple[datetime | None, datetime | None]:
    tz = cfg.SHANGHAI
    start = datetime.combine(date_from, time.min, tz) if date_from else None
    end = datetime.combine(date_to + timedelta(days=1), time.min, tz) if date_to else None
    return start, end


def _overdue_q(at: datetime) -> Q:
    return Q(status__in=list(OPEN_STATUSES)) & (
        Q(is_overdue=True) | Q(finish_due_at__lt=at)
        | Q(status=AppealStatus.ACCEPTED, transfer_due_at__lt=at))


async def _queue_qs(actor: StaffUser, f: dict[str, Any], *, with_status: bool = True) -> Any:
    qs = Appeal.filter(_visible_q(actor))
    at = now()
    if f.get("org_id") is not None:
        await scope.ensure_in_scope(actor, f["org_id"])
        qs = qs.filter(org_id__in=scope.subtree(f["org_id"]))
    if with_status and f.get("status"):
        qs = qs.filter(status=f["status"])
    if f.get("type"):
        qs = qs.filter(type=f["type"])
    if f.get("department"):
        qs = qs.filter(department=f["department"])
    if f.get("unit_org_id") is not None:
        qs = qs.filter(unit_org_id=f["unit_org_id"])
    start, end = _period(f.get("date_from"), f.get("date_to"))
    if start:
        qs = qs.filter(submitted_at__gte=start)
    if end:
        qs = qs.filter(submitted_at__lt=end)
    if f.get("overdue") is True:
        qs = qs.filter(_overdue_q(at))
    elif f.get("overdue") is False:
        qs = qs.exclude(_overdue_q(at))
    if f.get("due_soon"):
        soon = at + timedelta(hours=cfg.appeal_settings().due_soon_hours)
        qs = qs.filter(status__in=list(OPEN_STATUSES), finish_due_at__gte=at, finish_due_at__lt=soon)
    if f.get("q"):
        text = f["q"].strip()
        qs = qs.filter(Q(title__icontains=text) | Q(query_code=text.upper())) if len(text) <= 16 else \
            qs.filter(title__icontains=text)
    return qs


async def _items(actor: StaffUser, rows: list[Appeal]) -> list[dict[str, Any]]:
    ids = await _scope_ids(actor)
    at = now()
    supervised: dict[int, int] = {}
    for appeal_id in await Supervision.filter(appeal_id__in=[a.id for a in rows]).values_list("appeal_id",
                                                                                              flat=True):
        supervised[appeal_id] = supervised.get(appeal_id, 0) + 1
    out = []
    for a in rows:
        allowed = wf.allowed_actions(a.status, _staff_caller(actor, a), rating=a.rating,
                                     reopened_once=a.reopened_once)
        if _can_supervise(actor, a, ids):
            allowed.append("supervise")
        out.append({**_queue_item(a, at, caller_allowed=allowed), "supervision_count": supervised.get(a.id, 0)})
    return out


async def queue(deps: Deps, *, actor: StaffUser, filters: dict[str, Any], cursor: str | None,
                limit: int) -> dict[str, Any]:
    """The staff queue: what the caller's scope holds, newest first, with the caller's actions."""
    qs = await _queue_qs(actor, filters)
    rows, nxt = await keyset(qs.prefetch_related("business", "org", "unit_org"), cursor=cursor, limit=limit)
    return {"items": await _items(actor, rows), "next": nxt}


async def counts(*, actor: StaffUser, filters: dict[str, Any]) -> dict[str, Any]:
    """Counts by status under the same filters (the queue's tabs)."""
    qs = await _queue_qs(actor, filters, with_status=False)
    rows = await qs.annotate(n=Count("id")).group_by("status").values("status", "n")
    by = {str(r["status"]): r["n"] for r in rows}
    return {"total": sum(by.values()),
            "by_status": [{"status": s.value, "label": label, "count": by.get(s.value, 0)}
                          for s, label in STATUS_LABELS.items()]}


async def overdue_below(*, actor: StaffUser, cursor: str | None, limit: int) -> dict[str, Any]:
    """Overdue appeals of every org below the caller's (督办 list)."""
    if Perm.APPEAL_SUPERVISE.value not in permissions_of(actor.roles):
        raise errors.Forbidden(data={"permission": Perm.APPEAL_SUPERVISE.value})
    qs = Appeal.filter(org_id__in=scope.subtree(actor.org_id)).exclude(org_id=actor.org_id).filter(_overdue_q(now()))
    rows, nxt = await keyset(qs.prefetch_related("business", "org", "unit_org"), cursor=cursor, limit=limit)
    return {"items": await _items(actor, rows), "next": nxt}


async def supervise(deps: Deps, *, actor: StaffUser, appeal_id: int, content: str) -> dict[str, Any]:
    """督办: a superior org's notice to the handler, shown on the appeal."""
    appeal, ids = await _load_for_staff(actor, appeal_id)
    if not _can_supervise(actor, appeal, ids):
        raise e.AppealSuperviseNotAllowed()
    at = now()
    to_org = appeal.unit_org_id if appeal.status == AppealStatus.TRANSFERRED and appeal.unit_org_id else appeal.org_id
    async with in_transaction() as conn:
        sv = await Supervision.create(appeal_id=appeal.id, from_org_id=actor.org_id, to_org_id=to_org,
                                      staff_id=actor.id, content=content, created_at=at, using_db=conn)
        await AppealEvent.create(appeal_id=appeal.id, actor_type="staff", actor_id=actor.id, actor_name=actor.name,
                                 actor_org_id=actor.org_id, action="supervise", from_status=appeal.status.value,
                                 to_status=appeal.status.value, comment=content,
                                 payload={"to_org_id": to_org, "supervision_id": sv.id}, at=at, using_db=conn)
        await audit.record(actor=actor, action="appeal.supervise", target_type="appeal", target_id=appeal.id,
                           after={"to_org_id": to_org, "content": content}, using_db=conn)
    return await staff_detail(deps, actor=actor, appeal_id=appeal.id)


async def staff_file(deps: Deps, *, actor: StaffUser, appeal_id: int, file_id: int) -> tuple[StoredFile, bytes]:
    """An attachment of an appeal the caller can see (photos, evidence, reply files)."""
    appeal, _ = await _load_for_staff(actor, appeal_id)
    events = await AppealEvent.filter(appeal_id=appeal.id)
    if file_id not in set(appeal.photos) | set(appeal.reply_files) | _event_files(events):
        raise errors.NotFound("文件不存在")
    return await _read(deps, file_id)


# ----------------------------------------------------------------------------- time limits


async def mark_overdue(at: datetime | None = None) -> dict[str, int]:
    """Mark appeals past their transfer or finish limit (idempotent; safe to run on every process)."""
    at = (at or now()).astimezone(cfg.SHANGHAI)
    transfer = await Appeal.filter(status=AppealStatus.ACCEPTED, transfer_overdue=False,
                                   transfer_due_at__lt=at).update(transfer_overdue=True, is_overdue=True)
    finish = await Appeal.filter(status__in=list(OPEN_STATUSES), finish_overdue=False,
                                 finish_due_at__lt=at).update(finish_overdue=True, is_overdue=True)
    if transfer or finish:
        log.info("appeals marked overdue: transfer=%s finish=%s", transfer, finish)
    return {"transfer": transfer, "finish": finish}


# ----------------------------------------------------------------------------- statistics


def _metrics(at: datetime) -> dict[str, Any]:
    return {
        "received": Count("id"),
        "accepted": Count("id", _filter=Q(accepted_at__isnull=False)),
        "transferred": Count("id", _filter=Q(transfer_on_time__isnull=False)),
        "transferred_on_time": Count("id", _filter=Q(transfer_on_time=True)),
        "finished": Count("id", _filter=Q(finish_on_time__isnull=False)),
        "finished_on_time": Count("id", _filter=Q(finish_on_time=True)),
        "overdue": Count("id", _filter=Q(is_overdue=True) | Q(status__in=list(OPEN_STATUSES),
                                                               finish_due_at__lt=at)),
        "open_overdue": Count("id", _filter=_overdue_q(at)),
        "rated": Count("id", _filter=Q(rating__isnull=False)),
        "good": Count("id", _filter=Q(rating__in=[Rating.SATISFIED.value, Rating.BASIC.value])),
        "avg_seconds": Avg("handling_seconds"),
        "handled": Count("id", _filter=Q(handling_seconds__isnull=False)),
    }


def _pct(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 1) if den else None


def _stat_row(r: dict[str, Any]) -> dict[str, Any]:
    n = {k: int(r.get(k) or 0) for k in ("received", "accepted", "transferred", "transferred_on_time", "finished",
                                         "finished_on_time", "overdue", "open_overdue", "rated", "good")}
    avg = r.get("avg_seconds")
    return {
        "received": n["received"], "accepted": n["accepted"], "transferred": n["transferred"],
        "transferred_within_limit": n["transferred_on_time"],
        "transferred_within_limit_pct": _pct(n["transferred_on_time"], n["transferred"]),
        "finished": n["finished"], "finished_within_limit": n["finished_on_time"],
        # Decided cases: answered ones plus the open ones already past the limit.
        "finished_within_limit_pct": _pct(n["finished_on_time"], n["finished"] + n["open_overdue"]),
        "overdue": n["overdue"], "rated": n["rated"], "satisfied": n["good"],
        "satisfaction_pct": _pct(n["good"], n["rated"]),
        "avg_handling_hours": round(float(avg) / 3600, 1) if avg is not None else None,
    }


def _month_expr() -> RawSQL:
    """The submission month in Shanghai time as 'YYYY-MM' (SQLite stores +08:00 text already)."""
    if connections.get("default").capabilities.dialect == "postgres":
        return RawSQL("to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')")
    return RawSQL("substr(submitted_at, 1, 7)")


def _months(start: date, end: date) -> list[str]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


async def stats(*, actor: StaffUser, org_id: int | None, date_from: date | None,
                date_to: date | None, group_by: str = "org") -> dict[str, Any]:
    """Statistics of an org subtree over a period (by submission date), in total and per handling org, per
    submission month (trend) or per appeal type — one grouped scan each."""
    if Perm.APPEAL_STATS.value not in permissions_of(actor.roles):
        raise errors.Forbidden(data={"permission": Perm.APPEAL_STATS.value})
    root = org_id if org_id is not None else actor.org_id
    await scope.ensure_in_scope(actor, root)
    root_org = await Org.get_or_none(id=root)
    if root_org is None:
        raise errors.NotFound("机构不存在")
    qs = Appeal.filter(org_id__in=scope.subtree(root))
    start, end = _period(date_from, date_to)
    if start:
        qs = qs.filter(submitted_at__gte=start)
    if end:
        qs = qs.filter(submitted_at__lt=end)
    at = now()
    metrics = _metrics(at)
    key = {"org": "org_id", "type": "type", "month": "month"}[group_by]
    if group_by == "month":
        qs = qs.annotate(month=_month_expr())
    # One grouped scan; the subtree total is the sum of its groups (the average weighted by handled cases).
    groups = await qs.annotate(**metrics).group_by(key).values(key, *metrics.keys())
    total: dict[str, Any] = {k: sum(int(r.get(k) or 0) for r in groups) for k in metrics if k != "avg_seconds"}
    handled = total["handled"]
    total["avg_seconds"] = (sum(float(r["avg_seconds"] or 0) * int(r["handled"] or 0) for r in groups) / handled
                            if handled else None)
    out: dict[str, Any] = {"org": {"id": root_org.id, "name": root_org.name},
                           "from": date_from.isoformat() if date_from else None,
                           "to": date_to.isoformat() if date_to else None, "group_by": group_by,
                           "total": _stat_row(total)}
    if group_by == "org":
        names = {o.id: o.name for o in await Org.filter(id__in=[r["org_id"] for r in groups])}
        out["by_org"] = sorted(({"org": {"id": r["org_id"], "name": names.get(r["org_id"], "")}, **_stat_row(r)}
                                for r in groups), key=lambda x: -x["received"])
    elif group_by == "type":
        found = {str(r["type"].value if hasattr(r["type"], "value") else r["type"]): r for r in groups}
        out["by_type"] = [{"type": t.value, "label": label, **_stat_row(found.get(t.value, {}))}
                          for t, label in TYPE_LABELS.items()]
    else:
        found = {r["month"]: r for r in groups}
        months = sorted(found)
        if date_from and date_to:  # every month of the period, the empty ones as zeros: a trend has no holes
            months = _months(date_from, date_to)
        out["by_month"] = [{"month": m, **_stat_row(found.get(m, {}))} for m in months]
    return out


# ----------------------------------------------------------------------------- Excel


def _xlsx(title: str, header: list[str], rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    ws.append(header)
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _local(value: str | None) -> str:
    return datetime.fromisoformat(value).astimezone(cfg.SHANGHAI).strftime("%Y-%m-%d %H:%M") if value else ""


async def export_queue(deps: Deps, *, actor: StaffUser, filters: dict[str, Any]) -> bytes:
    """The filtered queue as an Excel file (newest first, up to APPEAL_EXPORT_MAX_ROWS rows)."""
    qs = await _queue_qs(actor, filters)
    rows = await qs.order_by("-id").limit(cfg.appeal_settings().export_max_rows).prefetch_related(
        "business", "org", "unit_org")
    at = now()
    data = []
    for a in rows:
        item = _queue_item(a, at, caller_allowed=[])
        data.append([a.query_code, a.title, item["type_label"], a.department, item["status_label"],
                     a.business.name, a.org.name, a.unit_org.name if a.unit_org else "",
                     _local(item["submitted_at"]), _local(item["finish_due_at"]), _local(item["replied_at"]),
                     "是" if item["overdue"] or item["ever_overdue"] else "否", item["rating_label"] or ""])
    header = ["查询码", "诉求标题", "诉求类型", "办理部门", "状态", "经营主体", "主管机构", "承办单位", "提交时间",
              "办结期限", "回复时间", "是否超期", "评价"]
    return await asyncio.to_thread(_xlsx, "诉求列表", header, data)


async def export_stats(*, actor: StaffUser, org_id: int | None, date_from: date | None,
                       date_to: date | None) -> bytes:
    result = await stats(actor=actor, org_id=org_id, date_from=date_from, date_to=date_to)

    def line(name: str, r: dict[str, Any]) -> list[Any]:
        return [name, r["received"], r["accepted"], r["transferred_within_limit_pct"], r["finished"],
                r["finished_within_limit_pct"], r["overdue"], r["satisfaction_pct"], r["avg_handling_hours"]]

    header = ["机构", "收到诉求", "已受理", "1日内转办率(%)", "已办结", "15日内办结率(%)", "超期", "好评率(%)",
              "平均办理时长(小时)"]
    data = [line(f"{result['org']['name']}（合计）", result["total"])]
    data += [line(r["org"]["name"], r) for r in result["by_org"]]
    return await asyncio.to_thread(_xlsx, "诉求统计", header, data)
