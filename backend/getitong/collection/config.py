"""信息归集 settings (env prefix COLLECTION_) and the domain's calendar day (Beijing time)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from pydantic_settings import BaseSettings, SettingsConfigDict

CHINA = ZoneInfo("Asia/Shanghai")


def today() -> date:
    """The day in Beijing: the day a record is provided on, the year the statistics count it in."""
    return datetime.now(CHINA).date()


class CollectionSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COLLECTION_", env_file=".env", extra="ignore")

    # Rows validated, 记名 and stored together in one transaction.
    import_batch_size: int = 500
    # Data rows (or XML records) one import file may hold.
    import_max_rows: int = 200_000
    # Rows one 批量对比 file may hold.
    compare_max_rows: int = 50_000
    # On start-up, an import whose progress has not moved for this long is marked interrupted.
    import_stale_seconds: int = 600
    # Start-up listener that marks interrupted imports; off in tests.
    background_jobs: bool = True
