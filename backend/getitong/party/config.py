"""Party-building settings (env prefix PARTY_) and the clock every activity time is measured with."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from pydantic_settings import BaseSettings, SettingsConfigDict

SHANGHAI = ZoneInfo("Asia/Shanghai")


class PartySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARTY_", env_file=".env", extra="ignore")

    # Check-in opens this many minutes before the start and closes this many minutes after the end.
    checkin_open_minutes_before: int = 30
    checkin_close_minutes_after: int = 0
    # The home badge counts signed-up activities starting within this many days (reminders).
    home_badge_days: int = 7
    export_max_rows: int = 10000
    max_photos: int = 9


@lru_cache(maxsize=1)
def party_settings() -> PartySettings:
    return PartySettings()


def now() -> datetime:
    """The clock of sign-up, check-in and the badge; tests patch this function to control time."""
    return datetime.now(UTC)


def local(value: datetime) -> datetime:
    # Stored and compared in the database's time zone: SQLite keeps "+08:00" text and compares it as text.
    return value.astimezone(SHANGHAI)
