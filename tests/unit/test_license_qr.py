"""QR extraction from generated licence images, including degraded photos."""

import io
import random

import pytest
from PIL import Image, ImageDraw, ImageFilter

from getitong.core import errors
from getitong.entities import license_qr, uscc

CODE = "92140213MA0MU7MP45"


def licence_photo(*, qr_px: int = 180, canvas=(1200, 850)) -> Image.Image:
    """A licence-like page: text blocks with the QR code in the upper right corner."""
    page = Image.new("RGB", canvas, (250, 244, 230))
    draw = ImageDraw.Draw(page)
    draw.rectangle([30, 30, canvas[0] - 30, canvas[1] - 30], outline=(170, 30, 30), width=8)
    for y in range(300, canvas[1] - 100, 60):
        draw.rectangle([120, y, canvas[0] - 300, y + 18], fill=(60, 60, 60))
    qr = Image.open(io.BytesIO(license_qr.render_png(license_qr.license_text(CODE)))).resize((qr_px, qr_px))
    page.paste(qr, (canvas[0] - qr_px - 80, 80))
    return page


def jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, format="JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue()))


def noisy(img: Image.Image, amount: int = 40) -> Image.Image:
    rng = random.Random(3)
    out = img.convert("L").copy()
    px = out.load()
    for _ in range(out.width * out.height // 12):
        x, y = rng.randrange(out.width), rng.randrange(out.height)
        px[x, y] = max(0, min(255, px[x, y] + rng.randint(-amount * 3, amount * 3)))
    return out


DEGRADED = {
    "clean": lambda: licence_photo(),
    "scaled_down": lambda: licence_photo().resize((400, 283)),
    "rotated": lambda: licence_photo().rotate(17, expand=True, fillcolor=(255, 255, 255)),
    "noisy": lambda: noisy(licence_photo()),
    "jpeg_q15": lambda: jpeg(licence_photo(), 15),
    "blurred": lambda: licence_photo().filter(ImageFilter.GaussianBlur(1.6)),
    "low_contrast": lambda: licence_photo().point(lambda p: 110 + p // 3),
    "phone_photo": lambda: jpeg(noisy(licence_photo().resize((800, 566)).rotate(-8, expand=True,
                                                                                fillcolor=(200, 200, 200)), 25), 40),
}


@pytest.mark.parametrize("name", sorted(DEGRADED))
def test_decodes_licence_qr_from_degraded_photo(name):
    text = license_qr.decode_qr(DEGRADED[name]())
    assert uscc.extract(text) == CODE


def test_no_qr_in_picture():
    page = Image.new("RGB", (600, 400), (255, 255, 255))
    ImageDraw.Draw(page).rectangle([50, 50, 300, 200], fill=(0, 0, 0))
    with pytest.raises(errors.QrNotFound):
        license_qr.decode_qr(page)


def test_qr_without_uscc_is_reported():
    img = Image.open(io.BytesIO(license_qr.render_png("https://mp.weixin.qq.com/s/abc")))
    with pytest.raises(errors.QrNoUscc):
        uscc.extract(license_qr.decode_qr(img))
