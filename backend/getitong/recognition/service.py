"""名特优新 use-cases: notices (staff), the owner's wizard (seed 000 §1.1.8), review, the published list.

Every status change runs in one transaction: an update guarded by the expected old status (two clicks at once
cannot both win), the event row and, for staff, the audit row. The home screen of the business is invalidated
after each status change.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from getitong.accounts.models import Person
from getitong.common import home_events
from getitong.core import audit, errors
from getitong.core.deps import Deps
from getitong.core.models import StoredFile
from getitong.core.pagination import keyset
from getitong.core.storage import DOCUMENT_TYPES, IMAGE_TYPES
from getitong.entities.models import Business
from getitong.recognition import config as cfg
from getitong.recognition import errors as e
from getitong.recognition import schemas as s
from getitong.recognition import workflow as wf
from getitong.recognition.models import (
    CATEGORY_LABELS,
    CATEGORY_NAMES,
    MATERIAL_LABELS,
    STEP_LABELS,
    STEPS,
    SUBJECT_LABELS,
    Category,
    MaterialType,
    RecognitionApplication,
    RecognitionEvent,
    RecognitionNotice,
    Step,
    SubjectType,
)
from getitong.recognition.workflow import (
    NOTICE_STATUS_LABELS,
    REVIEW_STATUSES,
    STATUS_LABELS,
    Action,
    AppStatus,
    NoticeAction,
    NoticeStatus,
)
from getitong.risk.models import Listing, Penalty
from getitong.risk.service import listing_out, penalty_out
from getitong.risk.workflow import ListingKind, ListingStatus
from getitong.staff import scope
from getitong.staff.models import Org, OrgClosure, StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

MP = "/api/v1/mp"
ADMIN = "/api/v1/admin"
OWNER_ROLES = frozenset({wf.OWNER})
STAFF_ROLES = frozenset({wf.REVIEW})
PENALTY_YEARS = 2
_EVENT_LABELS = {"create": "开始填写", **{a.value: label for a, label in wf.ACTION_LABELS.items()}}


@dataclass(frozen=True)
class Owner:
    """A shop owner acting for the current business."""

    person: Person
    business_id: int


# ----------------------------------------------------------------------------- helpers


def now() -> datetime:
    # Stored and compared in one zone: SQLite keeps datetimes as "+08:00" text and compares them as text.
    return cfg.now().astimezone(cfg.SHANGHAI)


def _zone(value: datetime) -> datetime:
    """A client's datetime in the database zone; one without an offset is read as Beijing time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=cfg.SHANGHAI)
    return value.astimezone(cfg.SHANGHAI)


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _two_years_before(day: date) -> date:
    try:
        return day.replace(year=day.year - PENALTY_YEARS)
    except ValueError:  # 29 February
        return day.replace(year=day.year - PENALTY_YEARS, day=28)


def options() -> dict[str, Any]:
    """Labels the clients show: categories, steps, statuses, subject and material types."""
    return {
        "categories": [{"value": c.value, "label": CATEGORY_LABELS[c], "name": CATEGORY_NAMES[c]} for c in Category],
        "steps": [{"value": st.value, "label": STEP_LABELS[st]} for st in STEPS],
        "statuses": [{"value": st.value, "label": STATUS_LABELS[st]} for st in wf.STORED_STATUSES],
        "notice_statuses": [{"value": st.value, "label": label} for st, label in NOTICE_STATUS_LABELS.items()],
        "subject_types": [{"value": t.value, "label": label} for t, label in SUBJECT_LABELS.items()],
        "material_types": [{"value": t.value, "label": label} for t, label in MATERIAL_LABELS.items()],
        "introduction_length": [20, 2000], "max_qualification_images": 9, "max_materials": 20,
    }


def _category_out(code: str | None, notice: RecognitionNotice | None = None) -> dict[str, Any] | None:
    if not code:
        return None
    cat = Category(code)
    out: dict[str, Any] = {"code": cat.value, "label": CATEGORY_LABELS[cat], "name": CATEGORY_NAMES[cat]}
    if notice is not None:
        out["requirements"] = next((c["requirements"] for c in notice.categories if c["code"] == cat.value), "")
    return out


def _period(notice: RecognitionNotice, at: datetime) -> dict[str, Any]:
    state = ("not_started" if at < notice.starts_at else "ended" if at > notice.ends_at else "open") \
        if notice.status == NoticeStatus.PUBLISHED else "ended"
    return {"starts_at": _iso(notice.starts_at), "ends_at": _iso(notice.ends_at), "period_state": state,
            "period_state_label": {"not_started": "未开始", "open": "申报中", "ended": "已截止"}[state],
            "is_open": state == "open"}


