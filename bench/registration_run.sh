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
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init "registration bench"
"$PY" -c 'import httpx' 2>/dev/null || die "$PY lacks httpx: .venv/bin/pip install -e 'backend[dev]'"
bench_services
bench_production_env
export APPEAL_JOB_ENABLED=false ACCESS_TOKEN_TTL=7200

log "migrate + seed"
"$PY" -m getitong migrate >"$WORK/migrate.log" 2>&1
"$PY" -m getitong seed >"$WORK/seed.log" 2>&1
BENCH_WORK_DIR=$WORK "$PY" "$ROOT/bench/registration_bench.py" generate

API_PORT=$(free_port)
log "starting API :$API_PORT ($WORKERS workers)"
HOST=127.0.0.1 PORT=$API_PORT start_server api "http://127.0.0.1:$API_PORT/api/health" "$PY" -m getitong serve

BENCH_API_URL=http://127.0.0.1:$API_PORT BENCH_WORK_DIR=$WORK BENCH_RESULTS_DIR=$ROOT/bench/results \
  "$PY" "$ROOT/bench/registration_bench.py" measure
log "done in $((SECONDS - started)) s; stopping servers and services"
