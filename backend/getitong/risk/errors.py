"""Risk-domain refusals: stable codes, Chinese messages."""

from getitong.core.errors import define_error

RiskBusinessNotFound = define_error("RiskBusinessNotFound", 404, "RISK_BUSINESS_NOT_FOUND",
                                    "未找到该统一社会信用代码或注册号对应的市场主体")
PenaltyNotFound = define_error("PenaltyNotFound", 404, "PENALTY_NOT_FOUND", "行政处罚记录不存在")
ListingNotFound = define_error("ListingNotFound", 404, "LISTING_NOT_FOUND", "列入名单记录不存在")
RiskRecordExists = define_error("RiskRecordExists", 409, "RISK_RECORD_EXISTS", "该主体已存在相同文号的记录")
ListingAlreadyRemoved = define_error("ListingAlreadyRemoved", 409, "LISTING_ALREADY_REMOVED",
                                     "该记录已移出，不能再修改或移出")
ListingKindMismatch = define_error("ListingKindMismatch", 400, "LISTING_KIND_MISMATCH",
                                   "名单类型与主体类型不符（企业、个体工商户、农民专业合作社各有其经营异常名录）")
RemovalDateInvalid = define_error("RemovalDateInvalid", 400, "REMOVAL_DATE_INVALID", "移出日期不能早于列入日期")
ImportNotFound = define_error("ImportNotFound", 404, "RISK_IMPORT_NOT_FOUND", "导入任务不存在")
ImportFileInvalid = define_error("ImportFileInvalid", 415, "RISK_IMPORT_FILE_INVALID",
                                 "请上传按模板填写的 Excel 文件（.xlsx）")
ImportHeaderInvalid = define_error("ImportHeaderInvalid", 422, "RISK_IMPORT_HEADER_INVALID",
                                   "表头与模板不一致，请下载模板后按模板填写")
ImportTooManyRows = define_error("ImportTooManyRows", 422, "RISK_IMPORT_TOO_MANY_ROWS", "单个文件的数据行数超出上限")
ImportReportMissing = define_error("ImportReportMissing", 404, "RISK_IMPORT_REPORT_MISSING",
                                   "该导入任务没有失败记录，或尚未完成")
