"""The nginx examples in deploy/ pass ``nginx -t`` (Debian's nginx), as an operator would install them.

Each file is included in an ``http {}`` block, as ``/etc/nginx/conf.d/`` does;
only the certificate paths are pointed at a self-signed test certificate
(``nginx -t`` opens them) and the cache directory at a temporary one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from support_http import REPO

CONFS = sorted((REPO / "deploy").glob("*.conf"))  # needs the repository
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def require(tool: str) -> None:
    if not os.access(tool, os.X_OK) and shutil.which(tool) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} is needed under CI=true (apt-get install nginx openssl)")
        pytest.skip(f"{tool} is not installed")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    require("openssl")
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "fullchain.pem", directory / "privkey.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=kalender.example.de", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    return cert, key


def test_there_are_examples():
    assert {p.name for p in CONFS} >= {"nginx-service.conf", "nginx-static.conf"}


@pytest.mark.parametrize("conf", CONFS, ids=lambda p: p.name)
def test_conf_passes_nginx_t(conf: Path, certificate, tmp_path: Path):
    require(NGINX)
    cert, key = certificate
    text = conf.read_text()
    text = text.replace("/etc/letsencrypt/live/kalender.example.de/fullchain.pem", str(cert))
    text = text.replace("/etc/letsencrypt/live/kalender.example.de/privkey.pem", str(key))
    text = text.replace("/var/cache/nginx/interkultur", str(tmp_path / "cache"))
    included = tmp_path / conf.name
    included.write_text(text)
    (tmp_path / "logs").mkdir()
    main = tmp_path / "nginx.conf"
    main.write_text(f"error_log {tmp_path}/logs/error.log;\npid {tmp_path}/nginx.pid;\nevents {{}}\n"
                    f"http {{\n  access_log off;\n  include {included};\n}}\n")
    done = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "[warn]" not in done.stderr and "[emerg]" not in done.stderr, done.stderr