def _notice_brief(n: RecognitionNotice, at: datetime) -> dict[str, Any]:
    return {"id": n.id, "title": n.title, "status": n.status.value, "status_label": NOTICE_STATUS_LABELS[n.status],
            "categories": [_category_out(c["code"]) for c in n.categories], **_period(n, at),
            "published_at": _iso(n.published_at)}


async def _org_names(ids: set[int]) -> dict[int, str]:
    return {o.id: o.name for o in await Org.filter(id__in=ids)} if ids else {}


def _notice_full(n: RecognitionNotice, at: datetime, org_name: str) -> dict[str, Any]:
    return {**_notice_brief(n, at), "org": {"id": n.org_id, "name": org_name}, "content": n.content,
            "promise": n.promise, "categories": [_category_out(c["code"], n) for c in n.categories]}


async def _check_files(ids: list[int], *, person_id: int, attached: set[int], images_only: bool) -> None:
    """Each file was uploaded by this person (or is already part of this application), of an allowed type."""
    rows = {f.id: f for f in await StoredFile.filter(id__in=ids)}
    allowed = IMAGE_TYPES if images_only else IMAGE_TYPES | DOCUMENT_TYPES
    for fid in ids:
        f = rows.get(fid)
        mine = f is not None and ((f.owner_type == "person" and f.owner_id == person_id) or fid in attached)
        if f is None or not mine:
            raise e.FileInvalid(data={"file_id": fid})
        if f.content_type not in allowed:
            raise e.FileInvalid("资质材料须为图片" if images_only else "认定材料须为图片或 PDF 文件",
                                data={"file_id": fid})


def _attached(app: RecognitionApplication) -> set[int]:
    ids = set((app.declaration or {}).get("qualification_images", []))
    return ids | {m["file_id"] for m in app.materials or []}


async def _files(ids: list[int], prefix: str, app_id: int) -> dict[int, dict[str, Any]]:
    rows = await StoredFile.filter(id__in=ids) if ids else []
    return {f.id: {"id": f.id, "name": f.original_name, "content_type": f.content_type, "size": f.size,
                   "url": f"{prefix}/recognition/applications/{app_id}/files/{f.id}"} for f in rows}


# ----------------------------------------------------------------------------- the wizard's steps


def _step_done(app: RecognitionApplication, step: Step) -> bool:
    return {
        Step.READ_NOTICE: app.read_at is not None,
        Step.PROMISE: app.promised_at is not None,
        Step.CATEGORY: app.category is not None,
        Step.INFO: app.introduction is not None,
        Step.DECLARATION: bool(app.declaration),
        Step.MATERIALS: bool(app.materials),
    }[step]


def _missing(app: RecognitionApplication) -> list[str]:
    return [st.value for st in STEPS if not _step_done(app, st)]


def _resume_step(app: RecognitionApplication) -> str | None:
    """Where the wizard resumes: the first step not yet saved, None when every step is complete."""
    missing = _missing(app)
    return missing[0] if missing else None


async def _step_data(app: RecognitionApplication, notice: RecognitionNotice, prefix: str) -> dict[str, Any]:
    decl = app.declaration or {}
    files = await _files([*decl.get("qualification_images", []), *[m["file_id"] for m in app.materials or []]],
                         prefix, app.id)
    return {
        Step.READ_NOTICE.value: {"acknowledged": app.read_at is not None, "at": _iso(app.read_at)},
        Step.PROMISE.value: {"accepted": app.promised_at is not None, "at": _iso(app.promised_at)},
        Step.CATEGORY.value: _category_out(app.category, notice),
        Step.INFO.value: None if app.introduction is None else {
            "employees": app.employees, "social_insured": app.social_insured, "revenue": _money(app.revenue),
            "net_profit": _money(app.net_profit), "introduction": app.introduction, "money_unit": "元"},
        Step.DECLARATION.value: None if not decl else {
            "subject_type": decl["subject_type"], "subject_type_label": SUBJECT_LABELS[SubjectType(decl["subject_type"])],
            "subject_name": decl["subject_name"], "highlights": decl["highlights"],
            "qualification_images": [files[f] for f in decl["qualification_images"] if f in files]},
        Step.MATERIALS.value: None if not app.materials else [
            {"type": m["type"], "type_label": MATERIAL_LABELS[MaterialType(m["type"])], "file": files.get(m["file_id"])}
            for m in app.materials],
    }


