"""双随机 draw bench (issue 9): a 3 % draw over N businesses in 100 registration authorities, timed against
`count(*)` over the same rows, then again with the register doubled; plus a small draw (one authority).

    python bench/supervision_bench.py      # needs DATABASE_URL (PostgreSQL) with the schema migrated

Started by bench/supervision_run.sh. Knobs: BENCH_SUPERVISION_ROWS (businesses, default 1,000,000),
BENCH_SUPERVISION_ORGS (authorities, 100), BENCH_SUPERVISION_RATIO (percent, 3), BENCH_REPEAT (timed runs
per measurement, median reported, 5), BENCH_RESULTS_DIR. The draw is the real use-case (service.run_draw:
candidate scan, sampling, targets written, plan and event rows), each run on a fresh approved plan with the
same scope, timed alternately with count(*) (so that both medians come from the same minutes). Also timed: the draw's scan alone (scan_ms, rolled back) and the scan read back and ranked in
Python as verify_draw does it (select_ms).
Targets: draw ≤ 3 × count(*); draw at 2N ≤ 2.2 × draw at N; a draw of ≤ 1,000 businesses ≤ 100 ms.
A missed target prints MISS and never fails the run; a broken measurement exits non-zero.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg

HERE = Path(__file__).resolve().parent
ENV = os.environ
ROWS = int(ENV.get("BENCH_SUPERVISION_ROWS", "1000000"))
ORGS = int(ENV.get("BENCH_SUPERVISION_ORGS", "100"))
RATIO = Decimal(ENV.get("BENCH_SUPERVISION_RATIO", "3"))
REPEAT = int(ENV.get("BENCH_REPEAT", "5"))
INDUSTRIES = ["餐饮", "零售", "住宿", "居民服务", "交通运输", "制造", "批发", "信息技术"]


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


async def copy_businesses(url: str, orgs: list[tuple[int, str]], start: int, count: int) -> None:
    """COPY `count` businesses with ids from `start`, spread evenly over the authorities; 8 % not active."""
    conn = await asyncpg.connect(url)
    try:
        now = datetime.now(UTC)
        chunk = 100_000
        columns = ["id", "uscc", "name", "kind", "operator_name", "region_code", "org_id", "industry", "address",
                   "status", "tags", "created_at", "updated_at"]
        for lo in range(start, start + count, chunk):
            hi = min(lo + chunk, start + count)
            records = []
            for i in range(lo, hi):
                org_id, region = orgs[i % len(orgs)]
                status = "active" if i % 25 not in (3, 17) else "cancelled"
                kind = "individual" if i % 10 < 8 else "enterprise"
                records.append((i, f"92{i:016d}", f"商户{i}", kind, "经营者", region, org_id,
                                INDUSTRIES[i % len(INDUSTRIES)], "", status, "[]", now, now))
            await conn.copy_records_to_table("business", records=records, columns=columns)
        await conn.execute("VACUUM ANALYZE business")
    finally:
        await conn.close()


async def setup() -> tuple[Any, list[tuple[int, str]]]:
    from getitong.staff.models import OrgLevel, StaffUser
    from getitong.staff.scope import add_org

    root = await add_org(name="基准测试省局", level=OrgLevel.PROVINCE, region_code="990000", parent=None)
    orgs = []
    for k in range(ORGS):
        region = f"99{k // 100:02d}{k % 100:02d}"
        org = await add_org(name=f"基准测试登记机关{k:03d}", level=OrgLevel.DISTRICT, region_code=region, parent=root)
        orgs.append((org.id, region))
    actor = await StaffUser.create(username="bench_sj", name="基准", password_hash="x", org_id=root.id,
                                   roles=["admin"])
    await actor.fetch_related("org")
    return actor, orgs


async def plan_for(actor: Any, **extra: Any) -> Any:
    from getitong.supervision.models import Plan

    values = {"name": "基准抽查", "made_on": date.today(), "ratio": RATIO, "group_size": 5, "team_size": 2,  # noqa: DTZ011
              "filters": {"statuses": ["active"]}, "skip_twice": True, "status": "approved"} | extra
    return await Plan.create(org_id=actor.org_id, created_by_id=actor.id, **values)


async def timed(fn: Any, prepare: Any = None) -> tuple[float, Any]:
    """Median of REPEAT runs after one warm-up; `prepare` (not timed) makes each run's input."""
    times = []
    out = None
    for _ in range(REPEAT + 1):  # the first run warms caches and is not counted
        arg = await prepare() if prepare is not None else None
        t0 = time.perf_counter()
        out = await (fn(arg) if prepare is not None else fn())
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times[1:]), out


async def interleaved(count: Any, draw: Any, prepare: Any) -> tuple[float, Any, float, Any]:
    """count(*) and the draw alternately, REPEAT + 1 times each (the first pair warms up): both medians come
    from the same minutes, so that load from elsewhere on a shared machine weighs on them alike."""
    counts, draws = [], []
    n = out = None
    for _ in range(REPEAT + 1):
        t0 = time.perf_counter()
        n = await count()
        counts.append((time.perf_counter() - t0) * 1000)
        arg = await prepare()
        t0 = time.perf_counter()
        out = await draw(arg)
        draws.append((time.perf_counter() - t0) * 1000)
    return statistics.median(counts[1:]), n, statistics.median(draws[1:]), out


