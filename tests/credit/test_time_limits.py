"""Working-day arithmetic (Spring Festival and National Day 2026 with their 调休 Saturdays) and the
time limits an application shows, with a controlled clock."""

from datetime import UTC, date, datetime, timedelta

import pytest

from getitong.common.workdays import calendar_settings
from getitong.credit import config as cfg
from getitong.credit import errors as e
from getitong.credit.models import CreditApplication
from tests.credit.factories import ADMIN, MP, act, new_application, submit


@pytest.mark.parametrize(("start", "days", "due"), [
    (date(2026, 2, 13), 1, date(2026, 2, 14)),   # Friday → the 调休 Saturday before Spring Festival
    (date(2026, 2, 14), 1, date(2026, 2, 24)),   # across the whole Spring Festival holiday
    (date(2026, 2, 13), 2, date(2026, 2, 24)),
    (date(2026, 2, 27), 1, date(2026, 2, 28)),   # the 调休 Saturday after it
    (date(2026, 2, 10), 15, date(2026, 3, 9)),
    (date(2026, 9, 30), 1, date(2026, 10, 8)),   # across National Day
    (date(2026, 10, 9), 1, date(2026, 10, 10)),  # the 调休 Saturday after National Day
    (date(2026, 10, 10), 1, date(2026, 10, 12)),
    (date(2026, 3, 6), 2, date(2026, 3, 10)),    # an ordinary weekend
])
def test_add_working_days(start, days, due):
    assert cfg.add_working_days(start, days) == due


def test_working_days_between():
    assert cfg.working_days_between(date(2026, 2, 13), date(2026, 2, 24)) == 2
    assert cfg.working_days_between(date(2026, 2, 24), date(2026, 2, 13)) == -2
    assert cfg.working_days_between(date(2026, 3, 2), date(2026, 3, 2)) == 0


def _day_by_day(start, end):
    if end < start:
        return -_day_by_day(end, start)
    return sum(cfg.is_workday(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))


@pytest.mark.parametrize(("start", "end"), [
    (date(2025, 1, 1), date(2026, 12, 31)), (date(2024, 12, 31), date(2026, 2, 24)),
    (date(2025, 12, 31), date(2026, 1, 1)), (date(2026, 11, 30), date(2025, 11, 3)),
    (date(2025, 6, 30), date(2025, 7, 1)), (date(2004, 1, 1), date(2004, 1, 2)),
])
def test_working_days_between_long_spans(start, end):
    # The per-year tables (one page of year-old overdue rows used to walk ~7,000 days) count the same.
    assert cfg.working_days_between(start, end) == _day_by_day(start, end)


def test_working_days_between_uncovered_and_configured_year(monkeypatch):
    with pytest.raises(e.CalendarUncovered):
        cfg.working_days_between(date(2026, 12, 1), date(2027, 1, 5))
    st = calendar_settings()
    monkeypatch.setattr(st, "extra_years", [2027])
    monkeypatch.setattr(st, "extra_holidays", [date(2027, 1, 1)])
    assert cfg.working_days_between(date(2026, 12, 31), date(2027, 1, 5)) == 2  # 1-1 holiday, weekend, 1-4, 1-5
    monkeypatch.setattr(st, "extra_holidays", [])
    assert cfg.working_days_between(date(2026, 12, 31), date(2027, 1, 5)) == 3  # the settings are part of the key


def test_year_without_calendar_data_fails_loudly():
    with pytest.raises(e.CalendarUncovered) as exc:
        cfg.add_working_days(date(2026, 12, 31), 1)
    assert exc.value.code == "CALENDAR_UNCOVERED"


def test_a_configured_year_is_used(monkeypatch):
    st = calendar_settings()
    monkeypatch.setattr(st, "extra_years", [2027])
    monkeypatch.setattr(st, "extra_holidays", [date(2027, 1, 1)])
    monkeypatch.setattr(st, "extra_workdays", [date(2027, 1, 9)])
    assert cfg.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert cfg.add_working_days(date(2027, 1, 8), 1) == date(2027, 1, 9)
    with pytest.raises(e.CalendarUncovered):
        cfg.add_working_days(date(2027, 12, 31), 1)


async def test_uncovered_year_refuses_the_submission_loudly(client, cast, clock):
    clock.set(datetime(2026, 12, 30, 2, 0, tzinfo=UTC))
    r = await submit(client, cast)
    assert (r.status, r.code) == (503, "CALENDAR_UNCOVERED")
    assert r.data == {"year": 2027}
    assert await CreditApplication.all().count() == 0


async def test_limits_across_spring_festival(client, cast, clock):
    clock.set(datetime(2026, 2, 13, 2, 0, tzinfo=UTC))  # Friday 10:00 before the holiday
    app = await new_application(client, cast)
    assert app["limits"]["accept_due_on"] == "2026-02-24"
    assert app["limits"]["due_state"] == "normal"
    clock.set(datetime(2026, 2, 24, 2, 0, tzinfo=UTC))  # due today
    r = await client.get(f"{ADMIN}/applications", token=cast.tokens["dclerk"])
    row = r.data["items"][0]
    assert row["limits"]["working_days_left"] == 0
    assert row["limits"]["due_state"] == "due_soon"
    clock.set(datetime(2026, 2, 25, 2, 0, tzinfo=UTC))
    r = await client.get(f"{ADMIN}/applications", token=cast.tokens["dclerk"])
    assert r.data["items"][0]["limits"]["due_state"] == "overdue"
    assert r.data["items"][0]["limits"]["due_state_label"] == "已超期"
    # Accepted now: 5 working days for an abnormal-operation kind.
    r = await act(client, cast, "dclerk", app["id"], "accept")
    assert r.data["limits"]["decide_due_on"] == "2026-03-03"  # 2-26, 2-27, 2-28 (调休), 3-2, 3-3
    assert r.data["limits"]["current_due_on"] == "2026-03-03"
    assert r.data["limits"]["working_days_left"] == 5


async def test_serious_violation_has_fifteen_days(client, cast, clock):
    from getitong.risk.workflow import ListingKind
    from tests.credit.factories import listing

    x = await listing(cast.shop[0], cast.tree.district, kind=ListingKind.SERIOUS_VIOLATION)
    clock.set(datetime(2026, 9, 29, 2, 0, tzinfo=UTC))
    app = await new_application(client, cast, kind="serious_violation", listing_ids=[x.id])
    assert app["limits"]["accept_due_on"] == "2026-10-08"  # 9-30, then across National Day
    r = await act(client, cast, "dclerk", app["id"], "accept")
    # 15 working days after 9-29: 9-30, 10-8, 10-9, 10-10 (调休), 10-12 … 10-23, 10-26.
    assert r.data["limits"]["decide_due_on"] == "2026-10-26"
    r = await client.get(f"{MP}/progress", token=cast.tokens["owner"])
    assert r.data["items"][0]["limits"]["decide_due_on"] == "2026-10-26"


async def test_approval_records_removal_limit(client, cast, clock):
    app = await new_application(client, cast)
    for who, action in (("dclerk", "accept"), ("dreviewer", "review"), ("dapprover", "approve")):
        r = await act(client, cast, who, app["id"], action)
        assert r.status == 200, r
    assert r.data["limits"]["remove_due_on"] == "2026-03-05"
    assert r.data["limits"]["due_state"] == "none"
