"""The long-lived collaborators a service needs, built once per app and passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from getitong.core.cache import Cache, make_cache
from getitong.core.security import FieldCipher, PasswordHashing, TokenCodec
from getitong.core.settings import Settings
from getitong.core.storage import LocalStorage, Storage
from getitong.core.tokens import TokenService
from getitong.integrations.wechat import WechatClient


@dataclass
class Deps:
    settings: Settings
    cache: Cache
    cipher: FieldCipher
    hasher: PasswordHashing
    tokens: TokenService
    storage: Storage
    wechat: WechatClient
    # In-process memo of slow-changing look-ups (e.g. an org's appeal desk), per app: entries carry expiry.
    memo: dict[Any, Any] = field(default_factory=dict)


def build_deps(settings: Settings) -> Deps:
    return Deps(
        settings=settings,
        cache=make_cache(settings.redis_url),
        cipher=FieldCipher(settings),
        hasher=PasswordHashing(settings),
        tokens=TokenService(TokenCodec(settings), settings.refresh_token_ttl),
        storage=LocalStorage(settings.upload_dir),
        wechat=WechatClient(settings),
    )
