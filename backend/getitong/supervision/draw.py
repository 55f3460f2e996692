"""The draw in the database: candidates selected and sampled in SQL, one scan of the register on PostgreSQL.

PostgreSQL: one grouped scan, run as a parallel aggregate (the gtt_collect_* aggregates of migration
supervision 0003 have a combine function, unlike PostgreSQL 15's array_agg), returns per grouping authority
the candidate count, the fingerprint sums and the candidates whose key (`hashint8extended(id, seed)`)
falls under a threshold a little above the ratio (`sampling.threshold`); the exact bottom-k is then taken
from those few. An authority with fewer candidates under the threshold than its quota (small authorities,
rarely) is read again in full with one indexed query.
  - the draw (`draw_and_write`, the use-case): the scan is kept in a temporary table, Python reads only the
    per-authority counts and sums (quotas by largest remainder, fingerprint), and one INSERT … SELECT ranks
    (bottom-k), packs and writes the targets with window functions;
  - `select` reads the scan back to Python and ranks there (verification of a recorded draw, tests):
    `insert_targets(packs(select(…)))` writes exactly what `draw_and_write` writes.
SQLite (correctness, not speed) streams (authority, id) once, computes the same keys in Python and writes
with `insert_targets(packs(select(…)))`.
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


# The draw's scan as a parallel aggregate, for its own statement only (SET LOCAL: transaction-scoped, then
# put back): no per-tuple transfer cost, so the planner hands the scan to the workers although its row
# estimate for the candidate filter is low; no JIT compilation (its start-up cost is more than it saves).
PARALLEL_ON = "SET LOCAL parallel_tuple_cost = 0; SET LOCAL jit = off;"
PARALLEL_OFF = "SET LOCAL parallel_tuple_cost TO DEFAULT; SET LOCAL jit TO DEFAULT;"
_lz4: dict[str, bool] = {}  # whether the server can compress with lz4 (asked once per process)


async def _fast_toast(conn: Any) -> str:
    """SET LOCAL for the scan's temporary table: its arrays are compressed when stored; lz4 is several
    times faster than the default pglz (when the server was built with it)."""
    if "ok" not in _lz4:
        rows = await _query(conn, "SELECT 'lz4' = ANY(enumvals) AS ok FROM pg_settings "
                                  "WHERE name = 'default_toast_compression'", [])
        _lz4["ok"] = bool(rows and rows[0]["ok"])
    return "SET LOCAL default_toast_compression = lz4;" if _lz4["ok"] else ""


@dataclass
class _Scan:
    groups: dict[int, tuple[int, int, int]]  # org id -> (candidates, sum of ids, sum of keys)
    quotas: dict[int, int]
    ids: dict[int, list[int]]  # org id -> candidate ids that may be drawn (at least `quota` of them)
    regions: dict[int, list[str]]  # aligned with ids
    keys: dict[int, list[int]]  # aligned with ids


def _scan_sql(cand: Candidates, plan: Plan, seed: int, *, for_python: bool) -> str:
    """One grouped scan: per authority the count and fingerprint sums, and the candidates whose key is under
    the threshold, collected with gtt_collect_* (array_append + array_cat: PostgreSQL 15's array_agg has no
    combine function, so it would keep the grouped scan in one process). It runs as a parallel aggregate:
    every worker returns its partial arrays, the leader concatenates them. for_python: three aligned arrays
    (ids, regions, keys) for the draw in Python; else one array of (id, region_code) rows (one filter per
    row instead of two) for the draw in the database."""
    key = sampling.key_sql(seed, "b.id")
    below = f"FILTER (WHERE {key} < {sampling.threshold(Decimal(plan.ratio))})"
    if for_python:
        under = (f"gtt_collect_int8(b.id) {below} AS ids, gtt_collect_text(b.region_code) {below} AS regions, "
                 f"gtt_collect_int8({key}) {below} AS keys")
    else:
        under = f"gtt_collect_row(ROW(b.id, b.region_code)::gtt_draw_row) {below} AS under"
    return (f"SELECT b.org_id AS org_id, count(*) AS n, sum(b.id) AS s, sum({key}) AS ks, {under} "
            f"{cand.sql} GROUP BY b.org_id")


def _full_sql(cand: Candidates, seed: int, orgs: list[int]) -> str:
    """Every candidate of these authorities (the rare authority with fewer ids under the threshold than
    its quota), through the (org_id, id) index."""
    return (f"SELECT b.org_id AS org_id, b.id AS id, b.region_code AS region_code, "
            f"{sampling.key_sql(seed, 'b.id')} AS k {cand.sql} AND b.org_id IN ({_ints(orgs)})")


async def _scan_pg(conn: Any, plan: Plan, seed: int) -> _Scan:
    """The scan read back to Python, keys included (the draw in Python: verification, tests)."""
    cand = await candidates_of(conn, plan)
    async with conn._in_transaction() as tx:
        await tx.execute_script(PARALLEL_ON)
        rows = await _query(tx, _scan_sql(cand, plan, seed, for_python=True), cand.params)
        await tx.execute_script(PARALLEL_OFF)
    groups = {r["org_id"]: (int(r["n"]), int(r["s"]), int(r["ks"])) for r in rows}
    ids = {r["org_id"]: list(r["ids"] or []) for r in rows}
    regions = {r["org_id"]: list(r["regions"] or []) for r in rows}
    keys = {r["org_id"]: list(r["keys"] or []) for r in rows}
    quotas = sampling.quotas({g: v[0] for g, v in groups.items()}, Decimal(plan.ratio))
    short = [g for g, q in quotas.items() if len(ids.get(g, [])) < q]
    if short:
        for g in short:
            ids[g], regions[g], keys[g] = [], [], []
        for r in await _query(conn, _full_sql(cand, seed, short), cand.params):
            ids[r["org_id"]].append(int(r["id"]))
            regions[r["org_id"]].append(r["region_code"])
            keys[r["org_id"]].append(int(r["k"]))
    return _Scan(groups=groups, quotas=quotas, ids=ids, regions=regions, keys=keys)


async def select(conn: Any, plan: Plan, seed: int, must_ids: dict[int, tuple[int, str]]) -> Drawn:
    """Run the draw for `plan` under `seed` (nothing is written). must_ids: business id -> (org id, region)."""
    under: dict[int, list[tuple[int, int]]] = defaultdict(list)
    regions: dict[int, str] = {b: region for b, (_, region) in must_ids.items()}
    if conn.capabilities.dialect == "postgres":
        scan = await _scan_pg(conn, plan, seed)
        groups, quotas = scan.groups, scan.quotas
        for g, ids in scan.ids.items():
            under[g] = list(zip(scan.keys[g], ids, strict=True))
            regions.update(zip(ids, scan.regions[g], strict=True))
        counts = {g: v[0] for g, v in groups.items()}
    else:
        # SQLite (correctness, not speed): one streaming pass of (authority, id), keys computed in Python.
        cand = await candidates_of(conn, plan)
        acc: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
        for r in await _query(conn, f"SELECT b.org_id AS org_id, b.id AS id, b.region_code AS region_code "
                                    f"{cand.sql}", cand.params):
            regions[int(r["id"])] = r["region_code"]
            k = sampling.draw_key(seed, int(r["id"]))
            a = acc[r["org_id"]]
            a[0], a[1], a[2] = a[0] + 1, a[1] + int(r["id"]), a[2] + k
            under[r["org_id"]].append((k, int(r["id"])))
        groups = {g: (a[0], a[1], a[2]) for g, a in acc.items()}
        counts = {g: v[0] for g, v in groups.items()}
        quotas = sampling.quotas(counts, Decimal(plan.ratio))
    picked = {g: sampling.bottom_k(under.get(g, []), q) for g, q in quotas.items() if q > 0}
    must = sorted((org, sampling.draw_key(seed, b), b) for b, (org, _) in must_ids.items())
    return Drawn(seed=seed, counts=counts, quotas=quotas, fingerprint=sampling.fingerprint(groups), picked=picked,
                 must=must, regions=regions)


@dataclass
class Written:
    """What a draw wrote: the record of the plan (the drawn rows are in supervision_target)."""

    seed: int
    counts: dict[int, int]
    quotas: dict[int, int]
    fingerprint: str
    drawn_count: int

    @property
    def candidate_count(self) -> int:
        return sum(self.counts.values())


class NothingToDraw(Exception):
    """No candidate and no must-check business: nothing was written."""

    def __init__(self, candidate_count: int) -> None:
        super().__init__(candidate_count)
        self.candidate_count = candidate_count


# The scan kept in the database for the write (a temporary table of one row per authority, dropped at the
# end of the draw; CREATE TABLE AS runs its query in parallel): the ids under the threshold never travel
# to Python and back.
_SCAN_TABLE = "gtt_draw_scan"

# Rank, pack and write in one statement: per authority the `quota` candidates with the smallest (key, id)
# (bottom-k, as sampling.bottom_k), plus the must-check businesses; per authority in (key, id) order,
# packs of group_size numbered on from the authority's offset (packs of the authorities before it, in id
# order); rows inserted in pack order, so target ids follow it (as `insert_targets(packs(…))`).
# $1 plan, $2 group size, $3 seed, $4..$6 per authority (id, quota, first pack offset), $7..$9 must-check.
_RANKED = f"""
SELECT u.id, q.org_id, u.region_code, hashint8extended(u.id, $3::bigint) AS k, q.quota, q.off,
       row_number() OVER (PARTITION BY q.org_id ORDER BY hashint8extended(u.id, $3::bigint), u.id) AS rank
