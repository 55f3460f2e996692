"""Credit-repair settings (env prefix CREDIT_), the clock, and working-day arithmetic.

Default time limits:
- 《市场监督管理信用修复管理办法》(国家市场监督管理总局令第55号, 2021) 第十二条/第十三条: decide on
  acceptance within 2 working days of receipt; decide within 5 working days of acceptance (经营异常) and
  15 working days (严重违法失信名单).
- 国办发〔2025〕22号 (关于进一步完善信用修复制度的通知): carry out the removal (移出) within 3 working days
  of the decision.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from pydantic_settings import BaseSettings, SettingsConfigDict

from getitong.core.errors import define_error
from getitong.risk.workflow import ListingKind

SHANGHAI = ZoneInfo("Asia/Shanghai")

CalendarUncovered = define_error("CalendarUncovered", 503, "CREDIT_CALENDAR_UNCOVERED",
                                 "工作日历尚未覆盖该年度，无法计算办理时限，请联系管理员更新节假日数据")


class CreditSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CREDIT_", env_file=".env", extra="ignore")

    accept_days: int = 2
    decide_days_serious_violation: int = 15
    decide_days_enterprise_abnormal: int = 5
    decide_days_individual_abnormal: int = 5
    decide_days_cooperative_abnormal: int = 5
    remove_days: int = 3
    due_soon_days: int = 1
    # A year chinesecalendar does not know yet (its data ends at 2026 in 1.11.0) may be configured here from
    # the State Council notice: weekday holidays and worked weekend days (调休). Other years fail loudly.
    extra_years: list[int] = []
    extra_holidays: list[date] = []
    extra_workdays: list[date] = []
    identity_limit: int = 20
    identity_window: int = 900
    wechat_template_id: str = "credit-decided-template"
    wechat_page: str = "pages/credit/progress/index"

    def decide_days(self, kind: ListingKind | str) -> int:
        return int(getattr(self, f"decide_days_{ListingKind(kind).value}"))


@lru_cache(maxsize=1)
def credit_settings() -> CreditSettings:
    return CreditSettings()


def now() -> datetime:
    """The clock of every credit time limit; tests patch this function to control time."""
    return datetime.now(UTC)


def local_day(at: datetime) -> date:
    return at.astimezone(SHANGHAI).date()


def is_workday(day: date) -> bool:
    """A Chinese working day (weekends, public holidays and 调休 Saturdays accounted for).

    A year the calendar data does not cover fails loudly instead of silently counting weekdays."""
    import chinese_calendar

    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError as exc:
        st = credit_settings()
        if day.year not in st.extra_years:
            raise CalendarUncovered(data={"year": day.year}) from exc
        return day in st.extra_workdays or (day.weekday() < 5 and day not in st.extra_holidays)


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start` (the day of receipt itself does not count)."""
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
    st = credit_settings()
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
    """Entry i: working days among the first i days of `year` (entry 0 is 0). Keyed by the CREDIT_EXTRA_*
    settings too, so a configured year is recounted when they change; an uncovered year raises (not cached)."""
    first, acc, out = date(year, 1, 1), 0, [0]
    for i in range((date(year + 1, 1, 1) - first).days):
        acc += is_workday(first + timedelta(days=i))
        out.append(acc)
    return tuple(out)
