"""Matching rules shared by policies and benefit rules: 分型, 分类, industry and region (GB/T 2260 codes)."""

from __future__ import annotations

import re
from typing import Any

from tortoise.expressions import Q

from getitong.entities.models import SCALE_LABELS, Region, ScaleType

TAGS = ("名", "特", "优", "新")
TAG_LABELS = {"名": "名", "特": "特", "优": "优", "新": "新"}
_CODE = re.compile(r"^\d{6}(\d{3}){0,2}$")


def valid_region_code(code: str) -> bool:
    return bool(_CODE.match(code))


def region_prefix(code: str) -> str:
    """The prefix every division under `code` shares: 420000 → 42, 420200 → 4202, 420204 → 420204."""
    while len(code) > 6 and code.endswith("000"):
        code = code[:-3]
    if len(code) > 6:
        return code
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


def region_ancestors(code: str) -> list[str]:
    """`code` and every division above it (province, city, district, street), by the code's structure."""
    out: list[str] = []
    head = code[:6]
    for candidate in (head[:2] + "0000", head[:4] + "00", head, code[:9] + "000" if len(code) == 12 else head, code):
        if candidate not in out:
            out.append(candidate)
    return out


def region_within(code: str, parent: str) -> bool:
    """True when `code` is `parent` or lies under it."""
    return code.startswith(region_prefix(parent))


async def region_labels(codes: list[str]) -> list[dict[str, str]]:
    names = {r.code: r.name for r in await Region.filter(code__in=codes)} if codes else {}
    return [{"code": c, "name": names.get(c, c)} for c in codes]


def scale_labels(values: list[str]) -> list[dict[str, str]]:
    return [{"code": v, "name": SCALE_LABELS[ScaleType(v)]} for v in values]


def business_q(*, scale_types: list[str], industries: list[str], region_codes: list[str]) -> Q:
    """SQL part of a rule over the register (tags are JSON lists and are checked per row in Python)."""
    q = Q()
    if scale_types:
        q &= Q(scale_type__in=scale_types)
    if industries:
        q &= Q(industry__in=industries)
    if region_codes:
        region_q = Q()
        for code in region_codes:
            region_q |= Q(region_code__startswith=region_prefix(code))
        q &= region_q
    return q


def tags_match(wanted: list[str], have: Any) -> bool:
    return not wanted or bool(set(wanted) & set(have or []))
