from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial'), ('notices', '0001_initial'), ('risk', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='CatalogEntry',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('name', fields.CharField(max_length=128)),
                ('proposing_org', fields.CharField(max_length=128)),
                ('department', fields.ForeignKeyField('notices.Department', source_field='department_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('basis', fields.TextField(unique=False)),
                ('measures', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'punishment_catalog', 'app': 'punishment', 'unique_together': (('name', 'department'),), 'pk_attr': 'id', 'table_description': '惩戒目录: 项目名称, 提请机关, 惩戒机关 (a department), 惩戒依据, 惩戒措施.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ListDownload',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('department', fields.ForeignKeyField('notices.Department', source_field='department_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('listing', fields.ForeignKeyField('risk.Listing', source_field='listing_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('downloaded_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'punishment_list_download', 'app': 'punishment', 'unique_together': (('department', 'listing'),), 'pk_attr': 'id', 'table_description': "A department has downloaded a listing (the lists' 下载状态)."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Matter',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('category', fields.CharField(max_length=32)),
                ('decision_no', fields.CharField(max_length=128)),
                ('decision_org', fields.CharField(max_length=128)),
                ('decision_date', fields.DateField()),
                ('expected_on', fields.DateField(null=True)),
                ('requirements', fields.TextField(default='', unique=False)),
                ('published_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('published_by', fields.CharField(max_length=64)),
                ('created_by', fields.ForeignKeyField('models.StaffUser', source_field='created_by_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'punishment_matter', 'app': 'punishment', 'indexes': [Index(fields=['org_id', 'id'])], 'pk_attr': 'id', 'table_description': "惩戒事项: one decision naming subjects and catalog entries, published to the entries' departments."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Feedback',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('matter', fields.ForeignKeyField('punishment.Matter', source_field='matter_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('entry', fields.ForeignKeyField('punishment.CatalogEntry', source_field='entry_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('department', fields.ForeignKeyField('notices.Department', source_field='department_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('implemented_on', fields.DateField()),
                ('measure', fields.TextField(unique=False)),
                ('note', fields.CharField(default='', max_length=500)),
                ('by_name', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'punishment_feedback', 'app': 'punishment', 'indexes': [Index(fields=['matter_id', 'id']), Index(fields=['department_id', 'implemented_on'])], 'pk_attr': 'id', 'table_description': '惩戒实施反馈: what a department did to one subject under one entry.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='MatterEntry',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('matter', fields.ForeignKeyField('punishment.Matter', source_field='matter_id', db_constraint=True, to_field='id', related_name='entries', on_delete=OnDelete.CASCADE)),
                ('entry', fields.ForeignKeyField('punishment.CatalogEntry', source_field='entry_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('department', fields.ForeignKeyField('notices.Department', source_field='department_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'punishment_matter_entry', 'app': 'punishment', 'unique_together': (('matter', 'entry'),), 'indexes': [Index(fields=['department_id', 'id'])], 'pk_attr': 'id', 'table_description': 'A catalog entry a matter applies (its department is told).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='MatterSubject',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('matter', fields.ForeignKeyField('punishment.Matter', source_field='matter_id', db_constraint=True, to_field='id', related_name='subjects', on_delete=OnDelete.CASCADE)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('name', fields.CharField(max_length=128)),
                ('uscc', fields.CharField(max_length=18)),
                ('operator_name', fields.CharField(max_length=64)),
            ],
            options={'table': 'punishment_subject', 'app': 'punishment', 'unique_together': (('matter', 'business'),), 'indexes': [Index(fields=['business_id', 'id'])], 'pk_attr': 'id', 'table_description': 'A business named by a matter, as the register had it when published.'},
            bases=['Model'],
        ),
    ]
