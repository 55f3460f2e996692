"""Demo data and the register generator used for large benchmarks."""

from getitong import demo
from getitong.accounts.models import Person
from getitong.entities import uscc
from getitong.entities.models import Business
from getitong.staff.models import Org, OrgClosure, StaffUser


async def test_seed_is_idempotent_and_realistic(deps):
    assert await demo.seed(deps, businesses=300) is True
    assert await demo.seed(deps, businesses=300) is False
    # The generated register, plus the 个体户 the demo's self-service registration approved (registration/demo.py).
    assert await Business.all().count() == 300 + 1
    codes = await Business.all().values_list("uscc", flat=True)
    assert all(uscc.is_valid(c) for c in codes)
    assert await Org.filter(level="station").count() == 2 * 16
    province = await Org.get(level="province")
    assert await OrgClosure.filter(ancestor_id=province.id).count() == await Org.all().count()
    assert await StaffUser.filter(username__in=["admin", "xialu", "hbbank"]).count() == 3
    owner = await Person.get(phone_index=deps.cipher.blind_index("13900000001"))
    assert await owner.links.all().count() == 2 + 1  # two in the register, one registered through the app


async def test_generator_adds_rows_to_existing_tree(deps):
    await demo.seed(deps, businesses=10)
    made = await demo.generate(deps, count=500, rng_seed=5)
    assert made == 500
    assert await Business.all().count() == 10 + 1 + 500
    sample = await Business.all().order_by("-id").limit(20)
    assert all(b.operator_id_enc and b.operator_id_enc.startswith("v1:") for b in sample)


async def test_demo_owner_can_log_in_and_switch(client, deps):
    await demo.seed(deps, businesses=10)
    r = await client.post("/api/v1/mp/auth/login", json={"phone": "13900000001", "password": "Shop@2026"})
    assert r.status == 200
    other = r.data["profile"]["businesses"][1]["id"]
    s = await client.post("/api/v1/mp/me/switch-business", json={"business_id": other},
                          token=r.data["token"]["access_token"])
    assert s.data["profile"]["current_business"]["id"] == other
    r = await client.post("/api/v1/admin/auth/login", json={"username": "admin", "password": "Admin@2026"})
    assert r.status == 200
    assert "user:write" in r.data["me"]["permissions"]


async def test_demo_news_and_laws_are_published_for_shop_owners(client, deps):
    await demo.seed(deps, businesses=10)
    news = await client.get("/api/v1/mp/news")
    assert news.status == 200
    assert len(news.data["items"]) == 3
    assert any("年度报告" in item["title"] for item in news.data["items"])
    laws = await client.get("/api/v1/mp/laws")
    assert {item["title"] for item in laws.data["items"]} >= {"促进个体工商户发展条例"}


async def test_demo_owner_sees_a_penalty_on_the_second_business(client, deps):
    await demo.seed(deps, businesses=10)
    r = await client.post("/api/v1/mp/auth/login", json={"phone": "13900000001", "password": "Shop@2026"})
    second = r.data["profile"]["businesses"][1]["id"]
    s = await client.post("/api/v1/mp/me/switch-business", json={"business_id": second},
                          token=r.data["token"]["access_token"])
    token = s.data["token"]["access_token"]
    penalties = await client.get("/api/v1/mp/risk-records", params={"kind": "penalty"}, token=token)
    assert penalties.status == 200, penalties
    assert [p["doc_no"] for p in penalties.data["items"]] == ["下市监罚〔2025〕118号"]


async def test_demo_appeals_give_the_desk_the_unit_and_the_owner_something_to_do(client, deps):
    await demo.seed(deps, businesses=10)
    desk = await client.post("/api/v1/admin/auth/login", json={"username": "xialu", "password": "Staff@2026"})
    queue = await client.get("/api/v1/admin/appeals", token=desk.data["token"]["access_token"])
    assert {a["status"] for a in queue.data["items"]} == {"submitted", "transferred", "replied"}
    unit = await client.post("/api/v1/admin/auth/login", json={"username": "xlcq", "password": "Staff@2026"})
    todo = await client.get("/api/v1/admin/appeals", token=unit.data["token"]["access_token"])
    assert [a["allowed_actions"] for a in todo.data["items"] if a["status"] == "transferred"] == [
        ["report", "send_back"]]
    owner = await client.post("/api/v1/mp/auth/login", json={"phone": "13900000001", "password": "Shop@2026"})
    mine = await client.get("/api/v1/mp/appeals", token=owner.data["token"]["access_token"])
    assert len(mine.data["items"]) == 3


async def test_demo_owner_has_policies_and_a_pushed_benefit(client, deps):
    await demo.seed(deps, businesses=10)
    r = await client.post("/api/v1/mp/auth/login", json={"phone": "13900000001", "password": "Shop@2026"})
    token = r.data["token"]["access_token"]
    policies = await client.get("/api/v1/mp/policies", token=token)
    assert policies.status == 200, policies
    assert len(policies.data["items"]) == 2
    pushed = await client.get("/api/v1/mp/benefits", token=token)
    assert pushed.status == 200, pushed
    assert [i["benefit"]["name"] for i in pushed.data["items"]] == ["个体工商户社会保险补贴（2026年第一批）"]
