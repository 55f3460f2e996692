"""The owner's side and the whole story: browse, apply, the bank handles it, the owner sees the result."""

from getitong.common import home_events
from getitong.core.models import AuditLog
from getitong.entities.models import Business, EntityStatus
from getitong.loans.models import LoanApplicationEvent, LoanNotification
from getitong.loans.workflow import ProductStatus
from tests.loans import factories as lf
from tests.loans.factories import ADMIN, MP


async def test_owner_applies_bank_approves(client, deps, tokens, shop, banks):
    business = shop[0]
    await lf.product(banks.a, "个体工商户经营贷", lo=50_000, hi=1_000_000)
    await lf.product(banks.a, "创业担保贷款", lo=50_000, hi=300_000)
    await lf.product(banks.b, "武汉商户贷")
    await lf.product(banks.a, "未发布的草稿产品", status=ProductStatus.DRAFT)

    # The owner browses the published products and opens one.
    r = await client.get(f"{MP}/products", token=tokens["owner"])
    assert r.status == 200, r
    names = [p["name"] for p in r.data["items"]]
    assert names == ["武汉商户贷", "创业担保贷款", "个体工商户经营贷"]
    pid = next(p["id"] for p in r.data["items"] if p["name"] == "个体工商户经营贷")
    r = await client.get(f"{MP}/products/{pid}", token=tokens["owner"])
    assert r.data["amount_label"] == "5万元–100万元"
    assert r.data["rate_label"] == "年利率 3.45%–5.8%"
    assert r.data["institution"]["name"] == "湖北银行黄石分行"
    assert (r.data["can_apply"], r.data["my_application"]) == (True, None)

    # 我要申请: the contact phone defaults to the owner's own.
    r = await lf.apply(client, tokens["owner"], pid, amount=300000, purpose="新店装修")
    assert r.status == 201, r
    app_id = r.data["id"]
    assert (r.data["status"], r.data["status_label"]) == ("submitted", "已提交")
    assert r.data["contact_phone"] == "13900000001"
    assert r.data["contact_name"] == "张秀英"
    assert r.data["allowed_actions"] == ["withdraw"]
    r = await client.get(f"{MP}/products/{pid}", token=tokens["owner"])
    assert (r.data["can_apply"], r.data["my_application"]["status_label"]) == (False, "已提交")

    # The bank sees a notification and the application with the business snapshot.
    r = await client.get(f"{ADMIN}/notifications", token=tokens["bank"])
    assert r.data["unread"] == 1
    note = r.data["items"][0]
    assert note["title"] == "新的贷款申请"
    assert note["body"] == "下陆区张记小吃店申请「个体工商户经营贷」，需求金额30万元，请及时联系。"
    assert note["application_id"] == app_id
    r = await client.get(f"{ADMIN}/applications", token=tokens["bank"])
    assert [a["id"] for a in r.data["items"]] == [app_id]
    assert r.data["items"][0]["contact_phone"] == "139****0001"
    r = await client.get(f"{ADMIN}/applications/{app_id}", token=tokens["bank"])
    snap = r.data["business_snapshot"]
    assert (snap["name"], snap["uscc"], snap["operator_name"], snap["kind_label"]) == (
        "下陆区张记小吃店", business.uscc, "张秀英", "个体工商户")
    assert snap["region_name"] == "湖北省黄石市下陆区"
    assert r.data["contact_phone"] == "13900000001"
    assert r.data["allowed_actions"] == ["contact", "reject"]
    r = await client.post(f"{ADMIN}/notifications/{note['id']}/read", token=tokens["bank"])
    assert r.data["read"] is True
    assert (await client.get(f"{ADMIN}/notifications/unread-count", token=tokens["bank"])).data == {"unread": 0}

    # contacted → approved → granted, each with a note.
    r = await lf.act(client, tokens["bank"], app_id, "contact", note="已电话联系，周三上门")
    assert (r.status, r.data["status_label"]) == (200, "已联系"), r
    r = await lf.act(client, tokens["bank"], app_id, "approve", amount=250000, rate=3.85, term_months=24,
                     note="审批通过，额度25万")
    assert r.data["status_label"] == "已审批通过"
    assert r.data["approved"] == {"amount": "250000.00", "amount_label": "25万元", "rate": "3.85", "term_months": 24}
    r = await lf.act(client, tokens["bank"], app_id, "grant", amount=250000, note="已放款")
    assert r.status == 200, r
    assert r.data["allowed_actions"] == []

    # The owner sees the outcome and the institution's notes, in order.
    r = await client.get(f"{MP}/applications", token=tokens["owner"])
    [item] = r.data["items"]
    assert (item["status"], item["status_label"], item["granted"]["amount_label"]) == ("granted", "已放款", "25万元")
    r = await client.get(f"{MP}/applications/{app_id}", token=tokens["owner"])
    assert [(t["action_label"], t["to_status_label"], t["note"]) for t in r.data["timeline"]] == [
        ("提交申请", "已提交", "新店装修"), ("联系", "已联系", "已电话联系，周三上门"),
        ("审批通过", "已审批通过", "审批通过，额度25万"), ("放款", "已放款", "已放款")]
    # The business sees the institution acting, not the employee.
    assert {t["actor_name"] for t in r.data["timeline"][1:]} == {"湖北银行黄石分行"}
    assert r.data["approved"]["rate"] == "3.85"
    # Once granted, the same product may be applied for again.
    r = await client.get(f"{MP}/products/{pid}", token=tokens["owner"])
    assert r.data["can_apply"] is True

    audits = await AuditLog.filter(target_type="loan_application").order_by("id").values_list("action", flat=True)
    assert audits == ["loan.application.contact", "loan.application.approve", "loan.application.grant"]


