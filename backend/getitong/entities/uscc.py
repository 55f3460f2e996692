"""统一社会信用代码 (USCC) per GB 32100-2015: alphabet, check character, extraction from QR text."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

from getitong.core import errors

# 31 symbols: digits and capitals without I, O, S, V, Z.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")
_TOKEN = re.compile(r"[0-9A-Za-z]{18}")
URL_KEYS = ("uniscid", "uscc", "creditcode", "credit_code", "unifiedsocialcreditcode", "tyshxydm", "shxydm",
            "code", "regno", "id")


def check_char(first17: str) -> str:
    """The 18th character for the first 17 (which must use the USCC alphabet)."""
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def is_valid(code: str) -> bool:
    return bool(_SHAPE.match(code)) and check_char(code[:17]) == code[17]


def normalize(code: str) -> str:
    return (code or "").strip().upper().replace(" ", "")


def validate(code: str) -> str:
    """Return the normalized code or raise the precise error: wrong shape vs wrong check character."""
    code = normalize(code)
    if not _SHAPE.match(code):
        raise errors.UsccFormatInvalid()
    if check_char(code[:17]) != code[17]:
        raise errors.UsccCheckFailed()
    return code


def extract(text: str) -> str:
    """Find the USCC in what a licence QR holds: a bare code, a URL parameter, or any valid 18-char token.

    Raises QrNoUscc when nothing code-like is there, UsccCheckFailed when the only candidate fails
    the check (a tampered or misread code deserves its own message).
    """
    text = (text or "").strip()
    candidates: list[str] = []
    if _TOKEN.fullmatch(text):
        candidates.append(text)
    try:
        parts = urlsplit(text)
        params = parse_qsl(parts.query, keep_blank_values=True) + parse_qsl(parts.fragment.split("?")[-1])
    except ValueError:
        params = []
    for key, value in params:
        if key.lower() in URL_KEYS:
            candidates.append(unquote(value))
    candidates += [m.group(0) for m in _TOKEN.finditer(text)]
    shaped = [normalize(c) for c in candidates if _SHAPE.match(normalize(c))]
    for code in shaped:
        if is_valid(code):
            return code
    if shaped:
        raise errors.UsccCheckFailed()
    raise errors.QrNoUscc()
