from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='HomeApp',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=32)),
                ('name', fields.CharField(max_length=16)),
                ('icon', fields.CharField(max_length=255)),
                ('page', fields.CharField(max_length=255)),
                ('description', fields.CharField(default='', max_length=100)),
                ('sort', fields.IntField(default=0)),
                ('enabled', fields.BooleanField(default=True)),
                ('is_default', fields.BooleanField(default=False)),
                ('badge', fields.CharField(null=True, max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'home_app', 'app': 'home', 'pk_attr': 'id', 'table_description': 'One app of the mini-program (every capability is one), managed by staff. code is what layouts keep'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='HomeLayout',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('person', fields.OneToOneField('models.Person', source_field='person_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.CASCADE)),
                ('apps', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'home_layout', 'app': 'home', 'pk_attr': 'id', 'table_description': 'The ordered app codes one person keeps on the home screen (no row: the default apps)'},
            bases=['Model'],
        ),
    ]
