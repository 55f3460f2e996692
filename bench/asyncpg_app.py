"""The same licence look-up as `POST /api/v1/mp/license/lookup`, through raw asyncpg and bare Sanic.

    BENCH_DATABASE_URL=postgres://… DB_POOL_MAX=20 \
        sanic asyncpg_app:app --host 127.0.0.1 --port PORT --workers 2 --no-access-logs --no-motd

It does what the API does for a typed USCC whose 归属地 is the business's own district, minus the
framework: parse the JSON body, check the USCC shape and check character, run the very SELECT that
Tortoise issues for `Business.get_or_none(uscc=…)` (every column, `LIMIT 2`), take the region name
from an in-process cache (as the API does) and answer the same envelope. The API does one thing more
per request — its per-client rate-limit counter in Redis — which is part of what the ratio measures.
"""

from __future__ import annotations

import os
import re

import asyncpg
from sanic import Request, Sanic, json
from sanic.response import HTTPResponse

app = Sanic("bench_asyncpg")

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")
KIND_LABELS = {"individual": "个体工商户", "enterprise": "企业", "cooperative": "农民专业合作社"}
STATUS_LABELS = {"active": "存续（在营）", "cancelled": "注销", "revoked": "吊销"}

# Byte for byte what Tortoise sends for Business.get_or_none(uscc=$1) (column order aside).
LOOKUP_SQL = (
    'SELECT "id","uscc","reg_no","name","kind","operator_name","operator_id_enc","operator_id_index",'
    '"region_code","org_id","industry","address","established_on","status","scale_type","tags",'
    '"created_at","updated_at" FROM "business" WHERE "uscc"=$1 LIMIT $2'
)


def _error(status: int, code: str, message: str) -> HTTPResponse:
    return json({"code": code, "message": message, "data": None}, status=status, ensure_ascii=False)


@app.before_server_start
async def _start(app: Sanic) -> None:
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ["DATABASE_URL"]
    app.ctx.pool = await asyncpg.create_pool(url, min_size=1, max_size=int(os.environ.get("DB_POOL_MAX", "20")))
    rows = await app.ctx.pool.fetch('SELECT "code","name" FROM "region"')
    app.ctx.regions = {r["code"]: r["name"] for r in rows}


@app.after_server_stop
async def _stop(app: Sanic) -> None:
    await app.ctx.pool.close()


@app.get("/ready")
async def ready(request: Request) -> HTTPResponse:
    return json({"ready": True})


@app.post("/lookup")
async def lookup(request: Request) -> HTTPResponse:
    payload = request.json
    if not isinstance(payload, dict):
        return _error(422, "VALIDATION_ERROR", "请求体应为 JSON 对象")
    code = str(payload.get("uscc") or "").strip().upper().replace(" ", "")
    if not _SHAPE.match(code):
        return _error(400, "USCC_FORMAT_INVALID", "统一社会信用代码格式不正确")
    total = sum(_VALUE[ch] * w for ch, w in zip(code[:17], _WEIGHTS, strict=True))
    if ALPHABET[(31 - total % 31) % 31] != code[17]:
        return _error(400, "USCC_CHECK_FAILED", "统一社会信用代码校验位错误")
    rows = await request.app.ctx.pool.fetch(LOOKUP_SQL, code, 2)
    if not rows:
        return _error(404, "ENTITY_NOT_FOUND", "未查询到该市场主体")
    b = rows[0]
    region_code = payload.get("region_code")
    if region_code and region_code != b["region_code"]:
        return _error(400, "REGION_MISMATCH", "该主体不属于所选归属地")
    data = {"uscc": b["uscc"], "name": b["name"], "operator_name": b["operator_name"], "kind": b["kind"],
            "kind_label": KIND_LABELS.get(b["kind"], b["kind"]), "region_code": b["region_code"],
            "region_name": request.app.ctx.regions.get(b["region_code"], b["region_code"]),
            "status": b["status"], "status_label": STATUS_LABELS.get(b["status"], b["status"])}
    return json({"code": "OK", "message": "成功", "data": data}, ensure_ascii=False)
