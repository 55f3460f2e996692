"""双告知 settings (env prefix NOTICE_)."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class NoticeSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NOTICE_", env_file=".env", extra="ignore")

    # A notice not received within this many days is flagged (seed 004: 3天以上未接收).
    receive_warn_days: int = 3
    export_max_rows: int = 5000


@lru_cache(maxsize=1)
def notice_settings() -> NoticeSettings:
    return NoticeSettings()
