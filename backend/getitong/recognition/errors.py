"""Stable error codes of the 名特优新 domain."""

from getitong.core.errors import define_error
from getitong.recognition.workflow import ActionNotAllowed, NoticeActionNotAllowed

NoticeNotFound = define_error("NoticeNotFound", 404, "RECOGNITION_NOTICE_NOT_FOUND", "认定公告不存在")
NoticeClosed = define_error("NoticeClosed", 409, "RECOGNITION_NOTICE_CLOSED", "该认定公告已不在申报期内")
NoticeNotStarted = define_error("NoticeNotStarted", 409, "RECOGNITION_NOTICE_NOT_STARTED",
                                "该认定公告尚未开始申报")
NoticeWithdrawn = define_error("NoticeWithdrawn", 409, "RECOGNITION_NOTICE_WITHDRAWN", "该认定公告已撤回")
NoticePeriodInvalid = define_error("NoticePeriodInvalid", 400, "RECOGNITION_NOTICE_PERIOD_INVALID",
                                   "申报截止时间应晚于开始时间和当前时间")
ApplicationNotFound = define_error("ApplicationNotFound", 404, "RECOGNITION_APPLICATION_NOT_FOUND",
                                   "申请不存在")
AlreadyApplied = define_error("AlreadyApplied", 409, "RECOGNITION_ALREADY_APPLIED",
                              "本经营主体已对该公告提交过申请，每个公告只能申请一次")
StepOrder = define_error("StepOrder", 409, "RECOGNITION_STEP_ORDER", "请按顺序完成前面的步骤")
StepIncomplete = define_error("StepIncomplete", 400, "RECOGNITION_STEP_INCOMPLETE", "申请信息尚未填写完整")
StepUnknown = define_error("StepUnknown", 404, "RECOGNITION_STEP_UNKNOWN", "没有这个填写步骤")
CategoryInvalid = define_error("CategoryInvalid", 400, "RECOGNITION_CATEGORY_INVALID",
                               "请选择本公告开放的认定分类")
FileInvalid = define_error("FileInvalid", 400, "RECOGNITION_FILE_INVALID", "材料文件不存在或不属于您")
StateChanged = define_error("StateChanged", 409, "RECOGNITION_STATE_CHANGED", "申请状态已被更新，请刷新后重试")

__all__ = ["ActionNotAllowed", "AlreadyApplied", "ApplicationNotFound", "CategoryInvalid", "FileInvalid",
           "NoticeActionNotAllowed", "NoticeClosed", "NoticeNotFound", "NoticeNotStarted", "NoticePeriodInvalid",
           "NoticeWithdrawn", "StateChanged", "StepIncomplete", "StepOrder", "StepUnknown"]
