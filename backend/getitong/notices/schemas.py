"""Request bodies and queries of 双告知."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from getitong.common.schemas import Id
from getitong.notices.workflow import ApplicationType, FeedbackResult, NoticeStatus


class DepartmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(..., min_length=2, max_length=128, description="部门名称，如 黄石市下陆区卫生健康局")
    org_id: Id = Field(..., description="所在层级的机构（本级或下级）：告知该机构及下级登记的主体")


class MemberIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(..., min_length=1, max_length=64, description="部门联络员的登录账号")


class RuleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    keyword: str = Field(..., min_length=2, max_length=64, description="经营范围用语（包含即匹配），如 餐饮服务")
    item: str = Field(..., min_length=2, max_length=128, description="后置审批事项，如 食品经营许可")
    department_id: Id


class NotifyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    business_id: Id
    scope: str = Field(..., min_length=1, max_length=4000, description="登记的经营范围")
    application_type: ApplicationType = ApplicationType.CHANGE
    approved_on: date | None = Field(None, description="核准日期（默认今天）")


class ReceiveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ids: list[Id] = Field(..., min_length=1, max_length=200, description="接收的告知（单个或批量）")


class AnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    result: FeedbackResult
    cert_no: str = Field("", max_length=64, description="证件编号（已发证必填）")
    cert_name: str = Field("", max_length=128, description="证件名称（已发证必填）")
    issuing_authority: str = Field("", max_length=128)
    issued_on: date | None = Field(None, description="发证日期（已发证必填）")
    valid_from: date | None = None
    valid_to: date | None = Field(None, description="有效期至；空为长期有效")
    permit_content: str = Field("", max_length=2000, description="后置审批许可内容")
    remark: str = Field("", max_length=500)


class NoticeQuery(BaseModel):
    status: NoticeStatus | None = None
    q: str | None = Field(None, max_length=128, description="主体名称（模糊）或统一社会信用代码")
    item: str | None = Field(None, max_length=128, description="后置审批事项（包含）")
    department_id: Id | None = None
    overdue: bool | None = Field(None, description="仅 3 天以上未接收的")
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class ExportQuery(BaseModel):
    status: NoticeStatus = NoticeStatus.RECEIVED
    format: Literal["xlsx", "xml"] = "xlsx"
