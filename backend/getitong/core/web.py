"""HTTP glue shared by every blueprint: the envelope, body/query parsing, authentication decorators."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import quote

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError
from sanic import Request, json
from sanic.response import HTTPResponse, raw
from sanic_ext import openapi
from sanic_ext.extensions.openapi.builders import OperationStore

from getitong.core import errors

M = TypeVar("M", bound=BaseModel)
Handler = Callable[..., Awaitable[HTTPResponse]]


def ok(data: Any = None, status: int = 200) -> HTTPResponse:
    return json({"code": "OK", "message": "成功", "data": data}, status=status, ensure_ascii=False)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_reply(data: bytes, name: str, content_type: str, *, inline: bool = False,
               headers: dict[str, str] | None = None) -> HTTPResponse:
    """A file to download (or show, `inline`); the Chinese file name travels as RFC 5987 `filename*`."""
    disposition = f"{'inline' if inline else 'attachment'}; filename*=UTF-8''{quote(name)}"
    return raw(data, content_type=content_type, headers={"Content-Disposition": disposition, **(headers or {})})


def error_response(exc: errors.AppError) -> HTTPResponse:
    return json({"code": exc.code, "message": exc.message, "data": exc.data}, status=exc.status,
                ensure_ascii=False)


_MESSAGES = {
    "missing": "不能为空", "string_too_short": "长度不足", "string_too_long": "长度超出限制",
    "string_pattern_mismatch": "格式不正确", "string_type": "应为文本", "int_parsing": "应为整数",
    "int_type": "应为整数", "int_from_float": "应为整数", "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大", "greater_than": "数值过小", "less_than": "数值过大",
    "bool_parsing": "应为是/否", "bool_type": "应为是/否", "list_type": "应为列表", "too_short": "数量不足",
    "too_long": "数量过多", "json_invalid": "不是有效的 JSON", "model_type": "格式不正确",
    "date_from_datetime_parsing": "日期格式不正确", "date_parsing": "日期格式不正确", "enum": "取值无效",
    "literal_error": "取值无效", "extra_forbidden": "不允许的字段",
}


def _field_errors(exc: PydanticValidationError) -> list[dict[str, Any]]:
    """Field errors in Chinese: a custom validator's own message, else a message for the error type."""
    out = []
    for e in exc.errors(include_url=False, include_context=False, include_input=False):
        if e["type"] == "value_error":
            message = str(e["msg"]).removeprefix("Value error, ")
        else:
            message = _MESSAGES.get(e["type"], "格式不正确")
        out.append({"field": ".".join(str(p) for p in e["loc"]), "message": message, "type": e["type"]})
    return out


def _nul_path(value: Any, path: str = "") -> str | None:
    """The dotted path of the first string holding a NUL character, if any."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = _nul_path(item, f"{path}.{key}" if path else str(key))
        if found is not None:
            return found
    return None


class PartialUpdate:
    """Mixin for partial-update bodies: an absent field stays as it is, and null is refused (不能为空)
    except for the fields in `clearable`, whose columns may be empty (null clears them)."""

    clearable: frozenset[str] = frozenset()


def _refused_nulls(model: type[BaseModel], payload: Any) -> list[str]:
    if not (isinstance(payload, dict) and issubclass(model, PartialUpdate)):
        return []
    return [k for k, v in payload.items() if v is None and k in model.model_fields and k not in model.clearable]


def parse(model: type[M], payload: Any) -> M:
    # PostgreSQL text cannot hold NUL: refuse it here rather than fail in the driver.
    where = _nul_path(payload)
    if where is not None:
        raise errors.ValidationFailed(f"参数错误：{where} 不能包含空字符", data={"errors": [
            {"field": where, "message": "不能包含空字符", "type": "nul_character"}]})
    nulls = _refused_nulls(model, payload)
    if nulls:
        raise errors.ValidationFailed(f"参数错误：{nulls[0]} 不能为空", data={"errors": [
            {"field": name, "message": "不能为空", "type": "null"} for name in nulls]})
    try:
        return model.model_validate(payload if payload is not None else {})
    except PydanticValidationError as exc:
        fields = _field_errors(exc)
        first = fields[0]
        raise errors.ValidationFailed(f"参数错误：{first['field']} {first['message']}",
                                      data={"errors": fields}) from exc


def keep_docs(handler: Handler, wrapper: Handler) -> Handler:
    """Carry the OpenAPI documentation of `handler` over to the function that wraps it.

    sanic-ext keeps operation docs per function object, so a wrapper (auth guard, body/query parser)
    would otherwise hide the body and query parameters documented on the function it wraps. Both share
    one builder, so documentation added to the wrapper later lands in the same place.
    """
    store = OperationStore()
    if handler in store:
        store[wrapper] = store[handler]
    return wrapper


def body(model: type[M]) -> Callable[[Handler], Handler]:
    """Validate the JSON body into `model` and pass it as `data=`; documents it in OpenAPI."""

    def decorator(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            try:
                payload = request.json
            except Exception as exc:  # noqa: BLE001 - Sanic raises BadRequest on broken JSON
                raise errors.ValidationFailed("请求体不是有效的 JSON") from exc
            if not isinstance(payload, dict):
                raise errors.ValidationFailed("请求体应为 JSON 对象")
            return await handler(request, *args, data=parse(model, payload), **kwargs)

        wrapper.body_model = model  # type: ignore[attr-defined]  # copied outward by functools.wraps
        return openapi.body({"application/json": model}, required=True)(keep_docs(handler, wrapper))

    return decorator


def query(model: type[M]) -> Callable[[Handler], Handler]:
    """Validate query parameters into `model` and pass it as `q=`; documents them in OpenAPI."""

    def decorator(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            raw = {k: v[0] if len(v) == 1 else v for k, v in request.args.items()}
            return await handler(request, *args, q=parse(model, raw), **kwargs)

        wrapper.query_model = model  # type: ignore[attr-defined]  # copied outward by functools.wraps
        wrapped: Handler = keep_docs(handler, wrapper)
        for name, field in model.model_fields.items():
            ann = field.annotation
            kind = int if ann in (int, int | None) else str
            wrapped = openapi.parameter(name, kind, "query", required=field.is_required())(wrapped)
        return wrapped

    return decorator


def bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise errors.Unauthenticated()
    return token.strip()


def client_ip(request: Request) -> str:
    # Behind nginx the real address arrives in X-Forwarded-For (configured as a proxy header).
    return request.remote_addr or request.ip or ""
