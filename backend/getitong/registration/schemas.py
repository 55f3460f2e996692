"""Request shapes of the registration endpoints (responses are built in service.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from getitong.common.schemas import Id
from getitong.core.web import PartialUpdate
from getitong.registration.catalog import (
    EDUCATIONS,
    EMPLOYMENT_STATUSES,
    ETHNICITIES,
    GENDERS,
    ORG_FORMS,
    POLITICAL_STATUSES,
    PROPERTY_TYPES,
    PROPERTY_USES,
)
from getitong.registration.workflow import RegStatus

Phone = Annotated[str, Field(pattern=r"^1[3-9]\d{9}$", description="11 位手机号")]
Postcode = Annotated[str, Field(pattern=r"^\d{6}$", description="6 位邮政编码")]
Text = Annotated[str, Field(min_length=1, max_length=128)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _one_of(options: tuple[str, ...] | dict[str, str], label: str):  # type: ignore[no-untyped-def]
    def check(value: str) -> str:
        if value not in options:
            raise ValueError(f"{label}取值无效")
        return value

    return check


class CreateIn(_In):
    business_type: str = Field(..., min_length=1, max_length=32, description="个体户类型编码（见 catalog）")


class TypeIn(CreateIn):
    pass


class NameCheckIn(_In):
    region_code: str = Field(..., min_length=6, max_length=12, description="行政区划（区/县）")
    business_type: str = Field(..., min_length=1, max_length=32)
    trade_name: str = Field(..., min_length=2, max_length=10, description="字号，2 个以上汉字")
    industry_word: str = Field(..., min_length=1, max_length=10, description="行业表述")
    org_form: str = Field(..., description="组织形式")

    _f = field_validator("org_form")(_one_of(ORG_FORMS, "组织形式"))


class NameIn(_In):
    """Step 2: 我需要个体户名称 (named=true: region + 字号 + 行业 + 组织形式 + 承诺书) or 我不需要 (named=false)."""

    named: bool
    region_code: str = Field(..., min_length=6, max_length=12, description="行政区划（区/县），决定登记机关")
    trade_name: str | None = Field(None, min_length=2, max_length=10)
    industry_word: str | None = Field(None, min_length=1, max_length=10)
    org_form: str | None = None
    commitment_accepted: bool = Field(False, description="我已阅读并同意《企业名称自主申报承诺书》")
    place: str = Field(..., min_length=4, max_length=255, description="经营场所")
    capital: Decimal = Field(..., ge=Decimal("0.01"), le=Decimal("99999999"), max_digits=10, decimal_places=2,
                             description="资金数额（万元）")

    @model_validator(mode="after")
    def _name_parts(self) -> NameIn:
        if self.named:
            if not (self.trade_name and self.industry_word and self.org_form):
                raise ValueError("需要个体户名称时，请填写字号、行业表述和组织形式")
            if self.org_form not in ORG_FORMS:
                raise ValueError("组织形式取值无效")
        elif self.trade_name or self.industry_word or self.org_form:
            raise ValueError("不需要个体户名称时无需填写字号、行业表述和组织形式")
        return self


class OperatorIn(_In):
    """Step 3: 经营者信息."""

    name: str = Field(..., min_length=2, max_length=32)
    gender: Literal["male", "female"]
    ethnicity: str
    id_type: Literal["resident_id"] = "resident_id"
    id_number: str = Field(..., min_length=18, max_length=18)
    id_valid_from: date
    id_valid_until: date | None = Field(None, description="证件有效期至；长期有效时为空并设 id_long_term")
    id_long_term: bool = False
    phone: Phone
    email: str = Field(..., pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=128)
    address: str = Field(..., min_length=4, max_length=255, description="经营者住所")
    postcode: Postcode
    political_status: str
    education: str
    employment_status: str
    id_photo_file_id: Id = Field(..., description="证件照：本人通过 /api/v1/mp/uploads 上传的图片")

    _e = field_validator("ethnicity")(_one_of(ETHNICITIES, "民族"))
    _p = field_validator("political_status")(_one_of(POLITICAL_STATUSES, "政治面貌"))
    _d = field_validator("education")(_one_of(EDUCATIONS, "文化程度"))
    _w = field_validator("employment_status")(_one_of(EMPLOYMENT_STATUSES, "申办的就业状态"))
    _g = field_validator("gender")(_one_of(GENDERS, "性别"))

    @model_validator(mode="after")
    def _validity(self) -> OperatorIn:
        if not self.id_long_term and self.id_valid_until is None:
            raise ValueError("请填写证件有效期至，或选择长期有效")
        if self.id_valid_until is not None and self.id_valid_until <= self.id_valid_from:
            raise ValueError("证件有效期至应晚于有效期起")
        return self


class ResidenceIn(_In):
    """住所（经营场所）信息: what the residence commitment (住所承诺书) states."""

    street: str = Field(..., min_length=2, max_length=64, description="街道（乡镇）")
    house_no: str = Field(..., min_length=1, max_length=64, description="门牌号/房号")
    property_type: str = Field(..., description="产权类型：owned 自有 / leased 租赁 / free_use 无偿使用")
    property_use: str = Field(..., description="房屋用途：commercial 商业用房 / residential 住宅 / industrial / other")
    owner_name: str = Field(..., min_length=2, max_length=64, description="产权人")
    area_sqm: Decimal = Field(..., ge=Decimal("0.01"), le=Decimal("100000"), max_digits=9, decimal_places=2, description="面积（㎡）")

    _t = field_validator("property_type")(_one_of(PROPERTY_TYPES, "产权类型"))
    _u = field_validator("property_use")(_one_of(PROPERTY_USES, "房屋用途"))


class BasicIn(_In):
    """Step 4: 基本信息; scope is the full list of item texts wanted (main item first is not required)."""

    store_name: str = Field(..., min_length=1, max_length=64, description="店铺名称")
    urban: bool = Field(..., description="是否城镇")
    postcode: Postcode
    staff_count: int = Field(..., ge=1, le=1000, description="从业人数")
    paper_license: bool = Field(..., description="是否需要纸质营业执照")
    scope: list[Annotated[str, Field(min_length=2, max_length=64)]] = Field(..., min_length=1, max_length=30)
    residence: ResidenceIn


class RealnameIn(_In):
    name: str = Field(..., min_length=2, max_length=32)
    id_number: str = Field(..., min_length=18, max_length=18)


class MineQuery(BaseModel):
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class QueueQuery(BaseModel):
    status: RegStatus | None = Field(None, description="缺省为 reviewing（登记审核待办）；all 见 all=true")
    all: bool = Field(False, description="显示全部状态")
    name: str | None = Field(None, max_length=64, description="名称或经营者姓名（模糊）")
    number: str | None = Field(None, max_length=32)
    uscc: str | None = Field(None, max_length=32)
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class ArchiveQuery(BaseModel):
    name: str | None = Field(None, max_length=64, description="名称、店铺名称或经营者（模糊）")
    uscc: str | None = Field(None, max_length=32)
    archive_no: str | None = Field(None, max_length=32)
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class ApproveIn(_In):
    opinion: str = Field("", max_length=1000, description="审核意见")


class RefuseIn(_In):
    reason: str = Field(..., min_length=1, max_length=1000, description="不予登记的理由（申请人可见）")


class ArchiveIn(PartialUpdate, _In):
    """归档信息 (seed 002 §2.3): absent fields keep their value; null clears 归档人 and 归档地点 only."""

    clearable: ClassVar[frozenset[str]] = frozenset({"archivist", "location"})

    title: str | None = Field(None, min_length=1, max_length=128, description="案卷名称")
    reason: str | None = Field(None, min_length=1, max_length=128, description="归档原因")
    archive_org: str | None = Field(None, min_length=1, max_length=128, description="归档机构")
    archivist: str | None = Field(None, min_length=1, max_length=64, description="归档人")
    location: str | None = Field(None, min_length=1, max_length=128, description="归档地点")
    archived_on: date | None = Field(None, description="归档日期")
