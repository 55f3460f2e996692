"""Shop-owner people (经营者 and their staff) and their links to businesses."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class LinkRole(StrEnum):
    OPERATOR = "operator"


LINK_ROLE_LABELS = {LinkRole.OPERATOR: "经营者"}


class Person(Model):
    id = fields.BigIntField(primary_key=True)
    phone_index = fields.CharField(max_length=64, unique=True)
    phone_enc = fields.CharField(max_length=255)
    name = fields.CharField(max_length=64)
    password_hash = fields.CharField(max_length=255, null=True)
    wechat_openid = fields.CharField(max_length=64, null=True, unique=True)
    privacy_version = fields.CharField(max_length=32)
    privacy_agreed_at = fields.DatetimeField()
    is_active = fields.BooleanField(default=True)
    last_business_id = fields.BigIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "person"


class PersonBusiness(Model):
    id = fields.BigIntField(primary_key=True)
    person = fields.ForeignKeyField("models.Person", related_name="links", on_delete=fields.CASCADE)
    business = fields.ForeignKeyField("models.Business", related_name="links", on_delete=fields.CASCADE)
    role = fields.CharEnumField(LinkRole, max_length=16, default=LinkRole.OPERATOR)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "person_business"
        unique_together = (("person", "business"),)
