"""Tortoise configuration and migrations (Tortoise's built-in migration system)."""

from __future__ import annotations

import re
from typing import Any

import asyncpg
from tortoise import Tortoise, connections
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.models import Model

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
DOMAIN_APPS = ["risk", "content", "appeals", "policies", "loans", "recognition", "party", "home", "annual", "credit", "notices", "registration",
               "supervision", "punishment", "collection"]
# Packages with routes but no tables of their own (they read the domains above).
VIEW_APPS = ["lifecycle"]


class PooledConnection(asyncpg.Connection):
    """An asyncpg connection returned to the pool without the session-reset query.

    asyncpg runs `SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL` on every release: one
    more round trip per ORM query. This application never leaves session state behind on a pooled
    connection (no SET, LISTEN, cursors or advisory locks: the migration lock uses its own connection), and
    asyncpg still rolls back an open transaction before the connection is reused.
    """

    def get_reset_query(self) -> str:
        return ""


def tortoise_config(settings: Settings) -> dict[str, Any]:
    url = settings.resolved_database_url
    connection: str | dict[str, Any] = url
    if url.startswith("postgres"):
        # asyncpg pool bounds: several API processes share one PostgreSQL.
        sep = "&" if "?" in url else "?"
        connection = expand_db_url(f"{url}{sep}minsize=1&maxsize={settings.db_pool_max}")
        connection["credentials"]["connection_class"] = PooledConnection
    return {
        "connections": {"default": connection},
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


_PG_PARAM = re.compile(r"\$\d+")


async def fetch(sql: str, *params: Any) -> list[dict[str, Any]]:
    """Raw SQL for the few hot paths where building the query costs more than running it.

    Written with PostgreSQL's numbered placeholders ($1, $2 … each used once, in order); on SQLite they
    become `?`. Rows come back as dicts of database values (`Model._init_from_db(**row)` makes a model).
    """
    conn = connections.get("default")
    if conn.capabilities.dialect == "sqlite":
        sql = _PG_PARAM.sub("?", sql)
    return await conn.execute_query_dict(sql, list(params))


async def insert_many(model: type[Model], objects: list[Model], conn: Any, returning: tuple[str, ...] = (),
                      conflict: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Insert many new rows of a model in one statement (on PostgreSQL).

    Tortoise's bulk_create runs the INSERT once per row (executemany) and gives no ids back. On PostgreSQL this
    is one `INSERT … SELECT * FROM unnest($1::type[], …)`, each column an array, values converted by the model's
    own fields (auto_now dates, enums, JSON) — the rows come back with the `returning` columns. Elsewhere
    bulk_create, and nothing comes back. `conflict` names a unique key: a row that would violate it is left out
    (ON CONFLICT DO NOTHING; on other databases bulk_create's ignore_conflicts) and does not come back.
    """
    if not objects:
        return []
    if conn.capabilities.dialect != "postgres":
        await model.bulk_create(objects, using_db=conn, ignore_conflicts=bool(conflict))
        return []
    meta = model._meta
    columns, types, values = [], [], []
    for name, column in meta.fields_db_projection.items():
        field = meta.fields_map[name]
        if field.pk and field.generated:
            continue
        columns.append(f'"{column}"')
        types.append(field.get_for_dialect("postgres", "SQL_TYPE"))
        values.append([field.to_db_value(getattr(o, name), o) for o in objects])
    arrays = ", ".join(f"${i}::{t}[]" for i, t in enumerate(types, start=1))
    sql = f'INSERT INTO "{meta.db_table}" ({", ".join(columns)}) SELECT * FROM unnest({arrays})'
    if conflict:
        sql += " ON CONFLICT (" + ", ".join(f'"{c}"' for c in conflict) + ") DO NOTHING"
    if returning:
        sql += " RETURNING " + ", ".join(f'"{c}"' for c in returning)
    return await conn.execute_query_dict(sql, values)


async def init(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    # Global fallback: Sanic runs listeners and request handlers in different tasks.
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)


async def close() -> None:
    await Tortoise.close_connections()
