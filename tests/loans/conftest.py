from dataclasses import dataclass

import pytest

from getitong.loans import webhooks
from getitong.loans.config import LoanConfig
from getitong.staff.models import FinancialInstitution
from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import *  # noqa: F403
from tests.loans import factories as lf
from tests.loans.receiver import WebhookReceiver


@dataclass
class Banks:
    a: FinancialInstitution  # 湖北银行黄石分行, under the 黄石 city org
    b: FinancialInstitution  # 武汉农商银行, under the 武汉 city org (outside 黄石's scope)


@pytest.fixture
async def banks(tree) -> Banks:
    return Banks(await lf.institution(tree.city, "湖北银行黄石分行"),
                 await lf.institution(tree.other_city, "武汉农村商业银行"))


@pytest.fixture(autouse=True)
def loan_config(request) -> LoanConfig:  # type: ignore[no-untyped-def]
    """Short timeouts, the periodic job off (its function is tested directly); pure tests build no app."""
    cfg = LoanConfig(webhook_timeout=2.0, webhook_max_attempts=3, webhook_backoff_base=30, job_enabled=False)
    if "app" in request.fixturenames:
        request.getfixturevalue("app").ctx.loan_config = cfg
    return cfg


@pytest.fixture
async def cast(deps, tree, banks):
    """Bank staff of each institution, a 黄石 city supervisor (loan:manage), a clerk without loan permissions."""
    await factories.staff(deps, tree.city, [Role.BANK_STAFF.value], username="bank", institution=banks.a)
    await factories.staff(deps, tree.city, [Role.BANK_STAFF.value], username="bank_a2", institution=banks.a)
    await factories.staff(deps, tree.other_city, [Role.BANK_STAFF.value], username="bank2", institution=banks.b)
    await factories.staff(deps, tree.city, [Role.BANK_STAFF.value], username="nobank")
    await factories.staff(deps, tree.city, [Role.ADMIN.value], username="manager")
    await factories.staff(deps, tree.province, [Role.ADMIN.value], username="padmin")
    await factories.staff(deps, tree.district, [Role.APPEAL_DESK.value], username="clerk")
    return banks


@pytest.fixture
async def other_owner(deps, shop):
    return await factories.person(deps, phone="13900000002", name="李四", businesses=[shop[2]])


STAFF_NAMES = ("bank", "bank_a2", "bank2", "nobank", "manager", "padmin", "clerk")


@pytest.fixture
async def tokens(deps, cast, owner, other_owner, shop):
    """Access tokens minted directly (logging in through the API is tested by the foundation)."""
    from getitong.staff.models import StaffUser

    codec = deps.tokens.codec
    users = await StaffUser.filter(username__in=STAFF_NAMES)
    t = {u.username: codec.issue(subject_type="staff", subject_id=u.id) for u in users}
    t["owner"] = codec.issue(subject_type="person", subject_id=owner.id, business_id=shop[0].id)
    t["owner_b"] = codec.issue(subject_type="person", subject_id=owner.id, business_id=shop[1].id)
    t["other_owner"] = codec.issue(subject_type="person", subject_id=other_owner.id, business_id=shop[2].id)
    return t


@pytest.fixture
async def product(banks):
    return await lf.product(banks.a)


@pytest.fixture(scope="session")
def receiver_server() -> WebhookReceiver:
    server = WebhookReceiver()
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def receiver(receiver_server):
    receiver_server.reset()
    yield receiver_server
    receiver_server.gate.set()
    await webhooks.wait_background()
