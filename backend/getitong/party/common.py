"""Helpers shared by the party use-cases: the actors, time, scope sub-selects, files and Excel."""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from tortoise.expressions import Subquery

from getitong.accounts.models import Person
from getitong.core import errors
from getitong.core.deps import Deps
from getitong.core.models import StoredFile
from getitong.entities.models import Business
from getitong.party import config as cfg
from getitong.party import errors as e
from getitong.staff import scope
from getitong.staff.models import OrgClosure, StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

MP_PREFIX = "/api/v1/mp/party"
ADMIN_PREFIX = "/api/v1/admin/party"


@dataclass(frozen=True)
class Owner:
    """A shop owner acting for the current business."""

    person: Person
    business_id: int


def now() -> datetime:
    return cfg.local(cfg.now())


def iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value.isoformat()


def local_text(value: datetime | None) -> str:
    return cfg.local(value).strftime("%Y-%m-%d %H:%M") if value else ""


def require_manager(actor: StaffUser) -> None:
    require(actor, Perm.PARTY_MANAGE)


async def current_business(owner: Owner, using_db: Any = None) -> Business:
    business = await Business.get_or_none(id=owner.business_id, using_db=using_db)
    if business is None:
        raise errors.NoCurrentBusiness()
    return business


def orgs_above(org_id: int) -> Subquery:
    """The org of a business and every org above it: whose activities the business sees."""
    return Subquery(OrgClosure.filter(descendant_id=org_id).values("ancestor_id"))


def businesses_in_scope(actor: StaffUser) -> Subquery:
    """Ids of the businesses registered under the actor's org and below."""
    return Subquery(Business.filter(org_id__in=scope.subtree(actor.org_id)).values("id"))


async def check_photos(ids: list[int], *, person_id: int, keep: set[int] | None = None) -> list[int]:
    """Images uploaded by this person (or already on the record); refuses anything else."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    if len(ids) > cfg.party_settings().max_photos:
        raise e.PhotoInvalid(f"最多上传{cfg.party_settings().max_photos}张照片")
    rows = {f.id: f for f in await StoredFile.filter(id__in=ids)}
    for fid in ids:
        f = rows.get(fid)
        mine = f is not None and f.owner_type == "person" and f.owner_id == person_id
        if f is None or not (mine or fid in (keep or set())) or not f.content_type.startswith("image/"):
            raise e.PhotoInvalid(data={"file_id": fid})
    return ids


async def files_out(ids: list[int], base: str) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = {f.id: f for f in await StoredFile.filter(id__in=ids)}
    return [{"id": f.id, "name": f.original_name, "content_type": f.content_type, "size": f.size,
             "url": f"{base}/{f.id}"} for fid in ids if (f := rows.get(fid))]


async def read_file(deps: Deps, file_id: int, allowed: set[int]) -> tuple[StoredFile, bytes]:
    if file_id not in allowed:
        raise e.FileNotFound()
    f = await StoredFile.get_or_none(id=file_id)
    if f is None:
        raise e.FileNotFound()
    return f, await asyncio.to_thread(deps.storage.open, f.sha256)


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


async def xlsx(title: str, header: list[str], rows: list[list[Any]]) -> bytes:
    return await asyncio.to_thread(_xlsx, title, header, rows)
