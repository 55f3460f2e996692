"""Demo loan data: profiles and published products for the demo bank and one more institution in 黄石."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from tortoise.transactions import in_transaction

from getitong.core.deps import Deps
from getitong.loans.models import GuaranteeType, InstitutionProfile, LoanProduct
from getitong.loans.workflow import ProductStatus
from getitong.staff.models import FinancialInstitution, Org

DEMO_BANK = "湖北银行黄石分行"
SECOND_BANK = "中国农业银行黄石分行"


def _product(name: str, lo: int, hi: int, rate_lo: str, rate_hi: str, term_lo: int, term_hi: int,
             guarantee: GuaranteeType, eligibility: str, description: str) -> dict[str, Any]:
    return {"name": name, "amount_min": Decimal(lo), "amount_max": Decimal(hi), "rate_min": Decimal(rate_lo),
            "rate_max": Decimal(rate_hi), "term_months_min": term_lo, "term_months_max": term_hi,
            "guarantee_type": guarantee, "eligibility": eligibility, "description": description}


PROFILES: dict[str, dict[str, str]] = {
    DEMO_BANK: {"short_name": "湖北银行", "contact_name": "王敏", "contact_phone": "0714-6351234",
                "address": "黄石市下陆区杭州东路158号",
                "intro": "湖北银行黄石分行面向个体工商户提供经营贷款、创业担保贷款等普惠金融服务。"},
    SECOND_BANK: {"short_name": "农业银行", "contact_name": "李娟", "contact_phone": "0714-6225588",
                  "address": "黄石市黄石港区颐阳路88号",
                  "intro": "中国农业银行黄石分行服务县域和城区小微经营主体，提供线上线下多种信贷产品。"},
}

PRODUCTS: dict[str, list[dict[str, Any]]] = {
    DEMO_BANK: [
        _product("个体工商户经营贷", 50_000, 1_000_000, "3.65", "5.80", 6, 36, GuaranteeType.MORTGAGE,
                 "在黄石市登记注册满1年的个体工商户；经营正常、无不良信用记录；经营者年龄18至65周岁。",
                 "用于日常经营周转、进货备货、店面装修等，可随借随还，按月付息。"),
        _product("创业担保贷款", 50_000, 300_000, "2.00", "2.00", 12, 36, GuaranteeType.GUARANTEE,
                 "符合创业担保贷款政策条件的城镇登记失业人员、返乡创业农民工、高校毕业生等创办的个体工商户。",
                 "由政府性融资担保机构提供担保，财政按规定给予贴息，个人实际承担利率低。"),
        _product("信用快贷", 10_000, 300_000, "3.85", "6.50", 1, 12, GuaranteeType.CREDIT,
                 "纳税记录或结算流水满6个月的个体工商户；经营者征信良好。",
                 "纯信用、免抵押，手机银行线上申请，最快当天放款。"),
    ],
    SECOND_BANK: [
        _product("惠农e贷", 30_000, 500_000, "3.70", "5.20", 6, 36, GuaranteeType.CREDIT,
                 "从事农业生产经营或县域商贸的个体工商户，信用良好。",
                 "面向县域个体工商户的线上信用贷款，额度循环使用。"),
        _product("小微快贷", 50_000, 1_000_000, "3.55", "5.50", 3, 36, GuaranteeType.COMBINED,
                 "正常经营满1年的个体工商户，可提供房产抵押或保证人担保。",
                 "抵押与保证组合担保，额度高、期限灵活，适合扩大经营。"),
    ],
}


async def seed(deps: Deps) -> None:
    """Profiles and published products; the second institution hangs under the demo bank's org. Idempotent."""
    bank = await FinancialInstitution.get_or_none(name=DEMO_BANK)
    if bank is None or await InstitutionProfile.exists(institution_id=bank.id):
        return
    org = await Org.get(id=bank.org_id)
    at = datetime.now(UTC)
    async with in_transaction() as conn:
        second = await FinancialInstitution.get_or_none(name=SECOND_BANK).using_db(conn)
        if second is None:
            second = await FinancialInstitution.create(name=SECOND_BANK, region_code=org.region_code, org_id=org.id,
                                                       using_db=conn)
        for inst in (bank, second):
            await InstitutionProfile.create(institution_id=inst.id, **PROFILES[inst.name], using_db=conn)
            for values in PRODUCTS[inst.name]:
                await LoanProduct.create(institution_id=inst.id, status=ProductStatus.PUBLISHED, published_at=at,
                                         **values, using_db=conn)
