"""GB 11643-1999 citizen identity numbers: 17 digits, a valid birth date, and the ISO 7064 MOD 11-2 check."""

from __future__ import annotations

import re
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SHAPE = re.compile(r"^[1-9]\d{16}[\dX]$")


def check_char(first17: str) -> str:
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def validate(number: str) -> str:
    """The normalized number (upper-case X), or ValueError with a Chinese reason."""
    value = (number or "").strip().upper()
    if not _SHAPE.match(value):
        raise ValueError("身份证号码应为18位，前17位为数字，最后一位为数字或X")
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise ValueError("身份证号码中的出生日期无效") from None
    if born.year < 1900 or born > date.today():  # noqa: DTZ011 - a calendar date, not a moment
        raise ValueError("身份证号码中的出生日期无效")
    if check_char(value[:17]) != value[17]:
        raise ValueError("身份证号码校验位错误，请核对后重新输入")
    return value
