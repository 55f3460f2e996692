"""The draw in the database: candidates selected and sampled in SQL, one scan of the register on PostgreSQL.

PostgreSQL: one grouped scan returns, per grouping authority, the candidate count, the fingerprint sums and
the ids whose key (`hashint8extended(id, seed)`) falls under a threshold a little above the ratio
(`sampling.threshold`); the exact bottom-k is then taken from those few ids. An authority whose ids under
the threshold are fewer than its quota (small authorities, rarely) is read again in full with one indexed
query. SQLite streams (authority, id) once and computes the same keys in Python. Targets are written with
one INSERT … SELECT FROM unnest(…).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from getitong.supervision import sampling
from getitong.supervision.models import Plan
from getitong.supervision.workflow import ScopeMode


@dataclass
class Candidates:
    sql: str  # "FROM … WHERE …" over business b
    params: list[Any]


@dataclass
class Drawn:
    seed: int
    counts: dict[int, int]
    quotas: dict[int, int]
    fingerprint: str
    picked: dict[int, list[tuple[int, int]]]  # org id -> [(key, business id)] sorted
    must: list[tuple[int, int, int]] = field(default_factory=list)  # (org id, key, business id)
    regions: dict[int, str] = field(default_factory=dict)  # business id -> region code (drawn and must-check)

    @property
    def candidate_count(self) -> int:
        return sum(self.counts.values())

    @property
    def drawn_count(self) -> int:
        return sum(len(v) for v in self.picked.values()) + len(self.must)


def _ints(values: list[int]) -> str:
    return ",".join(str(int(v)) for v in values)


async def candidates_of(conn: Any, plan: Plan) -> Candidates:
    """The plan's scope as SQL over `business b` (ids and enum values inlined, free text as parameters).

    The org subtree is resolved first and inlined, so that PostgreSQL plans with the real list: an index
    scan on (org_id, id) for one authority, a sequential scan for a province.
    """
    f = plan.filters or {}
    params: list[Any] = []

    def param(value: Any) -> str:
        params.append(value)
        return f"${len(params)}"

    roots = [int(x) for x in f.get("org_ids") or []] or [plan.org_id]
    rows = await _query(conn, f"SELECT DISTINCT descendant_id AS id FROM org_closure WHERE ancestor_id IN "
                              f"({_ints(roots)})", [])
    orgs = sorted(int(r["id"]) for r in rows) or [0]
    where = [f"b.org_id IN ({_ints(orgs)})"]
    if plan.scope_mode == ScopeMode.SAMPLE:
        src = (f"FROM business b JOIN supervision_plan_business pb ON pb.business_id = b.id "
               f"AND pb.plan_id = {int(plan.id)} AND pb.must_check = FALSE")
    else:
        src = "FROM business b"
        statuses = f.get("statuses") or ["active"]
        where.append("b.status IN (" + ",".join(f"'{str(s)}'" for s in statuses if str(s).isalpha()) + ")")
        if f.get("kinds"):
            where.append("b.kind IN (" + ",".join(f"'{str(k)}'" for k in f["kinds"] if str(k).isalpha()) + ")")
        if f.get("industries"):
            where.append("b.industry IN (" + ",".join(param(i) for i in f["industries"]) + ")")
        if f.get("region_prefix"):
            where.append(f"b.region_code LIKE {param(f['region_prefix'] + '%')}")
        if f.get("name_contains"):
            where.append(f"b.name LIKE {param('%' + f['name_contains'] + '%')}")
        if f.get("established_from"):
            where.append(f"b.established_on >= {param(_date(f['established_from']))}")
        if f.get("established_to"):
            where.append(f"b.established_on <= {param(_date(f['established_to']))}")
    where.append(f"b.id NOT IN (SELECT business_id FROM supervision_plan_business WHERE plan_id = {int(plan.id)} "
                 "AND must_check = TRUE)")
    if plan.skip_twice:
        where.append("b.id NOT IN (SELECT business_id FROM supervision_tally WHERE times >= 2)")
    return Candidates(sql=f"{src} WHERE " + " AND ".join(where), params=params)


def _date(value: Any) -> Any:
    return date.fromisoformat(value) if isinstance(value, str) else value


async def count(conn: Any, cand: Candidates) -> int:
    sql = f"SELECT count(*) AS n {cand.sql}"
    rows = await _query(conn, sql, cand.params)
    return int(rows[0]["n"])


async def _query(conn: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    if conn.capabilities.dialect == "sqlite":
        sql = re.sub(r"\$\d+", "?", sql)
    return await conn.execute_query_dict(sql, params)


async def select(conn: Any, plan: Plan, seed: int, must_ids: dict[int, tuple[int, str]]) -> Drawn:
    """Run the draw for `plan` under `seed` (nothing is written). must_ids: business id -> (org id, region)."""
    cand = await candidates_of(conn, plan)
    groups: dict[int, tuple[int, int, int]] = {}
    under: dict[int, list[tuple[int, int]]] = defaultdict(list)
    regions: dict[int, str] = {b: region for b, (_, region) in must_ids.items()}
    if conn.capabilities.dialect == "postgres":
        t = sampling.threshold(Decimal(plan.ratio))
        inner = (f"SELECT b.id AS id, b.org_id AS org_id, b.region_code AS region_code, "
                 f"{sampling.key_sql(seed, 'b.id')} AS k {cand.sql}")
        # One scan (measured faster than a parallel count + a parallel filtered scan: the CPU is the limit).
        rows = await _query(conn, f"SELECT org_id, count(*) AS n, sum(id) AS s, sum(k) AS ks, "
                                  f"array_agg(id) FILTER (WHERE k < {t}) AS ids, "
                                  f"array_agg(k) FILTER (WHERE k < {t}) AS keys, "
                                  f"array_agg(region_code) FILTER (WHERE k < {t}) AS regions "
                                  f"FROM ({inner}) c GROUP BY org_id", cand.params)
        for r in rows:
            groups[r["org_id"]] = (int(r["n"]), int(r["s"]), int(r["ks"]))
            under[r["org_id"]] = list(zip(r["keys"] or [], r["ids"] or [], strict=True))
            regions.update(zip(r["ids"] or [], r["regions"] or [], strict=True))
        counts = {g: v[0] for g, v in groups.items()}
        quotas = sampling.quotas(counts, Decimal(plan.ratio))
        short = [g for g, q in quotas.items() if len(under.get(g, [])) < q]
        if short:
            # Rare (tiny authorities): read those authorities in full through the (org_id, id) index.
            for g in short:
                under[g] = []
            for r in await _query(conn, f"SELECT org_id, id, k, region_code FROM ({inner}) c "
                                        f"WHERE org_id IN ({_ints(short)})", cand.params):
                under[r["org_id"]].append((int(r["k"]), int(r["id"])))
                regions[int(r["id"])] = r["region_code"]
    else:
        # SQLite (correctness, not speed): one streaming pass of (authority, id), keys computed in Python.
        acc: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
        keyed: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for r in await _query(conn, f"SELECT b.org_id AS org_id, b.id AS id, b.region_code AS region_code "
                                    f"{cand.sql}", cand.params):
            regions[int(r["id"])] = r["region_code"]
            k = sampling.draw_key(seed, int(r["id"]))
            a = acc[r["org_id"]]
            a[0], a[1], a[2] = a[0] + 1, a[1] + int(r["id"]), a[2] + k
            keyed[r["org_id"]].append((k, int(r["id"])))
        groups = {g: (a[0], a[1], a[2]) for g, a in acc.items()}
        under = keyed
        counts = {g: v[0] for g, v in groups.items()}
        quotas = sampling.quotas(counts, Decimal(plan.ratio))
    picked = {g: sampling.bottom_k(under.get(g, []), q) for g, q in quotas.items() if q > 0}
    must = sorted((org, sampling.draw_key(seed, b), b) for b, (org, _) in must_ids.items())
    return Drawn(seed=seed, counts=counts, quotas=quotas, fingerprint=sampling.fingerprint(groups), picked=picked,
                 must=must, regions=regions)


def packs(drawn: Drawn, group_size: int) -> list[tuple[int, int, bool, int, int, str]]:
    """(business id, key, must_check, pack no, org id, region): per authority, drawn and must-check businesses
    in key order, packed by group_size; pack numbers run over authorities in id order."""
    per_org: dict[int, list[tuple[int, int, bool]]] = defaultdict(list)
    for org, rows in drawn.picked.items():
        per_org[org].extend((k, b, False) for k, b in rows)
    for org, k, b in drawn.must:
        per_org[org].append((k, b, True))
    out = []
    pack_no = 0
    for org in sorted(per_org):
        rows = sorted(per_org[org])
        for part in sampling.chunk(rows, group_size):
            pack_no += 1
            out.extend((b, k, m, pack_no, org, drawn.regions[b]) for k, b, m in part)
    return out


async def insert_targets(conn: Any, plan_id: int, rows: list[tuple[int, int, bool, int, int, str]]) -> None:
    if not rows:
        return
    cols = ("INSERT INTO supervision_target (plan_id, business_id, org_id, region_code, draw_key, must_check, "
            "pack_no, confirm, result_status) ")
    if conn.capabilities.dialect == "postgres":
        ids, keys, musts, pack_nos, orgs, regions = (list(x) for x in zip(*rows, strict=True))
        await conn.execute_query(
            cols + "SELECT $1, t.id, t.o, t.r, t.k, t.m, t.p, 'pending', 'pending' FROM unnest($2::bigint[], "
            "$3::bigint[], $4::boolean[], $5::int[], $6::bigint[], $7::varchar[]) AS t(id, k, m, p, o, r)",
            [plan_id, ids, keys, musts, pack_nos, orgs, regions])
    else:
        await conn.execute_many(cols + "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 'pending')",
                                [[plan_id, b, o, r, k, int(m), p] for b, k, m, p, o, r in rows])
