import functools
from json import dumps, loads

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from getitong.policies.workflow import EligibilityStatus, PolicyStatus


class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='Policy',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('title', fields.CharField(max_length=200)),
                ('summary', fields.CharField(default='', max_length=500)),
                ('body', fields.TextField(default='', unique=False)),
                ('department', fields.CharField(default='', max_length=128)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('valid_from', fields.DateField(null=True)),
                ('valid_to', fields.DateField(null=True)),
                ('status', fields.CharEnumField(default=PolicyStatus.DRAFT, description='DRAFT: draft\nPUBLISHED: published\nWITHDRAWN: withdrawn', enum_type=PolicyStatus, max_length=16)),
                ('scale_types', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('tags', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('industries', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('region_codes', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('publish_seq', fields.BigIntField(null=True)),
                ('published_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('withdrawn_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'policy', 'app': 'policies', 'indexes': [Index(fields=['status', 'publish_seq']), Index(fields=['org_id', 'id'])], 'pk_attr': 'id', 'table_description': 'Policy matter (政策事项) published by an org, matched to businesses by its targets'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Benefit',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=64)),
                ('name', fields.CharField(max_length=200)),
                ('policy', fields.ForeignKeyField('policies.Policy', source_field='policy_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('amount', fields.DecimalField(null=True, max_digits=14, decimal_places=2)),
                ('description', fields.TextField(default='', unique=False)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'benefit', 'app': 'policies', 'indexes': [Index(fields=['org_id', 'id'])], 'pk_attr': 'id', 'table_description': 'A 免申即享 benefit whose eligible businesses are pushed, confirmed and forwarded to the platform'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='BenefitEligibility',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('benefit', fields.ForeignKeyField('policies.Benefit', source_field='benefit_id', db_constraint=True, to_field='id', related_name='eligibilities', on_delete=OnDelete.CASCADE)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('status', fields.CharEnumField(default=EligibilityStatus.PUSHED, description='PUSHED: pushed\nCONFIRMED: confirmed\nFORWARDED: forwarded\nACCEPTED: accepted\nREJECTED: rejected\nPAID: paid', enum_type=EligibilityStatus, max_length=16)),
                ('source', fields.CharField(default='manual', max_length=16)),
                ('pushed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('confirmed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('confirmed_by', fields.BigIntField(null=True)),
                ('forwarded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('platform_ref', fields.CharField(default='', max_length=64)),
                ('forward_attempts', fields.IntField(default=0)),
                ('last_error', fields.CharField(default='', max_length=500)),
                ('next_attempt_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('forward_gave_up', fields.BooleanField(default=False)),
                ('polled_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'benefit_eligibility', 'app': 'policies', 'unique_together': (('benefit', 'business'),), 'indexes': [Index(fields=['business_id', 'id']), Index(fields=['status', 'next_attempt_at'])], 'pk_attr': 'id', 'table_description': 'One business eligible for one benefit, with its status and the forwarding state'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='BenefitEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('eligibility', fields.ForeignKeyField('policies.BenefitEligibility', source_field='eligibility_id', db_constraint=True, to_field='id', related_name='events', on_delete=OnDelete.CASCADE)),
                ('from_status', fields.CharField(null=True, max_length=16)),
                ('to_status', fields.CharField(max_length=16)),
                ('actor_type', fields.CharField(max_length=16)),
                ('actor_id', fields.BigIntField(null=True)),
                ('actor_name', fields.CharField(default='', max_length=64)),
                ('note', fields.CharField(default='', max_length=500)),
                ('payload', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'benefit_event', 'app': 'policies', 'indexes': [Index(fields=['eligibility_id', 'id'])], 'pk_attr': 'id', 'table_description': 'A status change of an eligibility: who, from, to, when'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='BenefitForwardAttempt',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('eligibility', fields.ForeignKeyField('policies.BenefitEligibility', source_field='eligibility_id', db_constraint=True, to_field='id', related_name='attempts', on_delete=OnDelete.CASCADE)),
                ('number', fields.IntField()),
                ('ok', fields.BooleanField()),
                ('http_status', fields.IntField(null=True)),
                ('error', fields.CharField(default='', max_length=500)),
                ('duration_ms', fields.IntField(default=0)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'benefit_forward_attempt', 'app': 'policies', 'indexes': [Index(fields=['eligibility_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One HTTP attempt to forward a confirmed eligibility to the benefit platform'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='BenefitRun',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('benefit', fields.ForeignKeyField('policies.Benefit', source_field='benefit_id', db_constraint=True, to_field='id', related_name='runs', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharField(max_length=16)),
                ('status', fields.CharField(default='pending', max_length=16)),
                ('criteria', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('total', fields.IntField(default=0)),
                ('created', fields.IntField(default=0)),
                ('skipped', fields.IntField(default=0)),
                ('failed', fields.IntField(default=0)),
                ('failures', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('error', fields.CharField(default='', max_length=500)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('finished_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'benefit_run', 'app': 'policies', 'indexes': [Index(fields=['benefit_id', 'id'])], 'pk_attr': 'id', 'table_description': 'A bulk marking run (by rule over the register or by Excel) and its outcome'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PolicyTarget',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('policy', fields.ForeignKeyField('policies.Policy', source_field='policy_id', db_constraint=True, to_field='id', related_name='targets', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharField(max_length=16)),
                ('value', fields.CharField(max_length=64)),
            ],
            options={'table': 'policy_target', 'app': 'policies', 'unique_together': (('policy', 'kind', 'value'),), 'indexes': [Index(fields=['kind', 'value'])], 'pk_attr': 'id', 'table_description': 'One effective targeting value of a policy (kind is scale, tag, industry or region)'},
            bases=['Model'],
        ),
    ]
