"""Home-screen request shapes."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, Field

from getitong.core.web import PartialUpdate

Code = Field(..., min_length=1, max_length=32, pattern=r"^[a-z][a-z0-9_]*$")


class SaveApps(BaseModel):
    apps: list[str] = Field(..., max_length=30, description="首页应用编码，按显示顺序")


class AppCreate(BaseModel):
    code: str = Code
    name: str = Field(..., min_length=1, max_length=16)
    icon: str = Field(..., min_length=1, max_length=255)
    page: str = Field(..., min_length=1, max_length=255, pattern=r"^/")
    description: str = Field("", max_length=100)
    sort: int = Field(0, ge=0, le=100000)
    enabled: bool = True
    is_default: bool = False
    badge: str | None = Field(None, pattern=r"^(appeals|benefits|risk|party|annual_report)$")


class AppUpdate(BaseModel, PartialUpdate):
    clearable: ClassVar[frozenset[str]] = frozenset({"badge"})

    name: str | None = Field(None, min_length=1, max_length=16)
    icon: str | None = Field(None, min_length=1, max_length=255)
    page: str | None = Field(None, min_length=1, max_length=255, pattern=r"^/")
    description: str | None = Field(None, max_length=100)
    sort: int | None = Field(None, ge=0, le=100000)
    enabled: bool | None = None
    is_default: bool | None = None
    badge: str | None = Field(None, pattern=r"^(appeals|benefits|risk|party|annual_report)$")
