"""Annual report refusals: stable codes, Chinese messages."""

from getitong.core.errors import define_error

ReportYearInvalid = define_error("ReportYearInvalid", 400, "ANNUAL_YEAR_INVALID",
                                 "年报年度无效：不能早于成立年度，也不能晚于上一年度")
ReportDateInvalid = define_error("ReportDateInvalid", 400, "ANNUAL_DATE_INVALID", "报送日期须在年报年度之后且不晚于今天")
ImportFileInvalid = define_error("ImportFileInvalid", 400, "ANNUAL_IMPORT_FILE_INVALID",
                                 "文件不是有效的 Excel（.xlsx）文件，请使用下载的模板")
ImportTooLarge = define_error("ImportTooLarge", 413, "ANNUAL_IMPORT_TOO_LARGE", "单次导入行数超过上限，请拆分后再导入")
