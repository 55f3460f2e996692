"""A local stand-in for the external 免申即享 platform (tests only).

Speaks the contract of `getitong.policies.forwarding`: POST /api/benefit/confirmations with an
Idempotency-Key header and a signed JSON body; GET /api/benefit/confirmations/<key>. It records each
confirmation once per idempotency key, can be told to fail the next N calls (HTTP 500, or a timeout
after recording — a lost response), and builds signed status callbacks for the API's callback endpoint.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SECRET = "test-benefit-secret"


def sign(body: bytes, secret: str = SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class BenefitPlatformStandIn:
    def __init__(self, secret: str = SECRET) -> None:
        self.secret = secret
        self.confirmations: dict[str, dict[str, Any]] = {}   # idempotency key -> first body received
        self.references: dict[str, str] = {}
        self.requests: list[dict[str, Any]] = []            # every call, with its key and signature check
        self.failures: list[str] = []                       # queued modes: "500" or "timeout"
        self.statuses: dict[str, tuple[str, str]] = {}      # key -> (status, note) answered to polling
        self.polls: list[str] = []
        self.timeout_delay = 1.0
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def reset(self) -> None:
        with self._lock:
            self.confirmations.clear()
            self.references.clear()
            self.requests.clear()
            self.failures.clear()
            self.statuses.clear()
            self.polls.clear()

    def fail_next(self, count: int, mode: str = "500") -> None:
        with self._lock:
            self.failures.extend([mode] * count)

    def set_status(self, key: Any, status: str, note: str = "") -> None:
        """What a poll for `key` answers from now on (no callback is sent)."""
        with self._lock:
            self.statuses[str(key)] = (status, note)

    def seen(self, key: Any) -> int:
        return sum(1 for r in self.requests if r["key"] == str(key))

    def status_callback(self, key: Any, status: str, *, secret: str | None = None, note: str = "",
                        event_id: str | None = None) -> tuple[bytes, dict[str, str]]:
        """Body and headers of a signed status report, to POST to the API's callback endpoint."""
        body = json.dumps({"idempotency_key": str(key), "status": status, "note": note,
                           "reference": self.references.get(str(key), ""),
                           "event_id": event_id or secrets.token_hex(6)}, ensure_ascii=False).encode()
        return body, {"Content-Type": "application/json", "X-Benefit-Signature": sign(body, secret or self.secret)}

    def start(self) -> None:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _reply(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                prefix = "/api/benefit/confirmations/"
                if not self.path.startswith(prefix):
                    return self._reply(404, {"error": "not found"})
                key = self.path[len(prefix):]
                stand_in.polls.append(key)
                if not hmac.compare_digest(sign(key.encode(), stand_in.secret),
                                           self.headers.get("X-Benefit-Signature", "")):
                    return self._reply(401, {"error": "bad signature"})
                if key not in stand_in.confirmations:
                    return self._reply(404, {"error": "unknown key"})
                status, note = stand_in.statuses.get(key, ("received", ""))
                return self._reply(200, {"idempotency_key": key, "reference": stand_in.references[key],
                                         "status": status, "note": note})

            def do_POST(self) -> None:
                if self.path != "/api/benefit/confirmations":
                    return self._reply(404, {"error": "not found"})
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                key = self.headers.get("Idempotency-Key", "")
                signed = hmac.compare_digest(sign(raw, stand_in.secret), self.headers.get("X-Benefit-Signature", ""))
                with stand_in._lock:
                    stand_in.requests.append({"key": key, "signed": signed})
                    mode = stand_in.failures.pop(0) if stand_in.failures else None
                if not signed:
                    return self._reply(401, {"error": "bad signature"})
                if mode == "500":
                    return self._reply(500, {"error": "internal error"})
                with stand_in._lock:
                    if key not in stand_in.confirmations:
                        stand_in.confirmations[key] = json.loads(raw)
                        stand_in.references[key] = "MSJX-" + secrets.token_hex(4).upper()
                    reference = stand_in.references[key]
                if mode == "timeout":
                    # Recorded, but the answer comes too late: the caller's retry must not apply twice.
                    time.sleep(stand_in.timeout_delay)
                return self._reply(200, {"reference": reference, "status": "received"})

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
