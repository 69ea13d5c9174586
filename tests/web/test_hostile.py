"""Hostile traffic: every case answers with a clear 4xx, never a 5xx, and the service stays up.

Cases that depend on the WSGI server (body limits, idle sockets, SIGTERM,
trusted proxies) run against a real ``interkultur serve`` on loopback; the
others through Flask's test client.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import signal
import socket
import time
import urllib.request
from pathlib import Path

import pytest

from interkultur.web.http import host_allowed
from interkultur.web.server import MAX_BODY_BYTES, OncePerInterval
from support_http import start_serve, stop

# -- through the test client -------------------------------------------------------------------


def test_deeply_nested_json_is_a_400(client):
    for body in ("[" * 1000 + "]" * 1000, "[" * 60_000, '{"dates": ' + "[" * 5000 + "]" * 5000 + "}"):
        answer = client.post("/api/v1/schools/check", data=body, content_type="application/json")
        assert answer.status_code == 400, body[:20]
        assert answer.get_json()["parameter"] in ("body", "dates")


def test_a_long_path_is_not_echoed(client):
    for path in ("/holiday/" + "a" * 100_000, "/widget/" + "b" * 100_000, "/" + "c" * 100_000):
        answer = client.get(path)
        assert answer.status_code == 404
        assert len(answer.data) < 8_000 and b"a" * 64 not in answer.data and b"b" * 64 not in answer.data


def test_an_unknown_host_is_refused_without_echo(make_app):
    client = make_app(BASE_URL="").test_client()
    for host in ("evil.example", "evil.example:8000", "localhost.evil.example", "[::2]", "a b"):
        answer = client.get("/api/v1/holidays?date=2025-12-25", headers={"Host": host})
        assert answer.status_code == 400, host
        assert b"evil" not in answer.data
    page = client.get("/", headers={"Host": "evil.example"})
    assert page.status_code == 400 and b"evil" not in page.data
    feed = client.get("/feeds/all.ics", headers={"Host": "evil.example"})
    assert feed.status_code == 400 and b"evil" not in feed.data
    for host in ("localhost", "localhost:8000", "127.0.0.1:5000", "[::1]:8000"):
        assert client.get("/healthz", headers={"Host": host}).status_code == 200, host


def test_with_a_base_url_the_host_header_is_not_used(make_app):
    client = make_app(BASE_URL="https://kalender.example.de").test_client()
    answer = client.get("/api/v1/holidays?date=2025-12-25", headers={"Host": "evil.example"})
    assert answer.status_code == 200
    assert all(item["url"].startswith("https://kalender.example.de/holiday/") for item in answer.get_json()["holidays"])
    assert b"evil" not in answer.data


def test_allowed_host_patterns():
    allowed = ("localhost", ".stadt.example", "::1")
    assert host_allowed("localhost:8000", allowed) and host_allowed("LOCALHOST", allowed)
    assert host_allowed("stadt.example", allowed) and host_allowed("www.stadt.example:443", allowed)
    assert host_allowed("[::1]:8000", allowed)
    assert not host_allowed("evilstadt.example", allowed) and not host_allowed("stadt.example.evil", allowed)
    assert not host_allowed("", allowed) and not host_allowed("[::1", allowed)
    assert not host_allowed("localhost@evil.example", allowed)
    assert host_allowed("anything.example", ("*",))


def test_hsts_only_on_https(client):
    plain = client.get("/healthz")
    assert "Strict-Transport-Security" not in plain.headers
    secure = client.get("/healthz", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


def test_queue_warning_is_logged_once_per_interval(caplog):
    now = [0.0]
    logger = logging.getLogger("test.waitress.queue")
    limiter = OncePerInterval(60, clock=lambda: now[0])
    logger.addFilter(limiter)
    try:
        with caplog.at_level(logging.WARNING, logger="test.waitress.queue"):
            for second in range(0, 150):  # 150 requests a second for 150 s
                now[0] = float(second)
                for _ in range(150):
                    logger.warning("Task queue depth is %d", 3)
        lines = [r.getMessage() for r in caplog.records if r.name == "test.waitress.queue"]
        assert len(lines) == 3  # at 0 s, 60 s and 120 s
        assert lines[0] == "Task queue depth is 3"
        assert "8999 more such warnings" in lines[1]
    finally:
        logger.removeFilter(limiter)


# -- against a real server ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One ``interkultur serve`` with its own empty TMPDIR and 127.0.0.1 as trusted proxy."""
    directory = tmp_path_factory.mktemp("hostile")
    spool = directory / "tmp"
    spool.mkdir()
    log = directory / "serve.log"
    proc, base = start_serve(log, "--trusted-proxy", "127.0.0.1", TMPDIR=str(spool))
    yield proc, base, spool, log
    stop(proc)


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def _status_line(sock: socket.socket) -> bytes:
    sock.settimeout(10)
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.split(b"\r\n", 1)[0]


