#!/usr/bin/env bash
# Write the migration for model changes: scripts/makemigrations.sh [APP_LABEL] [--name what_changed]
# App labels: "models" (the foundation: core, staff, entities, accounts) and each of db.DOMAIN_APPS.
set -euo pipefail
cd "$(dirname "$0")/../backend"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/gtt_migration_config.py" <<PY
from getitong.core.db import tortoise_config
from getitong.core.settings import Settings
TORTOISE_ORM = tortoise_config(Settings(data_dir="$tmp"))
PY
# A domain's keys point at foundation tables: the "models" app must be loaded with it (it reports no change).
if [ $# -gt 0 ] && [[ "$1" != -* ]] && [ "$1" != models ]; then set -- models "$@"; fi
PYTHONPATH="$tmp" ../.venv/bin/tortoise -c gtt_migration_config.TORTOISE_ORM makemigrations "$@"
