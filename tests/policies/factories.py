"""Factories for the policies tests: content editors, policies and benefits written straight to the tables."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from getitong.policies.models import Benefit, Policy, PolicyTarget
from getitong.policies.workflow import PolicyStatus
from getitong.staff.models import Org
from getitong.staff.permissions import Role
from tests import factories


async def editor(deps: Any, org: Org, username: str) -> Any:
    return await factories.staff(deps, org, [Role.CONTENT_EDITOR.value], username=username)


async def published_policy(org: Org, title: str, *, scale_types: list[str] | None = None,
                           tags: list[str] | None = None, industries: list[str] | None = None,
                           region_codes: list[str] | None = None, **extra: Any) -> Policy:
    p = await Policy.create(title=title, summary=f"{title}摘要", body="正文", department="市场监管局", org=org,
                            status=PolicyStatus.PUBLISHED, published_at=datetime.now(UTC),
                            publish_seq=time.time_ns() // 1000, scale_types=scale_types or [], tags=tags or [],
                            industries=industries or [], region_codes=region_codes or [], **extra)
    rows = [PolicyTarget(policy=p, kind="scale", value=v) for v in scale_types or []]
    rows += [PolicyTarget(policy=p, kind="tag", value=v) for v in tags or []]
    rows += [PolicyTarget(policy=p, kind="industry", value=v) for v in industries or []]
    rows += [PolicyTarget(policy=p, kind="region", value=v) for v in region_codes or [org.region_code]]
    await PolicyTarget.bulk_create(rows)
    return p


async def benefit(org: Org, code: str = "HG-2026-001", name: str = "个体工商户社保补贴") -> Benefit:
    return await Benefit.create(code=code, name=name, org=org, amount="2000.00", description="按月发放")
