"""Appeals bench (issue 3, "Tests and benchmarks"): 1,000,000 generated appeals, then wrk against the API.

    python bench/appeals_bench.py generate   # COPY N appeals into the migrated, seeded database, ANALYZE
    python bench/appeals_bench.py measure    # baseline, submission, desk queue first/deepest page, stats

Started by bench/appeals_run.sh, which provides everything through the environment (DATABASE_URL, the
server URLs, BENCH_* knobs). A target that is missed prints MISS and never fails the run; the exit code is
non-zero only when the measurement itself broke (a server refused, wrk failed, a scenario answered errors).
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import random
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from typing import Any

import asyncpg
import common
from common import (
    CONNECTIONS,
    DURATION,
    ENV,
    THREADS,
    WARMUP,
    check,
    cpu_model,
    cursor_for,
    die,
    http,
    measure_one,
    pick,
    say,
    weighted,
)

common.LABEL = "appeals bench"

SHOP_OWNER = {"phone": "13900000001", "password": "Shop@2026"}
STAFF = {"username": "admin", "password": "Admin@2026"}


# ============================================================================================ generate
#
# Realistic shape: submissions spread over the last 365 days (a little busier lately and on weekdays),
# ids in submission order (as the API assigns them), and the status mix follows the age of the appeal:
# recent ones are still open at every step, older ones are answered (replied) or rated (closed), a few
# old ones are stuck open and overdue. Handling org = the district above the business's station (as
# service._handling_org); the undertaking unit = a station of that district. Timestamps, due dates,
# on-time flags, overdue flags, handling time and ratings are consistent with each other, so the
# statistics have something real to count.

TYPES = [("consult", 35), ("complaint", 25), ("suggestion", 15), ("help", 15), ("other", 10)]
DEPARTMENTS = [("登记注册", 22), ("市场监管综合执法", 14), ("食品安全", 16), ("价格监督检查", 8), ("知识产权", 5),
               ("质量监督", 7), ("消费者权益保护", 14), ("个私协会", 6), ("其他", 8)]
TITLES = ["营业执照经营范围变更咨询", "个体户年报填报问题", "门店招牌设置是否需要审批", "食品经营许可证延续办理",
          "反映周边商户占道经营", "咨询小微企业税费优惠", "申请个体工商户转型升级", "投诉网购商品质量问题",
          "建议简化个体户注销流程", "咨询经营异常名录移出", "求助：营业执照遗失补领", "建议增加夜市摊位",
          "咨询电子营业执照使用", "反映价格标示不规范", "咨询个体户贷款贴息政策", "求助：商标被他人抢注",
          "咨询住所（经营场所）登记要求", "建议开展个体户经营培训", "反映计量器具不准确", "咨询免申即享政策"]
CONTENT = ("本店位于{d}，经营{k}多年。{t}，具体情况如下：近期在办理相关事项时遇到困难，多次咨询未果，"
           "希望市场监管部门能够给予指导和帮助，尽快解决，谢谢！")
KINDS = ["餐饮", "零售", "理发", "维修", "服装", "水果", "五金", "小吃", "便利店", "电子产品"]
REPLY = "您好，您反映的问题已收悉。经核实，已按相关规定处理，具体情况如下：{t}事项已办理完毕。如有疑问请致电咨询。"
OUT_OF_SCOPE = {"department_name": "区人力资源和社会保障局", "contact_person": "王科长", "phone": "027-12345678"}
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
RATINGS = [("satisfied", 75), ("basic", 18), ("dissatisfied", 7)]

# Status mix by age of the appeal (days since submission).
MIX_BY_AGE = [
    (1, [("submitted", 70), ("accepted", 30)]),
    (3, [("submitted", 5), ("accepted", 10), ("transferred", 45), ("reported", 15), ("replied", 25)]),
    (15, [("accepted", 2), ("transferred", 15), ("reported", 10), ("replied", 45), ("closed", 28)]),
    (30, [("transferred", 2), ("reported", 1), ("replied", 40), ("closed", 57)]),
    (10**6, [("accepted", 0.2), ("transferred", 0.3), ("replied", 30), ("closed", 69.5)]),
]
STEPS = ["submitted", "accepted", "transferred", "reported", "replied", "closed"]

COLUMNS = ["id", "business_id", "person_id", "region_code", "org_id", "unit_org_id", "title", "type", "department",
           "content", "photos", "query_code", "query_password_hash", "status", "submitted_at", "accepted_at",
           "transferred_at", "reported_at", "replied_at", "transfer_due_at", "finish_due_at", "transfer_overdue",
           "finish_overdue", "is_overdue", "transfer_on_time", "finish_on_time", "handling_seconds", "out_of_scope",
           "reply", "reply_files", "competent_department", "reopened_once", "rating", "rating_comment", "rated_at",
           "updated_at"]
EVENT_COLUMNS = ["appeal_id", "actor_type", "actor_id", "actor_name", "actor_org_id", "action", "from_status",
                 "to_status", "comment", "payload", "at"]


def _ts(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _chunk_rows(job: dict[str, Any]) -> tuple[list[tuple], list[tuple]]:
    """The appeal rows and their submit events for ids job['first'] … (one chunk, its own random stream)."""
    rng = random.Random(job["seed"])
    businesses, units, person, pw_hash, now = job["businesses"], job["units"], job["person"], job["pw_hash"], job["now"]
    types, depts, ratings = weighted(TYPES), weighted(DEPARTMENTS), weighted(RATINGS)
    mixes = [(limit * 86400, weighted(mix)) for limit, mix in MIX_BY_AGE]
    oos_json = json.dumps(OUT_OF_SCOPE, ensure_ascii=False)
    oos_reply = (f"您的诉求不属于市场监管部门职责范围，请向{OUT_OF_SCOPE['department_name']}咨询或提出诉求。"
                 f"联系人：{OUT_OF_SCOPE['contact_person']}，联系电话：{OUT_OF_SCOPE['phone']}。")
    replies = {t: REPLY.format(t=t) for t in TITLES}
    contents: dict[tuple[str, str, str], str] = {}
    uniform, rand, nb = rng.uniform, rng.random, len(businesses)
    H, D = 3600.0, 86400.0
    rows, events = [], []
    for k, age in enumerate(job["ages"]):
        appeal_id = job["first"] + k
        mix = next(m for limit, m in mixes if age < limit)
        status = pick(rng, mix)
        step = STEPS.index(status)
        b_id, region, station, org = businesses[rng.randrange(nb)]
        sub = now - age
        title = TITLES[rng.randrange(len(TITLES))]
        finish_due = sub + 15 * D
        out_of_scope = step >= 4 and rand() < 0.1
        accepted = transferred = reported = replied = transfer_due = rated = None
        unit = rating = reply = competent = None
        transfer_on_time = finish_on_time = handling = None
        transfer_overdue = False
        if step >= 1:
            accepted = min(sub + uniform(0.3, 20) * H, now - 60)
            transfer_due = accepted + D
            transfer_overdue = step == 1 and transfer_due < now
        if step >= 2 and not out_of_scope:
            transferred = min(accepted + (uniform(0.5, 26) if rand() < 0.93 else uniform(26, 96)) * H, now - 30)
            transfer_on_time = transferred <= transfer_due
            transfer_overdue = not transfer_on_time
            choices = units.get(org) or [station]
            unit = station if rand() < 0.8 else choices[rng.randrange(len(choices))]
        if step >= 3 and not out_of_scope:
            reported = min(transferred + uniform(0.5, 12) * D, now - 20)
        if step >= 4:
            base = accepted + uniform(2, 48) * H if out_of_scope else reported + uniform(1, 48) * H
            replied = min(base, now - 10)
            finish_on_time = replied <= finish_due
            handling = int(replied - sub)
            finish_overdue = not finish_on_time
            reply, competent = (oos_reply, oos_json) if out_of_scope else (replies[title], None)
        else:
            finish_overdue = finish_due < now  # open and past the limit: the job has marked it
        if step >= 5:
            rating = pick(rng, ratings)
            rated = min(replied + uniform(0.5, 72) * H, now)
        last = rated or replied or reported or transferred or accepted or sub
        kind = KINDS[appeal_id % len(KINDS)]
        content = contents.get((region, kind, title))
        if content is None:
            content = contents[(region, kind, title)] = CONTENT.format(d=region, k=kind, t=title)
        sub_dt = _ts(sub)
        rows.append((
            appeal_id, b_id, person[0], region, org, unit, title, pick(rng, types), pick(rng, depts), content,
            "[]", "".join(rng.choices(CODE_ALPHABET, k=12)), pw_hash, status, sub_dt,
            accepted and _ts(accepted), transferred and _ts(transferred), reported and _ts(reported),
            replied and _ts(replied), transfer_due and _ts(transfer_due), _ts(finish_due), transfer_overdue,
            finish_overdue, transfer_overdue or finish_overdue, transfer_on_time, finish_on_time, handling,
            out_of_scope, reply, "[]", competent, False, rating, "" if rating else None, rated and _ts(rated),
            _ts(last)))
        # The submit event (the timeline's first row) for every appeal; later steps are not read by the queue
        # or the statistics, so they are left out to keep generation fast.
        events.append((appeal_id, "person", person[0], person[1], None, "submit", None, "submitted", "",
                       '{"files":[]}', sub_dt))
    return rows, events


def _copy_chunk(job: dict[str, Any]) -> tuple[int, float, float]:
    """Worker process: generate one chunk and COPY it; returns (rows, generate seconds, COPY seconds)."""
    t0 = time.perf_counter()
    rows, events = _chunk_rows(job)
    t1 = time.perf_counter()

    async def copy() -> None:
        conn = await asyncpg.connect(job["dsn"])
        try:
            # The foreign keys' RI triggers (business, person, org, unit org; appeal for the events) cost
            # several look-ups per row and dominate a COPY. Every id here comes from the tables just read, so
            # they are skipped for this session (superuser on the throw-away server) and checked at the end.
            await conn.execute("SET session_replication_role = replica")
            async with conn.transaction():
                await conn.copy_records_to_table("appeal", records=rows, columns=COLUMNS)
                await conn.copy_records_to_table("appeal_event", records=events, columns=EVENT_COLUMNS)
        finally:
            await conn.close()

    asyncio.run(copy())
    return len(rows), t1 - t0, time.perf_counter() - t1


async def generate() -> None:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    count = int(ENV.get("BENCH_APPEALS", "1000000"))
    chunk = int(ENV.get("BENCH_APPEALS_CHUNK", "25000"))
    procs = int(ENV.get("BENCH_GENERATE_PROCS", str(os.cpu_count() or 2)))
    seed = int(ENV.get("BENCH_SEED", "20260301"))
    rng = random.Random(seed)
    started = time.perf_counter()
    dsn = ENV["DATABASE_URL"]
    conn = await asyncpg.connect(dsn)
    try:
        # Businesses with their station and its district (the handling org), like service._handling_org.
        businesses = [tuple(r) for r in await conn.fetch(
            """SELECT b.id, b.region_code, b.org_id AS station,
                      COALESCE((SELECT o.id FROM org_closure c JOIN org o ON o.id = c.ancestor_id
                                 WHERE c.descendant_id = b.org_id AND o.level = 'district' LIMIT 1), b.org_id) AS org
                 FROM business b ORDER BY b.id""")]
        stations = await conn.fetch("SELECT id, parent_id FROM org WHERE level = 'station'")
        person = await conn.fetchrow("SELECT id, name FROM person ORDER BY id LIMIT 1")
        desks = {r["org_id"]: r["id"] for r in await conn.fetch(
            "SELECT DISTINCT ON (org_id) id, org_id FROM staff_user ORDER BY org_id, id")}
        admin_id = await conn.fetchval("SELECT id FROM staff_user WHERE username = 'admin'")
        first_id = (await conn.fetchval("SELECT COALESCE(max(id), 0) FROM appeal")) + 1
        if not businesses or person is None:
            die("no seeded businesses or person: run `python -m getitong seed` first")
        units: dict[int, list[int]] = {}
        for st in stations:
            units.setdefault(st["parent_id"], []).append(st["id"])
        from getitong.core.security import PasswordHashing
        from getitong.core.settings import Settings

        # One real argon2 hash, shared: the generated appeals can't be queried by password, but the column
        # holds what the API stores.
        pw_hash = PasswordHashing(Settings()).hash("bench-appeal")
        now = time.time()
        year = 365 * 86400
        say(f"appeals: generating {count:,} appeals over {len(businesses):,} businesses "
            f"({len({b[3] for b in businesses})} handling orgs), ids from {first_id:,}, "
            f"{procs} processes × COPY chunks of {chunk:,}")
        # Submission times: denser lately (+~15 % over the year) and fewer at weekends; sorted oldest first, so
        # that ids ascend with submission time as the API assigns them.
        ages: list[float] = []
        while len(ages) < count:
            a = rng.random() ** 1.15 * year
            if datetime.fromtimestamp(now - a, UTC).weekday() >= 5 and rng.random() < 0.45:
                continue
            ages.append(a)
        ages.sort(reverse=True)
        jobs = [{"dsn": dsn, "seed": seed * 1000 + n, "first": first_id + i, "ages": ages[i:i + chunk],
                 "businesses": businesses, "units": units, "person": tuple(person), "pw_hash": pw_hash, "now": now}
                for n, i in enumerate(range(0, count, chunk))]
        done, gen_s, copy_s, last_say = 0, 0.0, 0.0, 0.0
        with ProcessPoolExecutor(procs) as pool:
            for fut in as_completed([pool.submit(_copy_chunk, j) for j in jobs]):
                n, g, c = fut.result()
                done, gen_s, copy_s = done + n, gen_s + g, copy_s + c
                el = time.perf_counter() - started
                if el - last_say >= 10 or done == count:
                    last_say = el
                    say(f"appeals: {done:>9,} / {count:,}  ({done / el:,.0f} rows/s, {el:.0f} s; per process: "
                        f"generate {gen_s:.0f} s, COPY {copy_s:.0f} s)")
        # Supervision notices (督办) on a few overdue open appeals, from the city above, so the queue's
        # supervision count has rows to find.
        overdue = await conn.fetch(
            "SELECT a.id, a.org_id, o.parent_id FROM appeal a JOIN org o ON o.id = a.org_id "
            "WHERE a.is_overdue AND a.status IN ('accepted','transferred','reported') AND a.id >= $1 LIMIT 5000",
            first_id)
        sups = [(r["id"], r["parent_id"] or r["org_id"], r["org_id"], desks.get(r["parent_id"], admin_id),
                 "请加快办理，按期答复", datetime.now(UTC)) for r in overdue]
        if sups:
            await conn.copy_records_to_table(
                "appeal_supervision", records=sups,
                columns=["appeal_id", "from_org_id", "to_org_id", "staff_id", "content", "created_at"])
        await conn.execute("SELECT setval(pg_get_serial_sequence('appeal', 'id'), (SELECT max(id) FROM appeal))")
        await conn.execute("SELECT setval(pg_get_serial_sequence('appeal_event', 'id'), "
                           "(SELECT max(id) FROM appeal_event))")
        # The foreign keys skipped above, checked once: every reference must name an existing row.
        dangling = await conn.fetchval(
            """SELECT count(*) FROM appeal a
                WHERE a.id >= $1 AND (NOT EXISTS (SELECT 1 FROM business b WHERE b.id = a.business_id)
                   OR NOT EXISTS (SELECT 1 FROM person p WHERE p.id = a.person_id)
                   OR NOT EXISTS (SELECT 1 FROM org o WHERE o.id = a.org_id)
                   OR (a.unit_org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org o WHERE o.id = a.unit_org_id)))""",
            first_id)
        if dangling:
            die(f"{dangling} generated appeals reference missing rows")
        # VACUUM too, not just ANALYZE: a table that has just received a million rows by COPY has never been
        # vacuumed, and autovacuum's insert threshold (20 % of the rows) starts a pass over the whole table
        # (~1.3 GB with its indexes) about a minute later — in the middle of the measurement, on the same two
        # cores. A live table is vacuumed as it grows; the bench measures that steady state, not the bulk load.
        say("appeals: VACUUM ANALYZE …")
        await conn.execute("VACUUM (ANALYZE) appeal, appeal_event, appeal_supervision")
        total = await conn.fetchval("SELECT count(*) FROM appeal")
        mix = await conn.fetch("SELECT status, count(*) AS n FROM appeal GROUP BY 1 ORDER BY 2 DESC")
        say(f"appeals: {count:,} appeals + {count:,} events + {len(sups):,} supervisions in "
            f"{time.perf_counter() - started:.0f} s (foreign keys checked); status mix: "
            + ", ".join(f"{r['status']} {r['n'] / total:.1%}" for r in mix))
    finally:
        await conn.close()


# ============================================================================================= measure

STATS_RUNS = int(ENV.get("BENCH_STATS_RUNS", "5"))
QUEUE_LIMIT = 20  # the admin app's page size (PageQuery default)


async def _db_facts(filters: dict[str, str]) -> dict[str, Any]:
    """Cursors of the deepest page (the 20 oldest rows of the filter) and the data's size, straight from SQL."""
    conn = await asyncpg.connect(ENV["DATABASE_URL"])
    try:
        facts: dict[str, Any] = {
            "appeals": await conn.fetchval("SELECT count(*) FROM appeal"),
            "pg_version": await conn.fetchval("SHOW server_version"),
            "status_mix": {r["status"]: r["n"] for r in await conn.fetch(
                "SELECT status, count(*) AS n FROM appeal GROUP BY 1 ORDER BY 2 DESC")},
            "deepest": {}}
        for name, status in filters.items():
            where = "WHERE status = $1" if status else ""
            args = [status] if status else []
            n = await conn.fetchval(f"SELECT count(*) FROM appeal {where}", *args)
            # Rows are returned newest first with id < cursor: the cursor is the id of the (limit+1)-th
            # oldest row, so the page holds the limit oldest rows and no `next` — the last page.
            cur = await conn.fetchval(f"SELECT id FROM appeal {where} ORDER BY id OFFSET {QUEUE_LIMIT} LIMIT 1",
                                      *args)
            facts["deepest"][name] = {"rows": n, "cursor_id": cur, "pages": -(-n // QUEUE_LIMIT)}
        return facts
    finally:
        await conn.close()


def measure() -> None:
    base, api = ENV["BENCH_BASELINE_URL"], ENV["BENCH_API_URL"]
    results_dir, load_before, busy = common.begin()

    staff_token = common.login(f"{api}/api/v1/admin/auth/login", STAFF, "staff (admin)")["token"]["access_token"]
    owner_token = common.login(f"{api}/api/v1/mp/auth/login", SHOP_OWNER, "shop owner")["token"]["access_token"]

    # Queue filters measured: the whole province queue (admin's default view), and one status tab.
    queue_filters = {"all": "", "status=closed": "closed"}
    facts = asyncio.run(_db_facts(queue_filters))
    say(f"appeals bench: {facts['appeals']:,} appeals; {CONNECTIONS} connections, {THREADS} wrk thread(s), "
        f"{WARMUP}s warm-up + {DURATION}s per scenario, API workers={ENV.get('WORKERS')}")

    submit_path = "/api/v1/mp/appeals"
    submit_body = {"title": "反映周边商户占道经营", "type": "complaint", "department": "市场监管综合执法",
                   "content": "本店门前长期被临街商户占道摆摊，影响顾客进出，请予以处理。", "photos": []}
    s, r, t = http("POST", api + submit_path, submit_body, owner_token)
    check("submit", s, r, 201)
    if not r["data"].get("query_code") or not r["data"].get("query_password"):
        die(f"submit: no query code/password in {r}")
    say(f"  (one submission by hand: {t * 1000:.0f} ms, query code {r['data']['query_code']})")

    queue_urls: dict[str, str] = {}
    for fname, st in queue_filters.items():
        params = {"limit": str(QUEUE_LIMIT)}
        if st:
            params["status"] = st
        first = f"{api}/api/v1/admin/appeals?{urllib.parse.urlencode(params)}"
        d = facts["deepest"][fname]
        deep = f"{api}/api/v1/admin/appeals?{urllib.parse.urlencode({**params, 'cursor': cursor_for(d['cursor_id'])})}"
        for kind, url in (("first", first), ("deepest", deep)):
            s, r, t = http("GET", url, token=staff_token)
            check(f"queue {fname} {kind}", s, r)
            items = r["data"]["items"]
            if len(items) != QUEUE_LIMIT:
                die(f"queue {fname} {kind}: {len(items)} items, expected {QUEUE_LIMIT}")
            if kind == "deepest" and r["data"]["next"] is not None:
                die(f"queue {fname} deepest: a `next` cursor after the oldest rows: {r['data']['next']}")
            if kind == "first" and r["data"]["next"] is None:
                die(f"queue {fname} first: no `next` cursor")
            say(f"  (queue {fname} {kind} page by hand: {t * 1000:.0f} ms, ids {items[0]['id']}…{items[-1]['id']})")
            queue_urls[f"{fname}:{kind}"] = url

    results: dict[str, dict[str, Any]] = {}
    say("")
    results["baseline_hello"] = measure_one("baseline_hello", base + "/")
    for fname in queue_filters:
        for kind in ("first", "deepest"):
            results[f"queue_{kind}[{fname}]"] = measure_one(f"queue_{kind}[{fname}]", queue_urls[f"{fname}:{kind}"],
                                                            token=staff_token)
    # Submission last: it adds rows on top of the queue's first page.
    results["submit"] = measure_one("submit", api + submit_path, method="POST",
                                    body=json.dumps(submit_body, ensure_ascii=False), token=owner_token, xff=True)

    # Statistics: province subtree (the admin's org), whole period; sequential requests, median wall time.
    stats_url = f"{api}/api/v1/admin/appeals/stats"
    stats_times, stats_reply = [], None
    time.sleep(1)
    for _ in range(STATS_RUNS):
        s, r, t = http("GET", stats_url, token=staff_token, timeout=120)
        check("stats", s, r)
        stats_times.append(round(t * 1000, 1))
        stats_reply = r["data"]
    total = stats_reply["total"] if stats_reply else {}
    if total.get("received", 0) < facts["appeals"]:
        die(f"stats: received {total.get('received')} < {facts['appeals']} appeals: not the province subtree")
    stats_median = statistics.median(stats_times)
    say(f"  {'stats (province)':<22} median {stats_median:.0f} ms over {STATS_RUNS} runs {stats_times}; "
        f"received {total['received']:,}, {len(stats_reply['by_org'])} orgs")

    base_rps = results["baseline_hello"]["rps"]
    for r in results.values():
        r["ratio_to_baseline"] = round(r["rps"] / base_rps, 4)

    sub = results["submit"]
    targets = [
        {"target": "submission ≥ 8% of baseline req/s", "value": f"{sub['ratio_to_baseline']:.1%}",
         "ok": sub["ratio_to_baseline"] >= 0.08},
        {"target": f"submission p99 ≤ 100 ms at {CONNECTIONS} connections", "value": f"{sub['p99_ms']:.0f} ms",
         "ok": sub["p99_ms"] <= 100},
    ]
    for fname in queue_filters:
        f, d = results[f"queue_first[{fname}]"], results[f"queue_deepest[{fname}]"]
        ratio = d["p95_ms"] / f["p95_ms"] if f["p95_ms"] else float("inf")
        targets.append({"target": f"queue [{fname}] deepest p95 ≤ 1.5× first p95", "value":
                        f"{d['p95_ms']:.0f} / {f['p95_ms']:.0f} ms = {ratio:.2f}×", "ratio": round(ratio, 3),
                        "ok": ratio <= 1.5})
    targets.append({"target": "stats, province subtree ≤ 2 s (median)", "value": f"{stats_median:.0f} ms",
                    "ok": stats_median <= 2000})
    broken = [n for n, r in results.items() if r["non_2xx"] or r["socket_errors"]]

    say("")
    header = f"{'scenario':<24} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'vs baseline':>12}  errors"
    say(header)
    say("-" * len(header))
    for n, r in results.items():
        errs = r["non_2xx"] + r["socket_errors"]
        say(f"{n:<24} {r['rps']:>9.1f} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} {r['p99_ms']:>8.1f} "
            f"{r['ratio_to_baseline']:>12.1%}  {errs or ''}")
    say(f"{'stats (province, 1 conn)':<24} {'':>9} median {stats_median:.0f} ms  runs {stats_times}")
    say("")
    for t in targets:
        t["result"] = "PASS" if t["ok"] else "MISS"
        say(f"  {t['result']}  {t['target']}: {t['value']}")
    if broken:
        say("  (errors during: " + ", ".join(broken) + " — those numbers are not valid measurements)")

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report = {
        "timestamp": stamp,
        "machine": {"cpus": os.cpu_count(), "cpu_model": cpu_model(), "platform": platform.platform(),
                    "python": platform.python_version(), "postgresql": facts["pg_version"],
                    "loadavg_before": [round(x, 2) for x in load_before], "busy_cores_before": round(busy, 2),
                    "loadavg_after": [round(x, 2) for x in os.getloadavg()]},
        "config": {"api_workers": int(ENV.get("WORKERS", "0") or 0), "connections": CONNECTIONS,
                   "wrk_threads": THREADS, "duration_s": DURATION, "warmup_s": WARMUP, "stats_runs": STATS_RUNS,
                   "queue_limit": QUEUE_LIMIT, "env": ENV.get("ENV"), "database": "postgresql", "cache": "redis"},
        "data": {"appeals": facts["appeals"], "status_mix": facts["status_mix"], "queue_filters": facts["deepest"],
                 "generate_seconds": float(ENV.get("BENCH_GENERATE_SECONDS", "0") or 0)},
        "scenarios": results,
        "stats": {"url": stats_url, "runs_ms": stats_times, "median_ms": stats_median, "total": total,
                  "orgs": len(stats_reply["by_org"]) if stats_reply else 0},
        "targets": targets,
        "broken": broken,
    }
    path = results_dir / f"appeals-{stamp}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n")
    say(f"\nappeals bench: results written to {path}")
    if broken:
        die("these scenarios answered errors, so their numbers are not valid: " + ", ".join(broken))


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    if what == "generate":
        asyncio.run(generate())
    elif what == "measure":
        measure()
    else:
        die("usage: appeals_bench.py generate | measure")
