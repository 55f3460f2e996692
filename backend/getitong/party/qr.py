"""The check-in QR of an activity: `gtt-party:<activity id>.<expiry unix>.<HMAC>` rendered as a large PNG.

The HMAC key is derived from the app secret (SECRET_KEY) for this one purpose, so a leaked QR key would not
sign anything else and nothing else's key signs a QR. The token expires when the activity ends.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
from dataclasses import dataclass
from datetime import datetime

import qrcode

from getitong.core.settings import Settings
from getitong.party import errors as e

PREFIX = "gtt-party:"
_PURPOSE = b"getitong/party/checkin-qr/v1"


def _key(settings: Settings) -> bytes:
    return hmac.new(settings.secret_key.encode(), _PURPOSE, hashlib.sha256).digest()


def _sign(settings: Settings, message: str) -> str:
    mac = hmac.new(_key(settings), message.encode(), hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


@dataclass(frozen=True)
class CheckinToken:
    activity_id: int
    expires_at: int  # unix seconds

    def expired(self, at: datetime) -> bool:
        return at.timestamp() >= self.expires_at


def make_token(settings: Settings, *, activity_id: int, expires_at: datetime) -> str:
    message = f"{activity_id}.{int(expires_at.timestamp())}"
    return f"{message}.{_sign(settings, message)}"


def qr_text(settings: Settings, *, activity_id: int, expires_at: datetime) -> str:
    return PREFIX + make_token(settings, activity_id=activity_id, expires_at=expires_at)


def read_token(settings: Settings, scanned: str) -> CheckinToken:
    """The scanned text (with or without the prefix) → its activity and expiry; QrInvalid if forged."""
    token = (scanned or "").strip().removeprefix(PREFIX)
    parts = token.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit() or len(parts[0]) > 18:
        raise e.QrInvalid()
    message = f"{parts[0]}.{parts[1]}"
    if not hmac.compare_digest(_sign(settings, message), parts[2]):
        raise e.QrInvalid()
    return CheckinToken(activity_id=int(parts[0]), expires_at=int(parts[1]))


def png(text: str) -> bytes:
    """Large enough to print on A4 and scan from a metre away; high error correction for worn prints."""
    img = qrcode.make(text, box_size=20, border=4, error_correction=qrcode.constants.ERROR_CORRECT_H)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()
