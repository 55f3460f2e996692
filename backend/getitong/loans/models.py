"""Loans (金融支持): institution profiles, loan products, applications with their history, notifications, webhooks."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from getitong.loans.workflow import ApplicationStatus, ProductStatus


class GuaranteeType(StrEnum):
    CREDIT = "credit"
    GUARANTEE = "guarantee"
    MORTGAGE = "mortgage"
    PLEDGE = "pledge"
    COMBINED = "combined"


GUARANTEE_LABELS = {GuaranteeType.CREDIT: "信用", GuaranteeType.GUARANTEE: "保证担保",
                    GuaranteeType.MORTGAGE: "抵押", GuaranteeType.PLEDGE: "质押",
                    GuaranteeType.COMBINED: "组合担保"}


class InstitutionProfile(Model):
    """What the loans domain adds to a financial institution: contact, introduction, outbound webhook."""

    id = fields.BigIntField(primary_key=True)
    institution = fields.OneToOneField("models.FinancialInstitution", related_name=False, on_delete=fields.CASCADE)
    short_name = fields.CharField(max_length=64, default="")
    contact_name = fields.CharField(max_length=64, default="")
    contact_phone = fields.CharField(max_length=32, default="")
    address = fields.CharField(max_length=255, default="")
    intro = fields.TextField(default="")
    webhook_url = fields.CharField(max_length=500, default="")
    webhook_secret_enc = fields.CharField(max_length=255, null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "loan_institution_profile"


class LoanProduct(Model):
    """A loan product of one institution, amounts in yuan and rates in percent per year."""

    id = fields.BigIntField(primary_key=True)
    institution = fields.ForeignKeyField("models.FinancialInstitution", related_name=False,
                                         on_delete=fields.RESTRICT)
    name = fields.CharField(max_length=100)
    amount_min = fields.DecimalField(max_digits=14, decimal_places=2)
    amount_max = fields.DecimalField(max_digits=14, decimal_places=2)
    rate_min = fields.DecimalField(max_digits=6, decimal_places=2)
    rate_max = fields.DecimalField(max_digits=6, decimal_places=2)
    term_months_min = fields.IntField()
    term_months_max = fields.IntField()
    guarantee_type = fields.CharEnumField(GuaranteeType, max_length=16)
    eligibility = fields.TextField(default="")
    description = fields.TextField(default="")
    status = fields.CharEnumField(ProductStatus, max_length=16, default=ProductStatus.DRAFT)
    published_at = fields.DatetimeField(null=True)
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True, on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "loan_product"
        indexes = (("status", "id"), ("institution_id", "status", "id"))


class LoanApplication(Model):
    """A business applying for a product: a frozen snapshot of the business goes to the institution."""

    id = fields.BigIntField(primary_key=True)
    product = fields.ForeignKeyField("loans.LoanProduct", related_name=False, on_delete=fields.RESTRICT)
    institution = fields.ForeignKeyField("models.FinancialInstitution", related_name=False,
                                         on_delete=fields.RESTRICT)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.RESTRICT)
    person = fields.ForeignKeyField("models.Person", related_name=False, on_delete=fields.RESTRICT)
    # Set while the application is open, NULL once closed: the unique index allows one open one per product.
    open_key = fields.CharField(max_length=64, null=True, unique=True)
    amount = fields.DecimalField(max_digits=14, decimal_places=2)
    purpose = fields.CharField(max_length=500, default="")
    contact_name = fields.CharField(max_length=64)
    contact_phone_enc = fields.CharField(max_length=255)
    business_snapshot = fields.JSONField()
    product_snapshot = fields.JSONField()
    status = fields.CharEnumField(ApplicationStatus, max_length=16, default=ApplicationStatus.SUBMITTED)
    approved_amount = fields.DecimalField(max_digits=14, decimal_places=2, null=True)
    approved_rate = fields.DecimalField(max_digits=6, decimal_places=2, null=True)
    approved_term_months = fields.IntField(null=True)
    granted_amount = fields.DecimalField(max_digits=14, decimal_places=2, null=True)
    granted_on = fields.DateField(null=True)
    last_note = fields.TextField(default="")
    submitted_at = fields.DatetimeField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "loan_application"
        indexes = (("business_id", "id"), ("institution_id", "status", "id"), ("product_id", "id"))


class LoanApplicationEvent(Model):
    """One step of an application, written in the same transaction as the status change."""

    id = fields.BigIntField(primary_key=True)
    application = fields.ForeignKeyField("loans.LoanApplication", related_name="events", on_delete=fields.CASCADE)
    actor_type = fields.CharField(max_length=16)
    actor_id = fields.BigIntField(null=True)
    actor_name = fields.CharField(max_length=64, default="")
    action = fields.CharField(max_length=16)
    from_status = fields.CharField(max_length=16, null=True)
    to_status = fields.CharField(max_length=16)
    note = fields.TextField(default="")
    payload = fields.JSONField(default=dict)
    at = fields.DatetimeField()

    class Meta:
        table = "loan_application_event"
        indexes = (("application_id", "id"),)


class LoanNotification(Model):
    """An in-app notice to an institution (its staff share one inbox)."""

    id = fields.BigIntField(primary_key=True)
    institution = fields.ForeignKeyField("models.FinancialInstitution", related_name=False,
                                         on_delete=fields.CASCADE)
    application = fields.ForeignKeyField("loans.LoanApplication", related_name=False, null=True,
                                         on_delete=fields.CASCADE)
    kind = fields.CharField(max_length=32)
    title = fields.CharField(max_length=100)
    body = fields.CharField(max_length=500, default="")
    read_at = fields.DatetimeField(null=True)
    read_by_id = fields.BigIntField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "loan_notification"
        indexes = (("institution_id", "id"), ("institution_id", "read_at"))


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    GAVE_UP = "gave_up"


class WebhookDelivery(Model):
    """One event to POST to an institution's webhook, stored with the event so a restart loses nothing."""

    id = fields.BigIntField(primary_key=True)
    institution = fields.ForeignKeyField("models.FinancialInstitution", related_name=False,
                                         on_delete=fields.CASCADE)
    application = fields.ForeignKeyField("loans.LoanApplication", related_name=False, null=True,
                                         on_delete=fields.CASCADE)
    event = fields.CharField(max_length=64)
    payload = fields.JSONField()
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=500, default="")
    last_http_status = fields.IntField(null=True)
    delivered_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "loan_webhook_delivery"
        indexes = (("status", "next_attempt_at"), ("institution_id", "id"))
