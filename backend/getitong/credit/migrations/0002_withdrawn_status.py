from tortoise import migrations
from tortoise.migrations import operations as ops
from getitong.credit.workflow import CreditStatus
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('credit', '0001_initial'), ('models', '0001_initial'), ('risk', '0001_initial')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='CreditApplication',
            name='status',
            field=fields.CharEnumField(default=CreditStatus.SUBMITTED, description='SUBMITTED: submitted\nREVIEWING: reviewing\nAPPROVING: approving\nRETURNED: returned\nAPPROVED: approved\nREFUSED: refused\nWITHDRAWN: withdrawn', enum_type=CreditStatus, max_length=16),
        ),
    ]
