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
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init bench needs-wrk
ROWS=${BENCH_ROWS:-100000}
bench_services
bench_production_env

# ------------------------------------------------------------------------------------------------- data
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
