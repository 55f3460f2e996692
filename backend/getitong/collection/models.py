"""Collected records (行政许可 / 行政处罚 / 小微企业扶持), their change log and import jobs."""

from tortoise import fields as tf
from tortoise.models import Model

from getitong.collection.workflow import Channel, JobStatus, Kind, MatchState


class CollectionImport(Model):
    """One Excel or XML import run in the background: progress counters and the failure report."""

    id = tf.BigIntField(primary_key=True)
    kind = tf.CharEnumField(Kind, max_length=16)
    channel = tf.CharEnumField(Channel, max_length=16)
    status = tf.CharEnumField(JobStatus, max_length=16, default=JobStatus.PENDING)
    file_name = tf.CharField(max_length=255, default="")
    source_file = tf.ForeignKeyField("models.StoredFile", related_name=False, on_delete=tf.RESTRICT)
    report_file = tf.ForeignKeyField("models.StoredFile", related_name=False, null=True,
                                         on_delete=tf.SET_NULL)
    total = tf.IntField(default=0)
    done = tf.IntField(default=0)
    stored = tf.IntField(default=0)
    updated = tf.IntField(default=0)
    matched = tf.IntField(default=0)
    unmatched = tf.IntField(default=0)
    failed = tf.IntField(default=0)
    error = tf.CharField(max_length=255, default="")
    org = tf.ForeignKeyField("models.Org", related_name=False, on_delete=tf.RESTRICT)
    created_by = tf.ForeignKeyField("models.StaffUser", related_name=False, on_delete=tf.RESTRICT)
    created_at = tf.DatetimeField(auto_now_add=True)
    updated_at = tf.DatetimeField(auto_now=True)
    finished_at = tf.DatetimeField(null=True)

    class Meta:
        table = "collection_import"
        indexes = (("org_id", "id"),)


class CollectionRecord(Model):
    """A record provided by a department, attached (记名) to a business of the register when it matches.
    source_org is the providing org (the data-scope column); fields holds the kind-specific form values."""

    id = tf.BigIntField(primary_key=True)
    kind = tf.CharEnumField(Kind, max_length=16)
    subject_code = tf.CharField(max_length=64, default="")
    subject_name = tf.CharField(max_length=255, default="")
    record_no = tf.CharField(max_length=128, default="")
    name = tf.CharField(max_length=255, default="")
    authority = tf.CharField(max_length=128, default="")
    business = tf.ForeignKeyField("models.Business", related_name=False, null=True, on_delete=tf.RESTRICT)
    match_state = tf.CharEnumField(MatchState, max_length=16, default=MatchState.PENDING)
    match_note = tf.CharField(max_length=255, default="")
    channel = tf.CharEnumField(Channel, max_length=16)
    source_org = tf.ForeignKeyField("models.Org", related_name=False, on_delete=tf.RESTRICT)
    region_code = tf.CharField(max_length=12, default="")
    provided_on = tf.DateField()
    fields = tf.JSONField(default=dict)
    is_public = tf.BooleanField(default=True)
    import_job = tf.ForeignKeyField("collection.CollectionImport", related_name=False, null=True,
                                        on_delete=tf.SET_NULL)
    source_row = tf.IntField(null=True)
    penalty = tf.ForeignKeyField("risk.Penalty", related_name=False, null=True, on_delete=tf.SET_NULL)
    created_by = tf.ForeignKeyField("models.StaffUser", related_name=False, null=True, on_delete=tf.SET_NULL)
    created_at = tf.DatetimeField(auto_now_add=True)
    updated_at = tf.DatetimeField(auto_now=True)

    class Meta:
        table = "collection_record"
        indexes = (("source_org_id", "id"), ("source_org_id", "kind", "record_no"), ("business_id", "id"),
                   ("import_job_id", "match_state", "id"), ("source_org_id", "provided_on"))


class CollectionChange(Model):
    """变更信息: who changed a record, when, and what (a Chinese summary plus before and after values)."""

    id = tf.BigIntField(primary_key=True)
    record = tf.ForeignKeyField("collection.CollectionRecord", related_name=False, on_delete=tf.CASCADE)
    by = tf.ForeignKeyField("models.StaffUser", related_name=False, null=True, on_delete=tf.SET_NULL)
    by_name = tf.CharField(max_length=64, default="")
    summary = tf.TextField()
    before = tf.JSONField(null=True)
    after = tf.JSONField(null=True)
    at = tf.DatetimeField(auto_now_add=True)

    class Meta:
        table = "collection_change"
        indexes = (("record_id", "id"),)
