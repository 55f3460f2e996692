from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from getitong.notices.workflow import ApplicationType, FeedbackResult, NoticeStatus
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='Department',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(max_length=128)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'notice_department', 'app': 'notices', 'unique_together': (('org', 'name'),), 'pk_attr': 'id', 'table_description': 'A department with post-approval duties (卫生健康局, 公安分局, 烟草专卖局 …) at the level of `org`: it is told'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='DepartmentMember',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('department', fields.ForeignKeyField('notices.Department', source_field='department_id', db_constraint=True, to_field='id', related_name='members', on_delete=OnDelete.CASCADE)),
                ('staff', fields.ForeignKeyField('models.StaffUser', source_field='staff_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'notice_department_member', 'app': 'notices', 'unique_together': (('department', 'staff'),), 'pk_attr': 'id', 'table_description': 'A staff account (role department_liaison) working for a department.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Notice',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('department', fields.ForeignKeyField('notices.Department', source_field='department_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('business_name', fields.CharField(max_length=128)),
                ('uscc', fields.CharField(max_length=18)),
                ('kind', fields.CharField(max_length=16)),
                ('address', fields.CharField(default='', max_length=255)),
                ('scope', fields.TextField(unique=False)),
                ('established_on', fields.DateField(null=True)),
                ('approved_on', fields.DateField()),
                ('application_type', fields.CharEnumField(description='ESTABLISH: establish\nCHANGE: change', enum_type=ApplicationType, max_length=16)),
                ('item', fields.CharField(max_length=128)),
                ('keywords', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('status', fields.CharEnumField(default=NoticeStatus.UNRECEIVED, description='UNRECEIVED: unreceived\nRECEIVED: received\nANSWERED: answered', enum_type=NoticeStatus, max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('received_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('received_by', fields.CharField(default='', max_length=64)),
                ('answered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('answered_by', fields.CharField(default='', max_length=64)),
                ('result', fields.CharEnumField(null=True, description='ISSUED: issued\nREFUSED: refused\nOTHER_LEVEL: other_level\nNOT_APPLIED: not_applied', enum_type=FeedbackResult, max_length=16)),
                ('cert_no', fields.CharField(default='', max_length=64)),
                ('cert_name', fields.CharField(default='', max_length=128)),
                ('issuing_authority', fields.CharField(default='', max_length=128)),
                ('issued_on', fields.DateField(null=True)),
                ('valid_from', fields.DateField(null=True)),
                ('valid_to', fields.DateField(null=True)),
                ('permit_content', fields.TextField(default='', unique=False)),
                ('remark', fields.CharField(default='', max_length=500)),
            ],
            options={'table': 'notice', 'app': 'notices', 'unique_together': (('business', 'department', 'item', 'application_type', 'approved_on'),), 'indexes': [Index(fields=['department_id', 'status', 'id']), Index(fields=['org_id', 'status', 'id']), Index(fields=['business_id', 'id'])], 'pk_attr': 'id', 'table_description': 'One notice of a registration to one department for one post-approval item, and the answer.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='NoticeRule',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('keyword', fields.CharField(max_length=64)),
                ('item', fields.CharField(max_length=128)),
                ('department', fields.ForeignKeyField('notices.Department', source_field='department_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'notice_rule', 'app': 'notices', 'unique_together': (('keyword', 'item', 'department'),), 'pk_attr': 'id', 'table_description': 'Scope wording (keyword) that needs a post-approval item (后置审批事项) issued by a department.'},
            bases=['Model'],
        ),
    ]
