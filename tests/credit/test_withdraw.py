"""The applicant withdraws (撤回): before acceptance or while returned for 补正, never after; the listing is
free for a new application; nobody else can withdraw it."""

import pytest

from getitong.credit.models import CreditApplication, CreditEvent
from tests.credit.factories import ADMIN, MP, STEPS, act, move_to, submit


@pytest.mark.parametrize("status", list(STEPS))
async def test_withdraw_in_every_state(client, cast, status):
    app_id = await move_to(client, cast, status)
    events_before = await CreditEvent.filter(application_id=app_id).count()
    r = await client.post(f"{MP}/applications/{app_id}/withdraw", token=cast.tokens["owner"],
                          json={"comment": "已自行整改，暂不申请"})
    app = await CreditApplication.get(id=app_id)
    if status in ("submitted", "returned"):
        assert r.status == 200, r
        assert (r.data["status"], r.data["status_label"], r.data["actions"]) == ("withdrawn", "已撤回", [])
        ev = await CreditEvent.filter(application_id=app_id).order_by("-id").first()
        assert (ev.action, ev.from_status, ev.to_status, ev.comment) == ("withdraw", status, "withdrawn",
                                                                         "已自行整改，暂不申请")
        assert r.data["events"][-1]["action_label"] == "撤回申请"
    else:
        assert (r.status, r.code) == (409, "CREDIT_ACTION_NOT_ALLOWED")
        assert app.status.value == status
        assert await CreditEvent.filter(application_id=app_id).count() == events_before


async def test_the_withdraw_button_is_offered_only_where_it_works(client, cast):
    app_id = await move_to(client, cast, "submitted")
    r = await client.get(f"{MP}/applications/{app_id}", token=cast.tokens["owner"])
    assert r.data["actions"] == ["withdraw"]
    r = await act(client, cast, "dclerk", app_id, "accept")
    r = await client.get(f"{MP}/applications/{app_id}", token=cast.tokens["owner"])
    assert r.data["actions"] == []


async def test_a_withdrawn_listing_can_be_applied_for_again(client, cast):
    app_id = await move_to(client, cast, "submitted")
    busy = await submit(client, cast)
    assert (busy.status, busy.code) == (409, "CREDIT_LISTING_BUSY")
    r = await client.post(f"{MP}/applications/{app_id}/withdraw", token=cast.tokens["owner"], json={})
    assert r.status == 200, r
    again = await submit(client, cast)
    assert again.status == 201, again
    assert again.data["status"] == "submitted"


async def test_staff_cannot_act_on_a_withdrawn_application_and_it_leaves_the_todo_list(client, cast):
    app_id = await move_to(client, cast, "submitted")
    await client.post(f"{MP}/applications/{app_id}/withdraw", token=cast.tokens["owner"], json={})
    r = await act(client, cast, "dclerk", app_id, "accept")
    assert (r.status, r.code) == (409, "CREDIT_ACTION_NOT_ALLOWED")
    todo = await client.get(f"{ADMIN}/applications", params={"todo": "true"}, token=cast.tokens["dclerk"])
    assert app_id not in [a["id"] for a in todo.data["items"]]


async def test_only_the_applicant_can_withdraw(client, cast):
    app_id = await move_to(client, cast, "submitted")
    r = await client.post(f"{MP}/applications/{app_id}/withdraw", token=cast.tokens["stranger"], json={})
    assert (r.status, r.code) == (404, "CREDIT_NOT_FOUND")
    r = await client.post(f"{MP}/applications/{app_id}/withdraw", json={})
    assert r.status == 401
    r = await client.post(f"{MP}/applications/{app_id}/withdraw", token=cast.tokens["dclerk"], json={})
    assert r.status in (401, 403)
    r = await act(client, cast, "dclerk", app_id, "withdraw")
    assert r.status in (409, 422)
    assert (await CreditApplication.get(id=app_id)).status.value == "submitted"


async def test_bad_withdraw_body_is_a_422(client, cast):
    app_id = await move_to(client, cast, "submitted")
    r = await client.post(f"{MP}/applications/{app_id}/withdraw", token=cast.tokens["owner"],
                          json={"comment": "x" * 501})
    assert r.status == 422
    r = await client.post(f"{MP}/applications/{app_id}/withdraw", token=cast.tokens["owner"], json={"why": 1})
    assert r.status == 422
    assert (await CreditApplication.get(id=app_id)).status.value == "submitted"
