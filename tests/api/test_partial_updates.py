"""Partial updates (PATCH bodies): null for a field that cannot be empty is a 422 naming the field, never a
500 from the database; null clears the fields that may be empty. Found by the schema fuzzer."""

from __future__ import annotations

import re

from getitong.core.web import PartialUpdate
from tests.api.conftest import login_person, login_staff


async def test_every_partial_update_refuses_null_where_a_value_is_required(client, app, province_admin, owner):
    staff_token = await login_staff(client, "padmin")
    owner_token = (await login_person(client))["token"]["access_token"]
    checked = 0
    for route in app.router.routes:
        model = getattr(route.handler, "body_model", None)
        if not (model and issubclass(model, PartialUpdate)):
            continue
        path = "/" + route.path.lstrip("/")
        for name in model.model_fields:
            url = path.replace("<", "{").replace(">", "}")
            url = re.sub(r"\{[^}]+\}", "1", url)
            for method in route.methods:
                token = owner_token if url.startswith("/api/v1/mp/") else staff_token
                r = await client.request(method, url, json={name: None}, token=token)
                if name in model.clearable:
                    assert r.status < 500, (method, url, name, r)
                    continue
                assert (r.status, r.code) == (422, "VALIDATION_ERROR"), (method, url, name, r)
                assert r.data["errors"] == [{"field": name, "message": "不能为空", "type": "null"}]
                checked += 1
    assert checked >= 30


async def test_null_clears_an_optional_column(client, province_admin, deps, tree):
    from getitong.staff.models import StaffUser
    from getitong.staff.permissions import Role
    from tests import factories

    token = await login_staff(client, "padmin")
    bank = await factories.staff(deps, tree.province, [Role.ADMIN.value], username="other")
    r = await client.patch(f"/api/v1/admin/users/{bank.id}", json={"institution_id": None, "name": "王五"},
                           token=token)
    assert r.status == 200, r
    user = await StaffUser.get(id=bank.id)
    assert (user.name, user.institution_id) == ("王五", None)
