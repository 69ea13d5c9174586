"""catalog.cache: a validated catalogue reused by content, never stale, never a reason to fail."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from interkultur.catalog import CatalogueError, cache, load
from interkultur.reference import shipped_dir


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VARIABLE, str(folder))
    return folder


@pytest.fixture()
def own_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(shipped_dir(), target, ignore=shutil.ignore_patterns("*.pickle", "announced"))
    return target / "holidays.yaml"


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("catalogue-*.pickle"))


def test_second_load_comes_from_the_cache_and_equals_the_first(cache_dir, own_copy):
    first = load(own_copy, languages=("de", "en"))
    assert len(entries(cache_dir)) == 1
    assert oct(cache_dir.stat().st_mode & 0o777) == "0o700"
    second = load(own_copy, languages=("de", "en"))
    assert [h.id for h in second.holidays] == [h.id for h in first.holidays]
    assert second.digest == first.digest and second.version == first.version
    assert second.get("eid-al-fitr").name("de") == first.get("eid-al-fitr").name("de")


def test_an_edit_of_any_file_is_seen_at_once(cache_dir, own_copy):
    assert load(own_copy).get("eid-al-fitr").name("de") == "Ramadanfest (Zuckerfest)"
    text = own_copy.read_text(encoding="utf-8").replace("Ramadanfest (Zuckerfest)", "Zuckerfest (Ramadanfest)", 1)
    own_copy.write_text(text, encoding="utf-8")
    os.utime(own_copy, (1, 1))  # even with an old modification time: the key is the content
    assert load(own_copy).get("eid-al-fitr").name("de") == "Zuckerfest (Ramadanfest)"
    overlay = own_copy.parent / "translations" / "ku.yaml"
    overlay.write_text(
        overlay.read_text(encoding="utf-8").replace("language: ku", "language: ku\n# edited"), encoding="utf-8"
    )
    assert load(own_copy).get("eid-al-fitr").name("de") == "Zuckerfest (Ramadanfest)"
    assert len(entries(cache_dir)) == 3  # three different contents, three entries
    traditions = own_copy.parent / "traditions.yaml"
    traditions.write_text(traditions.read_text(encoding="utf-8").replace("#047857", "#047858"), encoding="utf-8")
    assert load(own_copy).reference.tradition("islam").colour == "#047858"


def test_a_broken_catalogue_is_never_cached(cache_dir, own_copy):
    own_copy.write_text(
        own_copy.read_text(encoding="utf-8").replace("rule: hijri 1 Shawwal", "rule: hijri 31 Shawwal"),
        encoding="utf-8",
    )
    for _ in range(2):
        with pytest.raises(CatalogueError):
            load(own_copy)
    assert entries(cache_dir) == []


def test_a_damaged_entry_is_rebuilt(cache_dir, own_copy):
    load(own_copy)
    (entry,) = entries(cache_dir)
    entry.write_bytes(b"not a pickle")
    assert load(own_copy).get("pesach") is not None
    assert entry.read_bytes() != b"not a pickle"


def test_off_and_unsafe_directories_are_not_used(tmp_path, monkeypatch, own_copy):
    monkeypatch.setenv(cache.ENV_VARIABLE, "off")
    assert cache.directory() is None
    load(own_copy)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv(cache.ENV_VARIABLE, str(shared))
    assert cache.directory() is None  # others could plant a pickle there
    load(own_copy)
    assert entries(shared) == []


def test_an_unwritable_cache_still_loads(tmp_path, monkeypatch, own_copy):
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv(cache.ENV_VARIABLE, str(folder))
    folder.chmod(0o500)
    try:
        assert load(own_copy).get("diwali") is not None
    finally:
        folder.chmod(0o700)


def test_other_code_never_reads_an_old_pickle(cache_dir, own_copy):
    # the package's sources are part of the key: an upgrade (same version number) misses the old entry
    source = Path(cache.__file__)  # one of the package's sources: an edit changes the fingerprint
    before = cache.code_fingerprint()
    key_before = cache.key(str(own_copy), None)
    info = source.stat()
    try:
        os.utime(source, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        cache.code_fingerprint.cache_clear()
        assert cache.code_fingerprint() != before
        assert cache.key(str(own_copy), None) != key_before
    finally:
        os.utime(source, ns=(info.st_atime_ns, info.st_mtime_ns))
        cache.code_fingerprint.cache_clear()
    assert cache.code_fingerprint() == before
