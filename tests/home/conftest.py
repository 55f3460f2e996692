import pytest

from getitong.staff.permissions import Role
from tests import factories
from tests.api.conftest import *  # noqa: F403


@pytest.fixture
async def risk_clerk(deps, tree):
    return await factories.staff(deps, tree.district, [Role.DATA_CLERK.value], username="riskclerk")


@pytest.fixture
async def editor(deps, tree):
    return await factories.staff(deps, tree.district, [Role.CONTENT_EDITOR.value], username="editor")
