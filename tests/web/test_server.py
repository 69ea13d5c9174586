"""``interkultur serve`` as a real process (waitress), spoken to over HTTP with urllib."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import urllib.error
import urllib.request

import icalendar
import pytest

from support_http import SHIPPED_CATALOGUE, free_port, start_serve, stop
from support_http import interkultur_command as command


def request(url: str, method: str = "GET", headers: dict | None = None):
    req = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    proc, base = start_serve(log, INTERKULTUR_UID_DOMAIN="serve.test")
    yield base, proc, log
    stop(proc)


def test_health_and_server_identity(server, catalogue):
    base, _, _ = server
    status, headers, body = request(base + "/healthz")
    assert status == 200
    assert json.loads(body) == {"status": "ok", "catalogue": catalogue.version}
    assert headers["Server"] == "interkultur"


def test_widget_api_and_feed_over_http(server):
    base, _, _ = server
    status, headers, body = request(base + "/widget/2018/10")
    assert status == 200 and b"Oktober 2018" in body
    assert "frame-ancestors *" in headers["Content-Security-Policy"]
    status, headers, body = request(base + "/api/v1/holidays?date=2025-12-25&lang=en")
    assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    assert b'"url":"http://127.0.0.1:' in body.replace(b" ", b"")
    status, headers, body = request(base + "/feeds/all.ics")
    assert status == 200 and headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert "@serve.test" in str(icalendar.Calendar.from_ical(body).walk("VEVENT")[0]["UID"])
    status, _, again = request(base + "/feeds/all.ics")
    assert again == body
    status, _, empty = request(base + "/feeds/all.ics", headers={"If-None-Match": headers["ETag"]})
    assert status == 304 and empty == b""


def test_a_large_cached_answer_over_waitress_keeps_length_and_bytes(server):
    """The full feed is handed to waitress as a file once cached (``web.cache``): GET and HEAD
    carry the same Content-Length, the body has that many bytes, and the gzip answer is the
    plain one compressed."""
    base, _, _ = server
    gzip_headers = {"Accept-Encoding": "gzip"}
    plain_status, plain_headers, plain = request(base + "/feeds/all.ics")
    request(base + "/feeds/all.ics", headers=gzip_headers)  # the first answer fills the cache
    for _ in range(2):  # then cache hits, in both encodings
        status, headers, packed = request(base + "/feeds/all.ics", headers=gzip_headers)
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert int(headers["Content-Length"]) == len(packed) > 32 * 1024
        assert gzip.decompress(packed) == plain
        head_status, head_headers, nothing = request(base + "/feeds/all.ics", method="HEAD", headers=gzip_headers)
        assert head_status == 200 and nothing == b"" and head_headers["Content-Length"] == headers["Content-Length"]
        status, headers, again = request(base + "/feeds/all.ics")
        assert status == plain_status == 200 and again == plain
        assert int(headers["Content-Length"]) == len(plain) == int(plain_headers["Content-Length"])


def test_a_replayed_answer_over_waitress_is_the_first_answer(server):
    """``web.replay`` answers the second identical request in front of Flask: over HTTP it carries
    the same status, headers (but the server's Date) and bytes as the first."""
    base, _, _ = server
    for path in ("/widget/2019/7?lang=uk", "/api/v1/holidays?date=2019-07-04", "/feeds/judaism.ics?lang=en"):
        answers = [request(base + path, headers={"Accept-Encoding": "gzip"}) for _ in range(3)]
        (status, headers, body), *later = answers
        assert status == 200, path
        for again_status, again_headers, again_body in later:
            assert (again_status, again_body) == (status, body), path
            assert sorted((k, v) for k, v in again_headers.items() if k != "Date") == sorted(
                (k, v) for k, v in headers.items() if k != "Date"
            ), path


def test_errors_and_head_over_http(server):
    base, _, _ = server
    assert request(base + "/api/v1/holidays")[0] == 400
    assert request(base + "/widget/2025/13")[0] == 400
    assert request(base + "/nowhere")[0] == 404
    assert request(base + "/api/v1/holidays?x=" + "a" * 9000)[0] in (400, 414)
    status, _, body = request(base + "/widget", method="HEAD")
    assert status == 200 and body == b""
    status, headers, _ = request(
        base + "/api/v1/holidays",
        method="OPTIONS",
        headers={"Origin": "https://x.example", "Access-Control-Request-Method": "GET"},
    )
    assert status in (200, 204) and headers["Access-Control-Allow-Origin"] == "*"


def test_a_busy_port_is_a_clean_error(server):
    base, _, _ = server
    port = base.rsplit(":", 1)[1]
    result = subprocess.run(
        command() + ["serve", "--port", port],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, INTERKULTUR_CATALOGUE=str(SHIPPED_CATALOGUE)),
    )
    assert result.returncode == 2  # a usage problem, like every bad argument (issue "First contact")
    assert "cannot listen" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0, result.stderr  # one line


def test_bad_setting_is_a_clean_error():
    result = subprocess.run(
        command() + ["serve", "--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, INTERKULTUR_ISLAMIC="lunar-guess", INTERKULTUR_CATALOGUE=str(SHIPPED_CATALOGUE)),
    )
    assert result.returncode == 2
    assert "INTERKULTUR_ISLAMIC" in result.stderr and "Traceback" not in result.stderr
