"""The draw's write and scan costs (issue 9 benchmark).

- supervision_target: the (business_id, id) and (org_id, id) indexes become partial indexes over the rows
  their only queries read (published results of a business; inspected = confirm 'check' businesses of an
  org), so the draw's 27,600-row insert no longer feeds them (all its rows are pending).
- PostgreSQL only: array-collecting aggregates with a combine function (array_cat), so that the draw's
  grouped scan can run as a parallel aggregate (PostgreSQL 15's array_agg has no combine function), and
  the row type (id, region_code) one of them collects. They change no model state.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import PartialIndex

COLLECT = (("gtt_collect_int8", "bigint"), ("gtt_collect_text", "text"), ("gtt_collect_row", "gtt_draw_row"))


async def create_collect(apps, schema_editor) -> None:  # noqa: ANN001 - Tortoise's RunPython signature
    if schema_editor.client.capabilities.dialect != "postgres":
        return
    await schema_editor.client.execute_script(
        "CREATE TYPE gtt_draw_row AS (id bigint, region_code text);" + "".join(
            f"CREATE AGGREGATE {name}({t}) (SFUNC = array_append, STYPE = {t}[], COMBINEFUNC = array_cat, "
            f"PARALLEL = SAFE);" for name, t in COLLECT))


async def drop_collect(apps, schema_editor) -> None:  # noqa: ANN001
    if schema_editor.client.capabilities.dialect != "postgres":
        return
    await schema_editor.client.execute_script(
        "".join(f"DROP AGGREGATE IF EXISTS {name}({t});" for name, t in COLLECT) + "DROP TYPE IF EXISTS gtt_draw_row;")


class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial'), ('supervision', '0002_target_keys_unchecked')]

    initial = False

    operations = [
        ops.RemoveIndex(
            model_name='Target',
            name=None,
            fields=['business_id', 'id'],
        ),
        ops.RemoveIndex(
            model_name='Target',
            name=None,
            fields=['org_id', 'id'],
        ),
        ops.AddIndex(
            model_name='Target',
            index=PartialIndex(fields=['business_id', 'id'], condition={'result_status': 'published'}),
        ),
        ops.AddIndex(
            model_name='Target',
            index=PartialIndex(fields=['org_id', 'id'], condition={'confirm': 'check'}),
        ),
        ops.RunPython(create_collect, drop_collect),
    ]
