"""Uploads: content-type sniffing, size limits, Pillow verification, content-addressed storage."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PIL import Image, UnidentifiedImageError

from getitong.core import errors

Image.MAX_IMAGE_PIXELS = 40_000_000  # refuse decompression bombs

IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp"}
DOCUMENT_TYPES = {"application/pdf"}
_PIL_TO_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp", "BMP": "image/bmp",
                "MPO": "image/jpeg"}


def sniff(data: bytes) -> str | None:
    """Decide the type from the bytes themselves, never from the file name or the client's header."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"BM"):
        return "image/bmp"
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    return None


@dataclass(frozen=True)
class CheckedFile:
    data: bytes
    content_type: str
    sha256: str
    image: Image.Image | None = None


def check_upload(data: bytes, *, max_bytes: int, allowed: set[str] | None = None,
                 image_only: bool = False) -> CheckedFile:
    if len(data) > max_bytes:
        raise errors.FileTooLarge(f"文件过大，不能超过 {max_bytes // (1024 * 1024)} MB",
                                  data={"max_bytes": max_bytes})
    if not data:
        raise errors.FileNotImage("文件为空") if image_only else errors.FileTypeNotAllowed("文件为空")
    allowed = IMAGE_TYPES if image_only else (allowed or IMAGE_TYPES | DOCUMENT_TYPES)
    kind = sniff(data)
    if kind not in allowed:
        raise errors.FileNotImage() if image_only else errors.FileTypeNotAllowed()
    image = None
    if kind in IMAGE_TYPES:
        try:
            with Image.open(io.BytesIO(data)) as probe:
                probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
            raise errors.FileNotImage("图片已损坏或无法识别") from exc
        if _PIL_TO_MIME.get(image.format or "") != kind:
            raise errors.FileNotImage("图片内容与格式不符")
    return CheckedFile(data=data, content_type=kind, sha256=hashlib.sha256(data).hexdigest(), image=image)


class Storage(Protocol):
    def save(self, sha256: str, data: bytes) -> None: ...
    def open(self, sha256: str) -> bytes: ...
    def exists(self, sha256: str) -> bool: ...


class LocalStorage:
    """Files by content hash under DATA_DIR/uploads/ab/cd/<sha256>; writes are atomic (rename)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def save(self, sha256: str, data: bytes) -> None:
        path = self._path(sha256)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    def open(self, sha256: str) -> bytes:
        return self._path(sha256).read_bytes()

    def exists(self, sha256: str) -> bool:
        return self._path(sha256).exists()
