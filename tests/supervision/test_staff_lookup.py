"""执法人员库 managers find the accounts to add by name or username (they have no user administration rights)."""

from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import login_staff

URL = "/api/v1/admin/inspections/staff"


async def test_lookup_in_scope_says_who_is_already_an_inspector(client, deps, tree, manager, crew):
    new = await factories.staff(deps, tree.station, [Role.INSPECTOR.value], username="tianxin09")
    new.name = "天心09"
    await new.save()
    gone = await factories.staff(deps, tree.station, [Role.INSPECTOR.value], username="tianxin10", active=False)
    gone.name = "天心10"
    await gone.save()
    t = await login_staff(client, "sjmgr")
    r = await client.get(URL, params={"q": "天心"}, token=t)
    assert r.status == 200, r
    got = [(x["name"], x["is_inspector"]) for x in r.data["items"]]
    # 江岸区's inspector is outside the manager's scope; a deactivated account is not offered.
    assert got == [("天心01", True), ("天心02", True), ("天心03", True), ("天心09", False)]
    assert r.data["items"][-1]["username"] == "tianxin09"
    by_username = await client.get(URL, params={"q": "tianxin0"}, token=t)
    assert [x["name"] for x in by_username.data["items"]] == ["天心09"]
    assert r.data["items"][-1]["id"] == new.id  # the staff_id that POST /inspectors takes


async def test_lookup_refusals(client, deps, tree, manager):
    await factories.staff(deps, tree.district, [Role.INSPECTOR.value], username="plain")
    assert (await client.get(URL, params={"q": "天心"}, token=await login_staff(client, "plain"))).status == 403
    assert (await client.get(URL, params={"q": "天心"})).status == 401
    t = await login_staff(client, "sjmgr")
    assert (await client.get(URL, params={"q": ""}, token=t)).status == 422
    assert (await client.get(URL, params={"q": "x" * 33}, token=t)).status == 422
