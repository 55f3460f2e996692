"""Request bodies and queries of 联合惩戒."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from getitong.common.schemas import Id
from getitong.core.web import PartialUpdate


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


class MatterPatch(PartialUpdate, BaseModel):
    """修改惩戒事项: the decision fields, and the full new sets of subjects and entries (added and removed ones
    are the difference). An absent field stays as it is; `expected_on` may be cleared with null."""

    model_config = ConfigDict(extra="forbid")
    clearable: ClassVar[frozenset[str]] = frozenset({"expected_on"})

    business_ids: list[Id] | None = Field(None, min_length=1, max_length=1000, description="惩戒主体（修改后的全部）")
    entry_ids: list[Id] | None = Field(None, min_length=1, max_length=50, description="惩戒目录（修改后的全部）")
    decision_no: str | None = Field(None, min_length=1, max_length=128, description="做出惩戒决定文号")
    decision_org: str | None = Field(None, min_length=2, max_length=128, description="做出惩戒决定机关")
    decision_date: date | None = None
    expected_on: date | None = Field(None, description="期望执行时间（null 清除）")
    requirements: str | None = Field(None, max_length=2000, description="补充要求")


class MatterExportQuery(BaseModel):
    """导出: the selected matters (`ids`, comma separated), else every matter of the list filters."""

    ids: str | None = Field(None, max_length=20000, pattern=r"^\d{1,19}(,\d{1,19})*$",
                            description="选中的惩戒事项 id，逗号分隔（最多 1000 个）")
    category: Category | None = None
    q: str | None = Field(None, max_length=128, description="主体名称（模糊）、统一社会信用代码或决定文号")

    @field_validator("ids")
    @classmethod
    def _ids(cls, v: str | None) -> str | None:
        if v is not None:
            parts = v.split(",")
            if len(parts) > 1000:
                raise ValueError("最多选择 1000 个惩戒事项")
            if any(not 1 <= int(x) <= 2**63 - 1 for x in parts):
                raise ValueError("惩戒事项 id 无效")
        return v

    def id_list(self) -> list[int]:
        return sorted({int(x) for x in self.ids.split(",")}) if self.ids else []


class InboxExportQuery(BaseModel):
    format: Literal["xml", "xlsx"] = Field("xml", description="批量下载 xml / 批量下载 excel")
    category: Category | None = None
    q: str | None = Field(None, max_length=128, description="主体名称（模糊）、统一社会信用代码或决定文号")


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
