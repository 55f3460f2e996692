"""The demo notice: published province-wide, open now and for 60 days, seeded once."""

from datetime import timedelta

from getitong.recognition import demo
from getitong.recognition.models import RecognitionNotice
from tests.recognition.factories import MP


async def test_demo_notice_is_open_to_every_business(client, deps, tree, shop, tokens, clock):
    await demo.seed(deps)
    await demo.seed(deps)  # a second run changes nothing
    assert await RecognitionNotice.all().count() == 1
    n = await RecognitionNotice.get()
    assert n.org_id == tree.province.id
    assert n.ends_at - clock.at >= timedelta(days=59)
    for token in ("owner", "other_owner"):
        listed = await client.get(f"{MP}/notices", token=tokens[token])
        assert [x["title"] for x in listed.data["items"]] == [demo.TITLE]
        assert listed.data["items"][0]["is_open"] is True
    detail = await client.get(f"{MP}/notices/{n.id}", token=tokens["owner"])
    assert [c["label"] for c in detail.data["categories"]] == ["名", "特", "优", "新"]
    assert "近两年无行政处罚记录" in detail.data["categories"][2]["requirements"]


async def test_options_and_published_list_need_no_login(client):
    r = await client.get(f"{MP}/options")
    assert [c["label"] for c in r.data["categories"]] == ["名", "特", "优", "新"]
    assert [s["label"] for s in r.data["steps"]] == ["阅读须知", "承诺", "选择分类", "完善信息", "申报信息", "认定材料"]
    assert (await client.get(f"{MP}/notices/1/recognised")).code == "RECOGNITION_NOTICE_NOT_FOUND"
