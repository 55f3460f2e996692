"""WeChat mini-program server APIs through wechatpy (blocking, so always called in a thread)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from getitong.core import errors
from getitong.core.settings import Settings

log = logging.getLogger(__name__)

# Codes that mean "the user's code is bad", as opposed to "WeChat is having trouble".
_BAD_CODE = {40029, 40163, 40226, 43101}


@dataclass(frozen=True)
class Session:
    openid: str
    unionid: str | None


class WechatClient:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._client: Any = None

    def _get(self) -> Any:
        if self._client is None:
            from wechatpy import WeChatClient
            from wechatpy.session.memorystorage import MemoryStorage

            base = self._settings.wechat_api_base_url
            base = base if base.endswith("/") else base + "/"

            class _Client(WeChatClient):  # type: ignore[misc]
                # wechatpy hard-codes the token URL; every call must go to the configured base.
                def fetch_access_token(self) -> Any:
                    return self._fetch_access_token(url=base + "cgi-bin/token", params={
                        "grant_type": "client_credential", "appid": self.appid, "secret": self.secret})

            client = _Client(self._settings.wechat_appid, self._settings.wechat_secret,
                             session=MemoryStorage(), timeout=5)
            client.API_BASE_URL = base
            client.wxa.API_BASE_URL = base
            self._client = client
        return self._client

    async def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        from wechatpy.exceptions import WeChatClientException

        try:
            return await asyncio.to_thread(fn, *args, **kwargs)
        except WeChatClientException as exc:
            code = int(getattr(exc, "errcode", -1) or -1)
            log.warning("wechat api error %s: %s", code, getattr(exc, "errmsg", ""))
            if code in _BAD_CODE:
                raise errors.WechatCodeInvalid(data={"errcode": code}) from exc
            raise errors.WechatUnavailable(data={"errcode": code}) from exc
        except Exception as exc:  # network failure, timeout, bad JSON
            log.warning("wechat api unreachable: %r", exc)
            raise errors.WechatUnavailable() from exc

    async def code_to_session(self, code: str) -> Session:
        client = self._get()
        data = await self._call(client.wxa.code_to_session, code)
        openid = data.get("openid")
        if not openid:
            raise errors.WechatUnavailable()
        return Session(openid=openid, unionid=data.get("unionid"))

    async def phone_number(self, phone_code: str) -> str:
        # wechatpy 1.8.18 has no get_phone_number; the endpoint is called directly.
        client = self._get()
        data = await self._call(client.post, "wxa/business/getuserphonenumber", data={"code": phone_code})
        info = data.get("phone_info") or {}
        phone = info.get("purePhoneNumber") or info.get("phoneNumber")
        if not phone:
            raise errors.WechatUnavailable()
        return str(phone)

    async def send_subscribe_message(self, *, openid: str, template_id: str, data: dict[str, Any],
                                     page: str | None = None) -> None:
        client = self._get()
        payload: dict[str, Any] = {"touser": openid, "template_id": template_id,
                                   "data": {k: {"value": v} for k, v in data.items()}}
        if page:
            payload["page"] = page
        await self._call(client.post, "cgi-bin/message/subscribe/send", data=payload)
