#!/bin/sh
# Start the API container: refuse unchanged placeholders, apply migrations, then run the Sanic workers.
set -eu

# docker/.env.example marks every value that must be changed with CHANGE_ME. The API itself refuses its
# development defaults in production, but not these placeholders, so they are caught here.
placeholders=$(env | grep -E '^[A-Z_]+=.*CHANGE_ME' | cut -d= -f1 || true)
if [ -n "$placeholders" ]; then
  echo "个体通: refusing to start — change these values in docker/.env:" $placeholders >&2
  exit 1
fi

python -m getitong migrate
exec sanic getitong.app:create_app --factory --host 0.0.0.0 --port 8000 --workers "${WORKERS:-4}"
