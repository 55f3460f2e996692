"""Annual report settings (env prefix ANNUAL_)."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class AnnualSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ANNUAL_", env_file=".env", extra="ignore")

    # The national enterprise credit information publicity system, opened in the mini-program's web-view
    # (its domain must be a business domain of the mini-program). Never called by the server.
    report_url: str = "https://www.gsxt.gov.cn/index.html"
    # Reports for year N are filed from 1 January to 30 June of year N + 1 (个体工商户年度报告办法).
    window_end_month: int = 6
    window_end_day: int = 30
    import_max_rows: int = 50000


@lru_cache(maxsize=1)
def annual_settings() -> AnnualSettings:
    return AnnualSettings()
