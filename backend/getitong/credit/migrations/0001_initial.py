from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from getitong.credit.models import Channel, MaterialType
from getitong.credit.workflow import CreditStatus
from getitong.risk.workflow import ListingKind
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial'), ('risk', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='CreditApplication',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('number', fields.CharField(unique=True, max_length=32)),
                ('kind', fields.CharEnumField(description='SERIOUS_VIOLATION: serious_violation\nENTERPRISE_ABNORMAL: enterprise_abnormal\nINDIVIDUAL_ABNORMAL: individual_abnormal\nCOOPERATIVE_ABNORMAL: cooperative_abnormal', enum_type=ListingKind, max_length=32)),
                ('channel', fields.CharEnumField(description='MINIPROGRAM: miniprogram\nSTAFF: staff', enum_type=Channel, max_length=16)),
                ('status', fields.CharEnumField(default=CreditStatus.SUBMITTED, description='SUBMITTED: submitted\nREVIEWING: reviewing\nAPPROVING: approving\nRETURNED: returned\nAPPROVED: approved\nREFUSED: refused', enum_type=CreditStatus, max_length=16)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('business_name', fields.CharField(max_length=128)),
                ('business_uscc', fields.CharField(max_length=18)),
                ('region_code', fields.CharField(max_length=12)),
                ('person', fields.ForeignKeyField('models.Person', source_field='person_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('applicant_name', fields.CharField(max_length=64)),
                ('phone_enc', fields.CharField(null=True, max_length=255)),
                ('phone_index', fields.CharField(null=True, max_length=64)),
                ('reason', fields.TextField(default='', unique=False)),
                ('list_org', fields.ForeignKeyField('models.Org', source_field='list_org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('handling_org', fields.ForeignKeyField('models.Org', source_field='handling_org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('submitted_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('accept_due_on', fields.DateField()),
                ('accepted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('decide_due_on', fields.DateField(null=True)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('remove_due_on', fields.DateField(null=True)),
                ('decision_no', fields.CharField(null=True, max_length=64)),
                ('last_reason', fields.TextField(null=True, unique=False)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'credit_application', 'app': 'credit', 'indexes': [Index(fields=['handling_org_id', 'status', 'id']), Index(fields=['handling_org_id', 'id']), Index(fields=['phone_index', 'id']), Index(fields=['business_id', 'id']), Index(fields=['region_code', 'id'])], 'pk_attr': 'id', 'table_description': 'A credit-repair application, handled by the office that made the listing (谁列入谁修复) or the'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CreditApplicationListing',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('application', fields.ForeignKeyField('credit.CreditApplication', source_field='application_id', db_constraint=True, to_field='id', related_name='listings', on_delete=OnDelete.CASCADE)),
                ('listing', fields.ForeignKeyField('risk.Listing', source_field='listing_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('open_listing_id', fields.BigIntField(null=True, unique=True)),
            ],
            options={'table': 'credit_application_listing', 'app': 'credit', 'unique_together': (('application', 'listing'),), 'pk_attr': 'id', 'table_description': 'A listing an application asks to remove. open_listing_id holds the listing id while the application'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CreditEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('application', fields.ForeignKeyField('credit.CreditApplication', source_field='application_id', db_constraint=True, to_field='id', related_name='events', on_delete=OnDelete.CASCADE)),
                ('actor_type', fields.CharField(max_length=16)),
                ('actor_id', fields.BigIntField(null=True)),
                ('actor_name', fields.CharField(default='', max_length=64)),
                ('actor_org_id', fields.BigIntField(null=True)),
                ('actor_org_name', fields.CharField(default='', max_length=128)),
                ('action', fields.CharField(max_length=16)),
                ('from_status', fields.CharField(null=True, max_length=16)),
                ('to_status', fields.CharField(max_length=16)),
                ('comment', fields.TextField(default='', unique=False)),
                ('payload', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'credit_event', 'app': 'credit', 'indexes': [Index(fields=['application_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One step of the history (and of the approval form), written in the same transaction as the change.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CreditMaterial',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('application', fields.ForeignKeyField('credit.CreditApplication', source_field='application_id', db_constraint=True, to_field='id', related_name='materials', on_delete=OnDelete.CASCADE)),
                ('type', fields.CharEnumField(description='APPLICATION: application\nCOMMITMENT: commitment\nRECTIFICATION: rectification\nLICENSE: license\nIDENTITY: identity\nOTHER: other', enum_type=MaterialType, max_length=16)),
                ('file', fields.ForeignKeyField('models.StoredFile', source_field='file_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'credit_material', 'app': 'credit', 'indexes': [Index(fields=['application_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One typed material file (an upload of the applicant or of the staff who opened the application).'},
            bases=['Model'],
        ),
    ]
