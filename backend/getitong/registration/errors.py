"""Stable error codes of the registration domain."""

from getitong.common.workdays import CalendarUncovered
from getitong.core.errors import define_error
from getitong.registration.workflow import ActionNotAllowed

RegistrationNotFound = define_error("RegistrationNotFound", 404, "REGISTRATION_NOT_FOUND", "登记申请不存在")
BusinessTypeUnknown = define_error("BusinessTypeUnknown", 400, "REGISTRATION_TYPE_UNKNOWN", "个体户类型不存在")
RegionInvalid = define_error("RegionInvalid", 400, "REGISTRATION_REGION_INVALID",
                             "所选行政区划不可办理个体户自助登记，请选择区（县）")
NameForbidden = define_error("NameForbidden", 400, "REGISTRATION_NAME_FORBIDDEN", "名称含有禁用内容和文字")
IndustryWordMismatch = define_error("IndustryWordMismatch", 400, "REGISTRATION_INDUSTRY_WORD_MISMATCH",
                                    "名称中的行业表述应与所选个体户类型的主营项目一致")
NameTaken = define_error("NameTaken", 409, "REGISTRATION_NAME_TAKEN",
                         "该名称已被使用：同一登记机关辖区内同行业已有相同字号的个体工商户或在办申请")
CommitmentRequired = define_error("CommitmentRequired", 400, "REGISTRATION_COMMITMENT_REQUIRED",
                                  "请阅读并同意《企业名称自主申报承诺书》")
IdNumberInvalid = define_error("IdNumberInvalid", 400, "REGISTRATION_ID_INVALID", "证件号码不正确")
OperatorUnderage = define_error("OperatorUnderage", 400, "REGISTRATION_OPERATOR_UNDERAGE", "经营者须年满18周岁")
IdExpired = define_error("IdExpired", 400, "REGISTRATION_ID_EXPIRED", "身份证件已过有效期")
PhotoInvalid = define_error("PhotoInvalid", 400, "REGISTRATION_PHOTO_INVALID", "证件照片不存在或不是您上传的图片")
ScopeInvalid = define_error("ScopeInvalid", 400, "REGISTRATION_SCOPE_INVALID", "经营范围不符合要求")
StepIncomplete = define_error("StepIncomplete", 400, "REGISTRATION_STEP_INCOMPLETE", "请先完成前面的填写步骤")
Locked = define_error("Locked", 409, "REGISTRATION_LOCKED", "申请已进入签名环节或已提交，不能修改；如需修改请先退回修改")
RealnameMismatch = define_error("RealnameMismatch", 400, "REGISTRATION_REALNAME_MISMATCH",
                                "姓名或证件号码与签字人信息不一致，实名认证未通过")
RealnameRequired = define_error("RealnameRequired", 409, "REGISTRATION_REALNAME_REQUIRED",
                                "签字人尚未完成实名认证或认证已过有效期，请先完成实名认证")
SignExpired = define_error("SignExpired", 409, "REGISTRATION_SIGN_EXPIRED",
                           "未在6个工作日内完成电子签名，请重新进行实名认证")
SignTokenInvalid = define_error("SignTokenInvalid", 404, "REGISTRATION_SIGN_TOKEN_INVALID", "签名链接无效或已失效")
AlreadySigned = define_error("AlreadySigned", 409, "REGISTRATION_ALREADY_SIGNED", "已完成签名")
SignatureMissing = define_error("SignatureMissing", 400, "REGISTRATION_SIGNATURE_MISSING",
                                "请上传签名图片（字段 image）")
NotSigned = define_error("NotSigned", 409, "REGISTRATION_NOT_SIGNED", "尚有签字人未完成电子签名，不能提交")
ReasonRequired = define_error("ReasonRequired", 400, "REGISTRATION_REASON_REQUIRED", "请填写不予登记的理由")
StateChanged = define_error("StateChanged", 409, "REGISTRATION_STATE_CHANGED", "申请状态已更新，请刷新后重试")
NotApproved = define_error("NotApproved", 409, "REGISTRATION_NOT_APPROVED", "申请尚未核准，暂无营业执照和电子档案")
DocumentUnknown = define_error("DocumentUnknown", 404, "REGISTRATION_DOCUMENT_NOT_FOUND", "文书不存在")
StaffForbidden = define_error("StaffForbidden", 403, "REGISTRATION_FORBIDDEN", "您没有登记审核权限")

__all__ = ["ActionNotAllowed", "AlreadySigned", "BusinessTypeUnknown", "CalendarUncovered", "CommitmentRequired",
           "DocumentUnknown", "IdExpired", "IdNumberInvalid", "IndustryWordMismatch", "Locked", "NameForbidden", "NameTaken", "NotApproved",
           "NotSigned", "OperatorUnderage", "PhotoInvalid", "RealnameMismatch", "RealnameRequired", "ReasonRequired",
           "RegionInvalid", "RegistrationNotFound", "ScopeInvalid", "SignExpired", "SignTokenInvalid",
           "SignatureMissing", "StaffForbidden", "StateChanged", "StepIncomplete"]
