"""Staff: login protection, profile, password, users, org scope, register search, audit."""

import io

from PIL import Image

from getitong.core.models import AuditLog, RefreshToken
from getitong.entities import license_qr
from getitong.staff.models import StaffUser
from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import login_staff

LOGIN = "/api/v1/admin/auth/login"


async def _fail(client, username="clerk", **extra):
    return await client.post(LOGIN, json={"username": username, "password": "wrong-pass1", **extra})


async def test_login_returns_me_with_permissions(client, clerk):
    r = await client.post(LOGIN, json={"username": "clerk", "password": factories.PASSWORD})
    assert r.status == 200, r
    me = r.data["me"]
    assert me["org"]["name"] == "黄石市下陆区市场监督管理局"
    assert me["org"]["level_label"] == "县(区)局"
    assert "appeal:desk" in me["permissions"]
    assert "user:write" not in me["permissions"]
    assert me["roles"] == [{"code": "appeal_desk", "name": "诉求主管"}]


async def test_captcha_after_three_failures_then_lock(client, clerk, deps):
    for _ in range(2):
        assert (await _fail(client)).code == "LOGIN_FAILED"
    third = await _fail(client)
    assert third.code == "LOGIN_FAILED"
    assert third.data["captcha_required"] is True
    # Even the right password now needs a captcha.
    r = await client.post(LOGIN, json={"username": "clerk", "password": factories.PASSWORD})
    assert (r.status, r.code) == (400, "CAPTCHA_REQUIRED")
    cap = await client.get("/api/v1/admin/auth/captcha")
    assert cap.data["image"].startswith("data:image/png;base64,")
    r = await client.post(LOGIN, json={"username": "clerk", "password": factories.PASSWORD,
                                       "captcha_id": cap.data["captcha_id"], "captcha_code": "XXXX"})
    assert r.code == "CAPTCHA_INVALID"
    # A captcha is single-use: read the answer of a fresh one from the cache, as a person reads the image.
    cap = await client.get("/api/v1/admin/auth/captcha")
    answer = await deps.cache.get(f"captcha:{cap.data['captcha_id']}")
    r = await client.post(LOGIN, json={"username": "clerk", "password": factories.PASSWORD,
                                       "captcha_id": cap.data["captcha_id"], "captcha_code": answer.lower()})
    assert r.status == 200, r


async def test_ten_failures_lock_the_account(client, clerk, deps):
    for _ in range(10):
        cap = await client.get("/api/v1/admin/auth/captcha")
        answer = await deps.cache.get(f"captcha:{cap.data['captcha_id']}")
        await _fail(client, captcha_id=cap.data["captcha_id"], captcha_code=answer)
    r = await client.post(LOGIN, json={"username": "clerk", "password": factories.PASSWORD})
    assert (r.status, r.code) == (429, "TOO_MANY_ATTEMPTS")


async def test_unknown_user_and_disabled_user(client, deps, tree):
    assert (await _fail(client, username="nobody")).code == "LOGIN_FAILED"
    await factories.staff(deps, tree.district, [Role.APPEAL_DESK.value], username="gone", active=False)
    r = await client.post(LOGIN, json={"username": "gone", "password": factories.PASSWORD})
    assert (r.status, r.code) == (403, "ACCOUNT_DISABLED")


async def test_change_password_revokes_other_logins(client, clerk):
    first = await client.post(LOGIN, json={"username": "clerk", "password": factories.PASSWORD})
    token = first.data["token"]["access_token"]
    r = await client.post("/api/v1/admin/me/password", token=token,
                          json={"old_password": "nope", "new_password": "NewPass123"})
    assert r.code == "PASSWORD_WRONG"
    r = await client.post("/api/v1/admin/me/password", token=token,
                          json={"old_password": factories.PASSWORD, "new_password": "short"})
    assert r.code == "WEAK_PASSWORD"
    r = await client.post("/api/v1/admin/me/password", token=token,
                          json={"old_password": factories.PASSWORD, "new_password": "NewPass123"})
    assert r.status == 200, r
    r = await client.post("/api/v1/admin/auth/refresh", json={"refresh_token": first.data["token"]["refresh_token"]})
    assert r.code == "TOKEN_INVALID"
    assert (await client.post(LOGIN, json={"username": "clerk", "password": "NewPass123"})).status == 200
    log = await AuditLog.get(action="staff.change_password")
    assert "NewPass123" not in str(log.before) + str(log.after)


