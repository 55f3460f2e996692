"""双随机 (random inspections): matter catalog, inspector pool, plans, draws, targets, teams and results."""

from tortoise import fields
from tortoise.indexes import PartialIndex
from tortoise.models import Model

from getitong.supervision.workflow import (
    CheckMethod,
    Confirm,
    Grouping,
    InspectorStatus,
    Outcome,
    PlanStatus,
    ResultStatus,
    ResultType,
    ScopeMode,
)


class CheckItem(Model):
    """检查项目 (a heading of the random-inspection matter list), owned by the org that keeps it."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=128)
    line = fields.CharField(max_length=32, default="市场监管")
    sort = fields.IntField(default=0)
    enabled = fields.BooleanField(default=True)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "supervision_check_item"


class CheckSubItem(Model):
    """检查子项: what the law says may be checked, with the method and the legal basis."""

    id = fields.BigIntField(primary_key=True)
    item = fields.ForeignKeyField("supervision.CheckItem", related_name="subitems", on_delete=fields.CASCADE)
    name = fields.CharField(max_length=255)
    method = fields.TextField()
    basis = fields.TextField()
    sort = fields.IntField(default=0)
    enabled = fields.BooleanField(default=True)

    class Meta:
        table = "supervision_check_subitem"


class CheckContent(Model):
    """检查内容 with the type of result recorded for it (options for choice, unit for numeric)."""

    id = fields.BigIntField(primary_key=True)
    subitem = fields.ForeignKeyField("supervision.CheckSubItem", related_name="contents", on_delete=fields.CASCADE)
    content = fields.TextField()
    result_type = fields.CharEnumField(ResultType, max_length=16)
    options = fields.JSONField(default=list)
    unit = fields.CharField(max_length=32, default="")
    sort = fields.IntField(default=0)
    enabled = fields.BooleanField(default=True)

    class Meta:
        table = "supervision_check_content"


class Inspector(Model):
    """A staff user in the inspector pool (执法检查人员名录库), org is the org of the user (the scope column)."""

    id = fields.BigIntField(primary_key=True)
    staff = fields.OneToOneField("models.StaffUser", related_name=False, on_delete=fields.RESTRICT)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    name = fields.CharField(max_length=64)
    gender = fields.CharField(max_length=4, default="")
    education = fields.CharField(max_length=32, default="")
    types = fields.JSONField(default=list)
    categories = fields.JSONField(default=list)
    region = fields.CharField(max_length=64, default="")
    cert_no = fields.CharField(max_length=64, default="")
    cert_valid_from = fields.DateField(null=True)
    cert_valid_to = fields.DateField(null=True)
    cert_issuer = fields.CharField(max_length=128, default="")
    skills = fields.JSONField(default=list)
    on_duty = fields.BooleanField(default=True)
    note = fields.CharField(max_length=500, default="")
    status = fields.CharEnumField(InspectorStatus, max_length=16, default=InspectorStatus.ACTIVE)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "supervision_inspector"
        indexes = (("org_id", "id"),)


class Recusal(Model):
    """A business an inspector must never inspect (回避), with the reason."""

    id = fields.BigIntField(primary_key=True)
    inspector = fields.ForeignKeyField("supervision.Inspector", related_name=False, on_delete=fields.CASCADE)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.RESTRICT)
    reason = fields.CharField(max_length=255, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "supervision_recusal"
        unique_together = (("inspector", "business"),)
        indexes = (("business_id", "inspector_id"),)


class Plan(Model):
    """抽查方案: the four tabs of the wizard, its workflow state and the recorded draw (seed, algorithm, fingerprint)."""

    id = fields.BigIntField(primary_key=True)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    name = fields.CharField(max_length=128)
    made_on = fields.DateField()
    start_on = fields.DateField(null=True)
    end_on = fields.DateField(null=True)
    basis = fields.CharField(max_length=500, default="")
    lead_department = fields.CharField(max_length=64, default="")
    partner_departments = fields.JSONField(default=list)
    requirements = fields.TextField(default="")
    grouping = fields.CharEnumField(Grouping, max_length=32, default=Grouping.REGISTRATION_ORG)
    ratio = fields.DecimalField(max_digits=6, decimal_places=3, null=True)
    group_size = fields.IntField(default=5)
    team_size = fields.IntField(default=2)
    scope_mode = fields.CharEnumField(ScopeMode, max_length=16, default=ScopeMode.FILTER)
    filters = fields.JSONField(default=dict)
    skip_twice = fields.BooleanField(default=True)
    content_ids = fields.JSONField(default=list)
    opinion = fields.TextField(default="")
    status = fields.CharEnumField(PlanStatus, max_length=16, default=PlanStatus.DRAFT)
    seed = fields.CharField(max_length=24, null=True)
    algorithm = fields.CharField(max_length=32, null=True)
    fingerprint = fields.CharField(max_length=64, null=True)
    candidate_count = fields.IntField(null=True)
    drawn_count = fields.IntField(null=True)
    quotas = fields.JSONField(null=True)
    drawn_at = fields.DatetimeField(null=True)
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "supervision_plan"
        indexes = (("org_id", "id"),)


class PlanEvent(Model):
    """History of a plan: every transition with actor, from and to, comment and payload."""

    id = fields.BigIntField(primary_key=True)
    plan = fields.ForeignKeyField("supervision.Plan", related_name=False, on_delete=fields.CASCADE)
    action = fields.CharField(max_length=32)
    from_status = fields.CharField(max_length=16)
    to_status = fields.CharField(max_length=16)
    comment = fields.TextField(default="")
    payload = fields.JSONField(null=True)
    actor = fields.ForeignKeyField("models.StaffUser", related_name=False, on_delete=fields.RESTRICT)
    actor_name = fields.CharField(max_length=64)
    actor_org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "supervision_plan_event"
        indexes = (("plan_id", "id"),)


class PlanBusiness(Model):
    """A business listed on a plan by import: sample (样本导入) or must-check (必查清单)."""

    id = fields.BigIntField(primary_key=True)
    plan = fields.ForeignKeyField("supervision.Plan", related_name=False, on_delete=fields.CASCADE)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.RESTRICT)
    must_check = fields.BooleanField(default=False)

    class Meta:
        table = "supervision_plan_business"
        unique_together = (("plan", "business", "must_check"),)


class Target(Model):
    """A drawn business of a plan (抽查对象), its confirmation, pack and result state.
    Written only by the draw, tens of thousands of rows at once, from ids read in the same transaction:
    the keys are not declared as database constraints (a per-row check would cost more than the draw).
    The two lookups outside a plan are partial indexes, empty when the draw writes its rows: a business's
    published results (business_id, result_status = published) and the inspected businesses of an org
    (org_id, confirm = check); as full indexes they cost the 27,600-row draw about half of its insert."""

    id = fields.BigIntField(primary_key=True)
    plan = fields.ForeignKeyField("supervision.Plan", related_name=False, on_delete=fields.CASCADE,
                                  db_constraint=False)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.RESTRICT,
                                      db_constraint=False)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT, db_constraint=False)
    region_code = fields.CharField(max_length=12)
    draw_key = fields.BigIntField()
    must_check = fields.BooleanField(default=False)
    pack_no = fields.IntField(default=0)
    confirm = fields.CharEnumField(Confirm, max_length=16, default=Confirm.PENDING)
    result_status = fields.CharEnumField(ResultStatus, max_length=16, default=ResultStatus.PENDING)
    unmatched = fields.CharField(max_length=32, null=True)
    published_at = fields.DatetimeField(null=True)

    class Meta:
        table = "supervision_target"
        unique_together = (("plan", "business"),)
        indexes = (PartialIndex(fields=("business_id", "id"), condition={"result_status": "published"}),
                   PartialIndex(fields=("org_id", "id"), condition={"confirm": "check"}))


class TeamMember(Model):
    """An inspector assigned to a drawn business."""

    id = fields.BigIntField(primary_key=True)
    plan = fields.ForeignKeyField("supervision.Plan", related_name=False, on_delete=fields.CASCADE)
    target = fields.ForeignKeyField("supervision.Target", related_name=False, on_delete=fields.CASCADE)
    inspector = fields.ForeignKeyField("supervision.Inspector", related_name=False, on_delete=fields.RESTRICT)

    class Meta:
        table = "supervision_team_member"
        unique_together = (("target", "inspector"),)
        indexes = (("plan_id", "inspector_id"), ("inspector_id", "id"))


class Adjustment(Model):
    """抽查人员调整: one inspector replaced by another for every business of the plan, with the reason."""

    id = fields.BigIntField(primary_key=True)
    plan = fields.ForeignKeyField("supervision.Plan", related_name=False, on_delete=fields.CASCADE)
    from_inspector = fields.ForeignKeyField("supervision.Inspector", related_name=False, on_delete=fields.RESTRICT)
    to_inspector = fields.ForeignKeyField("supervision.Inspector", related_name=False, on_delete=fields.RESTRICT)
    reason = fields.TextField()
    business_count = fields.IntField()
    actor = fields.ForeignKeyField("models.StaffUser", related_name=False, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "supervision_adjustment"


class Result(Model):
    """抽查结果 of one drawn business: entered by an assigned inspector, reviewed, then published."""

    id = fields.BigIntField(primary_key=True)
    target = fields.OneToOneField("supervision.Target", related_name=False, on_delete=fields.CASCADE)
    method = fields.CharEnumField(CheckMethod, max_length=16)
    outcome = fields.CharEnumField(Outcome, max_length=16)
    problems = fields.TextField(default="")
    handling = fields.TextField(default="")
    note = fields.TextField(default="")
    checked_on = fields.DateField()
    answers = fields.JSONField(default=list)
    entered_by = fields.ForeignKeyField("models.StaffUser", related_name=False, on_delete=fields.RESTRICT)
    entered_at = fields.DatetimeField()
    reviewed_by = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True,
                                         on_delete=fields.RESTRICT)
    reviewed_at = fields.DatetimeField(null=True)
    review_comment = fields.TextField(default="")

    class Meta:
        table = "supervision_result"


class Tally(Model):
    """How many plans have confirmed a business for inspection: the filter 已抽查两次不再抽查 reads it."""

    id = fields.BigIntField(primary_key=True)
    business = fields.OneToOneField("models.Business", related_name=False, on_delete=fields.RESTRICT)
    times = fields.IntField(default=0)

    class Meta:
        table = "supervision_tally"
