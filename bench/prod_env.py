"""Print `export NAME=value` lines with throw-away secrets for running the API with ENV=production.

Production refuses the development secrets, in the core Settings and in every domain's settings
(e.g. BENEFIT_CALLBACK_SECRET). This finds every pydantic-settings class in `getitong` and gives each
field whose variable ends in _SECRET or _KEY a random value (FIELD_ENCRYPTION_KEY: base64 of 32
bytes), so that the bench keeps starting when a domain adds a secret. Used by bench/run.sh:
`eval "$(python bench/prod_env.py)"`.
"""

from __future__ import annotations

import base64
import importlib
import os
import pkgutil
import secrets
import shlex
import sys

from pydantic_settings import BaseSettings


def secret_names() -> set[str]:
    import getitong

    names = {"SECRET_KEY", "FIELD_ENCRYPTION_KEY", "BLIND_INDEX_KEY", "WECHAT_SECRET"}
    for info in pkgutil.walk_packages(getitong.__path__, "getitong."):
        if ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if not (isinstance(cls, type) and issubclass(cls, BaseSettings) and cls is not BaseSettings):
                continue
            prefix = cls.model_config.get("env_prefix") or ""
            for name, field in cls.model_fields.items():
                alias = field.validation_alias
                env = (alias if isinstance(alias, str) else prefix + name).upper()
                if env.endswith(("_SECRET", "_KEY")):
                    names.add(env)
    return names


def main() -> None:
    for env in sorted(secret_names()):
        if os.environ.get(env):
            continue
        if env == "FIELD_ENCRYPTION_KEY":
            value = base64.b64encode(secrets.token_bytes(32)).decode()
        else:
            value = secrets.token_urlsafe(48)
        sys.stdout.write(f"export {env}={shlex.quote(value)}\n")


if __name__ == "__main__":
    main()
