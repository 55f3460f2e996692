"""Penalty import bench (issue 9): 100,000 行政处罚 rows in one .xlsx through the real importer (the code
behind POST /api/v1/admin/risk-records/imports), timed from the upload's check to the finished job, with the
peak memory of the process that runs it. Targets: ≤ 60 s, ≤ 200 MB.

    python bench/risk_import_bench.py prepare   # the workbook, from businesses of the migrated, seeded register
    python bench/risk_import_bench.py measure   # a fresh process: start_import + run_import, wall time, peak RSS

Started by bench/risk_import_run.sh (DATABASE_URL, DATA_DIR, BENCH_WORK_DIR, BENCH_RESULTS_DIR from the
environment). 1 % of the rows are wrong on purpose (unknown code, bad date), as real files are: the failure
workbook is part of the work measured. Knobs: BENCH_IMPORT_ROWS (100000), BENCH_SEED.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import common
from common import ENV, cpu_model, die, say

# BENCH_IMPORTER=risk (风险信息 import, POST /api/v1/admin/risk-records/imports) or collection (信息归集 行政处罚,
# POST /api/v1/admin/collection/imports: rows are stored 处理中, then 记名 in batches, penalties mirrored to risk).
IMPORTER = ENV.get("BENCH_IMPORTER", "risk")
common.LABEL = f"{IMPORTER} import bench"
ROWS = int(ENV.get("BENCH_IMPORT_ROWS", "100000"))
TARGET_SECONDS, TARGET_MB = 60.0, 200.0


def _rss_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _connect() -> None:
    from getitong.core import db
    from getitong.core.settings import Settings

    await db.init(Settings())


async def prepare() -> None:
    from openpyxl import Workbook
    from tortoise import Tortoise

    from getitong.entities.models import Business

    await _connect()
    codes = list(await Business.all().limit(5000).values_list("uscc", flat=True))
    await Tortoise.close_connections()
    if not codes:
        die("no businesses: seed the register first")
    rng = random.Random(int(ENV.get("BENCH_SEED", "20260301")))
    headers, fields = _columns()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("数据")
    ws.append(headers)
    contents = ["当事人在其经营场所内销售超过保质期的食品，违反了《中华人民共和国食品安全法》第三十四条第十项的规定。",
                "当事人未按规定公示营业执照，违反了《市场主体登记管理条例》第三十六条的规定。",
                "当事人使用未经检定的计量器具，违反了《中华人民共和国计量法》第九条的规定。"]
    start = date(2024, 1, 1)
    for i in range(ROWS):
        decided = start + timedelta(days=rng.randrange(700))
        row = {"code": rng.choice(codes), "business_name": "", "doc_no": f"黄市监罚〔{decided.year}〕{i + 1}号",
               "penalty_name": "", "penalty_type": rng.choice(["警告", "罚款", "没收违法所得、罚款"]),
               "basis": "《中华人民共和国行政处罚法》", "violation_type": "违反市场监管法规",
               "content": rng.choice(contents), "fine_amount": round(rng.uniform(0.05, 5), 2),
               "confiscated_amount": None, "decided_on": decided, "published_on": decided + timedelta(days=7),
               "decision_org_name": ""}
        if IMPORTER == "collection":
            row = {"subject_code": row["code"], "subject_name": "", "record_no": row["doc_no"],
                   "name": "违反市场监管法规案", "penalty_type": {"没收违法所得、罚款": "没收违法所得、没收非法财物"}.get(row["penalty_type"], row["penalty_type"]),
                   "basis": row["basis"], "fine_amount": row["fine_amount"], "confiscated_amount": None,
                   "violation_type": row["violation_type"], "content": row["content"],
                   "published_on": row["published_on"], "decided_on": decided,
                   "authority": "黄石市下陆区市场监督管理局", "is_public": "是"}
        code_field = "subject_code" if IMPORTER == "collection" else "code"
        if i % 100 == 37:
            row[code_field] = "92420204MA0000000X"  # not in the register (bad check character too)
        elif i % 100 == 73:
            row["decided_on"] = "2025年13月40日"
        ws.append([row.get(f) for f in fields])
    out = Path(ENV["BENCH_WORK_DIR"]) / "penalties.xlsx"
    wb.save(out)
    say(f"{IMPORTER} import: {ROWS:,} rows written ({out.stat().st_size / 2**20:.1f} MB .xlsx)")


def _columns() -> tuple[list[str], list[str]]:
    """Header row and field names of the chosen importer's template."""
    if IMPORTER == "collection":
        from getitong.collection.importer import columns
        from getitong.collection.workflow import Kind

        cols = columns(Kind.PENALTY)
        return [("*" if c.required else "") + c.header for c in cols], [c.name for c in cols]
    from getitong.risk.importer import COLUMNS
    from getitong.risk.workflow import ImportKind

    cols = COLUMNS[ImportKind.PENALTIES]
    return ["*" + c.header if c.required else c.header for c in cols], [c.field for c in cols]


