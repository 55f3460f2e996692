from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from getitong.loans.models import DeliveryStatus, GuaranteeType
from getitong.loans.workflow import ApplicationStatus, ProductStatus
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='InstitutionProfile',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('institution', fields.OneToOneField('models.FinancialInstitution', source_field='institution_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('short_name', fields.CharField(default='', max_length=64)),
                ('contact_name', fields.CharField(default='', max_length=64)),
                ('contact_phone', fields.CharField(default='', max_length=32)),
                ('address', fields.CharField(default='', max_length=255)),
                ('intro', fields.TextField(default='', unique=False)),
                ('webhook_url', fields.CharField(default='', max_length=500)),
                ('webhook_secret_enc', fields.CharField(null=True, max_length=255)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'loan_institution_profile', 'app': 'loans', 'pk_attr': 'id', 'table_description': 'What the loans domain adds to a financial institution: contact, introduction, outbound webhook.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LoanProduct',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('institution', fields.ForeignKeyField('models.FinancialInstitution', source_field='institution_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('name', fields.CharField(max_length=100)),
                ('amount_min', fields.DecimalField(max_digits=14, decimal_places=2)),
                ('amount_max', fields.DecimalField(max_digits=14, decimal_places=2)),
                ('rate_min', fields.DecimalField(max_digits=6, decimal_places=2)),
                ('rate_max', fields.DecimalField(max_digits=6, decimal_places=2)),
                ('term_months_min', fields.IntField()),
                ('term_months_max', fields.IntField()),
                ('guarantee_type', fields.CharEnumField(description='CREDIT: credit\nGUARANTEE: guarantee\nMORTGAGE: mortgage\nPLEDGE: pledge\nCOMBINED: combined', enum_type=GuaranteeType, max_length=16)),
                ('eligibility', fields.TextField(default='', unique=False)),
                ('description', fields.TextField(default='', unique=False)),
                ('status', fields.CharEnumField(default=ProductStatus.DRAFT, description='DRAFT: draft\nPUBLISHED: published\nUNPUBLISHED: unpublished', enum_type=ProductStatus, max_length=16)),
                ('published_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'loan_product', 'app': 'loans', 'indexes': [Index(fields=['status', 'id']), Index(fields=['institution_id', 'status', 'id'])], 'pk_attr': 'id', 'table_description': 'A loan product of one institution, amounts in yuan and rates in percent per year.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LoanApplication',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('product', fields.ForeignKeyField('loans.LoanProduct', source_field='product_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('institution', fields.ForeignKeyField('models.FinancialInstitution', source_field='institution_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('person', fields.ForeignKeyField('models.Person', source_field='person_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('open_key', fields.CharField(null=True, unique=True, max_length=64)),
                ('amount', fields.DecimalField(max_digits=14, decimal_places=2)),
                ('purpose', fields.CharField(default='', max_length=500)),
                ('contact_name', fields.CharField(max_length=64)),
                ('contact_phone_enc', fields.CharField(max_length=255)),
                ('business_snapshot', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('product_snapshot', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('status', fields.CharEnumField(default=ApplicationStatus.SUBMITTED, description='SUBMITTED: submitted\nCONTACTED: contacted\nAPPROVED: approved\nREJECTED: rejected\nGRANTED: granted\nWITHDRAWN: withdrawn', enum_type=ApplicationStatus, max_length=16)),
                ('approved_amount', fields.DecimalField(null=True, max_digits=14, decimal_places=2)),
                ('approved_rate', fields.DecimalField(null=True, max_digits=6, decimal_places=2)),
                ('approved_term_months', fields.IntField(null=True)),
                ('granted_amount', fields.DecimalField(null=True, max_digits=14, decimal_places=2)),
                ('granted_on', fields.DateField(null=True)),
                ('last_note', fields.TextField(default='', unique=False)),
                ('submitted_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'loan_application', 'app': 'loans', 'indexes': [Index(fields=['business_id', 'id']), Index(fields=['institution_id', 'status', 'id']), Index(fields=['product_id', 'id'])], 'pk_attr': 'id', 'table_description': 'A business applying for a product: a frozen snapshot of the business goes to the institution.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LoanApplicationEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('application', fields.ForeignKeyField('loans.LoanApplication', source_field='application_id', db_constraint=True, to_field='id', related_name='events', on_delete=OnDelete.CASCADE)),
                ('actor_type', fields.CharField(max_length=16)),
                ('actor_id', fields.BigIntField(null=True)),
                ('actor_name', fields.CharField(default='', max_length=64)),
                ('action', fields.CharField(max_length=16)),
                ('from_status', fields.CharField(null=True, max_length=16)),
                ('to_status', fields.CharField(max_length=16)),
                ('note', fields.TextField(default='', unique=False)),
                ('payload', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'loan_application_event', 'app': 'loans', 'indexes': [Index(fields=['application_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One step of an application, written in the same transaction as the status change.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LoanNotification',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('institution', fields.ForeignKeyField('models.FinancialInstitution', source_field='institution_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('application', fields.ForeignKeyField('loans.LoanApplication', source_field='application_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharField(max_length=32)),
                ('title', fields.CharField(max_length=100)),
                ('body', fields.CharField(default='', max_length=500)),
                ('read_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('read_by_id', fields.BigIntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'loan_notification', 'app': 'loans', 'indexes': [Index(fields=['institution_id', 'id']), Index(fields=['institution_id', 'read_at'])], 'pk_attr': 'id', 'table_description': 'An in-app notice to an institution (its staff share one inbox).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WebhookDelivery',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('institution', fields.ForeignKeyField('models.FinancialInstitution', source_field='institution_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('application', fields.ForeignKeyField('loans.LoanApplication', source_field='application_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('event', fields.CharField(max_length=64)),
                ('payload', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('status', fields.CharEnumField(default=DeliveryStatus.PENDING, description='PENDING: pending\nDELIVERED: delivered\nGAVE_UP: gave_up', enum_type=DeliveryStatus, max_length=16)),
                ('attempts', fields.IntField(default=0)),
                ('next_attempt_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.CharField(default='', max_length=500)),
                ('last_http_status', fields.IntField(null=True)),
                ('delivered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'loan_webhook_delivery', 'app': 'loans', 'indexes': [Index(fields=['status', 'next_attempt_at']), Index(fields=['institution_id', 'id'])], 'pk_attr': 'id', 'table_description': "One event to POST to an institution's webhook, stored with the event so a restart loses nothing."},
            bases=['Model'],
        ),
    ]
