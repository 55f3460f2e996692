#!/usr/bin/env bash
# Penalty import bench (issue 9): 100,000 行政处罚 rows through the real importer, time and peak memory.
#
#   bash bench/risk_import_run.sh
#   BENCH_IMPORT_ROWS=20000 bash bench/risk_import_run.sh     # quicker, smaller
#
# Writes bench/results/risk-import-<UTC timestamp>.json. Exits 0 whatever the numbers are; non-zero only when
# something broke. The database servers it starts are stopped on the way out.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init "${BENCH_IMPORTER:-risk} import bench"
bench_services
bench_production_env

log "migrate + seed"
"$PY" -m getitong migrate >"$WORK/migrate.log" 2>&1
"$PY" -m getitong seed >"$WORK/seed.log" 2>&1
export BENCH_WORK_DIR=$WORK BENCH_RESULTS_DIR=$ROOT/bench/results
"$PY" "$ROOT/bench/risk_import_bench.py" prepare
"$PY" "$ROOT/bench/risk_import_bench.py" measure
log "done in $((SECONDS - started)) s; stopping services"
