from datetime import date
from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, Field, field_validator

from getitong.core.web import PartialUpdate
from getitong.staff.permissions import Role


class StaffLoginIn(BaseModel):
    username: str = Field(..., min_length=1, max_length=64)
    password: str = Field(..., min_length=1, max_length=64)
    captcha_id: str | None = Field(None, max_length=64)
    captcha_code: str | None = Field(None, max_length=16)


class PasswordIn(BaseModel):
    old_password: str = Field(..., min_length=1, max_length=64)
    new_password: str = Field(..., min_length=1, max_length=64)


def _roles(value: list[str]) -> list[str]:
    unknown = [r for r in value if r not in Role._value2member_map_]
    if unknown:
        raise ValueError(f"未知角色: {', '.join(unknown)}")
    return sorted(set(value))


class UserCreate(BaseModel):
    username: str = Field(..., pattern=r"^[A-Za-z][A-Za-z0-9_.-]{2,31}$")
    name: str = Field(..., min_length=1, max_length=32)
    phone: str | None = Field(None, pattern=r"^1[3-9]\d{9}$")
    org_id: int = Field(..., ge=1, le=2**62)
    roles: list[str] = Field(..., min_length=1, max_length=12)
    institution_id: int | None = Field(None, ge=1, le=2**62)
    password: str = Field(..., min_length=1, max_length=64)

    _check_roles = field_validator("roles")(_roles)


class UserUpdate(BaseModel, PartialUpdate):
    clearable: ClassVar[frozenset[str]] = frozenset({"institution_id"})

    name: str | None = Field(None, min_length=1, max_length=32)
    phone: str | None = Field(None, pattern=r"^1[3-9]\d{9}$")
    org_id: int | None = Field(None, ge=1, le=2**62)
    roles: list[str] | None = Field(None, min_length=1, max_length=12)
    institution_id: int | None = Field(None, ge=1, le=2**62)

    _check_roles = field_validator("roles")(lambda v: _roles(v) if v is not None else v)


class ResetPasswordIn(BaseModel):
    password: str = Field(..., min_length=1, max_length=64)


class UserQuery(BaseModel):
    q: str | None = Field(None, max_length=64)
    org_id: int | None = Field(None, ge=1, le=2**62)
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(20, ge=1, le=100)


class EntityQuery(BaseModel):
    q: str | None = Field(None, max_length=64, description="名称（模糊）或经营者姓名")
    uscc: str | None = Field(None, max_length=32)
    reg_no: str | None = Field(None, max_length=32, description="注册号")
    operator: str | None = Field(None, max_length=64, description="经营者 / 法定代表人姓名（精确）")
    region_code: str | None = Field(None, max_length=12)
    status: str | None = Field(None, pattern=r"^(active|cancelled|revoked)(,(active|cancelled|revoked))*$",
                               description="状态，可多选（逗号分隔）")
    kind: str | None = Field(None, pattern=r"^(individual|enterprise|cooperative)$")
    industry: str | None = Field(None, max_length=64, description="行业（包含）")
    address: str | None = Field(None, max_length=128, description="住所 / 经营场所（包含）")
    org_id: int | None = Field(None, ge=1, le=2**62, description="登记机关（本级或下级）")
    this_level_only: bool = Field(False, description="只查该登记机关本级登记的，不含下级")
    established_from: date | None = Field(None, description="成立日期起")
    established_to: date | None = Field(None, description="成立日期止")
    capital_min: Decimal | None = Field(None, ge=0, le=10**9, decimal_places=4, description="资金数额 / 注册资本下限（万元）")
    capital_max: Decimal | None = Field(None, ge=0, le=10**9, decimal_places=4, description="资金数额 / 注册资本上限（万元）")
    business_scope: str | None = Field(None, max_length=64, description="经营范围（包含）")
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(20, ge=1, le=100)


class AuditQuery(BaseModel):
    actor_id: int | None = Field(None, ge=1, le=2**62)
    target_type: str | None = Field(None, max_length=32)
    target_id: str | None = Field(None, max_length=64)
    action: str | None = Field(None, max_length=64, description="操作，精确匹配；以“.”结尾则按前缀，如 credit.")
    q: str | None = Field(None, max_length=64, description="操作人姓名（包含）")
    date_from: date | None = Field(None, description="起始日期（含，北京时间）")
    date_to: date | None = Field(None, description="截止日期（含，北京时间）")
    cursor: str | None = Field(None, max_length=200)
    limit: int = Field(20, ge=1, le=100)