async def test_org_tree_is_own_org_and_below(client, district_admin, province_admin):
    token = await login_staff(client, "dadmin")
    r = await client.get("/api/v1/admin/orgs", token=token)
    assert [o["name"] for o in r.data] == ["黄石市下陆区市场监督管理局"]
    assert [o["name"] for o in r.data[0]["children"]] == ["下陆区城区市场监管所"]
    r = await client.get("/api/v1/admin/orgs", token=await login_staff(client, "padmin"))
    assert r.data[0]["name"] == "湖北省市场监督管理局"
    assert len(r.data[0]["children"]) == 2


async def test_entity_search_is_scoped_and_keyset_paged(client, deps, tree, shop, clerk, province_admin):
    for i in range(25):
        await factories.business(deps, tree.station, name=f"下陆区批量{i:02d}号店", operator="赵六")
    token = await login_staff(client, "clerk")
    seen = []
    cursor = None
    while True:
        r = await client.get("/api/v1/admin/entities", token=token,
                             params={"limit": 10, **({"cursor": cursor} if cursor else {})})
        assert r.status == 200, r
        seen += [e["id"] for e in r.data["items"]]
        cursor = r.data["next"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 27  # 25 + the two shops in 下陆区; not the 江岸区 one
    assert shop[2].id not in seen
    one = (await client.get("/api/v1/admin/entities", token=token, params={"q": "张记"})).data["items"]
    assert [e["name"] for e in one] == ["下陆区张记小吃店"]
    assert "*" in one[0]["operator_id_masked"]
    by_code = await client.get("/api/v1/admin/entities", token=token, params={"uscc": shop[1].uscc.lower()})
    assert [e["id"] for e in by_code.data["items"]] == [shop[1].id]
    # The neighbour district's business is out of scope for the district, in scope for the province.
    r = await client.get(f"/api/v1/admin/entities/{shop[2].id}", token=token)
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
    r = await client.get(f"/api/v1/admin/entities/{shop[2].id}", token=await login_staff(client, "padmin"))
    assert r.status == 200
    assert r.data["region_name"] == "江岸区"


async def test_bad_cursor_and_filters_are_422(client, clerk):
    token = await login_staff(client, "clerk")
    for params in [{"cursor": "!!!"}, {"limit": 0}, {"limit": 1000}, {"status": "zzz"}]:
        r = await client.get("/api/v1/admin/entities", token=token, params=params)
        assert (r.status, r.code) == (422, "VALIDATION_ERROR"), params


async def test_license_qr_decodes_back_to_the_business(client, shop, clerk):
    token = await login_staff(client, "clerk")
    r = await client.get(f"/api/v1/admin/entities/{shop[0].id}/license-qr", token=token)
    import base64

    png = base64.b64decode(r.data["image"].split(",", 1)[1])
    assert license_qr.decode_qr(Image.open(io.BytesIO(png))) == r.data["text"]
    assert shop[0].uscc in r.data["text"]


async def test_bank_staff_and_shop_owner_cannot_read_the_register(client, deps, tree, shop, owner):
    from getitong.staff.models import FinancialInstitution

    bank = await FinancialInstitution.create(name="测试银行", region_code="420200", org=tree.city)
    await factories.staff(deps, tree.city, [Role.BANK_STAFF.value], username="banker", institution=bank)
    token = await login_staff(client, "banker")
    r = await client.get("/api/v1/admin/entities", token=token)
    assert (r.status, r.code) == (403, "FORBIDDEN")
    person = await client.post("/api/v1/mp/auth/login", json={"phone": "13900000001", "password": factories.PASSWORD})
    r = await client.get("/api/v1/admin/entities", token=person.data["token"]["access_token"])
    assert (r.status, r.code) == (401, "TOKEN_INVALID")
    assert (await client.get("/api/v1/admin/entities")).code == "UNAUTHENTICATED"


async def test_user_admin_within_scope_with_audit(client, tree, district_admin):
    token = await login_staff(client, "dadmin")
    body = {"username": "newclerk", "name": "新同事", "phone": "13812345678", "org_id": tree.station.id,
            "roles": ["appeal_handler"], "password": "Welcome123"}
    r = await client.post("/api/v1/admin/users", token=token, json=body)
    assert r.status == 201, r
    uid = r.data["id"]
    assert r.data["phone_masked"] == "138****5678"
    assert (await client.post("/api/v1/admin/users", token=token, json=body)).code == "USERNAME_TAKEN"
    # Out of scope: the neighbour city's district.
    r = await client.post("/api/v1/admin/users", token=token,
                          json={**body, "username": "xone1", "org_id": tree.other_district.id})
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
    r = await client.post("/api/v1/admin/users", token=token, json={**body, "username": "xtwo2", "roles": ["wizard"]})
    assert r.code == "VALIDATION_ERROR"
    # Edit, disable (their session ends), enable, reset.
    new_login = await client.post(LOGIN, json={"username": "newclerk", "password": "Welcome123"})
    assert new_login.data["me"]["must_change_password"] is True
    r = await client.patch(f"/api/v1/admin/users/{uid}", token=token, json={"roles": ["appeal_desk"]})
    assert r.data["roles"] == [{"code": "appeal_desk", "name": "诉求主管"}]
    r = await client.post(f"/api/v1/admin/users/{uid}/disable", token=token)
    assert r.data["is_active"] is False
    r = await client.get("/api/v1/admin/me", token=new_login.data["token"]["access_token"])
    assert (r.status, r.code) == (403, "ACCOUNT_DISABLED")
    assert await RefreshToken.filter(subject_type="staff", subject_id=uid, revoked_at=None).count() == 0
    assert (await client.post(f"/api/v1/admin/users/{uid}/enable", token=token)).data["is_active"] is True
    assert (await client.post(f"/api/v1/admin/users/{uid}/reset-password", token=token,
                              json={"password": "Reset1234"})).status == 200
    actions = [a.action for a in await AuditLog.filter(target_id=str(uid)).order_by("id")]
    assert actions == ["staff.create", "staff.update", "staff.disable", "staff.enable", "staff.reset_password"]
    update = await AuditLog.get(action="staff.update", target_id=str(uid))
    assert update.before["roles"] == ["appeal_handler"]
    assert update.after["roles"] == ["appeal_desk"]
    logs = await client.get("/api/v1/admin/audit-logs", token=token, params={"target_type": "staff_user"})
    assert len(logs.data["items"]) == 5
    assert logs.data["items"][0]["actor_name"] == "测试人员"


async def test_users_list_is_scoped(client, tree, district_admin, province_admin, deps):
    await factories.staff(deps, tree.other_district, [Role.APPEAL_DESK.value], username="wuhan1")
    token = await login_staff(client, "dadmin")
    names = [u["username"] for u in (await client.get("/api/v1/admin/users", token=token)).data["items"]]
    assert "wuhan1" not in names
    assert "padmin" not in names
    assert "dadmin" in names
    r = await client.get(f"/api/v1/admin/users?org_id={tree.other_district.id}", token=token)
    assert r.code == "ORG_OUT_OF_SCOPE"
    wuhan = await StaffUser.get(username="wuhan1")
    r = await client.post(f"/api/v1/admin/users/{wuhan.id}/disable", token=token)
    assert r.code == "ORG_OUT_OF_SCOPE"


async def test_user_management_needs_user_write(client, clerk, tree):
    token = await login_staff(client, "clerk")
    r = await client.get("/api/v1/admin/users", token=token)
    assert (r.status, r.code) == (403, "FORBIDDEN")
    r = await client.post("/api/v1/admin/users", token=token, json={
        "username": "sneaky", "name": "x", "org_id": tree.district.id, "roles": ["admin"], "password": "Abcd1234"})
    assert (r.status, r.code) == (403, "FORBIDDEN")
    r = await client.get("/api/v1/admin/audit-logs", token=token)
    assert (r.status, r.code) == (403, "FORBIDDEN")


async def test_district_admin_creates_admin_below_but_not_above(client, tree, district_admin):
    token = await login_staff(client, "dadmin")
    body = {"name": "所长", "roles": ["admin"], "password": "Abcd1234"}
    r = await client.post("/api/v1/admin/users", token=token, json={**body, "username": "stationadmin",
                                                                     "org_id": tree.station.id})
    assert r.status == 201, r
    r = await client.post("/api/v1/admin/users", token=token, json={**body, "username": "cityadmin",
                                                                     "org_id": tree.city.id})
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")


async def test_institutions_are_listed_within_scope(client, deps, tree, district_admin, province_admin):
    from getitong.staff.models import FinancialInstitution

    await FinancialInstitution.create(name="黄石农商行", region_code="420200", org=tree.city)
    await FinancialInstitution.create(name="下陆区村镇银行", region_code="420204", org=tree.district)
    names = [i["name"] for i in (await client.get("/api/v1/admin/institutions",
                                                  token=await login_staff(client, "dadmin"))).data]
    assert names == ["下陆区村镇银行"]
    names = [i["name"] for i in (await client.get("/api/v1/admin/institutions",
                                                  token=await login_staff(client, "padmin"))).data]
    assert sorted(names) == sorted(["黄石农商行", "下陆区村镇银行"])
