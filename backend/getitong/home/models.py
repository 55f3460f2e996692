"""The home screen: the catalogue of apps staff manage, and each person's ordered home apps."""

from tortoise import fields
from tortoise.models import Model


class HomeApp(Model):
    """One app of the mini-program (every capability is one), managed by staff. code is what layouts keep"""

    id = fields.BigIntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=16)
    icon = fields.CharField(max_length=255)
    page = fields.CharField(max_length=255)
    description = fields.CharField(max_length=100, default="")
    sort = fields.IntField(default=0)
    enabled = fields.BooleanField(default=True)
    is_default = fields.BooleanField(default=False)
    badge = fields.CharField(max_length=16, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "home_app"


class HomeLayout(Model):
    """The ordered app codes one person keeps on the home screen (no row: the default apps)"""

    id = fields.BigIntField(primary_key=True)
    person = fields.OneToOneField("models.Person", related_name=False, on_delete=fields.CASCADE)
    apps = fields.JSONField(default=list)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "home_layout"
