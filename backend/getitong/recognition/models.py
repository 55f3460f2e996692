"""名特优新: recognition notices (分类认定公告), applications of businesses and their event history."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from getitong.recognition.workflow import AppStatus, NoticeStatus


class Category(StrEnum):
    MING = "ming"
    TE = "te"
    YOU = "you"
    XIN = "xin"


CATEGORY_LABELS = {Category.MING: "名", Category.TE: "特", Category.YOU: "优", Category.XIN: "新"}
CATEGORY_NAMES = {Category.MING: "“名”（知名）", Category.TE: "“特”（特色）", Category.YOU: "“优”（优质）",
                  Category.XIN: "“新”（新兴）"}


class Step(StrEnum):
    """The wizard of seed 000 §1.1.8, in order."""

    READ_NOTICE = "read_notice"
    PROMISE = "promise"
    CATEGORY = "category"
    INFO = "info"
    DECLARATION = "declaration"
    MATERIALS = "materials"


STEP_LABELS = {Step.READ_NOTICE: "阅读须知", Step.PROMISE: "承诺", Step.CATEGORY: "选择分类", Step.INFO: "完善信息",
               Step.DECLARATION: "申报信息", Step.MATERIALS: "认定材料"}
STEPS = list(Step)


class SubjectType(StrEnum):
    PRODUCT = "product"
    SERVICE = "service"
    CRAFT = "craft"
    BRAND = "brand"


SUBJECT_LABELS = {SubjectType.PRODUCT: "产品", SubjectType.SERVICE: "服务", SubjectType.CRAFT: "技艺",
                  SubjectType.BRAND: "品牌/字号"}


class MaterialType(StrEnum):
    LICENSE = "license"
    HONOR = "honor"
    QUALITY = "quality"
    IP = "ip"
    PREMISES = "premises"
    FINANCE = "finance"
    OTHER = "other"


MATERIAL_LABELS = {MaterialType.LICENSE: "营业执照", MaterialType.HONOR: "荣誉证书/获奖证明",
                   MaterialType.QUALITY: "质量检测报告", MaterialType.IP: "商标/专利证书",
                   MaterialType.PREMISES: "经营场所照片", MaterialType.FINANCE: "纳税/社保缴纳证明",
                   MaterialType.OTHER: "其他材料"}


class RecognitionNotice(Model):
    """A recognition notice published by an org, open to the businesses registered in its subtree."""

    id = fields.BigIntField(primary_key=True)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    region_code = fields.CharField(max_length=12)
    title = fields.CharField(max_length=200)
    content = fields.TextField()
    promise = fields.TextField()
    categories = fields.JSONField(default=list)
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    status = fields.CharEnumField(NoticeStatus, max_length=16, default=NoticeStatus.DRAFT)
    published_at = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True,
                                        on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "recognition_notice"
        indexes = (("org_id", "status", "id"), ("status", "id"))


class RecognitionApplication(Model):
    """One application of a business under a notice (at most one per business and notice).

    org is the org of the notice (the reviewers data scope), region_code the region of the business."""

    id = fields.BigIntField(primary_key=True)
    notice = fields.ForeignKeyField("recognition.RecognitionNotice", related_name=False, on_delete=fields.RESTRICT)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.RESTRICT)
    person = fields.ForeignKeyField("models.Person", related_name=False, on_delete=fields.RESTRICT)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    region_code = fields.CharField(max_length=12)
    business_name = fields.CharField(max_length=128)
    status = fields.CharEnumField(AppStatus, max_length=16, default=AppStatus.DRAFT)
    read_at = fields.DatetimeField(null=True)
    promised_at = fields.DatetimeField(null=True)
    category = fields.CharEnumField(Category, max_length=8, null=True)
    employees = fields.IntField(null=True)
    social_insured = fields.IntField(null=True)
    revenue = fields.DecimalField(max_digits=16, decimal_places=2, null=True)
    net_profit = fields.DecimalField(max_digits=16, decimal_places=2, null=True)
    introduction = fields.TextField(null=True)
    declaration = fields.JSONField(null=True)
    materials = fields.JSONField(null=True)
    reason = fields.TextField(default="")
    submit_count = fields.IntField(default=0)
    submitted_at = fields.DatetimeField(null=True)
    decided_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "recognition_application"
        unique_together = (("notice", "business"),)
        indexes = (("org_id", "status", "id"), ("notice_id", "status", "id"), ("business_id", "id"))


class RecognitionEvent(Model):
    """One transition of an application, written in the same transaction as the status change."""

    id = fields.BigIntField(primary_key=True)
    application = fields.ForeignKeyField("recognition.RecognitionApplication", related_name=False,
                                         on_delete=fields.CASCADE)
    actor_type = fields.CharField(max_length=16)
    actor_id = fields.BigIntField(null=True)
    actor_name = fields.CharField(max_length=64, default="")
    actor_org_id = fields.BigIntField(null=True)
    action = fields.CharField(max_length=16)
    from_status = fields.CharField(max_length=16, null=True)
    to_status = fields.CharField(max_length=16)
    comment = fields.TextField(default="")
    at = fields.DatetimeField()

    class Meta:
        table = "recognition_event"
        indexes = (("application_id", "id"),)