async def test_duplicate_open_application_refused(client, tokens, product):
    first = await lf.new_application(client, tokens["owner"], product.id)
    r = await lf.apply(client, tokens["owner"], product.id)
    assert (r.status, r.code) == (409, "LOAN_DUPLICATE_APPLICATION")
    assert r.message == "您已申请过该产品且正在办理中，请勿重复申请"
    assert r.data["application_id"] == first["id"]
    # Still refused while being handled.
    await lf.act(client, tokens["bank"], first["id"], "contact")
    assert (await lf.apply(client, tokens["owner"], product.id)).code == "LOAN_DUPLICATE_APPLICATION"
    # The owner's other business is a different applicant.
    assert (await lf.apply(client, tokens["owner_b"], product.id)).status == 201
    # After a refusal the business may try again.
    await lf.act(client, tokens["bank"], first["id"], "reject", note="流水不足")
    assert (await lf.apply(client, tokens["owner"], product.id)).status == 201


async def test_withdraw_while_submitted_tells_the_bank(client, tokens, product):
    app_id = (await lf.new_application(client, tokens["owner"], product.id))["id"]
    r = await lf.act(client, tokens["owner"], app_id, "withdraw", note="资金已解决")
    assert (r.status, r.data["status_label"], r.data["allowed_actions"]) == (200, "已撤回", []), r
    r = await client.get(f"{ADMIN}/notifications", token=tokens["bank"])
    assert [n["title"] for n in r.data["items"]] == ["贷款申请已撤回", "新的贷款申请"]
    assert r.data["unread"] == 2
    r = await client.post(f"{ADMIN}/notifications/read-all", token=tokens["bank"])
    assert r.data == {"marked": 2, "unread": 0}
    assert (await client.get(f"{ADMIN}/notifications?unread=true", token=tokens["bank"])).data["items"] == []
    # Withdrawn frees the product for a new application.
    assert (await lf.apply(client, tokens["owner"], product.id)).status == 201


async def test_withdraw_refused_once_contacted(client, tokens, product):
    app_id = await lf.move_to(client, tokens, product.id, "contacted")
    r = await lf.act(client, tokens["owner"], app_id, "withdraw")
    assert (r.status, r.code) == (409, "LOAN_TRANSITION_NOT_ALLOWED")
    assert r.message == "贷款申请当前为「已联系」，不能撤回"


async def test_snapshot_survives_register_changes(client, tokens, shop, product):
    app_id = (await lf.new_application(client, tokens["owner"], product.id))["id"]
    await Business.filter(id=shop[0].id).update(name="下陆区张记餐饮店", address="新地址")
    product.name = "改名后的产品"
    await product.save()
    r = await client.get(f"{ADMIN}/applications/{app_id}", token=tokens["bank"])
    assert r.data["business_snapshot"]["name"] == "下陆区张记小吃店"
    assert r.data["product"]["name"] == "个体工商户经营贷"
    r = await client.get(f"{MP}/applications/{app_id}", token=tokens["owner"])
    assert r.data["product"]["name"] == "个体工商户经营贷"