async def measure(actor: Any, big: dict[str, Any], small: dict[str, Any]) -> dict[str, Any]:
    from tortoise import connections
    from tortoise.transactions import in_transaction

    from getitong.supervision import draw as db_draw
    from getitong.supervision import service

    conn = connections.get("default")
    probe = await plan_for(actor, **big)
    cand = await db_draw.candidates_of(conn, probe)

    async def count() -> int:
        return await db_draw.count(conn, cand)

    async def select_only() -> Any:  # the scan read back to Python and ranked there (verify_draw)
        return await db_draw.select(conn, probe, 20260301, {})

    class _Undo(Exception):
        pass

    async def scan_only() -> Any:  # the draw's own scan (parallel aggregate into its temporary table)
        try:
            async with in_transaction() as tx:
                await db_draw.scan_to_table(tx, probe, 20260301)
                raise _Undo
        except _Undo:
            return None

    async def draw(plan: Any) -> Any:
        return await service.run_draw(actor=actor, plan_id=plan.id, seed=20260301)

    def fresh(extra: dict[str, Any]) -> Any:
        # A plan is drawn once: every run draws a new approved plan with the same scope (as in production,
        # where a redraw of the same plan never happens).
        async def make() -> Any:
            return await plan_for(actor, **extra)
        return make

    count_ms, n, draw_ms, out = await interleaved(count, draw, fresh(big))
    scan_ms, _ = await timed(scan_only)
    select_ms, _ = await timed(select_only)
    small_ms, small_out = await timed(draw, fresh(small))
    return {"candidates": n, "count_ms": round(count_ms, 2), "scan_ms": round(scan_ms, 2),
            "scan_over_count": round(scan_ms / count_ms, 2), "select_ms": round(select_ms, 2),
            "select_over_count": round(select_ms / count_ms, 2), "draw_ms": round(draw_ms, 2),
            "drawn": out["draw"]["drawn_count"], "draw_over_count": round(draw_ms / count_ms, 2),
            "small_draw_ms": round(small_ms, 2), "small_drawn": small_out["draw"]["drawn_count"]}


async def main() -> None:
    url = ENV.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("supervision bench: DATABASE_URL must point at PostgreSQL")
    from getitong.core import db
    from getitong.core.settings import Settings

    settings = Settings()
    await db.init(settings)
    try:
        actor, orgs = await setup()
        big: dict[str, Any] = {}
        small = {"filters": {"statuses": ["active"], "org_ids": [orgs[0][0]]}}
        base = 10_000_000  # above anything seeded
        say(f"supervision bench: COPY {ROWS:,} businesses over {ORGS} authorities")
        t0 = time.perf_counter()
        await copy_businesses(url, orgs, base, ROWS)
        say(f"  generated in {time.perf_counter() - t0:.1f} s")
        first = await measure(actor, big, small)
        say(f"  N={ROWS:,}: {json.dumps(first, ensure_ascii=False)}")
        say(f"supervision bench: COPY {ROWS:,} more (doubling)")
        await copy_businesses(url, orgs, base + ROWS, ROWS)
        second = await measure(actor, big, small)
        say(f"  2N={2 * ROWS:,}: {json.dumps(second, ensure_ascii=False)}")
    finally:
        await db.close()
    doubling = round(second["draw_ms"] / first["draw_ms"], 2)
    checks = [("draw ≤ 3 × count(*) at N", first["draw_over_count"] <= 3.0, first["draw_over_count"]),
              ("draw ≤ 3 × count(*) at 2N", second["draw_over_count"] <= 3.0, second["draw_over_count"]),
              ("doubling ≤ 2.2 ×", doubling <= 2.2, doubling),
              ("draw of ≤ 1,000 businesses ≤ 100 ms (N)", first["small_draw_ms"] <= 100, first["small_draw_ms"]),
              ("draw of ≤ 1,000 businesses ≤ 100 ms (2N)", second["small_draw_ms"] <= 100, second["small_draw_ms"])]
    say("")
    for name, passed, value in checks:
        say(f"  {'ok  ' if passed else 'MISS'} {name}: {value}")
    result = {"bench": "supervision", "at": datetime.now(UTC).isoformat(), "rows": ROWS, "orgs": ORGS,
              "ratio": str(RATIO), "repeat": REPEAT, "host": platform.node(), "cpus": os.cpu_count(),
              "n": first, "2n": second, "doubling": doubling,
              "targets": {name: {"ok": passed, "value": value} for name, passed, value in checks}}
    say(f"  written to {write_result(result)}")


def write_result(result: dict[str, Any]) -> Path:
    out_dir = Path(ENV.get("BENCH_RESULTS_DIR", HERE / "results"))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"supervision-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2))
    return path


if __name__ == "__main__":
    asyncio.run(main())
