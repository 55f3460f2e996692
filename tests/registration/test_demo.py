from getitong import demo
from getitong.registration.models import Registration


async def test_demo_has_one_approved_and_one_in_the_queue(deps, clock):
    assert await demo.seed(deps, businesses=30)
    rows = {r.business_type: r for r in await Registration.all()}
    assert rows["small_restaurant"].status == "approved"
    assert rows["small_restaurant"].uscc
    assert rows["fruit_shop"].status == "reviewing"
    assert [x["code"] for x in rows["fruit_shop"].rule_results if not x["passed"]] == ["capital_within_limit"]
    await demo.seed(deps, businesses=30)  # idempotent
    assert await Registration.all().count() == 2
