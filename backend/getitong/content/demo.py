"""Demo news and laws, published by the provincial administrator, so the shop side has something to read."""

from __future__ import annotations

from datetime import date

from getitong.content import service
from getitong.content.models import Article, ArticleKind, LawCategory, NewsCategory
from getitong.content.workflow import ContentAction
from getitong.core.deps import Deps
from getitong.staff import service as staff
from getitong.staff.models import StaffUser

NEWS = [
    ("省市场监管局推出个体工商户“一件事”集成服务", NewsCategory.WORK_NEWS,
     "登记、年报、信用修复、诉求办理在个体通小程序一站办理。",
     "<p>为进一步优化营商环境，省市场监管局在“个体通”小程序推出个体工商户“一件事”集成服务，"
     "经营者可在线办理登记、年度报告、信用修复和诉求反映等事项，实现“掌上办、一次办”。</p>"),
    ("关于开展2025年度个体工商户年度报告工作的通知", NewsCategory.NOTICE,
     "2026年1月1日至6月30日报送上一年度年度报告。",
     "<p>根据《个体工商户年度报告办法》，个体工商户应当于每年1月1日至6月30日，"
     "通过国家企业信用信息公示系统报送上一年度年度报告。逾期未报送的，将被标记为经营异常状态。</p>"
     "<p>报送后，可在小程序“年度报告”中查看本年度报送状态。</p>"),
    ("《促进个体工商户发展条例》政策解读", NewsCategory.POLICY_INTERPRETATION,
     "帮扶措施、经营场所、融资支持一图读懂。",
     "<p>条例明确国家对个体工商户实施分型分类培育和精准帮扶，在经营场所供给、金融服务、"
     "社会保险等方面加大支持力度。</p><ul><li>分型：生存型、成长型、发展型</li>"
     "<li>分类：名、特、优、新</li></ul>"),
]

LAWS = [
    ("促进个体工商户发展条例", LawCategory.ADMINISTRATIVE_REGULATION, "国务院", "国务院令第755号", date(2022, 11, 1),
     "<p>第一条 为了鼓励、支持和引导个体经济健康发展，维护个体工商户合法权益，稳定和扩大城乡就业，"
     "充分发挥个体工商户在国民经济和社会发展中的重要作用，制定本条例。</p>"),
    ("市场监督管理信用修复管理办法", LawCategory.DEPARTMENTAL_RULE, "国家市场监督管理总局", "国市监信规〔2021〕3号",
     date(2021, 9, 1),
     "<p>第一条 为了规范市场监督管理部门信用修复管理工作，鼓励违法失信当事人主动纠正违法失信行为，"
     "制定本办法。</p>"),
]


async def seed(deps: Deps) -> None:
    if await Article.exists():
        return
    admin = await StaffUser.get_or_none(username="admin")
    if admin is None:
        return
    actor = await staff.load_actor(admin.id)
    for title, category, summary, body in NEWS:
        item = await service.create(deps, actor=actor, kind=ArticleKind.NEWS, values={
            "title": title, "category": category, "summary": summary, "body_html": body})
        await service.transition(deps, actor=actor, kind=ArticleKind.NEWS, article_id=item["id"],
                                 action=ContentAction.PUBLISH)
    for title, category, issuer, doc_number, effective, body in LAWS:
        item = await service.create(deps, actor=actor, kind=ArticleKind.LAW, values={
            "title": title, "category": category, "issuer": issuer, "doc_number": doc_number,
            "effective_date": effective, "body_html": body})
        await service.transition(deps, actor=actor, kind=ArticleKind.LAW, article_id=item["id"],
                                 action=ContentAction.PUBLISH)
