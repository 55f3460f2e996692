"""Licence QR codes: render one for a business, read one from a photo (pyzbar + preprocessing)."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Iterator

import qrcode
from PIL import Image, ImageFilter, ImageOps

from getitong.core import errors

# What the national licence QR carries: the public-disclosure page of the entity.
LICENSE_URL = "https://www.gsxt.gov.cn/index.html?uniscid={uscc}"


def license_text(uscc: str) -> str:
    return LICENSE_URL.format(uscc=uscc)


def render_png(text: str, *, box_size: int = 8) -> bytes:
    img = qrcode.make(text, box_size=box_size, border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def png_data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode()


def _variants(img: Image.Image) -> Iterator[Image.Image]:
    """The raw image first, then cheaper-to-costlier repairs for blur, noise, low contrast and size."""
    gray = ImageOps.exif_transpose(img).convert("L")
    yield gray
    steps: list[Callable[[Image.Image], Image.Image]] = [
        ImageOps.autocontrast,
        lambda im: im.filter(ImageFilter.MedianFilter(3)),
        lambda im: ImageOps.autocontrast(im.filter(ImageFilter.MedianFilter(5))),
        lambda im: im.point(lambda p: 255 if p > 128 else 0),
    ]
    small = max(gray.size) < 600
    base = gray.resize((gray.width * 3, gray.height * 3), Image.Resampling.LANCZOS) if small else gray
    if small:
        yield base
    for step in steps:
        yield step(base)
    if max(gray.size) > 1600:
        scale = 1200 / max(gray.size)
        yield ImageOps.autocontrast(gray.resize((int(gray.width * scale), int(gray.height * scale))))
    for angle in (15, -15, 30, -30, 45):
        yield ImageOps.autocontrast(base.rotate(angle, expand=True, fillcolor=255))


def decode_qr(img: Image.Image) -> str:
    """Return the text of the first QR code found; QrNotFound when every variant fails."""
    from pyzbar.pyzbar import ZBarSymbol, decode

    for variant in _variants(img):
        found = decode(variant, symbols=[ZBarSymbol.QRCODE])
        if found:
            return found[0].data.decode("utf-8", errors="replace")
    raise errors.QrNotFound()
