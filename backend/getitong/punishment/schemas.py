"""Request bodies and queries of 联合惩戒."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from getitong.common.schemas import Id


class Category(StrEnum):
    DISHONEST = "dishonest"                  # 失信名单
    ABNORMAL = "abnormal"                    # 企业经营异常名录
    SERIOUS_VIOLATION = "serious_violation"  # 严重违法失信企业
    DEBTOR = "debtor"                        # 失信被执行人名单


CATEGORY_LABELS = {Category.DISHONEST: "失信名单", Category.ABNORMAL: "企业经营异常名录",
                   Category.SERIOUS_VIOLATION: "严重违法失信企业", Category.DEBTOR: "失信被执行人名单"}


class EntryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(..., min_length=2, max_length=128, description="项目名称，如 限制部分高消费行为")
    proposing_org: str = Field(..., min_length=2, max_length=128, description="提请机关")
    department_id: Id = Field(..., description="惩戒机关（后置审批/惩戒部门）")
    basis: str = Field(..., min_length=2, max_length=2000, description="惩戒依据")
    measures: str = Field(..., min_length=2, max_length=2000, description="惩戒措施")


class MatterIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: Category
    business_ids: list[Id] = Field(..., min_length=1, max_length=1000, description="惩戒主体（选择或由 Excel 导入）")
    entry_ids: list[Id] = Field(..., min_length=1, max_length=50, description="惩戒目录")
    decision_no: str = Field(..., min_length=1, max_length=128, description="做出惩戒决定文号")
    decision_org: str = Field(..., min_length=2, max_length=128, description="做出惩戒决定机关")
    decision_date: date
    expected_on: date | None = Field(None, description="期望执行时间")
    requirements: str = Field("", max_length=2000, description="补充要求")


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    business_id: Id
    entry_id: Id
    implemented_on: date
    measure: str = Field(..., min_length=2, max_length=2000, description="落实的惩戒措施")
    note: str = Field("", max_length=500)


class MatterQuery(BaseModel):
    category: Category | None = None
    q: str | None = Field(None, max_length=128, description="主体名称（模糊）、统一社会信用代码或决定文号")
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class StatsQuery(BaseModel):
    year: int = Field(..., ge=2000, le=2100)


class ListQuery(BaseModel):
    kind: Literal["serious_violation", "abnormal"]
    q: str | None = Field(None, max_length=128, description="主体名称（模糊）或统一社会信用代码")
    downloaded: bool | None = Field(None, description="下载状态")
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class ListDownloadIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["serious_violation", "abnormal"]
    ids: list[Id] = Field(..., min_length=1, max_length=1000, description="选中的列入记录")
