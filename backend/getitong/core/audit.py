"""Audit trail of staff writes: who, when, what, before → after, in the caller's transaction."""

from __future__ import annotations

from typing import Any

from getitong.core.context import current_request_meta
from getitong.core.models import AuditLog

_SECRET_FIELDS = {"password", "password_hash", "new_password", "old_password", "token", "refresh_token",
                  "phone_enc", "operator_id_enc", "secret"}


def scrub(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return {k: ("***" if k in _SECRET_FIELDS else v) for k, v in values.items()}


async def record(*, actor: Any, action: str, target_type: str, target_id: Any,
                 before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
                 using_db: Any = None) -> AuditLog:
    """Write one audit row; pass `using_db` to stay inside the caller's transaction."""
    meta = current_request_meta()
    return await AuditLog.create(
        actor_type="staff" if actor is not None else "system",
        actor_id=getattr(actor, "id", None),
        actor_name=getattr(actor, "name", "系统"),
        actor_org_id=getattr(actor, "org_id", None),
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        before=scrub(before),
        after=scrub(after),
        ip=meta.get("ip", ""),
        request_id=meta.get("request_id", ""),
        using_db=using_db,
    )
