"""Annual report request shapes."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from getitong.annual.models import ReportStatus
from getitong.core.pagination import PageQuery


class ReportEnter(BaseModel):
    code: str = Field(..., min_length=1, max_length=32, description="统一社会信用代码或注册号")
    year: int = Field(..., ge=1990, le=2100, description="年报年度")
    status: ReportStatus
    reported_on: date | None = None
    note: str = Field("", max_length=200)


class AdminReportQuery(PageQuery):
    year: int | None = Field(None, ge=1990, le=2100)
    status: ReportStatus | None = None
    q: str | None = Field(None, max_length=64)


class StatsQuery(BaseModel):
    year: int = Field(..., ge=1990, le=2100)
