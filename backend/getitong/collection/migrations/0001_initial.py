from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from getitong.collection.workflow import Channel, JobStatus, Kind, MatchState
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial'), ('risk', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='CollectionImport',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('kind', fields.CharEnumField(description='LICENSE: license\nPENALTY: penalty\nSUPPORT: support', enum_type=Kind, max_length=16)),
                ('channel', fields.CharEnumField(description='ONLINE: online\nEXCEL: excel\nXML: xml', enum_type=Channel, max_length=16)),
                ('status', fields.CharEnumField(default=JobStatus.PENDING, description='PENDING: pending\nRUNNING: running\nDONE: done\nFAILED: failed', enum_type=JobStatus, max_length=16)),
                ('file_name', fields.CharField(default='', max_length=255)),
                ('source_file', fields.ForeignKeyField('models.StoredFile', source_field='source_file_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('report_file', fields.ForeignKeyField('models.StoredFile', source_field='report_file_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('total', fields.IntField(default=0)),
                ('done', fields.IntField(default=0)),
                ('stored', fields.IntField(default=0)),
                ('updated', fields.IntField(default=0)),
                ('matched', fields.IntField(default=0)),
                ('unmatched', fields.IntField(default=0)),
                ('failed', fields.IntField(default=0)),
                ('error', fields.CharField(default='', max_length=255)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'collection_import', 'app': 'collection', 'indexes': [Index(fields=['org_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One Excel or XML import run in the background: progress counters and the failure report.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CollectionRecord',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('kind', fields.CharEnumField(description='LICENSE: license\nPENALTY: penalty\nSUPPORT: support', enum_type=Kind, max_length=16)),
                ('subject_code', fields.CharField(default='', max_length=64)),
                ('subject_name', fields.CharField(default='', max_length=255)),
                ('record_no', fields.CharField(default='', max_length=128)),
                ('name', fields.CharField(default='', max_length=255)),
                ('authority', fields.CharField(default='', max_length=128)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('match_state', fields.CharEnumField(default=MatchState.PENDING, description='MATCHED: matched\nUNMATCHED: unmatched\nPENDING: pending', enum_type=MatchState, max_length=16)),
                ('match_note', fields.CharField(default='', max_length=255)),
                ('channel', fields.CharEnumField(description='ONLINE: online\nEXCEL: excel\nXML: xml', enum_type=Channel, max_length=16)),
                ('source_org', fields.ForeignKeyField('models.Org', source_field='source_org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('region_code', fields.CharField(default='', max_length=12)),
                ('provided_on', fields.DateField()),
                ('fields', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('is_public', fields.BooleanField(default=True)),
                ('import_job', fields.ForeignKeyField('collection.CollectionImport', source_field='import_job_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('source_row', fields.IntField(null=True)),
                ('penalty', fields.ForeignKeyField('risk.Penalty', source_field='penalty_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'collection_record', 'app': 'collection', 'indexes': [Index(fields=['source_org_id', 'id']), Index(fields=['source_org_id', 'kind', 'record_no']), Index(fields=['business_id', 'id']), Index(fields=['import_job_id', 'match_state', 'id']), Index(fields=['source_org_id', 'provided_on'])], 'pk_attr': 'id', 'table_description': 'A record provided by a department, attached (记名) to a business of the register when it matches.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CollectionChange',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('record', fields.ForeignKeyField('collection.CollectionRecord', source_field='record_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('by', fields.ForeignKeyField('models.StaffUser', source_field='by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('by_name', fields.CharField(default='', max_length=64)),
                ('summary', fields.TextField(unique=False)),
                ('before', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('after', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'collection_change', 'app': 'collection', 'indexes': [Index(fields=['record_id', 'id'])], 'pk_attr': 'id', 'table_description': '变更信息: who changed a record, when, and what (a Chinese summary plus before and after values).'},
            bases=['Model'],
        ),
    ]
