"""Request shapes of 信息归集."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from getitong.collection.workflow import Channel, JobStatus, Kind, MatchState
from getitong.core.pagination import PageQuery
from getitong.core.web import PartialUpdate
from getitong.risk.schemas import to_date

OptDay = Annotated[date | None, BeforeValidator(lambda v: None if v in ("", None) else to_date(v))]
BusinessId = Annotated[int, Field(ge=1, le=2**63 - 1)]


class _Strict(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")


class RecordCreate(_Strict):
    kind: Kind
    business_id: BusinessId | None = Field(None, description="在线录入时先查询到的主体（记名成功）")
    subject_code: str | None = Field(None, max_length=64, description="统一社会信用代码或注册号")
    subject_name: str | None = Field(None, max_length=255, description="主体名称")
    fields: dict[str, Any] = Field(default_factory=dict, description="该类别的表单字段（见 /options）")
    is_public: bool | None = Field(None, description="是否公示，默认是")


class RecordUpdate(_Strict, PartialUpdate):
    clearable: ClassVar[frozenset[str]] = frozenset({"business_id", "subject_code", "subject_name"})

    business_id: BusinessId | None = None
    subject_code: str | None = Field(None, max_length=64)
    subject_name: str | None = Field(None, max_length=255)
    fields: dict[str, Any] | None = Field(None, description="修改的字段（与原值合并后整体校验）")
    is_public: bool | None = None


class RecordQuery(PageQuery):
    kind: Kind | None = None
    match_state: MatchState | None = None
    channel: Channel | None = None
    q: str | None = Field(None, max_length=255, description="主体名称或代码（包含）")
    record_no: str | None = Field(None, max_length=128)
    authority: str | None = Field(None, max_length=128)
    business_id: BusinessId | None = Field(None, description="某主体已记名的记录（查看已有信息）")
    import_id: BusinessId | None = Field(None, description="某导入任务的记录")
    updated_from: OptDay = None
    updated_to: OptDay = None


class RematchRequest(_Strict):
    kind: Kind | None = Field(None, description="只重新记名该类别；不填为全部类别")


class KindQuery(BaseModel):
    kind: Kind


class ImportQuery(PageQuery):
    kind: Kind | None = None
    status: JobStatus | None = None


class StatsQuery(BaseModel):
    year: int = Field(..., ge=1949, le=2100)
