"""Register look-ups (by region + USCC, by licence QR) and staff search with data scope."""

from __future__ import annotations

import asyncio
import json
from datetime import date
from decimal import Decimal
from typing import Any

from tortoise.expressions import Q

from getitong.core import errors
from getitong.core.deps import Deps
from getitong.core.pagination import keyset
from getitong.core.security import mask_id_number
from getitong.core.storage import check_upload
from getitong.entities import license_qr, uscc
from getitong.entities.models import KIND_LABELS, SCALE_LABELS, STATUS_LABELS, Business, Region
from getitong.staff import scope
from getitong.staff.models import StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

_region_names: dict[str, str] = {}


async def region_name(code: str) -> str:
    if code not in _region_names:
        region = await Region.get_or_none(code=code)
        if region is None:
            return code
        _region_names[code] = region.name
    return _region_names[code]


async def region_tree() -> list[dict[str, Any]]:
    regions = await Region.all().order_by("code")
    nodes = {r.code: {"code": r.code, "name": r.name, "children": []} for r in regions}
    roots: list[dict[str, Any]] = []
    for r in regions:
        parent = nodes.get(r.parent_code) if r.parent_code else None
        (parent["children"] if parent else roots).append(nodes[r.code])
    return roots


_region_parents: dict[str, str | None] = {}


async def _region_matches(region_code: str, entity_region: str) -> bool:
    """The chosen 归属地 may be the entity's own district or any region above it."""
    if entity_region not in _region_parents:
        # The division catalogue is small and changes by decree: hold it in memory once loaded.
        for code, parent in await Region.all().values_list("code", "parent_code"):
            _region_parents[code] = parent
    code: str | None = entity_region
    while code:
        if code == region_code:
            return True
        code = _region_parents.get(code)
    return False


async def find(*, region_code: str | None, code: str) -> Business:
    """Look a business up by USCC, refusing a wrong check character before touching the database."""
    code = uscc.validate(code)
    business = await Business.get_or_none(uscc=code)
    if business is None:
        raise errors.EntityNotFound()
    if region_code and not await _region_matches(region_code, business.region_code):
        raise errors.RegionMismatch()
    return business


async def license_info(business: Business) -> dict[str, Any]:
    return {"uscc": business.uscc, "name": business.name, "operator_name": business.operator_name,
            "kind": business.kind.value, "kind_label": KIND_LABELS[business.kind],
            "region_code": business.region_code, "region_name": await region_name(business.region_code),
            "status": business.status.value, "status_label": STATUS_LABELS[business.status]}


LOOKUP_TTL = 60


async def lookup(deps: Deps, *, region_code: str | None, code: str | None, qr_text: str | None) -> dict[str, Any]:
    """SPEC A1/A2: the business and its operator, from a typed USCC or the text of a scanned licence QR.

    The public look-up is read-mostly and hot: answers are cached for a minute by USCC.
    """
    if qr_text:
        code = uscc.extract(qr_text)
    if not code:
        raise errors.ValidationFailed("请输入统一社会信用代码或扫描营业执照二维码")
    code = uscc.validate(code)
    cached = await deps.cache.get(f"lic:{code}")
    if cached is not None:
        info = json.loads(cached)
        if region_code and not await _region_matches(region_code, info["region_code"]):
            raise errors.RegionMismatch()
        return info
    info = await license_info(await find(region_code=region_code, code=code))
    await deps.cache.set(f"lic:{code}", json.dumps(info, ensure_ascii=False), LOOKUP_TTL)
    return info


async def lookup_photo(deps: Deps, *, region_code: str | None, data: bytes) -> dict[str, Any]:
    """SPEC A2: decode the licence QR in an uploaded photo (in a thread: zbar is CPU-bound)."""
    checked = check_upload(data, max_bytes=deps.settings.upload_max_bytes, image_only=True)
    assert checked.image is not None
    text = await asyncio.to_thread(license_qr.decode_qr, checked.image)
    return await lookup(deps, region_code=region_code, code=None, qr_text=text)


