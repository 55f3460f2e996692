from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from getitong.registration.workflow import RegStatus
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='Registration',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('number', fields.CharField(unique=True, max_length=32)),
                ('person', fields.ForeignKeyField('models.Person', source_field='person_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('status', fields.CharEnumField(default=RegStatus.DRAFT, description='DRAFT: draft\nSIGNING: signing\nREVIEWING: reviewing\nAPPROVED: approved\nREFUSED: refused\nWITHDRAWN: withdrawn', enum_type=RegStatus, max_length=16)),
                ('business_type', fields.CharField(max_length=32)),
                ('region_code', fields.CharField(null=True, max_length=12)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('named', fields.BooleanField(null=True)),
                ('trade_name', fields.CharField(null=True, max_length=32)),
                ('industry_word', fields.CharField(null=True, max_length=32)),
                ('org_form', fields.CharField(null=True, max_length=16)),
                ('name', fields.CharField(null=True, max_length=128)),
                ('name_key', fields.CharField(null=True, unique=True, max_length=128)),
                ('name_commitment_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('place', fields.CharField(null=True, max_length=255)),
                ('capital', fields.DecimalField(null=True, max_digits=12, decimal_places=2)),
                ('operator_name', fields.CharField(null=True, max_length=64)),
                ('operator', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('operator_id_enc', fields.CharField(null=True, max_length=255)),
                ('operator_id_index', fields.CharField(null=True, db_index=True, max_length=64)),
                ('operator_phone_enc', fields.CharField(null=True, max_length=255)),
                ('operator_phone_index', fields.CharField(null=True, max_length=64)),
                ('id_photo', fields.ForeignKeyField('models.StoredFile', source_field='id_photo_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('basic', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('scope', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('residence', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('confirmed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('sign_due_on', fields.DateField(null=True)),
                ('submitted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('rule_results', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('decided_by', fields.CharField(null=True, max_length=16)),
                ('refuse_reason', fields.TextField(null=True, unique=False)),
                ('uscc', fields.CharField(null=True, unique=True, max_length=18)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('archive_no', fields.CharField(null=True, unique=True, max_length=32)),
                ('archive', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'registration', 'app': 'registration', 'indexes': [Index(fields=['person_id', 'id']), Index(fields=['org_id', 'status', 'id']), Index(fields=['org_id', 'id']), Index(fields=['region_code', 'id'])], 'pk_attr': 'id', 'table_description': 'One application for a new individual business, a server-side draft until submitted. name_key holds'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RegistrationEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('registration', fields.ForeignKeyField('registration.Registration', source_field='registration_id', db_constraint=True, to_field='id', related_name='events', on_delete=OnDelete.CASCADE)),
                ('actor_type', fields.CharField(max_length=16)),
                ('actor_id', fields.BigIntField(null=True)),
                ('actor_name', fields.CharField(default='', max_length=64)),
                ('action', fields.CharField(max_length=16)),
                ('from_status', fields.CharField(null=True, max_length=16)),
                ('to_status', fields.CharField(max_length=16)),
                ('comment', fields.TextField(default='', unique=False)),
                ('payload', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'registration_event', 'app': 'registration', 'indexes': [Index(fields=['registration_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One step of the history, written in the same transaction as the change.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RegistrationSigner',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('registration', fields.ForeignKeyField('registration.Registration', source_field='registration_id', db_constraint=True, to_field='id', related_name='signers', on_delete=OnDelete.CASCADE)),
                ('role', fields.CharField(default='operator', max_length=16)),
                ('name', fields.CharField(max_length=64)),
                ('id_enc', fields.CharField(max_length=255)),
                ('id_index', fields.CharField(max_length=64)),
                ('token_digest', fields.CharField(unique=True, max_length=64)),
                ('token_enc', fields.CharField(max_length=255)),
                ('realname_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('realname_until', fields.DateField(null=True)),
                ('signed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('signature', fields.ForeignKeyField('models.StoredFile', source_field='signature_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'registration_signer', 'app': 'registration', 'indexes': [Index(fields=['registration_id', 'id'])], 'pk_attr': 'id', 'table_description': 'A person who must confirm their identity (实名认证) and sign (电子签名): for an individual business the'},
            bases=['Model'],
        ),
    ]
