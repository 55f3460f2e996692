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


@pytest.fixture(autouse=True)
async def clean_tables(database: None) -> AsyncIterator[None]:
    conn = Tortoise.get_connection("default")
    tables = sorted({m._meta.db_table for app in Tortoise.apps.values() for m in app.values()})
    if STACK == "postgres":
        await conn.execute_script(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE;")
    else:
        deletes = " ".join(f"DELETE FROM {table};" for table in tables)
        await conn.execute_script(f"PRAGMA foreign_keys=OFF; {deletes} PRAGMA foreign_keys=ON;")
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
