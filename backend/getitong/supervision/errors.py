"""双随机 refusals: stable codes, Chinese messages."""

from getitong.core.errors import define_error

CatalogNotFound = define_error("CatalogNotFound", 404, "INSPECTION_CATALOG_NOT_FOUND", "检查事项不存在")
ContentInvalid = define_error("ContentInvalid", 422, "INSPECTION_CONTENT_INVALID",
                              "选择型检查内容至少需要两个选项，数值型需要填写单位")
InspectorNotFound = define_error("InspectorNotFound", 404, "INSPECTOR_NOT_FOUND", "执法人员不存在")
InspectorExists = define_error("InspectorExists", 409, "INSPECTOR_EXISTS", "该用户已在执法人员名录库中")
InspectorWithdrawn = define_error("InspectorWithdrawn", 409, "INSPECTOR_WITHDRAWN", "该执法人员已撤销，不能选派")
InspectorState = define_error("InspectorState", 409, "INSPECTOR_STATE", "执法人员当前状态不允许该操作")
StaffNotFound = define_error("StaffNotFound", 404, "INSPECTION_STAFF_NOT_FOUND", "用户不存在或不在本机构数据范围内")
PlanNotFound = define_error("PlanNotFound", 404, "INSPECTION_PLAN_NOT_FOUND", "抽查方案不存在")
PlanState = define_error("PlanState", 409, "INSPECTION_PLAN_STATE", "抽查方案当前状态不允许该操作")
PlanIncomplete = define_error("PlanIncomplete", 422, "INSPECTION_PLAN_INCOMPLETE", "抽查方案信息不完整，不能提交")
NoCandidates = define_error("NoCandidates", 422, "INSPECTION_NO_CANDIDATES", "没有符合抽查范围条件的市场主体")
BusinessesNotFound = define_error("BusinessesNotFound", 422, "INSPECTION_BUSINESSES_NOT_FOUND",
                                  "清单中有主体不在市场主体名录库中或不在本机构数据范围内")
TargetNotFound = define_error("TargetNotFound", 404, "INSPECTION_TARGET_NOT_FOUND", "抽查对象不存在")
ConfirmPending = define_error("ConfirmPending", 409, "INSPECTION_CONFIRM_PENDING", "还有未确认的主体，请全部确认后再点确认完毕")
NotAssigned = define_error("NotAssigned", 403, "INSPECTION_NOT_ASSIGNED", "只能录入分配给本人的抽查主体的检查结果")
ResultState = define_error("ResultState", 409, "INSPECTION_RESULT_STATE", "检查结果当前状态不允许该操作")
AnswersInvalid = define_error("AnswersInvalid", 422, "INSPECTION_ANSWERS_INVALID", "检查内容的结果填写不正确")
AdjustInvalid = define_error("AdjustInvalid", 422, "INSPECTION_ADJUST_INVALID", "调整后人员不符合选派条件")
ImportFileInvalid = define_error("ImportFileInvalid", 415, "INSPECTION_IMPORT_FILE_INVALID",
                                 "请上传按模板填写的 Excel 文件（.xlsx）")
ImportHeaderInvalid = define_error("ImportHeaderInvalid", 422, "INSPECTION_IMPORT_HEADER_INVALID",
                                   "表头与模板不一致，请下载模板后按模板填写")
ImportTooManyRows = define_error("ImportTooManyRows", 422, "INSPECTION_IMPORT_TOO_MANY_ROWS", "单个文件的数据行数超出上限")
