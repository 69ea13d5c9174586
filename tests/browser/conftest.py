"""A real server, a static host page and Debian's Chromium for the browser tests.

The process, port and browser helpers (and the skip-or-fail rule when chromium
is missing) are shared with the other suites: see ``tests/support_http.py``.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from support_http import ARTIFACTS, chromium, start_serve, stop


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """``interkultur serve`` as a real process on a free port; yields its base URL."""
    proc, base = start_serve(tmp_path_factory.mktemp("server") / "server.log")
    try:
        yield base
    finally:
        stop(proc)


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
    pages = {
        "de": ("de", ' data-tradition=""'),
        "ar": ("ar", ""),
        "fa": ("fa", ""),
        "dual": ("de", ' data-dual="hijri,hebrew"'),
    }
    for name, (lang, extra) in pages.items():
        (root / f"{name}.html").write_text(
            HOST_PAGE.format(base=live_server, lang=lang, month="2025-03", extra=extra), encoding="utf-8"
        )

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep the test output clean
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def driver(browser_available):
    with chromium(window_size="1100,1000") as drv:
        yield drv


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
