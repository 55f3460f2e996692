"""Self-service registration (个体工商户智能审批): the application, its signers and its event history.

ID numbers and phones are encrypted with a blind index, as everywhere in the system.
"""

from tortoise import fields
from tortoise.models import Model

from getitong.registration.workflow import RegStatus


class Registration(Model):
    """One application for a new individual business, a server-side draft until submitted. name_key holds
    region, industry and trade name while the name is reserved (unique), so two applications never hold the
    same name even under concurrent saves."""

    id = fields.BigIntField(primary_key=True)
    number = fields.CharField(max_length=32, unique=True)
    person = fields.ForeignKeyField("models.Person", related_name=False, on_delete=fields.RESTRICT)
    status = fields.CharEnumField(RegStatus, max_length=16, default=RegStatus.DRAFT)
    business_type = fields.CharField(max_length=32)
    # Step 2: name, place, capital. The registration authority (登记机关) is the district org of the region.
    region_code = fields.CharField(max_length=12, null=True)
    org = fields.ForeignKeyField("models.Org", related_name=False, null=True, on_delete=fields.RESTRICT)
    named = fields.BooleanField(null=True)
    trade_name = fields.CharField(max_length=32, null=True)
    industry_word = fields.CharField(max_length=32, null=True)
    org_form = fields.CharField(max_length=16, null=True)
    name = fields.CharField(max_length=128, null=True)
    name_key = fields.CharField(max_length=128, null=True, unique=True)
    name_commitment_at = fields.DatetimeField(null=True)
    place = fields.CharField(max_length=255, null=True)
    capital = fields.DecimalField(max_digits=12, decimal_places=2, null=True)
    # Step 3: the operator (经营者); plain fields in JSON, identity numbers and phone encrypted.
    operator_name = fields.CharField(max_length=64, null=True)
    operator = fields.JSONField(null=True)
    operator_id_enc = fields.CharField(max_length=255, null=True)
    operator_id_index = fields.CharField(max_length=64, null=True, db_index=True)
    operator_phone_enc = fields.CharField(max_length=255, null=True)
    operator_phone_index = fields.CharField(max_length=64, null=True)
    id_photo = fields.ForeignKeyField("models.StoredFile", related_name=False, null=True, on_delete=fields.RESTRICT)
    # Step 4: basic information, scope, residence commitment.
    basic = fields.JSONField(null=True)
    scope = fields.JSONField(null=True)
    residence = fields.JSONField(null=True)
    # Steps 5-8.
    confirmed_at = fields.DatetimeField(null=True)
    sign_due_on = fields.DateField(null=True)
    submitted_at = fields.DatetimeField(null=True)
    rule_results = fields.JSONField(null=True)
    decided_at = fields.DatetimeField(null=True)
    decided_by = fields.CharField(max_length=16, null=True)  # auto | staff
    refuse_reason = fields.TextField(null=True)
    uscc = fields.CharField(max_length=18, null=True, unique=True)
    business = fields.ForeignKeyField("models.Business", related_name=False, null=True, on_delete=fields.RESTRICT)
    archive_no = fields.CharField(max_length=32, null=True, unique=True)
    archive = fields.JSONField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "registration"
        indexes = (("person_id", "id"), ("org_id", "status", "id"), ("org_id", "id"), ("region_code", "id"))


class RegistrationSigner(Model):
    """A person who must confirm their identity (实名认证) and sign (电子签名): for an individual business the
    operator. The signing link carries a random token; only its digest is looked up, the token itself is kept
    encrypted so the applicant can show the QR code again."""

    id = fields.BigIntField(primary_key=True)
    registration = fields.ForeignKeyField("registration.Registration", related_name="signers",
                                          on_delete=fields.CASCADE)
    role = fields.CharField(max_length=16, default="operator")
    name = fields.CharField(max_length=64)
    id_enc = fields.CharField(max_length=255)
    id_index = fields.CharField(max_length=64)
    token_digest = fields.CharField(max_length=64, unique=True)
    token_enc = fields.CharField(max_length=255)
    realname_at = fields.DatetimeField(null=True)
    realname_until = fields.DateField(null=True)
    signed_at = fields.DatetimeField(null=True)
    signature = fields.ForeignKeyField("models.StoredFile", related_name=False, null=True, on_delete=fields.RESTRICT)

    class Meta:
        table = "registration_signer"
        indexes = (("registration_id", "id"),)


class RegistrationEvent(Model):
    """One step of the history, written in the same transaction as the change."""

    id = fields.BigIntField(primary_key=True)
    registration = fields.ForeignKeyField("registration.Registration", related_name="events",
                                          on_delete=fields.CASCADE)
    actor_type = fields.CharField(max_length=16)
    actor_id = fields.BigIntField(null=True)
    actor_name = fields.CharField(max_length=64, default="")
    action = fields.CharField(max_length=16)
    from_status = fields.CharField(max_length=16, null=True)
    to_status = fields.CharField(max_length=16)
    comment = fields.TextField(default="")
    payload = fields.JSONField(default=dict)
    at = fields.DatetimeField()

    class Meta:
        table = "registration_event"
        indexes = (("registration_id", "id"),)
