"""Appeals (诉求): the appeal, its event history, transfer slips and supervision notices."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from getitong.appeals.workflow import AppealStatus


class AppealType(StrEnum):
    CONSULT = "consult"
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    HELP = "help"
    OTHER = "other"


TYPE_LABELS = {AppealType.CONSULT: "咨询", AppealType.COMPLAINT: "投诉", AppealType.SUGGESTION: "建议",
               AppealType.HELP: "求助", AppealType.OTHER: "其他"}


class Rating(StrEnum):
    SATISFIED = "satisfied"
    BASIC = "basic"
    DISSATISFIED = "dissatisfied"


RATING_LABELS = {Rating.SATISFIED: "满意", Rating.BASIC: "基本满意", Rating.DISSATISFIED: "不满意"}


class Appeal(Model):
    """An appeal of a business, handled by the desk of the district org of the business registration org."""

    id = fields.BigIntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.RESTRICT)
    person = fields.ForeignKeyField("models.Person", related_name=False, on_delete=fields.RESTRICT)
    region_code = fields.CharField(max_length=12)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    unit_org = fields.ForeignKeyField("models.Org", related_name=False, null=True, on_delete=fields.RESTRICT)
    title = fields.CharField(max_length=100)
    type = fields.CharEnumField(AppealType, max_length=16)
    department = fields.CharField(max_length=64)
    content = fields.TextField()
    photos = fields.JSONField(default=list)
    query_code = fields.CharField(max_length=16, unique=True)
    query_password_hash = fields.CharField(max_length=255)
    status = fields.CharEnumField(AppealStatus, max_length=16, default=AppealStatus.SUBMITTED)
    submitted_at = fields.DatetimeField()
    accepted_at = fields.DatetimeField(null=True)
    transferred_at = fields.DatetimeField(null=True)
    reported_at = fields.DatetimeField(null=True)
    replied_at = fields.DatetimeField(null=True)
    transfer_due_at = fields.DatetimeField(null=True)
    finish_due_at = fields.DatetimeField()
    transfer_overdue = fields.BooleanField(default=False)
    finish_overdue = fields.BooleanField(default=False)
    is_overdue = fields.BooleanField(default=False)
    transfer_on_time = fields.BooleanField(null=True)
    finish_on_time = fields.BooleanField(null=True)
    handling_seconds = fields.BigIntField(null=True)
    out_of_scope = fields.BooleanField(default=False)
    reply = fields.TextField(null=True)
    reply_files = fields.JSONField(default=list)
    competent_department = fields.JSONField(null=True)
    reopened_once = fields.BooleanField(default=False)
    rating = fields.CharEnumField(Rating, max_length=16, null=True)
    rating_comment = fields.CharField(max_length=500, null=True)
    rated_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "appeal"
        # Each index is paid for on every submission: only those a query uses. Desk queue (org, status), unit
        # queue (unit, status), "my appeals" (business), statistics and period filters (org, submitted_at).
        indexes = (("org_id", "status", "id"), ("unit_org_id", "status", "id"), ("business_id", "id"),
                   ("org_id", "submitted_at"))


class AppealEvent(Model):
    """One step of the history of an appeal, written in the same transaction as the status change."""

    id = fields.BigIntField(primary_key=True)
    appeal = fields.ForeignKeyField("appeals.Appeal", related_name="events", on_delete=fields.CASCADE)
    actor_type = fields.CharField(max_length=16)
    actor_id = fields.BigIntField(null=True)
    actor_name = fields.CharField(max_length=64, default="")
    actor_org_id = fields.BigIntField(null=True)
    action = fields.CharField(max_length=32)
    from_status = fields.CharField(max_length=16, null=True)
    to_status = fields.CharField(max_length=16, null=True)
    comment = fields.TextField(default="")
    payload = fields.JSONField(default=dict)
    at = fields.DatetimeField()

    class Meta:
        table = "appeal_event"
        indexes = (("appeal_id", "id"),)


class TransferSlip(Model):
    """Transfer slip (转办单) from the desk to an undertaking unit."""

    id = fields.BigIntField(primary_key=True)
    appeal = fields.ForeignKeyField("appeals.Appeal", related_name="slips", on_delete=fields.CASCADE)
    unit_org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    requirements = fields.TextField(default="")
    due_at = fields.DatetimeField()
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField()
    closed_at = fields.DatetimeField(null=True)
    outcome = fields.CharField(max_length=16, null=True)

    class Meta:
        table = "appeal_transfer_slip"
        indexes = (("appeal_id", "id"),)


class Supervision(Model):
    """Supervision notice (督办) from a superior org to the handler of an appeal."""

    id = fields.BigIntField(primary_key=True)
    appeal = fields.ForeignKeyField("appeals.Appeal", related_name="supervisions", on_delete=fields.CASCADE)
    from_org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    to_org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    staff = fields.ForeignKeyField("models.StaffUser", related_name=False, on_delete=fields.RESTRICT)
    content = fields.TextField()
    created_at = fields.DatetimeField()

    class Meta:
        table = "appeal_supervision"
        indexes = (("appeal_id", "id"), ("to_org_id", "id"))
