"""Audit trail of staff writes: who, when, what, before → after, in the caller's transaction."""

from __future__ import annotations

from typing import Any

from getitong.core.context import current_request_meta
from getitong.core.models import AuditLog

# What each audited object is called in the admin's audit viewer.
TARGET_TYPE_LABELS = {
    "staff_user": "工作人员", "business": "市场主体", "financial_institution": "金融机构", "appeal": "诉求",
    "risk_penalty": "行政处罚", "risk_listing": "列入名单记录", "risk_import": "风险信息导入", "article": "新闻资讯 / 法律法规",
    "policy": "政策", "benefit": "免申即享事项", "benefit_eligibility": "免申即享推送", "loan_product": "贷款产品",
    "loan_application": "贷款申请", "loan_notification": "贷款通知", "recognition_notice": "名特优新公告",
    "recognition_application": "名特优新申请", "party_activity": "党员活动", "party_story": "先进事迹",
    "home_app": "首页应用", "annual_report": "年度报告", "credit_application": "信用修复申请",
    "registration": "个体户登记", "notice": "双告知", "notice_rule": "双告知规则", "notice_department": "后置审批部门",
    "punishment_matter": "联合惩戒事项", "punishment_catalog": "惩戒目录", "supervision_plan": "抽查计划",
    "supervision_target": "抽查对象", "supervision_inspector": "执法人员", "supervision_recusal": "回避关系",
    "supervision_check_item": "检查项目", "supervision_check_subitem": "检查子项",
    "supervision_check_content": "检查内容", "collection_record": "归集记录", "collection_import": "归集导入",
}

_SECRET_FIELDS = {"password", "password_hash", "new_password", "old_password", "token", "refresh_token",
                  "phone_enc", "operator_id_enc", "secret"}


def scrub(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return {k: ("***" if k in _SECRET_FIELDS else v) for k, v in values.items()}


async def record(*, actor: Any, action: str, target_type: str, target_id: Any,
                 before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
                 using_db: Any = None) -> AuditLog:
    """Write one audit row; pass `using_db` to stay inside the caller's transaction."""
    meta = current_request_meta()
    return await AuditLog.create(
        actor_type="staff" if actor is not None else "system",
        actor_id=getattr(actor, "id", None),
        actor_name=getattr(actor, "name", "系统"),
        actor_org_id=getattr(actor, "org_id", None),
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        before=scrub(before),
        after=scrub(after),
        ip=meta.get("ip", ""),
        request_id=meta.get("request_id", ""),
        using_db=using_db,
    )
