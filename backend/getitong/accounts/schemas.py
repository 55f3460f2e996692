from pydantic import BaseModel, Field


class LicenseLookup(BaseModel):
    region_code: str | None = Field(None, max_length=12, description="归属地行政区划代码")
    uscc: str | None = Field(None, max_length=64, description="统一社会信用代码")
    qr_text: str | None = Field(None, max_length=2048, description="wx.scanCode 返回的二维码内容")


class RegisterIn(BaseModel):
    region_code: str = Field(..., min_length=2, max_length=12)
    uscc: str = Field(..., min_length=1, max_length=64)
    phone: str = Field(..., min_length=1, max_length=20)
    name: str = Field(..., min_length=1, max_length=32)
    password: str = Field(..., min_length=1, max_length=64)
    privacy_version: str = Field(..., max_length=32)
    privacy_agreed: bool


class LoginIn(BaseModel):
    phone: str = Field(..., min_length=1, max_length=20)
    password: str = Field(..., min_length=1, max_length=64)


class WechatLoginIn(BaseModel):
    code: str = Field(..., min_length=1, max_length=128)
    phone_code: str | None = Field(None, max_length=256)


class WechatBindIn(BaseModel):
    code: str = Field(..., min_length=1, max_length=128)


class SwitchBusinessIn(BaseModel):
    business_id: int = Field(..., ge=1, le=2**62)


class LinkBusinessIn(BaseModel):
    region_code: str = Field(..., min_length=2, max_length=12)
    uscc: str = Field(..., min_length=1, max_length=64)
