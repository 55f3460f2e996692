"""Demo rows for party building: two published activities of 下陆区局 and one published story."""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from getitong.content.sanitize import clean_html
from getitong.core.deps import Deps
from getitong.party import config as cfg
from getitong.party.models import Activity, Story
from getitong.party.workflow import ActivityStatus, StoryStatus
from getitong.staff.models import Org, StaffUser

ORG_NAME = "黄石市下陆区市场监督管理局"
SOON_TITLE = "“小个专”党员主题党日活动"
NEXT_WEEK_TITLE = "党员志愿服务进社区"
STORY_TITLE = "诚信经营二十年的“党员小吃店”"
STORY_HTML = """<p>张秀英是下陆区张记小吃店的经营者，也是一名有着十五年党龄的老党员。</p>
<p>二十年来，她坚持明码标价、用料实在，带头签订《诚信经营承诺书》，并组织周边个体工商户中的党员
成立志愿服务队，每月到社区为孤寡老人送餐。</p>
<p>她说：“小店也能亮身份、树形象，党员就要在经营一线做表率。”</p>"""


def _at(day: datetime, hour: int, minute: int = 0) -> datetime:
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


async def seed(deps: Deps) -> None:
    """Idempotent: nothing happens when the demo activities are already there or the org is missing."""
    org = await Org.get_or_none(name=ORG_NAME)
    if org is None or await Activity.exists(org_id=org.id, title=SOON_TITLE):
        return
    author = await StaffUser.filter(org_id=org.id).order_by("id").first()
    now = cfg.local(cfg.now())
    # Today-ish: starting within the hour, so the demo can check in right away; the next one a week later.
    soon_start = _at(now, now.hour) + timedelta(hours=1)
    week_day = now + timedelta(days=7)
    async with in_transaction() as conn:
        for title, place, starts, ends, capacity, text in [
            (SOON_TITLE, "下陆区团城山街道党群服务中心三楼会议室", soon_start, soon_start + timedelta(hours=3), 60,
             "重温入党誓词，学习个体工商户党建工作相关文件，交流诚信经营经验。请携带党员证件，现场扫码签到。"),
            (NEXT_WEEK_TITLE, "下陆区新下陆街道长乐社区", _at(week_day, 14, 30), _at(week_day, 17, 0), 30,
             "为社区老人义务理发、维修小家电、宣传食品安全知识。"),
        ]:
            await Activity.create(org_id=org.id, title=title, place=place, starts_at=starts, ends_at=ends,
                                  capacity=capacity, description=text, status=ActivityStatus.PUBLISHED,
                                  published_at=now, created_by_id=author.id if author else None, using_db=conn)
        await Story.create(org_id=org.id, title=STORY_TITLE, summary="明码标价二十年，带头组建党员志愿服务队",
                           subject="张秀英（下陆区张记小吃店）", body_html=clean_html(STORY_HTML),
                           status=StoryStatus.PUBLISHED, published_at=now,
                           author_id=author.id if author else None, using_db=conn)
