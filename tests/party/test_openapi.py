"""The party endpoints are documented (the admin app and the schema fuzzer read /docs/openapi.json)."""


async def test_openapi_lists_party_endpoints(client):
    r = await client.get("/docs/openapi.json")
    assert r.status == 200
    paths = r.data["paths"]
    assert "post" in paths["/api/v1/mp/party/checkin"]
    assert "get" in paths["/api/v1/admin/party/activities/{activity_id}/qr"]
    assert len([p for p in paths if "/party/" in p]) >= 25
