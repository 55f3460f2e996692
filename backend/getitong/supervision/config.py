"""双随机 settings (env prefix SUPERVISION_)."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class SupervisionSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SUPERVISION_", env_file=".env", extra="ignore")

    # Rows one inspector-pool workbook may hold (the pool of a province is a few thousand people).
    inspector_import_max_rows: int = 5_000
    # Businesses one sample or must-check list may name.
    list_max_codes: int = 100_000
    # Rows one Excel export may hold.
    export_max_rows: int = 100_000
