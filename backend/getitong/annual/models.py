"""Annual reports (年度报告, SPEC E): each business's report status per report year, entered or imported by staff."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class ReportStatus(StrEnum):
    REPORTED = "reported"  # 已报送（按期）
    LATE = "late"          # 逾期补报
    MISSING = "missing"    # 未报送


STATUS_LABELS = {ReportStatus.REPORTED: "已报送", ReportStatus.LATE: "逾期补报", ReportStatus.MISSING: "未报送"}


class AnnualReport(Model):
    """The annual report of one business for one report year (reported from 1 January to 30 June of the next)"""

    id = fields.BigIntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.CASCADE)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    year = fields.IntField()
    status = fields.CharEnumField(ReportStatus, max_length=16)
    reported_on = fields.DateField(null=True)
    source = fields.CharField(max_length=16, default="entered")
    note = fields.CharField(max_length=200, default="")
    updated_by = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True, on_delete=fields.SET_NULL)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "annual_report"
        unique_together = (("business", "year"),)
        indexes = (("org_id", "year", "id"),)
