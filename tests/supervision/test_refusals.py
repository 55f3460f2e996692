"""Every endpoint refuses the wrong caller: anonymous, a role without the permission, another org's manager,
an inspector not assigned to the business."""

from __future__ import annotations

from decimal import Decimal

import pytest

from getitong.staff.permissions import Role
from getitong.supervision.models import CheckItem, Recusal, Target, TeamMember
from getitong.supervision.workflow import PlanStatus
from tests import factories
from tests.api.conftest import login_staff
from tests.supervision import factories as sf

A = sf.ADMIN


@pytest.fixture
async def world(deps, tree, manager, wuhan_manager, crew, register):
    """An assigned plan of 下陆区 with one drawn business and a team, and a content editor (no inspection role)."""
    station = register[0]
    await factories.staff(deps, tree.district, [Role.CONTENT_EDITOR.value], username="editor")
    contents = await sf.catalog(tree.district.id)
    plan = await sf.plan(manager, contents, ratio=Decimal(10), status=PlanStatus.ASSIGNED)
    b = station[0]
    target = await Target.create(plan_id=plan.id, business_id=b.id, org_id=b.org_id, region_code=b.region_code,
                                 draw_key=1, confirm="check", result_status="entered")
    await TeamMember.create(plan_id=plan.id, target_id=target.id, inspector_id=crew[0].id)
    await TeamMember.create(plan_id=plan.id, target_id=target.id, inspector_id=crew[1].id)
    recusal = await Recusal.create(inspector_id=crew[0].id, business_id=station[1].id)
    item = await CheckItem.get(name="公示信息抽查")
    sub = await item.subitems.all().first()
    return {"plan": plan.id, "target": target.id, "inspector": crew[0].id, "recusal": recusal.id, "item": item.id,
            "sub": sub.id, "content": contents[0].id, "business": b.id, "uscc": b.uscc, "staff": crew[2].staff_id,
            "contents": contents}


def endpoints(w):
    p, t, i = w["plan"], w["target"], w["inspector"]
    result = {"method": "on_site", "outcome": "normal", "handling": "正常", "checked_on": "2026-03-11",
              "answers": sf.answers(w["contents"])}
    return [
        ("GET", f"{A}/catalog", None),
        ("POST", f"{A}/items", {"name": "x"}),
        ("PATCH", f"{A}/items/{w['item']}", {"name": "x"}),
        ("POST", f"{A}/items/{w['item']}/subitems", {"name": "x", "method": "x", "basis": "x"}),
        ("PATCH", f"{A}/subitems/{w['sub']}", {"name": "x"}),
        ("POST", f"{A}/subitems/{w['sub']}/contents", {"content": "x", "result_type": "text"}),
        ("PATCH", f"{A}/contents/{w['content']}", {"content": "x"}),
        ("GET", f"{A}/inspectors", None),
        ("POST", f"{A}/inspectors", {"staff_id": w["staff"], "types": ["other"], "categories": ["其他"]}),
        ("GET", f"{A}/inspectors/export", None),
        ("GET", f"{A}/inspectors/template", None),
        ("POST", f"{A}/inspectors/imports", "file"),
        ("GET", f"{A}/inspectors/{i}", None),
        ("PATCH", f"{A}/inspectors/{i}", {"on_duty": False}),
        ("POST", f"{A}/inspectors/{i}/withdraw", {}),
        ("POST", f"{A}/inspectors/{i}/restore", {}),
        ("POST", f"{A}/inspectors/{i}/recusals", {"code": w["uscc"]}),
        ("DELETE", f"{A}/inspectors/{i}/recusals/{w['recusal']}", None),
        ("GET", f"{A}/plans", None),
        ("POST", f"{A}/plans", {"name": "x"}),
        ("GET", f"{A}/plans/export", None),
        ("GET", f"{A}/plans/{p}", None),
        ("PATCH", f"{A}/plans/{p}", {"name": "x"}),
        ("POST", f"{A}/plans/{p}/submit", {}),
        ("POST", f"{A}/plans/{p}/approve", {}),
        ("POST", f"{A}/plans/{p}/reject", {"comment": "x"}),
        ("POST", f"{A}/plans/{p}/sample", {"codes": [w["uscc"]]}),
        ("POST", f"{A}/plans/{p}/must_check", {"codes": [w["uscc"]]}),
        ("GET", f"{A}/plans/{p}/preview", None),
        ("POST", f"{A}/plans/{p}/draw", {}),
        ("GET", f"{A}/plans/{p}/draw/verify", None),
        ("GET", f"{A}/plans/{p}/targets", None),
        ("GET", f"{A}/plans/{p}/targets/export", None),
        ("POST", f"{A}/plans/{p}/confirm", {"target_ids": [t], "decision": "skip"}),
        ("POST", f"{A}/plans/{p}/finish_confirm", None),
        ("POST", f"{A}/plans/{p}/assign", {}),
        ("GET", f"{A}/plans/{p}/teams", None),
        ("POST", f"{A}/plans/{p}/adjust", {"from_inspector_id": i, "to_inspector_id": i + 2, "reason": "x"}),
        ("GET", f"{A}/tasks", None),
        ("GET", f"{A}/targets", None),
        ("GET", f"{A}/targets/export", None),
        ("GET", f"{A}/targets/{t}", None),
        ("POST", f"{A}/targets/{t}/enter", result),
        ("POST", f"{A}/targets/{t}/review", {"decision": "publish"}),
        ("GET", f"{A}/businesses/{w['business']}/results", None),
    ]


