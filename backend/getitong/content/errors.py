"""Content refusals: stable codes, Chinese messages."""

from getitong.core.errors import define_error

ContentNotFound = define_error("ContentNotFound", 404, "CONTENT_NOT_FOUND", "内容不存在或已下线")
ActionNotAllowed = define_error("ActionNotAllowed", 409, "CONTENT_ACTION_NOT_ALLOWED", "当前状态不允许该操作")
FileNotAttachable = define_error("FileNotAttachable", 400, "CONTENT_FILE_INVALID",
                                 "附件不存在或不是您上传的文件，请重新上传")
CoverNotImage = define_error("CoverNotImage", 400, "CONTENT_COVER_NOT_IMAGE", "封面须为图片")
BodyEmpty = define_error("BodyEmpty", 400, "CONTENT_BODY_EMPTY", "正文为空（或仅含不安全的内容），不能发布")
