#!/usr/bin/env bash
# `make bench`: the API against a bare Sanic baseline and raw asyncpg, on PostgreSQL + Redis, on loopback.
#
#   bash bench/run.sh                      # everything: ~3 minutes on 2 cores
#   BENCH_ROWS=20000 BENCH_DURATION=5 bash bench/run.sh     # quicker, smaller
#   BENCH_ONLY=api_lookup,asyncpg_lookup bash bench/run.sh  # some scenarios (the baseline always runs)
#
# Knobs (environment): BENCH_ROWS (businesses in the register, default 100000), BENCH_WORKERS (worker
# processes of every server, default 2 = the production count on this 2-core machine), BENCH_DURATION
# (seconds per scenario, default 10), BENCH_WARMUP (default 2), BENCH_CONNECTIONS (default 50),
# BENCH_THREADS (wrk threads, default 1), PYTHON (default .venv/bin/python).
# Writes bench/results/<UTC timestamp>.json. Exits 0 whatever the numbers are; non-zero only when
# something broke. Every process it starts, and the database servers, are stopped on the way out.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
WORKERS=${BENCH_WORKERS:-2}
ROWS=${BENCH_ROWS:-100000}

log() { printf '\033[1mbench:\033[0m %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

[ -x "$PY" ] || die "no Python at $PY: create the venv first (make run, or python3 -m venv .venv && .venv/bin/pip install -e 'backend[dev]')"
"$PY" -c 'import asyncpg, getitong, sanic' 2>/dev/null || die "$PY lacks the backend: .venv/bin/pip install -e 'backend[dev]'"
if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || die "wrk is missing: sudo apt-get install -y wrk"
  log "installing wrk (Debian package)"
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi

WORK=$(mktemp -d /tmp/gtt-bench.XXXXXX)
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

# ---------------------------------------------------------------------------------------------- services
log "starting PostgreSQL + Redis (scripts/services.sh)"
services_env=$("$ROOT/scripts/services.sh" start) || die "scripts/services.sh start failed"
eval "$services_env"
SERVICES_DIR=$GTT_SERVICES_DIR

# The API runs as in production (docker/): ENV=production with throw-away secrets, PostgreSQL, Redis,
# and one proxy in front (PROXIES_COUNT=1), so the client address comes from X-Forwarded-For. The same
# environment seeds the data, so blind indexes and encrypted fields match.
cd "$WORK"  # no stray ./.env is read: everything comes from this environment
export ENV=production
export DATABASE_URL=$TEST_DATABASE_URL REDIS_URL=$TEST_REDIS_URL DATA_DIR=$WORK/var
export WORKERS SEED_DEMO=false
secrets_env=$("$PY" "$ROOT/bench/prod_env.py") || die "bench/prod_env.py failed"
eval "$secrets_env"  # a random value for every *_SECRET / *_KEY setting (FIELD_ENCRYPTION_KEY: 32 bytes)

# ------------------------------------------------------------------------------------------------- data
started=$SECONDS
log "migrate + seed (demo register of 5000 businesses)"
"$PY" -m getitong migrate >"$WORK/migrate.log" 2>&1
"$PY" -m getitong seed >"$WORK/seed.log" 2>&1
if [ "$ROWS" -gt 5000 ]; then
  log "gen-entities $((ROWS - 5000)) (to $ROWS businesses)"
  "$PY" -m getitong gen-entities "$((ROWS - 5000))" >"$WORK/gen-entities.log" 2>&1
fi
psql -q "$DATABASE_URL" -c 'VACUUM ANALYZE' >/dev/null
log "data ready in $((SECONDS - started)) s"

# ---------------------------------------------------------------------------------------------- servers
start_server() {  # name url command… — in its own process group, so that it and its workers stop together
  local name=$1 url=$2 pid i
  shift 2
  setsid "$@" >"$WORK/$name.log" 2>&1 &
  pid=$!
  PGIDS+=("$pid")
  for i in $(seq 300); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || die "$name exited during start-up"
    sleep 0.2
  done
  die "$name did not answer $url within 60 s"
}

BASELINE_PORT=$(free_port); ASYNCPG_PORT=$(free_port); API_PORT=$(free_port); NOCACHE_PORT=$(free_port)
log "starting baseline :$BASELINE_PORT, raw asyncpg :$ASYNCPG_PORT, API :$API_PORT ($WORKERS workers each)"
SANIC_OPTS=(--host 127.0.0.1 --workers "$WORKERS" --no-access-logs --no-motd)
PYTHONPATH=$ROOT/bench start_server baseline "http://127.0.0.1:$BASELINE_PORT/" \
  "$PY" -m sanic baseline_app:app --port "$BASELINE_PORT" "${SANIC_OPTS[@]}"
PYTHONPATH=$ROOT/bench BENCH_DATABASE_URL=$DATABASE_URL start_server asyncpg "http://127.0.0.1:$ASYNCPG_PORT/ready" \
  "$PY" -m sanic asyncpg_app:app --port "$ASYNCPG_PORT" "${SANIC_OPTS[@]}"
HOST=127.0.0.1 PORT=$API_PORT start_server api "http://127.0.0.1:$API_PORT/api/health" "$PY" -m getitong serve
# The same API with the home-screen cache off: the uncached home call is measured against it.
HOME_CACHE_ENABLED=false HOST=127.0.0.1 PORT=$NOCACHE_PORT start_server api_nocache \
  "http://127.0.0.1:$NOCACHE_PORT/api/health" "$PY" -m getitong serve

# ------------------------------------------------------------------------------------------------- load
BENCH_BASELINE_URL=http://127.0.0.1:$BASELINE_PORT \
BENCH_ASYNCPG_URL=http://127.0.0.1:$ASYNCPG_PORT \
BENCH_API_URL=http://127.0.0.1:$API_PORT BENCH_API_NOCACHE_URL=http://127.0.0.1:$NOCACHE_PORT \
BENCH_PGID_BASELINE=${PGIDS[0]} BENCH_PGID_ASYNCPG=${PGIDS[1]} BENCH_PGID_API=${PGIDS[2]} \
BENCH_PGID_API_NOCACHE=${PGIDS[3]} \
BENCH_WORK_DIR=$WORK BENCH_RESULTS_DIR=$ROOT/bench/results \
  "$PY" "$ROOT/bench/driver.py"
log "done in $((SECONDS - started)) s; stopping servers and services"
