"""A real server, a static host page and Debian's Chromium for the browser tests.

The browser is always the system one (``/usr/bin/chromium`` driven by
``/usr/bin/chromedriver``), never a download. Without it the tests skip with
the reason, except under ``CI=true``, where they fail: CI installs chromium.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _missing_browser() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    return None


@pytest.fixture(scope="session")
def browser_available() -> None:
    reason = _missing_browser()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run under CI=true: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """``interkultur serve`` as a real process on a free port; yields its base URL."""
    port = free_port()
    script = shutil.which("interkultur")
    command = [script] if script else [sys.executable, "-m", "interkultur"]
    log = tmp_path_factory.mktemp("server") / "server.log"
    env = dict(os.environ, INTERKULTUR_CATALOGUE=str(REPO / "data" / "holidays.yaml"))
    with log.open("wb") as out:
        proc = subprocess.Popen(command + ["serve", "--port", str(port)], stdout=out,
                                stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"server did not start:\n{log.read_text()}") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


HOST_PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Stadt Musterstadt – Integration</title>
<link rel="icon" href="data:,">
<style>body{{font-family:sans-serif;margin:0;background:#eef1f4}} .layout{{display:flex;gap:24px;padding:16px}}
main{{flex:1}} aside{{width:320px;background:#fff;padding:8px;border:1px solid #ccd}} h2{{font-size:18px}}</style>
</head><body>
<div class="layout"><main><h1>Kommunales Integrationszentrum</h1><p>Ein Artikel der Stadt.</p></main>
<aside><h2>Interkulturkalender</h2>
<script src="{base}/embed.js" data-lang="{lang}" data-month="{month}"{extra}></script>
</aside></div></body></html>
"""


@pytest.fixture(scope="session")
def host_site(tmp_path_factory, live_server):
    """A static host page (another origin) per language, embedding the widget through embed.js."""
    root = tmp_path_factory.mktemp("host")
    pages = {"de": ("de", ' data-tradition=""'), "ar": ("ar", ""), "dual": ("de", ' data-dual="hijri,hebrew"')}
    for name, (lang, extra) in pages.items():
        (root / f"{name}.html").write_text(
            HOST_PAGE.format(base=live_server, lang=lang, month="2025-03", extra=extra), encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep the test output clean
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def driver(browser_available):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1100,1000"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(30)
    try:
        yield drv
    finally:
        drv.quit()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