def _files_open_under(pid: int, directory: Path) -> list[str]:
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(directory)):
            found.append(target)
    return found


def test_start_warns_without_a_base_url(server):
    _proc, _base, _spool, log = server
    assert "INTERKULTUR_BASE_URL is not set" in log.read_text()


def test_announced_large_body_is_refused_before_it_is_read(server):
    _proc, base, _spool, _log = server
    with socket.create_connection(("127.0.0.1", _port(base))) as sock:
        sock.sendall(
            b"POST /api/v1/schools/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n"
        )
        assert b" 413 " in _status_line(sock)


def test_chunked_body_stops_at_the_limit_and_nothing_is_spooled(server):
    proc, base, spool, _log = server
    with socket.create_connection(("127.0.0.1", _port(base))) as sock:
        sock.sendall(
            b"POST /api/v1/schools/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"x" * 65536
        sent = 0
        status = b""
        sock.settimeout(0.05)
        while sent < 4 * MAX_BODY_BYTES:
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError, TimeoutError):
                break
            sent += len(chunk)
            if sent == 12 * 65536:  # 768 KiB: above waitress' default spooling threshold
                assert _files_open_under(proc.pid, spool) == []
            try:
                status = sock.recv(4096)
                if status:
                    break
            except TimeoutError:
                pass
        if not status:
            status = _status_line(sock)
        assert b" 413 " in status.split(b"\r\n", 1)[0]
        assert sent <= 2 * MAX_BODY_BYTES
    assert list(spool.iterdir()) == []
    assert proc.poll() is None


def test_healthz_answers_while_a_thousand_idle_sockets_are_open(server):
    _proc, base, _spool, _log = server
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 1200 <= hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    idle = []
    try:
        for _ in range(1000):
            idle.append(socket.create_connection(("127.0.0.1", _port(base)), timeout=5))
        time.sleep(0.5)
        started = time.monotonic()
        with urllib.request.urlopen(base + "/healthz", timeout=5) as answer:
            assert answer.status == 200
        assert time.monotonic() - started < 1.0
    finally:
        for sock in idle:
            sock.close()


def test_hsts_behind_a_trusted_proxy_that_reports_https(server):
    _proc, base, _spool, _log = server
    request = urllib.request.Request(base + "/healthz", headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=5) as answer:
        assert answer.headers["Strict-Transport-Security"].startswith("max-age=")
    with urllib.request.urlopen(base + "/healthz", timeout=5) as answer:
        assert answer.headers["Strict-Transport-Security"] is None


def test_sigterm_finishes_the_request_in_flight(tmp_path):
    proc, base = start_serve(tmp_path / "serve.log")
    try:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # the answer stays in the server's buffers
        sock.connect(("127.0.0.1", _port(base)))
        sock.sendall(
            b"GET /feeds/all.ics?from=2024-01-01&to=2033-12-31 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        time.sleep(0.02)  # the cold feed takes longer than this to build
        proc.send_signal(signal.SIGTERM)
        sock.settimeout(10)
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
        sock.close()
        head, _, body = data.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200")
        length = next(
            int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")
        )
        assert len(body) == length and body.rstrip().endswith(b"END:VCALENDAR")
        assert proc.wait(timeout=15) == 0  # not killed by the signal (-15): it drained and exited
        with pytest.raises(OSError):  # and it no longer listens
            socket.create_connection(("127.0.0.1", _port(base)), timeout=2).close()
    finally:
        if proc.poll() is None:
            stop(proc)


def test_nested_json_through_the_server(server):
    _proc, base, _spool, _log = server
    request = urllib.request.Request(
        base + "/api/v1/schools/check", data=b"[" * 5000, method="POST", headers={"Content-Type": "application/json"}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 400
    assert json.loads(refused.value.read())["parameter"] == "body"
