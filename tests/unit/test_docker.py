"""The production deployment files: compose parses and names every service the README describes."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCKER = ROOT / "docker"
SERVICES = {"postgres", "redis", "api", "nginx"}


def test_compose_names_every_described_service():
    compose = yaml.safe_load((DOCKER / "compose.yaml").read_text())
    assert set(compose["services"]) == SERVICES
    readme = (ROOT / "README.md").read_text() + (DOCKER / "README.md").read_text()
    for name in SERVICES:
        assert re.search(rf"\b{name}\b", readme, re.IGNORECASE), f"README does not describe {name}"
    api = compose["services"]["api"]
    assert api["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_env_example_lists_every_setting_of_every_domain():
    import runpy

    checker = runpy.run_path(str(DOCKER / "check_env_example.py"), run_name="not_main")
    assert not checker["missing"](), "docker/.env.example lacks settings"


def test_env_example_lists_every_core_setting():
    from getitong.core.settings import Settings

    text = (DOCKER / ".env.example").read_text()
    keys = {line.split("=", 1)[0].strip().lstrip("# ") for line in text.splitlines() if "=" in line}
    missing = [name.upper() for name in Settings.model_fields if name.upper() not in keys]
    assert not missing, f".env.example lacks {missing}"


def _compose_available() -> bool:
    if shutil.which("docker") is None:
        return False
    probe = subprocess.run(["docker", "compose", "version"], capture_output=True, timeout=30, check=False)
    return probe.returncode == 0


@pytest.mark.skipif(not _compose_available(), reason="docker compose plugin not installed (YAML checked above)")
def test_docker_compose_config_parses():
    result = subprocess.run(["docker", "compose", "-f", str(DOCKER / "compose.yaml"), "config", "--quiet"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
