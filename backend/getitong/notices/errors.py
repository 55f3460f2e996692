"""Stable error codes of 双告知."""

from getitong.core.errors import define_error
from getitong.notices.workflow import NoticeActionNotAllowed

NoticeNotFound = define_error("NoticeNotFound", 404, "NOTICE_NOT_FOUND", "告知信息不存在")
DepartmentNotFound = define_error("DepartmentNotFound", 404, "NOTICE_DEPARTMENT_NOT_FOUND", "部门不存在")
DepartmentTaken = define_error("DepartmentTaken", 409, "NOTICE_DEPARTMENT_TAKEN", "该机构下已有同名部门")
NotAMember = define_error("NotAMember", 403, "NOTICE_NOT_A_MEMBER", "您不是任何告知接收部门的人员，请联系管理员")
MemberInvalid = define_error("MemberInvalid", 400, "NOTICE_MEMBER_INVALID",
                             "该账号不存在、不在本级及下级机构，或不是部门联络员")
RuleTaken = define_error("RuleTaken", 409, "NOTICE_RULE_TAKEN", "相同的经营范围关键词、后置审批事项和部门已存在")
CertificateRequired = define_error("CertificateRequired", 400, "NOTICE_CERTIFICATE_REQUIRED",
                                   "反馈“已发证”时须填写证件编号、证件名称和发证日期")
BusinessNotFound = define_error("BusinessNotFound", 404, "NOTICE_BUSINESS_NOT_FOUND", "市场主体不存在或不在您的数据范围内")

__all__ = ["BusinessNotFound", "CertificateRequired", "DepartmentNotFound", "DepartmentTaken", "MemberInvalid",
           "NotAMember", "NoticeActionNotAllowed", "NoticeNotFound", "RuleTaken"]
