import functools
from json import dumps, loads

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from getitong.appeals.models import AppealType, Rating
from getitong.appeals.workflow import AppealStatus


class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='Appeal',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('person', fields.ForeignKeyField('models.Person', source_field='person_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('region_code', fields.CharField(max_length=12)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('unit_org', fields.ForeignKeyField('models.Org', source_field='unit_org_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('title', fields.CharField(max_length=100)),
                ('type', fields.CharEnumField(description='CONSULT: consult\nCOMPLAINT: complaint\nSUGGESTION: suggestion\nHELP: help\nOTHER: other', enum_type=AppealType, max_length=16)),
                ('department', fields.CharField(max_length=64)),
                ('content', fields.TextField(unique=False)),
                ('photos', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('query_code', fields.CharField(unique=True, max_length=16)),
                ('query_password_hash', fields.CharField(max_length=255)),
                ('status', fields.CharEnumField(default=AppealStatus.SUBMITTED, description='SUBMITTED: submitted\nACCEPTED: accepted\nTRANSFERRED: transferred\nREPORTED: reported\nREPLIED: replied\nCLOSED: closed', enum_type=AppealStatus, max_length=16)),
                ('submitted_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('accepted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('transferred_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('reported_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('replied_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('transfer_due_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('finish_due_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('transfer_overdue', fields.BooleanField(default=False)),
                ('finish_overdue', fields.BooleanField(default=False)),
                ('is_overdue', fields.BooleanField(default=False)),
                ('transfer_on_time', fields.BooleanField(null=True)),
                ('finish_on_time', fields.BooleanField(null=True)),
                ('handling_seconds', fields.BigIntField(null=True)),
                ('out_of_scope', fields.BooleanField(default=False)),
                ('reply', fields.TextField(null=True, unique=False)),
                ('reply_files', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('competent_department', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('reopened_once', fields.BooleanField(default=False)),
                ('rating', fields.CharEnumField(null=True, description='SATISFIED: satisfied\nBASIC: basic\nDISSATISFIED: dissatisfied', enum_type=Rating, max_length=16)),
                ('rating_comment', fields.CharField(null=True, max_length=500)),
                ('rated_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'appeal', 'app': 'appeals', 'indexes': [Index(fields=['org_id', 'status', 'id']), Index(fields=['unit_org_id', 'status', 'id']), Index(fields=['region_code', 'id']), Index(fields=['business_id', 'id']), Index(fields=['org_id', 'submitted_at'])], 'pk_attr': 'id', 'table_description': 'An appeal of a business, handled by the desk of the district org of the business registration org.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AppealEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('appeal', fields.ForeignKeyField('appeals.Appeal', source_field='appeal_id', db_constraint=True, to_field='id', related_name='events', on_delete=OnDelete.CASCADE)),
                ('actor_type', fields.CharField(max_length=16)),
                ('actor_id', fields.BigIntField(null=True)),
                ('actor_name', fields.CharField(default='', max_length=64)),
                ('actor_org_id', fields.BigIntField(null=True)),
                ('action', fields.CharField(max_length=32)),
                ('from_status', fields.CharField(null=True, max_length=16)),
                ('to_status', fields.CharField(null=True, max_length=16)),
                ('comment', fields.TextField(default='', unique=False)),
                ('payload', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'appeal_event', 'app': 'appeals', 'indexes': [Index(fields=['appeal_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One step of the history of an appeal, written in the same transaction as the status change.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Supervision',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('appeal', fields.ForeignKeyField('appeals.Appeal', source_field='appeal_id', db_constraint=True, to_field='id', related_name='supervisions', on_delete=OnDelete.CASCADE)),
                ('from_org', fields.ForeignKeyField('models.Org', source_field='from_org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('to_org', fields.ForeignKeyField('models.Org', source_field='to_org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('staff', fields.ForeignKeyField('models.StaffUser', source_field='staff_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('content', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'appeal_supervision', 'app': 'appeals', 'indexes': [Index(fields=['appeal_id', 'id']), Index(fields=['to_org_id', 'id'])], 'pk_attr': 'id', 'table_description': 'Supervision notice (督办) from a superior org to the handler of an appeal.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='TransferSlip',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('appeal', fields.ForeignKeyField('appeals.Appeal', source_field='appeal_id', db_constraint=True, to_field='id', related_name='slips', on_delete=OnDelete.CASCADE)),
                ('unit_org', fields.ForeignKeyField('models.Org', source_field='unit_org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('requirements', fields.TextField(default='', unique=False)),
                ('due_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('outcome', fields.CharField(null=True, max_length=16)),
            ],
            options={'table': 'appeal_transfer_slip', 'app': 'appeals', 'indexes': [Index(fields=['appeal_id', 'id'])], 'pk_attr': 'id', 'table_description': 'Transfer slip (转办单) from the desk to an undertaking unit.'},
            bases=['Model'],
        ),
    ]
