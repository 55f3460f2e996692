"""Home-screen refusals: stable codes, Chinese messages."""

from getitong.core.errors import define_error

AppUnknown = define_error("AppUnknown", 400, "HOME_APP_UNKNOWN", "所选应用不存在或已停用")
AppDuplicate = define_error("AppDuplicate", 400, "HOME_APP_DUPLICATE", "同一应用不能重复添加")
AppNotFound = define_error("AppNotFound", 404, "HOME_APP_NOT_FOUND", "应用不存在")
AppCodeTaken = define_error("AppCodeTaken", 409, "HOME_APP_CODE_TAKEN", "应用编码已存在")
