"""One Settings object, read from the environment (and `.env`), with embedded defaults that just work."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Development defaults: usable on a laptop, refused in production.
DEV_SECRET_KEY = "dev-only-secret-key-change-me-0000000000000000"
DEV_FIELD_KEY = "ZGV2LW9ubHktZmllbGQta2V5LTMyLWJ5dGVzLWxvbmc="  # base64 of 32 bytes
DEV_INDEX_KEY = "dev-only-blind-index-key"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    env: str = Field("development", description="development | test | production")
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    data_dir: Path = Path("./var")
    # Empty means the embedded default: a SQLite file under data_dir.
    database_url: str = ""
    # Empty means the in-process cache/lock/rate-limit backend.
    redis_url: str = ""
    db_pool_max: int = 20

    secret_key: str = DEV_SECRET_KEY
    field_encryption_key: str = DEV_FIELD_KEY
    blind_index_key: str = DEV_INDEX_KEY
    access_token_ttl: int = 900
    refresh_token_ttl: int = 30 * 24 * 3600
    # argon2id cost; the defaults keep one hash well under 100 ms on a 2-core machine.
    argon2_time_cost: int = 2
    argon2_memory_kib: int = 19456

    upload_max_bytes: int = 10 * 1024 * 1024
    privacy_policy_version: str = "2024-08"

    wechat_appid: str = "wx0000000000000000"
    wechat_secret: str = "dev-wechat-secret"
    wechat_api_base_url: str = "https://api.weixin.qq.com/"

    # Per client address, per minute (the address is X-Forwarded-For's behind nginx in production).
    lookup_rate_per_minute: int = 120
    mp_login_rate_per_minute: int = 30
    staff_login_rate_per_minute: int = 60
    login_max_failures: int = 5
    login_lock_seconds: int = 900
    staff_captcha_after: int = 3
    staff_lock_after: int = 10

    admin_dist_dir: Path = Path(__file__).resolve().parents[3] / "admin-web" / "dist"
    seed_demo: bool = True
    log_level: str = "INFO"

    @model_validator(mode="after")
    def _refuse_default_secrets(self) -> Settings:
        if self.env == "production":
            weak = [
                name
                for name, value, default in (
                    ("SECRET_KEY", self.secret_key, DEV_SECRET_KEY),
                    ("FIELD_ENCRYPTION_KEY", self.field_encryption_key, DEV_FIELD_KEY),
                    ("BLIND_INDEX_KEY", self.blind_index_key, DEV_INDEX_KEY),
                    ("WECHAT_SECRET", self.wechat_secret, "dev-wechat-secret"),
                )
                if value == default
            ]
            if len(self.secret_key) < 32:
                weak.append("SECRET_KEY (shorter than 32 characters)")
            if weak:
                raise ValueError("production refuses default or weak secrets: " + ", ".join(weak))
        return self

    @cached_property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite://{(self.data_dir / 'getitong.sqlite3').resolve()}"

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")

    @property
    def upload_dir(self) -> Path:
        return self.data_dir / "uploads"
