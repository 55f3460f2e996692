"""Every (state, action) pair of both transitions tables: allowed ones move, the rest are refused clearly."""

import pytest

from getitong.core.errors import AppError
from getitong.policies.config import BenefitConfig
from getitong.policies.forwarding import backoff, sign, verify
from getitong.policies.targeting import region_ancestors, region_prefix, region_within
from getitong.policies.workflow import (
    ELIGIBILITY_TRANSITIONS,
    POLICY_TRANSITIONS,
    EligibilityAction,
    EligibilityStatus,
    Party,
    PolicyAction,
    PolicyStatus,
    eligibility_next,
    policy_next,
)


@pytest.mark.parametrize("status", list(PolicyStatus))
@pytest.mark.parametrize("action", list(PolicyAction))
def test_policy_transitions(status, action):
    if (status, action) in POLICY_TRANSITIONS:
        assert policy_next(status, action) == POLICY_TRANSITIONS[(status, action)]
    else:
        with pytest.raises(AppError) as exc:
            policy_next(status, action)
        assert exc.value.code == "POLICY_ACTION_NOT_ALLOWED"


@pytest.mark.parametrize("status", list(EligibilityStatus))
@pytest.mark.parametrize("action", list(EligibilityAction))
@pytest.mark.parametrize("party", list(Party))
def test_eligibility_transitions(status, action, party):
    allowed = ELIGIBILITY_TRANSITIONS.get((status, action))
    if allowed and allowed[1] == party:
        assert eligibility_next(status, action, party) == allowed[0]
    else:
        with pytest.raises(AppError) as exc:
            eligibility_next(status, action, party)
        assert exc.value.code == "BENEFIT_ACTION_NOT_ALLOWED"


def test_region_codes():
    assert region_prefix("420000") == "42"
    assert region_prefix("420200") == "4202"
    assert region_ancestors("420204") == ["420000", "420200", "420204"]
    assert region_within("420204", "420200")
    assert not region_within("420102", "420200")


def test_backoff_and_signature():
    cfg = BenefitConfig(backoff_base=30, backoff_max=100)
    assert [backoff(cfg, n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 100, 100]
    body = b'{"a":1}'
    assert verify("k", body, sign("k", body))
    assert not verify("k", body, sign("other", body))
    assert not verify("k", body, None)
