"""Domain errors with stable codes and Chinese messages, rendered as one envelope."""

from __future__ import annotations

from typing import Any


class AppError(Exception):
    """A refusal the client can act on: HTTP status, stable code, Chinese message, optional data."""

    status = 400
    code = "BAD_REQUEST"
    message = "请求有误"

    def __init__(self, message: str | None = None, *, data: Any = None, code: str | None = None,
                 status: int | None = None) -> None:
        self.message = message or self.message
        self.data = data
        if code:
            self.code = code
        if status:
            self.status = status
        super().__init__(f"{self.code}: {self.message}")


def define_error(name: str, status: int, code: str, message: str) -> type[AppError]:
    return type(name, (AppError,), {"status": status, "code": code, "message": message})


ValidationFailed = define_error("ValidationFailed", 422, "VALIDATION_ERROR", "参数错误")
Unauthenticated = define_error("Unauthenticated", 401, "UNAUTHENTICATED", "请先登录")
TokenExpired = define_error("TokenExpired", 401, "TOKEN_EXPIRED", "登录已过期，请重新登录")
TokenInvalid = define_error("TokenInvalid", 401, "TOKEN_INVALID", "登录凭证无效")
Forbidden = define_error("Forbidden", 403, "FORBIDDEN", "无权限执行此操作")
NotFound = define_error("NotFound", 404, "NOT_FOUND", "资源不存在")
Conflict = define_error("Conflict", 409, "CONFLICT", "数据冲突")
LoginFailed = define_error("LoginFailed", 400, "LOGIN_FAILED", "账号或密码错误")
TooManyAttempts = define_error("TooManyAttempts", 429, "TOO_MANY_ATTEMPTS", "尝试次数过多，请稍后再试")
CaptchaRequired = define_error("CaptchaRequired", 400, "CAPTCHA_REQUIRED", "请输入图形验证码")
CaptchaInvalid = define_error("CaptchaInvalid", 400, "CAPTCHA_INVALID", "验证码错误或已过期")
AccountDisabled = define_error("AccountDisabled", 403, "ACCOUNT_DISABLED", "账号已停用，请联系管理员")
UsccFormatInvalid = define_error("UsccFormatInvalid", 400, "USCC_FORMAT_INVALID",
                           "统一社会信用代码格式不正确（应为18位数字或大写字母）")
UsccCheckFailed = define_error("UsccCheckFailed", 400, "USCC_CHECK_FAILED", "统一社会信用代码校验位错误，请核对后重新输入")
EntityNotFound = define_error("EntityNotFound", 404, "ENTITY_NOT_FOUND", "未在市场主体登记库中查询到该主体")
RegionMismatch = define_error("RegionMismatch", 400, "REGION_MISMATCH", "该主体不属于所选归属地，请重新选择归属地")
QrNotFound = define_error("QrNotFound", 400, "QR_NOT_FOUND", "图片中未识别到二维码，请对准营业执照右上角二维码重新拍摄")
QrNoUscc = define_error("QrNoUscc", 400, "QR_NO_USCC", "二维码中没有统一社会信用代码，请扫描营业执照上的二维码")
FileNotImage = define_error("FileNotImage", 415, "FILE_NOT_IMAGE", "上传的文件不是有效图片")
FileTypeNotAllowed = define_error("FileTypeNotAllowed", 415, "FILE_TYPE_NOT_ALLOWED", "不支持该文件类型")
FileTooLarge = define_error("FileTooLarge", 413, "FILE_TOO_LARGE", "文件过大")
PhoneAlreadyRegistered = define_error("PhoneAlreadyRegistered", 409, "PHONE_ALREADY_REGISTERED",
                                "该手机号已注册，请直接登录")
OperatorNameMismatch = define_error("OperatorNameMismatch", 400, "OPERATOR_NAME_MISMATCH",
                              "姓名与登记的经营者姓名不一致，请由经营者本人注册")
PrivacyNotAgreed = define_error("PrivacyNotAgreed", 400, "PRIVACY_NOT_AGREED", "请阅读并同意《隐私服务政策》")
BusinessNotLinked = define_error("BusinessNotLinked", 403, "BUSINESS_NOT_LINKED", "您未关联该经营主体")
BusinessAlreadyLinked = define_error("BusinessAlreadyLinked", 409, "BUSINESS_ALREADY_LINKED", "已关联该经营主体")
NoCurrentBusiness = define_error("NoCurrentBusiness", 403, "NO_CURRENT_BUSINESS", "请先选择经营主体")
WeakPassword = define_error("WeakPassword", 400, "WEAK_PASSWORD", "密码至少8位，且需同时包含字母和数字")
PasswordWrong = define_error("PasswordWrong", 400, "PASSWORD_WRONG", "原密码错误")
WechatNotBound = define_error("WechatNotBound", 404, "WECHAT_NOT_BOUND", "该微信尚未绑定账号，请授权手机号完成绑定")
AccountNotFound = define_error("AccountNotFound", 404, "ACCOUNT_NOT_FOUND", "该手机号未注册，请先注册")
WechatCodeInvalid = define_error("WechatCodeInvalid", 400, "WECHAT_CODE_INVALID", "微信登录凭证无效或已过期，请重试")
WechatUnavailable = define_error("WechatUnavailable", 502, "WECHAT_UNAVAILABLE", "微信服务暂不可用，请稍后再试")
WechatAlreadyBound = define_error("WechatAlreadyBound", 409, "WECHAT_ALREADY_BOUND", "该微信已绑定其他账号")
UsernameTaken = define_error("UsernameTaken", 409, "USERNAME_TAKEN", "用户名已存在")
OrgOutOfScope = define_error("OrgOutOfScope", 403, "ORG_OUT_OF_SCOPE", "超出本机构数据范围")
RateLimited = define_error("RateLimited", 429, "RATE_LIMITED", "请求过于频繁，请稍后再试")
