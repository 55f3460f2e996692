"""免申即享 pushed in error: staff revoke it before the owner confirms; the owner sees why; never after."""

from getitong.policies.models import BenefitEligibility
from tests.api.conftest import login_staff
from tests.policies import factories as pf
from tests.policies.test_benefits import ADMIN, MP, benefit, city_staff, mark  # noqa: F401 — fixtures
from tests.policies.test_policies import owner_token


async def test_revoke_before_confirmation_and_the_owner_sees_it(client, shop, owner, benefit, city_staff,  # noqa: F811
                                                                bconfig):
    a, _, _ = shop
    eid = await mark(client, city_staff, benefit.id, a.uscc)
    tok = await owner_token(client, a.id)
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/{eid}/revoke", token=city_staff,
                          json={"reason": "经核实该户不符合参保条件，误推送"})
    assert r.status == 200, r
    assert (r.data["status"], r.data["status_label"]) == ("revoked", "已撤销推送")
    mine = await client.get(f"{MP}/{eid}", token=tok)
    assert (mine.data["status_label"], mine.data["actions"]) == ("已撤销推送", [])
    assert mine.data["timeline"][-1]["note"] == "经核实该户不符合参保条件，误推送"
    r = await client.post(f"{MP}/{eid}/confirm", token=tok)
    assert (r.status, r.code, r.message) == (409, "BENEFIT_ACTION_NOT_ALLOWED", "该事项已撤销推送，无法确认")
    again = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/{eid}/revoke", token=city_staff,
                              json={"reason": "重复"})
    assert (again.status, again.code) == (409, "BENEFIT_ACTION_NOT_ALLOWED")


async def test_a_confirmed_item_cannot_be_revoked(client, shop, owner, benefit, city_staff, platform,  # noqa: F811
                                                  bconfig):
    a, _, _ = shop
    eid = await mark(client, city_staff, benefit.id, a.uscc)
    tok = await owner_token(client, a.id)
    assert (await client.post(f"{MP}/{eid}/confirm", token=tok)).status == 200
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/{eid}/revoke", token=city_staff,
                          json={"reason": "误推送"})
    assert (r.status, r.code) == (409, "BENEFIT_ACTION_NOT_ALLOWED")
    assert (await BenefitEligibility.get(id=eid)).status.value != "revoked"


async def test_revoke_refusals(client, deps, tree, shop, benefit, city_staff, clerk, bconfig):  # noqa: F811
    a, _, _ = shop
    eid = await mark(client, city_staff, benefit.id, a.uscc)
    url = f"{ADMIN}/{benefit.id}/eligibilities/{eid}/revoke"
    await pf.editor(deps, tree.other_city, "wh_editor2")
    wh = await login_staff(client, "wh_editor2")
    assert (await client.post(url, token=wh, json={"reason": "x"})).code == "ORG_OUT_OF_SCOPE"
    wrong_role = await login_staff(client, "clerk")
    assert (await client.post(url, token=wrong_role, json={"reason": "x"})).status == 403
    assert (await client.post(url, json={"reason": "x"})).status == 401
    assert (await client.post(url, token=city_staff, json={"reason": ""})).status == 422
    assert (await client.post(url, token=city_staff, json={})).status == 422
    r = await client.post(f"{ADMIN}/{benefit.id}/eligibilities/999999/revoke", token=city_staff, json={"reason": "x"})
    assert (r.status, r.code) == (404, "BENEFIT_ELIGIBILITY_NOT_FOUND")
    assert (await BenefitEligibility.get(id=eid)).status.value == "pushed"
