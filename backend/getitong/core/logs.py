"""Log records carry the request id of the request being served (or "-" outside one)."""

from __future__ import annotations

import logging

from getitong.core.context import current_request_meta

FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s %(message)s"


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_meta().get("request_id", "-")
        return True


def configure(level: str) -> None:
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
