"""The 工作台 numbers: the office's applications by status, due soon and overdue, per role's 待办."""

from datetime import UTC, datetime

from tests.credit.factories import ADMIN, act, move_to


async def _counts(client, cast, who, **params):
    r = await client.get(f"{ADMIN}/applications/counts", token=cast.tokens[who],
                         params={k: str(v).lower() for k, v in params.items()})
    assert r.status == 200, r
    return r.data


async def test_due_soon_then_overdue_as_the_clock_runs(client, cast, clock):
    app_id = await move_to(client, cast, "submitted")  # Monday 2 March: accept by Wednesday 4 March
    c = await _counts(client, cast, "dclerk", todo=True)
    assert (c["total"], c["due_soon"], c["overdue"]) == (1, 0, 0)
    assert c["by_status"] == [{"status": "submitted", "label": "待受理", "count": 1}]
    clock.set(datetime(2026, 3, 3, 2, 0, tzinfo=UTC))  # one working day left
    assert (await _counts(client, cast, "dclerk", todo=True))["due_soon"] == 1
    clock.set(datetime(2026, 3, 5, 2, 0, tzinfo=UTC))  # past the day
    c = await _counts(client, cast, "dclerk", todo=True)
    assert (c["due_soon"], c["overdue"]) == (0, 1)
    # Accepted: off the clerk's 待办, onto the reviewer's (5 working days to decide: not due yet).
    assert (await act(client, cast, "dclerk", app_id, "accept")).status == 200
    assert (await _counts(client, cast, "dclerk", todo=True))["total"] == 0
    c = await _counts(client, cast, "dreviewer", todo=True)
    assert (c["total"], c["due_soon"], c["overdue"]) == (1, 0, 0)


async def test_without_todo_every_status_of_the_office_is_listed(client, cast):
    await move_to(client, cast, "returned")
    c = await _counts(client, cast, "dclerk")
    assert c["total"] == 1
    assert [s["status"] for s in c["by_status"]] == ["submitted", "reviewing", "approving", "returned", "approved",
                                                     "refused", "withdrawn"]
    assert {s["status"]: s["count"] for s in c["by_status"]}["returned"] == 1


async def test_other_offices_and_other_roles_see_nothing_or_are_refused(client, cast):
    await move_to(client, cast, "submitted")
    assert (await _counts(client, cast, "oclerk", todo=True))["total"] == 0
    r = await client.get(f"{ADMIN}/applications/counts", token=cast.tokens["editor"])
    assert (r.status, r.code) == (403, "CREDIT_FORBIDDEN")
    r = await client.get(f"{ADMIN}/applications/counts")
    assert r.status == 401
    r = await client.get(f"{ADMIN}/applications/counts", token=cast.tokens["owner"])
    assert r.status in (401, 403)
