"""Policy matters (政策事项) with their targeting, and 免申即享 benefits with eligibility, events and attempts."""

from tortoise import fields
from tortoise.models import Model

from getitong.policies.workflow import EligibilityStatus, PolicyStatus


class Policy(Model):
    """Policy matter (政策事项) published by an org, matched to businesses by its targets"""

    id = fields.BigIntField(primary_key=True)
    title = fields.CharField(max_length=200)
    summary = fields.CharField(max_length=500, default="")
    body = fields.TextField(default="")
    department = fields.CharField(max_length=128, default="")
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    valid_from = fields.DateField(null=True)
    valid_to = fields.DateField(null=True)
    status = fields.CharEnumField(PolicyStatus, max_length=16, default=PolicyStatus.DRAFT)
    # Targeting as entered (empty list = everyone; empty regions = the issuing org's region).
    scale_types = fields.JSONField(default=list)
    tags = fields.JSONField(default=list)
    industries = fields.JSONField(default=list)
    region_codes = fields.JSONField(default=list)
    # Monotonic publication key (epoch microseconds) so the shop list pages newest-first by integers.
    publish_seq = fields.BigIntField(null=True)
    published_at = fields.DatetimeField(null=True)
    withdrawn_at = fields.DatetimeField(null=True)
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True,
                                        on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "policy"
        indexes = (("status", "publish_seq"), ("org_id", "id"))


class PolicyTarget(Model):
    """One effective targeting value of a policy (kind is scale, tag, industry or region)"""

    id = fields.BigIntField(primary_key=True)
    policy = fields.ForeignKeyField("policies.Policy", related_name="targets", on_delete=fields.CASCADE)
    kind = fields.CharField(max_length=16)
    value = fields.CharField(max_length=64)

    class Meta:
        table = "policy_target"
        unique_together = (("policy", "kind", "value"),)
        indexes = (("kind", "value"),)


class Benefit(Model):
    """A 免申即享 benefit whose eligible businesses are pushed, confirmed and forwarded to the platform"""

    id = fields.BigIntField(primary_key=True)
    code = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=200)
    policy = fields.ForeignKeyField("policies.Policy", related_name=False, null=True, on_delete=fields.SET_NULL)
    amount = fields.DecimalField(max_digits=14, decimal_places=2, null=True)
    description = fields.TextField(default="")
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True,
                                        on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "benefit"
        indexes = (("org_id", "id"),)


class BenefitEligibility(Model):
    """One business eligible for one benefit, with its status and the forwarding state"""

    id = fields.BigIntField(primary_key=True)
    benefit = fields.ForeignKeyField("policies.Benefit", related_name="eligibilities", on_delete=fields.CASCADE)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.CASCADE)
    status = fields.CharEnumField(EligibilityStatus, max_length=16, default=EligibilityStatus.PUSHED)
    source = fields.CharField(max_length=16, default="manual")
    pushed_at = fields.DatetimeField()
    confirmed_at = fields.DatetimeField(null=True)
    confirmed_by = fields.BigIntField(null=True)
    forwarded_at = fields.DatetimeField(null=True)
    platform_ref = fields.CharField(max_length=64, default="")
    forward_attempts = fields.IntField(default=0)
    last_error = fields.CharField(max_length=500, default="")
    next_attempt_at = fields.DatetimeField(null=True)
    forward_gave_up = fields.BooleanField(default=False)
    polled_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "benefit_eligibility"
        unique_together = (("benefit", "business"),)
        indexes = (("business_id", "id"), ("status", "next_attempt_at"))


class BenefitEvent(Model):
    """A status change of an eligibility: who, from, to, when"""

    id = fields.BigIntField(primary_key=True)
    eligibility = fields.ForeignKeyField("policies.BenefitEligibility", related_name="events",
                                         on_delete=fields.CASCADE)
    from_status = fields.CharField(max_length=16, null=True)
    to_status = fields.CharField(max_length=16)
    actor_type = fields.CharField(max_length=16)
    actor_id = fields.BigIntField(null=True)
    actor_name = fields.CharField(max_length=64, default="")
    note = fields.CharField(max_length=500, default="")
    payload = fields.JSONField(null=True)
    at = fields.DatetimeField()

    class Meta:
        table = "benefit_event"
        indexes = (("eligibility_id", "id"),)


class BenefitForwardAttempt(Model):
    """One HTTP attempt to forward a confirmed eligibility to the benefit platform"""

    id = fields.BigIntField(primary_key=True)
    eligibility = fields.ForeignKeyField("policies.BenefitEligibility", related_name="attempts",
                                         on_delete=fields.CASCADE)
    number = fields.IntField()
    ok = fields.BooleanField()
    http_status = fields.IntField(null=True)
    error = fields.CharField(max_length=500, default="")
    duration_ms = fields.IntField(default=0)
    at = fields.DatetimeField()

    class Meta:
        table = "benefit_forward_attempt"
        indexes = (("eligibility_id", "id"),)


class BenefitRun(Model):
    """A bulk marking run (by rule over the register or by Excel) and its outcome"""

    id = fields.BigIntField(primary_key=True)
    benefit = fields.ForeignKeyField("policies.Benefit", related_name="runs", on_delete=fields.CASCADE)
    kind = fields.CharField(max_length=16)
    status = fields.CharField(max_length=16, default="pending")
    criteria = fields.JSONField(null=True)
    total = fields.IntField(default=0)
    created = fields.IntField(default=0)
    skipped = fields.IntField(default=0)
    failed = fields.IntField(default=0)
    failures = fields.JSONField(default=list)
    error = fields.CharField(max_length=500, default="")
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True,
                                        on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "benefit_run"
        indexes = (("benefit_id", "id"),)