async def _timeline(app: RecognitionApplication, *, public: bool) -> list[dict[str, Any]]:
    events = await RecognitionEvent.filter(application_id=app.id).order_by("id")
    orgs = await _org_names({ev.actor_org_id for ev in events if ev.actor_org_id})
    out = []
    for ev in events:
        org_name = orgs.get(ev.actor_org_id) if ev.actor_org_id else None
        # Staff names stay inside the administration; the business sees the org.
        name = org_name if public and ev.actor_type == "staff" else ev.actor_name
        out.append({"action": ev.action, "action_label": _EVENT_LABELS.get(ev.action, ev.action),
                    "from_status": ev.from_status, "to_status": ev.to_status,
                    "to_status_label": STATUS_LABELS[AppStatus(ev.to_status)], "actor_name": name,
                    "org_name": org_name, "comment": ev.comment, "at": _iso(ev.at)})
    return out


async def _view(app: RecognitionApplication, notice: RecognitionNotice, *, roles: frozenset[str],
                prefix: str, public: bool) -> dict[str, Any]:
    at = now()
    return {
        "id": app.id, "notice": _notice_brief(notice, at), "business": {"id": app.business_id, "name": app.business_name},
        "status": app.status.value, "status_label": STATUS_LABELS[app.status],
        "step": _resume_step(app), "complete": not _missing(app),
        "steps": [{"key": st.value, "label": STEP_LABELS[st], "done": _step_done(app, st)} for st in STEPS],
        "data": await _step_data(app, notice, prefix),
        "category": _category_out(app.category),
        "reason": app.reason or None, "submit_count": app.submit_count,
        "submitted_at": _iso(app.submitted_at), "decided_at": _iso(app.decided_at),
        "created_at": _iso(app.created_at), "updated_at": _iso(app.updated_at),
        "allowed_actions": wf.allowed_actions(app.status, roles),
        "timeline": await _timeline(app, public=public),
    }


async def _event(conn: Any, app_id: int, *, actor_type: str, actor_id: int | None, actor_name: str,
                 actor_org_id: int | None, action: str, old: AppStatus | None, new: AppStatus, comment: str,
                 at: datetime) -> None:
    await RecognitionEvent.create(application_id=app_id, actor_type=actor_type, actor_id=actor_id,
                                  actor_name=actor_name, actor_org_id=actor_org_id, action=action,
                                  from_status=old.value if old else None, to_status=new.value, comment=comment,
                                  at=at, using_db=conn)


async def _guarded_update(conn: Any, app: RecognitionApplication, old: AppStatus, **updates: Any) -> None:
    changed = await RecognitionApplication.filter(id=app.id, status=old).using_db(conn).update(**updates)
    if changed != 1:
        raise e.StateChanged()


# ----------------------------------------------------------------------------- shop side


async def _business(owner: Owner) -> Business:
    business = await Business.get_or_none(id=owner.business_id)
    if business is None:
        raise errors.NoCurrentBusiness()
    return business


def _applies_q(business: Business) -> Subquery:
    """Orgs whose notices reach this business: its registration org and every org above it."""
    return Subquery(OrgClosure.filter(descendant_id=business.org_id).values("ancestor_id"))


async def _visible_notice(owner: Owner, notice_id: int) -> tuple[RecognitionNotice, Business]:
    """A published (or ended) notice that reaches the current business; anything else looks missing."""
    business = await _business(owner)
    notice = await RecognitionNotice.get_or_none(
        id=notice_id, status__in=[NoticeStatus.PUBLISHED, NoticeStatus.CLOSED], org_id__in=_applies_q(business))
    if notice is None:
        raise e.NoticeNotFound()
    return notice, business


async def open_notices(*, owner: Owner, cursor: str | None, limit: int) -> dict[str, Any]:
    """Published notices that apply to the current business and whose period has not ended, newest first."""
    business = await _business(owner)
    at = now()
    qs = RecognitionNotice.filter(status=NoticeStatus.PUBLISHED, org_id__in=_applies_q(business), ends_at__gte=at)
    rows, nxt = await keyset(qs, cursor=cursor, limit=limit)
    mine = {a.notice_id: a for a in await RecognitionApplication.filter(
        business_id=business.id, notice_id__in=[n.id for n in rows])}
    orgs = await _org_names({n.org_id for n in rows})
    items = []
    for n in rows:
        app = mine.get(n.id)
        items.append({**_notice_brief(n, at), "org_name": orgs.get(n.org_id, ""),
                      "my_application": None if app is None else {
                          "id": app.id, "status": app.status.value, "status_label": STATUS_LABELS[app.status]}})
    return {"items": items, "next": nxt}


