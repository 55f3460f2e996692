"""The rule engine, the forbidden-name classes, the workflow table and the issued codes: pure, table-driven."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from getitong.entities import uscc
from getitong.registration import issuing, names, rules
from getitong.registration.catalog import BUSINESS_TYPES
from getitong.registration.workflow import (
    APPLICANT,
    REVIEWER,
    SYSTEM,
    TRANSITIONS,
    Action,
    ActionNotAllowed,
    RegStatus,
    next_status,
)

TODAY = date(2026, 3, 2)
GOOD = rules.Facts(
    today=TODAY, business_type="small_restaurant", named=True, trade_name="穆静", industry_word="饺子", org_form="馆",
    name_commitment=True, name_taken=False, capital=Decimal("12"), capital_max=Decimal("100"),
    operator_birth=date(1988, 1, 1), id_valid_until=date(2040, 1, 1), id_long_term=False, id_photo=True,
    operator_listed=False, scope=BUSINESS_TYPES["small_restaurant"].scope(), property_use="commercial",
    residence_complete=True, signers=[rules.Signer("穆静", date(2026, 3, 10), True)], sign_due_on=date(2026, 3, 10))

# rule code → a change of the good facts that must fail it (and only it).
FAILING = {
    "business_type_supported": {"business_type": "bank"},
    "name_content": {"trade_name": "美国"},
    "name_unique": {"name_taken": True},
    "name_commitment": {"name_commitment": False},
    "operator_adult": {"operator_birth": date(2008, 3, 3)},
    "operator_id_valid": {"id_valid_until": date(2026, 3, 1)},
    "operator_id_photo": {"id_photo": False},
    "operator_not_listed": {"operator_listed": True},
    "capital_within_limit": {"capital": Decimal("100.01")},
    "scope_main_item": {"scope": [i for i in BUSINESS_TYPES["small_restaurant"].scope() if not i["main"]]},
    "scope_standard": {"scope": BUSINESS_TYPES["small_restaurant"].scope() + [
        {"text": "自制冷饮", "kind": "general", "main": False, "given": False, "standard": False}]},
    "residence_commercial": {"property_use": "residential"},
    "realname_valid": {"signers": [rules.Signer("穆静", date(2026, 3, 1), True)]},
    "signatures_complete": {"signers": [rules.Signer("穆静", date(2026, 3, 10), False)]},
}


def test_every_rule_has_a_failing_case():
    assert set(FAILING) == {code for code, _, _ in rules.RULES}


def test_good_facts_pass_every_rule():
    assert all(r["passed"] for r in rules.evaluate(GOOD))


@pytest.mark.parametrize("code", list(FAILING))
def test_rule_fails_alone_with_a_chinese_reason(code):
    results = rules.evaluate(replace(GOOD, **FAILING[code]))
    failed = rules.failed(results)
    assert [r["code"] for r in failed] == [code]
    assert failed[0]["label"] == rules.RULE_LABELS[code]
    assert failed[0]["reason"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in failed[0]["reason"])


@pytest.mark.parametrize(("code", "change"), [
    ("name_content", {"named": False, "trade_name": None}),  # no name: nothing to check
    ("name_unique", {"named": False, "name_taken": True}),
    ("operator_adult", {"operator_birth": date(2008, 3, 2)}),  # 18 today
    ("operator_id_valid", {"id_valid_until": None, "id_long_term": True}),
    ("capital_within_limit", {"capital": Decimal("100")}),
    ("residence_commercial", {"property_use": "leased"}),
    ("signatures_complete", {"sign_due_on": TODAY}),
])
def test_rule_boundaries_pass(code, change):
    results = {r["code"]: r for r in rules.evaluate(replace(GOOD, **change))}
    assert results[code]["passed"], results[code]


def test_signing_after_the_due_day_fails():
    failed = rules.failed(rules.evaluate(replace(GOOD, sign_due_on=date(2026, 3, 1))))
    assert [r["code"] for r in failed] == ["signatures_complete"]
    assert "6个工作日" in failed[0]["reason"]


# One name per class of seed 002 §2.1.2.1.
NAME_CASES = [
    ("public_interest", "中华"), ("superstition_obscenity_violence", "算命"), ("misleading", "第一"),
    ("foreign_or_international", "巴黎"), ("foreign_or_international", "联合国"),
    ("party_state_army", "公安"), ("party_state_army", "八一部队"), ("letters_digits", "A记"),
    ("letters_digits", "好8"), ("letters_digits", "ＡＢ"), ("public_order", "黑社会"),
]


@pytest.mark.parametrize(("code", "text"), NAME_CASES)
def test_forbidden_name_class(code, text):
    hit = names.forbidden(text)
    assert hit is not None
    assert hit.code == code
    assert names.CLASS_LABELS[code] in hit.reason


def test_every_name_class_has_a_case():
    assert {c.code for c in names.NAME_CLASSES} == {code for code, _ in NAME_CASES}


@pytest.mark.parametrize("text", ["穆静", "饺子", "老王", "福满", "鑫源"])
def test_ordinary_names_pass(text):
    assert names.forbidden(text) is None


WHO = {APPLICANT, REVIEWER, SYSTEM}


@pytest.mark.parametrize("status", list(RegStatus))
@pytest.mark.parametrize("action", list(Action))
def test_workflow_table(status, action):
    rule = TRANSITIONS.get((status, action))
    for who in WHO:
        if rule is not None and rule[1] == who:
            assert next_status(status, action, who) == rule[0]
        else:
            with pytest.raises(ActionNotAllowed):
                next_status(status, action, who)


def test_issued_codes_are_valid():
    for _ in range(200):
        code = issuing.new_uscc("420204")
        assert uscc.is_valid(code)
        assert code[:8] == "92420204"
        assert issuing.org_code_valid(code[8:17])


def test_org_code_check_known_values():
    # The standard's own example D2143569-X, and 12345678-8 worked by hand.
    assert issuing.org_code_check("D2143569") == "X"
    assert issuing.org_code_check("12345678") == "8"
    assert not issuing.org_code_valid("123456781")
