"""Refusals of the policies domain, each with a stable code and a Chinese message."""

from getitong.core.errors import define_error

PolicyNotFound = define_error("PolicyNotFound", 404, "POLICY_NOT_FOUND", "政策事项不存在")
PolicyActionNotAllowed = define_error("PolicyActionNotAllowed", 409, "POLICY_ACTION_NOT_ALLOWED",
                                      "当前状态不允许该操作")
PolicyRegionOutOfScope = define_error("PolicyRegionOutOfScope", 403, "POLICY_REGION_OUT_OF_SCOPE",
                                      "目标地区超出本机构管辖范围")
PolicyDatesInvalid = define_error("PolicyDatesInvalid", 422, "POLICY_DATES_INVALID", "有效期结束日期不能早于开始日期")
BenefitNotFound = define_error("BenefitNotFound", 404, "BENEFIT_NOT_FOUND", "免申即享事项不存在")
BenefitCodeTaken = define_error("BenefitCodeTaken", 409, "BENEFIT_CODE_TAKEN", "免申即享事项编码已存在")
EligibilityNotFound = define_error("EligibilityNotFound", 404, "BENEFIT_ELIGIBILITY_NOT_FOUND", "免申即享记录不存在")
AlreadyPushed = define_error("AlreadyPushed", 409, "BENEFIT_ALREADY_PUSHED", "该经营主体已推送过此事项")
AlreadyConfirmed = define_error("AlreadyConfirmed", 409, "BENEFIT_ALREADY_CONFIRMED", "该事项已确认，无需重复确认")
BenefitActionNotAllowed = define_error("BenefitActionNotAllowed", 409, "BENEFIT_ACTION_NOT_ALLOWED",
                                       "当前状态不允许该操作")
BusinessOutOfScope = define_error("BusinessOutOfScope", 403, "BENEFIT_BUSINESS_OUT_OF_SCOPE",
                                  "该经营主体不在本事项发布机构的管辖范围内")
SignatureInvalid = define_error("SignatureInvalid", 401, "BENEFIT_SIGNATURE_INVALID", "签名校验失败")
ExcelInvalid = define_error("ExcelInvalid", 422, "BENEFIT_EXCEL_INVALID", "无法读取 Excel 文件，请上传 .xlsx 格式")
ExcelNoUsccColumn = define_error("ExcelNoUsccColumn", 422, "BENEFIT_EXCEL_NO_USCC_COLUMN",
                                 "表格第一行中未找到“统一社会信用代码”列")
ExcelTooManyRows = define_error("ExcelTooManyRows", 413, "BENEFIT_EXCEL_TOO_MANY_ROWS", "表格行数超出上限")
RunNotFound = define_error("RunNotFound", 404, "BENEFIT_RUN_NOT_FOUND", "批量标记任务不存在")
