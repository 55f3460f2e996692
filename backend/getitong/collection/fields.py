"""The form of each kind (seed 004 §二.1): field definitions sent to the admin app, and one pydantic model per
kind built from them, so the online form, the Excel template, the XML interface and validation never drift."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, create_model, model_validator

from getitong.collection import errors as c_errors
from getitong.collection.config import today
from getitong.collection.workflow import Kind
from getitong.core import errors
from getitong.core.web import parse
from getitong.risk.schemas import to_amount, to_date


@dataclass(frozen=True)
class FieldDef:
    name: str
    label: str
    type: str  # text | textarea | date | money | select | bool
    required: bool = False
    max_length: int | None = None
    options: tuple[str, ...] = ()

    def out(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "label": self.label, "type": self.type, "required": self.required}
        if self.max_length:
            d["max_length"] = self.max_length
        if self.options:
            d["options"] = [{"value": o, "label": o} for o in self.options]
        if self.type == "bool":
            d["default"] = True
        return d


LICENSE_CATEGORIES = ("普通", "特许", "认可", "核准", "登记", "其他")
LICENSE_STATUSES = ("有效", "无效")
PENALTY_TYPES = ("警告", "罚款", "没收违法所得、没收非法财物", "责令停产停业", "暂扣或者吊销许可证、暂扣或者吊销执照",
                 "行政拘留", "其他")
IS_PUBLIC = FieldDef("is_public", "是否公示", "bool")

FIELDS: dict[Kind, list[FieldDef]] = {
    Kind.LICENSE: [
        FieldDef("record_no", "许可文件编号", "text", True, 128),
        FieldDef("name", "许可文件名称", "text", True, 255),
        FieldDef("authority", "许可机关", "text", True, 128),
        FieldDef("category", "审批类别", "select", True, options=LICENSE_CATEGORIES),
        FieldDef("valid_from", "有效期自", "date"),
        FieldDef("valid_to", "有效期至", "date"),
        FieldDef("content", "许可内容", "textarea", True, 1000),
        FieldDef("status", "当前状态", "select", True, options=LICENSE_STATUSES),
        FieldDef("remark", "备注", "textarea", False, 500),
        IS_PUBLIC,
    ],
    Kind.PENALTY: [
        FieldDef("record_no", "处罚决定书文号", "text", True, 128),
        FieldDef("name", "处罚名称", "text", True, 255),
        FieldDef("penalty_type", "处罚种类", "select", True, options=PENALTY_TYPES),
        FieldDef("basis", "处罚依据", "textarea", True, 2000),
        FieldDef("fine_amount", "罚款金额（万元）", "money"),
        FieldDef("confiscated_amount", "没收金额（万元）", "money"),
        FieldDef("violation_type", "违法行为类型", "textarea", True, 2000),
        FieldDef("content", "处罚内容", "textarea", True, 2000),
        FieldDef("published_on", "公示日期", "date", True),
        FieldDef("decided_on", "处罚决定书日期", "date", True),
        FieldDef("authority", "行政处罚决定机关名称", "text", True, 128),
        IS_PUBLIC,
    ],
    Kind.SUPPORT: [
        FieldDef("record_no", "扶持文件编号", "text", False, 128),
        FieldDef("basis", "享受扶持政策依据", "textarea", True, 500),
        FieldDef("content", "享受扶持政策内容", "textarea", True, 500),
        FieldDef("amount", "享受扶持政策的数额（万元）", "money", True),
        FieldDef("authority", "实施扶持政策的部门", "text", True, 128),
        FieldDef("decided_on", "实施扶持政策日期", "date", True),
        IS_PUBLIC,
    ],
}
LABELS: dict[Kind, dict[str, str]] = {k: {f.name: f.label for f in defs} for k, defs in FIELDS.items()}


def _text(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip() if isinstance(value, str) else value


_TRUE = {"是", "true", "1", "yes", "y", "公示"}
_FALSE = {"否", "false", "0", "no", "n", "不公示"}


def to_bool(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return True if value is None else value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError("应为“是”或“否”")


_WAN = re.compile(r"^(.*?)\s*万元?$")


def to_money(value: Any) -> Any:
    """An amount in 万元 as staff type it: 1.5, 1.5万, 1.5万元, full-width digits, 1,200.5; an amount in 元 is
    refused rather than silently read as 万元."""
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        m = _WAN.match(text)
        if m:
            text = m.group(1)
        elif text.endswith("元"):
            raise ValueError("单位应为万元（如 15000元 应填 1.5）")
        value = text.replace(" ", "")
    return to_amount(value)


EARLIEST, LATEST = date(1949, 10, 1), date(2099, 12, 31)
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$")
OUT_OF_RANGE = "超出合理范围（1949年10月1日至2099年12月31日），请检查年份"


def to_day(value: Any) -> Any:
    """to_date, plus full-width digits and the xs:dateTime an interface may send (2024-03-05T00:00:00+08:00);
    a year typed wrong (0224, 2224) is refused rather than stored."""
    if isinstance(value, str):
        value = unicodedata.normalize("NFKC", value).strip()
        m = _ISO_DATETIME.match(value)
        if m:
            value = m.group(1)
    day = to_date(value)
    if day is not None and not EARLIEST <= day <= LATEST:
        raise ValueError(OUT_OF_RANGE)
    return day


def _one_of(options: tuple[str, ...]) -> Any:
    def check(value: str) -> str:
        if value not in options:
            raise ValueError("应为以下之一：" + "、".join(options))
        return value
    return check


def _annotation(f: FieldDef) -> Any:
    if f.type in ("text", "textarea"):
        base: Any = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=f.max_length)]
    elif f.type == "select":
        base = Annotated[str, BeforeValidator(_text), AfterValidator(_one_of(f.options))]
    elif f.type == "date":
        base = Annotated[date, BeforeValidator(to_day)]
    elif f.type == "money":
        base = Annotated[Decimal, BeforeValidator(to_money)]
    else:
        base = Annotated[bool, BeforeValidator(to_bool)]
    return base if f.required else base | None


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _dates(self) -> _Base:
        d = self.__dict__
        if d.get("valid_from") and d.get("valid_to") and d["valid_to"] < d["valid_from"]:
            raise ValueError("有效期至不能早于有效期自")
        if d.get("decided_on") and d.get("published_on") and d["published_on"] < d["decided_on"]:
            raise ValueError("公示日期不能早于处罚决定书日期")
        if d.get("published_on") and d.get("decided_on") and d["decided_on"] > today():
            raise ValueError("处罚决定书日期不能晚于今天")
        return self


def _model(kind: Kind) -> type[BaseModel]:
    spec: dict[str, Any] = {}
    for f in FIELDS[kind]:
        if f.name == "is_public":
            continue
        spec[f.name] = (_annotation(f), ... if f.required else None)
    return create_model(f"{kind.value.title()}Fields", __base__=_Base, **spec)


MODELS: dict[Kind, type[BaseModel]] = {k: _model(k) for k in Kind}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def validate_fields(kind: Kind, raw: dict[str, Any]) -> dict[str, Any]:
    """The kind's fields, validated and serialised for the JSON column; refusal names the Chinese label."""
    clean = {k: v for k, v in raw.items() if not _blank(v) and k != "is_public"}
    try:
        model = parse(MODELS[kind], clean)
    except errors.ValidationFailed as exc:
        out = []
        defs = {f.name: f for f in FIELDS[kind]}
        for e in (exc.data or {}).get("errors", []):
            name = e["field"].split(".")[0]
            out.append({"field": name, "label": LABELS[kind].get(name, ""), "message": _reason(defs.get(name), e)})
        reasons = list(dict.fromkeys(x["message"] for x in out)) or ["数据格式不正确"]
        raise c_errors.FieldsInvalid("；".join(reasons), data={"errors": out}) from exc
    return {k: _json(v) for k, v in model.model_dump().items()}


def _reason(f: FieldDef | None, e: dict[str, Any]) -> str:
    kind, message = e["type"], e["message"]
    if e["field"] and f is None:
        return f"不支持的字段：{e['field']}"
    if f is None:
        return message
    if kind in ("string_too_long", "too_long"):
        return f"{f.label}超出长度限制（最多{f.max_length}字）"
    if f.type == "date" and OUT_OF_RANGE in message:
        return f"{f.label}{OUT_OF_RANGE}"
    if f.type == "date" and kind != "missing":
        return f"{f.label}格式不正确（应为 YYYY-MM-DD）"
    return f"{f.label}{message}"


def _json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def columns_of(kind: Kind, fields: dict[str, Any]) -> dict[str, str]:
    """The indexed columns of a record, from its validated fields."""
    name = fields.get("name") or ""
    if kind == Kind.SUPPORT:
        name = (fields.get("content") or "")[:255]
    return {"record_no": fields.get("record_no") or "", "name": name, "authority": fields.get("authority") or ""}


def options() -> dict[str, Any]:
    return {k.value: [f.out() for f in defs] for k, defs in FIELDS.items()}
