"""Home-screen settings (env prefix HOME_)."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class HomeSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HOME_", env_file=".env", extra="ignore")

    # Off only to measure the uncached home call (bench/run.sh starts a second API that way).
    cache_enabled: bool = True


@lru_cache(maxsize=1)
def home_settings() -> HomeSettings:
    return HomeSettings()
