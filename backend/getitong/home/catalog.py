"""The default app catalogue: every capability of the mini-program is one app (SPEC B).

Loaded into an empty catalogue when the API starts; afterwards staff manage it (rename, reorder,
disable, add). `badge` names the unread count shown on the app's icon.
"""

from __future__ import annotations

from typing import Any

# code, name, icon, page, description, default on a new person's home, badge
DEFAULT_APPS: list[tuple[str, str, str, str, str, bool, str | None]] = [
    ("policies", "政策查询", "policy", "/pages/policies/index", "与本店匹配的惠企政策", True, None),
    ("benefits", "免申即享", "gift", "/pages/benefits/index", "符合条件的补贴，确认即享", True, "benefits"),
    ("loans", "金融支持", "bank", "/pages/loans/index", "银行贷款产品与申请", True, None),
    ("annual_report", "年度报告", "report", "/pages/annual/index", "年报入口与本年度报送状态", True, "annual_report"),
    ("recognition", "名特优新", "medal", "/pages/recognition/index", "名特优新个体工商户申报", True, None),
    ("appeals", "诉求反馈", "message", "/pages/appeals/index", "诉求登记、查询与评价", True, "appeals"),
    ("risk", "风险预警", "warning", "/pages/risk/index", "本店的严重违法、经营异常与行政处罚", True, "risk"),
    ("party", "小个专党建", "flag", "/pages/party/index", "党员管理、党员活动与志愿服务", True, "party"),
    ("news", "新闻资讯", "news", "/pages/news/index", "市场监管新闻与通知", False, None),
    ("laws", "法律法规", "law", "/pages/laws/index", "法律法规及解读", False, None),
    ("credit_repair", "信用修复", "shield", "/pages/credit/index", "移出经营异常、严重违法失信名单", False, None),
    ("registration", "个体户登记", "stamp", "/pages/registration/index", "个体工商户设立登记（智能审批）", False, None),
]

BADGES = ("appeals", "benefits", "risk", "party", "annual_report")


def default_rows() -> list[dict[str, Any]]:
    return [{"code": code, "name": name, "icon": icon, "page": page, "description": desc, "sort": (i + 1) * 10,
             "is_default": default, "badge": badge}
            for i, (code, name, icon, page, desc, default, badge) in enumerate(DEFAULT_APPS)]
