"""Products and institutions managed by supervisors (their scope) and by bank staff (their own institution)."""

from getitong.core.models import AuditLog
from getitong.loans.models import InstitutionProfile
from getitong.staff.models import FinancialInstitution
from tests.loans import factories as lf
from tests.loans.factories import ADMIN, MP

NEW = {"name": "助商贷", "amount_min": 10000, "amount_max": 300000, "rate_min": 3.6, "rate_max": 4.8,
       "term_months_min": 3, "term_months_max": 24, "guarantee_type": "credit",
       "eligibility": "经营满半年", "description": "线上申请，随借随还"}


async def test_supervisor_creates_publishes_and_unpublishes(client, tokens, banks):
    r = await client.post(f"{ADMIN}/products", token=tokens["manager"], json={**NEW, "institution_id": banks.a.id})
    assert r.status == 201, r
    pid = r.data["id"]
    assert (r.data["status_label"], r.data["actions"]) == ("草稿", ["publish"])
    assert r.data["amount_label"] == "1万元–30万元"
    # A draft is invisible in the shop.
    assert (await client.get(f"{MP}/products/{pid}", token=tokens["owner"])).code == "LOAN_PRODUCT_NOT_FOUND"
    r = await client.post(f"{ADMIN}/products/{pid}/publish", token=tokens["manager"])
    assert (r.status, r.data["status_label"]) == (200, "已发布"), r
    assert r.data["published_at"]
    r = await client.post(f"{ADMIN}/products/{pid}/publish", token=tokens["manager"])
    assert (r.status, r.code, r.message) == (409, "LOAN_PRODUCT_ACTION_NOT_ALLOWED", "产品当前为「已发布」，不能发布")
    assert [p["name"] for p in (await client.get(f"{MP}/products", token=tokens["owner"])).data["items"]] == ["助商贷"]
    r = await client.post(f"{ADMIN}/products/{pid}/unpublish", token=tokens["manager"])
    assert r.data["status_label"] == "已下架"
    assert (await client.get(f"{MP}/products", token=tokens["owner"])).data["items"] == []
    actions = await AuditLog.filter(target_type="loan_product").order_by("id").values_list("action", flat=True)
    assert actions == ["loan.product.create", "loan.product.publish", "loan.product.unpublish"]


async def test_bank_staff_manage_their_own_products_only(client, tokens, banks):
    r = await client.post(f"{ADMIN}/products", token=tokens["bank"], json=NEW)
    assert r.status == 201, r
    assert r.data["institution"]["name"] == "湖北银行黄石分行"
    pid = r.data["id"]
    r = await client.patch(f"{ADMIN}/products/{pid}", token=tokens["bank"], json={"rate_min": 3.2, "name": "助商贷2"})
    assert (r.status, r.data["rate_min"], r.data["name"]) == (200, "3.20", "助商贷2"), r
    r = await client.post(f"{ADMIN}/products", token=tokens["bank"], json={**NEW, "institution_id": banks.b.id})
    assert (r.status, r.code) == (404, "LOAN_INSTITUTION_NOT_FOUND")
    other = await lf.product(banks.b, "武汉商户贷")
    for method, path in [("get", f"{ADMIN}/products/{other.id}"), ("patch", f"{ADMIN}/products/{other.id}"),
                         ("post", f"{ADMIN}/products/{other.id}/unpublish")]:
        r = await client.request(method.upper(), path, token=tokens["bank"], json={"name": "x"})
        assert (r.status, r.code) == (404, "LOAN_PRODUCT_NOT_FOUND"), (path, r)
    r = await client.get(f"{ADMIN}/products", token=tokens["bank"])
    assert [p["name"] for p in r.data["items"]] == ["助商贷2"]
    assert (await FinancialInstitution.get(id=banks.b.id)).name == "武汉农村商业银行"


async def test_supervisor_scope_is_own_org_and_below(client, tokens, banks):
    await lf.product(banks.b, "武汉商户贷")
    r = await client.post(f"{ADMIN}/products", token=tokens["manager"], json={**NEW, "institution_id": banks.b.id})
    assert r.code == "LOAN_INSTITUTION_NOT_FOUND"
    assert (await client.get(f"{ADMIN}/products", token=tokens["manager"])).data["items"] == []
    r = await client.get(f"{ADMIN}/products", token=tokens["padmin"])
    assert [p["name"] for p in r.data["items"]] == ["武汉商户贷"]


