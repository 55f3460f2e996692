"""联合惩戒: catalog entries, published matters with their subjects and entries, feedback, list downloads."""

from tortoise import fields
from tortoise.models import Model


class CatalogEntry(Model):
    """惩戒目录: 项目名称, 提请机关, 惩戒机关 (a department), 惩戒依据, 惩戒措施."""

    id = fields.BigIntField(primary_key=True)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    name = fields.CharField(max_length=128)
    proposing_org = fields.CharField(max_length=128)
    department = fields.ForeignKeyField("notices.Department", related_name=False, on_delete=fields.RESTRICT)
    basis = fields.TextField()
    measures = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "punishment_catalog"
        unique_together = (("name", "department"),)


class Matter(Model):
    """惩戒事项: one decision naming subjects and catalog entries, published to the entries' departments."""

    id = fields.BigIntField(primary_key=True)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    category = fields.CharField(max_length=32)
    decision_no = fields.CharField(max_length=128)
    decision_org = fields.CharField(max_length=128)
    decision_date = fields.DateField()
    expected_on = fields.DateField(null=True)
    requirements = fields.TextField(default="")
    published_at = fields.DatetimeField()
    published_by = fields.CharField(max_length=64)
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, on_delete=fields.RESTRICT)

    class Meta:
        table = "punishment_matter"
        indexes = (("org_id", "id"),)


class MatterSubject(Model):
    """A business named by a matter, as the register had it when published."""

    id = fields.BigIntField(primary_key=True)
    matter = fields.ForeignKeyField("punishment.Matter", related_name="subjects", on_delete=fields.CASCADE)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.RESTRICT)
    name = fields.CharField(max_length=128)
    uscc = fields.CharField(max_length=18)
    operator_name = fields.CharField(max_length=64)

    class Meta:
        table = "punishment_subject"
        unique_together = (("matter", "business"),)
        indexes = (("business_id", "id"),)


class MatterEntry(Model):
    """A catalog entry a matter applies (its department is told)."""

    id = fields.BigIntField(primary_key=True)
    matter = fields.ForeignKeyField("punishment.Matter", related_name="entries", on_delete=fields.CASCADE)
    entry = fields.ForeignKeyField("punishment.CatalogEntry", related_name=False, on_delete=fields.RESTRICT)
    department = fields.ForeignKeyField("notices.Department", related_name=False, on_delete=fields.RESTRICT)

    class Meta:
        table = "punishment_matter_entry"
        unique_together = (("matter", "entry"),)
        indexes = (("department_id", "id"),)


class Feedback(Model):
    """惩戒实施反馈: what a department did to one subject under one entry."""

    id = fields.BigIntField(primary_key=True)
    matter = fields.ForeignKeyField("punishment.Matter", related_name=False, on_delete=fields.CASCADE)
    entry = fields.ForeignKeyField("punishment.CatalogEntry", related_name=False, on_delete=fields.RESTRICT)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.RESTRICT)
    department = fields.ForeignKeyField("notices.Department", related_name=False, on_delete=fields.RESTRICT)
    implemented_on = fields.DateField()
    measure = fields.TextField()
    note = fields.CharField(max_length=500, default="")
    by_name = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "punishment_feedback"
        indexes = (("matter_id", "id"), ("department_id", "implemented_on"))


class ListDownload(Model):
    """A department has downloaded a listing (the lists' 下载状态)."""

    id = fields.BigIntField(primary_key=True)
    department = fields.ForeignKeyField("notices.Department", related_name=False, on_delete=fields.CASCADE)
    listing = fields.ForeignKeyField("risk.Listing", related_name=False, on_delete=fields.CASCADE)
    downloaded_at = fields.DatetimeField()

    class Meta:
        table = "punishment_list_download"
        unique_together = (("department", "listing"),)
