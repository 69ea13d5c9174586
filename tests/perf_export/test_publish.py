"""``interkultur export`` builds beside the served tree and switches one symlink; I/O errors leave it alone."""

from __future__ import annotations

import errno
import gzip
import os
import shutil
import subprocess
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from interkultur.web import publish
from interkultur.web.export import export_site
from interkultur.web.publish import PublishError, Tree, tree_pattern
from support_http import interkultur_command

TODAY = date(2025, 3, 30)


def clock(start: datetime):
    """A clock that moves one second per call: the trees get distinct, ordered names."""
    moments = iter(start + timedelta(seconds=n) for n in range(1000))
    return lambda: next(moments)


def build(target: Path, files: dict[str, bytes], now) -> Tree:
    tree = Tree(target, now=now)
    for path, body in files.items():
        tree.write(path, body)
    tree.switch()
    return tree


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_switch_keeps_the_previous_tree_and_prunes_older_ones(tmp_path):
    target = tmp_path / "site"
    now = clock(datetime(2026, 1, 1, tzinfo=UTC))
    trees = [build(target, {"index.html": f"v{n}".encode()}, now).root for n in range(4)]
    assert target.is_symlink()
    assert os.readlink(target) == trees[-1].name  # relative: the parent may be mounted elsewhere
    assert (target / "index.html").read_bytes() == b"v3"
    kept = sorted(p.name for p in tmp_path.iterdir() if tree_pattern(target).fullmatch(p.name))
    assert kept == [trees[2].name, trees[3].name]
    assert not any(p.name.endswith(".link") for p in tmp_path.iterdir())


def test_gzip_beside_text_files_is_reproducible(tmp_path):
    body = b"BEGIN:VCALENDAR\r\n" * 100
    tree = build(
        tmp_path / "a",
        {"de/feeds/all.ics": body, "static/icon.png": b"\x89PNG"},
        clock(datetime(2026, 1, 1, tzinfo=UTC)),
    )
    packed = (tree.root / "de/feeds/all.ics.gz").read_bytes()
    assert gzip.decompress(packed) == body
    assert packed[4:8] == b"\0\0\0\0"  # MTIME field of RFC 1952: zero, so equal input gives equal bytes
    other = build(tmp_path / "b", {"de/feeds/all.ics": body}, clock(datetime(2027, 1, 1, tzinfo=UTC)))
    assert (other.root / "de/feeds/all.ics.gz").read_bytes() == packed
    assert not (tree.root / "static/icon.png.gz").exists()


def test_full_disk_leaves_the_served_tree_and_symlink(tmp_path, monkeypatch):
    target = tmp_path / "site"
    now = clock(datetime(2026, 1, 1, tzinfo=UTC))
    first = build(target, {"index.html": b"old", "de/index.html": b"old de"}, now)
    before = snapshot(target)

    real_open = open

    def full_disk(file, mode="r", *args, **kwargs):
        if "w" in mode and Path(file).name == "index.html" and "de" in Path(file).parts:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(publish, "open", full_disk, raising=False)
    tree = Tree(target, now=now)
    tree.write("index.html", b"new")
    with pytest.raises(PublishError) as caught:
        tree.write("de/index.html", b"new de")
    tree.discard()
    message = str(caught.value)
    assert "\n" not in message and os.strerror(errno.ENOSPC) in message and "de/index.html" in message
    assert os.readlink(target) == first.root.name and snapshot(target) == before
    assert not tree.root.exists()


