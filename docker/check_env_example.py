"""Check that docker/.env.example names every setting the backend reads, so none ships undocumented.

    .venv/bin/python docker/check_env_example.py        # exit 1 and the missing names when one lacks

Settings are every pydantic-settings class in the `getitong` package: `getitong.core.settings.Settings`
(no prefix) and each domain's own (`BENEFIT_…`, `RISK_…`, …). A variable counts as listed when a line
`NAME=value` (not commented out) is in the file. A test can import `missing()` and assert it is empty.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from pydantic_settings import BaseSettings

ENV_EXAMPLE = Path(__file__).resolve().parent / ".env.example"
# Variables the file holds for compose itself (interpolation and the postgres container), not the API.
COMPOSE_ONLY = {"HTTP_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_MAX_CONNECTIONS"}


def settings_classes() -> Iterator[type[BaseSettings]]:
    import getitong

    for info in pkgutil.walk_packages(getitong.__path__, "getitong."):
        if ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (isinstance(obj, type) and issubclass(obj, BaseSettings) and obj is not BaseSettings
                    and obj.__module__ == module.__name__):
                yield obj


def env_names(cls: type[BaseSettings]) -> Iterator[str]:
    prefix = cls.model_config.get("env_prefix") or ""
    for name, field in cls.model_fields.items():
        alias = field.validation_alias
        yield (alias if isinstance(alias, str) else prefix + name).upper()


def listed(path: Path = ENV_EXAMPLE) -> set[str]:
    return {m.group(1) for m in re.finditer(r"^([A-Z][A-Z0-9_]*)=", path.read_text(), re.MULTILINE)}


def expected() -> dict[str, str]:
    """Every variable the backend reads → the class that reads it."""
    return {env: f"{cls.__module__}.{cls.__name__}" for cls in settings_classes() for env in env_names(cls)}


def missing(path: Path = ENV_EXAMPLE) -> dict[str, str]:
    have = listed(path)
    return {env: owner for env, owner in sorted(expected().items()) if env not in have}


def main() -> int:
    absent = missing()
    unknown = sorted(listed() - set(expected()) - COMPOSE_ONLY)
    for env, owner in absent.items():
        sys.stderr.write(f"{ENV_EXAMPLE.name}: {env} is missing ({owner})\n")
    for env in unknown:
        sys.stderr.write(f"{ENV_EXAMPLE.name}: {env} is read by no settings class (left over?)\n")
    if not absent:
        sys.stdout.write(f"{ENV_EXAMPLE.name}: all {len(expected())} settings are listed\n")
    return 1 if absent else 0


if __name__ == "__main__":
    sys.exit(main())
