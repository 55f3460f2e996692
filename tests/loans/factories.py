"""Loans test helpers: institutions and products written straight to the tables, applications via the API."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from getitong.loans.models import GuaranteeType, LoanProduct
from getitong.loans.workflow import ProductStatus
from getitong.staff.models import FinancialInstitution, Org

MP = "/api/v1/mp/loans"
ADMIN = "/api/v1/admin/loans"


async def institution(org: Org, name: str) -> FinancialInstitution:
    return await FinancialInstitution.create(name=name, region_code=org.region_code, org=org)


async def product(inst: FinancialInstitution, name: str = "个体工商户经营贷", *,
                  status: ProductStatus = ProductStatus.PUBLISHED, guarantee: GuaranteeType = GuaranteeType.CREDIT,
                  lo: int = 10_000, hi: int = 500_000, **extra: Any) -> LoanProduct:
    return await LoanProduct.create(
        institution=inst, name=name, amount_min=Decimal(lo), amount_max=Decimal(hi), rate_min=Decimal("3.45"),
        rate_max=Decimal("5.80"), term_months_min=6, term_months_max=36, guarantee_type=guarantee,
        eligibility="登记满1年，信用良好", description="用于日常经营周转", status=status,
        published_at=datetime.now(UTC) if status == ProductStatus.PUBLISHED else None, **extra)


async def apply(client: Any, token: str, product_id: int, **over: Any) -> Any:
    payload = {"amount": 200000, "purpose": "进货备货，扩大经营"}
    payload.update(over)
    return await client.post(f"{MP}/products/{product_id}/apply", token=token, json=payload)


async def new_application(client: Any, token: str, product_id: int, **over: Any) -> dict[str, Any]:
    r = await apply(client, token, product_id, **over)
    assert r.status == 201, r
    return r.data


STEP_BODIES: dict[str, dict[str, Any]] = {
    "contact": {"note": "已电话联系，约定周三上门"},
    "approve": {"amount": 150000, "rate": 3.85, "term_months": 24, "note": "审批通过"},
    "reject": {"note": "经营流水不足"},
    "grant": {"amount": 150000, "granted_on": None, "note": "已放款至经营者账户"},
    "withdraw": {"note": "暂不需要"},
}

PATHS: dict[str, list[str]] = {
    "submitted": [], "contacted": ["contact"], "approved": ["contact", "approve"],
    "granted": ["contact", "approve", "grant"], "rejected": ["reject"], "withdrawn": ["withdraw"],
}


def body_for(action: str) -> dict[str, Any]:
    body = dict(STEP_BODIES[action])
    if action == "grant":
        body["granted_on"] = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    return body


async def act(client: Any, token: str, application_id: int, action: str, **over: Any) -> Any:
    body = body_for(action)
    body.update(over)
    prefix = MP if action == "withdraw" else ADMIN
    return await client.post(f"{prefix}/applications/{application_id}/{action}", token=token, json=body)


async def move_to(client: Any, tokens: dict[str, str], product_id: int, status: str, *,
                  owner: str = "owner", bank: str = "bank") -> int:
    """A fresh application of `owner` for the product, brought to `status` through the API."""
    app_id = (await new_application(client, tokens[owner], product_id))["id"]
    for action in PATHS[status]:
        r = await act(client, tokens[owner if action == "withdraw" else bank], app_id, action)
        assert r.status == 200, (action, r)
    return app_id
