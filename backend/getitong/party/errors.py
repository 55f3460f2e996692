"""Stable error codes of the party-building domain (小个专党建)."""

from getitong.core.errors import define_error

MemberNotFound = define_error("MemberNotFound", 404, "PARTY_MEMBER_NOT_FOUND", "党员信息不存在")
MemberExists = define_error("MemberExists", 409, "PARTY_MEMBER_EXISTS", "本单位已登记该身份证号码的党员")
MemberInvalid = define_error("MemberInvalid", 400, "PARTY_MEMBER_INVALID", "所选党员不存在或不属于本单位")
ActivityNotFound = define_error("ActivityNotFound", 404, "PARTY_ACTIVITY_NOT_FOUND", "党员活动不存在")
ActivityActionNotAllowed = define_error("ActivityActionNotAllowed", 409, "PARTY_ACTION_NOT_ALLOWED",
                                        "当前状态下不能执行该操作")
ActivityTimeInvalid = define_error("ActivityTimeInvalid", 400, "PARTY_ACTIVITY_TIME_INVALID",
                                   "活动结束时间应晚于开始时间，且开始时间应晚于当前时间")
ActivityStarted = define_error("ActivityStarted", 409, "PARTY_ACTIVITY_STARTED", "活动已开始，不能再修改")
CapacityTooSmall = define_error("CapacityTooSmall", 409, "PARTY_CAPACITY_TOO_SMALL", "活动人数上限不能少于已报名人数")
ActivityFull = define_error("ActivityFull", 409, "PARTY_ACTIVITY_FULL", "活动报名人数已满")
ActivityCancelled = define_error("ActivityCancelled", 409, "PARTY_ACTIVITY_CANCELLED", "活动已取消")
SignupClosed = define_error("SignupClosed", 409, "PARTY_SIGNUP_CLOSED", "活动已开始，报名已截止")
AlreadySignedUp = define_error("AlreadySignedUp", 409, "PARTY_ALREADY_SIGNED_UP", "所选党员已报名该活动")
NotSignedUp = define_error("NotSignedUp", 409, "PARTY_NOT_SIGNED_UP", "所选党员未报名该活动，不能签到")
AlreadyCheckedIn = define_error("AlreadyCheckedIn", 409, "PARTY_ALREADY_CHECKED_IN", "所选党员已签到，请勿重复签到")
CheckinWindow = define_error("CheckinWindow", 409, "PARTY_CHECKIN_WINDOW", "不在活动签到时间内")
QrInvalid = define_error("QrInvalid", 400, "PARTY_QR_INVALID", "签到二维码无效，请扫描活动现场的签到二维码")
QrExpired = define_error("QrExpired", 400, "PARTY_QR_EXPIRED", "签到二维码已过期，请扫描活动现场最新的签到二维码")
VolunteerNotFound = define_error("VolunteerNotFound", 404, "PARTY_VOLUNTEER_NOT_FOUND", "志愿服务记录不存在")
PhotoInvalid = define_error("PhotoInvalid", 400, "PARTY_PHOTO_INVALID", "照片不存在、不是图片或不是您本人上传的")
StoryNotFound = define_error("StoryNotFound", 404, "PARTY_STORY_NOT_FOUND", "先进事迹不存在")
StoryActionNotAllowed = define_error("StoryActionNotAllowed", 409, "PARTY_STORY_ACTION_NOT_ALLOWED",
                                     "当前状态下不能执行该操作")
StoryBodyBlank = define_error("StoryBodyBlank", 400, "PARTY_STORY_BODY_BLANK", "正文不能为空")
FileNotFound = define_error("FileNotFound", 404, "PARTY_FILE_NOT_FOUND", "文件不存在")
