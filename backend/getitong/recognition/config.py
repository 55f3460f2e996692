"""The clock of the 名特优新 domain (notice periods, the two-year penalty window)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def now() -> datetime:
    """Current time; tests patch this function to control the notice periods."""
    return datetime.now(UTC)
