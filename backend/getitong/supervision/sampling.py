"""The two random steps of 双随机, as pure functions: the draw of businesses and the choice of inspectors.

Draw algorithm "gtt-draw-v1" (bottom-k sampling):
  - a 62-bit seed is drawn from the OS random source and recorded (or given, to redo a draw);
  - every candidate business gets the key h(id) = `draw_key(seed, id)`, a signed 64-bit integer: PostgreSQL's
    built-in `hashint8extended(id, seed)` (Jenkins lookup3), which `draw_key` reproduces bit for bit in Python
    (PostgreSQL computes it in the scan; on SQLite the keys are computed in Python);
  - each grouping authority's quota is its share of ratio × candidates, the totals rounded by largest
    remainder (`quotas`), so the quotas add up to round(ratio × all candidates) and every authority gets
    floor or ceil of its share;
  - an authority's sample is its `quota` candidates with the smallest (key, id): a uniformly random subset
    of that size, found without sorting everything (the SQL keeps only keys under a threshold) and
    independent of the order rows arrive in. Anyone holding the seed and the candidate list can redo it.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import random
import secrets
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal

ALGORITHM = "gtt-draw-v1"
MASK32 = 0xFFFFFFFF
MASK64 = 0xFFFFFFFFFFFFFFFF
KEY_MIN, KEY_SPAN = -(2**63), 2**64  # keys are signed 64-bit integers


def new_seed() -> int:
    """A fresh 62-bit seed from the operating system's random source."""
    return secrets.randbits(62)


def _rot(x: int, k: int) -> int:
    return ((x << k) | (x >> (32 - k))) & MASK32


def _mix(a: int, b: int, c: int) -> tuple[int, int, int]:
    a = (a - c) & MASK32; a ^= _rot(c, 4); c = (c + b) & MASK32  # noqa: E702
    b = (b - a) & MASK32; b ^= _rot(a, 6); a = (a + c) & MASK32  # noqa: E702
    c = (c - b) & MASK32; c ^= _rot(b, 8); b = (b + a) & MASK32  # noqa: E702
    a = (a - c) & MASK32; a ^= _rot(c, 16); c = (c + b) & MASK32  # noqa: E702
    b = (b - a) & MASK32; b ^= _rot(a, 19); a = (a + c) & MASK32  # noqa: E702
    c = (c - b) & MASK32; c ^= _rot(b, 4); b = (b + a) & MASK32  # noqa: E702
    return a, b, c


def _final(a: int, b: int, c: int) -> tuple[int, int, int]:
    c ^= b; c = (c - _rot(b, 14)) & MASK32  # noqa: E702
    a ^= c; a = (a - _rot(c, 11)) & MASK32  # noqa: E702
    b ^= a; b = (b - _rot(a, 25)) & MASK32  # noqa: E702
    c ^= b; c = (c - _rot(b, 16)) & MASK32  # noqa: E702
    a ^= c; a = (a - _rot(c, 4)) & MASK32  # noqa: E702
    b ^= a; b = (b - _rot(a, 14)) & MASK32  # noqa: E702
    c ^= b; c = (c - _rot(b, 24)) & MASK32  # noqa: E702
    return a, b, c


def draw_key(seed: int, business_id: int) -> int:
    """The business's sampling key under this seed: PostgreSQL's `hashint8extended(id, seed)` (Bob Jenkins'
    lookup3 hash as in src/common/hashfn.c), ported bit for bit so that any party can recompute it."""
    val = business_id & MASK64
    lo, hi = val & MASK32, (val >> 32) & MASK32
    lo ^= hi if business_id >= 0 else (~hi & MASK32)
    a = b = c = (0x9E3779B9 + 4 + 3923095) & MASK32
    seed &= MASK64
    if seed:
        a = (a + (seed >> 32)) & MASK32
        b = (b + (seed & MASK32)) & MASK32
        a, b, c = _mix(a, b, c)
    a = (a + lo) & MASK32
    a, b, c = _final(a, b, c)
    out = (b << 32) | c
    return out - 2**64 if out >= 2**63 else out


def key_sql(seed: int, column: str = "b.id") -> str:
    """`draw_key` in PostgreSQL (a built-in function: one call per row)."""
    return f"hashint8extended({column}, {int(seed)}::bigint)"


def quotas(counts: Mapping[int, int], ratio_percent: Decimal) -> dict[int, int]:
    """Per-authority quotas: ratio × candidates, the fractions rounded by largest remainder.

    The total is round-half-up of ratio × all candidates (never more than there are); each authority gets
    the floor of its exact share plus at most one; ties of the remainder go to the lower authority id.
    """
    r = Decimal(ratio_percent) / Decimal(100)
    exact = {g: r * n for g, n in counts.items()}
    base = {g: int(v.to_integral_value(rounding=ROUND_FLOOR)) for g, v in exact.items()}
    total = int((r * sum(counts.values()) + Decimal("0.5")).to_integral_value(rounding=ROUND_FLOOR))
    total = min(total, sum(counts.values()))
    left = total - sum(base.values())
    order = sorted(exact, key=lambda g: (-(exact[g] - base[g]), g))
    for g in order:
        if left <= 0:
            break
        if base[g] < counts[g]:
            base[g] += 1
            left -= 1
    return base


