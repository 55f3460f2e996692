from tortoise import migrations
from tortoise.migrations import operations as ops

class Migration(migrations.Migration):
    dependencies = [('appeals', '0001_initial'), ('models', '0001_initial')]

    initial = False

    operations = [
        ops.RemoveIndex(
            model_name='Appeal',
            name=None,
            fields=['region_code', 'id'],
        ),
    ]
