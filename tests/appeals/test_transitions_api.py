"""Every (status, action) pair through the HTTP API: allowed ones move the appeal, others are refused (409)."""

import itertools

import pytest

from getitong.appeals.models import Appeal, AppealEvent
from getitong.appeals.workflow import TRANSITIONS, Action, AppealStatus
from tests.appeals.factories import ADMIN, MP, move_to

# A district admin holds both appeal:desk and appeal:handle; with the appeal transferred to the district
# itself it is both desk and unit, so a refusal here is about the state alone (who may act: test_refusals.py).
WHO = {a: "owner" if a in (Action.RATE, Action.REOPEN) else "dadmin" for a in Action}


def _body(action, tree):
    return {
        Action.ACCEPT: {"comment": "受理"},
        Action.TRANSFER: {"unit_org_id": tree.district.id, "requirements": "请核实"},
        Action.REPLY_OUT_OF_SCOPE: {"department_name": "区人社局", "contact_person": "王科长", "phone": "0714-1234567"},
        Action.REPORT: {"result": "已办结"},
        Action.SEND_BACK: {"reason": "不属于本所辖区"},
        Action.REPLY: {"reply": "已办结"},
        Action.RATE: {"rating": "satisfied"},
        Action.REOPEN: {"comment": "问题未解决"},
    }[action]


PAIRS = list(itertools.product(AppealStatus, Action))


@pytest.mark.parametrize(("status", "action"), PAIRS, ids=[f"{s.value}-{a.value}" for s, a in PAIRS])
async def test_pair_over_http(client, tokens, tree, status, action):
    appeal_id = await move_to(client, tokens, status.value, tree.district.id, desk="dadmin", handler="dadmin")
    events_before = await AppealEvent.filter(appeal_id=appeal_id).count()
    prefix = MP if WHO[action] == "owner" else ADMIN
    r = await client.post(f"{prefix}/{appeal_id}/{action.value.replace('_', '-')}", token=tokens[WHO[action]],
                          json=_body(action, tree))
    rule = TRANSITIONS.get((status, action))
    row = await Appeal.get(id=appeal_id)
    if rule is None:
        assert (r.status, r.code) == (409, "APPEAL_ACTION_NOT_ALLOWED"), r
        assert row.status == status
        assert await AppealEvent.filter(appeal_id=appeal_id).count() == events_before
    else:
        assert r.status == 200, r
        assert row.status == rule[0]
        assert r.data["status"] == rule[0].value
        last = await AppealEvent.filter(appeal_id=appeal_id).order_by("-id").first()
        assert (last.action, last.from_status, last.to_status) == (action.value, status.value, rule[0].value)
