"""Tortoise configuration and migrations (Tortoise's built-in migration system)."""

from __future__ import annotations

from typing import Any

from tortoise import Tortoise

from getitong.core.settings import Settings

MODEL_MODULES = [
    "getitong.core.models",
    "getitong.staff.models",
    "getitong.entities.models",
    "getitong.accounts.models",
]


# Each domain that grew after the foundation is its own Tortoise app with its own migrations package,
# so domains evolve their schema independently; cross-app foreign keys name "models.Business" etc.
MIGRATION_LOCK = 0x67747401  # pg_advisory_lock key for "migrations are running"
DOMAIN_APPS = ["risk", "content", "appeals", "policies", "loans", "recognition", "party", "home"]


def tortoise_config(settings: Settings) -> dict[str, Any]:
    url = settings.resolved_database_url
    if url.startswith("postgres"):
        # asyncpg pool bounds: several API processes share one PostgreSQL.
        sep = "&" if "?" in url else "?"
        url = f"{url}{sep}minsize=1&maxsize={settings.db_pool_max}"
    return {
        "connections": {"default": url},
        "apps": {
            "models": {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "getitong.migrations",
            },
            **{
                label: {"models": [f"getitong.{label}.models"], "default_connection": "default",
                        "migrations": f"getitong.{label}.migrations"}
                for label in DOMAIN_APPS
            },
        },
        "use_tz": True,
        "timezone": "Asia/Shanghai",
    }


async def migrate(settings: Settings) -> None:
    """Apply every pending migration (idempotent)."""
    from tortoise.migrations.api.migrate import migrate as run

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    lock = None
    if settings.resolved_database_url.startswith("postgres"):
        # Several API containers may start together: one migrates, the others wait, then find nothing to do.
        import asyncpg

        lock = await asyncpg.connect(settings.resolved_database_url)
        await lock.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
    try:
        await run(config=tortoise_config(settings))
    finally:
        if lock is not None:
            await lock.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)
            await lock.close()
        # aiosqlite runs a non-daemon thread per connection: without this the process never exits.
        await Tortoise.close_connections()


async def init(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    # Global fallback: Sanic runs listeners and request handlers in different tasks.
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)


async def close() -> None:
    await Tortoise.close_connections()
