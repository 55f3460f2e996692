"""Codes issued on approval: the USCC (GB 32100-2015) with its embedded organisation code (GB 11714-1997)."""

from __future__ import annotations

import secrets

from getitong.entities import uscc

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
# Characters both standards allow in the organisation-code body (the USCC alphabet: no I, O, S, V, Z).
_BODY = uscc.ALPHABET


def org_code_check(body8: str) -> str:
    """GB 11714 check character of an 8-character organisation-code body: digits count as themselves,
    letters A=10 … Z=35; C = 11 − Σ mod 11, where 10 is X and 11 is 0."""
    total = sum((int(ch) if ch.isdigit() else ord(ch) - 55) * w for ch, w in zip(body8, _ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def org_code_valid(code9: str) -> bool:
    return len(code9) == 9 and org_code_check(code9[:8]) == code9[8]


def new_uscc(region_code: str) -> str:
    """`92` (市场监管 / 个体工商户) + the 6-digit region code + a 9-character organisation code (MA + 6 random,
    with its GB 11714 check) + the GB 32100 check character."""
    body = "MA" + "".join(secrets.choice(_BODY) for _ in range(6))
    first17 = "92" + region_code[:6] + body + org_code_check(body)
    return first17 + uscc.check_char(first17)