async def test_apply_input_is_checked(client, tokens, shop, banks, product):
    r = await lf.apply(client, tokens["owner"], product.id, amount=5000)
    assert (r.status, r.code) == (422, "LOAN_AMOUNT_OUT_OF_RANGE")
    assert r.message == "申请金额应在1万元–50万元之间"
    r = await lf.apply(client, tokens["owner"], product.id, contact_phone="12345")
    assert (r.status, r.code) == (422, "VALIDATION_ERROR")
    assert "手机号" in r.message
    r = await lf.apply(client, tokens["owner"], product.id, amount=-1)
    assert r.code == "VALIDATION_ERROR"
    r = await lf.apply(client, tokens["owner"], product.id, extra_field=1)
    assert r.code == "VALIDATION_ERROR"
    draft = await lf.product(banks.a, "草稿", status=ProductStatus.DRAFT)
    assert (await lf.apply(client, tokens["owner"], draft.id)).code == "LOAN_PRODUCT_NOT_FOUND"
    assert (await lf.apply(client, tokens["owner"], 999999)).code == "LOAN_PRODUCT_NOT_FOUND"
    # A product of a deactivated institution disappears from the shop.
    banks.a.is_active = False
    await banks.a.save()
    assert (await lf.apply(client, tokens["owner"], product.id)).code == "LOAN_PRODUCT_NOT_FOUND"
    assert (await client.get(f"{MP}/products", token=tokens["owner"])).data["items"] == []
    assert await LoanNotification.all().count() == 0


async def test_cancelled_business_cannot_apply(client, tokens, shop, product):
    await Business.filter(id=shop[0].id).update(status=EntityStatus.CANCELLED)
    r = await lf.apply(client, tokens["owner"], product.id)
    assert (r.status, r.code) == (409, "LOAN_BUSINESS_NOT_ACTIVE")


async def test_other_contact_phone_is_used(client, tokens, product):
    r = await lf.apply(client, tokens["owner"], product.id, contact_phone="13712345678", contact_name="张小明")
    r = await client.get(f"{ADMIN}/applications/{r.data['id']}", token=tokens["bank"])
    assert (r.data["contact_name"], r.data["contact_phone"]) == ("张小明", "13712345678")


async def test_status_changes_refresh_the_home_screen(client, deps, tokens, shop, product):
    key = home_events.business_key(shop[0].id)
    before = int(await deps.cache.get(key) or 0)
    app_id = (await lf.new_application(client, tokens["owner"], product.id))["id"]
    after_apply = int(await deps.cache.get(key) or 0)
    assert after_apply > before
    await lf.act(client, tokens["bank"], app_id, "contact")
    assert int(await deps.cache.get(key) or 0) > after_apply


async def test_shop_filters(client, tokens, banks):
    from getitong.loans.models import GuaranteeType

    await lf.product(banks.a, "信用快贷", guarantee=GuaranteeType.CREDIT)
    await lf.product(banks.a, "创业担保贷款", guarantee=GuaranteeType.GUARANTEE)
    await lf.product(banks.b, "抵押经营贷", guarantee=GuaranteeType.MORTGAGE)

    async def names(query):
        r = await client.get(f"{MP}/products?{query}", token=tokens["owner"])
        assert r.status == 200, r
        return [p["name"] for p in r.data["items"]]

    assert await names("guarantee_type=guarantee") == ["创业担保贷款"]
    assert await names(f"institution_id={banks.b.id}") == ["抵押经营贷"]
    assert await names("q=快贷") == ["信用快贷"]
    assert await names("q=武汉") == ["抵押经营贷"]
    assert await names("limit=2") == ["抵押经营贷", "创业担保贷款"]
    r = await client.get(f"{MP}/products?guarantee_type=bogus", token=tokens["owner"])
    assert r.code == "VALIDATION_ERROR"
    r = await client.get(f"{MP}/options", token=tokens["owner"])
    assert [i["name"] for i in r.data["institutions"]] == ["湖北银行黄石分行", "武汉农村商业银行"]
    assert {"value": "credit", "label": "信用"} in r.data["guarantee_types"]


async def test_events_written_with_each_transition(client, tokens, product):
    app_id = await lf.move_to(client, tokens, product.id, "approved")
    rows = await LoanApplicationEvent.filter(application_id=app_id).order_by("id").values_list(
        "action", "from_status", "to_status", "actor_type")
    assert rows == [("submit", None, "submitted", "person"), ("contact", "submitted", "contacted", "staff"),
                    ("approve", "contacted", "approved", "staff")]
