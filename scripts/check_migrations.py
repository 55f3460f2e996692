"""Fail when the models changed without a migration (schema changes go through migrations only)."""

import asyncio
import sys
import tempfile

from tortoise.migrations.autodetector import MigrationAutodetector

from getitong.core.db import tortoise_config
from getitong.core.settings import Settings


async def main() -> int:
    from tortoise.cli.cli import tortoise_cli_context

    with tempfile.TemporaryDirectory() as tmp:
        config = tortoise_config(Settings(data_dir=tmp))
        async with tortoise_cli_context(config) as ctx:
            writers = await MigrationAutodetector(ctx.apps, config["apps"]).changes()
    if writers:
        print("models changed without a migration: run `tortoise makemigrations` (see README)")
        for w in writers:
            print(" -", w.app_label, w.name)
        return 1
    print("migrations are up to date")
    return 0


sys.exit(asyncio.run(main()))
