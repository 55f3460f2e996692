#!/usr/bin/env bash
# Registration bench (issue 8): the automatic-approval path (智能审批). BENCH_REG applicants fill the whole
# wizard through the API (untimed), then each application is submitted, BENCH_REG_CONCURRENCY at a time, and
# the licence PDF downloaded: approvals per second and p50/p99 of that unit (target p99 ≤ 1 s). The API runs as
# in production (ENV=production, PostgreSQL, Redis, BENCH_WORKERS workers). About a minute at the defaults.
#
#   bash bench/registration_run.sh
#   BENCH_REG=200 BENCH_REG_CONCURRENCY=8 bash bench/registration_run.sh     # quicker, smaller
#
# Knobs (environment): BENCH_REG (applications, default 1000), BENCH_REG_CONCURRENCY (16), BENCH_WORKERS (API
# worker processes, 2), BENCH_SEED, PYTHON (.venv/bin/python).
# Writes bench/results/registration-<UTC timestamp>.json. Exits 0 whatever the numbers are; non-zero only when
# something broke. Every process it starts, and the database servers, are stopped on the way out.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
WORKERS=${BENCH_WORKERS:-2}

log() { printf '\033[1mregistration bench:\033[0m %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

[ -x "$PY" ] || die "no Python at $PY: create the venv first (python3 -m venv .venv && .venv/bin/pip install -e 'backend[dev]')"
"$PY" -c 'import asyncpg, getitong, sanic, httpx' 2>/dev/null || die "$PY lacks the backend: .venv/bin/pip install -e 'backend[dev]'"

WORK=$(mktemp -d /tmp/gtt-registration-bench.XXXXXX)
SERVICES_DIR=""
PGIDS=()

stop_group() {  # stop one process group that this script started: TERM, then KILL after 10 s
  local pgid=$1 i
  kill -TERM -- "-$pgid" 2>/dev/null || return 0
  for i in $(seq 100); do kill -0 -- "-$pgid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$pgid" 2>/dev/null || true
}

cleanup() {
  local rc=$? pgid
  trap - EXIT INT TERM
  for pgid in "${PGIDS[@]}"; do stop_group "$pgid"; done
  [ -n "$SERVICES_DIR" ] && "$ROOT/scripts/services.sh" stop "$SERVICES_DIR" || true
  if [ "$rc" != 0 ] && [ -d "$WORK" ]; then
    for f in "$WORK"/*.log; do [ -f "$f" ] && { log "--- tail of $(basename "$f")"; tail -n 20 "$f" >&2; }; done
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

started=$SECONDS
log "starting PostgreSQL + Redis (scripts/services.sh)"
services_env=$("$ROOT/scripts/services.sh" start) || die "scripts/services.sh start failed"
eval "$services_env"
SERVICES_DIR=$GTT_SERVICES_DIR

cd "$WORK"  # no stray ./.env is read: everything comes from this environment
export ENV=production
export DATABASE_URL=$TEST_DATABASE_URL REDIS_URL=$TEST_REDIS_URL DATA_DIR=$WORK/var
export WORKERS SEED_DEMO=false APPEAL_JOB_ENABLED=false ACCESS_TOKEN_TTL=7200
secrets_env=$("$PY" "$ROOT/bench/prod_env.py") || die "bench/prod_env.py failed"
eval "$secrets_env"

log "migrate + seed"
"$PY" -m getitong migrate >"$WORK/migrate.log" 2>&1
"$PY" -m getitong seed >"$WORK/seed.log" 2>&1
BENCH_WORK_DIR=$WORK "$PY" "$ROOT/bench/registration_bench.py" generate

start_server() {  # name url command… — in its own process group, so that it and its workers stop together
  local name=$1 url=$2 pid i
  shift 2
  setsid "$@" >"$WORK/$name.log" 2>&1 &
  pid=$!
  disown "$pid"
  PGIDS+=("$pid")
  for i in $(seq 300); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || die "$name exited during start-up"
    sleep 0.2
  done
  die "$name did not answer $url within 60 s"
}

API_PORT=$(free_port)
log "starting API :$API_PORT ($WORKERS workers)"
HOST=127.0.0.1 PORT=$API_PORT start_server api "http://127.0.0.1:$API_PORT/api/health" "$PY" -m getitong serve

BENCH_API_URL=http://127.0.0.1:$API_PORT BENCH_WORK_DIR=$WORK BENCH_RESULTS_DIR=$ROOT/bench/results \
  "$PY" "$ROOT/bench/registration_bench.py" measure
log "done in $((SECONDS - started)) s; stopping servers and services"
