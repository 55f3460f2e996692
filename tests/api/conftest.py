import pytest

from getitong.staff.permissions import Role
from tests import factories


@pytest.fixture
async def tree():
    return await factories.org_tree()


@pytest.fixture
async def shop(deps, tree):
    """Two businesses of 张秀英 in 下陆区 and one of someone else in 江岸区."""
    a = await factories.business(deps, tree.station, name="下陆区张记小吃店", operator="张秀英")
    b = await factories.business(deps, tree.station, name="下陆区秀英便利店", operator="张秀英")
    other = await factories.business(deps, tree.other_district, name="江岸区李四五金店", operator="李四")
    return a, b, other


@pytest.fixture
async def owner(deps, shop):
    a, b, _ = shop
    return await factories.person(deps, phone="13900000001", name="张秀英", businesses=[a, b])


async def login_person(client, phone="13900000001", password=factories.PASSWORD):
    r = await client.post("/api/v1/mp/auth/login", json={"phone": phone, "password": password})
    assert r.status == 200, r
    return r.data


async def login_staff(client, username, password=factories.PASSWORD):
    r = await client.post("/api/v1/admin/auth/login", json={"username": username, "password": password})
    assert r.status == 200, r
    return r.data["token"]["access_token"]


@pytest.fixture
async def province_admin(deps, tree):
    return await factories.staff(deps, tree.province, [Role.ADMIN.value], username="padmin")


@pytest.fixture
async def district_admin(deps, tree):
    return await factories.staff(deps, tree.district, [Role.ADMIN.value], username="dadmin")


@pytest.fixture
async def clerk(deps, tree):
    """A district desk clerk: reads the register, cannot manage users."""
    return await factories.staff(deps, tree.district, [Role.APPEAL_DESK.value], username="clerk")
