"""记名: attaching a provided record to a business of the register by USCC, then registration number (注册号),
then exact name (only when unique). Lookups are batched: one query per key type for a whole batch."""

from __future__ import annotations

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
    if code is None:
        return ""
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    return uscc.normalize(str(code))


class Register:
    """The businesses a batch of subjects may name, loaded in three queries."""

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
            for b in await Business.filter(uscc__in=[c for c in codes if len(c) == 18]):
                reg.by_uscc[b.uscc] = b
            for b in await Business.filter(reg_no__in=list(codes)).order_by("id"):
                reg.by_reg[b.reg_no or ""].append(b)
        if names:
            for b in await Business.filter(name__in=list(names)).order_by("id"):
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
            notes.append(f"注册号{s.code}对应多个主体" if regs else f"未找到代码为{s.code}的主体")
        if s.name:
            named = self.by_name.get(s.name, [])
            if len(named) == 1:
                return Outcome(named[0], "")
            notes.append("名称对应多个主体，请填写统一社会信用代码" if named else f"未找到名称为{s.name}的主体")
        if not notes:
            notes.append("统一社会信用代码/注册号与主体名称均为空")
        return Outcome(None, "；".join(notes))


async def match_one(code: str, name: str) -> Outcome:
    s = Subject(normalize_code(code), (name or "").strip())
    return (await Register.load([s])).match(s)
