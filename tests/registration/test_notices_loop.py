"""A 小餐饮 registered and approved automatically is told (双告知) to the department issuing the food permit,
which receives and answers it — the loop of issue 9's done-when, across the two domains."""

from getitong.notices.models import Department, DepartmentMember, Notice, NoticeRule
from getitong.staff.permissions import Role
from tests import factories
from tests.registration.factories import submitted

ADMIN = "/api/v1/admin/notices"


async def test_approved_registration_is_told_and_answered(client, deps, cast):
    food = await Department.create(name="黄石市下陆区市场监督管理局食品经营许可窗口", org=cast.tree.district)
    await NoticeRule.create(keyword="小餐饮", item="食品经营许可（小餐饮登记）", department=food)
    await NoticeRule.create(keyword="卷烟零售", item="烟草专卖零售许可证", department=food)
    liaison = await factories.staff(deps, cast.tree.district, [Role.DEPARTMENT_LIAISON.value], username="xlsp")
    await DepartmentMember.create(department=food, staff=liaison)
    token = deps.tokens.codec.issue(subject_type="staff", subject_id=liaison.id)

    out = await submitted(client, cast.tokens["applicant"])  # a 小餐饮: scope 小餐饮, 外卖递送服务
    assert out["outcome"] == "approved", out
    notices = await Notice.all()
    assert [(n.item, n.business_name, n.application_type.value) for n in notices] == [
        ("食品经营许可（小餐饮登记）", out["license"]["name"], "establish")]
    assert notices[0].uscc == out["license"]["uscc"]

    box = await client.get(f"{ADMIN}/inbox", token=token)
    [item] = box.data["items"]
    assert (item["business"]["uscc"], item["status_label"]) == (out["license"]["uscc"], "未接收")
    assert (await client.post(f"{ADMIN}/inbox/receive", json={"ids": [item["id"]]}, token=token)).status == 200
    r = await client.post(f"{ADMIN}/inbox/{item['id']}/answer", token=token, json={
        "result": "issued", "cert_no": "JY24202040000001", "cert_name": "小餐饮经营许可证",
        "issued_on": "2026-03-03"})
    assert (r.status, r.data["color"], r.data["feedback"]["long_term"]) == (200, "green", True)
