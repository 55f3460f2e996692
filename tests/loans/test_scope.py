"""Who may see what: bank staff only their institution, owners only the current business, nobody anonymous."""

import pytest

from getitong.loans.models import LoanNotification
from tests.loans import factories as lf
from tests.loans.factories import ADMIN, MP


def mp_endpoints(pid: int, aid: int) -> list[tuple[str, str]]:
    return [("GET", f"{MP}/options"), ("GET", f"{MP}/products"), ("GET", f"{MP}/products/{pid}"),
            ("POST", f"{MP}/products/{pid}/apply"), ("GET", f"{MP}/applications"),
            ("GET", f"{MP}/applications/{aid}"), ("POST", f"{MP}/applications/{aid}/withdraw")]


def admin_endpoints(iid: int, pid: int, aid: int, nid: int) -> list[tuple[str, str]]:
    return [("GET", f"{ADMIN}/institutions"), ("POST", f"{ADMIN}/institutions"),
            ("GET", f"{ADMIN}/institutions/{iid}"), ("PATCH", f"{ADMIN}/institutions/{iid}"),
            ("POST", f"{ADMIN}/institutions/{iid}/webhook-secret"),
            ("GET", f"{ADMIN}/institutions/{iid}/webhook-deliveries"),
            ("GET", f"{ADMIN}/products"), ("POST", f"{ADMIN}/products"), ("GET", f"{ADMIN}/products/{pid}"),
            ("PATCH", f"{ADMIN}/products/{pid}"), ("POST", f"{ADMIN}/products/{pid}/publish"),
            ("POST", f"{ADMIN}/products/{pid}/unpublish"), ("GET", f"{ADMIN}/applications"),
            ("GET", f"{ADMIN}/applications/{aid}"), *[("POST", f"{ADMIN}/applications/{aid}/{a}")
                                                     for a in ("contact", "approve", "reject", "grant")],
            ("GET", f"{ADMIN}/notifications"), ("GET", f"{ADMIN}/notifications/unread-count"),
            ("POST", f"{ADMIN}/notifications/{nid}/read"), ("POST", f"{ADMIN}/notifications/read-all")]


PRODUCT = {"name": "助商贷", "amount_min": 10000, "amount_max": 300000, "rate_min": 3.6, "rate_max": 4.8,
           "term_months_max": 24, "guarantee_type": "credit"}


def valid_body(method: str, path: str) -> dict:
    """A body the endpoint would accept from the right actor: refusals must not depend on bad input."""
    action = path.rsplit("/", 1)[-1]
    if action in lf.STEP_BODIES and "/admin/" in path:
        return lf.body_for(action)
    if path.endswith("/apply"):
        return {"amount": 200000}
    if method == "POST" and path.endswith("/institutions"):
        return {"name": "某某银行"}
    if method == "PATCH" and "/institutions/" in path:
        return {"contact_name": "张三"}
    if method == "POST" and path.endswith("/products"):
        return PRODUCT
    if method == "PATCH" and "/products/" in path:
        return {"name": "新名称"}
    return {}


@pytest.fixture
async def world(client, tokens, banks, product):
    """One application of the owner's business to bank A; returns (institution, product, application, notice)."""
    app_id = (await lf.new_application(client, tokens["owner"], product.id))["id"]
    notice = await LoanNotification.get(application_id=app_id)
    return banks.a.id, product.id, app_id, notice.id


async def test_anonymous_is_refused_everywhere(client, world):
    iid, pid, aid, nid = world
    for method, path in mp_endpoints(pid, aid) + admin_endpoints(iid, pid, aid, nid):
        r = await client.request(method, path, json=valid_body(method, path))
        assert (r.status, r.code) == (401, "UNAUTHENTICATED"), (method, path, r)


async def test_wrong_audience_is_refused(client, tokens, world):
    iid, pid, aid, nid = world
    for method, path in mp_endpoints(pid, aid):
        r = await client.request(method, path, token=tokens["bank"], json={})
        assert r.status == 401, (method, path, r)
    for method, path in admin_endpoints(iid, pid, aid, nid):
        r = await client.request(method, path, token=tokens["owner"], json={})
        assert r.status == 401, (method, path, r)


async def test_staff_without_loan_permissions_is_refused(client, tokens, world):
    iid, pid, aid, nid = world
    for method, path in admin_endpoints(iid, pid, aid, nid):
        r = await client.request(method, path, token=tokens["clerk"], json=valid_body(method, path))
        assert (r.status, r.code) == (403, "FORBIDDEN"), (method, path, r)
        assert r.message == "无权限执行此操作"


