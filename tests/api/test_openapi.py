"""/docs documents what every endpoint reads: the JSON body and the query parameters, also behind the
auth guards (sanic-ext keeps docs per function object, and a wrapper used to hide them)."""

from __future__ import annotations

import re


def _spec_path(uri: str) -> str:
    path = re.sub(r"<([a-z_]+)(:[^>]+)?>", r"{\1}", uri)
    return path if path.startswith("/") else "/" + path


async def test_every_body_and_query_is_documented(client, app):
    r = await client.get("/docs/openapi.json")
    assert r.status == 200
    paths = r.data["paths"]
    checked_body = checked_query = 0
    missing = []
    for route in app.router.routes:
        handler = route.handler
        body_model = getattr(handler, "body_model", None)
        query_model = getattr(handler, "query_model", None)
        if not (body_model or query_model):
            continue
        item = paths.get(_spec_path(route.path)) or paths.get(_spec_path(route.path).rstrip("/") + "/")
        for method in route.methods:
            op = (item or {}).get(method.lower())
            if op is None:
                missing.append(f"{method} {route.path}: not in the document")
                continue
            if body_model:
                checked_body += 1
                if "requestBody" not in op:
                    missing.append(f"{method} {route.path}: body {body_model.__name__}")
            if query_model:
                checked_query += 1
                documented = {p["name"] for p in op.get("parameters", []) if p.get("in") == "query"}
                lacking = set(query_model.model_fields) - documented
                if lacking:
                    missing.append(f"{method} {route.path}: query {sorted(lacking)}")
    assert not missing, "\n".join(missing)
    assert checked_body > 50
    assert checked_query > 20


async def test_guarded_endpoints_are_marked_secured(client):
    r = await client.get("/docs/openapi.json")
    op = r.data["paths"]["/api/v1/mp/appeals"]["post"]
    assert op["security"] == [{"bearer": []}]
    assert "requestBody" in op


def _numeric_exclusive_bounds(node, path="$"):
    """JSON-Schema-2020 style bounds (`exclusiveMaximum: 5`) that OpenAPI 3.0 tools refuse (they want booleans)."""
    if isinstance(node, dict):
        for key in ("exclusiveMaximum", "exclusiveMinimum"):
            if key in node and not isinstance(node[key], bool):
                yield f"{path}.{key}"
        for k, v in node.items():
            yield from _numeric_exclusive_bounds(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _numeric_exclusive_bounds(v, f"{path}[{i}]")


async def test_the_document_is_openapi_3_0_valid_for_bounds(client):
    # pydantic writes `lt=`/`gt=` as numeric exclusive bounds; the schema fuzzer (OpenAPI 3.0) rejects them.
    r = await client.get("/docs/openapi.json")
    bad = list(_numeric_exclusive_bounds(r.data))
    assert not bad, f"use ge=/le= instead of gt=/lt=: {bad[:10]}"
