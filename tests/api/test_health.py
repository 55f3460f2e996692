from tests.conftest import STACK


async def test_health_reports_database_and_cache(client):
    r = await client.get("/api/health")
    assert r.status == 200, r
    assert r.code == "OK"
    assert r.data["database"]["ok"] is True
    assert r.data["database"]["backend"] == ("postgresql" if STACK == "postgres" else "sqlite")
    assert r.data["cache"] == {"ok": True, "backend": "redis" if STACK == "postgres" else "memory"}
    assert r.headers.get("x-request-id")


async def test_unknown_route_gets_envelope_not_html(client):
    r = await client.get("/api/v1/mp/nope")
    assert r.status == 404
    assert r.code == "NOT_FOUND"
    assert r.message


async def test_openapi_document_lists_the_api(client):
    r = await client.get("/docs/openapi.json")
    assert r.status == 200
    paths = r.data["paths"]
    for p in ["/api/v1/mp/accounts/register", "/api/v1/mp/license/scan", "/api/v1/admin/entities",
              "/api/health"]:
        assert p in paths, p


async def test_ids_beyond_64_bits_are_not_found_not_500(client):
    r = await client.get("/api/v1/mp/uploads/305767736736019218694144")
    assert (r.status, r.code) == (404, "NOT_FOUND")


async def test_nul_characters_and_huge_cursor_ids_are_422(client, clerk):
    from getitong.core.pagination import encode_cursor
    from tests.api.conftest import login_staff

    r = await client.post("/api/v1/mp/auth/login", json={"phone": "139\x0000000001", "password": "x"})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    token = await login_staff(client, "clerk")
    r = await client.get("/api/v1/admin/entities", token=token, params={"cursor": encode_cursor(2**70)})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    r = await client.get("/api/v1/admin/entities", token=token, params={"q": "a\x00b"})
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
