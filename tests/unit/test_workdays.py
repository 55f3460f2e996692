"""The platform calendar: one source of working days, loud about years it does not know."""

from datetime import date

import pytest

from getitong.common import workdays


def test_covered_years_and_the_configured_extra_year(monkeypatch):
    assert workdays.is_covered(2026)
    assert not workdays.is_covered(2027)
    monkeypatch.setattr(workdays.calendar_settings(), "extra_years", [2027])
    assert workdays.is_covered(2027)


def test_uncovered_year_raises_a_503_with_the_year():
    with pytest.raises(workdays.CalendarUncovered) as exc:
        workdays.is_workday(date(2027, 3, 1))
    assert (exc.value.status, exc.value.code, exc.value.data) == (503, "CALENDAR_UNCOVERED", {"year": 2027})


def test_start_up_warning_names_the_missing_year_only_near_the_year_end(monkeypatch):
    assert workdays.coverage_warning(date(2026, 6, 1)) is None  # far from the end of the year
    message = workdays.coverage_warning(date(2026, 12, 1))
    assert message is not None
    assert "2027" in message
    assert "CALENDAR_EXTRA_YEARS" in message
    monkeypatch.setattr(workdays.calendar_settings(), "extra_years", [2027])
    assert workdays.coverage_warning(date(2026, 12, 1)) is None
