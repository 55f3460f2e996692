"""A local stand-in for a financial institution's webhook receiver (tests only, loopback).

Records every POST (path, headers, raw body, whether the signature verifies with `secret`), can be told to
answer HTTP 500 to the next N calls, and can hold answers until released (to show the caller does not wait).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from getitong.loans.webhooks import verify


class WebhookReceiver:
    def __init__(self) -> None:
        self.secret = ""
        self.requests: list[dict[str, Any]] = []
        self.failures = 0
        self.gate = threading.Event()
        self.gate.set()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/hooks/getitong"

    def reset(self) -> None:
        with self._lock:
            self.secret = ""
            self.requests.clear()
            self.failures = 0
        self.gate.set()

    def fail_next(self, count: int) -> None:
        with self._lock:
            self.failures += count

    def received(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.requests)

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.gate.wait(timeout=10)
                with receiver._lock:
                    fail = receiver.failures > 0
                    receiver.failures -= fail
                    receiver.requests.append({
                        "path": self.path, "headers": dict(self.headers.items()), "raw": raw,
                        "json": json.loads(raw),
                        "signed": verify(receiver.secret, raw, self.headers.get("X-Getitong-Signature"))})
                status = 500 if fail else 200
                data = b'{"ok": false}' if fail else b'{"ok": true}'
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self.gate.set()
            self._server.shutdown()
            self._server.server_close()