def test_export_site_on_full_disk_removes_its_partial_tree(tmp_path, monkeypatch, catalogue):
    target = tmp_path / "site"
    real_write = Tree._write
    calls = []

    def fail_later(self, path, body):
        calls.append(path)
        if len(calls) > 20:
            raise PublishError(f"cannot write {self.root / path}: No space left on device")
        real_write(self, path, body)

    monkeypatch.setattr(Tree, "_write", fail_later)
    with pytest.raises(PublishError):
        export_site(target, years=range(2025, 2026), languages=["de"], catalogue=catalogue, today=TODAY)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def unprivileged() -> list[str]:
    """A command prefix that runs without root (root writes into read-only directories): none, or setpriv."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root and setpriv (util-linux) is missing: a read-only directory has no effect")
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]  # nobody
    probe = subprocess.run([*prefix, *interkultur_command(), "--version"], capture_output=True, timeout=60)
    if probe.returncode != 0:  # e.g. a checkout under a private home directory
        pytest.skip(f"the unprivileged user cannot run interkultur here: {probe.stderr[-200:]!r}")
    return prefix


def test_read_only_target_one_line_exit_status_old_tree_served(tmp_path):
    prefix = unprivileged()
    # outside pytest's private (0700) temporary directory, so that the unprivileged user can reach it
    work = Path(tempfile.mkdtemp(prefix="ik-read-only-"))
    try:
        work.chmod(0o755)
        parent = work / "srv"
        parent.mkdir()
        target = parent / "site"
        first = build(target, {"index.html": b"old"}, clock(datetime(2026, 1, 1, tzinfo=UTC)))
        before = snapshot(target)
        parent.chmod(0o555)
        done = subprocess.run(
            [*prefix, *interkultur_command(), "export", str(target), "--years", "2025", "--lang", "de"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        parent.chmod(0o755)
        assert done.returncode == 1, done.stderr
        lines = done.stderr.strip().splitlines()
        assert lines[-1].startswith(f"interkultur export: cannot create {target}.") and lines[-1].endswith(
            ": Permission denied; the previous export is unchanged"
        ), lines[-1]
        assert "Traceback" not in done.stderr
        assert os.readlink(target) == first.root.name and snapshot(target) == before
        assert sorted(p.name for p in parent.iterdir()) == sorted([first.root.name, "site"])
    finally:
        shutil.rmtree(work, ignore_errors=True)


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "rename-aside"])
def test_an_older_export_directory_becomes_the_previous_tree(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
    target = tmp_path / "site"
    (target / "static").mkdir(parents=True)
    (target / "index.html").write_bytes(b"from an older version")
    (target / "embed.js").write_bytes(b"")
    tree = build(target, {"index.html": b"new"}, clock(datetime(2026, 1, 1, tzinfo=UTC)))
    assert target.is_symlink() and (target / "index.html").read_bytes() == b"new"
    previous = [p for p in tmp_path.iterdir() if tree_pattern(target).fullmatch(p.name) and p != tree.root]
    assert len(previous) == 1 and (previous[0] / "index.html").read_bytes() == b"from an older version"


def test_a_foreign_directory_is_refused(tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    (target / "notes.txt").write_text("someone else's files")
    with pytest.raises(PublishError, match="not an interkultur export"):
        Tree(target)
    assert (target / "notes.txt").read_text() == "someone else's files" and list(tmp_path.iterdir()) == [target]


def test_a_file_is_refused(tmp_path):
    target = tmp_path / "site"
    target.write_text("x")
    with pytest.raises(PublishError, match="not a directory"):
        Tree(target)


def test_cli_full_export_then_second_export_switches(tmp_path):
    target = tmp_path / "site"
    command = [*interkultur_command(), "export", str(target), "--years", "2025", "--lang", "en"]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    first = os.readlink(target)
    assert gzip.decompress((target / "en/feeds/all.ics.gz").read_bytes()) == (target / "en/feeds/all.ics").read_bytes()
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    second = os.readlink(target)
    assert second != first and (tmp_path / first).is_dir()
    assert snapshot(tmp_path / first) == snapshot(tmp_path / second)  # same input, same bytes (gzip too)


def test_an_empty_directory_is_replaced_without_a_previous_tree(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    tree = build(target, {"index.html": b"new"}, clock(datetime(2026, 1, 1, tzinfo=UTC)))
    assert os.readlink(target) == tree.root.name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", tree.root.name])


def test_a_failed_switch_keeps_the_served_tree(tmp_path, monkeypatch):
    target = tmp_path / "site"
    now = clock(datetime(2026, 1, 1, tzinfo=UTC))
    first = build(target, {"index.html": b"old"}, now)
    tree = Tree(target, now=now)
    tree.write("index.html", b"new")

    def refuse(source, destination):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(destination))

    monkeypatch.setattr(publish.os, "replace", refuse)
    with pytest.raises(PublishError, match="cannot switch"):
        tree.switch()
    tree.discard()
    assert os.readlink(target) == first.root.name and (target / "index.html").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", first.root.name])
