"""diskcache.cached_file: the places, Länder and languages tables are read from YAML once per content,
never served stale, never cached when broken, and a run without PyYAML imported gives the same answer."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from interkultur import diskcache, places
from interkultur.yamllines import DataFileError


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(diskcache.ENV_VARIABLE, str(folder))
    return folder


@pytest.fixture()
def places_copy(tmp_path) -> Path:
    target = tmp_path / "places.yaml"
    shutil.copy(places.PATH, target)
    return target


def test_a_second_read_comes_from_the_cache(cache_dir, places_copy):
    calls: list[int] = []

    def build() -> places.Places:
        calls.append(1)
        return places.load(places_copy)

    first = diskcache.cached_file("places", places_copy, build)
    second = diskcache.cached_file("places", places_copy, build)
    assert calls == [1] and len(list(cache_dir.glob("places-*.pickle"))) == 1
    assert [p.id for p in second.places] == [p.id for p in first.places]


def test_an_edited_file_is_read_again(cache_dir, places_copy):
    before = diskcache.cached_file("places", places_copy, lambda: places.load(places_copy))
    text = places_copy.read_text(encoding="utf-8")
    places_copy.write_text(text.replace("name: Duisburg,", "name: Duisburg am Rhein,", 1), encoding="utf-8")
    after = diskcache.cached_file("places", places_copy, lambda: places.load(places_copy))
    assert before.get("duisburg").name("de") == "Duisburg"
    assert after.get("duisburg").name("de") == "Duisburg am Rhein"


def test_a_broken_file_is_reported_every_time_and_never_cached(cache_dir, places_copy):
    places_copy.write_text("places:\n  - id: x\n    name: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataFileError) as failure:
            diskcache.cached_file("places", places_copy, lambda: places.load(places_copy))
        assert f"{places_copy}:" in str(failure.value)
    assert not list(cache_dir.glob("places-*.pickle"))


def test_cache_off_builds_every_time(monkeypatch, places_copy):
    monkeypatch.setenv(diskcache.ENV_VARIABLE, "off")
    calls: list[int] = []
    for _ in range(2):
        diskcache.cached_file("places", places_copy, lambda: calls.append(1) or places.load(places_copy))
    assert calls == [1, 1]


def test_a_one_year_listing_from_the_cache_imports_no_yaml(tmp_path):
    """The second run of the typical call finds catalogue, places, Länder and languages in the cache:
    PyYAML is not imported, and the answer is the first run's."""
    script = (
        "import contextlib, io, sys\n"
        "from interkultur import cli\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    cli.main(['holidays', '--year', '2026', '--format', 'json'])\n"
        "print('yaml' in sys.modules, len(out.getvalue()))\n"
    )
    env = {"INTERKULTUR_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert first.stdout.split()[0] == "True"  # the first run reads the YAML files
    assert second.stdout.split() == ["False", first.stdout.split()[1]]


def test_events_yaml_comes_from_the_cache_and_its_validation_is_part_of_the_key(cache_dir, tmp_path, monkeypatch):
    """An unchanged events file is parsed once; another zone or list of traditions (which validate
    and interpret it) parses it again, and a file naming an unknown tradition is never cached."""
    from zoneinfo import ZoneInfo

    from interkultur import events
    from interkultur.events import yamlfile

    path = tmp_path / "events.yaml"
    path.write_text(
        "events:\n  - title: {de: Iftar im Rathaus}\n    start: 2027-02-20 18:30\n    tradition: islam\n",
        encoding="utf-8",
    )
    parsed: list[str] = []
    real = yamlfile.loads_yaml

    def counting(*args, **kwargs):
        parsed.append(args[2].key)
        return real(*args, **kwargs)

    monkeypatch.setattr(events, "loads_yaml", counting)
    berlin, istanbul = ZoneInfo("Europe/Berlin"), ZoneInfo("Europe/Istanbul")
    first = events.load(path, berlin, ["islam", "judaism"], ["de", "en"])
    again = events.load(path, berlin, ["judaism", "islam"], ["en", "de"])  # the same sets
    assert parsed == ["Europe/Berlin"]
    assert [(e.id, e.titles, e.start) for e in again.events] == [(e.id, e.titles, e.start) for e in first.events]
    assert again.modified == first.modified is not None
    other_zone = events.load(path, istanbul, ["islam", "judaism"], ["de", "en"])
    assert parsed == ["Europe/Berlin", "Europe/Istanbul"]
    assert other_zone.events[0].start != first.events[0].start  # 18:30 in another zone is another instant
    with pytest.raises(events.EventsError):
        events.load(path, berlin, ["judaism"], ["de", "en"])  # islam unknown here: an error, every time
    with pytest.raises(events.EventsError):
        events.load(path, berlin, ["judaism"], ["de", "en"])
    assert parsed == ["Europe/Berlin", "Europe/Istanbul", "Europe/Berlin", "Europe/Berlin"]
