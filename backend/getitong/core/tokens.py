"""Access + refresh token pairs. Refresh tokens rotate on use; re-use of a spent one revokes the family."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from getitong.core import errors
from getitong.core.models import RefreshToken
from getitong.core.security import TokenCodec, digest_token, new_refresh_token


class TokenService:
    def __init__(self, codec: TokenCodec, refresh_ttl: int) -> None:
        self.codec = codec
        self.refresh_ttl = refresh_ttl

    async def issue(self, *, subject_type: str, subject_id: int, business_id: int | None = None,
                    family: str | None = None, using_db: Any = None) -> dict[str, Any]:
        raw, digest = new_refresh_token()
        await RefreshToken.create(
            token_digest=digest, family=family or secrets.token_hex(8), subject_type=subject_type,
            subject_id=subject_id, business_id=business_id,
            expires_at=datetime.now(UTC) + timedelta(seconds=self.refresh_ttl), using_db=using_db)
        access = self.codec.issue(subject_type=subject_type, subject_id=subject_id, business_id=business_id)
        return {"access_token": access, "refresh_token": raw, "token_type": "Bearer",
                "expires_in": self.codec.ttl}

    async def rotate(self, raw: str, *, subject_type: str) -> tuple[RefreshToken, dict[str, Any]]:
        """Spend a refresh token and hand out the next pair of the same family."""
        now = datetime.now(UTC)
        pair: dict[str, Any] | None = None
        async with in_transaction() as conn:
            row = await RefreshToken.filter(token_digest=digest_token(raw), subject_type=subject_type) \
                .using_db(conn).select_for_update().first()
            if row is None or row.revoked_at is not None or row.expires_at <= now:
                raise errors.TokenInvalid()
            if row.used_at is not None:
                # A spent token came back: someone holds a copy, so the whole login ends. The refusal is
                # raised after the commit, or the rollback would undo the revocation.
                await RefreshToken.filter(family=row.family, revoked_at=None).using_db(conn).update(revoked_at=now)
            else:
                row.used_at = now
                await row.save(using_db=conn, update_fields=["used_at"])
                pair = await self.issue(subject_type=subject_type, subject_id=row.subject_id,
                                        business_id=row.business_id, family=row.family, using_db=conn)
        if pair is None:
            raise errors.TokenInvalid("登录凭证已失效，请重新登录")
        return row, pair

    async def revoke(self, raw: str, *, subject_type: str) -> None:
        row = await RefreshToken.get_or_none(token_digest=digest_token(raw), subject_type=subject_type)
        if row is not None:
            await RefreshToken.filter(family=row.family, revoked_at=None).update(revoked_at=datetime.now(UTC))

    async def revoke_subject(self, *, subject_type: str, subject_id: int, using_db: Any = None) -> None:
        await RefreshToken.filter(subject_type=subject_type, subject_id=subject_id, revoked_at=None) \
            .using_db(using_db).update(revoked_at=datetime.now(UTC))
