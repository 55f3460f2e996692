"""Labels the admin screens read from the API instead of copying them, and the audit viewer's filters."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from getitong.core.models import AuditLog
from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import login_staff

AUDIT = "/api/v1/admin/audit-logs"


async def test_audit_filters_action_prefix_dates_target_and_name(client, deps, tree, district_admin):
    token = await login_staff(client, "dadmin")
    actor = district_admin
    rows = [("credit.accept", "credit_application", "7", datetime(2026, 3, 1, 15, 30, tzinfo=UTC)),  # 3-01 23:30 沪
            ("credit.approve", "credit_application", "7", datetime(2026, 3, 1, 16, 30, tzinfo=UTC)),  # 3-02 00:30 沪
            ("appeal.accept", "appeal", "9", datetime(2026, 3, 3, 2, 0, tzinfo=UTC))]
    for action, ttype, tid, at in rows:
        log = await AuditLog.create(actor_type="staff", actor_id=actor.id, actor_name="测试人员",
                                    actor_org_id=tree.district.id, action=action, target_type=ttype, target_id=tid)
        # As the ORM writes them (Asia/Shanghai offset; SQLite compares that text).
        await AuditLog.filter(id=log.id).update(created_at=at.astimezone(ZoneInfo("Asia/Shanghai")))

    async def actions(**params):
        r = await client.get(AUDIT, params={k: str(v) for k, v in params.items()}, token=token)
        assert r.status == 200, r
        return sorted(i["action"] for i in r.data["items"])

    assert await actions(action="credit.") == ["credit.accept", "credit.approve"]
    assert await actions(action="credit.accept") == ["credit.accept"]
    assert await actions(date_from="2026-03-02", date_to="2026-03-02") == ["credit.approve"]  # Beijing days
    assert await actions(date_to="2026-03-01") == ["credit.accept"]
    assert await actions(target_type="appeal", target_id="9") == ["appeal.accept"]
    assert await actions(q="测试", action="appeal.") == ["appeal.accept"]
    assert await actions(q="无此人") == []
    types = await client.get(f"{AUDIT}/target-types", token=token)
    assert {"value": "credit_application", "label": "信用修复申请"} in types.data
    r = await client.get(AUDIT, params={"date_from": "2026-13-01"}, token=token)
    assert r.status == 422


async def test_audit_target_types_need_the_permission(client, deps, tree, clerk):
    token = await login_staff(client, "clerk")
    assert (await client.get(f"{AUDIT}/target-types", token=token)).status == 403
    assert (await client.get(f"{AUDIT}/target-types")).status == 401


async def test_content_options_for_the_editors(client, deps, tree):
    await factories.staff(deps, tree.district, [Role.CONTENT_EDITOR.value], username="editor9")
    token = await login_staff(client, "editor9")
    r = await client.get("/api/v1/admin/content/options", token=token)
    assert r.status == 200, r
    assert {"value": "typical_case", "label": "典型案例"} in r.data["news_categories"]
    assert {"value": "departmental_rule", "label": "部门规章"} in r.data["law_categories"]
    assert [v["label"] for v in r.data["validities"]] == ["现行有效", "已修订", "已废止"]
    assert (await client.get("/api/v1/admin/content/options")).status == 401
