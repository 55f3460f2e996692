"""The draw as written by the use-case (draw.draw_and_write: ranked, packed and inserted inside PostgreSQL, in
Python on SQLite) is row for row the reference draw in Python (`insert_targets(packs(select(…)))`): the same
businesses, keys, must-check flags, pack numbers, authorities and regions, inserted in the same order."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from getitong.supervision import draw as db_draw
from getitong.supervision import sampling
from getitong.supervision.models import Plan, PlanBusiness, PlanEvent, Target
from getitong.supervision.workflow import PlanStatus
from tests.api.conftest import login_staff
from tests.conftest import STACK
from tests.supervision import factories as sf


async def _written(plan_id: int) -> list[tuple[int, int, bool, int, int, str]]:
    return [(t.business_id, t.draw_key, t.must_check, t.pack_no, t.org_id, t.region_code)
            for t in await Target.filter(plan_id=plan_id).order_by("id")]


async def _reference(plan, seed: int, must: dict[int, tuple[int, str]]) -> list[tuple[int, int, bool, int, int, str]]:
    drawn = await db_draw.select(connections.get("default"), plan, seed, must)
    return db_draw.packs(drawn, plan.group_size)


@pytest.mark.parametrize(("ratio", "group_size", "n_must"), [(Decimal(10), 2, 0), (Decimal(30), 3, 4),
                                                             (Decimal(50), 4, 7), (Decimal("12.5"), 5, 1)])
async def test_written_draw_is_the_reference_draw(manager, tree, register, ratio, group_size, n_must):
    station, district, _ = register
    contents = await sf.catalog(tree.district.id)
    for seed in (1, 20260301, 2**62 - 1):
        plan = await sf.plan(manager, contents, ratio=ratio, group_size=group_size)
        must_businesses = (station[::7] + district[::3])[:n_must]
        for b in must_businesses:
            await PlanBusiness.create(plan_id=plan.id, business_id=b.id, must_check=True)
        must = {b.id: (b.org_id, b.region_code) for b in must_businesses}
        async with in_transaction() as conn:
            written = await db_draw.draw_and_write(conn, plan, seed, must)
        rows = await _written(plan.id)
        assert rows == await _reference(plan, seed, must)
        drawn = await db_draw.select(connections.get("default"), plan, seed, must)
        assert written.fingerprint == drawn.fingerprint
        assert written.quotas == drawn.quotas
        assert written.counts == drawn.counts
        assert written.drawn_count == len(rows) == drawn.drawn_count
        # packs: consecutive numbers from 1, at most group_size businesses, one authority each
        packs: dict[int, list[tuple[int, int, bool, int, int, str]]] = {}
        for row in rows:
            packs.setdefault(row[3], []).append(row)
        assert sorted(packs) == list(range(1, len(packs) + 1))
        assert all(len(p) <= group_size for p in packs.values())
        assert all(len({r[4] for r in p}) == 1 for p in packs.values())
        assert all(sampling.draw_key(seed, r[0]) == r[1] for r in rows)


async def test_short_authority_is_read_again_when_written(manager, tree, register):
    """Tiny authorities at 50 %: most seeds leave an authority with fewer keys under the first-pass bound than
    its quota; the written draw reads it again in full, like the reference."""
    contents = await sf.catalog(tree.district.id)
    for seed in range(1, 16):
        plan = await sf.plan(manager, contents, ratio=Decimal(50), group_size=3)
        async with in_transaction() as conn:
            await db_draw.draw_and_write(conn, plan, seed, {})
        rows = await _written(plan.id)
        assert rows == await _reference(plan, seed, {})
        per_org: dict[int, int] = {}
        for row in rows:
            per_org[row[4]] = per_org.get(row[4], 0) + 1
        assert per_org == {tree.station.id: 20, tree.district.id: 5}


async def test_nothing_to_draw_writes_nothing(manager, tree, register):
    contents = await sf.catalog(tree.district.id)
    plan = await sf.plan(manager, contents, filters={"statuses": ["active"], "name_contains": "没有这个名字"})
    with pytest.raises(db_draw.NothingToDraw) as caught:
        async with in_transaction() as conn:
            await db_draw.draw_and_write(conn, plan, 7, {})
    assert caught.value.candidate_count == 0
    assert await Target.filter(plan_id=plan.id).count() == 0


async def test_filters_with_parameters_reach_the_written_draw(manager, tree, register):
    """Free-text filters are bound parameters; the PostgreSQL path runs them inside CREATE TABLE … AS."""
    station, _, _ = register
    contents = await sf.catalog(tree.district.id)
    plan = await sf.plan(manager, contents, ratio=Decimal(50),
                         filters={"statuses": ["active"], "name_contains": "下陆所商户0"})
    async with in_transaction() as conn:
        written = await db_draw.draw_and_write(conn, plan, 99, {})
    assert written.candidate_count == 10
    rows = await _written(plan.id)
    assert rows == await _reference(plan, 99, {})
    assert {r[0] for r in rows} <= {b.id for b in station[:10]}


@pytest.mark.skipif(STACK != "postgres", reason="the parallel scan and its aggregates are PostgreSQL's")
async def test_scan_aggregates_can_run_in_parallel(tree):
    """The scan's array aggregates have a combine function and are parallel safe (else PostgreSQL keeps the
    grouped scan in one process)."""
    rows = await connections.get("default").execute_query_dict(
        "SELECT p.proname AS name, a.aggcombinefn::text AS combine, p.proparallel::text AS parallel FROM pg_aggregate a "
        "JOIN pg_proc p ON p.oid = a.aggfnoid WHERE p.proname LIKE 'gtt_collect_%' ORDER BY 1")
    assert rows == [{"name": n, "combine": "array_cat", "parallel": "s"}
                    for n in ("gtt_collect_int8", "gtt_collect_row", "gtt_collect_text")]


async def test_draw_with_no_candidates_is_refused_and_writes_nothing(client, manager, tree, register):
    """Through the API: 422 with its stable code, the plan still approved, no target, no draw recorded."""
    contents = await sf.catalog(tree.district.id)
    plan = await sf.plan(manager, contents, filters={"statuses": ["active"], "name_contains": "没有这个名字"})
    token = await login_staff(client, "sjmgr")
    r = await client.post(f"{sf.ADMIN}/plans/{plan.id}/draw", token=token, json={"seed": 5})
    assert r.status == 422, r
    assert r.code == "INSPECTION_NO_CANDIDATES", r
    assert r.data == {"candidate_count": 0}, r
    fresh = await Plan.get(id=plan.id)
    assert fresh.status == PlanStatus.APPROVED
    assert fresh.seed is None
    assert fresh.fingerprint is None
    assert await Target.filter(plan_id=plan.id).count() == 0
    assert not await PlanEvent.filter(plan_id=plan.id, action="draw").exists()
    # then a scope with candidates draws normally in the same plan
    plan.filters = {"statuses": ["active"]}
    await plan.save()
    r = await client.post(f"{sf.ADMIN}/plans/{plan.id}/draw", token=token, json={"seed": 5})
    assert r.status == 200, r
    assert r.data["draw"]["drawn_count"] == await Target.filter(plan_id=plan.id).count() == 5