async def notice_detail(*, owner: Owner, notice_id: int) -> dict[str, Any]:
    """The notice as the owner reads it before applying (须知, 承诺, categories and their requirements)."""
    notice, business = await _visible_notice(owner, notice_id)
    app = await RecognitionApplication.get_or_none(notice_id=notice.id, business_id=business.id)
    org = await Org.get(id=notice.org_id)
    return {**_notice_full(notice, now(), org.name),
            "my_application": None if app is None else {"id": app.id, "status": app.status.value,
                                                        "status_label": STATUS_LABELS[app.status]}}


async def recognised(*, notice_id: int, cursor: str | None, limit: int,
                     actor: StaffUser | None = None) -> dict[str, Any]:
    """The published list of recognised businesses of a notice: names and categories only."""
    statuses = [NoticeStatus.PUBLISHED, NoticeStatus.CLOSED]
    qs = RecognitionNotice.filter(id=notice_id)
    if actor is not None:
        require(actor, Perm.RECOGNITION_REVIEW)
        qs, statuses = scope.scoped(qs, actor), list(NoticeStatus)
    notice = await qs.filter(status__in=statuses).first()
    if notice is None:
        raise e.NoticeNotFound()
    rows, nxt = await keyset(RecognitionApplication.filter(notice_id=notice.id, status=AppStatus.RECOGNISED),
                             cursor=cursor, limit=limit)
    return {"notice": {"id": notice.id, "title": notice.title},
            "items": [{"business_name": a.business_name, "category": _category_out(a.category),
                       "recognised_at": _iso(a.decided_at)} for a in rows], "next": nxt}


async def _own_app(owner: Owner, notice_id: int) -> tuple[RecognitionApplication, RecognitionNotice]:
    notice, business = await _visible_notice(owner, notice_id)
    app = await RecognitionApplication.get_or_none(notice_id=notice.id, business_id=business.id)
    if app is None:
        raise e.ApplicationNotFound()
    return app, notice


async def _owner_view(app: RecognitionApplication, notice: RecognitionNotice) -> dict[str, Any]:
    return await _view(app, notice, roles=OWNER_ROLES, prefix=MP, public=True)


def _ensure_can_fill(notice: RecognitionNotice, status: AppStatus, at: datetime, *, submitting: bool) -> None:
    """A draft is filled while the notice is published and not ended, and submitted only inside the period;
    a returned application is corrected and resubmitted while the notice is still published."""
    if notice.status == NoticeStatus.WITHDRAWN:
        raise e.NoticeWithdrawn()
    if notice.status != NoticeStatus.PUBLISHED:
        raise e.NoticeClosed(data={"ends_at": _iso(notice.ends_at)})
    if status == AppStatus.RETURNED:
        return
    if at > notice.ends_at:
        raise e.NoticeClosed(data={"ends_at": _iso(notice.ends_at)})
    if submitting and at < notice.starts_at:
        raise e.NoticeNotStarted(data={"starts_at": _iso(notice.starts_at)})


async def start(deps: Deps, *, owner: Owner, notice_id: int) -> tuple[dict[str, Any], bool]:
    """Create the draft (点击【名特优新申请】) or resume the one already there; True when created."""
    notice, business = await _visible_notice(owner, notice_id)
    existing = await RecognitionApplication.get_or_none(notice_id=notice.id, business_id=business.id)
    if existing is None:
        at = now()
        _ensure_can_fill(notice, AppStatus.DRAFT, at, submitting=False)
        try:
            async with in_transaction() as conn:
                app = await RecognitionApplication.create(
                    notice_id=notice.id, business_id=business.id, person_id=owner.person.id, org_id=notice.org_id,
                    region_code=business.region_code, business_name=business.name, status=AppStatus.DRAFT,
                    using_db=conn)
                await _event(conn, app.id, actor_type="person", actor_id=owner.person.id,
                             actor_name=owner.person.name, actor_org_id=None, action="create", old=None,
                             new=AppStatus.DRAFT, comment="", at=at)
            return await _owner_view(app, notice), True
        except IntegrityError:  # a second tap at the same moment: resume the row the first one made
            existing = await RecognitionApplication.get(notice_id=notice.id, business_id=business.id)
    if existing.status not in wf.EDITABLE:
        raise e.AlreadyApplied(data={"application_id": existing.id, "status": existing.status.value,
                                     "status_label": STATUS_LABELS[existing.status]})
    return await _owner_view(existing, notice), False


async def get_application(*, owner: Owner, notice_id: int) -> dict[str, Any]:
    """The saved application of the current business under a notice: resume step and every saved value."""
    app, notice = await _own_app(owner, notice_id)
    return await _owner_view(app, notice)


