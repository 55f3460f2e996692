"""Appeal settings (env prefix APPEAL_) and the clock every time limit is measured with."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic_settings import BaseSettings, SettingsConfigDict

from getitong.common.workdays import add_working_days

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
    """`start` plus `days` natural days, or plus `days` Chinese working days (weekends, holidays, 调休).

    Working days come from the platform calendar: a year it does not cover raises CalendarUncovered (503)."""
    if unit != "working":
        return start + timedelta(days=days)
    local = start.astimezone(SHANGHAI)
    due = add_working_days(local.date(), days)
    return local.replace(year=due.year, month=due.month, day=due.day).astimezone(UTC)