FROM unnest($4::bigint[], $5::int[], $6::int[]) AS q(org_id, quota, off)
JOIN {_SCAN_TABLE} s ON s.org_id = q.org_id
CROSS JOIN LATERAL unnest(s.under) AS u
WHERE q.quota > 0"""
_INSERT = """
WITH written AS (
INSERT INTO supervision_target (plan_id, business_id, org_id, region_code, draw_key, must_check, pack_no,
                                confirm, result_status)
{select}
ORDER BY org_id, k, id
RETURNING 1)
SELECT count(*) AS n FROM written
"""
# Without a must-check list a candidate's rank in its authority is its place in the packs.
_WRITE_PG = _INSERT.format(select=f"""
SELECT $1, id, org_id, region_code, k, FALSE, (off + (rank - 1) / $2 + 1)::int, 'pending', 'pending'
FROM ({_RANKED}) c
WHERE rank <= quota""")
_WRITE_PG_MUST = _INSERT.format(select=f"""
SELECT $1, id, org_id, region_code, k, m, (off + (n - 1) / $2 + 1)::int, 'pending', 'pending'
FROM (SELECT a.*, row_number() OVER (PARTITION BY a.org_id ORDER BY a.k, a.id) AS n
      FROM (SELECT c.id, c.org_id, c.region_code, c.k, FALSE AS m, c.off
            FROM ({_RANKED}) c
            WHERE c.rank <= c.quota
            UNION ALL
            SELECT u.id, u.org_id, u.region_code, hashint8extended(u.id, $3::bigint), TRUE, q.off
            FROM unnest($7::bigint[], $8::bigint[], $9::varchar[]) AS u(id, org_id, region_code)
            JOIN unnest($4::bigint[], $5::int[], $6::int[]) AS q(org_id, quota, off) ON q.org_id = u.org_id) a
     ) p""")


async def scan_to_table(conn: Any, plan: Plan, seed: int) -> tuple[Candidates, list[dict[str, Any]]]:
    """The draw's scan into the temporary table (PostgreSQL, in the caller's transaction); per authority
    (org_id, n, s, ks, under = how many candidates fell under the threshold)."""
    cand = await candidates_of(conn, plan)
    await conn.execute_script(f"DROP TABLE IF EXISTS {_SCAN_TABLE}; {PARALLEL_ON} {await _fast_toast(conn)}")
    # m: how many fell under the threshold, counted once by the leader (reading it back needs no detoasting)
    await conn.execute_query(f"CREATE TEMPORARY TABLE {_SCAN_TABLE} ON COMMIT DROP AS SELECT a.*, "
                             f"coalesce(cardinality(a.under), 0) AS m "
                             f"FROM ({_scan_sql(cand, plan, seed, for_python=False)}) a", cand.params)
    await conn.execute_script(f"{PARALLEL_OFF} SET LOCAL default_toast_compression TO DEFAULT;")
    rows = await _query(conn, f"SELECT org_id, n, s, ks, m AS under FROM {_SCAN_TABLE}", [])
    return cand, rows


async def draw_and_write(conn: Any, plan: Plan, seed: int, must_ids: dict[int, tuple[int, str]]) -> Written:
    """The draw of `plan` under `seed`, written to supervision_target in the caller's transaction: the same
    rows as `insert_targets(packs(select(…)))`. PostgreSQL ranks, packs and writes in the database (one
    INSERT … SELECT over the scan kept in a temporary table); SQLite runs `select` and `packs` in Python.
    Raises NothingToDraw, having written nothing, when there is nothing to draw."""
    if conn.capabilities.dialect != "postgres":
        drawn = await select(conn, plan, seed, must_ids)
        if drawn.drawn_count == 0:
            raise NothingToDraw(drawn.candidate_count)
        await insert_targets(conn, plan.id, packs(drawn, plan.group_size))
        return Written(seed=seed, counts=drawn.counts, quotas=drawn.quotas, fingerprint=drawn.fingerprint,
                       drawn_count=drawn.drawn_count)
    cand, rows = await scan_to_table(conn, plan, seed)
    groups = {r["org_id"]: (int(r["n"]), int(r["s"]), int(r["ks"])) for r in rows}
    counts = {g: v[0] for g, v in groups.items()}
    quotas = sampling.quotas(counts, Decimal(plan.ratio))
    drawn_count = sum(quotas.values()) + len(must_ids)
    if drawn_count == 0:
        raise NothingToDraw(sum(counts.values()))
    under = {r["org_id"]: int(r["under"]) for r in rows}
    short = [g for g, q in quotas.items() if under[g] < q]
    if short:  # rare (tiny authorities): their every candidate instead of those under the threshold
        await conn.execute_query(
            f"UPDATE {_SCAN_TABLE} t SET under = f.under FROM (SELECT org_id, "
            f"array_agg(ROW(id, region_code)::gtt_draw_row) AS under FROM ({_full_sql(cand, seed, short)}) c "
            f"GROUP BY org_id) f WHERE t.org_id = f.org_id", cand.params)
    must_per_org: dict[int, int] = defaultdict(int)
    for org, _ in must_ids.values():
        must_per_org[org] += 1
    orgs = sorted({g for g, q in quotas.items() if q > 0} | set(must_per_org))
    offsets, first = [], 0
    for g in orgs:
        offsets.append(first)
        first += -(-(quotas.get(g, 0) + must_per_org[g]) // plan.group_size)
    params = [plan.id, plan.group_size, seed, orgs, [quotas.get(g, 0) for g in orgs], offsets]
    if must_ids:
        must = sorted(must_ids.items())
        params += [[b for b, _ in must], [o for _, (o, _) in must], [r for _, (_, r) in must]]
    written = await _query(conn, _WRITE_PG_MUST if must_ids else _WRITE_PG, params)
    await conn.execute_script(f"DROP TABLE {_SCAN_TABLE}")
    if int(written[0]["n"]) != drawn_count:  # the quotas never exceed what was read: a broken invariant
        raise RuntimeError(f"draw wrote {written[0]['n']} targets, expected {drawn_count}")
    return Written(seed=seed, counts=counts, quotas=quotas, fingerprint=sampling.fingerprint(groups),
                   drawn_count=drawn_count)


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
