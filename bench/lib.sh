# Shared by the bench run scripts (source it): the checks, a work directory, PostgreSQL + Redis on loopback,
# the production-like environment, servers in their own process groups, and a cleanup that stops them all.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   bench_init <label> [needs-wrk]        # ROOT, PY, WORKERS, WORK, log/die, traps
#   bench_services                        # PostgreSQL + Redis started (scripts/services.sh), stopped on exit
#   bench_production_env                  # ENV=production, DATABASE_URL/REDIS_URL/DATA_DIR, random secrets
#   start_server <name> <url> <cmd…>      # waits until <url> answers; stopped on exit
#   free_port
# Exits non-zero only when something broke; a failing step prints the tail of every log in $WORK.

bench_init() {
  BENCH_LABEL=$1
  ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  PY=${PYTHON:-$ROOT/.venv/bin/python}
  WORKERS=${BENCH_WORKERS:-2}
  SERVICES_DIR=""
  PGIDS=()
  [ -x "$PY" ] || die "no Python at $PY: create the venv first (make run, or python3 -m venv .venv && .venv/bin/pip install -e 'backend[dev]')"
  "$PY" -c 'import asyncpg, getitong, sanic' 2>/dev/null || die "$PY lacks the backend: .venv/bin/pip install -e 'backend[dev]'"
  if [ "${2:-}" = needs-wrk ] && ! command -v wrk >/dev/null; then
    [ "$(id -u)" = 0 ] || die "wrk is missing: sudo apt-get install -y wrk"
    log "installing wrk (Debian package)"
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  fi
  WORK=$(mktemp -d "/tmp/gtt-${BENCH_LABEL// /-}-bench.XXXXXX")
  trap _bench_cleanup EXIT
  trap 'exit 130' INT TERM
  started=$SECONDS
}

log() { printf '\033[1m%s:\033[0m %s\n' "${BENCH_LABEL:-bench}" "$*" >&2; }
die() { log "$*"; exit 1; }

_stop_group() {  # stop one process group that this script started: TERM, then KILL after 10 s
  local pgid=$1 i
  kill -TERM -- "-$pgid" 2>/dev/null || return 0
  for i in $(seq 100); do kill -0 -- "-$pgid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$pgid" 2>/dev/null || true
}

_bench_cleanup() {
  local rc=$? pgid
  trap - EXIT INT TERM
  for pgid in "${PGIDS[@]}"; do _stop_group "$pgid"; done
  [ -n "$SERVICES_DIR" ] && "$ROOT/scripts/services.sh" stop "$SERVICES_DIR" || true
  if [ "$rc" != 0 ] && [ -d "$WORK" ]; then
    for f in "$WORK"/*.log; do [ -f "$f" ] && { log "--- tail of $(basename "$f")"; tail -n 20 "$f" >&2; }; done
  fi
  rm -rf "$WORK"
  exit "$rc"
}

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

bench_services() {
  local services_env
  log "starting PostgreSQL + Redis (scripts/services.sh)"
  services_env=$("$ROOT/scripts/services.sh" start) || die "scripts/services.sh start failed"
  eval "$services_env"
  SERVICES_DIR=$GTT_SERVICES_DIR
}

# As in production (docker/): ENV=production with throw-away secrets, PostgreSQL, Redis, one proxy in front
# (PROXIES_COUNT=1, so the client address comes from X-Forwarded-For). The same environment seeds the data,
# so blind indexes and encrypted fields match.
bench_production_env() {
  local secrets_env
  cd "$WORK"  # no stray ./.env is read: everything comes from this environment
  export ENV=production
  export DATABASE_URL=$TEST_DATABASE_URL REDIS_URL=$TEST_REDIS_URL DATA_DIR=$WORK/var
  export WORKERS SEED_DEMO=false
  secrets_env=$("$PY" "$ROOT/bench/prod_env.py") || die "bench/prod_env.py failed"
  eval "$secrets_env"  # a random value for every *_SECRET / *_KEY setting (FIELD_ENCRYPTION_KEY: 32 bytes)
}

start_server() {  # name url command… — in its own process group, so that it and its workers stop together
  local name=$1 url=$2 pid i
  shift 2
  setsid "$@" >"$WORK/$name.log" 2>&1 &
  pid=$!
  disown "$pid"  # stopped by the cleanup; no job-control notice when it is
  PGIDS+=("$pid")
  for i in $(seq 300); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || die "$name exited during start-up"
    sleep 0.2
  done
  die "$name did not answer $url within 60 s"
}
