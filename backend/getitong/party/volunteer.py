"""Volunteer service (志愿服务): recorded by a business, queried and exported by staff in scope."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from getitong.core import errors
from getitong.core.deps import Deps
from getitong.core.models import StoredFile
from getitong.core.pagination import keyset
from getitong.party import config as cfg
from getitong.party import errors as e
from getitong.party.common import (
    ADMIN_PREFIX,
    MP_PREFIX,
    Owner,
    businesses_in_scope,
    check_photos,
    current_business,
    files_out,
    iso,
    local_text,
    read_file,
    require_manager,
    xlsx,
)
from getitong.party.models import PartyMember, VolunteerRecord
from getitong.staff.models import StaffUser


async def _participants(owner: Owner, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Members of this business (by id, name taken from the record) and people named by hand, no repeats."""
    ids = [p["member_id"] for p in items if p.get("member_id") is not None]
    members = {m.id: m for m in await PartyMember.filter(id__in=ids, business_id=owner.business_id)}
    missing = [i for i in ids if i not in members]
    if missing:
        raise e.MemberInvalid(data={"member_ids": missing})
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, Any]] = set()
    for p in items:
        mid = p.get("member_id")
        key = ("m", mid) if mid is not None else ("n", p["name"])
        if key in seen:
            continue
        seen.add(key)
        out.append({"member_id": mid, "name": members[mid].name if mid is not None else p["name"]})
    return out


def _hours(value: Decimal) -> float:
    return float(value)


async def _out(r: VolunteerRecord, prefix: str) -> dict[str, Any]:
    return {"id": r.id, "business": {"id": r.business.id, "name": r.business.name},
            "service_date": iso(r.service_date), "place": r.place, "content": r.content,
            "participants": r.participants, "participant_count": r.participant_count, "hours": _hours(r.hours),
            "photos": await files_out(r.photos, f"{prefix}/volunteer-records/{r.id}/photos"),
            "created_at": iso(r.created_at), "updated_at": iso(r.updated_at)}


def _period(qs: Any, date_from: date | None, date_to: date | None) -> Any:
    if date_from:
        qs = qs.filter(service_date__gte=date_from)
    if date_to:
        qs = qs.filter(service_date__lte=date_to)
    return qs


# ---- shop side -----------------------------------------------------------------------------------------


async def _own(owner: Owner, record_id: int) -> VolunteerRecord:
    record = await VolunteerRecord.get_or_none(id=record_id, business_id=owner.business_id)
    if record is None:
        raise e.VolunteerNotFound()
    await record.fetch_related("business")
    return record


async def create(*, owner: Owner, values: dict[str, Any]) -> dict[str, Any]:
    """Record a volunteer service of the current business; photos must be the owner's own uploads."""
    await current_business(owner)
    participants = await _participants(owner, values.pop("participants"))
    photos = await check_photos(values.pop("photos", []), person_id=owner.person.id)
    record = await VolunteerRecord.create(business_id=owner.business_id, participants=participants,
                                          participant_count=len(participants), photos=photos,
                                          created_by_id=owner.person.id, **values)
    return await detail(owner=owner, record_id=record.id)


async def update(*, owner: Owner, record_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    record = await _own(owner, record_id)
    for key in ("service_date", "place", "content", "participants", "hours", "photos"):
        if key in changes and changes[key] is None:
            raise errors.ValidationFailed(f"参数错误：{key} 不能为空")
    if "participants" in changes:
        record.participants = await _participants(owner, changes.pop("participants"))
        record.participant_count = len(record.participants)
    if "photos" in changes:
        # Photos already on the record stay usable by another operator of the same business.
        record.photos = await check_photos(changes.pop("photos"), person_id=owner.person.id,
                                           keep=set(record.photos))
    for key, value in changes.items():
        setattr(record, key, value)
    await record.save()
    return await detail(owner=owner, record_id=record.id)


async def delete(*, owner: Owner, record_id: int) -> None:
    record = await _own(owner, record_id)
    await VolunteerRecord.filter(id=record.id).delete()


async def detail(*, owner: Owner, record_id: int) -> dict[str, Any]:
    return await _out(await _own(owner, record_id), MP_PREFIX)


async def list_own(*, owner: Owner, date_from: date | None, date_to: date | None, cursor: str | None,
                   limit: int) -> dict[str, Any]:
    qs = _period(VolunteerRecord.filter(business_id=owner.business_id), date_from, date_to)
    rows, nxt = await keyset(qs.prefetch_related("business"), cursor=cursor, limit=limit)
    return {"items": [await _out(r, MP_PREFIX) for r in rows], "next": nxt}


async def own_photo(deps: Deps, *, owner: Owner, record_id: int, file_id: int) -> tuple[StoredFile, bytes]:
    record = await _own(owner, record_id)
    return await read_file(deps, file_id, set(record.photos))


# ---- staff side ----------------------------------------------------------------------------------------


def _scoped(actor: StaffUser, business_id: int | None, date_from: date | None, date_to: date | None) -> Any:
    require_manager(actor)
    qs = VolunteerRecord.filter(business_id__in=businesses_in_scope(actor))
    if business_id is not None:
        qs = qs.filter(business_id=business_id)
    return _period(qs, date_from, date_to)


async def admin_list(*, actor: StaffUser, business_id: int | None, date_from: date | None, date_to: date | None,
                     cursor: str | None, limit: int) -> dict[str, Any]:
    """Volunteer records of businesses in the actor's scope, by business and period."""
    qs = _scoped(actor, business_id, date_from, date_to)
    rows, nxt = await keyset(qs.prefetch_related("business"), cursor=cursor, limit=limit)
    return {"items": [await _out(r, ADMIN_PREFIX) for r in rows], "next": nxt}


async def _in_scope(actor: StaffUser, record_id: int) -> VolunteerRecord:
    record = await _scoped(actor, None, None, None).filter(id=record_id).prefetch_related("business").first()
    if record is None:
        raise e.VolunteerNotFound()
    return record


async def admin_detail(*, actor: StaffUser, record_id: int) -> dict[str, Any]:
    return await _out(await _in_scope(actor, record_id), ADMIN_PREFIX)


async def admin_photo(deps: Deps, *, actor: StaffUser, record_id: int, file_id: int) -> tuple[StoredFile, bytes]:
    record = await _in_scope(actor, record_id)
    return await read_file(deps, file_id, set(record.photos))


async def export(*, actor: StaffUser, business_id: int | None, date_from: date | None,
                 date_to: date | None) -> bytes:
    """The filtered records as an Excel file, newest service first."""
    qs = _scoped(actor, business_id, date_from, date_to)
    rows = await qs.order_by("-service_date", "-id").limit(cfg.party_settings().export_max_rows) \
        .prefetch_related("business")
    data = [[r.business.name, r.business.uscc, iso(r.service_date), r.place, r.content,
             "、".join(p["name"] for p in r.participants), r.participant_count, _hours(r.hours), len(r.photos),
             local_text(r.created_at)] for r in rows]
    header = ["经营主体", "统一社会信用代码", "服务日期", "服务地点", "服务内容", "参与人员", "参与人数",
              "服务时长（小时）", "照片数", "登记时间"]
    return await xlsx("志愿服务", header, data)
