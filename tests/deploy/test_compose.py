"""deploy/compose.yaml: nginx in front of two replicas with healthchecks, as ``docker compose config`` reads it.

Runs with the Compose v2 plugin (``docker compose``) or Debian's
``docker-compose``; neither needs a Docker daemon for ``config``. Without
either the test skips, except under ``CI=true`` (CI installs docker-compose).
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
import yaml

from support_http import REPO

COMPOSE_FILE = REPO / "deploy" / "compose.yaml"


def compose_command() -> list[str]:
    if shutil.which("docker"):
        done = subprocess.run(["docker", "compose", "version"], capture_output=True, timeout=60)
        if done.returncode == 0:
            return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if os.environ.get("CI") == "true":
        pytest.fail("docker compose or docker-compose is needed under CI=true (apt-get install docker-compose)")
    pytest.skip("neither docker compose nor docker-compose is installed")


@pytest.fixture(scope="module")
def config() -> dict:
    done = subprocess.run(
        [*compose_command(), "-f", str(COMPOSE_FILE), "config"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO / "deploy",
    )
    assert done.returncode == 0, done.stderr
    return yaml.safe_load(done.stdout)


def test_nginx_and_two_replicas(config):
    services = config["services"]
    replicas = [name for name, service in services.items() if "interkultur" in " ".join(service.get("command", []))]
    assert len(replicas) >= 2 and "nginx" in services
    for name in replicas:
        check = services[name]["healthcheck"]
        assert "/healthz" in " ".join(check["test"]), name
        assert "ports" not in services[name], f"{name} is reached through nginx only"
    assert {name: dep["condition"] for name, dep in services["nginx"]["depends_on"].items()} == {
        name: "service_healthy" for name in replicas
    }


def test_the_upstream_names_every_replica(config):
    nginx_conf = (REPO / "deploy" / "compose" / "nginx.conf").read_text()
    for name in config["services"]:
        if name != "nginx":
            assert f"server {name}:8000" in nginx_conf, name
