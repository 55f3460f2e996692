import pytest

from getitong.staff.permissions import Role
from tests import factories as base
from tests.api.conftest import *  # noqa: F403


@pytest.fixture
async def editor(deps, tree):
    """A district content editor (黄石市下陆区局)."""
    return await base.staff(deps, tree.district, [Role.CONTENT_EDITOR.value], username="editor")


@pytest.fixture
async def province_editor(deps, tree):
    return await base.staff(deps, tree.province, [Role.CONTENT_EDITOR.value], username="peditor")


@pytest.fixture
async def other_editor(deps, tree):
    """An editor in 江岸区, outside the district's scope."""
    return await base.staff(deps, tree.other_district, [Role.CONTENT_EDITOR.value], username="oeditor")
