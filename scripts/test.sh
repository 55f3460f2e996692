#!/usr/bin/env bash
# Everything `make test` runs, after the Makefile has installed what is needed.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
step() { local name=$1; shift; echo; echo "=== $name ==="; "$@" || failed+=("$name"); }

eval "$(scripts/services.sh start)"
server_pid=""
wechat_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  [ -n "$wechat_pid" ] && kill "$wechat_pid" 2>/dev/null
  scripts/services.sh stop "$GTT_SERVICES_DIR"
  [ -n "${E2E_DATA:-}" ] && rm -rf "$E2E_DATA"
}
trap cleanup EXIT

step "lint (ruff)" .venv/bin/ruff check backend tests bench scripts docker
step "migrations match models" .venv/bin/python scripts/check_migrations.py
step "admin-web unit tests" bash -c "cd admin-web && npm test --silent"
step "mini-program tests" bash -c "cd miniprogram && npm test --silent"

# A real server on the embedded stack for the browser test and the mini-program's API tests.
E2E_DATA=$(mktemp -d /tmp/gtt-e2e.XXXXXX)
# WeChat is a local stand-in: nothing in the tests may reach the internet.
.venv/bin/python -m tests.stubs.wechat_server >"$E2E_DATA/wechat.url" 2>/dev/null &
wechat_pid=$!
for _ in $(seq 50); do [ -s "$E2E_DATA/wechat.url" ] && break; sleep 0.1; done
export WECHAT_API_BASE_URL=$(cat "$E2E_DATA/wechat.url")
E2E_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DATA_DIR=$E2E_DATA PORT=$E2E_PORT .venv/bin/python -m getitong serve >"$E2E_DATA/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$E2E_PORT/api/health" >/dev/null && break; sleep 0.5; done
step "admin e2e (Playwright + Chromium)" bash -c "cd admin-web && BASE_URL=http://127.0.0.1:$E2E_PORT npm run e2e --silent"
step "mini-program services against the real API" \
  bash -c "cd miniprogram && GETITONG_API=http://127.0.0.1:$E2E_PORT npx jest tests/api --silent"
kill "$server_pid" "$wechat_pid" 2>/dev/null; server_pid=""; wechat_pid=""
unset WECHAT_API_BASE_URL

step "pytest — PostgreSQL + Redis" env GTT_TEST_STACK=postgres .venv/bin/python -m pytest -q
step "pytest — SQLite + in-process cache (with schema fuzzing)" env GTT_TEST_STACK=sqlite GTT_FUZZ=1 \
  .venv/bin/python -m pytest -q

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all test steps passed"