async def save_step(*, owner: Owner, notice_id: int, step: Step, data: BaseModel) -> dict[str, Any]:
    """Save one wizard step after its own checks; earlier steps must be complete first."""
    app, notice = await _own_app(owner, notice_id)
    old = app.status
    wf.next_status(old, Action.SAVE, OWNER_ROLES)
    at = now()
    _ensure_can_fill(notice, old, at, submitting=False)
    missing = [st for st in STEPS[:STEPS.index(step)] if not _step_done(app, st)]
    if missing:
        raise e.StepOrder(f"请先完成「{STEP_LABELS[missing[0]]}」", data={"next_step": missing[0].value})
    updates: dict[str, Any] = {}
    if isinstance(data, s.ReadNoticeIn):
        updates["read_at"] = at
    elif isinstance(data, s.PromiseIn):
        updates["promised_at"] = at
    elif isinstance(data, s.CategoryIn):
        if data.category.value not in {c["code"] for c in notice.categories}:
            raise e.CategoryInvalid(data={"categories": [c["code"] for c in notice.categories]})
        updates["category"] = data.category
    elif isinstance(data, s.InfoIn):
        updates.update(data.model_dump())
    elif isinstance(data, s.DeclarationIn):
        images = list(dict.fromkeys(data.qualification_images))
        await _check_files(images, person_id=owner.person.id, attached=_attached(app), images_only=True)
        updates["declaration"] = {**data.model_dump(mode="json"), "qualification_images": images}
    elif isinstance(data, s.MaterialsIn):
        ids = [m.file_id for m in data.materials]
        await _check_files(ids, person_id=owner.person.id, attached=_attached(app), images_only=False)
        updates["materials"] = [m.model_dump(mode="json") for m in data.materials]
    else:  # pragma: no cover - the step table in schemas.py names every body
        raise e.StepUnknown()
    async with in_transaction() as conn:
        await _guarded_update(conn, app, old, updated_at=at, **updates)
    await app.refresh_from_db()
    return await _owner_view(app, notice)


async def submit(deps: Deps, *, owner: Owner, notice_id: int) -> dict[str, Any]:
    """Submit the completed application (or resubmit a corrected one) inside the notice period."""
    app, notice = await _own_app(owner, notice_id)
    old = app.status
    if old not in wf.EDITABLE:
        raise e.AlreadyApplied(data={"application_id": app.id, "status": old.value,
                                     "status_label": STATUS_LABELS[old]})
    action = Action.RESUBMIT if old == AppStatus.RETURNED else Action.SUBMIT
    target = wf.next_status(old, action, OWNER_ROLES)
    at = now()
    _ensure_can_fill(notice, old, at, submitting=True)
    missing = _missing(app)
    if missing:
        labels = "、".join(STEP_LABELS[Step(m)] for m in missing)
        raise e.StepIncomplete(f"申请信息尚未填写完整：{labels}", data={"missing": missing, "next_step": missing[0]})
    if app.category not in {c["code"] for c in notice.categories}:
        raise e.CategoryInvalid(data={"categories": [c["code"] for c in notice.categories]})
    async with in_transaction() as conn:
        await _guarded_update(conn, app, old, status=target, submitted_at=at, submit_count=app.submit_count + 1,
                              reason="", updated_at=at)
        await _event(conn, app.id, actor_type="person", actor_id=owner.person.id, actor_name=owner.person.name,
                     actor_org_id=None, action=action.value, old=old, new=target, comment="", at=at)
    await home_events.touch_business(deps.cache, app.business_id)
    await app.refresh_from_db()
    return await _owner_view(app, notice)


async def cancel(deps: Deps, *, owner: Owner, notice_id: int) -> dict[str, Any]:
    """【取消】: discard the draft and everything saved in it."""
    app, _ = await _own_app(owner, notice_id)
    wf.next_status(app.status, Action.CANCEL, OWNER_ROLES)
    async with in_transaction() as conn:
        await RecognitionEvent.filter(application_id=app.id).using_db(conn).delete()
        deleted = await RecognitionApplication.filter(id=app.id, status=AppStatus.DRAFT).using_db(conn).delete()
        if deleted != 1:
            raise e.StateChanged()
    await home_events.touch_business(deps.cache, app.business_id)
    return {"id": app.id, "status": AppStatus.DISCARDED.value, "status_label": STATUS_LABELS[AppStatus.DISCARDED]}


async def my_applications(*, owner: Owner, cursor: str | None, limit: int) -> dict[str, Any]:
    """Applications of the current business with their status and the reviewer's reason, newest first."""
    rows, nxt = await keyset(RecognitionApplication.filter(business_id=owner.business_id), cursor=cursor,
                             limit=limit)
    notices = {n.id: n for n in await RecognitionNotice.filter(id__in={a.notice_id for a in rows})}
    at = now()
    return {"items": [{"id": a.id, "notice": _notice_brief(notices[a.notice_id], at), "category": _category_out(a.category),
                       "status": a.status.value, "status_label": STATUS_LABELS[a.status], "reason": a.reason or None,
                       "step": _resume_step(a), "submitted_at": _iso(a.submitted_at), "decided_at": _iso(a.decided_at),
                       "allowed_actions": wf.allowed_actions(a.status, OWNER_ROLES)} for a in rows],
            "next": nxt}


