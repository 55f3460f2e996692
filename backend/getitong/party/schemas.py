"""Request shapes of the party-building domain (responses are built in service.py)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import ClassVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator

from getitong.common.schemas import Id
from getitong.core.pagination import PageQuery
from getitong.core.web import PartialUpdate
from getitong.party import idcard
from getitong.party.models import Gender
from getitong.party.workflow import ActivityStatus, StoryStatus

BODY_MAX = 200_000
_PHONE = re.compile(r"^1[3-9]\d{9}$")
# Keys are 64-bit: a larger number names nothing (and would overflow the driver).
PARTY_FOUNDED = date(1921, 7, 1)


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _id_number(value: str | None) -> str | None:
    return idcard.validate(value) if value is not None else None


def _phone(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if not _PHONE.match(value):
        raise ValueError("手机号码格式不正确")
    return value


def _past_date(value: date | None) -> date | None:
    if value is not None and value > date.today():  # noqa: DTZ011 - a calendar date
        raise ValueError("日期不能晚于今天")
    if value is not None and value.year < 1900:
        raise ValueError("日期无效")
    return value


def _joined_on(value: date | None) -> date | None:
    if value is not None and value < PARTY_FOUNDED:
        raise ValueError("入党日期无效")
    return _past_date(value)


def _moment(value: datetime | None) -> datetime | None:
    # Activities happen in this century; keeps window arithmetic far from the calendar's edges.
    if value is not None and not 2000 <= value.year <= 2100:
        raise ValueError("时间超出有效范围")
    return value


# ---- members ------------------------------------------------------------------------------------------


class MemberCreate(_In):
    name: str = Field(..., min_length=1, max_length=64, description="姓名")
    gender: Gender = Field(..., description="性别：male 男 / female 女")
    id_number: str = Field(..., min_length=1, max_length=32, description="身份证号码（GB 11643，校验位校验）")
    phone: str | None = Field(None, max_length=20, description="联系电话")
    joined_on: date | None = Field(None, description="入党日期")
    org_relation: str = Field("", max_length=128, description="党组织关系所在地")
    position: str = Field("", max_length=64, description="职务/岗位")

    _v_id = field_validator("id_number")(_id_number)
    _v_phone = field_validator("phone")(_phone)
    _v_joined = field_validator("joined_on")(_joined_on)


class MemberUpdate(_In, PartialUpdate):
    clearable: ClassVar[frozenset[str]] = frozenset({"phone", "joined_on"})

    name: str | None = Field(None, min_length=1, max_length=64)
    gender: Gender | None = None
    id_number: str | None = Field(None, min_length=1, max_length=32)
    phone: str | None = Field(None, max_length=20)
    joined_on: date | None = None
    org_relation: str | None = Field(None, max_length=128)
    position: str | None = Field(None, max_length=64)

    _v_id = field_validator("id_number")(_id_number)
    _v_phone = field_validator("phone")(_phone)
    _v_joined = field_validator("joined_on")(_joined_on)


class MemberQuery(PageQuery):
    q: str | None = Field(None, max_length=64, description="姓名")


class AdminMemberQuery(MemberQuery):
    business_id: Id | None = None


# ---- activities ---------------------------------------------------------------------------------------


class _Window(_In):
    @model_validator(mode="after")
    def _ends_after_start(self) -> _Window:
        starts, ends = getattr(self, "starts_at", None), getattr(self, "ends_at", None)
        if starts is not None and ends is not None and ends <= starts:
            raise ValueError("活动结束时间应晚于开始时间")
        return self


class ActivityCreate(_Window):
    title: str = Field(..., min_length=1, max_length=100, description="活动名称")
    description: str = Field("", max_length=5000, description="活动内容")
    place: str = Field(..., min_length=1, max_length=200, description="活动地点")
    starts_at: AwareDatetime = Field(..., description="开始时间（带时区）")
    ends_at: AwareDatetime = Field(..., description="结束时间（带时区）")
    capacity: int = Field(..., ge=1, le=100000, description="人数上限")
    org_id: Id | None = Field(None, description="发布机构（默认本机构，须在数据范围内）")

    _v_moment = field_validator("starts_at", "ends_at")(_moment)


class ActivityUpdate(_Window, PartialUpdate):
    title: str | None = Field(None, min_length=1, max_length=100)
    description: str | None = Field(None, max_length=5000)
    place: str | None = Field(None, min_length=1, max_length=200)
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    capacity: int | None = Field(None, ge=1, le=100000)

    _v_moment = field_validator("starts_at", "ends_at")(_moment)


class CancelIn(_In):
    reason: str = Field(..., min_length=1, max_length=500, description="取消原因")


class AdminActivityQuery(PageQuery):
    status: ActivityStatus | None = None
    q: str | None = Field(None, max_length=100)


class When(StrEnum):
    OPEN = "open"          # published, not started: sign-up open
    UPCOMING = "upcoming"  # this business signed up, not ended yet
    PAST = "past"          # ended or cancelled


class ActivityQuery(PageQuery):
    when: When | None = Field(None, description="open 可报名 / upcoming 我已报名未结束 / past 已结束或已取消")


class SignupIn(_In):
    member_ids: list[Id] = Field(..., min_length=1, max_length=50, description="报名的党员 id")


class CheckinIn(_In):
    token: str = Field(..., min_length=1, max_length=200, description="扫描活动签到二维码得到的文本")
    member_ids: list[Id] = Field(..., min_length=1, max_length=50, description="签到的党员 id")


class ScanIn(_In):
    token: str = Field(..., min_length=1, max_length=200)


class SignupQuery(PageQuery):
    checked_in: bool | None = None


# ---- volunteer service --------------------------------------------------------------------------------


class Participant(_In):
    member_id: Id | None = Field(None, description="本单位党员 id")
    name: str | None = Field(None, min_length=1, max_length=64, description="非党员参与人姓名")

    @model_validator(mode="after")
    def _one_of(self) -> Participant:
        if self.member_id is None and not self.name:
            raise ValueError("参与人须选择党员或填写姓名")
        return self


class VolunteerCreate(_In):
    service_date: date = Field(..., description="服务日期")
    place: str = Field(..., min_length=1, max_length=200, description="服务地点")
    content: str = Field(..., min_length=1, max_length=5000, description="服务内容")
    participants: list[Participant] = Field(..., min_length=1, max_length=200, description="参与人员")
    hours: Decimal = Field(..., ge=Decimal("0.1"), le=1000, max_digits=7, decimal_places=1, description="服务时长（小时）")
    photos: list[Id] = Field(default_factory=list, max_length=9, description="照片（/api/v1/mp/uploads 上传）")

    _v_date = field_validator("service_date")(_past_date)


class VolunteerUpdate(_In, PartialUpdate):
    service_date: date | None = None
    place: str | None = Field(None, min_length=1, max_length=200)
    content: str | None = Field(None, min_length=1, max_length=5000)
    participants: list[Participant] | None = Field(None, min_length=1, max_length=200)
    hours: Decimal | None = Field(None, ge=Decimal("0.1"), le=1000, max_digits=7, decimal_places=1)
    photos: list[Id] | None = Field(None, max_length=9)

    _v_date = field_validator("service_date")(_past_date)


class VolunteerQuery(PageQuery):
    date_from: date | None = None
    date_to: date | None = None


class AdminVolunteerQuery(VolunteerQuery):
    business_id: Id | None = None


# ---- stories ------------------------------------------------------------------------------------------


class StoryCreate(_In):
    title: str = Field(..., min_length=1, max_length=200, description="标题")
    summary: str = Field("", max_length=500, description="摘要")
    subject: str = Field("", max_length=128, description="先进人物/单位")
    body_html: str = Field(..., min_length=1, max_length=BODY_MAX, description="正文（富文本，保存时清洗）")
    cover_file_id: Id | None = Field(None, description="封面图片（/api/v1/admin/uploads 上传）")


class StoryUpdate(_In, PartialUpdate):
    clearable: ClassVar[frozenset[str]] = frozenset({"cover_file_id"})

    title: str | None = Field(None, min_length=1, max_length=200)
    summary: str | None = Field(None, max_length=500)
    subject: str | None = Field(None, max_length=128)
    body_html: str | None = Field(None, min_length=1, max_length=BODY_MAX)
    cover_file_id: Id | None = None


class AdminStoryQuery(PageQuery):
    status: StoryStatus | None = None
    q: str | None = Field(None, max_length=100)


class StoryQuery(PageQuery):
    q: str | None = Field(None, max_length=100)
