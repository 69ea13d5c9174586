"""Serialised feeds kept on disk by content (``ical.content_key``, ``diskcache.cached_value``).

A stored feed must be the feed serialised afresh, byte for byte; any change of
what a feed is made of (a date, a name, a link, the language, a revision) must
miss the store rather than serve the old bytes; feeds with sunset times, and
the static export, do not use it.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from interkultur import diskcache, ical
from interkultur.catalog import loads
from interkultur.engine import Engine

FEEDS = ("/feeds/all.ics", "/feeds/islam.ics?lang=tr", "/feeds/all.ics?lang=ar&state=NW")


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(diskcache.ENV_VARIABLE, str(folder))
    return folder


def _feeds(app) -> dict[str, bytes]:
    client = app.test_client()
    found = {}
    for path in FEEDS:
        response = client.get(path, headers={"Host": "localhost"})
        assert response.status_code == 200, path
        found[path] = response.data
    return found


def _no_serialising(*args, **kwargs):
    raise AssertionError("a feed was serialised, not read from the store")


def test_stored_feeds_are_the_feeds_serialised_afresh(make_app, cache_dir, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setenv(diskcache.ENV_VARIABLE, "off")
        fresh = _feeds(make_app())
    filling = _feeds(make_app())
    assert len(list(cache_dir.glob("feed-*.pickle"))) == len(FEEDS)
    monkeypatch.setattr(ical, "serialise", _no_serialising)
    reading = _feeds(make_app())  # a new app (a restart, another worker): every feed from the store
    assert filling == fresh and reading == fresh


def test_another_host_in_the_links_is_another_feed(make_app, cache_dir):
    app = make_app(ALLOWED_HOSTS=("localhost", "example.org"))
    client = app.test_client()
    here = client.get("/feeds/all.ics", headers={"Host": "localhost"}).data
    there = client.get("/feeds/all.ics", headers={"Host": "example.org"}).data
    assert b"URL:http://localhost/holiday/" in here and b"localhost" not in there
    assert b"URL:http://example.org/holiday/" in there


def _feed(catalogue, **options) -> bytes:
    found = Engine(catalogue).occurrences(date(2026, 1, 1), date(2026, 12, 31))
    return ical.build_calendar(
        found,
        lang="de",
        catalogue=catalogue,
        store=lambda key, render: diskcache.cached_value("feed", key, render),
        **options,
    )


def _events(body: bytes) -> dict[str, object]:
    return {str(e["UID"]): e for e in Calendar.from_ical(body).walk("VEVENT")}


def test_an_edited_date_or_name_is_never_served_from_the_store(cache_dir, shipped_catalogue_path: Path):
    """The editor moves Epiphany (a date) and renames Good Friday (a text): both reach the feed."""
    text = shipped_catalogue_path.read_text(encoding="utf-8")
    before = _events(_feed(loads(text, "a.yaml")))
    assert "epiphany-20260106@interkultur.invalid" in before
    moved = text.replace("    rule: 01-06\n", "    rule: 01-07\n", 1)
    after = _events(_feed(loads(moved, "a.yaml")))
    assert "epiphany-20260107@interkultur.invalid" in after and "epiphany-20260106@interkultur.invalid" not in after
    assert "Karfreitag" in str(before["good-friday-20260403@interkultur.invalid"]["SUMMARY"])
    renamed = text.replace("names: {de: Karfreitag,", "names: {de: Karfreitag (stiller Feiertag),", 1)
    assert renamed != text
    after = _events(_feed(loads(renamed, "a.yaml")))
    assert str(after["good-friday-20260403@interkultur.invalid"]["SUMMARY"]) == "Karfreitag (stiller Feiertag)"
    assert len(list(cache_dir.glob("feed-*.pickle"))) == 3


PARTS = ical.EventParts(
    "Ostern", date(2026, 4, 5), date(2026, 4, 5), "easter-20260405@x", "christianity", "Text", "https://x/h", None
)
CHANGED = {
    "summary": "Ostersonntag",
    "start": date(2026, 4, 4),
    "end": date(2026, 4, 6),
    "uid": "easter-20260405@y",
    "tradition": "orthodox",
    "description": "Text.",
    "link": None,
    "revision": (1, datetime(2026, 1, 1, tzinfo=UTC)),
}


def test_every_part_of_an_event_and_of_the_header_is_in_the_key():
    assert set(CHANGED) == set(ical.EventParts._fields)  # a new part must be listed here
    header = ("de", "Interkultureller Kalender", "", datetime(2026, 1, 1, tzinfo=UTC))
    key = ical.content_key(header, [PARTS])
    assert ical.content_key(header, [PARTS]) == key
    keys = {ical.content_key(header, [PARTS._replace(**{name: value})]) for name, value in CHANGED.items()}
    for index, value in enumerate(("en", "Calendar", "Beschreibung", datetime(2026, 1, 2, tzinfo=UTC))):
        keys.add(ical.content_key(header[:index] + (value,) + header[index + 1 :], [PARTS]))
    keys.add(ical.content_key(header, [PARTS, PARTS]))
    assert key not in keys and len(keys) == len(CHANGED) + 5


def test_feeds_with_sunset_times_are_not_stored(make_app, cache_dir):
    response = make_app().test_client().get("/feeds/all.ics?place=duisburg", headers={"Host": "localhost"})
    assert response.status_code == 200 and b"BEGIN:VTIMEZONE" in response.data
    assert not list(cache_dir.glob("feed-*.pickle"))


def test_the_static_export_does_not_store_feeds(cache_dir, tmp_path, catalogue):
    from interkultur.web.export import export_site

    export_site(
        tmp_path / "site", catalogue=catalogue, years=range(2026, 2027), languages=["de"], today=date(2026, 3, 1)
    )
    assert list((tmp_path / "site").glob("**/*.ics"))
    assert not list(cache_dir.glob("feed-*.pickle"))


RESTART = """
import sys
from interkultur.web import create_app
app = create_app({"TODAY": "2026-03-01"})
body = app.test_client().get("/feeds/all.ics", headers={"Host": "localhost"}).data
print(len(body), body.count(b"BEGIN:VEVENT"), "icalendar" in sys.modules)
"""


def test_a_restart_that_finds_its_feed_on_disk_does_not_import_icalendar(cache_dir):
    """icalendar is a tenth of the service's start-up; a feed read from the store does not need it."""
    runs = [
        subprocess.run([sys.executable, "-c", RESTART], capture_output=True, text=True, timeout=120, check=True)
        for _ in range(2)
    ]
    first, second = (run.stdout.split() for run in runs)
    assert first[2] == "True" and int(first[1]) > 500  # serialised, and stored
    assert second == [first[0], first[1], "False"]  # the same feed, without icalendar
