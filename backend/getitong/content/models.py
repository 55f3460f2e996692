"""News and laws: one article table (kind news or law) with its attachments."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from getitong.content.workflow import ContentStatus


class ArticleKind(StrEnum):
    NEWS = "news"
    LAW = "law"


class NewsCategory(StrEnum):
    POLICY_INTERPRETATION = "policy_interpretation"
    WORK_NEWS = "work_news"
    NOTICE = "notice"
    TYPICAL_CASE = "typical_case"
    EXPERIENCE = "experience"
    ACTIVITY = "activity"


class LawCategory(StrEnum):
    LAW = "law"
    ADMINISTRATIVE_REGULATION = "administrative_regulation"
    DEPARTMENTAL_RULE = "departmental_rule"
    LOCAL_REGULATION = "local_regulation"
    LOCAL_GOVERNMENT_RULE = "local_government_rule"
    NORMATIVE_DOCUMENT = "normative_document"
    INTERPRETATION = "interpretation"


class Validity(StrEnum):
    EFFECTIVE = "effective"
    AMENDED = "amended"
    REPEALED = "repealed"


CATEGORY_LABELS: dict[str, str] = {
    NewsCategory.POLICY_INTERPRETATION: "政策解读",
    NewsCategory.WORK_NEWS: "工作动态",
    NewsCategory.NOTICE: "通知公告",
    NewsCategory.TYPICAL_CASE: "典型案例",
    NewsCategory.EXPERIENCE: "典型经验",
    NewsCategory.ACTIVITY: "活动资讯",
    LawCategory.LAW: "法律",
    LawCategory.ADMINISTRATIVE_REGULATION: "行政法规",
    LawCategory.DEPARTMENTAL_RULE: "部门规章",
    LawCategory.LOCAL_REGULATION: "地方性法规",
    LawCategory.LOCAL_GOVERNMENT_RULE: "地方政府规章",
    LawCategory.NORMATIVE_DOCUMENT: "规范性文件",
    LawCategory.INTERPRETATION: "法规解读",
}

VALIDITY_LABELS = {Validity.EFFECTIVE: "现行有效", Validity.AMENDED: "已修订", Validity.REPEALED: "已废止"}

KIND_CATEGORIES: dict[ArticleKind, type[StrEnum]] = {ArticleKind.NEWS: NewsCategory, ArticleKind.LAW: LawCategory}


class Article(Model):
    """A news item or a law with its interpretation, written by staff of an org and published to shop owners."""

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharEnumField(ArticleKind, max_length=8)
    title = fields.CharField(max_length=200)
    summary = fields.CharField(max_length=500, default="")
    # Sanitized on every save (content.sanitize): safe to render as HTML in both clients.
    body_html = fields.TextField()
    category = fields.CharField(max_length=32)
    # Laws only (empty for news): issuing authority, document number, effective date, validity.
    issuer = fields.CharField(max_length=128, default="")
    doc_number = fields.CharField(max_length=128, default="")
    effective_date = fields.DateField(null=True)
    validity = fields.CharEnumField(Validity, max_length=16, null=True)
    interpretation_html = fields.TextField(default="")
    cover = fields.ForeignKeyField("models.StoredFile", related_name=False, null=True, on_delete=fields.RESTRICT)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    region_code = fields.CharField(max_length=12)
    author = fields.ForeignKeyField("models.StaffUser", related_name=False, on_delete=fields.RESTRICT)
    status = fields.CharEnumField(ContentStatus, max_length=16, default=ContentStatus.DRAFT)
    published_at = fields.DatetimeField(null=True)
    withdrawn_at = fields.DatetimeField(null=True)
    withdraw_reason = fields.CharField(max_length=500, default="")
    view_count = fields.BigIntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "content_article"
        indexes = (("kind", "status", "published_at", "id"), ("org_id", "kind", "id"))


class ArticleAttachment(Model):
    """A file attached to an article, in display order."""

    id = fields.BigIntField(primary_key=True)
    article = fields.ForeignKeyField("content.Article", related_name="attachments", on_delete=fields.CASCADE)
    file = fields.ForeignKeyField("models.StoredFile", related_name=False, on_delete=fields.RESTRICT)
    sort = fields.IntField(default=0)

    class Meta:
        table = "content_article_attachment"
        unique_together = (("article", "file"),)
