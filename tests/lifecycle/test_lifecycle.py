"""全生命周期: one business's events from every domain, by year and by tab, only within the staff's scope."""

from datetime import UTC, date, datetime
from decimal import Decimal

from getitong.annual.models import AnnualReport, ReportStatus
from getitong.notices.models import Department, Notice
from getitong.notices.workflow import ApplicationType, FeedbackResult, NoticeStatus
from getitong.policies.models import Benefit, BenefitEligibility
from getitong.risk.models import Listing, Penalty
from getitong.risk.workflow import ListingKind, ListingStatus
from getitong.staff.permissions import Role
from getitong.supervision.models import Plan, Result, Target
from getitong.supervision.workflow import CheckMethod, Outcome, ResultStatus
from tests import factories
from tests.api.conftest import login_staff

URL = "/api/v1/admin/lifecycle"


async def _history(tree, shop, staff):
    a = shop[0]
    a.established_on = date(2023, 5, 8)
    await a.save()
    await Penalty.create(business=a, region_code=a.region_code, org=a.org, doc_no="黄下市监罚〔2024〕12号",
                         penalty_type="警告", basis="《食品安全法》", violation_type="未公示许可证", content="警告",
                         decided_on=date(2024, 6, 3), published_on=date(2024, 6, 10), decision_org=tree.district,
                         decision_org_name="黄石市下陆区市场监督管理局")
    await Listing.create(business=a, region_code=a.region_code, org=a.org, kind=ListingKind.INDIVIDUAL_ABNORMAL,
                         status=ListingStatus.REMOVED, doc_no="黄下市监异〔2024〕3号", list_reason="未报送年度报告",
                         listed_on=date(2024, 7, 1), list_org=tree.district, list_org_name="下陆区局",
                         remove_reason="补报年报", removed_on=date(2024, 9, 2))
    dept = await Department.create(name="黄石市下陆区卫生健康局", org=tree.district)
    at = datetime(2025, 3, 2, 2, 0, tzinfo=UTC)
    await Notice.create(business=a, org=a.org, department=dept, business_name=a.name, uscc=a.uscc, kind="individual",
                        scope="住宿服务", approved_on=date(2025, 3, 2), application_type=ApplicationType.CHANGE,
                        item="公共场所卫生许可", status=NoticeStatus.ANSWERED, created_at=at, answered_at=at,
                        result=FeedbackResult.ISSUED, cert_no="卫公证字〔2025〕第001号", cert_name="公共场所卫生许可证",
                        issued_on=date(2025, 3, 9))
    await AnnualReport.create(business=a, org=a.org, year=2024, status=ReportStatus.REPORTED,
                              reported_on=date(2025, 4, 1))
    benefit = await Benefit.create(org=tree.city, code="HG-1", name="个体工商户社保补贴", amount=Decimal("2000"))
    await BenefitEligibility.create(benefit=benefit, business=a, pushed_at=datetime(2025, 5, 6, 2, tzinfo=UTC))
    plan = await Plan.create(org=tree.district, name="2025年度个体户双随机抽查", made_on=date(2025, 6, 1),
                             created_by=staff)
    target = await Target.create(plan=plan, business=a, org=a.org, region_code=a.region_code, draw_key=1,
                                 result_status=ResultStatus.PUBLISHED, published_at=datetime(2025, 7, 2, tzinfo=UTC))
    await Result.create(target=target, method=CheckMethod.ON_SITE, outcome=Outcome.NORMAL, checked_on=date(2025, 7, 1),
                        entered_by=staff, entered_at=datetime(2025, 7, 1, tzinfo=UTC))
    return a


async def test_every_domain_on_one_timeline_by_year_and_tab(client, deps, tree, shop, district_admin):
    a = await _history(tree, shop, district_admin)
    token = await login_staff(client, "dadmin")
    r = await client.get(f"{URL}/{a.id}", token=token)
    assert r.status == 200, r
    assert r.data["years"] == [2025, 2024, 2023]
    got = [(e["date"], e["kind_label"], e["title"]) for e in r.data["events"]]
    assert got == [
        ("2025-07-01", "抽查检查", "双随机抽查：2025年度个体户双随机抽查"),
        ("2025-05-06", "小微扶持", "免申即享：个体工商户社保补贴"),
        ("2025-04-01", "年度报告", "2024年度报告已报送"),
        ("2025-03-09", "许可", "取得许可：公共场所卫生许可证"),
        ("2025-03-02", "双告知", "双告知：公共场所卫生许可"),
        ("2024-09-02", "监管预警", "移出个体工商户经营异常状态"),
        ("2024-07-01", "监管预警", "列入个体工商户经营异常状态"),
        ("2024-06-03", "处罚", "行政处罚：警告"),
        ("2023-05-08", "登记", "设立登记（成立）"),
    ]
    tabs = {t["label"]: t["count"] for t in r.data["tabs"]}
    assert (tabs["监管预警"], tabs["许可"], tabs["处罚"]) == (2, 1, 1)
    y2024 = await client.get(f"{URL}/{a.id}", params={"year": "2024"}, token=token)
    assert [e["kind"] for e in y2024.data["events"]] == ["warning", "warning", "penalty"]
    assert y2024.data["years"] == [2025, 2024, 2023]  # the year picker keeps every year
    permits = await client.get(f"{URL}/{a.id}", params={"kind": "permit"}, token=token)
    assert [e["detail"] for e in permits.data["events"]] == [
        "黄石市下陆区卫生健康局发证，证号 卫公证字〔2025〕第001号；有效期至 长期"]


async def test_scope_and_permission(client, deps, tree, shop):
    a, _, other = shop
    await factories.staff(deps, tree.other_city, [Role.ADMIN.value], username="whadmin")
    await factories.staff(deps, tree.district, [Role.CONTENT_EDITOR.value], username="editor1")
    outside = await login_staff(client, "whadmin")
    assert (await client.get(f"{URL}/{a.id}", token=outside)).code == "ENTITY_NOT_FOUND"
    assert (await client.get(f"{URL}/{other.id}", token=outside)).status == 200
    editor = await login_staff(client, "editor1")
    assert (await client.get(f"{URL}/{a.id}", token=editor)).status == 403
    assert (await client.get(f"{URL}/{a.id}")).status == 401
    assert (await client.get(f"{URL}/999999", token=outside)).code == "ENTITY_NOT_FOUND"
    assert (await client.get(f"{URL}/{other.id}", params={"kind": "gossip"}, token=outside)).status == 422
