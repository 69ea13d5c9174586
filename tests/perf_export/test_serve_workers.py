"""``interkultur serve --workers 2``: pre-forked processes on one port, restarted when they die."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from support_http import SHIPPED_CATALOGUE, free_port, interkultur_command

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="--workers needs fork()")


def get(url: str, headers: dict | None = None):
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=30) as response:
        return response.status, response.headers, response.read()


def children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def wait_for(predicate, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_share_the_port_restart_and_stop(tmp_path):
    port = free_port()
    command = interkultur_command() + ["serve", "--port", str(port), "--workers", "2", "--threads", "2"]
    env = dict(os.environ, INTERKULTUR_CATALOGUE=str(SHIPPED_CATALOGUE))
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:

        def healthy():
            try:
                return get(base + "/healthz")[0] == 200
            except OSError:
                return False

        wait_for(healthy)
        workers = wait_for(lambda: children(proc.pid) if len(children(proc.pid)) == 2 else None)
        status, headers, body = get(base + "/feeds/all.ics", {"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body).startswith(b"BEGIN:VCALENDAR")

        victim = sorted(workers)[0]
        os.kill(victim, signal.SIGKILL)
        replaced = wait_for(
            lambda: (children(proc.pid) - {victim}) if len(children(proc.pid) - {victim}) == 2 else None
        )
        assert victim not in replaced
        for _ in range(10):
            assert get(base + "/widget/2025/3")[0] == 200

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
        for pid in replaced:
            assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]
        with pytest.raises(OSError):
            get(base + "/healthz")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in children(proc.pid):
            os.kill(pid, signal.SIGKILL)


def test_bad_worker_count_is_a_usage_error():
    command = interkultur_command() + ["serve", "--workers", "0"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--workers" in result.stderr
