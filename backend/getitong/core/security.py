"""Password hashing, JWT access tokens, field encryption (AES-GCM), blind indexes and masking."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from getitong.core import errors
from getitong.core.settings import Settings

JWT_ALGORITHM = "HS256"
ISSUER = "getitong"


class PasswordHashing:
    def __init__(self, settings: Settings) -> None:
        self._ph = PasswordHasher(time_cost=settings.argon2_time_cost, memory_cost=settings.argon2_memory_kib,
                                  parallelism=1)

    def hash(self, password: str) -> str:
        return self._ph.hash(password)

    def verify(self, hashed: str, password: str) -> bool:
        try:
            return self._ph.verify(hashed, password)
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, hashed: str) -> bool:
        return self._ph.check_needs_rehash(hashed)


_PASSWORD_RE = re.compile(r"^(?=.*[A-Za-z])(?=.*\d).{8,64}$")


def check_password_strength(password: str) -> None:
    if not _PASSWORD_RE.match(password or ""):
        raise errors.WeakPassword()


@dataclass(frozen=True)
class AccessClaims:
    subject_type: str  # "person" | "staff"
    subject_id: int
    business_id: int | None
    jti: str


class TokenCodec:
    """Short-lived HS256 access tokens. The audience separates shop-owner and staff tokens."""

    # Verified tokens are remembered per process (token → claims and expiry), so a client calling every few
    # milliseconds is not re-verified each time: HMAC and claim checks were a quarter of a cached home call's
    # CPU. A token's validity depends on nothing but its text and the clock, which a hit still checks.
    MEMO_SIZE = 4096

    def __init__(self, settings: Settings) -> None:
        self._key = settings.secret_key
        self.ttl = settings.access_token_ttl
        self._memo: dict[str, tuple[AccessClaims, int]] = {}

    def issue(self, *, subject_type: str, subject_id: int, business_id: int | None = None) -> str:
        now = int(time.time())
        payload: dict[str, Any] = {
            "iss": ISSUER,
            "aud": subject_type,
            "sub": str(subject_id),
            "iat": now,
            "exp": now + self.ttl,
            "jti": secrets.token_hex(8),
        }
        if business_id is not None:
            payload["biz"] = business_id
        return jwt.encode(payload, self._key, algorithm=JWT_ALGORITHM)

    def decode(self, token: str, *, subject_type: str) -> AccessClaims:
        hit = self._memo.get(token)
        if hit is not None:
            claims, exp = hit
            if exp <= time.time():
                del self._memo[token]
                raise errors.TokenExpired()
            if claims.subject_type != subject_type:
                raise errors.TokenInvalid()
            return claims
        claims, exp = self._verify(token, subject_type)
        if len(self._memo) >= self.MEMO_SIZE:
            del self._memo[next(iter(self._memo))]  # the oldest entry
        self._memo[token] = (claims, exp)
        return claims

    def _verify(self, token: str, subject_type: str) -> tuple[AccessClaims, int]:
        try:
            # Only HS256 is accepted: `alg: none` and algorithm confusion are refused here.
            payload = jwt.decode(token, self._key, algorithms=[JWT_ALGORITHM], audience=subject_type,
                                 issuer=ISSUER, options={"require": ["exp", "iat", "sub", "aud", "iss"]})
        except jwt.ExpiredSignatureError as exc:
            raise errors.TokenExpired() from exc
        except jwt.PyJWTError as exc:
            raise errors.TokenInvalid() from exc
        try:
            subject_id = int(payload["sub"])
        except (TypeError, ValueError) as exc:
            raise errors.TokenInvalid() from exc
        biz = payload.get("biz")
        claims = AccessClaims(subject_type=subject_type, subject_id=subject_id,
                              business_id=int(biz) if isinstance(biz, int) else None, jti=str(payload.get("jti")))
        return claims, int(payload["exp"])


def new_refresh_token() -> tuple[str, str]:
    """Return (token to hand out, sha256 digest to store): the raw token is never stored."""
    raw = secrets.token_urlsafe(32)
    return raw, digest_token(raw)


def digest_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class FieldCipher:
    """AES-256-GCM for personal data at rest, plus a keyed blind index for exact-match lookups."""

    PREFIX = "v1:"

    def __init__(self, settings: Settings) -> None:
        key = base64.b64decode(settings.field_encryption_key)
        if len(key) != 32:
            raise ValueError("FIELD_ENCRYPTION_KEY must be base64 of 32 bytes")
        self._aead = AESGCM(key)
        self._index_key = settings.blind_index_key.encode()

    def encrypt(self, plaintext: str | None) -> str | None:
        if plaintext is None or plaintext == "":
            return None
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, plaintext.encode(), None)
        return self.PREFIX + base64.b64encode(nonce + sealed).decode()

    def decrypt(self, ciphertext: str | None) -> str | None:
        if not ciphertext:
            return None
        raw = base64.b64decode(ciphertext.removeprefix(self.PREFIX))
        return self._aead.decrypt(raw[:12], raw[12:], None).decode()

    def blind_index(self, value: str) -> str:
        normalized = value.strip().upper()
        return hmac.new(self._index_key, normalized.encode(), hashlib.sha256).hexdigest()


def mask_phone(phone: str | None) -> str | None:
    if not phone:
        return phone
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 11 else phone[:1] + "***"


def mask_id_number(number: str | None) -> str | None:
    if not number:
        return number
    if len(number) < 8:
        return number[:1] + "*" * (len(number) - 1)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_name(name: str | None) -> str | None:
    if not name:
        return name
    return name[0] + "*" * (len(name) - 1) if len(name) > 1 else name
