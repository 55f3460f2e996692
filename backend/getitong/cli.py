"""`python -m getitong serve|migrate|seed|gen-entities|makemigrations`."""

from __future__ import annotations

import argparse
import asyncio
import functools
import sys

from getitong.core import db, logs
from getitong.core.settings import Settings


async def _with_db(settings: Settings, fn):  # type: ignore[no-untyped-def]
    from getitong.core.deps import build_deps

    await db.init(settings)
    deps = build_deps(settings)
    try:
        return await fn(deps)
    finally:
        await deps.cache.close()
        await db.close()


def cmd_migrate(settings: Settings) -> None:
    asyncio.run(db.migrate(settings))
    print("数据库迁移完成")


def cmd_seed(settings: Settings, businesses: int) -> None:
    from getitong import demo

    created = asyncio.run(_with_db(settings, lambda deps: demo.seed(deps, businesses=businesses)))
    print("演示数据已生成" if created else "演示数据已存在，未重复生成")


def cmd_generate(settings: Settings, count: int, seed: int) -> None:
    from tqdm import tqdm

    from getitong import demo

    async def run(deps):  # type: ignore[no-untyped-def]
        with tqdm(total=count, unit="户", desc="生成市场主体") as bar:
            return await demo.generate(deps, count=count, rng_seed=seed, progress=bar)

    made = asyncio.run(_with_db(settings, run))
    print(f"已生成 {made} 户市场主体")


def cmd_serve(settings: Settings) -> None:
    from sanic import Sanic
    from sanic.worker.loader import AppLoader

    from getitong import demo
    from getitong.app import create_app

    cmd_migrate(settings)
    if settings.seed_demo:
        cmd_seed(settings, 5000)
    print(f"\n个体通已启动: http://{settings.host}:{settings.port}/admin/  "
          f"API 文档: http://{settings.host}:{settings.port}/docs\n{demo.CREDENTIALS}\n", flush=True)
    # Each worker process builds its app from the same environment (a partial pickles; a lambda does not).
    loader = AppLoader(factory=functools.partial(create_app, None, name="getitong"))
    app = loader.load()
    single = settings.workers == 1
    app.prepare(host=settings.host, port=settings.port, workers=settings.workers, access_log=False,
                single_process=single, motd=False)
    if single:
        Sanic.serve_single(primary=app)
    else:
        Sanic.serve(primary=app, app_loader=loader)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="getitong", description="个体通后端命令")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="迁移、生成演示数据并启动服务")
    sub.add_parser("migrate", help="执行数据库迁移")
    seed = sub.add_parser("seed", help="生成演示数据（幂等）")
    seed.add_argument("--businesses", type=int, default=5000)
    gen = sub.add_parser("gen-entities", help="批量生成 N 户市场主体（用于性能测试）")
    gen.add_argument("count", type=int)
    gen.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    settings = Settings()
    logs.configure(settings.log_level)
    if args.command == "serve":
        cmd_serve(settings)
    elif args.command == "migrate":
        cmd_migrate(settings)
    elif args.command == "seed":
        cmd_seed(settings, args.businesses)
    elif args.command == "gen-entities":
        cmd_generate(settings, args.count, args.seed)
    else:  # pragma: no cover - argparse already refuses
        sys.exit(2)
