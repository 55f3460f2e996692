"""Drive the bench: sample data, log in once, run wrk per scenario, print the table, write the JSON.

Started by bench/run.sh once PostgreSQL, Redis and the three servers are up; everything it needs comes
from the environment (see run.sh). It never asserts a timing: targets are printed as PASS/MISS, and it
exits non-zero only when the measurement itself is broken (a server refused, wrk failed, or a scenario
answered errors instead of the thing being measured).
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg

HERE = Path(__file__).resolve().parent
ENV = os.environ

BASELINE = ENV["BENCH_BASELINE_URL"]
RAW = ENV["BENCH_ASYNCPG_URL"]
API = ENV["BENCH_API_URL"]
API_NOCACHE = ENV.get("BENCH_API_NOCACHE_URL", API)
DURATION = int(ENV.get("BENCH_DURATION", "10"))
WARMUP = int(ENV.get("BENCH_WARMUP", "2"))
CONNECTIONS = int(ENV.get("BENCH_CONNECTIONS", "50"))
THREADS = int(ENV.get("BENCH_THREADS", "1"))
WORK = Path(ENV["BENCH_WORK_DIR"])
RESULTS = Path(ENV.get("BENCH_RESULTS_DIR", str(HERE / "results")))

SHOP_OWNER = {"phone": "13900000001", "password": "Shop@2026"}
STAFF = {"username": "admin", "password": "Admin@2026"}
# Brand words of the demo register (getitong.entities.generator.BRANDS): what staff type to find a shop.
SEARCH_WORDS = ["老王", "福满", "鑫源", "佳佳", "万家", "利民", "顺发", "德兴", "金辉", "楚天", "聚福", "兴旺", "春晖", "磁湖"]

TARGETS = [  # (label, scenario, against, minimum ratio) — from issue 2, section 7
    ("/api/health ≥ 70% of baseline", "api_health", "baseline_hello", 0.70),
    ("lookup by USCC ≥ 15% of baseline", "api_lookup", "baseline_hello", 0.15),
    ("lookup by USCC ≥ 70% of raw asyncpg", "api_lookup", "asyncpg_lookup", 0.70),
    ("home screen, cached ≥ 40% of baseline", "api_home_cached", "baseline_hello", 0.40),  # issue 4
]
P99_TARGETS = [("home screen, cached: p99 ≤ 50 ms", "api_home_cached", 50.0)]  # issue 4


@dataclass
class Scenario:
    name: str
    server: str  # baseline | asyncpg | api
    base: str
    method: str
    path: str
    kind: str = "plain"  # plain | login | lookup | search
    body: str | None = None
    data: Path | None = None
    token: str | None = None
    spoof_xff: bool = False
    note: str = ""
    result: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------- helpers

def http(method: str, url: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as exc:
        raw = exc.read()
        try:
            return exc.code, json.loads(raw)
        except ValueError:
            return exc.code, raw[:200].decode(errors="replace")


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def die(message: str) -> None:
    sys.stderr.write(f"bench: {message}\n")
    sys.exit(1)


def machine_ticks() -> dict[str, int]:
    """CPU ticks of the whole machine (all CPUs) from /proc/stat: busy, of which interrupts, and steal."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = \
        (int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9])
    return {"busy": user + nice + system + irq + softirq + steal, "irq": irq + softirq, "steal": steal}


def cpu_ticks() -> dict[str, int]:
    """CPU ticks used so far, summed per role: the three servers (by process group), PostgreSQL, Redis."""
    groups = {int(ENV[k]): role for k, role in (("BENCH_PGID_BASELINE", "server:baseline"),
                                                ("BENCH_PGID_ASYNCPG", "server:asyncpg"),
                                                ("BENCH_PGID_API", "server:api"),
                                                ("BENCH_PGID_API_NOCACHE", "server:api_nocache")) if ENV.get(k)}
    totals: dict[str, int] = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        rest = stat[stat.rindex(")") + 2:].split()
        pgrp, ticks = int(rest[2]), int(rest[11]) + int(rest[12])
        role = groups.get(pgrp) or ("postgres" if comm.startswith("postgres")
                                    else "redis" if comm.startswith("redis-server") else None)
        if role:
            totals[role] = totals.get(role, 0) + ticks
    return totals


# ------------------------------------------------------------------------------------------- preparing

