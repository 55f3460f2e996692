"""记名: attaching a provided record to a business of the register by USCC, then registration number (注册号),
then exact name (only when unique). Lookups are batched: one query per key type for a whole batch."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from getitong.entities import uscc
from getitong.entities.models import Business


@dataclass(frozen=True)
class Subject:
    code: str
    name: str


@dataclass
class Outcome:
    business: Business | None
    note: str


def normalize_code(code: Any) -> str:
    """A code as staff type it: full-width characters (a Chinese input method), spaces anywhere, lower case and
    numbers read from Excel cells all give the same code."""
    if code is None:
        return ""
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    return uscc.normalize("".join(unicodedata.normalize("NFKC", str(code)).split()))


LOSSY = "统一社会信用代码/注册号被 Excel 存成了数字，末几位已丢失，请将该列设为“文本”格式后重新填写"


def lossy_number(code: Any) -> bool:
    """A long code typed into an Excel cell of format 常规 is kept as a float: past 15 digits the last ones are
    lost (914305005549114552 → 9.14305005549115E+17), so it must not be matched to whatever it rounds to."""
    return isinstance(code, float) and abs(code) >= 2**53


def bad_check_character(code: str) -> bool:
    """Shaped like a USCC (18 characters of its alphabet) but the check character does not fit: a typo."""
    return len(code) == 18 and all(ch in uscc.ALPHABET for ch in code) and not uscc.is_valid(code)


def not_found_note(code: str) -> str:
    note = f"未找到代码为{code}的主体"
    return note + "（统一社会信用代码校验位错误，请核对）" if bad_check_character(code) else note


def full_width_brackets(name: str) -> str:
    """Registered names use full-width brackets (下陆区张记小吃店（个体工商户）); staff often type half-width ones."""
    return name.replace("(", "（").replace(")", "）")


# What 记名 and the penalty mirror read of a business: loading only these keeps a batch's 500 lookups cheap.
FIELDS = ("id", "uscc", "reg_no", "name", "region_code", "org_id")


class Register:
    """The businesses a batch of subjects may name, loaded in three queries (partial models: FIELDS only)."""

    def __init__(self) -> None:
        self.by_uscc: dict[str, Business] = {}
        self.by_reg: dict[str, list[Business]] = defaultdict(list)
        self.by_name: dict[str, list[Business]] = defaultdict(list)

    @classmethod
    async def load(cls, subjects: list[Subject]) -> Register:
        reg = cls()
        codes = {s.code for s in subjects if s.code}
        names = {s.name for s in subjects if s.name}
        if codes:
            for b in await Business.filter(uscc__in=[c for c in codes if len(c) == 18]).only(*FIELDS):
                reg.by_uscc[b.uscc] = b
            for b in await Business.filter(reg_no__in=list(codes)).order_by("id").only(*FIELDS):
                reg.by_reg[b.reg_no or ""].append(b)
        if names:
            wanted = names | {full_width_brackets(n) for n in names}
            for b in await Business.filter(name__in=list(wanted)).order_by("id").only(*FIELDS):
                reg.by_name[b.name].append(b)
        return reg

    def match(self, s: Subject) -> Outcome:
        notes = []
        if s.code:
            b = self.by_uscc.get(s.code)
            if b is not None:
                return Outcome(b, "")
            regs = self.by_reg.get(s.code, [])
            if len(regs) == 1:
                return Outcome(regs[0], "")
            notes.append(f"注册号{s.code}对应多个主体" if regs else not_found_note(s.code))
        if s.name:
            named = self.by_name.get(s.name, []) or self.by_name.get(full_width_brackets(s.name), [])
            if len(named) == 1:
                return Outcome(named[0], "")
            notes.append("名称对应多个主体，请填写统一社会信用代码" if named else f"未找到名称为{s.name}的主体")
        if not notes:
            notes.append("统一社会信用代码/注册号与主体名称均为空")
        return Outcome(None, "；".join(notes))


async def match_one(code: str, name: str) -> Outcome:
    s = Subject(normalize_code(code), (name or "").strip())
    return (await Register.load([s])).match(s)
