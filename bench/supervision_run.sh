#!/usr/bin/env bash
# 双随机 draw bench (issue 9): COPY N businesses into 100 registration authorities, time a 3 % draw
# (the real use-case) against count(*) over the same rows, double the register and time it again, and a
# small draw of one authority. No HTTP server: the draw is a database job, timed in-process.
#
#   bash bench/supervision_run.sh                                   # N = 1,000,000 (then 2,000,000)
#   BENCH_SUPERVISION_ROWS=100000 bash bench/supervision_run.sh     # quicker, smaller
#
# Knobs: BENCH_SUPERVISION_ROWS, BENCH_SUPERVISION_ORGS (100), BENCH_SUPERVISION_RATIO (3), BENCH_REPEAT (5),
# PYTHON (.venv/bin/python). Writes bench/results/supervision-<UTC timestamp>.json. Exits 0 whatever the numbers
# are; non-zero only when something broke. The database servers it starts are stopped on the way out.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init "supervision bench"
bench_services

cd "$WORK"  # no stray ./.env is read
export DATABASE_URL=$TEST_DATABASE_URL REDIS_URL=$TEST_REDIS_URL DATA_DIR=$WORK/var SEED_DEMO=false
log "migrate"
"$PY" -m getitong migrate >"$WORK/migrate.log" 2>&1
BENCH_RESULTS_DIR=${BENCH_RESULTS_DIR:-$ROOT/bench/results} "$PY" "$ROOT/bench/supervision_bench.py"
log "done in $((SECONDS - started)) s; stopping services"
