"""Stable error codes of the credit-repair domain."""

from getitong.core.errors import define_error
from getitong.credit.config import CalendarUncovered
from getitong.credit.workflow import ActionNotAllowed

CreditNotFound = define_error("CreditNotFound", 404, "CREDIT_NOT_FOUND", "信用修复申请不存在")
GuideNotAcknowledged = define_error("GuideNotAcknowledged", 400, "CREDIT_GUIDE_NOT_ACKNOWLEDGED",
                                    "请先阅读并确认办事指南")
BusinessNotLinked = define_error("BusinessNotLinked", 403, "CREDIT_BUSINESS_NOT_LINKED", "您不是该经营主体的关联经营者")
IdentityMismatch = define_error("IdentityMismatch", 400, "CREDIT_IDENTITY_MISMATCH",
                                "统一社会信用代码、法定代表人（经营者）姓名或身份证号码与登记信息不一致")
ListingInvalid = define_error("ListingInvalid", 400, "CREDIT_LISTING_INVALID",
                              "所选列入记录不存在、已移出或不属于该经营主体")
ListingKindMismatch = define_error("ListingKindMismatch", 400, "CREDIT_LISTING_KIND_MISMATCH",
                                   "所选列入记录与申请的修复类型不一致")
ListingOrgsDiffer = define_error("ListingOrgsDiffer", 400, "CREDIT_LISTING_ORGS_DIFFER",
                                 "所选列入记录由不同机关列入，请分别申请")
ListingBusy = define_error("ListingBusy", 409, "CREDIT_LISTING_BUSY", "所选列入记录已有正在办理的信用修复申请")
MaterialInvalid = define_error("MaterialInvalid", 400, "CREDIT_MATERIAL_INVALID", "材料文件不存在或不属于您")
MaterialMissing = define_error("MaterialMissing", 400, "CREDIT_MATERIAL_MISSING", "请上传必需的申请材料")
ReasonRequired = define_error("ReasonRequired", 400, "CREDIT_REASON_REQUIRED", "请填写原因或意见")
TransferTargetInvalid = define_error("TransferTargetInvalid", 400, "CREDIT_TRANSFER_TARGET_INVALID",
                                     "只能转办至同一区局的其他监管所（单位）")
StateChanged = define_error("StateChanged", 409, "CREDIT_STATE_CHANGED", "申请状态已被他人更新，请刷新后重试")
DecisionNotReady = define_error("DecisionNotReady", 409, "CREDIT_DECISION_NOT_READY", "申请尚未准予修复，暂无决定书")
RemovalOutOfScope = define_error("RemovalOutOfScope", 409, "CREDIT_REMOVAL_OUT_OF_SCOPE",
                                 "本机关对该经营主体无管辖权，无法移出，请转办至主体登记所在的监管所")
StaffForbidden = define_error("StaffForbidden", 403, "CREDIT_FORBIDDEN", "您没有信用修复办理权限")

__all__ = ["ActionNotAllowed", "BusinessNotLinked", "CalendarUncovered", "CreditNotFound", "DecisionNotReady",
           "GuideNotAcknowledged",
           "IdentityMismatch", "ListingBusy", "ListingInvalid", "ListingKindMismatch", "ListingOrgsDiffer",
           "MaterialInvalid", "MaterialMissing", "ReasonRequired", "RemovalOutOfScope", "StaffForbidden", "StateChanged",
           "TransferTargetInvalid"]
