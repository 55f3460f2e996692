"""Settings of the policies domain: the external 免申即享 platform and the forwarding job (env prefix BENEFIT_)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_CALLBACK_SECRET = "dev-benefit-callback-secret"


class BenefitConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BENEFIT_", env_file=".env", extra="ignore", case_sensitive=False)

    # The external benefit platform (黄冈免申即享平台); a local stand-in in tests.
    base_url: str = "http://127.0.0.1:9310"
    timeout: float = 5.0
    # Shared secret: signs our outbound requests and verifies the platform's status callbacks (HMAC-SHA256).
    callback_secret: str = DEV_CALLBACK_SECRET
    max_attempts: int = 8
    backoff_base: float = 30.0
    backoff_max: float = 3600.0
    # The periodic retry job (off by default and always off in tests; the job function is tested directly).
    job_enabled: bool = False
    job_interval: float = 30.0
    batch_size: int = 100
    # Polling the platform for items it has not reported on: seconds between polls of one item (0 = never).
    poll_interval: float = 3600.0
    # Rule runs over more candidate businesses than this go to the background.
    rule_sync_limit: int = 2000
    excel_max_rows: int = 50_000
    # The platform-wide ENV (no prefix): production refuses the development secret.
    env: str = Field("development", validation_alias="ENV")

    @model_validator(mode="after")
    def _refuse_default_secret(self) -> BenefitConfig:
        if self.env == "production" and self.callback_secret == DEV_CALLBACK_SECRET:
            raise ValueError("production refuses the default BENEFIT_CALLBACK_SECRET")
        return self


def config_of(app: Any) -> BenefitConfig:
    """The app's config, built once from the environment; tests may preset `app.ctx.benefit_config`."""
    cfg = getattr(app.ctx, "benefit_config", None)
    if cfg is None:
        cfg = BenefitConfig()
        app.ctx.benefit_config = cfg
    return cfg
