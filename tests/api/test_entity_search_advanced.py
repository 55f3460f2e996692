"""企业搜索 (seed 004): representative, registration number, authority with "this level only", status set,
industry, place and establishment dates — always inside the staff's scope."""

from datetime import date
from decimal import Decimal

from getitong.entities.models import EntityStatus
from tests import factories
from tests.api.conftest import login_staff

URL = "/api/v1/admin/entities"


async def _names(client, token, **params):
    r = await client.get(URL, params={k: str(v).lower() if isinstance(v, bool) else str(v)
                                      for k, v in params.items()}, token=token)
    assert r.status == 200, r
    return sorted(i["name"] for i in r.data["items"])


async def test_advanced_filters(client, deps, tree, district_admin):
    await factories.business(deps, tree.station, name="下陆区张记小吃店", operator="张秀英", industry="餐饮业",
                             address="团城山街道杭州东路33号", established_on=date(2023, 5, 8), reg_no="420204600123456")
    await factories.business(deps, tree.station, name="下陆区李记五金店", operator="李四", industry="零售业",
                             address="老下陆街道8号", established_on=date(2024, 2, 1), status=EntityStatus.REVOKED)
    await factories.business(deps, tree.district, name="下陆区区局直管饭店", operator="王五", industry="餐饮业",
                             address="杭州东路1号", established_on=date(2025, 1, 1))
    await factories.business(deps, tree.other_district, name="江岸区餐馆", operator="张秀英", industry="餐饮业")
    t = await login_staff(client, "dadmin")
    assert await _names(client, t, operator="张秀英") == ["下陆区张记小吃店"]  # 江岸区 is out of scope
    assert await _names(client, t, reg_no="420204600123456") == ["下陆区张记小吃店"]
    assert await _names(client, t, industry="餐饮") == ["下陆区区局直管饭店", "下陆区张记小吃店"]
    assert await _names(client, t, address="杭州东路") == ["下陆区区局直管饭店", "下陆区张记小吃店"]
    assert await _names(client, t, status="active,revoked") == ["下陆区区局直管饭店", "下陆区张记小吃店",
                                                                "下陆区李记五金店"]
    assert await _names(client, t, status="revoked") == ["下陆区李记五金店"]
    assert await _names(client, t, established_from="2024-01-01", established_to="2024-12-31") == ["下陆区李记五金店"]
    assert await _names(client, t, org_id=tree.district.id, this_level_only=True) == ["下陆区区局直管饭店"]
    assert len(await _names(client, t, org_id=tree.district.id)) == 3
    r = await client.get(URL, params={"org_id": str(tree.other_district.id)}, token=t)
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
    r = await client.get(URL, params={"status": "active,dormant"}, token=t)
    assert r.status == 422


async def test_capital_range_and_scope_wording(client, deps, tree, district_admin):
    await factories.business(deps, tree.station, name="下陆区张记小吃店", capital=Decimal("3.5"),
                             business_scope="餐饮服务（小型餐馆）；预包装食品销售")
    await factories.business(deps, tree.station, name="下陆区李记便利店", capital=Decimal("20"),
                             business_scope="预包装食品、散装食品销售；卷烟零售")
    await factories.business(deps, tree.station, name="下陆区未登记资金的店")
    t = await login_staff(client, "dadmin")
    assert await _names(client, t, capital_min="3.5", capital_max="10") == ["下陆区张记小吃店"]
    assert await _names(client, t, capital_min="10") == ["下陆区李记便利店"]
    assert await _names(client, t, business_scope="预包装食品") == ["下陆区张记小吃店",
                                                                  "下陆区李记便利店"]
    assert await _names(client, t, business_scope="卷烟", capital_max="5") == []
    r = await client.get(URL, params={"q": "张记"}, token=t)
    [item] = r.data["items"]
    assert (item["capital"], item["business_scope"]) == ("3.5", "餐饮服务（小型餐馆）；预包装食品销售")
    for bad in ({"capital_min": "-1"}, {"capital_max": "abc"}, {"business_scope": "x" * 65}):
        r = await client.get(URL, params=bad, token=t)
        assert (r.status, r.code) == (422, "VALIDATION_ERROR"), (bad, r)
