"""A business's lifecycle: dated events from every domain, newest year first, with the 详情 tabs' counts.

Each source turns its rows into events `{date, kind, title, detail, ref}`; `kind` is one of KINDS (the tabs of
seed 004's 主体详情: 登记, 许可, 处罚, 双告知, 抽查检查, 监管预警, 联合惩戒, 小微扶持, plus 年报)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from getitong.annual.models import AnnualReport
from getitong.collection.models import CollectionRecord
from getitong.collection.workflow import Kind as CollectedKind
from getitong.collection.workflow import MatchState
from getitong.core import errors
from getitong.credit.models import CreditApplication
from getitong.credit.workflow import CreditStatus
from getitong.entities.models import Business
from getitong.notices.models import Notice
from getitong.notices.workflow import RESULT_LABELS, FeedbackResult
from getitong.policies.models import BenefitEligibility
from getitong.policies.workflow import ELIGIBILITY_STATUS_LABELS
from getitong.punishment.models import Feedback as PunishmentFeedback
from getitong.punishment.models import MatterSubject
from getitong.punishment.schemas import CATEGORY_LABELS as PUNISHMENT_CATEGORIES
from getitong.punishment.schemas import Category as PunishmentCategory
from getitong.registration.models import Registration
from getitong.risk.models import Listing, Penalty
from getitong.risk.workflow import LISTING_KIND_LABELS
from getitong.staff import scope
from getitong.staff.models import StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require
from getitong.supervision.models import Plan, Result, Target
from getitong.supervision.workflow import OUTCOME_LABELS, ResultStatus

SHANGHAI = ZoneInfo("Asia/Shanghai")

KINDS = {"registration": "登记", "permit": "许可", "penalty": "处罚", "notice": "双告知", "inspection": "抽查检查",
         "warning": "监管预警", "punishment": "联合惩戒", "support": "小微扶持", "annual": "年度报告"}


def _day(v: date | datetime | None) -> date | None:
    if isinstance(v, datetime):
        return v.astimezone(SHANGHAI).date()
    return v


def _ev(on: date | datetime | None, kind: str, title: str, detail: str = "", ref: tuple[str, int] | None = None,
        ) -> dict[str, Any] | None:
    day = _day(on)
    if day is None:
        return None
    return {"date": day.isoformat(), "year": day.year, "kind": kind, "kind_label": KINDS[kind], "title": title,
            "detail": detail, "ref": {"type": ref[0], "id": ref[1]} if ref else None}


async def _registration(b: Business) -> list[dict[str, Any] | None]:
    out = [_ev(b.established_on, "registration", "设立登记（成立）", f"登记机关辖区 {b.region_code}")]
    for r in await Registration.filter(business_id=b.id):
        out.append(_ev(r.decided_at, "registration", "个体户自助登记核准",
                       f"{'智能审批自动核准' if r.decided_by == 'auto' else '登记机关审核核准'}；档案号 {r.archive_no or '—'}",
                       ("registration", r.id)))
    return out


async def _notices(b: Business) -> list[dict[str, Any] | None]:
    out = []
    for n in await Notice.filter(business_id=b.id).select_related("department"):
        out.append(_ev(n.created_at, "notice", f"双告知：{n.item}", f"告知{n.department.name}", ("notice", n.id)))
        if n.answered_at and n.result:
            result = RESULT_LABELS[FeedbackResult(n.result)]
            if n.result == FeedbackResult.ISSUED:
                out.append(_ev(n.issued_on or n.answered_at, "permit", f"取得许可：{n.cert_name or n.item}",
                               f"{n.department.name}发证，证号 {n.cert_no}；有效期至 "
                               f"{n.valid_to.isoformat() if n.valid_to else '长期'}", ("notice", n.id)))
            else:
                out.append(_ev(n.answered_at, "notice", f"双告知反馈：{n.item}", f"{n.department.name}：{result}",
                               ("notice", n.id)))
    return out


async def _risk(b: Business) -> list[dict[str, Any] | None]:
    out = []
    for p in await Penalty.filter(business_id=b.id):
        out.append(_ev(p.decided_on, "penalty", f"行政处罚：{p.penalty_type}", f"{p.doc_no}；{p.decision_org_name}",
                       ("penalty", p.id)))
    for x in await Listing.filter(business_id=b.id):
        label = LISTING_KIND_LABELS[x.kind]
        out.append(_ev(x.listed_on, "warning", f"列入{label}", f"{x.list_reason}（{x.list_org_name}）",
                       ("listing", x.id)))
        if x.removed_on:
            out.append(_ev(x.removed_on, "warning", f"移出{label}", x.remove_reason or "", ("listing", x.id)))
    for c in await CreditApplication.filter(business_id=b.id, status=CreditStatus.APPROVED):
        out.append(_ev(c.decided_at, "warning", "信用修复：准予修复", f"受理编号 {c.number}", ("credit", c.id)))
    return out


async def _inspections(b: Business) -> list[dict[str, Any] | None]:
    targets = await Target.filter(business_id=b.id, result_status=ResultStatus.PUBLISHED)
    if not targets:
        return []
    plans = {p.id: p for p in await Plan.filter(id__in={t.plan_id for t in targets})}
    results = {r.target_id: r for r in await Result.filter(target_id__in=[t.id for t in targets])}
    out = []
    for t in targets:
        r = results.get(t.id)
        outcome = OUTCOME_LABELS.get(r.outcome, "") if r else ""
        out.append(_ev(r.checked_on if r else t.published_at, "inspection", f"双随机抽查：{plans[t.plan_id].name}",
                       f"检查结果：{outcome}" + (f"；{r.problems}" if r and r.problems else ""), ("inspection", t.id)))
    return out


async def _support(b: Business) -> list[dict[str, Any] | None]:
    out = []
    for e in await BenefitEligibility.filter(business_id=b.id).select_related("benefit"):
        out.append(_ev(e.confirmed_at or e.pushed_at, "support", f"免申即享：{e.benefit.name}",
                       ELIGIBILITY_STATUS_LABELS[e.status], ("benefit", e.id)))
    return out


async def _collected(b: Business) -> list[dict[str, Any] | None]:
    """信息归集: licences and small-business support provided by departments and 记名 to this business (their
    penalties reach the timeline through risk.Penalty)."""
    out = []
    for r in await CollectionRecord.filter(business_id=b.id, match_state=MatchState.MATCHED,
                                           kind__in=[CollectedKind.LICENSE, CollectedKind.SUPPORT]):
        x = r.fields
        if r.kind == CollectedKind.LICENSE:
            valid = f"；有效期 {x.get('valid_from') or '—'} 至 {x.get('valid_to') or '长期'}"
            out.append(_ev(date.fromisoformat(x["valid_from"]) if x.get("valid_from") else r.provided_on, "permit",
                           f"行政许可：{r.name}", f"{r.record_no}；{r.authority}{valid}", ("collection", r.id)))
        else:
            out.append(_ev(date.fromisoformat(x["decided_on"]) if x.get("decided_on") else r.provided_on, "support",
                           f"小微企业扶持：{x.get('content') or ''}", f"{r.authority}；{x.get('amount') or '—'}万元",
                           ("collection", r.id)))
    return out


async def _punishments(b: Business) -> list[dict[str, Any] | None]:
    """联合惩戒: matters naming the business (published) and each department's implementation of a measure."""
    out = []
    for s in await MatterSubject.filter(business_id=b.id).select_related("matter"):
        m = s.matter
        # Dated by the decision (when the business was punished), not by the platform's publication.
        out.append(_ev(m.decision_date, "punishment", f"联合惩戒：{PUNISHMENT_CATEGORIES[PunishmentCategory(m.category)]}",
                       f"{m.decision_org} {m.decision_no}；发布于 {_day(m.published_at)}", ("punishment", m.id)))
    for f in await PunishmentFeedback.filter(business_id=b.id).select_related("entry", "department"):
        out.append(_ev(f.implemented_on, "punishment", f"惩戒实施：{f.entry.name}",
                       f"{f.department.name}：{f.measure}", ("punishment", f.matter_id)))
    return out


