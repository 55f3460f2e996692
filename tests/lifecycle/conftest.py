from tests.api.conftest import *  # noqa: F403
