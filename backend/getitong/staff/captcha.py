"""Image captcha for staff login after repeated failures; answers live in the cache for 5 minutes."""

from __future__ import annotations

import base64
import io
import secrets

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from getitong.core import errors
from getitong.core.cache import Cache

CHARS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
TTL = 300


def _render(text: str) -> bytes:
    rnd = secrets.SystemRandom()
    img = Image.new("RGB", (120, 44), (244, 246, 250))
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=28)
    for i, ch in enumerate(text):
        draw.text((10 + i * 26 + rnd.randint(-3, 3), 6 + rnd.randint(-4, 4)), ch, font=font,
                  fill=(rnd.randint(10, 90), rnd.randint(40, 110), rnd.randint(120, 190)))
    for _ in range(5):
        draw.line([(rnd.randint(0, 120), rnd.randint(0, 44)), (rnd.randint(0, 120), rnd.randint(0, 44))],
                  fill=(rnd.randint(120, 200),) * 3, width=1)
    buf = io.BytesIO()
    img.filter(ImageFilter.SMOOTH).save(buf, format="PNG")
    return buf.getvalue()


async def issue(cache: Cache) -> dict[str, str]:
    answer = "".join(secrets.choice(CHARS) for _ in range(4))
    captcha_id = secrets.token_urlsafe(12)
    await cache.set(f"captcha:{captcha_id}", answer, TTL)
    return {"captcha_id": captcha_id, "image": "data:image/png;base64," + base64.b64encode(_render(answer)).decode()}


async def verify(cache: Cache, captcha_id: str | None, code: str | None) -> None:
    """One try per captcha: the answer is consumed whether it matched or not."""
    if not captcha_id or not code:
        raise errors.CaptchaRequired()
    answer = await cache.pop(f"captcha:{captcha_id}")
    if answer is None or answer != code.strip().upper():
        raise errors.CaptchaInvalid()
