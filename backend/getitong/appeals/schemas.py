"""Request shapes of the appeals endpoints (responses are built in service.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from getitong.appeals.models import AppealType, Rating
from getitong.appeals.workflow import AppealStatus
from getitong.common.schemas import Id

# Row ids are 64-bit keys: anything larger names nothing (and would overflow the driver).


def _strip(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("不能为空")
    return value


class AppealCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(..., min_length=1, max_length=100)
    type: AppealType
    department: str = Field(..., min_length=1, max_length=64)
    content: str = Field(..., min_length=1, max_length=5000)
    photos: list[Id] = Field(default_factory=list, max_length=9)

    _s = field_validator("title", "content", "department")(_strip)


class AppealQueryIn(BaseModel):
    code: str = Field(..., min_length=1, max_length=16)
    password: str = Field(..., min_length=1, max_length=64)


class RateIn(BaseModel):
    rating: Rating
    comment: str = Field("", max_length=500)


class ReopenIn(BaseModel):
    comment: str = Field(..., min_length=1, max_length=500)

    _s = field_validator("comment")(_strip)


class AcceptIn(BaseModel):
    comment: str = Field("", max_length=1000)
    type: AppealType | None = None
    department: str | None = Field(None, min_length=1, max_length=64)


class TransferIn(BaseModel):
    unit_org_id: Id
    requirements: str = Field(..., min_length=1, max_length=2000)
    due_at: datetime | None = None

    _s = field_validator("requirements")(_strip)


class OutOfScopeIn(BaseModel):
    department_name: str = Field(..., min_length=1, max_length=100)
    contact_person: str = Field(..., min_length=1, max_length=64)
    phone: str = Field(..., min_length=5, max_length=32, pattern=r"^[0-9+\-() ]+$")
    comment: str = Field("", max_length=2000)

    _s = field_validator("department_name", "contact_person")(_strip)


class ReportIn(BaseModel):
    result: str = Field(..., min_length=1, max_length=5000)
    files: list[Id] = Field(default_factory=list, max_length=20)

    _s = field_validator("result")(_strip)


class SendBackIn(BaseModel):
    reason: str = Field(..., min_length=1, max_length=1000)

    _s = field_validator("reason")(_strip)


class ReplyIn(BaseModel):
    reply: str = Field(..., min_length=1, max_length=5000)
    files: list[Id] = Field(default_factory=list, max_length=20)

    _s = field_validator("reply")(_strip)


class SuperviseIn(BaseModel):
    content: str = Field(..., min_length=1, max_length=1000)

    _s = field_validator("content")(_strip)


class MyAppealsQuery(BaseModel):
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class QueueQuery(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    status: AppealStatus | None = None
    type: AppealType | None = None
    department: str | None = Field(None, max_length=64)
    unit_org_id: Id | None = None
    org_id: Id | None = None
    date_from: date | None = Field(None, alias="from")
    date_to: date | None = Field(None, alias="to")
    overdue: bool | None = None
    due_soon: bool | None = None
    q: str | None = Field(None, max_length=100)
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class StatsQuery(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    org_id: Id | None = None
    date_from: date | None = Field(None, alias="from")
    date_to: date | None = Field(None, alias="to")
    group_by: Literal["org", "month", "type"] = Field(
        "org", description="org：按承办机构（默认）；month：按受理月份（趋势，给出起止日期时补齐空月）；type：按诉求类型")
