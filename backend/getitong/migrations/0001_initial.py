from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from getitong.accounts.models import LinkRole
from getitong.entities.models import EntityKind, EntityStatus, ScaleType
from getitong.staff.models import OrgLevel
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='AuditLog',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('actor_type', fields.CharField(max_length=16)),
                ('actor_id', fields.BigIntField(null=True)),
                ('actor_name', fields.CharField(default='', max_length=64)),
                ('actor_org_id', fields.BigIntField(null=True, db_index=True)),
                ('action', fields.CharField(max_length=64)),
                ('target_type', fields.CharField(max_length=32)),
                ('target_id', fields.CharField(default='', max_length=64)),
                ('before', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('after', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('ip', fields.CharField(default='', max_length=64)),
                ('request_id', fields.CharField(default='', max_length=64)),
                ('created_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'audit_log', 'app': 'models', 'indexes': [Index(fields=['target_type', 'target_id']), Index(fields=['actor_id', 'id'])], 'pk_attr': 'id', 'table_description': 'Every staff write: who, when, what, before → after. Secrets are never stored here.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Org',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(max_length=128)),
                ('level', fields.CharEnumField(description='PROVINCE: province\nCITY: city\nDISTRICT: district\nSTATION: station', enum_type=OrgLevel, max_length=16)),
                ('parent', fields.ForeignKeyField('models.Org', source_field='parent_id', null=True, db_constraint=True, to_field='id', related_name='children', on_delete=OnDelete.RESTRICT)),
                ('region_code', fields.CharField(db_index=True, max_length=12)),
                ('sort', fields.IntField(default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'org', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Business',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('uscc', fields.CharField(unique=True, max_length=18)),
                ('reg_no', fields.CharField(null=True, db_index=True, max_length=32)),
                ('name', fields.CharField(db_index=True, max_length=128)),
                ('kind', fields.CharEnumField(default=EntityKind.INDIVIDUAL, description='INDIVIDUAL: individual\nENTERPRISE: enterprise\nCOOPERATIVE: cooperative', enum_type=EntityKind, max_length=16)),
                ('operator_name', fields.CharField(max_length=64)),
                ('operator_id_enc', fields.CharField(null=True, max_length=255)),
                ('operator_id_index', fields.CharField(null=True, db_index=True, max_length=64)),
                ('region_code', fields.CharField(max_length=12)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('industry', fields.CharField(default='', max_length=64)),
                ('address', fields.CharField(default='', max_length=255)),
                ('established_on', fields.DateField(null=True)),
                ('status', fields.CharEnumField(default=EntityStatus.ACTIVE, description='ACTIVE: active\nCANCELLED: cancelled\nREVOKED: revoked', enum_type=EntityStatus, max_length=16)),
                ('scale_type', fields.CharEnumField(null=True, description='SURVIVAL: survival\nGROWTH: growth\nDEVELOPMENT: development', enum_type=ScaleType, max_length=16)),
                ('tags', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'business', 'app': 'models', 'indexes': [Index(fields=['region_code', 'id']), Index(fields=['org_id', 'id'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='FinancialInstitution',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(unique=True, max_length=128)),
                ('region_code', fields.CharField(max_length=12)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'financial_institution', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OrgClosure',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('ancestor', fields.ForeignKeyField('models.Org', source_field='ancestor_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('descendant', fields.ForeignKeyField('models.Org', source_field='descendant_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('depth', fields.IntField()),
            ],
            options={'table': 'org_closure', 'app': 'models', 'unique_together': (('ancestor', 'descendant'),), 'pk_attr': 'id', 'table_description': 'Every (ancestor, descendant) pair incl. (x, x), so that own-org-and-below is one indexed lookup.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Person',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('phone_index', fields.CharField(unique=True, max_length=64)),
                ('phone_enc', fields.CharField(max_length=255)),
                ('name', fields.CharField(max_length=64)),
                ('password_hash', fields.CharField(null=True, max_length=255)),
                ('wechat_openid', fields.CharField(null=True, unique=True, max_length=64)),
                ('privacy_version', fields.CharField(max_length=32)),
                ('privacy_agreed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('is_active', fields.BooleanField(default=True)),
                ('last_business_id', fields.BigIntField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'person', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PersonBusiness',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('person', fields.ForeignKeyField('models.Person', source_field='person_id', db_constraint=True, to_field='id', related_name='links', on_delete=OnDelete.CASCADE)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name='links', on_delete=OnDelete.CASCADE)),
                ('role', fields.CharEnumField(default=LinkRole.OPERATOR, description='OPERATOR: operator', enum_type=LinkRole, max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'person_business', 'app': 'models', 'unique_together': (('person', 'business'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RefreshToken',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('token_digest', fields.CharField(unique=True, max_length=64)),
                ('family', fields.CharField(db_index=True, max_length=32)),
                ('subject_type', fields.CharField(max_length=16)),
                ('subject_id', fields.BigIntField()),
                ('business_id', fields.BigIntField(null=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'refresh_token', 'app': 'models', 'indexes': [Index(fields=['subject_type', 'subject_id'])], 'pk_attr': 'id', 'table_description': 'A rotating refresh token, of which only the digest is stored. A family shares one login.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Region',
            fields=[
                ('code', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=12)),
                ('name', fields.CharField(max_length=64)),
                ('parent_code', fields.CharField(null=True, db_index=True, max_length=12)),
                ('level', fields.IntField()),
            ],
            options={'table': 'region', 'app': 'models', 'pk_attr': 'code', 'table_description': 'Administrative division (GB/T 2260 codes): 省 → 市 → 区/县.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StaffUser',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('username', fields.CharField(unique=True, max_length=64)),
                ('name', fields.CharField(max_length=64)),
                ('phone_enc', fields.CharField(null=True, max_length=255)),
                ('password_hash', fields.CharField(max_length=255)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name='staff', on_delete=OnDelete.RESTRICT)),
                ('institution', fields.ForeignKeyField('models.FinancialInstitution', source_field='institution_id', null=True, db_constraint=True, to_field='id', related_name='staff', on_delete=OnDelete.RESTRICT)),
                ('roles', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('is_active', fields.BooleanField(default=True)),
                ('must_change_password', fields.BooleanField(default=False)),
                ('last_login_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'staff_user', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StoredFile',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('sha256', fields.CharField(db_index=True, max_length=64)),
                ('content_type', fields.CharField(max_length=64)),
                ('size', fields.IntField()),
                ('original_name', fields.CharField(default='', max_length=255)),
                ('owner_type', fields.CharField(max_length=16)),
                ('owner_id', fields.BigIntField()),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'stored_file', 'app': 'models', 'pk_attr': 'id', 'table_description': 'Metadata of an upload, whose bytes live in the storage backend under their sha256.'},
            bases=['Model'],
        ),
    ]
