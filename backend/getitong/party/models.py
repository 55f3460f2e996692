"""Party building (小个专党建): members of a business, activities and their sign-ups, volunteer service, stories."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from getitong.party.workflow import ActivityStatus, StoryStatus


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


GENDER_LABELS = {Gender.MALE: "男", Gender.FEMALE: "女"}


class PartyMember(Model):
    """A party member working at a business. ID number and phone are encrypted, found by a blind index."""

    id = fields.BigIntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.CASCADE)
    name = fields.CharField(max_length=64)
    gender = fields.CharEnumField(Gender, max_length=8)
    id_number_enc = fields.CharField(max_length=255)
    id_number_index = fields.CharField(max_length=64)
    phone_enc = fields.CharField(max_length=255, null=True)
    joined_on = fields.DateField(null=True)
    org_relation = fields.CharField(max_length=128, default="")
    position = fields.CharField(max_length=64, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "party_member"
        unique_together = (("business", "id_number_index"),)
        indexes = (("business_id", "id"),)


class Activity(Model):
    """A party activity published by an org, open to the businesses registered under that org."""

    id = fields.BigIntField(primary_key=True)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    title = fields.CharField(max_length=100)
    description = fields.TextField(default="")
    place = fields.CharField(max_length=200)
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    capacity = fields.IntField()
    signed_up_count = fields.IntField(default=0)
    status = fields.CharEnumField(ActivityStatus, max_length=16, default=ActivityStatus.DRAFT)
    created_by = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True,
                                        on_delete=fields.SET_NULL)
    published_at = fields.DatetimeField(null=True)
    cancelled_at = fields.DatetimeField(null=True)
    cancel_reason = fields.CharField(max_length=500, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "party_activity"
        indexes = (("org_id", "status", "id"), ("status", "starts_at"))


class ActivitySignup(Model):
    """One member of a business signed up for an activity, and the check-in on the day."""

    id = fields.BigIntField(primary_key=True)
    activity = fields.ForeignKeyField("party.Activity", related_name="signups", on_delete=fields.CASCADE)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.CASCADE)
    # Kept (with the name) when the member record is deleted later: attendance stays on the books.
    member = fields.ForeignKeyField("party.PartyMember", related_name="signups", null=True,
                                    on_delete=fields.SET_NULL)
    member_name = fields.CharField(max_length=64)
    signed_up_by = fields.ForeignKeyField("models.Person", related_name=False, null=True, on_delete=fields.SET_NULL)
    signed_up_at = fields.DatetimeField()
    checked_in_at = fields.DatetimeField(null=True)
    checked_in_by = fields.ForeignKeyField("models.Person", related_name=False, null=True,
                                           on_delete=fields.SET_NULL)

    class Meta:
        table = "party_activity_signup"
        unique_together = (("activity", "member"),)
        indexes = (("business_id", "activity_id"), ("activity_id", "id"))


class VolunteerRecord(Model):
    """A volunteer service organised by a business: date, place, content, participants, hours, photos."""

    id = fields.BigIntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name=False, on_delete=fields.CASCADE)
    service_date = fields.DateField()
    place = fields.CharField(max_length=200)
    content = fields.TextField()
    # [{"member_id": int | None, "name": str}]: members of the business and people named by hand.
    participants = fields.JSONField(default=list)
    participant_count = fields.IntField(default=0)
    hours = fields.DecimalField(max_digits=7, decimal_places=1)
    photos = fields.JSONField(default=list)
    created_by = fields.ForeignKeyField("models.Person", related_name=False, null=True, on_delete=fields.SET_NULL)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "party_volunteer_record"
        indexes = (("business_id", "id"), ("service_date", "id"))


class Story(Model):
    """An exemplary story (先进事迹) published by an org, with a sanitized rich-text body."""

    id = fields.BigIntField(primary_key=True)
    org = fields.ForeignKeyField("models.Org", related_name=False, on_delete=fields.RESTRICT)
    title = fields.CharField(max_length=200)
    summary = fields.CharField(max_length=500, default="")
    subject = fields.CharField(max_length=128, default="")
    cover = fields.ForeignKeyField("models.StoredFile", related_name=False, null=True, on_delete=fields.SET_NULL)
    body_html = fields.TextField()
    status = fields.CharEnumField(StoryStatus, max_length=16, default=StoryStatus.DRAFT)
    author = fields.ForeignKeyField("models.StaffUser", related_name=False, null=True, on_delete=fields.SET_NULL)
    published_at = fields.DatetimeField(null=True)
    withdrawn_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "party_story"
        indexes = (("status", "id"), ("org_id", "id"))
