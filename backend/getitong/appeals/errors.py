"""Stable error codes of the appeals domain."""

from getitong.appeals.workflow import ActionNotAllowed
from getitong.core.errors import define_error

AppealNotFound = define_error("AppealNotFound", 404, "APPEAL_NOT_FOUND", "诉求不存在")
AppealQueryFailed = define_error("AppealQueryFailed", 400, "APPEAL_QUERY_FAILED", "查询码或查询密码错误")
AppealFileInvalid = define_error("AppealFileInvalid", 400, "APPEAL_FILE_INVALID", "附件不存在或不属于您")
AppealDepartmentInvalid = define_error("AppealDepartmentInvalid", 400, "APPEAL_DEPARTMENT_INVALID",
                                       "请选择有效的办理部门")
AppealStateChanged = define_error("AppealStateChanged", 409, "APPEAL_STATE_CHANGED",
                                  "诉求状态已被他人更新，请刷新后重试")
AppealUnitInvalid = define_error("AppealUnitInvalid", 400, "APPEAL_UNIT_INVALID", "承办单位不存在或不在本机构范围内")
AppealDueInvalid = define_error("AppealDueInvalid", 400, "APPEAL_DUE_INVALID", "办理期限应晚于当前时间")
AppealSuperviseNotAllowed = define_error("AppealSuperviseNotAllowed", 403, "APPEAL_SUPERVISE_NOT_ALLOWED",
                                         "仅上级机构可对未办结的诉求督办")

__all__ = ["ActionNotAllowed", "AppealDepartmentInvalid", "AppealDueInvalid", "AppealFileInvalid",
           "AppealNotFound", "AppealQueryFailed", "AppealStateChanged", "AppealSuperviseNotAllowed",
           "AppealUnitInvalid"]
AppealFileLinkExpired = define_error("AppealFileLinkExpired", 410, "APPEAL_FILE_LINK_EXPIRED",
                                     "文件链接已过期，请重新查询")
