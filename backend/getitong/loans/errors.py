"""Stable error codes of the loans domain."""

from getitong.core.errors import define_error
from getitong.loans.workflow import ProductActionNotAllowed, TransitionNotAllowed

InstitutionNotFound = define_error("InstitutionNotFound", 404, "LOAN_INSTITUTION_NOT_FOUND", "金融机构不存在")
InstitutionNameTaken = define_error("InstitutionNameTaken", 409, "LOAN_INSTITUTION_NAME_TAKEN", "金融机构名称已存在")
InstitutionInactive = define_error("InstitutionInactive", 409, "LOAN_INSTITUTION_INACTIVE", "该金融机构已停用")
NoInstitution = define_error("NoInstitution", 403, "LOAN_NO_INSTITUTION", "您的账号未关联金融机构，请联系管理员")
ProductNotFound = define_error("ProductNotFound", 404, "LOAN_PRODUCT_NOT_FOUND", "贷款产品不存在或已下架")
ProductInvalid = define_error("ProductInvalid", 422, "LOAN_PRODUCT_INVALID", "贷款产品信息有误")
ApplicationNotFound = define_error("ApplicationNotFound", 404, "LOAN_APPLICATION_NOT_FOUND", "贷款申请不存在")
DuplicateApplication = define_error("DuplicateApplication", 409, "LOAN_DUPLICATE_APPLICATION",
                                    "您已申请过该产品且正在办理中，请勿重复申请")
AmountOutOfRange = define_error("AmountOutOfRange", 422, "LOAN_AMOUNT_OUT_OF_RANGE", "申请金额超出该产品的额度范围")
BusinessNotActive = define_error("BusinessNotActive", 409, "LOAN_BUSINESS_NOT_ACTIVE",
                                 "当前经营主体不是存续（在营）状态，不能申请贷款")
DetailsRequired = define_error("DetailsRequired", 422, "LOAN_DETAILS_REQUIRED", "请填写完整的办理信息")
GrantExceedsApproved = define_error("GrantExceedsApproved", 422, "LOAN_GRANT_EXCEEDS_APPROVED",
                                    "放款金额不能超过审批金额")
DateInvalid = define_error("DateInvalid", 422, "LOAN_DATE_INVALID", "放款日期不能早于申请日期或晚于今天")
StateChanged = define_error("StateChanged", 409, "LOAN_STATE_CHANGED", "贷款申请状态已被他人更新，请刷新后重试")
NotificationNotFound = define_error("NotificationNotFound", 404, "LOAN_NOTIFICATION_NOT_FOUND", "通知不存在")
WebhookNotConfigured = define_error("WebhookNotConfigured", 409, "LOAN_WEBHOOK_NOT_CONFIGURED",
                                    "请先设置该机构的接收地址（Webhook URL）")

__all__ = ["AmountOutOfRange", "ApplicationNotFound", "BusinessNotActive", "DateInvalid", "DetailsRequired",
           "DuplicateApplication", "GrantExceedsApproved", "InstitutionInactive", "InstitutionNameTaken",
           "InstitutionNotFound", "NoInstitution", "NotificationNotFound", "ProductActionNotAllowed",
           "ProductInvalid", "ProductNotFound", "StateChanged", "TransitionNotAllowed", "WebhookNotConfigured"]
