"""双告知: departments, the rules from business-scope wording to post-approval items, and the notices."""

from tortoise import fields
from tortoise.models import Model

from getitong.notices.workflow import ApplicationType, FeedbackResult, NoticeStatus


class Department(Model):
    """A department with post-approval duties (卫生健康局, 公安分局, 烟草专卖局 …) at the level of `org`: it is told
    of the businesses registered in that org's subtree."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=128)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "notice_department"
        unique_together = (("org", "name"),)


class DepartmentMember(Model):
    """A staff account (role department_liaison) working for a department."""

    id = fields.BigIntField(primary_key=True)
    department = fields.ForeignKeyField("notices.Department", related_name="members", on_delete=fields.CASCADE)
    staff = fields.ForeignKeyField("models.StaffUser", related_name=False, on_delete=fields.CASCADE)

    class Meta:
        table = "notice_department_member"
        unique_together = (("department", "staff"),)


class NoticeRule(Model):
    """Scope wording (keyword) that needs a post-approval item (后置审批事项) issued by a department."""

    id = fields.BigIntField(primary_key=True)
    keyword = fields.CharField(max_length=64)
    item = fields.CharField(max_length=128)
    department = fields.ForeignKeyField("notices.Department", related_name=False, on_delete=fields.RESTRICT)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "notice_rule"
        unique_together = (("keyword", "item", "department"),)


class Notice(Model):
    """One notice of a registration to one department for one post-approval item, and the answer."""

    id = fields.BigIntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.RESTRICT)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    department = fields.ForeignKeyField("notices.Department", related_name=False, on_delete=fields.RESTRICT)
    business_name = fields.CharField(max_length=128)
    uscc = fields.CharField(max_length=18)
    kind = fields.CharField(max_length=16)
    address = fields.CharField(max_length=255, default="")
    scope = fields.TextField()
    established_on = fields.DateField(null=True)
    approved_on = fields.DateField()
    application_type = fields.CharEnumField(ApplicationType, max_length=16)
    item = fields.CharField(max_length=128)
    keywords = fields.JSONField(default=list)
    status = fields.CharEnumField(NoticeStatus, max_length=16, default=NoticeStatus.UNRECEIVED)
    created_at = fields.DatetimeField()
    received_at = fields.DatetimeField(null=True)
    received_by = fields.CharField(max_length=64, default="")
    answered_at = fields.DatetimeField(null=True)
    answered_by = fields.CharField(max_length=64, default="")
    result = fields.CharEnumField(FeedbackResult, max_length=16, null=True)
    cert_no = fields.CharField(max_length=64, default="")
    cert_name = fields.CharField(max_length=128, default="")
    issuing_authority = fields.CharField(max_length=128, default="")
    issued_on = fields.DateField(null=True)
    valid_from = fields.DateField(null=True)
    valid_to = fields.DateField(null=True)
    permit_content = fields.TextField(default="")
    remark = fields.CharField(max_length=500, default="")

    class Meta:
        table = "notice"
        # Telling the same approval twice to the same department for the same item is one notice.
        unique_together = (("business", "department", "item", "application_type", "approved_on"),)
        indexes = (("department_id", "status", "id"), ("org_id", "status", "id"), ("business_id", "id"))
