import pytest

from getitong.policies.config import BenefitConfig
from tests.api.conftest import *  # noqa: F403
from tests.policies.benefit_platform import BenefitPlatformStandIn


@pytest.fixture(scope="session")
def platform() -> BenefitPlatformStandIn:
    server = BenefitPlatformStandIn()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def bconfig(app, platform) -> BenefitConfig:  # type: ignore[no-untyped-def]
    """The app talks to the stand-in with a short timeout; the periodic job stays off."""
    platform.reset()
    cfg = BenefitConfig(base_url=platform.url, timeout=0.3, callback_secret=platform.secret, job_enabled=False,
                        backoff_base=30, max_attempts=4)
    app.ctx.benefit_config = cfg
    return cfg
