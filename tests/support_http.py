"""Real processes on loopback ports and Debian's Chromium, shared by the server and browser tests.

The browser is always the system one (``/usr/bin/chromium`` driven by
``/usr/bin/chromedriver``), never a download. Without it the browser tests skip
with the reason, except under ``CI=true``, where they fail: CI installs chromium.
(The ``browser_available`` fixture in ``tests/conftest.py`` applies this rule.)
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
REPO = Path(__file__).resolve().parents[1]
SHIPPED_CATALOGUE = REPO / "data" / "holidays.yaml"
ARTIFACTS = REPO / "test-artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def interkultur_command() -> list[str]:
    """The ``interkultur`` console script of the interpreter running the tests.

    It is looked up beside ``sys.executable`` (a virtual environment's ``bin/``
    that need not be activated, so never on ``PATH``); without it,
    ``python -m interkultur`` runs the same entry point.
    """
    script = Path(sys.executable).with_name("interkultur")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "interkultur"]


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def wait_until_up(proc: subprocess.Popen, url: str, timeout: float, what: str, log: Path | None = None) -> None:
    """Poll ``url`` until it answers 200; kill ``proc`` and raise if it dies or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            detail = f":\n{log.read_text()}" if log is not None else ""
            raise RuntimeError(f"{what} did not start{detail}")
        time.sleep(0.05)


def start_serve(log: Path, *args: str, **env: str) -> tuple[subprocess.Popen, str]:
    """``interkultur serve`` on a free loopback port with the shipped catalogue; (process, base URL).

    Its output goes to ``log``; ``args`` are extra command-line arguments, ``env`` extra variables.
    """
    port = free_port()
    environ = dict(os.environ, INTERKULTUR_CATALOGUE=str(SHIPPED_CATALOGUE), **env)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            interkultur_command() + ["serve", "--host", "127.0.0.1", "--port", str(port), *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=environ,
        )
    base = f"http://127.0.0.1:{port}"
    wait_until_up(proc, base + "/healthz", 30, "interkultur serve", log)
    return proc, base


def static_server(directory: Path) -> tuple[subprocess.Popen, str]:
    """``python -m http.server`` on a free loopback port, as any static host would serve the files."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(directory)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_up(proc, base + "/", 20, "http.server")
    return proc, base


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    return None


def require_browser() -> None:
    """Skip the test with the reason when the browser is missing; fail instead under ``CI=true``."""
    reason = missing_browser()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run under CI=true: {reason}")
        pytest.skip(reason)


@contextlib.contextmanager
def chromium(window_size: str):
    """A headless Chromium WebDriver (browser log kept) with a ``"width,height"`` window; quit on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--window-size={window_size}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(30)
    try:
        yield drv
    finally:
        drv.quit()
