"""The market-entity register (市场主体登记库) and the region catalogue."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class EntityKind(StrEnum):
    INDIVIDUAL = "individual"
    ENTERPRISE = "enterprise"
    COOPERATIVE = "cooperative"


KIND_LABELS = {EntityKind.INDIVIDUAL: "个体工商户", EntityKind.ENTERPRISE: "企业",
               EntityKind.COOPERATIVE: "农民专业合作社"}


class EntityStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    REVOKED = "revoked"


STATUS_LABELS = {EntityStatus.ACTIVE: "存续（在营）", EntityStatus.CANCELLED: "注销", EntityStatus.REVOKED: "吊销"}


class ScaleType(StrEnum):
    SURVIVAL = "survival"
    GROWTH = "growth"
    DEVELOPMENT = "development"


SCALE_LABELS = {ScaleType.SURVIVAL: "生存型", ScaleType.GROWTH: "成长型", ScaleType.DEVELOPMENT: "发展型"}


class Region(Model):
    """Administrative division (GB/T 2260 codes): 省 → 市 → 区/县."""

    code = fields.CharField(max_length=12, primary_key=True)
    name = fields.CharField(max_length=64)
    parent_code = fields.CharField(max_length=12, null=True, db_index=True)
    level = fields.IntField()

    class Meta:
        table = "region"


class Business(Model):
    id = fields.BigIntField(primary_key=True)
    uscc = fields.CharField(max_length=18, unique=True)
    reg_no = fields.CharField(max_length=32, null=True, db_index=True)
    name = fields.CharField(max_length=128, db_index=True)
    kind = fields.CharEnumField(EntityKind, max_length=16, default=EntityKind.INDIVIDUAL)
    operator_name = fields.CharField(max_length=64)
    operator_id_enc = fields.CharField(max_length=255, null=True)
    operator_id_index = fields.CharField(max_length=64, null=True, db_index=True)
    region_code = fields.CharField(max_length=12)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    industry = fields.CharField(max_length=64, default="")
    address = fields.CharField(max_length=255, default="")
    # 资金数额 / 注册资本 in 万元 as registered, and the 经营范围 wording (企业搜索 filters on both).
    capital = fields.DecimalField(max_digits=14, decimal_places=4, null=True)
    business_scope = fields.TextField(default="", db_default="")
    established_on = fields.DateField(null=True)
    status = fields.CharEnumField(EntityStatus, max_length=16, default=EntityStatus.ACTIVE)
    scale_type = fields.CharEnumField(ScaleType, max_length=16, null=True)
    tags = fields.JSONField(default=list)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "business"
        # Hot paths filter by region (the future shard key) and page by id.
        indexes = (("region_code", "id"), ("org_id", "id"))
