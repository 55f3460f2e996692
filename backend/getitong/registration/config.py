"""Registration settings (env prefix REGISTRATION_) and the clock."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from pydantic_settings import BaseSettings, SettingsConfigDict

SHANGHAI = ZoneInfo("Asia/Shanghai")


class RegistrationSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REGISTRATION_", env_file=".env", extra="ignore")

    # Signing must finish within this many working days of the real-name confirmation (seed 002 §2.1.2.6).
    sign_days: int = 6
    # Capital (万元) above which a person reviews the application instead of the rule engine approving it.
    auto_capital_max: Decimal = Decimal("100")
    # Where the signing QR code points: the H5 signing page, which calls GET/POST .../signing/{token}.
    sign_url: str = "https://gtt.example.gov.cn/h5/registration-sign"
    # Where a paper licence is collected (the registration authority's hall), {org} is its name.
    pickup_text: str = "请携带本人身份证件到{org}政务服务大厅登记窗口领取纸质营业执照"
    # Rows of one Excel export (登记审核 list, 电子档案 list).
    export_max_rows: int = 10000


@lru_cache(maxsize=1)
def registration_settings() -> RegistrationSettings:
    return RegistrationSettings()


def now() -> datetime:
    """The clock of the registration time limits; tests patch this function to control time."""
    return datetime.now(UTC)


def local_day(at: datetime) -> date:
    return at.astimezone(SHANGHAI).date()