async def test_bank_staff_without_institution_is_refused(client, tokens, world):
    iid, pid, aid, nid = world
    for method, path in admin_endpoints(iid, pid, aid, nid):
        r = await client.request(method, path, token=tokens["nobank"], json=valid_body(method, path))
        assert r.status == 403, (method, path, r)
        assert r.code in {"LOAN_NO_INSTITUTION", "FORBIDDEN"}, (method, path, r)
    r = await client.get(f"{ADMIN}/applications", token=tokens["nobank"])
    assert (r.code, r.message) == ("LOAN_NO_INSTITUTION", "您的账号未关联金融机构，请联系管理员")


async def test_other_institution_sees_nothing(client, tokens, world):
    iid, pid, aid, nid = world
    expected = {f"{ADMIN}/institutions/{iid}": "LOAN_INSTITUTION_NOT_FOUND",
                f"{ADMIN}/products/{pid}": "LOAN_PRODUCT_NOT_FOUND",
                f"{ADMIN}/applications/{aid}": "LOAN_APPLICATION_NOT_FOUND",
                f"{ADMIN}/notifications/{nid}": "LOAN_NOTIFICATION_NOT_FOUND"}
    for method, path in admin_endpoints(iid, pid, aid, nid):
        prefix = next((p for p in expected if path.startswith(p)), None)
        if prefix is None or method == "POST" and path.endswith("webhook-secret"):
            continue
        r = await client.request(method, path, token=tokens["bank2"], json=valid_body(method, path))
        assert (r.status, r.code) == (404, expected[prefix]), (method, path, r)
    for path in (f"{ADMIN}/products", f"{ADMIN}/applications", f"{ADMIN}/notifications"):
        r = await client.get(path, token=tokens["bank2"])
        assert r.data["items"] == [], path
    r = await client.get(f"{ADMIN}/applications?institution_id={iid}", token=tokens["bank2"])
    assert r.data["items"] == []
    assert (await client.get(f"{ADMIN}/notifications/unread-count", token=tokens["bank2"])).data == {"unread": 0}
    r = await client.get(f"{ADMIN}/institutions", token=tokens["bank2"])
    assert [i["name"] for i in r.data["items"]] == ["武汉农村商业银行"]
    # Nothing moved and nothing was read.
    r = await client.get(f"{ADMIN}/applications/{aid}", token=tokens["bank"])
    assert (r.data["status"], len(r.data["timeline"])) == ("submitted", 1)
    assert (await client.get(f"{ADMIN}/notifications/unread-count", token=tokens["bank"])).data == {"unread": 1}


async def test_supervisor_of_another_city_sees_nothing(client, deps, tree, tokens, world, banks):
    from getitong.staff.permissions import Role
    from tests import factories

    iid, pid, aid, nid = world
    user = await factories.staff(deps, tree.other_city, [Role.ADMIN.value], username="whadmin")
    token = deps.tokens.codec.issue(subject_type="staff", subject_id=user.id)
    assert (await client.get(f"{ADMIN}/applications/{aid}", token=token)).code == "LOAN_APPLICATION_NOT_FOUND"
    assert (await client.get(f"{ADMIN}/products/{pid}", token=token)).code == "LOAN_PRODUCT_NOT_FOUND"
    assert (await client.get(f"{ADMIN}/applications", token=token)).data["items"] == []
    # The 黄石 supervisor sees it (read-only), and has no institution inbox.
    assert (await client.get(f"{ADMIN}/applications/{aid}", token=tokens["manager"])).status == 200
    assert (await client.get(f"{ADMIN}/notifications", token=tokens["manager"])).code == "FORBIDDEN"


async def test_owner_sees_only_the_current_business(client, tokens, world):
    iid, pid, aid, nid = world
    for who in ("other_owner", "owner_b"):
        r = await client.get(f"{MP}/applications/{aid}", token=tokens[who])
        assert (r.status, r.code) == (404, "LOAN_APPLICATION_NOT_FOUND"), who
        assert r.message == "贷款申请不存在"
        r = await client.post(f"{MP}/applications/{aid}/withdraw", token=tokens[who], json={})
        assert (r.status, r.code) == (404, "LOAN_APPLICATION_NOT_FOUND"), who
        assert (await client.get(f"{MP}/applications", token=tokens[who])).data["items"] == []
        assert (await client.get(f"{MP}/products/{pid}", token=tokens[who])).data["my_application"] is None
    r = await client.get(f"{MP}/applications/{aid}", token=tokens["owner"])
    assert r.data["status"] == "submitted"


async def test_staff_options_list_only_the_visible_institutions(client, tokens, cast):
    r = await client.get(f"{ADMIN}/options", token=tokens["bank"])
    assert r.status == 200, r
    assert [i["id"] for i in r.data["institutions"]] == [cast.a.id]
    assert {"value": "credit", "label": "信用"} in r.data["guarantee_types"]
    assert r.data["product_statuses"]
    assert (await client.get(f"{ADMIN}/options", token=tokens["clerk"])).status == 403
    assert (await client.get(f"{ADMIN}/options")).status == 401
