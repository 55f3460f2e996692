"""Statistics per submission month (the trend, Shanghai months, empty months filled) and per appeal type."""

from datetime import UTC, datetime

from tests.appeals.factories import ADMIN, new_appeal


async def _seed(client, tokens, clock):
    clock.at = datetime(2026, 1, 10, 2, 0, tzinfo=UTC)
    await new_appeal(client, tokens["owner"], type="complaint")
    clock.at = datetime(2026, 3, 5, 2, 0, tzinfo=UTC)
    await new_appeal(client, tokens["owner"], type="complaint")
    await new_appeal(client, tokens["owner"], type="consult")
    # 31 March 17:00 UTC is 1 April 01:00 in Shanghai: an April appeal.
    clock.at = datetime(2026, 3, 31, 17, 0, tzinfo=UTC)
    await new_appeal(client, tokens["owner"], type="help")


async def test_by_month_counts_shanghai_months_and_fills_empty_ones(client, tokens, clock):
    await _seed(client, tokens, clock)
    r = await client.get(f"{ADMIN}/stats", token=tokens["citydesk"],
                         params={"from": "2026-01-01", "to": "2026-04-30", "group_by": "month"})
    assert r.status == 200, r
    assert r.data["group_by"] == "month"
    assert [(m["month"], m["received"]) for m in r.data["by_month"]] == [
        ("2026-01", 1), ("2026-02", 0), ("2026-03", 2), ("2026-04", 1)]
    assert r.data["total"]["received"] == 4
    assert r.data["by_month"][1]["satisfaction_pct"] is None  # nothing rated in an empty month


async def test_by_month_without_a_period_lists_the_months_that_have_appeals(client, tokens, clock):
    await _seed(client, tokens, clock)
    r = await client.get(f"{ADMIN}/stats", token=tokens["citydesk"], params={"group_by": "month"})
    assert [m["month"] for m in r.data["by_month"]] == ["2026-01", "2026-03", "2026-04"]


async def test_by_type_lists_every_type_with_its_label(client, tokens, clock):
    await _seed(client, tokens, clock)
    r = await client.get(f"{ADMIN}/stats", token=tokens["citydesk"], params={"group_by": "type"})
    assert r.status == 200, r
    assert [(t["type"], t["label"], t["received"]) for t in r.data["by_type"]] == [
        ("consult", "咨询", 1), ("complaint", "投诉", 2), ("suggestion", "建议", 0), ("help", "求助", 1),
        ("other", "其他", 0)]
    default = await client.get(f"{ADMIN}/stats", token=tokens["citydesk"])
    assert default.data["total"] == r.data["total"]
    assert "by_org" in default.data


async def test_group_by_is_checked_and_the_scope_still_applies(client, tokens, clock):
    await _seed(client, tokens, clock)
    r = await client.get(f"{ADMIN}/stats", token=tokens["citydesk"], params={"group_by": "station"})
    assert r.status == 422
    other = await client.get(f"{ADMIN}/stats", token=tokens["otherdesk"], params={"group_by": "month"})
    assert other.data["by_month"] == []
    assert other.data["total"]["received"] == 0
    unit = await client.get(f"{ADMIN}/stats", token=tokens["unit"], params={"group_by": "type"})
    assert unit.status == 403
