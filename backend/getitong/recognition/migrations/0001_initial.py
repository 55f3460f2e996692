from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from getitong.recognition.models import Category
from getitong.recognition.workflow import AppStatus, NoticeStatus
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='RecognitionNotice',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('region_code', fields.CharField(max_length=12)),
                ('title', fields.CharField(max_length=200)),
                ('content', fields.TextField(unique=False)),
                ('promise', fields.TextField(unique=False)),
                ('categories', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('starts_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('ends_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('status', fields.CharEnumField(default=NoticeStatus.DRAFT, description='DRAFT: draft\nPUBLISHED: published\nCLOSED: closed\nWITHDRAWN: withdrawn', enum_type=NoticeStatus, max_length=16)),
                ('published_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'recognition_notice', 'app': 'recognition', 'indexes': [Index(fields=['org_id', 'status', 'id']), Index(fields=['status', 'id'])], 'pk_attr': 'id', 'table_description': 'A recognition notice published by an org, open to the businesses registered in its subtree.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RecognitionApplication',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('notice', fields.ForeignKeyField('recognition.RecognitionNotice', source_field='notice_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('person', fields.ForeignKeyField('models.Person', source_field='person_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('region_code', fields.CharField(max_length=12)),
                ('business_name', fields.CharField(max_length=128)),
                ('status', fields.CharEnumField(default=AppStatus.DRAFT, description='DRAFT: draft\nSUBMITTED: submitted\nACCEPTED: accepted\nRETURNED: returned\nRECOGNISED: recognised\nREFUSED: refused\nDISCARDED: discarded', enum_type=AppStatus, max_length=16)),
                ('read_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('promised_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('category', fields.CharEnumField(null=True, description='MING: ming\nTE: te\nYOU: you\nXIN: xin', enum_type=Category, max_length=8)),
                ('employees', fields.IntField(null=True)),
                ('social_insured', fields.IntField(null=True)),
                ('revenue', fields.DecimalField(null=True, max_digits=16, decimal_places=2)),
                ('net_profit', fields.DecimalField(null=True, max_digits=16, decimal_places=2)),
                ('introduction', fields.TextField(null=True, unique=False)),
                ('declaration', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('materials', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('reason', fields.TextField(default='', unique=False)),
                ('submit_count', fields.IntField(default=0)),
                ('submitted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'recognition_application', 'app': 'recognition', 'unique_together': (('notice', 'business'),), 'indexes': [Index(fields=['org_id', 'status', 'id']), Index(fields=['notice_id', 'status', 'id']), Index(fields=['business_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One application of a business under a notice (at most one per business and notice).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RecognitionEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('application', fields.ForeignKeyField('recognition.RecognitionApplication', source_field='application_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('actor_type', fields.CharField(max_length=16)),
                ('actor_id', fields.BigIntField(null=True)),
                ('actor_name', fields.CharField(default='', max_length=64)),
                ('actor_org_id', fields.BigIntField(null=True)),
                ('action', fields.CharField(max_length=16)),
                ('from_status', fields.CharField(null=True, max_length=16)),
                ('to_status', fields.CharField(max_length=16)),
                ('comment', fields.TextField(default='', unique=False)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'recognition_event', 'app': 'recognition', 'indexes': [Index(fields=['application_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One transition of an application, written in the same transaction as the status change.'},
            bases=['Model'],
        ),
    ]