async def sample_data() -> dict[str, Any]:
    conn = await asyncpg.connect(ENV["DATABASE_URL"])
    try:
        rows = await conn.fetchval("SELECT count(*) FROM business")
        picks = await conn.fetch("SELECT uscc, region_code, name FROM business ORDER BY random() LIMIT 1000")
        pg_version = await conn.fetchval("SHOW server_version")
    finally:
        await conn.close()
    lookups = WORK / "lookup.tsv"
    lookups.write_text("".join(f"{r['uscc']}\t{r['region_code']}\n" for r in picks))
    names = WORK / "search-names.txt"
    names.write_text("".join(urllib.parse.quote(r["name"]) + "\n" for r in picks[:300]))
    words = WORK / "search-words.txt"
    words.write_text("".join(urllib.parse.quote(w) + "\n" for w in SEARCH_WORDS))
    return {"rows": rows, "lookup_file": lookups, "names_file": names, "words_file": words,
            "sample": picks[0], "pg_version": pg_version}


def argon2_cost() -> dict[str, Any]:
    """One hash and one verify with the app's own PasswordHashing and the settings the API runs with."""
    from getitong.core.security import PasswordHashing
    from getitong.core.settings import Settings

    settings = Settings()
    hasher = PasswordHashing(settings)
    hasher.hash("warm-up-1")
    hashes, verifies = [], []
    for i in range(7):
        started = time.perf_counter()
        digest = hasher.hash(f"Bench@{i}2026")
        hashes.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        hasher.verify(digest, f"Bench@{i}2026")
        verifies.append((time.perf_counter() - started) * 1000)
    return {"time_cost": settings.argon2_time_cost, "memory_kib": settings.argon2_memory_kib, "parallelism": 1,
            "hash_ms_median": round(statistics.median(hashes), 2), "hash_ms_max": round(max(hashes), 2),
            "verify_ms_median": round(statistics.median(verifies), 2), "samples": len(hashes),
            "target_ms": 100, "result": "PASS" if statistics.median(hashes) < 100 else "MISS"}


def owner_token() -> str:
    status, reply = http("POST", f"{API}/api/v1/mp/auth/login", SHOP_OWNER)
    if status != 200:
        die(f"shop owner login failed: {status} {reply}")
    return reply["data"]["token"]["access_token"]


def staff_token() -> str:
    status, reply = http("POST", f"{API}/api/v1/admin/auth/login", STAFF)
    if status != 200:
        die(f"staff login as {STAFF['username']} failed: {status} {reply}")
    return reply["data"]["token"]["access_token"]


def sanity(s: Scenario) -> None:
    """One request by hand before the load: the scenario must answer 200 with what it is meant to measure."""
    url = s.base + s.path
    body: Any = json.loads(s.body) if s.body else None
    if s.kind == "lookup":
        uscc, region = s.data.read_text().splitlines()[0].split("\t")  # type: ignore[union-attr]
        body = {"region_code": region, "uscc": uscc}
    elif s.kind == "search":
        url += s.data.read_text().splitlines()[0]  # type: ignore[union-attr]
    status, reply = http(s.method, url, body, s.token)
    ok = status == 200 and (s.server == "baseline" or (isinstance(reply, dict) and reply.get("code") == "OK"))
    if s.kind == "search" and ok:
        ok = bool(reply["data"]["items"])
    if not ok:
        die(f"scenario {s.name}: {s.method} {url} answered {status}: {str(reply)[:300]}")


# --------------------------------------------------------------------------------------------- running

