"""Upload use-case shared by both audiences: check the bytes, store by hash, record the owner."""

from __future__ import annotations

import asyncio
from typing import Any

from getitong.core import errors
from getitong.core.deps import Deps
from getitong.core.models import StoredFile
from getitong.core.storage import check_upload


def file_out(f: StoredFile, prefix: str) -> dict[str, Any]:
    return {"id": f.id, "sha256": f.sha256, "content_type": f.content_type, "size": f.size,
            "name": f.original_name, "url": f"{prefix}/uploads/{f.id}"}


async def save_upload(deps: Deps, *, data: bytes, name: str, owner_type: str, owner_id: int) -> StoredFile:
    """Bytes reach the disk (fsync + rename) before the row exists, so a row never points at nothing."""
    checked = check_upload(data, max_bytes=deps.settings.upload_max_bytes)
    await asyncio.to_thread(deps.storage.save, checked.sha256, checked.data)
    return await StoredFile.create(sha256=checked.sha256, content_type=checked.content_type, size=len(data),
                                   original_name=name[:255], owner_type=owner_type, owner_id=owner_id)


async def read_upload(deps: Deps, *, file_id: int, owner_type: str, owner_id: int) -> tuple[StoredFile, bytes]:
    f = await StoredFile.get_or_none(id=file_id, owner_type=owner_type, owner_id=owner_id)
    if f is None:
        raise errors.NotFound("文件不存在")
    return f, await asyncio.to_thread(deps.storage.open, f.sha256)
