"""Time limits with a controlled clock: 1 day to transfer, 15 days to finish, natural or working days."""

from datetime import UTC, datetime

from getitong.appeals import api as appeals_api
from getitong.appeals import config as cfg
from getitong.appeals import service
from getitong.appeals.models import Appeal
from tests.appeals.factories import ADMIN, MP, move_to, new_appeal, submit


def test_add_days_natural_and_working():
    friday = datetime(2026, 1, 30, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
    assert cfg.add_days(friday, 1, "natural") == datetime(2026, 1, 31, 2, 0, tzinfo=UTC)
    assert cfg.add_days(friday, 1, "working") == datetime(2026, 2, 2, 2, 0, tzinfo=UTC)  # over the weekend
    # National Day 2025: 10-01 to 10-08 off, Saturday 10-11 a make-up working day.
    before_holiday = datetime(2025, 9, 30, 2, 0, tzinfo=UTC)
    assert cfg.add_days(before_holiday, 1, "working").date().isoformat() == "2025-10-09"
    assert cfg.add_days(before_holiday, 15, "working").date().isoformat() == "2025-10-28"


async def test_working_days_setting_moves_the_finish_limit(client, tokens, clock, monkeypatch):
    monkeypatch.setattr(cfg, "appeal_settings", lambda: cfg.AppealSettings(day_unit="working", finish_days=3))
    clock.at = datetime(2026, 1, 30, 2, 0, tzinfo=UTC)  # Friday
    created = await new_appeal(client, tokens["owner"])
    assert created["finish_due_at"] == "2026-02-04T02:00:00+00:00"  # Mon, Tue, Wed


async def test_working_days_in_a_year_without_calendar_data_refuse_loudly(client, tokens, clock, monkeypatch):
    # Counting Monday–Friday would put a deadline inside the 2027 Spring Festival: refuse and write nothing.
    monkeypatch.setattr(cfg, "appeal_settings", lambda: cfg.AppealSettings(day_unit="working"))
    clock.at = datetime(2026, 12, 28, 2, 0, tzinfo=UTC)
    before = await Appeal.all().count()
    r = await submit(client, tokens["owner"])
    assert (r.status, r.code) == (503, "CALENDAR_UNCOVERED")
    assert r.data == {"year": 2027}
    assert await Appeal.all().count() == before


async def test_transfer_limit_is_one_day_from_acceptance(client, tokens, tree, clock):
    appeal_id = await move_to(client, tokens, "accepted", tree.station.id)
    detail = (await client.get(f"{ADMIN}/{appeal_id}", token=tokens["clerk"])).data
    assert detail["transfer_due_at"] == "2026-03-03T01:00:00+00:00"
    clock.advance(days=1, minutes=1)
    assert await service.mark_overdue(clock()) == {"transfer": 1, "finish": 0}
    queue = await client.get(f"{ADMIN}/", token=tokens["clerk"], params={"overdue": "true"})
    assert [a["id"] for a in queue.data["items"]] == [appeal_id]
    r = await client.post(f"{ADMIN}/{appeal_id}/transfer", token=tokens["clerk"],
                          json={"unit_org_id": tree.station.id, "requirements": "请尽快办理"})
    assert r.status == 200
    stats = (await client.get(f"{ADMIN}/stats", token=tokens["clerk"])).data["total"]
    assert (stats["transferred"], stats["transferred_within_limit_pct"], stats["overdue"]) == (1, 0.0, 1)


async def test_due_soon_and_time_left(client, tokens, clock):
    created = await new_appeal(client, tokens["owner"])
    clock.advance(days=12)
    item = (await client.get(f"{ADMIN}/", token=tokens["clerk"])).data["items"][0]
    assert (item["due_soon"], item["time_left_seconds"]) == (False, 3 * 86400)
    assert (await client.get(f"{ADMIN}/", token=tokens["clerk"], params={"due_soon": "true"})).data["items"] == []
    clock.advance(days=1, hours=1)
    item = (await client.get(f"{ADMIN}/", token=tokens["clerk"], params={"due_soon": "true"})).data["items"][0]
    assert item["id"] == created["id"]
    assert item["due_soon"] is True


async def test_late_reply_counts_as_overdue_even_before_the_job_runs(client, tokens, tree, clock):
    appeal_id = await move_to(client, tokens, "reported", tree.station.id)
    clock.advance(days=16)
    r = await client.post(f"{ADMIN}/{appeal_id}/reply", token=tokens["clerk"], json={"reply": "迟到的回复"})
    assert r.status == 200
    row = await Appeal.get(id=appeal_id)
    assert (row.finish_on_time, row.is_overdue) == (False, True)
    assert r.data["overdue"] is False  # answered: no longer overdue in the queue …
    assert r.data["ever_overdue"] is True  # … but it was late
    assert (await client.get(f"{ADMIN}/overdue", token=tokens["citydesk"])).data["items"] == []


async def test_job_runs_under_a_shared_lock(app, deps, client, tokens, clock):
    await new_appeal(client, tokens["owner"])
    clock.advance(days=20)
    assert appeals_api.job_enabled(app) is False  # off in tests; they call the job directly
    async with deps.cache.lock("appeals:overdue"):
        assert await appeals_api.run_overdue_once(app) is None  # another process holds it
    assert await appeals_api.run_overdue_once(app) == {"transfer": 0, "finish": 1}


async def test_reopen_once_after_dissatisfied(client, tokens, tree, clock):
    appeal_id = await move_to(client, tokens, "closed", tree.station.id)  # rated 不满意
    mine = (await client.get(f"{MP}/{appeal_id}", token=tokens["owner"])).data
    assert mine["allowed_actions"] == ["reopen"]
    clock.advance(days=3)
    r = await client.post(f"{MP}/{appeal_id}/reopen", token=tokens["owner"], json={"comment": "问题仍未解决"})
    assert r.status == 200, r
    assert r.data["status_label"] == "已受理"
    assert r.data["finish_due_at"] == "2026-03-20T01:00:00+00:00"  # a fresh 15 days for the re-handling
    desk = (await client.get(f"{ADMIN}/{appeal_id}", token=tokens["clerk"])).data
    assert desk["allowed_actions"] == ["transfer", "reply_out_of_scope"]
    r = await client.post(f"{ADMIN}/{appeal_id}/transfer", token=tokens["clerk"],
                          json={"unit_org_id": tree.station.id, "requirements": "重新办理"})
    assert r.status == 200
    await client.post(f"{ADMIN}/{appeal_id}/report", token=tokens["unit"], json={"result": "再次上门"})
    await client.post(f"{ADMIN}/{appeal_id}/reply", token=tokens["clerk"], json={"reply": "已重新办理"})
    r = await client.post(f"{MP}/{appeal_id}/rate", token=tokens["owner"], json={"rating": "dissatisfied"})
    assert r.data["allowed_actions"] == []  # only once
    r = await client.post(f"{MP}/{appeal_id}/reopen", token=tokens["owner"], json={"comment": "还是不行"})
    assert (r.status, r.code) == (409, "APPEAL_ACTION_NOT_ALLOWED")
    assert "一次" in r.message
