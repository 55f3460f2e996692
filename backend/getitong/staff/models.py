"""Organisations (省局 → 市局 → 区局 → 监管所), their closure table, staff users, financial institutions."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class OrgLevel(StrEnum):
    PROVINCE = "province"
    CITY = "city"
    DISTRICT = "district"
    STATION = "station"


ORG_LEVEL_LABELS = {
    OrgLevel.PROVINCE: "省局",
    OrgLevel.CITY: "市(州)局",
    OrgLevel.DISTRICT: "县(区)局",
    OrgLevel.STATION: "监管所",
}


class Org(Model):
    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=128)
    level = fields.CharEnumField(OrgLevel, max_length=16)
    parent = fields.ForeignKeyField("models.Org", related_name="children", null=True, on_delete=fields.RESTRICT)
    region_code = fields.CharField(max_length=12, db_index=True)
    sort = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "org"


class OrgClosure(Model):
    """Every (ancestor, descendant) pair incl. (x, x), so that own-org-and-below is one indexed lookup."""

    id = fields.BigIntField(primary_key=True)
    ancestor = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.CASCADE)
    descendant = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.CASCADE)
    depth = fields.IntField()

    class Meta:
        table = "org_closure"
        unique_together = (("ancestor", "descendant"),)


class FinancialInstitution(Model):
    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=128, unique=True)
    region_code = fields.CharField(max_length=12)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "financial_institution"


class StaffUser(Model):
    id = fields.BigIntField(primary_key=True)
    username = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=64)
    phone_enc = fields.CharField(max_length=255, null=True)
    password_hash = fields.CharField(max_length=255)
    org = fields.ForeignKeyField("models.Org", related_name="staff", on_delete=fields.RESTRICT)
    institution = fields.ForeignKeyField("models.FinancialInstitution", related_name="staff", null=True,
                                         on_delete=fields.RESTRICT)
    roles = fields.JSONField(default=list)
    is_active = fields.BooleanField(default=True)
    must_change_password = fields.BooleanField(default=False)
    last_login_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "staff_user"
