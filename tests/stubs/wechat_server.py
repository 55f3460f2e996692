"""A local stand-in for WeChat's server API, speaking its documented JSON (tests only).

Covers cgi-bin/token, sns/jscode2session, wxa/business/getuserphonenumber and
cgi-bin/message/subscribe/send, with the error codes 40029 (invalid code), 40163 (code already
used), 45011 (rate limit), 43101 (user refused the subscription), 40001 (bad access token) and -1
(system busy).
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

APPID = "wx0000000000000000"
SECRET = "dev-wechat-secret"


class WechatStandIn:
    def __init__(self) -> None:
        self.login_codes: dict[str, str] = {}     # js_code -> openid
        self.phone_codes: dict[str, str] = {}     # phone code -> phone number
        self.forced_errors: dict[str, int] = {}   # code -> errcode to answer with
        self.used: set[str] = set()
        self.refused_openids: set[str] = set()
        self.sent: list[dict[str, Any]] = []
        self.tokens: set[str] = set()
        self.calls: list[str] = []
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def login_code(self, openid: str) -> str:
        code = "jc_" + secrets.token_hex(6)
        self.login_codes[code] = openid
        return code

    def phone_code(self, phone: str) -> str:
        code = "pc_" + secrets.token_hex(6)
        self.phone_codes[code] = phone
        return code

    def start(self) -> None:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _reply(self, payload: dict[str, Any]) -> None:
                body = json.dumps(payload, ensure_ascii=False).encode()
                self.send_response(200)  # WeChat answers errors with HTTP 200 and an errcode
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                q = {k: v[0] for k, v in parse_qs(parts.query).items()}
                stand_in.calls.append(parts.path)
                if parts.path == "/cgi-bin/token":
                    if q.get("appid") != APPID or q.get("secret") != SECRET:
                        return self._reply({"errcode": 40013, "errmsg": "invalid appid"})
                    token = "at_" + secrets.token_hex(8)
                    stand_in.tokens.add(token)
                    return self._reply({"access_token": token, "expires_in": 7200})
                if parts.path == "/sns/jscode2session":
                    code = q.get("js_code", "")
                    if code in stand_in.forced_errors:
                        return self._reply({"errcode": stand_in.forced_errors[code], "errmsg": "forced"})
                    if code in stand_in.used:
                        return self._reply({"errcode": 40163, "errmsg": "code been used"})
                    if code not in stand_in.login_codes:
                        return self._reply({"errcode": 40029, "errmsg": "invalid code"})
                    stand_in.used.add(code)
                    return self._reply({"openid": stand_in.login_codes[code],
                                        "session_key": secrets.token_urlsafe(16), "errcode": 0, "errmsg": "ok"})
                self.send_error(404)

            def do_POST(self) -> None:
                parts = urlsplit(self.path)
                q = {k: v[0] for k, v in parse_qs(parts.query).items()}
                stand_in.calls.append(parts.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if q.get("access_token") not in stand_in.tokens:
                    return self._reply({"errcode": 40001, "errmsg": "invalid credential, access_token is invalid"})
                if parts.path == "/wxa/business/getuserphonenumber":
                    code = body.get("code", "")
                    if code in stand_in.forced_errors:
                        return self._reply({"errcode": stand_in.forced_errors[code], "errmsg": "forced"})
                    phone = stand_in.phone_codes.pop(code, None)
                    if phone is None:
                        return self._reply({"errcode": 40029, "errmsg": "invalid code"})
                    return self._reply({"errcode": 0, "errmsg": "ok", "phone_info": {
                        "phoneNumber": phone, "purePhoneNumber": phone, "countryCode": "86",
                        "watermark": {"timestamp": int(time.time()), "appid": APPID}}})
                if parts.path == "/cgi-bin/message/subscribe/send":
                    if body.get("touser") in stand_in.refused_openids:
                        return self._reply({"errcode": 43101, "errmsg": "user refuse to accept the msg"})
                    stand_in.sent.append(body)
                    return self._reply({"errcode": 0, "errmsg": "ok"})
                self.send_error(404)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


if __name__ == "__main__":  # a stand-alone stand-in for scripts/test.sh's end-to-end server
    import sys

    stand_in = WechatStandIn()
    stand_in.start()
    print(stand_in.url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        sys.exit(0)