async def _annual(b: Business) -> list[dict[str, Any] | None]:
    return [_ev(a.reported_on, "annual", f"{a.year}年度报告已报送", a.note, ("annual", a.id))
            for a in await AnnualReport.filter(business_id=b.id) if a.reported_on]


async def lifecycle(*, actor: StaffUser, business_id: int, year: int | None = None,
                    kind: str | None = None) -> dict[str, Any]:
    """全生命周期图 of a business in the actor's scope: every event, the years that have some, counts per tab."""
    require(actor, Perm.ENTITY_READ)
    b = await Business.get_or_none(id=business_id)
    if b is None or not await scope.in_scope(actor, b.org_id):
        raise errors.EntityNotFound()
    events = [ev for source in (_registration, _notices, _risk, _inspections, _support, _collected,
                                _punishments, _annual)
              for ev in await source(b) if ev is not None]
    events.sort(key=lambda ev: (ev["date"], ev["kind"]), reverse=True)
    counts = Counter(ev["kind"] for ev in events)
    years = sorted({ev["year"] for ev in events}, reverse=True)
    shown = [ev for ev in events if (year is None or ev["year"] == year) and (kind is None or ev["kind"] == kind)]
    return {"business": {"id": b.id, "name": b.name, "uscc": b.uscc, "kind": b.kind.value,
                         "operator_name": b.operator_name, "status": b.status.value,
                         "established_on": b.established_on.isoformat() if b.established_on else None},
            "years": years, "tabs": [{"kind": k, "label": label, "count": counts.get(k, 0)}
                                     for k, label in KINDS.items()],
            "events": shown}
