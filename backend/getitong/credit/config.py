"""Credit-repair settings (env prefix CREDIT_), the clock, and working-day arithmetic.

Default time limits:
- 《市场监督管理信用修复管理办法》(国家市场监督管理总局令第55号, 2021) 第十二条/第十三条: decide on
  acceptance within 2 working days of receipt; decide within 5 working days of acceptance (经营异常) and
  15 working days (严重违法失信名单).
- 国办发〔2025〕22号 (关于进一步完善信用修复制度的通知): carry out the removal (移出) within 3 working days
  of the decision.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from pydantic_settings import BaseSettings, SettingsConfigDict

# Working days are the platform's one calendar (CALENDAR_EXTRA_* settings; 503 CALENDAR_UNCOVERED).
from getitong.common.workdays import CalendarUncovered, add_working_days, is_workday, working_days_between
from getitong.risk.workflow import ListingKind

SHANGHAI = ZoneInfo("Asia/Shanghai")

__all__ = ["CalendarUncovered", "CreditSettings", "add_working_days", "credit_settings", "is_workday", "local_day",
           "now", "working_days_between"]


class CreditSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CREDIT_", env_file=".env", extra="ignore")

    accept_days: int = 2
    decide_days_serious_violation: int = 15
    decide_days_enterprise_abnormal: int = 5
    decide_days_individual_abnormal: int = 5
    decide_days_cooperative_abnormal: int = 5
    remove_days: int = 3
    due_soon_days: int = 1
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
