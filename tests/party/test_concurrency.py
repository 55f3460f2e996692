"""Sign-ups racing for the last places never exceed the capacity (PostgreSQL row lock + conditional UPDATE)."""

import asyncio
from datetime import timedelta

from getitong.accounts.models import PersonBusiness
from getitong.party import service
from getitong.party.common import Owner
from getitong.party.models import Activity, ActivitySignup
from tests import factories
from tests.party.factories import new_member, published_activity


async def test_concurrent_sign_ups_stop_at_capacity(client, tokens, clock, deps, tree, owner):
    a = await published_activity(client, tokens["party"], clock.at + timedelta(days=1), capacity=3)
    owners = []
    for i in range(6):
        business = await factories.business(deps, tree.station, name=f"下陆区并发测试店{i}", operator="张秀英")
        await PersonBusiness.create(person=owner, business=business)
        token = deps.tokens.codec.issue(subject_type="person", subject_id=owner.id, business_id=business.id)
        member = await new_member(client, token, name=f"党员{i}")
        owners.append((Owner(person=owner, business_id=business.id), member["id"]))

    results = await asyncio.gather(*(service.sign_up(deps, owner=o, activity_id=a["id"], member_ids=[m])
                                     for o, m in owners), return_exceptions=True)
    codes = sorted(getattr(x, "code", "OK") for x in results)
    assert codes == ["OK"] * 3 + ["PARTY_ACTIVITY_FULL"] * 3, results
    assert await ActivitySignup.filter(activity_id=a["id"]).count() == 3
    assert (await Activity.get(id=a["id"])).signed_up_count == 3


async def test_concurrent_sign_ups_of_a_group_are_all_or_none(client, tokens, clock, deps, shop, owner):
    a = await published_activity(client, tokens["party"], clock.at + timedelta(days=1), capacity=5)
    team = [await new_member(client, tokens["owner"], name=f"甲{i}") for i in range(3)]
    other = [await new_member(client, tokens["owner_b"], name=f"乙{i}") for i in range(3)]
    results = await asyncio.gather(
        service.sign_up(deps, owner=Owner(person=owner, business_id=shop[0].id), activity_id=a["id"],
                        member_ids=[m["id"] for m in team]),
        service.sign_up(deps, owner=Owner(person=owner, business_id=shop[1].id), activity_id=a["id"],
                        member_ids=[m["id"] for m in other]), return_exceptions=True)
    assert sorted(getattr(x, "code", "OK") for x in results) == ["OK", "PARTY_ACTIVITY_FULL"]
    assert await ActivitySignup.filter(activity_id=a["id"]).count() == 3
    assert (await Activity.get(id=a["id"])).signed_up_count == 3