def bottom_k(rows: Iterable[tuple[int, int]], k: int) -> list[tuple[int, int]]:
    """The k rows (key, id) with the smallest key, ties broken by id; sorted."""
    return heapq.nsmallest(k, rows)


def threshold(ratio_percent: Decimal) -> int:
    """Keys under this bound are fetched in the first pass: a margin above the ratio so that an authority
    with a few hundred candidates almost never falls short (a short authority is fetched again in full)."""
    r = float(ratio_percent) / 100
    return KEY_MIN + int(KEY_SPAN * min(1.0, r * 1.25 + 0.004)) - (1 if r * 1.25 + 0.004 >= 1 else 0)


def fingerprint(groups: Mapping[int, tuple[int, int, int]]) -> str:
    """Digest of the candidate set: per authority (count, sum of ids, sum of keys), in authority order."""
    text = ";".join(f"{g}:{n}:{s}:{k}" for g, (n, s, k) in sorted(groups.items()))
    return hashlib.sha256(f"{ALGORITHM}|{text}".encode()).hexdigest()


def draw(candidates: Mapping[int, Sequence[int]], ratio_percent: Decimal, seed: int,
         must_check: Iterable[int] = ()) -> dict[int, list[int]]:
    """Reference draw over an in-memory candidate list (authority -> ids); the database path gives the same.

    Must-check businesses are drawn on top of the quotas and are not candidates themselves.
    Returns authority -> drawn ids (sorted by key); must-check ids are not included (the caller adds them).
    """
    must = set(must_check)
    pool = {g: [i for i in ids if i not in must] for g, ids in candidates.items()}
    q = quotas({g: len(ids) for g, ids in pool.items()}, ratio_percent)
    out = {}
    for g, ids in pool.items():
        out[g] = [i for _, i in bottom_k(((draw_key(seed, i), i) for i in ids), q[g])]
    return out


def chunk(ids: Sequence[int], size: int) -> list[list[int]]:
    """Packs of `size` businesses (the last one may be smaller): a pack goes to one team."""
    return [list(ids[i:i + size]) for i in range(0, len(ids), size)]


# ---- inspector assignment ----


@dataclass(frozen=True)
class Pack:
    """Businesses drawn together (one authority) that one team should inspect."""

    key: int
    org_id: int
    business_ids: tuple[int, ...]


@dataclass
class Assignment:
    teams: dict[int, tuple[int, ...]] = field(default_factory=dict)  # business id -> inspector ids
    unmatched: dict[int, str] = field(default_factory=dict)  # business id -> reason code
    load: dict[int, int] = field(default_factory=dict)  # inspector id -> businesses


NO_INSPECTORS = "no_inspectors"  # the authority has fewer than team_size inspectors in the pool
ALL_RECUSED = "recused"  # enough inspectors, but too many of them are on the business's recusal list


def assign(packs: Sequence[Pack], inspectors: Mapping[int, int], recusals: Mapping[int, set[int]], *,
           team_size: int, seed: int, load: Mapping[int, int] | None = None) -> Assignment:
    """Give each pack a team of `team_size` inspectors of the pack's own authority, least loaded first.

    inspectors: inspector id -> org id (only those available for this plan); recusals: business id -> the
    inspector ids it must never get. Ties of load are broken by a seeded shuffle. A pack that cannot get
    one team for all its businesses (recusals) is split and each business gets its own team; a business
    with fewer than `team_size` eligible inspectors is reported in `unmatched` and gets nobody.
    """
    if team_size < 2:
        raise ValueError("team_size must be at least 2")
    rng = random.Random(seed)
    by_org: dict[int, list[int]] = defaultdict(list)
    for inspector_id, org_id in sorted(inspectors.items()):
        by_org[org_id].append(inspector_id)
    tiebreak = {i: rng.random() for i in sorted(inspectors)}
    result = Assignment(load={i: (load or {}).get(i, 0) for i in inspectors})

    def pick(org_id: int, banned: set[int]) -> tuple[int, ...] | None:
        eligible = [i for i in by_org.get(org_id, []) if i not in banned]
        if len(eligible) < team_size:
            return None
        eligible.sort(key=lambda i: (result.load[i], tiebreak[i]))
        return tuple(sorted(eligible[:team_size]))

    order = list(packs)
    rng.shuffle(order)
    for pack in order:
        banned = set().union(*(recusals.get(b, set()) for b in pack.business_ids)) if pack.business_ids else set()
        team = pick(pack.org_id, banned)
        if team is not None:
            for b in pack.business_ids:
                result.teams[b] = team
            for i in team:
                result.load[i] += len(pack.business_ids)
            continue
        for b in pack.business_ids:
            one = pick(pack.org_id, set(recusals.get(b, set())))
            if one is None:
                enough = len(by_org.get(pack.org_id, [])) >= team_size
                result.unmatched[b] = ALL_RECUSED if enough else NO_INSPECTORS
                continue
            result.teams[b] = one
            for i in one:
                result.load[i] += 1
    return result


def chi_square(observed: Sequence[int], expected: float) -> float:
    return sum((o - expected) ** 2 / expected for o in observed)


def chi_square_critical(df: int, z: float = 3.09) -> float:
    """Wilson–Hilferty approximation of the chi-square quantile (z = 3.09: 0.1 % upper tail)."""
    return df * (1 - 2 / (9 * df) + z * math.sqrt(2 / (9 * df))) ** 3
