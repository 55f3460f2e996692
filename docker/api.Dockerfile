# syntax=docker/dockerfile:1
# The 个体通 API: python:3.11-slim + libzbar0 (licence-QR photos) + the backend package.
# Build context: the repository root (docker/compose.yaml sets `context: ..`).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN apt-get update \
 && apt-get install -y --no-install-recommends libzbar0 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY backend/ /app/backend/
RUN pip install /app/backend
COPY --chmod=755 docker/api-start.sh /usr/local/bin/getitong-api

# An unprivileged user that owns DATA_DIR (a named volume takes this ownership when first created).
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin getitong \
 && mkdir -p /data \
 && chown getitong:getitong /data
USER getitong

ENV ENV=production \
    DATA_DIR=/data \
    WORKERS=4
EXPOSE 8000
VOLUME ["/data"]

# Refuses CHANGE_ME placeholders, runs `python -m getitong migrate` (idempotent), then
# `exec sanic getitong.app:create_app --factory --host 0.0.0.0 --port 8000 --workers ${WORKERS:-4}`.
CMD ["getitong-api"]
