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
exec bash "$(dirname "${BASH_SOURCE[0]}")/domain_run.sh" credit
