"""place= and eve_at over HTTP: the API field, /api/v1/places, the widget's time, the feeds' sunset events."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from astral import Observer
from astral.sun import sunset as noaa_sunset
from icalendar import Calendar

from .htmlutil import parse, squash


def eid_2025(client, query: str = "") -> dict:
    # Eid al-Fitr 2025: 30 March (Umm al-Qura; the Beirat's calendar for NRW), so its eve is 29 March
    data = client.get(f"/api/v1/holidays?date=2025-03-30&tradition=islam{query}").get_json()
    return next(h for h in data["holidays"] if h["id"] == "eid-al-fitr")


def noaa(lat: float, lon: float, tz: str, day: date) -> datetime:
    return noaa_sunset(Observer(lat, lon), day, tzinfo=ZoneInfo(tz))


def test_every_occurrence_with_an_eve_has_eve_at_at_the_default_place(client):
    data = client.get("/api/v1/holidays?from=2025-01-01&to=2025-12-31").get_json()["holidays"]
    assert data
    for occ in data:
        if occ["eve"] is None:
            assert occ["eve_at"] is None
            continue
        moment = datetime.fromisoformat(occ["eve_at"])
        assert moment.date().isoformat() == occ["eve"]
        expected = noaa(51.434, 6.762, "Europe/Berlin", moment.date())  # Duisburg
        assert abs((moment - expected).total_seconds()) <= 60, occ["id"]
        assert moment.utcoffset() == expected.utcoffset()


def test_place_by_id_and_by_coordinates(client):
    tehran = eid_2025(client, "&place=tehran")
    assert tehran["eve"] == "2025-03-29"
    moment = datetime.fromisoformat(tehran["eve_at"])
    assert tehran["eve_at"].endswith("+03:30")
    assert abs((moment - noaa(35.689, 51.389, "Asia/Tehran", date(2025, 3, 29))).total_seconds()) <= 60
    istanbul = eid_2025(client, "&place=41.0082,28.9784")  # time zone looked up from the coordinates
    assert istanbul["eve_at"].endswith("+03:00")


def test_polar_day_gives_null_with_a_note(client):
    # Shavuot 2025 begins on the evening of 1 June; at Longyearbyen the sun does not set then
    data = client.get(
        "/api/v1/holidays?date=2025-06-02&tradition=judaism&place=78.223,15.647&tz=Arctic/Longyearbyen"
    ).get_json()["holidays"]
    shavuot = next(h for h in data if h["id"] == "shavuot")
    assert shavuot["eve"] == "2025-06-01" and shavuot["eve_at"] is None
    assert "polar day" in shavuot["eve_at_note"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("place=duisburg&tz=Europe/Berlin", "tz"),
        ("place=91,6", "place"),
        ("place=51,200", "place"),
        ("place=atlantis", "place"),
        ("place=51,6&tz=Mars/Olympus", "tz"),
        ("tz=Europe/Berlin", "tz"),
        ("place=51,6&tz=Europe", "tz"),
        ("place=51,6&tz=Etc", "tz"),  # directories of the zone database
        ("place=%3Cscript%3E", "place"),
    ],
)
def test_bad_places_are_a_400_naming_the_parameter(client, query, parameter):
    response = client.get(f"/api/v1/holidays?date=2025-03-30&{query}")
    assert response.status_code == 400
    body = response.get_json()
    assert body["parameter"] == parameter
    assert "<script>" not in response.get_data(as_text=True) and "atlantis" not in body["error"]


def test_coordinates_are_rounded_before_caches_and_etags(client):
    first = client.get("/api/v1/holidays?date=2025-03-30&place=51.43441,6.76232")
    second = client.get("/api/v1/holidays?date=2025-03-30&place=51.434,6.762")
    assert first.get_data() == second.get_data()
    assert first.headers.get("ETag") == second.headers.get("ETag")
    feed = client.get("/widget/2025/3?place=51.43441,6.76232")
    nxt = parse(feed.data).find("a", cls="ik-next").attrs["href"]
    assert "place=51.434%2C6.762" in nxt or "place=51.434,6.762" in nxt


def test_places_route(client):
    data = client.get("/api/v1/places?lang=tr").get_json()
    assert data["default"] == "duisburg"
    ids = {p["id"]: p for p in data["places"]}
    assert ids["istanbul"]["name"] == "İstanbul" and ids["istanbul"]["tz"] == "Europe/Istanbul"
    assert sum(1 for p in data["places"] if p["tz"] == "Europe/Berlin") >= 40
    assert set(ids["duisburg"]) == {"id", "name", "lat", "lon", "tz"}


def test_widget_and_detail_page_say_when_the_evening_begins(client):
    doc = parse(client.get("/widget/2025/3?lang=de&tradition=islam").data)
    panel = doc.by_id("ik-day-2025-03-30")
    expected = noaa(51.434, 6.762, "Europe/Berlin", date(2025, 3, 29))
    text = squash(panel.text)
    assert "Duisburg" in text
    assert f"{expected:%H}:" in text  # the hour of the NOAA sunset, 19 on that day
    page = squash(parse(client.get("/holiday/rosh-hashanah?lang=de").data).text)
    assert "Duisburg" in page and "18" in page  # candle lighting, 18 minutes before sunset


def test_feeds_add_a_timed_sunset_event_only_with_place(client):
    plain = Calendar.from_ical(client.get("/feeds/islam.ics").data)
    assert not [e for e in plain.walk("VEVENT") if "-eve@" in str(e.get("UID"))]
    cal = Calendar.from_ical(client.get("/feeds/islam.ics?place=tehran&lang=en").data)
    events = {str(e.get("UID")): e for e in cal.walk("VEVENT")}
    eve = next(e for uid, e in events.items() if uid.startswith("eid-al-fitr-20250330-eve@"))
    start = eve.decoded("DTSTART")
    assert start.tzinfo is not None and str(eve["DTSTART"].params["TZID"]) == "Asia/Tehran"
    assert abs((start - noaa(35.689, 51.389, "Asia/Tehran", date(2025, 3, 29))).total_seconds()) <= 60
    assert [tz for tz in cal.walk("VTIMEZONE") if str(tz["TZID"]) == "Asia/Tehran"]
    assert "eid-al-fitr-20250330@" in " ".join(events)  # the all-day event stays


def test_a_deployment_brings_its_own_places(tmp_path, make_app):
    import shutil
    import subprocess

    from interkultur.reference import shipped_dir
    from support_http import interkultur_command

    copy = tmp_path / "data"
    shutil.copytree(shipped_dir(), copy, ignore=shutil.ignore_patterns("announced"))
    (copy / "places.yaml").write_text(
        "version: 1\ndefault: moers\nplaces:\n"
        "  - {id: moers, name: Moers, lat: 51.451, lon: 6.626, tz: Europe/Berlin}\n",
        encoding="utf-8",
    )
    client = make_app(CATALOGUE=str(copy / "holidays.yaml"), PLACE="moers").test_client()
    assert [p["id"] for p in client.get("/api/v1/places").get_json()["places"]] == ["moers"]
    assert client.get("/api/v1/holidays?date=2025-03-30&place=duisburg").status_code == 400
    # a broken one is named with file and line, by check and by serve
    (copy / "places.yaml").write_text(
        "version: 1\ndefault: moers\nplaces:\n  - {id: moers, name: Moers, lat: 95, lon: 6.6, tz: Europe/Berlin}\n",
        encoding="utf-8",
    )
    for command in (["check", str(copy / "holidays.yaml")], ["serve", "--catalogue", str(copy), "--port", "0"]):
        done = subprocess.run(interkultur_command() + command, capture_output=True, text=True, timeout=120)
        assert done.returncode == 1 and f"{copy / 'places.yaml'}:4: 'lat'" in done.stderr
        assert "Traceback" not in done.stderr
