"""Credit repair (信用修复): the application, the listings it covers, its materials and its event history."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from getitong.credit.workflow import CreditStatus
from getitong.risk.workflow import ListingKind


class Channel(StrEnum):
    MINIPROGRAM = "miniprogram"  # 移动端申请
    STAFF = "staff"              # 审批端直接受理


CHANNEL_LABELS = {Channel.MINIPROGRAM: "移动端申请", Channel.STAFF: "审批端直接受理"}


class MaterialType(StrEnum):
    APPLICATION = "application"
    COMMITMENT = "commitment"
    RECTIFICATION = "rectification"
    LICENSE = "license"
    IDENTITY = "identity"
    OTHER = "other"


MATERIAL_LABELS = {
    MaterialType.APPLICATION: "信用修复申请书",
    MaterialType.COMMITMENT: "守信承诺书",
    MaterialType.RECTIFICATION: "履行法定义务、纠正违法行为的相关材料",
    MaterialType.LICENSE: "营业执照复印件",
    MaterialType.IDENTITY: "法定代表人（经营者）身份证明",
    MaterialType.OTHER: "其他材料",
}
REQUIRED_MATERIALS = (MaterialType.APPLICATION, MaterialType.COMMITMENT)


class CreditApplication(Model):
    """A credit-repair application, handled by the office that made the listing (谁列入谁修复) or the
    office it was transferred to within the same district. Phone encrypted with a blind index."""

    id = fields.BigIntField(primary_key=True)
    number = fields.CharField(max_length=32, unique=True)
    kind = fields.CharEnumField(ListingKind, max_length=32)
    channel = fields.CharEnumField(Channel, max_length=16)
    status = fields.CharEnumField(CreditStatus, max_length=16, default=CreditStatus.SUBMITTED)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.RESTRICT)
    business_name = fields.CharField(max_length=128)
    business_uscc = fields.CharField(max_length=18)
    region_code = fields.CharField(max_length=12)
    person = fields.ForeignKeyField("models.Person", related_name=False, null=True, on_delete=fields.RESTRICT)
    applicant_name = fields.CharField(max_length=64)
    phone_enc = fields.CharField(max_length=255, null=True)
    phone_index = fields.CharField(max_length=64, null=True)
    reason = fields.TextField(default="")
    list_org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    handling_org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True, on_delete=fields.SET_NULL)
    submitted_at = fields.DatetimeField()
    accept_due_on = fields.DateField()
    accepted_at = fields.DatetimeField(null=True)
    decide_due_on = fields.DateField(null=True)
    decided_at = fields.DatetimeField(null=True)
    remove_due_on = fields.DateField(null=True)
    decision_no = fields.CharField(max_length=64, null=True)
    last_reason = fields.TextField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "credit_application"
        indexes = (("handling_org_id", "status", "id"), ("handling_org_id", "id"), ("phone_index", "id"),
                   ("business_id", "id"), ("region_code", "id"))


class CreditApplicationListing(Model):
    """A listing an application asks to remove. open_listing_id holds the listing id while the application
    is open (unique), so a listing has at most one open application even under concurrent submissions."""

    id = fields.BigIntField(primary_key=True)
    application = fields.ForeignKeyField("credit.CreditApplication", related_name="listings",
                                         on_delete=fields.CASCADE)
    listing = fields.ForeignKeyField("risk.Listing", related_name=False, on_delete=fields.RESTRICT)
    open_listing_id = fields.BigIntField(null=True, unique=True)

    class Meta:
        table = "credit_application_listing"
        unique_together = (("application", "listing"),)


class CreditMaterial(Model):
    """One typed material file (an upload of the applicant or of the staff who opened the application)."""

    id = fields.BigIntField(primary_key=True)
    application = fields.ForeignKeyField("credit.CreditApplication", related_name="materials",
                                         on_delete=fields.CASCADE)
    type = fields.CharEnumField(MaterialType, max_length=16)
    file = fields.ForeignKeyField("models.StoredFile", related_name=False, on_delete=fields.RESTRICT)

    class Meta:
        table = "credit_material"
        indexes = (("application_id", "id"),)


class CreditEvent(Model):
    """One step of the history (and of the approval form), written in the same transaction as the change."""

    id = fields.BigIntField(primary_key=True)
    application = fields.ForeignKeyField("credit.CreditApplication", related_name="events",
                                         on_delete=fields.CASCADE)
    actor_type = fields.CharField(max_length=16)
    actor_id = fields.BigIntField(null=True)
    actor_name = fields.CharField(max_length=64, default="")
    actor_org_id = fields.BigIntField(null=True)
    actor_org_name = fields.CharField(max_length=128, default="")
    action = fields.CharField(max_length=16)
    from_status = fields.CharField(max_length=16, null=True)
    to_status = fields.CharField(max_length=16)
    comment = fields.TextField(default="")
    payload = fields.JSONField(default=dict)
    at = fields.DatetimeField()

    class Meta:
        table = "credit_event"
        indexes = (("application_id", "id"),)
