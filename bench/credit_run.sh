#!/usr/bin/env bash
# Credit-repair bench (issue 5): 200,000 generated applications; the staff 待办 list of the 经办 xfjb
# (GET /api/v1/admin/credit/applications), first and deepest page, for the default 待办 view and one
# status/kind filter, at 64 connections and at 1 (server time), against a bare Sanic hello-world baseline.
# About 2½ minutes on 2 cores.
#
#   bash bench/credit_run.sh
#   BENCH_CREDIT=50000 BENCH_DURATION=5 bash bench/credit_run.sh     # quicker, smaller
#
# Knobs (environment): BENCH_CREDIT (applications, default 200000), BENCH_CREDIT_HOME (share handled by the
# 经办's office, 0.7), BENCH_WORKERS (worker processes of the API and the baseline, default 2), BENCH_DURATION
# (s per scenario, 10), BENCH_WARMUP (2), BENCH_CONNECTIONS (64), BENCH_SERVER_CONNECTIONS (1),
# BENCH_THREADS (wrk threads, 1), BENCH_SEED, PYTHON (.venv/bin/python).
# Writes bench/results/credit-<UTC timestamp>.json. Exits 0 whatever the numbers are; non-zero only when
# something broke. Every process it starts, and the database servers, are stopped on the way out.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
WORKERS=${BENCH_WORKERS:-2}

log() { printf '\033[1mcredit bench:\033[0m %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

[ -x "$PY" ] || die "no Python at $PY: create the venv first (python3 -m venv .venv && .venv/bin/pip install -e 'backend[dev]')"
"$PY" -c 'import asyncpg, getitong, sanic' 2>/dev/null || die "$PY lacks the backend: .venv/bin/pip install -e 'backend[dev]'"
if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || die "wrk is missing: sudo apt-get install -y wrk"
  log "installing wrk (Debian package)"
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi

WORK=$(mktemp -d /tmp/gtt-credit-bench.XXXXXX)
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

# As in production (docker/): ENV=production with throw-away secrets, PostgreSQL, Redis, one proxy in front.
# The same environment seeds the data, so blind indexes and encrypted fields match.
cd "$WORK"  # no stray ./.env is read: everything comes from this environment
export ENV=production
export DATABASE_URL=$TEST_DATABASE_URL REDIS_URL=$TEST_REDIS_URL DATA_DIR=$WORK/var
export WORKERS SEED_DEMO=false APPEAL_JOB_ENABLED=false
secrets_env=$("$PY" "$ROOT/bench/prod_env.py") || die "bench/prod_env.py failed"
eval "$secrets_env"

log "migrate + seed"
"$PY" -m getitong migrate >"$WORK/migrate.log" 2>&1
"$PY" -m getitong seed >"$WORK/seed.log" 2>&1
gen_started=$SECONDS
"$PY" "$ROOT/bench/credit_bench.py" generate
export BENCH_GENERATE_SECONDS=$((SECONDS - gen_started))
log "data ready in $((SECONDS - started)) s (applications: $BENCH_GENERATE_SECONDS s)"

start_server() {  # name url command… — in its own process group, so that it and its workers stop together
  local name=$1 url=$2 pid i
  shift 2
  setsid "$@" >"$WORK/$name.log" 2>&1 &
  pid=$!
  disown "$pid"  # stopped by cleanup(); no job-control notice when it is
  PGIDS+=("$pid")
  for i in $(seq 300); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || die "$name exited during start-up"
    sleep 0.2
  done
  die "$name did not answer $url within 60 s"
}

BASELINE_PORT=$(free_port); API_PORT=$(free_port)
log "starting baseline :$BASELINE_PORT and API :$API_PORT ($WORKERS workers each)"
PYTHONPATH=$ROOT/bench start_server baseline "http://127.0.0.1:$BASELINE_PORT/" \
  "$PY" -m sanic baseline_app:app --host 127.0.0.1 --port "$BASELINE_PORT" --workers "$WORKERS" --no-access-logs --no-motd
HOST=127.0.0.1 PORT=$API_PORT start_server api "http://127.0.0.1:$API_PORT/api/health" "$PY" -m getitong serve

BENCH_BASELINE_URL=http://127.0.0.1:$BASELINE_PORT BENCH_API_URL=http://127.0.0.1:$API_PORT \
BENCH_WORK_DIR=$WORK BENCH_RESULTS_DIR=$ROOT/bench/results \
  "$PY" "$ROOT/bench/credit_bench.py" measure
log "done in $((SECONDS - started)) s; stopping servers and services"
