from tortoise import migrations
from tortoise.migrations import operations as ops
from getitong.annual.models import ReportStatus
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='AnnualReport',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('business', fields.ForeignKeyField('models.Business', source_field='business_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('year', fields.IntField()),
                ('status', fields.CharEnumField(description='REPORTED: reported\nLATE: late\nMISSING: missing', enum_type=ReportStatus, max_length=16)),
                ('reported_on', fields.DateField(null=True)),
                ('source', fields.CharField(default='entered', max_length=16)),
                ('note', fields.CharField(default='', max_length=200)),
                ('updated_by', fields.ForeignKeyField('models.StaffUser', source_field='updated_by_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.SET_NULL)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'annual_report', 'app': 'annual', 'unique_together': (('business', 'year'),), 'indexes': [Index(fields=['org_id', 'year', 'id'])], 'pk_attr': 'id', 'table_description': 'The annual report of one business for one report year (reported from 1 January to 30 June of the next)'},
            bases=['Model'],
        ),
    ]