async def test_product_input_is_checked(client, tokens, product):
    r = await client.post(f"{ADMIN}/products", token=tokens["bank"], json={**NEW, "amount_min": 500000})
    assert (r.status, r.code, r.message) == (422, "LOAN_PRODUCT_INVALID", "最低额度不能高于最高额度")
    r = await client.post(f"{ADMIN}/products", token=tokens["bank"], json={**NEW, "guarantee_type": "house"})
    assert r.code == "VALIDATION_ERROR"
    r = await client.patch(f"{ADMIN}/products/{product.id}", token=tokens["bank"], json={"amount_min": 900000})
    assert (r.status, r.code, r.message) == (422, "LOAN_PRODUCT_INVALID", "最低额度不能高于最高额度")
    r = await client.post(f"{ADMIN}/products", token=tokens["manager"], json=NEW)
    assert (r.code, r.message) == ("LOAN_PRODUCT_INVALID", "请选择所属金融机构")


async def test_editing_a_product_leaves_applications_alone(client, tokens, product):
    app_id = (await lf.new_application(client, tokens["owner"], product.id))["id"]
    await client.patch(f"{ADMIN}/products/{product.id}", token=tokens["bank"], json={"name": "新名字", "rate_max": 9})
    r = await client.get(f"{MP}/applications/{app_id}", token=tokens["owner"])
    assert r.data["product"]["name"] == "个体工商户经营贷"
    assert r.data["product"]["rate_label"] == "年利率 3.45%–5.8%"


async def test_institutions(client, tokens, tree, banks):
    r = await client.post(f"{ADMIN}/institutions", token=tokens["manager"],
                          json={"name": "黄石农商银行", "contact_phone": "0714-1234567", "intro": "本地农商行",
                                "webhook_url": "http://127.0.0.1:9/hook"})
    assert r.status == 201, r
    assert r.data["org_id"] == tree.city.id
    assert r.data["webhook_secret"].startswith("whsec_")
    assert r.data["webhook_secret_set"] is True
    new_id = r.data["id"]
    stored = await InstitutionProfile.get(institution_id=new_id)
    assert r.data["webhook_secret"] not in stored.webhook_secret_enc  # encrypted at rest
    r = await client.post(f"{ADMIN}/institutions", token=tokens["manager"], json={"name": "黄石农商银行"})
    assert (r.status, r.code) == (409, "LOAN_INSTITUTION_NAME_TAKEN")
    r = await client.post(f"{ADMIN}/institutions", token=tokens["manager"],
                          json={"name": "武汉某银行", "org_id": tree.other_city.id})
    assert (r.status, r.code) == (403, "ORG_OUT_OF_SCOPE")
    r = await client.post(f"{ADMIN}/institutions", token=tokens["manager"], json={"name": "某银行",
                                                                                   "webhook_url": "ftp://x"})
    assert r.code == "VALIDATION_ERROR"
    r = await client.get(f"{ADMIN}/institutions", token=tokens["manager"])
    assert [i["name"] for i in r.data["items"]] == ["湖北银行黄石分行", "黄石农商银行"]
    r = await client.get(f"{ADMIN}/institutions", token=tokens["padmin"])
    assert len(r.data["items"]) == 3
    # Bank staff see and edit their own contact details, nothing else.
    r = await client.get(f"{ADMIN}/institutions", token=tokens["bank"])
    assert [i["name"] for i in r.data["items"]] == ["湖北银行黄石分行"]
    r = await client.patch(f"{ADMIN}/institutions/{banks.a.id}", token=tokens["bank"],
                           json={"contact_name": "王敏", "contact_phone": "0714-6351234"})
    assert (r.status, r.data["contact_name"]) == (200, "王敏"), r
    r = await client.patch(f"{ADMIN}/institutions/{banks.a.id}", token=tokens["bank"],
                           json={"webhook_url": "http://127.0.0.1:9/x"})
    assert (r.status, r.code) == (403, "FORBIDDEN")
    r = await client.post(f"{ADMIN}/institutions/{banks.a.id}/webhook-secret", token=tokens["bank"])
    assert (r.status, r.code) == (403, "FORBIDDEN")
    r = await client.post(f"{ADMIN}/institutions/{banks.a.id}/webhook-secret", token=tokens["manager"])
    assert r.code == "LOAN_WEBHOOK_NOT_CONFIGURED"
    r = await client.post(f"{ADMIN}/institutions/{new_id}/webhook-secret", token=tokens["manager"])
    assert r.data["webhook_secret"].startswith("whsec_")
    # Deactivating an institution is the supervisor's.
    r = await client.patch(f"{ADMIN}/institutions/{new_id}", token=tokens["manager"], json={"is_active": False})
    assert r.data["is_active"] is False
    actions = set(await AuditLog.filter(target_type="financial_institution").values_list("action", flat=True))
    assert actions == {"loan.institution.create", "loan.institution.update", "loan.institution.rotate_secret"}
