"""The demo seed: credit staff of 下陆区, listings and applications at different steps; idempotent."""

from getitong.credit import demo
from getitong.credit.models import CreditApplication
from getitong.risk.models import Listing
from getitong.staff.models import StaffUser
from tests import factories
from tests.credit.factories import ADMIN, MP


async def test_demo_seed(client, deps, tree, shop, owner, clock):
    for i in range(4):
        await factories.business(deps, tree.station, name=f"下陆区演示商户{i}", operator=f"演示{i}")
    await demo.seed(deps)
    await demo.seed(deps)  # a second run changes nothing
    assert await Listing.all().count() == 6
    statuses = sorted(a.status.value for a in await CreditApplication.all())
    assert statuses == ["approved", "approving", "returned", "reviewing", "submitted"]
    clerk = await StaffUser.get(username="xfjb")
    token = deps.tokens.codec.issue(subject_type="staff", subject_id=clerk.id)
    r = await client.get(f"{ADMIN}/applications?todo=true", token=token)
    assert len(r.data["items"]) == 1
    owner_token = deps.tokens.codec.issue(subject_type="person", subject_id=owner.id, business_id=shop[0].id)
    r = await client.get(f"{MP}/progress", token=owner_token)
    assert [a["business_name"] for a in r.data["items"]] == ["下陆区秀英便利店"]
    r = await client.post(f"{MP}/verify", token=owner_token, json={"business_id": shop[0].id,
                                                                   "kind": "individual_abnormal"})
    assert [x["can_apply"] for x in r.data["listings"]] == [True]


async def test_demo_seed_without_the_district_does_nothing(deps):
    await demo.seed(deps)
    assert await StaffUser.all().count() == 0
