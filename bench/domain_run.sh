#!/usr/bin/env bash
# A domain bench that generates its data and measures it over HTTP against a bare Sanic hello-world baseline:
# bench/<name>_bench.py with `generate` (into a migrated, seeded database) and `measure` (BENCH_BASELINE_URL,
# BENCH_API_URL, BENCH_WORK_DIR, BENCH_RESULTS_DIR). Used by appeals_run.sh and credit_run.sh.
#
#   bash bench/domain_run.sh appeals|credit
set -euo pipefail
NAME=${1:?usage: bench/domain_run.sh <name>  (bench/<name>_bench.py)}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init "$NAME bench" needs-wrk
[ -f "$ROOT/bench/${NAME}_bench.py" ] || die "no bench/${NAME}_bench.py"
bench_services
bench_production_env
export APPEAL_JOB_ENABLED=false

log "migrate + seed"
"$PY" -m getitong migrate >"$WORK/migrate.log" 2>&1
"$PY" -m getitong seed >"$WORK/seed.log" 2>&1
gen_started=$SECONDS
"$PY" "$ROOT/bench/${NAME}_bench.py" generate
export BENCH_GENERATE_SECONDS=$((SECONDS - gen_started))
log "data ready in $((SECONDS - started)) s (generated in $BENCH_GENERATE_SECONDS s)"

BASELINE_PORT=$(free_port); API_PORT=$(free_port)
log "starting baseline :$BASELINE_PORT and API :$API_PORT ($WORKERS workers each)"
PYTHONPATH=$ROOT/bench start_server baseline "http://127.0.0.1:$BASELINE_PORT/" \
  "$PY" -m sanic baseline_app:app --host 127.0.0.1 --port "$BASELINE_PORT" --workers "$WORKERS" --no-access-logs --no-motd
HOST=127.0.0.1 PORT=$API_PORT start_server api "http://127.0.0.1:$API_PORT/api/health" "$PY" -m getitong serve

BENCH_BASELINE_URL=http://127.0.0.1:$BASELINE_PORT BENCH_API_URL=http://127.0.0.1:$API_PORT \
BENCH_WORK_DIR=$WORK BENCH_RESULTS_DIR=$ROOT/bench/results \
  "$PY" "$ROOT/bench/${NAME}_bench.py" measure
log "done in $((SECONDS - started)) s; stopping servers and services"
