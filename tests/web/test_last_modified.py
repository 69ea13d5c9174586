"""``Last-Modified`` and ``If-Modified-Since`` beside the ETag (RFC 9110, sections 8.8.2, 13.1.3, 13.2.2).

Last-Modified must say when the representation last changed: never the time
of the request (so every replica and every request of a day send the same
value), never earlier than a change the answer itself shows (the events'
LAST-MODIFIED in a feed, an editor's catalogue edit).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from interkultur.catalog import load

from .conftest import TODAY

ROUTES = [
    "/feeds/all.ics",
    "/feeds/islam.ics",
    "/holiday/easter-sunday.ics",
    "/api/v1/holidays?date=2025-03-30",
    "/api/v1/holidays/easter-sunday",
    "/api/v1/traditions",
    "/widget/2025/3",
    "/",
    "/year/2025",
    "/holiday/easter-sunday",
]
BERLIN = ZoneInfo("Europe/Berlin")  # the default INTERKULTUR_TIMEZONE (README configuration table)


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def last_modified(client, url: str) -> datetime:
    answer = client.get(url)
    assert answer.status_code == 200, url
    return parsedate_to_datetime(answer.headers["Last-Modified"])


@pytest.mark.parametrize("url", ROUTES)
def test_if_modified_since_answers_304_when_nothing_changed(client, url):
    answer = client.get(url, headers={"Accept-Encoding": "gzip"})
    stamp = answer.headers["Last-Modified"]
    moment = parsedate_to_datetime(stamp)
    same = client.get(url, headers={"Accept-Encoding": "gzip", "If-Modified-Since": stamp})
    assert same.status_code == 304 and same.data == b""
    # RFC 9110, 15.4.5: a 304 repeats ETag and Vary (Last-Modified is not required; werkzeug drops it)
    assert same.headers["ETag"] == answer.headers["ETag"] and same.headers["Vary"] == answer.headers["Vary"]
    later = client.get(url, headers={"If-Modified-Since": http_date(moment + timedelta(days=3))})
    assert later.status_code == 304
    earlier = client.get(url, headers={"If-Modified-Since": http_date(moment - timedelta(seconds=1))})
    assert earlier.status_code == 200 and earlier.data


def test_if_none_match_takes_precedence(client):
    url = "/feeds/all.ics"
    answer = client.get(url)
    stamp, etag = answer.headers["Last-Modified"], answer.headers["ETag"]
    # a current date but a different ETag: the ETag decides (200)
    assert client.get(url, headers={"If-None-Match": '"other"', "If-Modified-Since": stamp}).status_code == 200
    # the matching ETag with a date long before: still 304
    old = http_date(datetime(2000, 1, 1, tzinfo=UTC))
    assert client.get(url, headers={"If-None-Match": etag, "If-Modified-Since": old}).status_code == 304


@pytest.mark.parametrize("value", ["yesterday", "Mon, 99 Foo 2025 25:61:00 GMT", ""])
def test_an_invalid_date_is_ignored(client, value):
    assert client.get("/api/v1/traditions", headers={"If-Modified-Since": value}).status_code == 200


def test_the_same_on_every_replica(make_app):
    first, second = make_app().test_client(), make_app().test_client()
    for url in ROUTES:
        assert first.get(url).headers["Last-Modified"] == second.get(url).headers["Last-Modified"], url


def test_feed_is_never_older_than_its_events_or_its_window(client):
    answer = client.get("/feeds/all.ics")
    moment = parsedate_to_datetime(answer.headers["Last-Modified"])
    events = Calendar.from_ical(answer.data).walk("VEVENT")
    newest_event = max(e["LAST-MODIFIED"].dt for e in events if "LAST-MODIFIED" in e)
    assert moment >= newest_event
    # the feed window (last year to three years ahead) moved on 1 January of TODAY's year
    assert moment >= datetime(TODAY.year, 1, 1, tzinfo=BERLIN)


def test_pages_that_mark_today_changed_at_most_at_midnight(client):
    midnight = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=BERLIN)
    for url in ("/widget/2025/3", "/", "/holiday/easter-sunday", "/holiday/easter-sunday.ics"):
        assert last_modified(client, url) >= midnight, url


def test_an_edited_catalogue_copy_is_newer(tmp_path: Path, make_app, shipped_catalogue_path: Path):
    """The catalogue file's modification time reaches Last-Modified (as it reaches the feed's events)."""
    copy = tmp_path / "holidays.yaml"
    text = shipped_catalogue_path.read_text(encoding="utf-8")
    assert "    rule: 01-06\n" in text
    copy.write_text(text.replace("    rule: 01-06\n", "    rule: 01-07\n", 1), encoding="utf-8")
    edited_at = datetime(2090, 5, 4, 3, 2, 1, tzinfo=UTC)  # after every recorded revision and file
    os.utime(copy, (edited_at.timestamp(), edited_at.timestamp()))
    client = make_app(CATALOGUE=load(copy)).test_client()
    for url in ("/api/v1/traditions", "/feeds/all.ics", "/api/v1/holidays?date=2025-01-06"):
        assert last_modified(client, url) == edited_at, url
