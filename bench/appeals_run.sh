#!/usr/bin/env bash
# Appeals bench (issue 3): 1,000,000 generated appeals; submission, the desk queue's first and deepest page,
# and province-wide statistics, against a bare Sanic hello-world baseline. About 6 minutes on 2 cores.
#
#   bash bench/appeals_run.sh
#   BENCH_APPEALS=200000 BENCH_DURATION=5 bash bench/appeals_run.sh     # quicker, smaller
#
# Knobs (environment): BENCH_APPEALS (default 1000000), BENCH_WORKERS (worker processes of the API and the
# baseline, default 2), BENCH_DURATION (s per scenario, 10), BENCH_WARMUP (2), BENCH_CONNECTIONS (64),
# BENCH_THREADS (wrk threads, 1), BENCH_STATS_RUNS (5), BENCH_SEED, PYTHON (.venv/bin/python).
# Writes bench/results/appeals-<UTC timestamp>.json. Exits 0 whatever the numbers are; non-zero only when
# something broke. Every process it starts, and the database servers, are stopped on the way out.
exec bash "$(dirname "${BASH_SOURCE[0]}")/domain_run.sh" appeals
