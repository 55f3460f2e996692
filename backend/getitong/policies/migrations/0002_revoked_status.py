from tortoise import migrations
from tortoise.migrations import operations as ops
from getitong.policies.workflow import EligibilityStatus
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial'), ('policies', '0001_initial')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='BenefitEligibility',
            name='status',
            field=fields.CharEnumField(default=EligibilityStatus.PUSHED, description='PUSHED: pushed\nCONFIRMED: confirmed\nFORWARDED: forwarded\nACCEPTED: accepted\nREJECTED: rejected\nPAID: paid\nREVOKED: revoked', enum_type=EligibilityStatus, max_length=16),
        ),
    ]
