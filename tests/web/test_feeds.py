"""iCalendar feeds: RFC 5545/7986 shape, stability, caching; parsed by icalendar and vobject."""

from __future__ import annotations

import re
from datetime import date, timedelta

import icalendar
import pytest
import vobject

from interkultur.catalog import load as _load_catalogue
from interkultur.ical import feed_window

from .conftest import BASE_URL, TODAY, UID_DOMAIN

TRADITIONS = _load_catalogue().tradition_ids

WINDOW = (date(TODAY.year - 1, 1, 1), date(TODAY.year + 3, 12, 31))


@pytest.fixture(scope="module")
def feed(app):
    response = app.test_client().get("/feeds/all.ics")
    assert response.status_code == 200
    return response


def events(body: bytes):
    return [c for c in icalendar.Calendar.from_ical(body).walk("VEVENT")]


def test_window_is_last_year_to_three_years_ahead():
    assert feed_window(TODAY) == WINDOW
    assert feed_window(date(2100, 6, 1)) == (date(2099, 1, 1), date(2100, 12, 31))
    assert feed_window(date(1900, 6, 1)) == (date(1900, 1, 1), date(1903, 12, 31))


def test_headers(feed):
    assert feed.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert feed.headers["ETag"]
    assert "max-age=" in feed.headers["Cache-Control"]
    assert feed.headers["Access-Control-Allow-Origin"] == "*"


def test_calendar_properties(feed):
    cal = icalendar.Calendar.from_ical(feed.data)
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"])
    assert str(cal["X-WR-CALNAME"]) == "Interkulturkalender"
    assert str(cal["X-WR-CALDESC"])
    text = feed.data.decode()
    assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in text
    assert "\r\nX-PUBLISHED-TTL:P1D\r\n" in text
    # a subscription, not an iTIP message: no METHOD, so no ORGANIZER owed (RFC 5546 §3.2.1)
    assert "\r\nMETHOD:" not in text and "\r\nORGANIZER" not in text


def test_events_match_the_engine(feed, engine):
    expected = engine.occurrences(*WINDOW)
    found = events(feed.data)
    assert len(found) == len(expected) > 0
    by_uid = {str(e["UID"]): e for e in found}
    for occ in expected:
        event = by_uid[f"{occ.id}-{occ.start:%Y%m%d}@{UID_DOMAIN}"]
        assert event["DTSTART"].dt == occ.start and event["DTEND"].dt == occ.end + timedelta(days=1)
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert str(event["SUMMARY"]) == occ.holiday.name("de")
        assert [str(c) for c in event["CATEGORIES"].cats] == [occ.tradition]
        assert str(event["TRANSP"]) == "TRANSPARENT"
        description = str(event["DESCRIPTION"])
        assert f"{BASE_URL}/holiday/{occ.id}" in description
        if occ.eve and not occ.holiday.night:
            assert "Beginnt am Vorabend" in description
        if occ.estimated and occ.tradition == "islam":
            assert "Mondsichtung" in description
    assert len(by_uid) == len(found), "UIDs are unique"


def test_dtstamp_comes_from_the_catalogue_not_the_clock(feed, make_app):
    """DTSTAMP and LAST-MODIFIED are each holiday's recorded revision (data/feed-revisions.json), never "now"."""
    from interkultur import revisions

    recorded = revisions.parse(revisions.shipped_path().read_text(encoding="utf-8"))
    for event in events(feed.data):
        holiday_id = str(event["UID"]).rsplit("-", 1)[0]
        revision = recorded.holidays[holiday_id]
        assert event["DTSTAMP"].dt == event["LAST-MODIFIED"].dt == revision.last_modified
        assert int(event["SEQUENCE"]) == revision.sequence
    again = make_app(BASE_URL=BASE_URL, UID_DOMAIN=UID_DOMAIN).test_client().get("/feeds/all.ics")
    assert again.data == feed.data


def test_identical_bytes_and_uids_across_fetches(client, feed):
    second = client.get("/feeds/all.ics")
    assert second.data == feed.data
    assert [str(e["UID"]) for e in events(second.data)] == [str(e["UID"]) for e in events(feed.data)]
    assert second.headers["ETag"] == feed.headers["ETag"]