async def my_application(*, owner: Owner, application_id: int) -> dict[str, Any]:
    app = await RecognitionApplication.get_or_none(id=application_id, business_id=owner.business_id)
    if app is None:
        raise e.ApplicationNotFound()
    return await _owner_view(app, await RecognitionNotice.get(id=app.notice_id))


async def _read(deps: Deps, app: RecognitionApplication, file_id: int) -> tuple[StoredFile, bytes]:
    f = await StoredFile.get_or_none(id=file_id) if file_id in _attached(app) else None
    if f is None:
        raise errors.NotFound("文件不存在")
    return f, await asyncio.to_thread(deps.storage.open, f.sha256)


async def owner_file(deps: Deps, *, owner: Owner, application_id: int, file_id: int) -> tuple[StoredFile, bytes]:
    app = await RecognitionApplication.get_or_none(id=application_id, business_id=owner.business_id)
    if app is None:
        raise e.ApplicationNotFound()
    return await _read(deps, app, file_id)


# ----------------------------------------------------------------------------- staff: notices

_NOTICE_AUDIT = ("title", "categories", "starts_at", "ends_at", "status", "org_id")


def _notice_snapshot(n: RecognitionNotice) -> dict[str, Any]:
    out = {k: getattr(n, k) for k in _NOTICE_AUDIT}
    out.update(starts_at=_iso(n.starts_at), ends_at=_iso(n.ends_at), status=n.status.value)
    return out


async def _notice_in_scope(actor: StaffUser, notice_id: int, using_db: Any = None) -> RecognitionNotice:
    require(actor, Perm.RECOGNITION_REVIEW)
    notice = await scope.scoped(RecognitionNotice.filter(id=notice_id), actor).using_db(using_db).first()
    if notice is None:
        raise e.NoticeNotFound()
    return notice


async def _staff_notice_out(n: RecognitionNotice) -> dict[str, Any]:
    org = await Org.get(id=n.org_id)
    counts: dict[str, int] = {}
    for row in await RecognitionApplication.filter(notice_id=n.id, status__in=REVIEW_STATUSES).values_list(
            "status", flat=True):
        key = AppStatus(row).value
        counts[key] = counts.get(key, 0) + 1
    return {**_notice_full(n, now(), org.name), "closed_at": _iso(n.closed_at),
            "created_at": _iso(n.created_at), "updated_at": _iso(n.updated_at),
            "application_counts": counts, "allowed_actions": wf.notice_actions(n.status)}


