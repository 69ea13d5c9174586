"""The nginx examples in deploy/ pass ``nginx -t`` (Debian's nginx), as an operator would install them.

Each file is included in an ``http {}`` block, as ``/etc/nginx/conf.d/`` does;
only the certificate paths are pointed at a self-signed test certificate
(``nginx -t`` opens them) and the cache directory at a temporary one. The
static example is also run on a loopback port over a real export.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import os
import shutil
import ssl
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from interkultur.web.export import export_site
from support_http import REPO, free_port

CONFS = sorted([*(REPO / "deploy").glob("*.conf"), *(REPO / "deploy").glob("*/*.conf")])  # needs the repository
#: Container names of deploy/compose.yaml, resolvable only inside its network: loopback for ``nginx -t``.
COMPOSE_HOSTS = {"server app-1:8000": "server 127.0.0.1:8000", "server app-2:8000": "server 127.0.0.1:8001"}
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
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=kalender.example.de",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def test_there_are_examples():
    assert {p.name for p in CONFS} >= {"nginx-service.conf", "nginx-static.conf", "nginx.conf"}


def prepare(conf: Path, certificate: tuple[Path, Path], tmp_path: Path, **replace: str) -> Path:
    """The main nginx.conf that includes ``conf`` with test paths (and ``replace``'s substitutions)."""
    cert, key = certificate
    text = conf.read_text()
    text = text.replace("/etc/letsencrypt/live/kalender.example.de/fullchain.pem", str(cert))
    text = text.replace("/etc/letsencrypt/live/kalender.example.de/privkey.pem", str(key))
    text = text.replace("/var/cache/nginx/interkultur", str(tmp_path / "cache"))
    for old, new in COMPOSE_HOSTS.items():
        text = text.replace(old, new)
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    included = tmp_path / f"included-{conf.name}"
    included.write_text(text)
    (tmp_path / "logs").mkdir()
    temp = "".join(
        f"  {kind}_temp_path {tmp_path}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the test's private temp directory
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"{user}error_log {tmp_path}/logs/error.log;\npid {tmp_path}/nginx.pid;\nevents {{}}\n"
        f"http {{\n  access_log off;\n{temp}  include {included};\n}}\n"
    )
    return main


@pytest.mark.parametrize("conf", CONFS, ids=lambda p: p.name)
def test_conf_passes_nginx_t(conf: Path, certificate, tmp_path: Path):
    require(NGINX)
    main = prepare(conf, certificate, tmp_path)
    done = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "[warn]" not in done.stderr and "[emerg]" not in done.stderr, done.stderr


@contextlib.contextmanager
def running(main: Path, prefix: Path, port: int) -> Iterator[None]:
    """nginx in the foreground on ``port`` until the block ends."""
    proc = subprocess.Popen(
        [NGINX, "-p", str(prefix), "-c", str(main), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with contextlib.closing(
                    http.client.HTTPSConnection("127.0.0.1", port, timeout=2, context=ssl._create_unverified_context())
                ) as c:
                    c.request("HEAD", "/")
                    c.getresponse()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start: {(prefix / 'logs/error.log').read_text()}") from None
                time.sleep(0.05)
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def static_nginx(certificate, tmp_path_factory) -> Iterator[tuple[int, Path]]:
    """deploy/nginx-static.conf on a loopback port over a real export (German, 2025)."""
    require(NGINX)
    export = tmp_path_factory.mktemp("srv") / "interkultur"
    export_site(export, years=range(2025, 2026), languages=["de"], today=date(2025, 3, 30))
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    main = prepare(
        REPO / "deploy" / "nginx-static.conf",
        certificate,
        prefix,
        **{"listen 443 ssl": f"listen 127.0.0.1:{port} ssl", "root /srv/interkultur;": f"root {export};"},
    )
    with running(main, prefix, port):
        yield port, export


def get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    with contextlib.closing(
        http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=ssl._create_unverified_context())
    ) as c:
        c.request("GET", path, headers={"Host": "kalender.example.de", **headers})
        answer = c.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("/de/feeds/all.ics", "text/calendar; charset=utf-8"),
        ("/de/widget/2025/03.html", "text/html; charset=utf-8"),
        ("/de/api/holidays/2025.json", "application/json; charset=utf-8"),
        ("/", "text/html; charset=utf-8"),
    ],
)
def test_static_conf_sends_the_exports_gz_to_gzip_clients(static_nginx, path, content_type):
    port, export = static_nginx
    plain_file = export / (path.lstrip("/") or "index.html")
    status, headers, body = get(port, path, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["content-encoding"] == "gzip" and headers["content-type"] == content_type
    assert "Accept-Encoding" in headers["vary"]
    assert body == (plain_file.parent / (plain_file.name + ".gz")).read_bytes()  # the file, not a new compression
    assert gzip.decompress(body) == plain_file.read_bytes()
    status, headers, body = get(port, path)
    assert status == 200 and "content-encoding" not in headers and body == plain_file.read_bytes()


def test_static_conf_headers_survive_gzip_static(static_nginx):
    port, _ = static_nginx
    _, feed, _ = get(port, "/de/feeds/all.ics", **{"Accept-Encoding": "gzip"})
    assert feed["access-control-allow-origin"] == "*" and feed["x-content-type-options"] == "nosniff"
    _, widget, _ = get(port, "/de/widget/2025/03.html", **{"Accept-Encoding": "gzip"})
    assert "frame-ancestors *" in widget["content-security-policy"]
    _, page, _ = get(port, "/de/index.html", **{"Accept-Encoding": "gzip"})
    assert "frame-ancestors 'none'" in page["content-security-policy"] and page["x-frame-options"] == "DENY"