def run_wrk(s: Scenario, seconds: int, out: Path) -> dict[str, Any]:
    env = dict(ENV, BENCH_METHOD=s.method, BENCH_PATH=s.path, BENCH_KIND=s.kind, BENCH_BODY=s.body or "",
               BENCH_DATA=str(s.data or ""), BENCH_TOKEN=s.token or "", BENCH_XFF="1" if s.spoof_xff else "0",
               BENCH_OUT=str(out))
    out.unlink(missing_ok=True)
    cmd = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s",
           "-s", str(HERE / "scenario.lua"), s.base + s.path]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + 60, check=False)
    if proc.returncode != 0 or not out.exists():
        die(f"wrk failed for {s.name} (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return json.loads(out.read_text().splitlines()[-1])


def measure(s: Scenario) -> None:
    sanity(s)
    if WARMUP:
        run_wrk(s, WARMUP, WORK / f"{s.name}.warmup.json")
        time.sleep(1)  # let requests still queued from the warm-up finish (slow ones, like login, queue)
    before_cpu, before_self = cpu_ticks(), resource.getrusage(resource.RUSAGE_CHILDREN)
    before_machine = machine_ticks()
    raw = run_wrk(s, DURATION, WORK / f"{s.name}.json")
    after_cpu, after_self = cpu_ticks(), resource.getrusage(resource.RUSAGE_CHILDREN)
    after_machine = machine_ticks()
    seconds = raw["duration_us"] / 1e6
    hz = os.sysconf("SC_CLK_TCK")
    cpu = {role: round((after_cpu.get(role, 0) - before_cpu.get(role, 0)) / hz / seconds, 2)
           for role in after_cpu if role in ("postgres", "redis", f"server:{s.server}")}
    cpu["wrk"] = round((after_self.ru_utime + after_self.ru_stime - before_self.ru_utime - before_self.ru_stime)
                       / seconds, 2)
    machine = {k: (after_machine[k] - before_machine[k]) / hz / seconds for k in after_machine}
    # Kernel interrupt work (loopback networking runs much of it) and the hypervisor's steal are not
    # any process's; "other" is the rest: processes outside this bench (e.g. a test run beside it).
    cpu["irq"] = round(machine["irq"], 2)
    cpu["steal"] = round(machine["steal"], 2)
    cpu["other"] = round(max(0.0, machine["busy"] - sum(cpu.values())), 2)
    cpu["machine"] = round(machine["busy"], 2)
    server_side = cpu.get(f"server:{s.server}", 0) + cpu.get("postgres", 0) + cpu.get("redis", 0)
    errors = raw["errors"]
    socket_errors = errors["connect"] + errors["read"] + errors["write"] + errors["timeout"]
    s.result = {"requests": raw["requests"], "seconds": round(seconds, 2),
                "rps": round(raw["requests"] / seconds, 1),
                "p50_ms": raw["p50_us"] / 1000, "p90_ms": raw["p90_us"] / 1000, "p99_ms": raw["p99_us"] / 1000,
                "max_ms": raw["max_us"] / 1000, "mean_ms": round(raw["mean_us"] / 1000, 3),
                "non_2xx": errors["status"], "socket_errors": socket_errors,
                "cpu_cores": cpu,
                # Server-side CPU per response (server processes + PostgreSQL + Redis): what one request
                # costs, which other load on the machine changes much less than it changes req/s.
                "cpu_ms_per_request": round(server_side / max(raw["requests"] / seconds, 1e-9) * 1000, 3)}
    flag = "" if not errors["status"] and not socket_errors else \
        f"  !! {errors['status']} non-2xx, {socket_errors} socket errors"
    shares = " ".join(f"{k.removeprefix('server:')}={v}" for k, v in cpu.items())
    say(f"  {s.name:<16} {s.result['rps']:>8.1f} req/s  p50 {fmt_ms(s.result['p50_ms']):>6} ms  "
          f"p99 {fmt_ms(s.result['p99_ms']):>6} ms   cores: {shares}{flag}")


def fmt_ms(v: float) -> str:
    return f"{v:.2f}" if v < 100 else f"{v:.0f}"


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    if load_before[0] > 0.5:
        say(f"bench: warning: load average {load_before[0]:.2f} before the run — something else is using "
              "the CPUs, and every number below shares them with it")
    say("bench: sampling the register …")
    data = asyncio.run(sample_data())
    say(f"bench: {data['rows']:,} businesses; argon2 cost …")
    argon2 = argon2_cost()
    token = staff_token()
    shop = owner_token()
    login_body = json.dumps(SHOP_OWNER)

    scenarios = [
        Scenario("baseline_hello", "baseline", BASELINE, "GET", "/", note="bare Sanic hello-world"),
        Scenario("api_health", "api", API, "GET", "/api/health", note="SELECT 1 + Redis PING"),
        Scenario("asyncpg_lookup", "asyncpg", RAW, "POST", "/lookup", kind="lookup", data=data["lookup_file"],
                 spoof_xff=True, note="same SELECT via raw asyncpg, bare Sanic"),
        Scenario("api_lookup", "api", API, "POST", "/api/v1/mp/license/lookup", kind="lookup",
                 data=data["lookup_file"], spoof_xff=True,
                 note="random seeded USCC + its district; a distinct X-Forwarded-For per request"),
        Scenario("api_mp_login", "api", API, "POST", "/api/v1/mp/auth/login", kind="login", body=login_body,
                 spoof_xff=True, note="13900000001: argon2 verify + refresh token insert + profile"),
        Scenario("api_search_word", "api", API, "GET", "/api/v1/admin/entities?q=", kind="search",
                 data=data["words_file"], token=token, note="q = a brand word (many matches), admin scope"),
        Scenario("api_search_name", "api", API, "GET", "/api/v1/admin/entities?q=", kind="search",
                 data=data["names_file"], token=token, note="q = a full shop name (few matches), admin scope"),
        Scenario("api_home_cached", "api", API, "GET", "/api/v1/mp/home", token=shop,
                 note="the home screen of 13900000001: one MGET of the cached reply and its versions"),
        Scenario("api_home_uncached", "api_nocache", API_NOCACHE, "GET", "/api/v1/mp/home", token=shop,
                 note="the same, built on every call (a second API with HOME_CACHE_ENABLED=false)"),
    ]
    only = {n for n in ENV.get("BENCH_ONLY", "").split(",") if n}
    if only:
        scenarios = [s for s in scenarios if s.name in only or s.name == "baseline_hello"]
    say(f"bench: {len(scenarios)} scenarios × ({WARMUP}s warm-up + {DURATION}s), {CONNECTIONS} connections, "
          f"{THREADS} wrk thread(s), API workers={ENV.get('WORKERS')}")
    for s in scenarios:
        measure(s)

    by_name = {s.name: s.result for s in scenarios}
    base_rps = by_name["baseline_hello"]["rps"]
    for s in scenarios:
        s.result["ratio_to_baseline"] = round(s.result["rps"] / base_rps, 4)
        if s.name == "api_lookup" and "asyncpg_lookup" in by_name:
            s.result["ratio_to_asyncpg"] = round(s.result["rps"] / by_name["asyncpg_lookup"]["rps"], 4)

    say()
    header = (f"{'scenario':<18} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs baseline':>12} {'vs asyncpg':>11} "
              f"{'CPU ms/req':>11}  errors")
    say(header)
    say("-" * len(header))
    for s in scenarios:
        r = s.result
        vs_raw = f"{r['ratio_to_asyncpg']:.1%}" if "ratio_to_asyncpg" in r else ""
        errs = r["non_2xx"] + r["socket_errors"]
        say(f"{s.name:<18} {r['rps']:>9.1f} {fmt_ms(r['p50_ms']):>8} {fmt_ms(r['p99_ms']):>8} "
            f"{r['ratio_to_baseline']:>12.1%} {vs_raw:>11} {r['cpu_ms_per_request']:>11.3f}  {errs or ''}")
    say()
    say(f"argon2id (time_cost={argon2['time_cost']}, memory={argon2['memory_kib']} KiB, parallelism=1): "
          f"hash {argon2['hash_ms_median']} ms (median of {argon2['samples']}), "
          f"verify {argon2['verify_ms_median']} ms — target < 100 ms: {argon2['result']}")

    busiest = max(scenarios, key=lambda s: s.result["cpu_cores"].get("other", 0))
    if busiest.result["cpu_cores"].get("other", 0) > 0.25:
        say(f"warning: other processes used up to {busiest.result['cpu_cores']['other']} of the "
              f"{os.cpu_count()} cores during the run ({busiest.name}): the numbers are lower and noisier "
              "than on a quiet machine")

    targets = []
    broken = [s.name for s in scenarios if s.result["non_2xx"] or s.result["socket_errors"]]
    for label, scenario, against, minimum in TARGETS:
        if scenario not in by_name or against not in by_name:
            continue
        ratio = by_name[scenario]["rps"] / by_name[against]["rps"]
        verdict = "PASS" if ratio >= minimum else "MISS"
        if scenario in broken or against in broken:
            verdict += " (errors during the run: not a valid measurement)"
        targets.append({"target": label, "scenario": scenario, "against": against, "minimum": minimum,
                        "ratio": round(ratio, 4), "result": verdict})
        say(f"  {verdict[:4]}  {label}: {ratio:.1%}")
    for label, scenario, limit_ms in P99_TARGETS:
        if scenario not in by_name:
            continue
        p99 = by_name[scenario]["p99_ms"]
        verdict = "PASS" if p99 <= limit_ms else "MISS"
        if scenario in broken:
            verdict += " (errors during the run: not a valid measurement)"
        targets.append({"target": label, "scenario": scenario, "p99_ms": p99, "limit_ms": limit_ms,
                        "result": verdict})
        say(f"  {verdict[:4]}  {label} at {CONNECTIONS} connections: {fmt_ms(p99)} ms")
    say(f"  {argon2['result']}  one password hash < 100 ms: {argon2['hash_ms_median']} ms")

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report = {
        "timestamp": stamp,
        "machine": {"cpus": os.cpu_count(), "cpu_model": _cpu_model(), "platform": platform.platform(),
                    "python": platform.python_version(), "postgresql": data["pg_version"],
                    "loadavg_before": [round(x, 2) for x in load_before],
                    "loadavg_after": [round(x, 2) for x in os.getloadavg()]},
        "config": {"api_workers": int(ENV.get("WORKERS", "0") or 0), "connections": CONNECTIONS,
                   "wrk_threads": THREADS, "duration_s": DURATION, "warmup_s": WARMUP,
                   "db_pool_max": int(ENV.get("DB_POOL_MAX", "20")), "businesses": data["rows"],
                   "env": ENV.get("ENV"), "cache": "redis", "database": "postgresql"},
        "argon2": argon2,
        "scenarios": [{"name": s.name, "server": s.server, "method": s.method, "path": s.path, "note": s.note,
                       **s.result} for s in scenarios],
        "targets": targets,
    }
    path = RESULTS / f"{stamp}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    say(f"\nbench: results written to {path}")
    if broken:
        die("these scenarios answered errors, so their numbers are not valid: " + ", ".join(broken))


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    main()
