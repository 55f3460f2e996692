"""Drop the database foreign-key checks of supervision_target on PostgreSQL.

The model declares its three keys with db_constraint=False (targets are written only by the draw, tens of
thousands at once, from ids read in the same transaction; a per-row key check cost more than the draw),
but Tortoise's migration writer creates the constraints anyway. SQLite keeps them (correctness, not speed).
This operation changes no model state, so `makemigrations` keeps reporting no change.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops

CONSTRAINTS = ("supervision_target_plan_id_fkey", "supervision_target_business_id_fkey",
               "supervision_target_org_id_fkey")


async def drop_checks(apps, schema_editor) -> None:  # noqa: ANN001 - Tortoise's RunPython signature
    if schema_editor.client.capabilities.dialect != "postgres":
        return
    await schema_editor.client.execute_script(
        "".join(f"ALTER TABLE supervision_target DROP CONSTRAINT IF EXISTS {name};" for name in CONSTRAINTS))


class Migration(migrations.Migration):
    dependencies = [("supervision", "0001_initial")]

    initial = False

    operations = [ops.RunPython(drop_checks, ops.RunPython.noop)]
