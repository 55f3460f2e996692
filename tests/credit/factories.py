"""Credit-repair test helpers: listings, uploaded materials, a submitted application, one moved to a state."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from PIL import Image

from getitong.accounts.models import Person
from getitong.entities.models import Business
from getitong.risk.models import Listing
from getitong.risk.workflow import ListingKind, ListingStatus
from getitong.staff.models import Org

MP = "/api/v1/mp/credit"
ADMIN = "/api/v1/admin/credit"


@dataclass
class Cast:
    tokens: dict[str, str]
    tree: Any
    station2: Org
    shop: tuple[Business, Business, Business]
    owner: Person
    listing: Listing


_seq = iter(range(1, 10_000))


async def listing(business: Business, org: Org, *, kind: ListingKind = ListingKind.INDIVIDUAL_ABNORMAL,
                  **extra: Any) -> Listing:
    values = {"list_reason": "通过登记的经营场所无法联系", "listed_on": date(2025, 4, 1),
              "status": ListingStatus.LISTED, "doc_no": f"黄下市监异〔2025〕{next(_seq)}号"}
    values |= extra
    return await Listing.create(business=business, region_code=business.region_code, org_id=business.org_id,
                                kind=kind, list_org=org, list_org_name=org.name, **values)


def png(color: tuple[int, int, int] = (10, 120, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(buf, "PNG")
    return buf.getvalue()


async def upload(client: Any, token: str, *, admin: bool = False, color: int = 1) -> int:
    path = "/api/v1/admin/uploads" if admin else "/api/v1/mp/uploads"
    r = await client.post(path, token=token, files={"file": (f"m{color}.png", png((color, 9, 9)))})
    assert r.status == 201, r
    return r.data["id"]


async def materials(client: Any, token: str) -> list[dict[str, Any]]:
    a = await upload(client, token, color=1)
    b = await upload(client, token, color=2)
    return [{"type": "application", "file_id": a}, {"type": "commitment", "file_id": b}]


async def submit(client: Any, cast: Cast, *, listing_ids: list[int] | None = None, token: str | None = None,
                 **over: Any) -> Any:
    token = token or cast.tokens["owner"]
    payload: dict[str, Any] = {"business_id": cast.shop[0].id, "kind": "individual_abnormal",
                               "guide_acknowledged": True,
                               "listing_ids": [cast.listing.id] if listing_ids is None else listing_ids,
                               "reason": "已恢复正常经营，可通过登记的经营场所联系"}
    if "materials" not in over:
        payload["materials"] = await materials(client, token)
    payload.update(over)
    return await client.post(f"{MP}/applications", token=token, json=payload)


async def new_application(client: Any, cast: Cast, **over: Any) -> dict[str, Any]:
    r = await submit(client, cast, **over)
    assert r.status == 201, r
    return r.data


async def act(client: Any, cast: Cast, who: str, app_id: int, action: str, **over: Any) -> Any:
    payload = {"action": action, "opinion": over.pop("opinion", "同意")} | over
    return await client.post(f"{ADMIN}/applications/{app_id}/actions", token=cast.tokens[who], json=payload)


# The steps bringing a fresh application (handled by 下陆区局, the listing org) to each state.
STEPS: dict[str, list[tuple[str, str]]] = {
    "submitted": [],
    "reviewing": [("dclerk", "accept")],
    "approving": [("dclerk", "accept"), ("dreviewer", "review")],
    "approved": [("dclerk", "accept"), ("dreviewer", "review"), ("dapprover", "approve")],
    "refused": [("dclerk", "refuse")],
    "returned": [("dclerk", "return")],
}


async def move_to(client: Any, cast: Cast, status: str, **submit_over: Any) -> int:
    app_id = (await new_application(client, cast, **submit_over))["id"]
    for who, action in STEPS[status]:
        r = await act(client, cast, who, app_id, action)
        assert r.status == 200, r
    return app_id
