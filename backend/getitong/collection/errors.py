"""信息归集 refusals: stable codes, Chinese messages."""

from getitong.core.errors import define_error

RecordNotFound = define_error("CollectionRecordNotFound", 404, "COLLECTION_RECORD_NOT_FOUND", "归集记录不存在")
RecordMatched = define_error("CollectionRecordMatched", 409, "COLLECTION_RECORD_MATCHED",
                             "该记录已记名成功，不能删除（只能删除记名不成功或处理中的记录）")
RecordDuplicate = define_error("CollectionRecordDuplicate", 409, "COLLECTION_RECORD_DUPLICATE",
                               "本部门已提供过该主体相同文号的同类记录")
RecordPending = define_error("CollectionRecordPending", 409, "COLLECTION_RECORD_PENDING",
                             "该记录所在的导入任务仍在处理中，请等导入完成后再修改或删除")
BusinessNotFound = define_error("CollectionBusinessNotFound", 404, "COLLECTION_BUSINESS_NOT_FOUND",
                                "未在市场主体登记库中查询到该主体")
SubjectRequired = define_error("CollectionSubjectRequired", 422, "COLLECTION_SUBJECT_REQUIRED",
                               "请先查询并选择主体，或填写统一社会信用代码/注册号或主体名称")
FieldsInvalid = define_error("CollectionFieldsInvalid", 422, "COLLECTION_FIELDS_INVALID", "填写的信息有误")
FileInvalid = define_error("CollectionFileInvalid", 400, "COLLECTION_FILE_INVALID",
                           "请上传按模板填写的 Excel 文件（.xlsx）或数据接口 XML 文件")
HeaderInvalid = define_error("CollectionHeaderInvalid", 400, "COLLECTION_HEADER_INVALID",
                             "表头与模板不一致，请下载模板后按模板填写")
TooManyRows = define_error("CollectionTooManyRows", 400, "COLLECTION_TOO_MANY_ROWS", "单个文件的数据行数超出上限")
XmlDoctype = define_error("CollectionXmlDoctype", 400, "COLLECTION_XML_DOCTYPE",
                          "XML 文件不能包含 DOCTYPE 或实体声明，请按数据接口说明生成文件")
XmlInvalid = define_error("CollectionXmlInvalid", 400, "COLLECTION_XML_INVALID", "XML 文件格式错误")
KindMismatch = define_error("CollectionKindMismatch", 400, "COLLECTION_KIND_MISMATCH",
                            "文件中的信息类别与所选信息类别不一致")
ImportNotFound = define_error("CollectionImportNotFound", 404, "COLLECTION_IMPORT_NOT_FOUND", "导入任务不存在")
ReportMissing = define_error("CollectionReportMissing", 404, "COLLECTION_REPORT_MISSING",
                             "该导入任务没有失败或记名不成功的记录，或尚未完成")
