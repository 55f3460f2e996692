"""Stable error codes of 联合惩戒."""

from getitong.core.errors import define_error

EntryNotFound = define_error("EntryNotFound", 404, "PUNISHMENT_ENTRY_NOT_FOUND", "惩戒目录不存在或不在您的数据范围内")
EntryTaken = define_error("EntryTaken", 409, "PUNISHMENT_ENTRY_TAKEN", "该惩戒机关已有同名的惩戒目录")
EntryInUse = define_error("EntryInUse", 409, "PUNISHMENT_ENTRY_IN_USE", "该惩戒目录已被惩戒事项使用，不能删除")
MatterNotFound = define_error("MatterNotFound", 404, "PUNISHMENT_MATTER_NOT_FOUND", "惩戒事项不存在")
SubjectsInvalid = define_error("SubjectsInvalid", 400, "PUNISHMENT_SUBJECTS_INVALID",
                               "惩戒主体不存在或不在您的数据范围内")
NotAddressed = define_error("NotAddressed", 403, "PUNISHMENT_NOT_ADDRESSED",
                            "该惩戒事项的主体或目录未发布给您所在部门")
ExcelInvalid = define_error("ExcelInvalid", 422, "PUNISHMENT_EXCEL_INVALID", "无法读取 Excel 文件，请上传 .xlsx 格式")
ExcelNoUsccColumn = define_error("ExcelNoUsccColumn", 422, "PUNISHMENT_EXCEL_NO_USCC_COLUMN",
                                 "表格第一行须有“统一社会信用代码”列")
ExcelTooManyRows = define_error("ExcelTooManyRows", 413, "PUNISHMENT_EXCEL_TOO_MANY_ROWS", "表格行数超出上限（1000 行）")
MatterHasFeedback = define_error("MatterHasFeedback", 409, "PUNISHMENT_MATTER_HAS_FEEDBACK",
                                 "该惩戒事项已有惩戒实施反馈，不能删除")
SubjectHasFeedback = define_error("SubjectHasFeedback", 409, "PUNISHMENT_SUBJECT_HAS_FEEDBACK",
                                  "惩戒主体已有惩戒实施反馈，不能移除")
EntryHasFeedback = define_error("EntryHasFeedback", 409, "PUNISHMENT_ENTRY_HAS_FEEDBACK",
                                "惩戒目录已有惩戒实施反馈，不能移除")
ExpectedBeforeDecision = define_error("ExpectedBeforeDecision", 422, "PUNISHMENT_EXPECTED_BEFORE_DECISION",
                                      "期望执行时间不能早于做出惩戒决定的日期")