async def entity_out(deps: Deps, b: Business, *, with_org: bool = True) -> dict[str, Any]:
    return {
        "id": b.id, "uscc": b.uscc, "reg_no": b.reg_no, "name": b.name,
        "kind": b.kind.value, "kind_label": KIND_LABELS[b.kind],
        "operator_name": b.operator_name,
        "operator_id_masked": mask_id_number(deps.cipher.decrypt(b.operator_id_enc)),
        "region_code": b.region_code, "region_name": await region_name(b.region_code),
        "org": {"id": b.org.id, "name": b.org.name} if with_org else {"id": b.org_id},
        "industry": b.industry, "address": b.address,
        "capital": str(b.capital.normalize()) if b.capital is not None else None, "business_scope": b.business_scope,
        "established_on": b.established_on.isoformat() if b.established_on else None,
        "status": b.status.value, "status_label": STATUS_LABELS[b.status],
        "scale_type": b.scale_type.value if b.scale_type else None,
        "scale_type_label": SCALE_LABELS[b.scale_type] if b.scale_type else None,
        "tags": b.tags,
    }


async def search(deps: Deps, *, actor: StaffUser, q: str | None, code: str | None, region_code: str | None,
                 status: str | None, kind: str | None, cursor: str | None, limit: int, reg_no: str | None = None,
                 operator: str | None = None, industry: str | None = None, address: str | None = None,
                 org_id: int | None = None, this_level_only: bool = False, established_from: date | None = None,
                 established_to: date | None = None, capital_min: Decimal | None = None,
                 capital_max: Decimal | None = None, business_scope: str | None = None) -> dict[str, Any]:
    """Staff search of the register within the actor's org subtree (企业搜索: name, codes, representative,
    authority with "this level only", place, status set, industry, kind, establishment dates, capital range in 万元,
    scope wording), newest first."""
    require(actor, Perm.ENTITY_READ)
    qs = scope.scoped(Business.all(), actor)
    if code:
        qs = qs.filter(uscc=uscc.normalize(code))
    if reg_no:
        qs = qs.filter(reg_no=reg_no.strip())
    if q:
        qs = qs.filter(Q(name__contains=q) | Q(operator_name=q))
    if operator:
        qs = qs.filter(operator_name=operator.strip())
    if region_code:
        qs = qs.filter(region_code=region_code)
    if status:
        qs = qs.filter(status__in=status.split(","))
    if kind:
        qs = qs.filter(kind=kind)
    if industry:
        qs = qs.filter(industry__contains=industry.strip())
    if address:
        qs = qs.filter(address__contains=address.strip())
    if org_id is not None:
        await scope.ensure_in_scope(actor, org_id)
        qs = qs.filter(org_id=org_id) if this_level_only else qs.filter(org_id__in=scope.subtree(org_id))
    if established_from:
        qs = qs.filter(established_on__gte=established_from)
    if established_to:
        qs = qs.filter(established_on__lte=established_to)
    if capital_min is not None:
        qs = qs.filter(capital__gte=capital_min)
    if capital_max is not None:
        qs = qs.filter(capital__lte=capital_max)
    if business_scope:
        qs = qs.filter(business_scope__contains=business_scope.strip())
    rows, nxt = await keyset(qs.prefetch_related("org"), cursor=cursor, limit=limit)
    return {"items": [await entity_out(deps, b) for b in rows], "next": nxt}


async def get_in_scope(*, actor: StaffUser, entity_id: int) -> Business:
    require(actor, Perm.ENTITY_READ)
    business = await Business.get_or_none(id=entity_id).prefetch_related("org")
    if business is None:
        raise errors.EntityNotFound()
    await scope.ensure_in_scope(actor, business.org_id)
    return business


async def license_qr_of(*, actor: StaffUser, entity_id: int) -> dict[str, str]:
    business = await get_in_scope(actor=actor, entity_id=entity_id)
    text = license_qr.license_text(business.uscc)
    png = await asyncio.to_thread(license_qr.render_png, text)
    return {"text": text, "image": license_qr.png_data_url(png)}


async def add_business(*, uscc_code: str, name: str, operator_name: str, operator_id_enc: str | None,
                       operator_id_index: str | None, region_code: str, org_id: int, industry: str, address: str,
                       established_on: Any, kind: str = "individual", capital: Decimal | None = None,
                       business_scope: str = "", using_db: Any = None) -> Business:
    """Insert a newly registered business into the register (issued by a registration authority)."""
    return await Business.create(uscc=uscc_code, name=name, kind=kind, operator_name=operator_name,
                                 operator_id_enc=operator_id_enc, operator_id_index=operator_id_index,
                                 region_code=region_code, org_id=org_id, industry=industry, address=address,
                                 capital=capital, business_scope=business_scope, established_on=established_on,
                                 using_db=using_db)
