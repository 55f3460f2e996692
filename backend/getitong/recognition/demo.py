"""Demo rows: one province-wide 名特优新 notice, published and open for the next 60 days."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from getitong.core import audit
from getitong.recognition import config as cfg
from getitong.recognition.models import RecognitionNotice
from getitong.recognition.workflow import NoticeStatus
from getitong.staff.models import Org, OrgLevel, StaffUser

TITLE = "2026年度湖北省个体工商户“名特优新”分类认定公告"

CONTENT = """为贯彻落实《促进个体工商户发展条例》，引导个体工商户走“专精特新”发展道路，省市场监督管理局决定开展2026年度个体工商户“名特优新”分类认定工作。现将有关事项公告如下：
一、申报对象：在我省依法登记、处于存续（在营）状态、经营满一年的个体工商户。
二、申报方式：个体工商户通过“荆楚个体通”小程序【名特优新申请】在线申报，如实填写吸纳就业人数、缴纳社保人数、上年度营业收入、上年度净利润等信息，并上传资质材料和认定材料图片。
三、审核程序：市场监管部门对申报材料进行受理、审核，材料不全的退回补正；认定结果在本公告下公示。
四、有下列情形之一的不予认定：近两年内受到较重行政处罚的；被列入经营异常名录（标记经营异常状态）或严重违法失信名单的；提供虚假材料的。
五、每户每次公告只能申报一个分类，且只能申报一次。"""

PROMISE = ("本人郑重承诺：所填报的信息和提交的材料真实、准确、完整、有效，不存在隐瞒、虚假等情况；"
           "认定后将诚信守法经营，自觉接受市场监管部门和社会监督。如有不实，愿意承担由此产生的一切法律责任，"
           "并同意撤销认定结果。")

CATEGORIES = [
    {"code": "ming", "requirements": "“名”：拥有注册商标、老字号或地理标志，连续经营5年以上，在本地具有较高知名度和美誉度。"},
    {"code": "te", "requirements": "“特”：经营地方特色产品、传统技艺或非物质文化遗产项目，具有鲜明的地域、民族或文化特色。"},
    {"code": "you", "requirements": "“优”：产品或服务质量优良，诚信经营，近两年无行政处罚记录，消费者满意度高，带动就业作用明显。"},
    {"code": "xin", "requirements": "“新”：运用新技术、新工艺，或采用电子商务、直播带货等新业态新模式经营，成长性好、发展潜力大。"},
]


async def seed(deps: Any) -> None:
    """Publish the demo notice once (a second run finds it and changes nothing)."""
    if await RecognitionNotice.exists(title=TITLE):
        return
    province = await Org.filter(level=OrgLevel.PROVINCE, name="湖北省市场监督管理局").first()
    if province is None:
        return
    admin = await StaffUser.get_or_none(username="admin")
    at = cfg.now().astimezone(cfg.SHANGHAI)
    notice = await RecognitionNotice.create(
        org_id=province.id, region_code=province.region_code, title=TITLE, content=CONTENT, promise=PROMISE,
        categories=CATEGORIES, starts_at=at - timedelta(days=1), ends_at=at + timedelta(days=60),
        status=NoticeStatus.PUBLISHED, published_at=at, created_by_id=admin.id if admin else None)
    await audit.record(actor=admin, action="recognition.notice.publish", target_type="recognition_notice",
                       target_id=notice.id, after={"title": TITLE, "status": NoticeStatus.PUBLISHED.value})
