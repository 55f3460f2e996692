"""Chinese working days (weekends, public holidays and 调休 working weekends), shared by every time limit.

The data comes from chinesecalendar, which knows only the years the State Council has announced (1.11.0: up
to 2026). A year it does not know may be configured from the State Council notice with the CALENDAR_EXTRA_*
settings; any other uncovered year fails loudly (503 CALENDAR_UNCOVERED) instead of silently counting
Monday–Friday, which would set wrong legal deadlines around the Spring Festival.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict

from getitong.core.errors import define_error

log = logging.getLogger(__name__)

CalendarUncovered = define_error("CalendarUncovered", 503, "CALENDAR_UNCOVERED",
                                 "工作日历尚未覆盖该年度，无法计算办理时限，请联系管理员更新节假日数据")


class CalendarSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CALENDAR_", env_file=".env", extra="ignore")

    # Years chinesecalendar does not know yet, with that year's weekday holidays and worked weekend days.
    extra_years: list[int] = []
    extra_holidays: list[date] = []
    extra_workdays: list[date] = []
    # Warn at start-up when next year is not covered and the year ends within this many days.
    warn_days: int = 60


@lru_cache(maxsize=1)
def calendar_settings() -> CalendarSettings:
    return CalendarSettings()


@lru_cache(maxsize=1)
def _bundled_years() -> frozenset[int]:
    """The years chinesecalendar has State Council data for (it raises for any other year)."""
    from chinese_calendar.constants import holidays

    return frozenset(day.year for day in holidays)


def is_covered(year: int) -> bool:
    return year in _bundled_years() or year in calendar_settings().extra_years


def is_workday(day: date) -> bool:
    """A Chinese working day; a year without calendar data raises CalendarUncovered."""
    if day.year in _bundled_years():
        import chinese_calendar

        return bool(chinese_calendar.is_workday(day))
    st = calendar_settings()
    if day.year not in st.extra_years:
        raise CalendarUncovered(data={"year": day.year})
    return day in st.extra_workdays or (day.weekday() < 5 and day not in st.extra_holidays)


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start` (the start day itself does not count)."""
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if is_workday(current):
            left -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is before `start`.

    O(years spanned), not O(days): a list row overdue by a year asks for ~250 working days, and a page of
    20 such rows day by day cost ~100 ms (bench/credit_run.sh). Each year's cumulative counts are built once."""
    if end < start:
        return -working_days_between(end, start)
    if end == start:
        return 0
    st = calendar_settings()
    extra = (tuple(st.extra_years), tuple(st.extra_holidays), tuple(st.extra_workdays))
    if start.year == end.year:
        table = _year_table(start.year, *extra)
        return table[end.timetuple().tm_yday] - table[start.timetuple().tm_yday]
    count = 0
    if (start.month, start.day) != (12, 31):  # the rest of start's year (nothing left on 31 December)
        table = _year_table(start.year, *extra)
        count += table[-1] - table[start.timetuple().tm_yday]
    for year in range(start.year + 1, end.year):
        count += _year_table(year, *extra)[-1]
    return count + _year_table(end.year, *extra)[end.timetuple().tm_yday]


@lru_cache(maxsize=64)
def _year_table(year: int, extra_years: tuple, extra_holidays: tuple, extra_workdays: tuple) -> tuple[int, ...]:
    """Entry i: working days among the first i days of `year` (entry 0 is 0). Keyed by the CALENDAR_EXTRA_*
    settings too, so a configured year is recounted when they change; an uncovered year raises (not cached)."""
    first, acc, out = date(year, 1, 1), 0, [0]
    for i in range((date(year + 1, 1, 1) - first).days):
        acc += is_workday(first + timedelta(days=i))
        out.append(acc)
    return tuple(out)


def coverage_warning(today: date) -> str | None:
    """A message for the operators when next year's calendar is missing and the year is about to end."""
    st = calendar_settings()
    if (date(today.year + 1, 1, 1) - today).days > st.warn_days:
        return None
    missing = [y for y in (today.year, today.year + 1) if not is_covered(y)]
    if not missing:
        return None
    return (f"工作日历缺少 {'、'.join(map(str, missing))} 年的节假日数据：按工作日计算的办理时限将以 503 CALENDAR_UNCOVERED "
            "拒绝。请升级 chinesecalendar，或按国务院办公厅放假通知设置 CALENDAR_EXTRA_YEARS / "
            "CALENDAR_EXTRA_HOLIDAYS / CALENDAR_EXTRA_WORKDAYS。")
