"""Risk settings (env prefix RISK_)."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class RiskSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RISK_", env_file=".env", extra="ignore")

    # Rows validated, looked up and inserted together in one transaction.
    import_batch_size: int = 500
    # Data rows one file may hold (the streaming reader itself has no limit; this bounds a job's length).
    import_max_rows: int = 200_000
    # On start-up, an import whose progress has not moved for this long is marked interrupted.
    import_stale_seconds: int = 600
    # Start-up listener that marks interrupted imports; off in tests.
    background_jobs: bool = True