def _check_period(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at <= starts_at:
        raise e.NoticePeriodInvalid(data={"starts_at": _iso(starts_at), "ends_at": _iso(ends_at)})


def _categories_json(items: list[s.NoticeCategoryIn]) -> list[dict[str, str]]:
    order = list(Category)
    return [{"code": c.code.value, "requirements": c.requirements} for c in sorted(items, key=lambda c: order.index(c.code))]


async def list_notices(*, actor: StaffUser, status: NoticeStatus | None, q: str | None, cursor: str | None,
                       limit: int) -> dict[str, Any]:
    """Notices of the actor's org and below."""
    require(actor, Perm.RECOGNITION_REVIEW)
    qs = scope.scoped(RecognitionNotice.all(), actor)
    if status:
        qs = qs.filter(status=status)
    if q and q.strip():
        qs = qs.filter(title__icontains=q.strip())
    rows, nxt = await keyset(qs, cursor=cursor, limit=limit)
    orgs = await _org_names({n.org_id for n in rows})
    at = now()
    return {"items": [{**_notice_brief(n, at), "org": {"id": n.org_id, "name": orgs.get(n.org_id, "")},
                       "allowed_actions": wf.notice_actions(n.status)} for n in rows], "next": nxt}


async def create_notice(*, actor: StaffUser, data: s.NoticeCreate) -> dict[str, Any]:
    """A draft notice of the actor's org (or an org in its scope)."""
    require(actor, Perm.RECOGNITION_REVIEW)
    org_id = data.org_id or actor.org_id
    await scope.ensure_in_scope(actor, org_id)
    org = await Org.get(id=org_id)
    starts_at, ends_at = _zone(data.starts_at), _zone(data.ends_at)
    _check_period(starts_at, ends_at)
    async with in_transaction() as conn:
        n = await RecognitionNotice.create(org_id=org.id, region_code=org.region_code, title=data.title,
                                           content=data.content, promise=data.promise,
                                           categories=_categories_json(data.categories), starts_at=starts_at,
                                           ends_at=ends_at, status=NoticeStatus.DRAFT, created_by_id=actor.id,
                                           using_db=conn)
        await audit.record(actor=actor, action="recognition.notice.create", target_type="recognition_notice",
                           target_id=n.id, after=_notice_snapshot(n), using_db=conn)
    return await _staff_notice_out(n)


async def get_notice(*, actor: StaffUser, notice_id: int) -> dict[str, Any]:
    return await _staff_notice_out(await _notice_in_scope(actor, notice_id))


async def update_notice(*, actor: StaffUser, notice_id: int, data: s.NoticeUpdate) -> dict[str, Any]:
    """Edit a draft notice; once published it is what owners applied against and stays as it is."""
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    async with in_transaction() as conn:
        n = await _notice_in_scope(actor, notice_id, conn)
        wf.notice_next(n.status, NoticeAction.EDIT)
        before = _notice_snapshot(n)
        if "categories" in changes:
            changes["categories"] = _categories_json(data.categories or [])
        for key in ("starts_at", "ends_at"):
            if key in changes:
                changes[key] = _zone(changes[key])
        _check_period(changes.get("starts_at", n.starts_at), changes.get("ends_at", n.ends_at))
        if changes:
            updated = await RecognitionNotice.filter(id=n.id, status=NoticeStatus.DRAFT).using_db(conn).update(
                **changes)
            if updated != 1:
                raise e.StateChanged("公告状态已被更新，请刷新后重试")
            await n.refresh_from_db(using_db=conn)
        await audit.record(actor=actor, action="recognition.notice.update", target_type="recognition_notice",
                           target_id=n.id, before=before, after=_notice_snapshot(n), using_db=conn)
    return await _staff_notice_out(n)


async def delete_notice(*, actor: StaffUser, notice_id: int) -> dict[str, Any]:
    """Delete a draft notice (nobody has seen it yet)."""
    async with in_transaction() as conn:
        n = await _notice_in_scope(actor, notice_id, conn)
        wf.notice_next(n.status, NoticeAction.DELETE)
        before = _notice_snapshot(n)
        if await RecognitionNotice.filter(id=n.id, status=NoticeStatus.DRAFT).using_db(conn).delete() != 1:
            raise e.StateChanged("公告状态已被更新，请刷新后重试")
        await audit.record(actor=actor, action="recognition.notice.delete", target_type="recognition_notice",
                           target_id=n.id, before=before, using_db=conn)
    return {"id": notice_id, "deleted": True}


async def notice_transition(*, actor: StaffUser, notice_id: int, action: NoticeAction) -> dict[str, Any]:
    """Publish, close or withdraw a notice."""
    at = now()
    async with in_transaction() as conn:
        n = await _notice_in_scope(actor, notice_id, conn)
        target = wf.notice_next(n.status, action)
        assert target is not None
        if action is NoticeAction.PUBLISH and n.ends_at <= at:
            raise e.NoticePeriodInvalid("申报截止时间已过，请修改申报期限后再发布",
                                        data={"ends_at": _iso(n.ends_at)})
        before = _notice_snapshot(n)
        updates: dict[str, Any] = {"status": target}
        updates["published_at" if action is NoticeAction.PUBLISH else "closed_at"] = at
        if await RecognitionNotice.filter(id=n.id, status=n.status).using_db(conn).update(**updates) != 1:
            raise e.StateChanged("公告状态已被更新，请刷新后重试")
        await n.refresh_from_db(using_db=conn)
        await audit.record(actor=actor, action=f"recognition.notice.{action.value}", target_type="recognition_notice",
                           target_id=n.id, before=before, after=_notice_snapshot(n), using_db=conn)
    return await _staff_notice_out(n)


# ----------------------------------------------------------------------------- staff: review


async def _app_in_scope(actor: StaffUser, application_id: int) -> RecognitionApplication:
    require(actor, Perm.RECOGNITION_REVIEW)
    app = await scope.scoped(RecognitionApplication.filter(id=application_id, status__in=REVIEW_STATUSES),
                             actor).first()
    if app is None:  # out of scope looks the same as missing; a draft is the owner's own
        raise e.ApplicationNotFound()
    return app


async def queue(*, actor: StaffUser, q: s.QueueQuery) -> dict[str, Any]:
    """Submitted applications under the notices of the actor's scope, newest first, with filters."""
    require(actor, Perm.RECOGNITION_REVIEW)
    qs = scope.scoped(RecognitionApplication.filter(status__in=REVIEW_STATUSES), actor)
    if q.notice_id:
        qs = qs.filter(notice_id=q.notice_id)
    if q.category:
        qs = qs.filter(category=q.category)
    if q.status:
        qs = qs.filter(status=q.status)
    if q.q and q.q.strip():
        text = q.q.strip()
        qs = qs.filter(Q(business_name__icontains=text) | Q(business_id__in=Subquery(
            Business.filter(uscc=text.upper()).values("id"))))
    rows, nxt = await keyset(qs, cursor=q.cursor, limit=q.limit)
    notices = {n.id: n for n in await RecognitionNotice.filter(id__in={a.notice_id for a in rows})}
    usccs = dict(await Business.filter(id__in={a.business_id for a in rows}).values_list("id", "uscc"))
    return {"items": [{"id": a.id, "notice": {"id": a.notice_id, "title": notices[a.notice_id].title},
                       "business": {"id": a.business_id, "name": a.business_name, "uscc": usccs.get(a.business_id)},
                       "category": _category_out(a.category), "status": a.status.value,
                       "status_label": STATUS_LABELS[a.status], "submit_count": a.submit_count,
                       "submitted_at": _iso(a.submitted_at), "decided_at": _iso(a.decided_at),
                       "allowed_actions": wf.allowed_actions(a.status, STAFF_ROLES)} for a in rows],
            "next": nxt}


async def risk_record(business_id: int) -> dict[str, Any]:
    """Penalties decided within the last two years and the listings of the business, for the reviewer."""
    since = _two_years_before(now().date())
    penalties = await Penalty.filter(business_id=business_id, decided_on__gte=since).order_by("-decided_on", "-id")
    listings = await Listing.filter(Q(status=ListingStatus.LISTED) | Q(listed_on__gte=since),
                                    business_id=business_id).order_by("-listed_on", "-id")
    current = [x for x in listings if x.status == ListingStatus.LISTED]
    return {"since": since.isoformat(), "penalties": [penalty_out(p) for p in penalties],
            "listings": [listing_out(x) for x in listings],
            "penalty_count": len(penalties), "listed_now": len(current),
            "serious_violation": any(x.kind == ListingKind.SERIOUS_VIOLATION for x in current)}


async def staff_detail(*, actor: StaffUser, application_id: int) -> dict[str, Any]:
    """The application with the business, its two-year penalty record and listings, the history."""
    app = await _app_in_scope(actor, application_id)
    notice = await RecognitionNotice.get(id=app.notice_id)
    b = await Business.get(id=app.business_id)
    out = await _view(app, notice, roles=STAFF_ROLES, prefix=ADMIN, public=False)
    out["business"] = {"id": b.id, "name": b.name, "uscc": b.uscc, "operator_name": b.operator_name,
                       "industry": b.industry, "address": b.address, "region_code": b.region_code,
                       "established_on": b.established_on.isoformat() if b.established_on else None,
                       "status": b.status.value}
    out["risk"] = await risk_record(b.id)
    return out


async def review(deps: Deps, *, actor: StaffUser, application_id: int, action: Action,
                 comment: str = "") -> dict[str, Any]:
    """受理 / 退回补正 / 认定 / 不予认定: one transaction with the event and the audit row."""
    app = await _app_in_scope(actor, application_id)
    old = app.status
    target = wf.next_status(old, action, STAFF_ROLES)
    notice = await RecognitionNotice.get(id=app.notice_id)
    if notice.status == NoticeStatus.WITHDRAWN:
        raise e.NoticeWithdrawn()
    at = now()
    updates: dict[str, Any] = {"status": target, "updated_at": at}
    if action in (Action.RETURN, Action.REFUSE):
        updates["reason"] = comment
    if action in (Action.RECOGNISE, Action.REFUSE):
        updates["decided_at"] = at
    async with in_transaction() as conn:
        await _guarded_update(conn, app, old, **updates)
        await _event(conn, app.id, actor_type="staff", actor_id=actor.id, actor_name=actor.name,
                     actor_org_id=actor.org_id, action=action.value, old=old, new=target, comment=comment, at=at)
        await audit.record(actor=actor, action=f"recognition.application.{action.value}",
                           target_type="recognition_application", target_id=app.id,
                           before={"status": old.value}, after={"status": target.value, "comment": comment},
                           using_db=conn)
    await home_events.touch_business(deps.cache, app.business_id)
    return await staff_detail(actor=actor, application_id=app.id)


async def staff_file(deps: Deps, *, actor: StaffUser, application_id: int, file_id: int) -> tuple[StoredFile, bytes]:
    return await _read(deps, await _app_in_scope(actor, application_id), file_id)
