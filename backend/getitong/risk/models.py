"""Risk records: administrative penalties, listings (serious violation / abnormal operation), imports."""

from tortoise import fields
from tortoise.models import Model

from getitong.risk.workflow import ImportKind, ImportStatus, ListingKind, ListingStatus, RemovalSource


class Penalty(Model):
    """Administrative penalty (行政处罚) recorded against a business. Amounts are in 万元 as published.
    org is the registration org of the business (the data-scope column), decision_org the deciding org."""

    id = fields.BigIntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.RESTRICT)
    region_code = fields.CharField(max_length=12)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    doc_no = fields.CharField(max_length=128)
    penalty_name = fields.CharField(max_length=255, default="")
    penalty_type = fields.CharField(max_length=128)
    basis = fields.TextField()
    violation_type = fields.TextField()
    content = fields.TextField()
    fine_amount = fields.DecimalField(max_digits=18, decimal_places=6, null=True)
    confiscated_amount = fields.DecimalField(max_digits=18, decimal_places=6, null=True)
    decided_on = fields.DateField()
    published_on = fields.DateField()
    decision_org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    decision_org_name = fields.CharField(max_length=128)
    import_job = fields.ForeignKeyField("risk.RiskImport", related_name=False, null=True, on_delete=fields.SET_NULL)
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True, on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "risk_penalty"
        # One decision number per business: re-importing it never duplicates.
        unique_together = (("business", "doc_no"),)
        indexes = (("business_id", "id"), ("org_id", "id"), ("region_code", "id"))


class Listing(Model):
    """A listing of a business in the serious-violation list or an abnormal-operation list or state.
    Removal (by staff or by an approved credit repair) keeps the row and fills the removal columns."""

    id = fields.BigIntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.RESTRICT)
    region_code = fields.CharField(max_length=12)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    kind = fields.CharEnumField(ListingKind, max_length=32)
    status = fields.CharEnumField(ListingStatus, max_length=16, default=ListingStatus.LISTED)
    doc_no = fields.CharField(max_length=128)
    list_reason = fields.TextField()
    listed_on = fields.DateField()
    list_org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    list_org_name = fields.CharField(max_length=128)
    remove_reason = fields.TextField(null=True)
    removed_on = fields.DateField(null=True)
    remove_org = fields.ForeignKeyField("models.Org", related_name=False, null=True, on_delete=fields.RESTRICT)
    remove_org_name = fields.CharField(max_length=128, null=True)
    removal_source = fields.CharEnumField(RemovalSource, max_length=16, null=True)
    removal_ref = fields.CharField(max_length=64, null=True)
    removed_by = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True, on_delete=fields.SET_NULL)
    import_job = fields.ForeignKeyField("risk.RiskImport", related_name=False, null=True, on_delete=fields.SET_NULL)
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True, on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "risk_listing"
        unique_together = (("business", "kind", "doc_no"),)
        indexes = (("business_id", "id"), ("org_id", "id"), ("region_code", "id"))


class RiskImport(Model):
    """One Excel import run in the background: progress counters and the failure report."""

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharEnumField(ImportKind, max_length=16)
    status = fields.CharEnumField(ImportStatus, max_length=16, default=ImportStatus.PENDING)
    file_name = fields.CharField(max_length=255, default="")
    source_file = fields.ForeignKeyField("models.StoredFile", related_name=False, on_delete=fields.RESTRICT)
    report_file = fields.ForeignKeyField("models.StoredFile", related_name=False, null=True,
                                         on_delete=fields.SET_NULL)
    total = fields.IntField(default=0)
    done = fields.IntField(default=0)
    imported = fields.IntField(default=0)
    failed = fields.IntField(default=0)
    error = fields.CharField(max_length=255, default="")
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "risk_import"
        indexes = (("org_id", "id"),)
