"""Every (state, action) pair through the API, plus what each action must carry."""

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from getitong.core.models import AuditLog
from getitong.loans.models import LoanApplication, LoanApplicationEvent
from tests.loans import factories as lf
from tests.loans.factories import ADMIN

STATUSES = ["submitted", "contacted", "approved", "rejected", "granted", "withdrawn"]
ACTIONS = ["contact", "approve", "reject", "grant", "withdraw"]
ALLOWED = {("submitted", "contact"): "contacted", ("submitted", "reject"): "rejected",
           ("submitted", "withdraw"): "withdrawn", ("contacted", "approve"): "approved",
           ("contacted", "reject"): "rejected", ("approved", "grant"): "granted", ("approved", "reject"): "rejected"}
LABELS = {"submitted": "已提交", "contacted": "已联系", "approved": "已审批通过", "rejected": "未通过",
          "granted": "已放款", "withdrawn": "已撤回"}


@pytest.mark.parametrize(("status", "action"), list(itertools.product(STATUSES, ACTIONS)))
async def test_state_action_pair(client, tokens, product, status, action):
    app_id = await lf.move_to(client, tokens, product.id, status)
    events_before = await LoanApplicationEvent.filter(application_id=app_id).count()
    who = "owner" if action == "withdraw" else "bank"
    r = await lf.act(client, tokens[who], app_id, action)
    target = ALLOWED.get((status, action))
    row = await LoanApplication.get(id=app_id)
    if target:
        assert r.status == 200, r
        assert (r.data["status"], r.data["status_label"]) == (target, LABELS[target])
        assert row.status == target
        event = await LoanApplicationEvent.filter(application_id=app_id).order_by("-id").first()
        assert (event.action, event.from_status, event.to_status) == (action, status, target)
        assert event.note == lf.STEP_BODIES[action]["note"]
        # A closed application frees the product for a new one; an open one keeps it.
        assert (row.open_key is None) == (target in {"rejected", "granted", "withdrawn"})
    else:
        assert (r.status, r.code) == (409, "LOAN_TRANSITION_NOT_ALLOWED"), r
        assert r.message.startswith(f"贷款申请当前为「{LABELS[status]}」，不能")
        assert row.status == status
        assert await LoanApplicationEvent.filter(application_id=app_id).count() == events_before


async def test_approve_requires_amount_rate_and_term(client, tokens, product):
    app_id = await lf.move_to(client, tokens, product.id, "contacted")
    r = await client.post(f"{ADMIN}/applications/{app_id}/approve", token=tokens["bank"], json={"amount": 100000})
    assert (r.status, r.code) == (422, "LOAN_DETAILS_REQUIRED")
    assert r.message == "请填写年利率、期限（月）"
    assert r.data["missing"] == ["rate", "term_months"]
    assert (await LoanApplication.get(id=app_id)).status == "contacted"
    r = await client.post(f"{ADMIN}/applications/{app_id}/approve", token=tokens["bank"],
                          json={"amount": 100000, "rate": 3.456, "term_months": 12})
    assert r.code == "VALIDATION_ERROR"


async def test_reject_requires_a_reason(client, tokens, product):
    app_id = await lf.move_to(client, tokens, product.id, "submitted")
    r = await client.post(f"{ADMIN}/applications/{app_id}/reject", token=tokens["bank"], json={})
    assert (r.code, r.message) == ("LOAN_DETAILS_REQUIRED", "请填写办理说明")


async def test_grant_checks_amount_and_date(client, tokens, product):
    app_id = await lf.move_to(client, tokens, product.id, "approved")  # approved 15万
    r = await lf.act(client, tokens["bank"], app_id, "grant", amount=200000)
    assert (r.status, r.code) == (422, "LOAN_GRANT_EXCEEDS_APPROVED")
    assert r.message == "放款金额不能超过审批金额15万元"
    tomorrow = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
    r = await lf.act(client, tokens["bank"], app_id, "grant", granted_on=tomorrow)
    assert (r.status, r.code) == (422, "LOAN_DATE_INVALID")
    r = await lf.act(client, tokens["bank"], app_id, "grant", granted_on="2020-01-01")
    assert r.code == "LOAN_DATE_INVALID"
    r = await client.post(f"{ADMIN}/applications/{app_id}/grant", token=tokens["bank"], json={"amount": 1000})
    assert (r.code, r.data["missing"]) == ("LOAN_DETAILS_REQUIRED", ["granted_on"])
    assert (await LoanApplication.get(id=app_id)).status == "approved"
    r = await lf.act(client, tokens["bank"], app_id, "grant", amount=120000)
    assert r.status == 200, r
    assert r.data["granted"]["amount_label"] == "12万元"


async def test_supervisor_reads_but_does_not_handle(client, tokens, product):
    app_id = await lf.move_to(client, tokens, product.id, "submitted")
    r = await client.get(f"{ADMIN}/applications/{app_id}", token=tokens["manager"])
    assert r.status == 200, r
    assert r.data["allowed_actions"] == []
    r = await lf.act(client, tokens["manager"], app_id, "contact")
    assert (r.status, r.code) == (409, "LOAN_TRANSITION_NOT_ALLOWED")
    assert r.message == "您无权对该贷款申请执行「联系」"


async def test_a_colleague_at_the_same_bank_continues(client, tokens, product):
    app_id = await lf.move_to(client, tokens, product.id, "contacted")
    r = await lf.act(client, tokens["bank_a2"], app_id, "approve")
    assert r.status == 200, r
    assert await AuditLog.filter(action="loan.application.approve", target_id=str(app_id)).count() == 1