async def _run_collection(deps: object, actor: object, path: Path, data: bytes) -> dict:
    from getitong.collection import importer
    from getitong.collection.models import CollectionImport
    from getitong.collection.workflow import Kind

    job = await importer.start_import(deps, actor=actor, kind=Kind.PENALTY, file_name=path.name, data=data)
    del data
    await importer.run_import(deps, job.id)
    job = await CollectionImport.get(id=job.id)
    return {"status": job.status.value, "imported": job.stored + job.updated, "matched": job.matched,
            "unmatched": job.unmatched, "failed": job.failed, "error": job.error}


async def measure() -> dict:
    from getitong.core.deps import build_deps
    from getitong.core.settings import Settings
    from getitong.risk import importer
    from getitong.risk.models import RiskImport
    from getitong.risk.workflow import ImportKind
    from getitong.staff import service as staff_service
    from getitong.staff.models import StaffUser

    await _connect()
    deps = build_deps(Settings())
    admin = await StaffUser.get(username="admin")
    actor = await staff_service.load_actor(admin.id)
    rss_before = _rss_mb("VmRSS")
    path = Path(ENV["BENCH_WORK_DIR"]) / "penalties.xlsx"
    t0 = time.perf_counter()
    data = path.read_bytes()
    if IMPORTER == "collection":
        out = await _run_collection(deps, actor, path, data)
        del data
    else:
        job = await importer.start_import(deps, actor=actor, kind=ImportKind.PENALTIES, file_name=path.name,
                                          data=data)
        del data
        await importer.run_import(deps, job.id)
        job = await RiskImport.get(id=job.id)
        out = {"status": job.status.value, "imported": job.imported, "failed": job.failed, "error": job.error}
    seconds = time.perf_counter() - t0
    peak = _rss_mb("VmHWM")
    if out["status"] != "done":
        say(f"  job status {out['status']}: {out['error']}")
    result = {"importer": IMPORTER, "rows": ROWS, **{k: v for k, v in out.items() if k != "error"},
              "seconds": round(seconds, 1), "rows_per_second": round(ROWS / seconds),
              "peak_rss_mb": round(peak, 1), "rss_before_mb": round(rss_before, 1),
              "file_mb": round(path.stat().st_size / 2**20, 1)}
    targets = [{"target": f"import of {ROWS:,} penalty rows ≤ {TARGET_SECONDS:.0f} s", "value": f"{seconds:.1f} s",
                "ok": seconds <= TARGET_SECONDS},
               {"target": f"peak memory ≤ {TARGET_MB:.0f} MB (process RSS high-water mark)", "value": f"{peak:.0f} MB",
                "ok": peak <= TARGET_MB}]
    say(f"  {ROWS:,} rows: {out['imported']:,} imported, {out['failed']:,} failed rows in the failure file; "
        f"{seconds:.1f} s ({ROWS / seconds:,.0f} rows/s); peak RSS {peak:.0f} MB (before: {rss_before:.0f} MB)")
    for t in targets:
        say(f"  {'PASS' if t['ok'] else 'MISS'}  {t['target']}: {t['value']}")
    return {"result": result, "targets": targets}


def write(report: dict) -> None:
    results_dir = Path(ENV.get("BENCH_RESULTS_DIR", str(common.HERE / "results")))
    results_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = results_dir / f"{IMPORTER}-import-{stamp}.json"
    report["machine"] = {"cpus": os.cpu_count(), "cpu_model": cpu_model(), "platform": platform.platform()}
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    say(f"  written to {out}")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    if what == "prepare":
        asyncio.run(prepare())
    elif what == "measure":
        write(asyncio.run(measure()))
    else:
        die("usage: risk_import_bench.py prepare | measure")
