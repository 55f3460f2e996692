"""The demo seed gives the demo bank a profile and products, and adds a second institution."""

from getitong.loans import demo
from getitong.loans.models import InstitutionProfile, LoanProduct
from getitong.staff.models import FinancialInstitution
from getitong.staff.permissions import Role
from tests import factories
from tests.loans import factories as lf
from tests.loans.factories import ADMIN, MP


async def test_demo_seed(client, deps, tree, shop, owner):
    bank = await lf.institution(tree.city, demo.DEMO_BANK)
    staff = await factories.staff(deps, tree.city, [Role.BANK_STAFF.value], username="hbbank", institution=bank)
    await demo.seed(deps)
    await demo.seed(deps)  # a second run changes nothing
    assert await FinancialInstitution.filter(name=demo.SECOND_BANK).count() == 1
    assert await InstitutionProfile.all().count() == 2
    assert await LoanProduct.all().count() == 5
    token = deps.tokens.codec.issue(subject_type="person", subject_id=owner.id, business_id=shop[0].id)
    r = await client.get(f"{MP}/products", token=token)
    assert {p["name"] for p in r.data["items"]} == {"个体工商户经营贷", "创业担保贷款", "信用快贷", "惠农e贷", "小微快贷"}
    r = await client.get(f"{ADMIN}/products", token=deps.tokens.codec.issue(subject_type="staff",
                                                                            subject_id=staff.id))
    assert {p["name"] for p in r.data["items"]} == {"个体工商户经营贷", "创业担保贷款", "信用快贷"}
    r = await client.get(f"{MP}/products?guarantee_type=guarantee", token=token)
    assert [(p["name"], p["rate_label"]) for p in r.data["items"]] == [("创业担保贷款", "年利率 2%")]


async def test_demo_seed_without_the_bank_does_nothing(deps, tree):
    await demo.seed(deps)
    assert await LoanProduct.all().count() == 0
