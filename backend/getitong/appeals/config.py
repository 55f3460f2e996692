"""Appeal settings (env prefix APPEAL_) and the clock every time limit is measured with."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic_settings import BaseSettings, SettingsConfigDict

SHANGHAI = ZoneInfo("Asia/Shanghai")


class AppealSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APPEAL_", env_file=".env", extra="ignore")

    # Hubei rules §20, §22: transfer within 1 day of acceptance, finish within 15 days of submission.
    transfer_days: int = 1
    finish_days: int = 15
    # natural: calendar days (the Hubei rules); working: Chinese working days incl. 调休 (chinesecalendar).
    day_unit: Literal["natural", "working"] = "natural"
    due_soon_hours: int = 48
    # None: on everywhere except ENV=test. The job is also safe with several API processes (a cache lock).
    job_enabled: bool | None = None
    job_interval_seconds: int = 300
    wechat_template_id: str = "appeal-replied-template"
    wechat_page: str = "pages/appeals/detail/index"
    query_ip_limit: int = 20
    query_ip_window: int = 60
    query_code_failures: int = 5
    query_code_window: int = 900
    departments: list[str] = ["登记注册", "市场监管综合执法", "食品安全", "价格监督检查", "知识产权",
                              "质量监督", "消费者权益保护", "个私协会", "其他"]
    export_max_rows: int = 10000


@lru_cache(maxsize=1)
def appeal_settings() -> AppealSettings:
    return AppealSettings()


def now() -> datetime:
    """The clock of every appeal time limit; tests patch this function to control time."""
    return datetime.now(UTC)


def add_days(start: datetime, days: int, unit: str) -> datetime:
    """`start` plus `days` natural days, or plus `days` Chinese working days (weekends, holidays, 调休)."""
    if unit != "working":
        return start + timedelta(days=days)
    import chinese_calendar

    local = start.astimezone(SHANGHAI)
    current, left = local, days
    while left > 0:
        current += timedelta(days=1)
        try:
            working = chinese_calendar.is_workday(current.date())
        except NotImplementedError:  # a year the library does not know yet: weekdays only
            working = current.weekday() < 5
        if working:
            left -= 1
    return current.astimezone(UTC)

