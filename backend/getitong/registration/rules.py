"""The automatic-approval rule engine (智能审批): ONE table of named rules, each a pure function of the facts
the service gathered, returning None (passed) or a Chinese reason. All pass → approved with no human step;
any fails → the 登记审核 queue with the failed rules listed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from getitong.registration import names
from getitong.registration.catalog import BUSINESS_TYPES, ORG_FORMS


@dataclass(frozen=True)
class Signer:
    name: str
    realname_until: date | None  # None: not verified
    signed: bool


@dataclass(frozen=True)
class Facts:
    today: date
    business_type: str
    named: bool
    trade_name: str | None
    industry_word: str | None
    org_form: str | None
    name_commitment: bool
    name_taken: bool
    capital: Decimal
    capital_max: Decimal
    operator_birth: date | None
    id_valid_until: date | None  # None with id_long_term: 长期
    id_long_term: bool
    id_photo: bool
    operator_listed: bool  # the operator runs a business on the serious-violation list
    scope: list[dict[str, Any]] = field(default_factory=list)
    property_use: str | None = None
    residence_complete: bool = False
    signers: list[Signer] = field(default_factory=list)
    sign_due_on: date | None = None


Reason = str | None


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def business_type_supported(f: Facts) -> Reason:
    return None if f.business_type in BUSINESS_TYPES else "所选个体户类型不在智能审批范围内"


def name_content(f: Facts) -> Reason:
    if not f.named:
        return None
    for part in (f.trade_name or "", f.industry_word or ""):
        hit = names.forbidden(part)
        if hit:
            return hit.reason
    if f.org_form not in ORG_FORMS:
        return "组织形式不在规范表述范围内"
    return None


def name_unique(f: Facts) -> Reason:
    return "同一登记机关辖区内同行业已有相同字号的个体工商户或在办申请" if f.named and f.name_taken else None


def name_commitment(f: Facts) -> Reason:
    return "未签署《企业名称自主申报承诺书》" if f.named and not f.name_commitment else None


def operator_adult(f: Facts) -> Reason:
    if f.operator_birth is None:
        return "无法确定经营者出生日期"
    return None if _age(f.operator_birth, f.today) >= 18 else "经营者未满18周岁"


def operator_id_valid(f: Facts) -> Reason:
    if f.id_long_term:
        return None
    if f.id_valid_until is None or f.id_valid_until < f.today:
        return "经营者身份证件已过有效期"
    return None


def operator_id_photo(f: Facts) -> Reason:
    return None if f.id_photo else "未上传经营者证件照片"


def operator_not_listed(f: Facts) -> Reason:
    return "经营者经营的市场主体被列入严重违法失信名单" if f.operator_listed else None


def capital_within_limit(f: Facts) -> Reason:
    if f.capital <= f.capital_max:
        return None
    return f"资金数额超过智能审批上限（{f.capital_max.normalize():f}万元）"


def scope_main_item(f: Facts) -> Reason:
    t = BUSINESS_TYPES.get(f.business_type)
    if t is None:  # reported by business_type_supported
        return None
    texts = [i["text"] for i in f.scope]
    if t.main_item not in texts:
        return f"经营范围缺少主营项目「{t.main_item}」"
    if not any(i.get("given") for i in f.scope):
        return "经营范围至少应包含一条系统给定的项目"
    return None


def scope_standard(f: Facts) -> Reason:
    custom = [i["text"] for i in f.scope if not i.get("standard")]
    return f"经营范围含非规范表述条目：{'；'.join(custom)}" if custom else None


def residence_commercial(f: Facts) -> Reason:
    if not f.residence_complete:
        return "住所（经营场所）信息不完整"
    if f.property_use == "residential":
        return "经营场所为住宅（住改商），需核查利害关系业主同意证明"
    return None


def realname_valid(f: Facts) -> Reason:
    if not f.signers:
        return "没有需要实名认证的人员"
    for s in f.signers:
        if s.realname_until is None:
            return f"{s.name}未完成实名认证"
        if s.realname_until < f.today:
            return f"{s.name}的实名认证已过有效期，请重新认证"
    return None


def signatures_complete(f: Facts) -> Reason:
    unsigned = [s.name for s in f.signers if not s.signed]
    if unsigned:
        return f"{'、'.join(unsigned)}尚未完成电子签名"
    if f.sign_due_on is None or f.today > f.sign_due_on:
        return "未在6个工作日内完成电子签名"
    return None


Rule = Callable[[Facts], Reason]

RULES: tuple[tuple[str, str, Rule], ...] = (
    ("business_type_supported", "个体户类型在智能审批范围内", business_type_supported),
    ("name_content", "名称不含禁用内容和文字", name_content),
    ("name_unique", "名称在同一辖区同行业内不重复", name_unique),
    ("name_commitment", "已签署名称自主申报承诺书", name_commitment),
    ("operator_adult", "经营者年满18周岁", operator_adult),
    ("operator_id_valid", "经营者身份证件在有效期内", operator_id_valid),
    ("operator_id_photo", "已上传经营者证件照片", operator_id_photo),
    ("operator_not_listed", "经营者未被列入严重违法失信名单", operator_not_listed),
    ("capital_within_limit", "资金数额在智能审批上限内", capital_within_limit),
    ("scope_main_item", "经营范围保留主营项目且至少一条给定项目", scope_main_item),
    ("scope_standard", "经营范围均为规范表述", scope_standard),
    ("residence_commercial", "住所信息完整且为非住宅经营场所", residence_commercial),
    ("realname_valid", "签字人员实名认证在有效期内", realname_valid),
    ("signatures_complete", "签字人员已在期限内完成电子签名", signatures_complete),
)
RULE_LABELS = {code: label for code, label, _ in RULES}


def evaluate(f: Facts) -> list[dict[str, Any]]:
    """Every rule's verdict, in table order: {code, label, passed, reason}."""
    out = []
    for code, label, rule in RULES:
        reason = rule(f)
        out.append({"code": code, "label": label, "passed": reason is None, "reason": reason})
    return out


def failed(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in results if not r["passed"]]