async def call(client, method, path, body, token):
    if body == "file":
        return await client.post(path, token=token, files={"file": ("a.xlsx", sf.xlsx(["*姓名"], []), "x")})
    return await client.request(method, path, token=token, json=body)


async def test_every_endpoint_needs_a_staff_login(client, world, owner):
    from tests.api.conftest import login_person

    person_token = (await login_person(client))["token"]["access_token"]
    for method, path, body in endpoints(world):
        r = await call(client, method, path, body, None)
        assert r.status == 401, (method, path, r)
        r = await call(client, method, path, body, person_token)
        assert r.status == 401, (method, path, r)
    r = await client.get("/api/v1/mp/inspections")
    assert r.status == 401


async def test_every_endpoint_refuses_a_role_without_permission(client, world):
    token = await login_staff(client, "editor")
    for method, path, body in endpoints(world):
        r = await call(client, method, path, body, token)
        assert r.status == 403, (method, path, r)
        assert r.code == "FORBIDDEN", (method, path, r)


async def test_an_inspector_may_only_read_the_catalog_and_work_on_own_businesses(client, world):
    token = await login_staff(client, "insp3")  # in the pool, not on this business's team
    allowed = {f"{A}/catalog", f"{A}/tasks"}
    for method, path, body in endpoints(world):
        r = await call(client, method, path, body, token)
        if path in allowed:
            assert r.status == 200, (method, path, r)
        elif path.endswith("/enter"):
            assert r.status == 403, r
            assert r.code == "INSPECTION_NOT_ASSIGNED", r
        elif path.endswith("/results"):
            assert r.status == 200, r  # the register is readable by every inspector (entity:read)
        else:
            assert r.status in (403, 404), (method, path, r)  # 404: the plan's org is above the station
    r = await client.get(f"{A}/tasks", token=token)
    assert r.data["items"] == []
    mine = await login_staff(client, "insp1")
    r = await client.get(f"{A}/tasks", token=mine)
    assert [x["id"] for x in r.data["items"]] == [world["target"]]
    r = await client.get(f"{A}/targets/{world['target']}", token=mine)
    assert r.status == 200, r
    assert r.data["actions"] == ["enter"], r


async def test_another_orgs_manager_sees_nothing_and_changes_nothing(client, world, tree):
    token = await login_staff(client, "whmgr")
    lists = {f"{A}/catalog", f"{A}/inspectors", f"{A}/plans", f"{A}/targets",
             f"{A}/inspectors/export", f"{A}/plans/export", f"{A}/targets/export", f"{A}/inspectors/template"}
    creates = {f"{A}/items", f"{A}/plans", f"{A}/inspectors/imports"}
    for method, path, body in endpoints(world):
        r = await call(client, method, path, body, token)
        if path in lists and method == "GET":
            assert r.status == 200, (method, path, r)
            if path in (f"{A}/inspectors", f"{A}/plans", f"{A}/targets"):
                assert all(x["org_id"] == tree.other_district.id for x in r.data["items"]), (path, r)
        elif path in creates and method == "POST":
            assert r.status in (200, 201, 422), (method, path, r)  # their own org's data
        elif path == f"{A}/inspectors":
            assert r.status == 404, r
            assert r.code == "INSPECTION_STAFF_NOT_FOUND", r
        elif path == f"{A}/tasks":
            assert r.status == 403, r  # a manager is not an inspector
        else:
            assert r.status in (403, 404), (method, path, r)
    # nothing of 下陆区 changed
    assert (await Target.get(id=world["target"])).result_status == "entered"
    assert await Recusal.exists(id=world["recusal"])