def test_if_none_match_gives_304(client, feed):
    response = client.get("/feeds/all.ics", headers={"If-None-Match": feed.headers["ETag"]})
    assert response.status_code == 304 and response.data == b""
    assert client.get("/feeds/all.ics", headers={"If-None-Match": '"other"'}).status_code == 200


def test_lines_are_folded_and_crlf(feed):
    assert feed.data.endswith(b"\r\n")
    lines = feed.data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    assert b"\n" not in feed.data.replace(b"\r\n", b"")


def test_vobject_parses_the_feed(feed):
    cal = vobject.readOne(feed.data.decode("utf-8"))
    parsed = list(cal.vevent_list)
    assert len(parsed) == len(events(feed.data))
    for event in parsed:
        assert isinstance(event.dtstart.value, date)
        assert event.dtend.value > event.dtstart.value
        assert re.fullmatch(rf"[a-z0-9-]+-\d{{8}}@{re.escape(UID_DOMAIN)}", event.uid.value)
        assert event.summary.value


@pytest.mark.parametrize(
    "lang, calname", [("en", "Intercultural calendar"), ("tr", "Kültürlerarası takvim"), ("ar", "التقويم بين الثقافات")]
)
def test_localised_feed(client, lang, calname, engine):
    body = client.get(f"/feeds/all.ics?lang={lang}").data
    cal = icalendar.Calendar.from_ical(body)
    assert str(cal["X-WR-CALNAME"]) == calname
    first = engine.occurrences(*WINDOW)[0]
    event = next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith(f"{first.id}-"))
    assert str(event["SUMMARY"]) == first.holiday.name(lang)
    assert f"/holiday/{first.id}?lang={lang}" in str(event["DESCRIPTION"])
    vobject.readOne(body.decode("utf-8"))


@pytest.mark.parametrize("tradition", ["islam", "judaism", "christianity"])
def test_tradition_feed(client, tradition, engine):
    response = client.get(f"/feeds/{tradition}.ics")
    assert response.status_code == 200
    found = events(response.data)
    expected = engine.occurrences(*WINDOW, traditions=[tradition])
    assert len(found) == len(expected)
    assert {str(c) for e in found for c in e["CATEGORIES"].cats} <= {tradition}
    assert "–" in str(icalendar.Calendar.from_ical(response.data)["X-WR-CALNAME"])


def test_variant_parameters_change_the_feed(client):
    umm = client.get("/feeds/islam.ics").data
    tabular = client.get("/feeds/islam.ics?islamic=tabular").data
    assert umm != tabular
    diaspora = client.get("/feeds/judaism.ics").data
    israel = client.get("/feeds/judaism.ics?jewish=israel").data
    assert diaspora != israel


def test_feed_errors(client):
    assert client.get("/feeds/pastafarian.ics").status_code == 404
    response = client.get("/feeds/all.ics?lang=xx")
    assert response.status_code == 400 and response.mimetype == "text/plain"
    assert b"lang" in response.data
    assert client.get("/feeds/all.ics?islamic=x").status_code == 400
    assert client.get("/feeds/islam.ics?tradition=x").status_code == 400


def test_every_tradition_has_a_feed_route(client):
    for tradition in TRADITIONS:
        response = client.head(f"/feeds/{tradition}.ics")
        assert response.status_code == 200, tradition


def test_holiday_ics(client, catalogue, engine):
    holiday = next(h for h in catalogue.holidays if engine.upcoming(h.id, TODAY, count=5))
    response = client.get(f"/holiday/{holiday.id}.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{holiday.id}.ics"'
    found = events(response.data)
    expected = engine.upcoming(holiday.id, TODAY, count=5)
    assert [e["DTSTART"].dt for e in found] == [o.start for o in expected]
    assert client.get(f"/holiday/{holiday.id}.ics").data == response.data
    assert client.get("/holiday/no-such-feast.ics").status_code == 404
    vobject.readOne(response.data.decode("utf-8"))


def test_head_on_feeds(client, feed):
    head = client.head("/feeds/all.ics")
    assert head.status_code == 200 and head.data == b""
    assert head.headers["ETag"] == feed.headers["ETag"]
