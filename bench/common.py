"""Helpers shared by the domain benches (appeals_bench.py, credit_bench.py): output, HTTP, the API's keyset
cursor, wrk runs through api_wrk.lua with the same summary fields everywhere, and facts about the machine.

Each bench sets `common.LABEL` (the prefix of its messages) before using die()."""

from __future__ import annotations

import base64
import json
import os
import platform
import random
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ENV = os.environ
LABEL = "bench"

DURATION = int(ENV.get("BENCH_DURATION", "10"))
WARMUP = int(ENV.get("BENCH_WARMUP", "2"))
CONNECTIONS = int(ENV.get("BENCH_CONNECTIONS", "64"))
THREADS = int(ENV.get("BENCH_THREADS", "1"))


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def die(message: str) -> None:
    sys.stderr.write(f"{LABEL}: {message}\n")
    sys.exit(1)


def weighted(pairs: list[tuple[str, float]]) -> tuple[list[str], list[float]]:
    """A table for pick(): the values and their cumulative shares."""
    total, acc, cum = sum(w for _, w in pairs), 0.0, []
    for _, w in pairs:
        acc += w
        cum.append(acc / total)
    return [v for v, _ in pairs], cum


def pick(rng: random.Random, table: tuple[list[str], list[float]]) -> str:
    values, cum = table
    x = rng.random()
    for v, c in zip(values, cum, strict=True):
        if x < c:
            return v
    return values[-1]


def http(method: str, url: str, body: Any = None, token: str | None = None,
         timeout: float = 60) -> tuple[int, Any, float]:
    """One request: (status, decoded JSON or the start of the text, seconds)."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
            return resp.status, json.loads(raw or b"null"), time.perf_counter() - started
    except urllib.error.HTTPError as exc:
        raw = exc.read()
        try:
            return exc.code, json.loads(raw), time.perf_counter() - started
        except ValueError:
            return exc.code, raw[:200].decode(errors="replace"), time.perf_counter() - started


def check(name: str, status: int, reply: Any, want: int = 200) -> None:
    if status != want or not isinstance(reply, dict) or reply.get("code") != "OK":
        die(f"{name}: answered {status}: {str(reply)[:400]}")


def cursor_for(last_id: int) -> str:
    """The API's keyset cursor (getitong.core.pagination.encode_cursor): rows with id < last_id come next."""
    return base64.urlsafe_b64encode(json.dumps({"id": last_id}).encode()).decode().rstrip("=")


def run_wrk(name: str, url: str, *, seconds: int, connections: int = CONNECTIONS, method: str = "GET",
            body: str = "", token: str = "", xff: bool = False) -> dict[str, Any]:
    """wrk with bench/api_wrk.lua; its one-line JSON summary (µs)."""
    out = Path(ENV["BENCH_WORK_DIR"]) / f"{LABEL.split()[0]}-{name}.json"
    out.unlink(missing_ok=True)
    env = dict(ENV, BENCH_METHOD=method, BENCH_BODY=body, BENCH_TOKEN=token, BENCH_XFF="1" if xff else "0",
               BENCH_OUT=str(out))
    cmd = ["wrk", f"-t{min(THREADS, connections)}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
           "-s", str(HERE / "api_wrk.lua"), url]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=seconds + 60, check=False)
    if proc.returncode != 0 or not out.exists():
        die(f"wrk failed for {name} (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return json.loads(out.read_text().splitlines()[-1])


def measure_one(name: str, url: str, *, width: int = 22, **kw: Any) -> dict[str, Any]:
    """A warm-up, then DURATION seconds of load: req/s, latency percentiles (ms), errors, the load before."""
    if WARMUP:
        run_wrk(name + ".warmup", url, seconds=WARMUP, **kw)
        time.sleep(1)  # let the warm-up's queued requests drain
    load = os.getloadavg()[0]
    raw = run_wrk(name, url, seconds=DURATION, **kw)
    secs = raw["duration_us"] / 1e6
    e = raw["errors"]
    r = {"connections": kw.get("connections", CONNECTIONS), "requests": raw["requests"], "seconds": round(secs, 2),
         "rps": round(raw["requests"] / secs, 1), "p50_ms": raw["p50_us"] / 1000, "p90_ms": raw["p90_us"] / 1000,
         "p95_ms": raw["p95_us"] / 1000, "p99_ms": raw["p99_us"] / 1000, "max_ms": raw["max_us"] / 1000,
         "mean_ms": round(raw["mean_us"] / 1000, 3), "non_2xx": e["status"],
         "socket_errors": e["connect"] + e["read"] + e["write"] + e["timeout"], "loadavg_before": round(load, 2)}
    flag = f"  !! {r['non_2xx']} non-2xx, {r['socket_errors']} socket errors" if r["non_2xx"] or r["socket_errors"] \
        else ""
    say(f"  {name:<{width}} {r['rps']:>8.1f} req/s  p50 {r['p50_ms']:>8.1f}  p95 {r['p95_ms']:>8.1f}  "
        f"p99 {r['p99_ms']:>8.1f} ms{flag}")
    return r


def begin() -> tuple[Path, tuple[float, float, float], float]:
    """Before the load: the results directory, the load average, and a warning when other work is already
    using the CPUs (the load average still remembers the data generation, so measure the cores right now)."""
    results_dir = Path(ENV.get("BENCH_RESULTS_DIR", str(HERE / "results")))
    results_dir.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    busy = busy_cores(3.0)
    if busy > 0.3:
        say(f"{LABEL}: warning: {busy:.2f} cores busy before the load starts — something else is using "
            "the CPUs, and every number below shares them with it")
    return results_dir, load_before, busy


def login(url: str, body: dict[str, str], who: str) -> dict[str, Any]:
    """POST a login; its `data` (token, profile/user), or die naming who could not log in."""
    status, reply, _ = http("POST", url, body)
    if status != 200:
        die(f"{who} login failed: {status} {reply}")
    return reply["data"]


def busy_cores(seconds: float) -> float:
    """Cores busy (not idle, not iowait) over `seconds`, from /proc/stat: is something else loading the machine?"""
    def ticks() -> int:
        v = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
        return sum(v) - v[3] - v[4]
    b0 = ticks()
    time.sleep(seconds)
    return (ticks() - b0) / os.sysconf("SC_CLK_TCK") / seconds


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()
