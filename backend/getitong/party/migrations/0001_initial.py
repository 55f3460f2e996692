from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from getitong.party.models import Gender
from getitong.party.workflow import ActivityStatus, StoryStatus
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='Activity',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('title', fields.CharField(max_length=100)),
                ('description', fields.TextField(default='', unique=False)),
                ('place', fields.CharField(max_length=200)),
                ('starts_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('ends_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('capacity', fields.IntField()),
                ('signed_up_count', fields.IntField(default=0)),
                ('status', fields.CharEnumField(default=ActivityStatus.DRAFT, description='DRAFT: draft\nPUBLISHED: published\nCANCELLED: cancelled', enum_type=ActivityStatus, max_length=16)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('published_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('cancelled_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('cancel_reason', fields.CharField(default='', max_length=500)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'party_activity', 'app': 'party', 'indexes': [Index(fields=['org_id', 'status', 'id']), Index(fields=['status', 'starts_at'])], 'pk_attr': 'id', 'table_description': 'A party activity published by an org, open to the businesses registered under that org.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PartyMember',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=64)),
                ('gender', fields.CharEnumField(description='MALE: male\nFEMALE: female', enum_type=Gender, max_length=8)),
                ('id_number_enc', fields.CharField(max_length=255)),
                ('id_number_index', fields.CharField(max_length=64)),
                ('phone_enc', fields.CharField(null=True, max_length=255)),
                ('joined_on', fields.DateField(null=True)),
                ('org_relation', fields.CharField(default='', max_length=128)),
                ('position', fields.CharField(default='', max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'party_member', 'app': 'party', 'unique_together': (('business', 'id_number_index'),), 'indexes': [Index(fields=['business_id', 'id'])], 'pk_attr': 'id', 'table_description': 'A party member working at a business. ID number and phone are encrypted, found by a blind index.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ActivitySignup',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('activity', fields.ForeignKeyField('party.Activity', source_field='activity_id', db_constraint=True, to_field='id', related_name='signups', on_delete=OnDelete.CASCADE)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('member', fields.ForeignKeyField('party.PartyMember', source_field='member_id', null=True, db_constraint=True, to_field='id', related_name='signups', on_delete=OnDelete.SET_NULL)),
                ('member_name', fields.CharField(max_length=64)),
                ('signed_up_by', fields.ForeignKeyField('models.Person', source_field='signed_up_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('signed_up_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('checked_in_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('checked_in_by', fields.ForeignKeyField('models.Person', source_field='checked_in_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'party_activity_signup', 'app': 'party', 'unique_together': (('activity', 'member'),), 'indexes': [Index(fields=['business_id', 'activity_id']), Index(fields=['activity_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One member of a business signed up for an activity, and the check-in on the day.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Story',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('title', fields.CharField(max_length=200)),
                ('summary', fields.CharField(default='', max_length=500)),
                ('subject', fields.CharField(default='', max_length=128)),
                ('cover', fields.ForeignKeyField('models.StoredFile', source_field='cover_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('body_html', fields.TextField(unique=False)),
                ('status', fields.CharEnumField(default=StoryStatus.DRAFT, description='DRAFT: draft\nPUBLISHED: published\nWITHDRAWN: withdrawn', enum_type=StoryStatus, max_length=16)),
                ('author', fields.ForeignKeyField('models.StaffUser', source_field='author_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('published_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('withdrawn_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'party_story', 'app': 'party', 'indexes': [Index(fields=['status', 'id']), Index(fields=['org_id', 'id'])], 'pk_attr': 'id', 'table_description': 'An exemplary story (先进事迹) published by an org, with a sanitized rich-text body.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='VolunteerRecord',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('service_date', fields.DateField()),
                ('place', fields.CharField(max_length=200)),
                ('content', fields.TextField(unique=False)),
                ('participants', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('participant_count', fields.IntField(default=0)),
                ('hours', fields.DecimalField(max_digits=7, decimal_places=1)),
                ('photos', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_by', fields.ForeignKeyField('models.Person', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'party_volunteer_record', 'app': 'party', 'indexes': [Index(fields=['business_id', 'id']), Index(fields=['service_date', 'id'])], 'pk_attr': 'id', 'table_description': 'A volunteer service organised by a business: date, place, content, participants, hours, photos.'},
            bases=['Model'],
        ),
    ]
