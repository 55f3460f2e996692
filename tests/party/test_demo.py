"""Demo rows: two published activities of 下陆区局 and a published story, once."""

from getitong.party import demo
from getitong.party.models import Activity, Story
from getitong.staff.models import OrgLevel
from getitong.staff.scope import add_org
from tests.party.factories import MP


async def test_seed_adds_activities_and_a_story_once(client, deps, tree, owner, tokens, clock):
    await demo.seed(deps)
    await demo.seed(deps)
    activities = await Activity.filter(org_id=tree.district.id).order_by("starts_at")
    assert [a.status for a in activities] == ["published", "published"]
    assert 0 < (activities[0].starts_at - clock.at).total_seconds() <= 2 * 3600
    assert 6 <= (activities[1].starts_at - clock.at).days <= 7
    assert await Story.filter(status="published").count() == 1
    listed = await client.get(f"{MP}/activities", token=tokens["owner"], params={"when": "open"})
    assert len(listed.data["items"]) == 2
    stories = await client.get(f"{MP}/stories")
    assert stories.data["items"][0]["title"] == demo.STORY_TITLE


async def test_seed_without_the_org_does_nothing(deps, clock):
    await add_org(name="别的局", level=OrgLevel.PROVINCE, region_code="110000", parent=None)
    await demo.seed(deps)
    assert await Activity.all().count() == 0
