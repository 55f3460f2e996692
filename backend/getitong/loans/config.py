"""Settings of the loans domain (env prefix LOAN_): outbound webhooks to institutions and their retry job."""

from __future__ import annotations

from typing import Any

from pydantic_settings import BaseSettings, SettingsConfigDict


class LoanConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LOAN_", env_file=".env", extra="ignore", case_sensitive=False)

    webhook_timeout: float = 5.0
    webhook_max_attempts: int = 8
    webhook_backoff_base: float = 30.0
    webhook_backoff_max: float = 3600.0
    # The retry job: None means on everywhere except ENV=test (there the job function is tested directly).
    job_enabled: bool | None = None
    job_interval: float = 30.0
    batch_size: int = 100


def config_of(app: Any) -> LoanConfig:
    """The app's config, built once from the environment; tests may preset `app.ctx.loan_config`."""
    cfg = getattr(app.ctx, "loan_config", None)
    if cfg is None:
        cfg = LoanConfig()
        app.ctx.loan_config = cfg
    return cfg
