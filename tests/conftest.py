"""Test stacks: GTT_TEST_STACK=postgres (real PostgreSQL + Redis from scripts/services.sh) or sqlite
(the embedded default: SQLite file + in-process cache). Migrations run once per session, tables are
emptied between tests, and every test gets a fresh Sanic app."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sanic import Sanic
from tortoise import Tortoise

from getitong.app import create_app
from getitong.core import db
from getitong.core.settings import Settings
from tests.stubs.wechat_server import WechatStandIn

STACK = os.environ.get("GTT_TEST_STACK", "sqlite")


def pytest_report_header(config: pytest.Config) -> str:
    return f"getitong test stack: {STACK}"


@pytest.fixture(scope="session")
def wechat() -> WechatStandIn:
    server = WechatStandIn()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory, wechat: WechatStandIn) -> Settings:
    data_dir: Path = tmp_path_factory.mktemp("data")
    values = {"env": "test", "data_dir": data_dir, "wechat_api_base_url": wechat.url,
              "argon2_time_cost": 1, "argon2_memory_kib": 8192}
    if STACK == "postgres":
        values["database_url"] = os.environ["TEST_DATABASE_URL"]
        values["redis_url"] = os.environ["TEST_REDIS_URL"]
    return Settings(**values)


@pytest.fixture(scope="session", autouse=True)
async def database(settings: Settings) -> AsyncIterator[None]:
    # The real migrations, not generate_schemas: the tests prove the migration files too.
    if STACK == "postgres":
        await _drop_all(settings)
    await db.migrate(settings)
    await db.init(settings)
    yield
    await db.close()


async def _drop_all(settings: Settings) -> None:
    import asyncpg

    conn = await asyncpg.connect(settings.database_url)
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()


_CLEAN_SQL: list[str] = []


async def _clean_sql(conn: object) -> str:
    """The statement that empties every table and restarts every sequence, built once per session.

    PostgreSQL: DELETE with the foreign-key triggers off (`session_replication_role = replica`, transaction-local)
    and `setval` on each sequence: a few milliseconds, where `TRUNCATE … RESTART IDENTITY` over ~80 tables took
    0.25–0.4 s per test (new files for every table and index) — most of the suite's time."""
    if not _CLEAN_SQL:
        tables = sorted({m._meta.db_table for app in Tortoise.apps.values() for m in app.values()})
        deletes = " ".join(f"DELETE FROM {table};" for table in tables)
        if STACK == "postgres":
            rows = await conn.execute_query_dict(  # type: ignore[attr-defined]
                "SELECT schemaname || '.' || sequencename AS s FROM pg_sequences WHERE schemaname = 'public'")
            restart = ", ".join(f"setval('{r['s']}', 1, false)" for r in rows)
            _CLEAN_SQL.append(f"BEGIN; SET LOCAL session_replication_role = replica; {deletes} "
                              f"{f'SELECT {restart};' if restart else ''} COMMIT;")
        else:
            _CLEAN_SQL.append(f"PRAGMA foreign_keys=OFF; {deletes} PRAGMA foreign_keys=ON;")
    return _CLEAN_SQL[0]


@pytest.fixture(autouse=True)
async def clean_tables(database: None) -> AsyncIterator[None]:
    conn = Tortoise.get_connection("default")
    await conn.execute_script(await _clean_sql(conn))
    return


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[Sanic]:
    Sanic.test_mode = True
    application = create_app(settings, manage_db=False)
    cache = application.ctx.deps.cache
    if cache.backend == "redis":
        await cache._redis.flushdb()
    yield application
    from tests.client import stop_app

    await stop_app(application)
    await cache.close()


@pytest.fixture
def deps(app: Sanic):  # type: ignore[no-untyped-def]
    return app.ctx.deps


@pytest.fixture
def client(app: Sanic):  # type: ignore[no-untyped-def]
    from tests.client import ApiClient

    return ApiClient(app)
