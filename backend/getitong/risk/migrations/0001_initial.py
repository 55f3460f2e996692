from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from getitong.risk.workflow import ImportKind, ImportStatus, ListingKind, ListingStatus, RemovalSource


class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='RiskImport',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('kind', fields.CharEnumField(description='PENALTIES: penalties\nLISTINGS: listings', enum_type=ImportKind, max_length=16)),
                ('status', fields.CharEnumField(default=ImportStatus.PENDING, description='PENDING: pending\nRUNNING: running\nDONE: done\nFAILED: failed', enum_type=ImportStatus, max_length=16)),
                ('file_name', fields.CharField(default='', max_length=255)),
                ('source_file', fields.ForeignKeyField('models.StoredFile', source_field='source_file_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('report_file', fields.ForeignKeyField('models.StoredFile', source_field='report_file_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('total', fields.IntField(default=0)),
                ('done', fields.IntField(default=0)),
                ('imported', fields.IntField(default=0)),
                ('failed', fields.IntField(default=0)),
                ('error', fields.CharField(default='', max_length=255)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'risk_import', 'app': 'risk', 'indexes': [Index(fields=['org_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One Excel import run in the background: progress counters and the failure report.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Listing',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('region_code', fields.CharField(max_length=12)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('kind', fields.CharEnumField(description='SERIOUS_VIOLATION: serious_violation\nENTERPRISE_ABNORMAL: enterprise_abnormal\nINDIVIDUAL_ABNORMAL: individual_abnormal\nCOOPERATIVE_ABNORMAL: cooperative_abnormal', enum_type=ListingKind, max_length=32)),
                ('status', fields.CharEnumField(default=ListingStatus.LISTED, description='LISTED: listed\nREMOVED: removed', enum_type=ListingStatus, max_length=16)),
                ('doc_no', fields.CharField(max_length=128)),
                ('list_reason', fields.TextField(unique=False)),
                ('listed_on', fields.DateField()),
                ('list_org', fields.ForeignKeyField('models.Org', source_field='list_org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('list_org_name', fields.CharField(max_length=128)),
                ('remove_reason', fields.TextField(null=True, unique=False)),
                ('removed_on', fields.DateField(null=True)),
                ('remove_org', fields.ForeignKeyField('models.Org', source_field='remove_org_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('remove_org_name', fields.CharField(null=True, max_length=128)),
                ('removal_source', fields.CharEnumField(null=True, description='MANUAL: manual\nCREDIT_REPAIR: credit_repair\nIMPORT: import', enum_type=RemovalSource, max_length=16)),
                ('removal_ref', fields.CharField(null=True, max_length=64)),
                ('removed_by', fields.ForeignKeyField('models.StaffUser', source_field='removed_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('import_job', fields.ForeignKeyField('risk.RiskImport', source_field='import_job_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'risk_listing', 'app': 'risk', 'unique_together': (('business', 'kind', 'doc_no'),), 'indexes': [Index(fields=['business_id', 'id']), Index(fields=['org_id', 'id']), Index(fields=['region_code', 'id'])], 'pk_attr': 'id', 'table_description': 'A listing of a business in the serious-violation list or an abnormal-operation list or state.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Penalty',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('region_code', fields.CharField(max_length=12)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('doc_no', fields.CharField(max_length=128)),
                ('penalty_name', fields.CharField(default='', max_length=255)),
                ('penalty_type', fields.CharField(max_length=128)),
                ('basis', fields.TextField(unique=False)),
                ('violation_type', fields.TextField(unique=False)),
                ('content', fields.TextField(unique=False)),
                ('fine_amount', fields.DecimalField(null=True, max_digits=18, decimal_places=6)),
                ('confiscated_amount', fields.DecimalField(null=True, max_digits=18, decimal_places=6)),
                ('decided_on', fields.DateField()),
                ('published_on', fields.DateField()),
                ('decision_org', fields.ForeignKeyField('models.Org', source_field='decision_org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('decision_org_name', fields.CharField(max_length=128)),
                ('import_job', fields.ForeignKeyField('risk.RiskImport', source_field='import_job_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'risk_penalty', 'app': 'risk', 'unique_together': (('business', 'doc_no'),), 'indexes': [Index(fields=['business_id', 'id']), Index(fields=['org_id', 'id']), Index(fields=['region_code', 'id'])], 'pk_attr': 'id', 'table_description': 'Administrative penalty (行政处罚) recorded against a business. Amounts are in 万元 as published.'},
            bases=['Model'],
        ),
    ]
