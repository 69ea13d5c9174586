"""eve_at: the sunset that begins a feast, checked against NOAA's equations (astral) and the API contract.

astral implements the NOAA Solar Calculator's equations (Meeus, "Astronomical Algorithms"); interkultur
computes sunset with ephem (VSOP87). Both take the upper limb at 0.833° below the horizon (34' standard
refraction plus 16' semi-diameter), so they must agree within the contract's minute.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from astral import Observer
from astral.sun import sunset as noaa_sunset

from interkultur import evening, places

TABLE = places.shipped()

CASES = [
    ("duisburg", date(2025, 3, 29)),  # the eve of Eid al-Fitr 2025, before the clocks change
    ("duisburg", date(2025, 6, 21)),  # midsummer, CEST
    ("duisburg", date(2025, 12, 21)),  # midwinter
    ("berlin", date(2026, 9, 11)),  # the eve of Rosh Hashanah 5787
    ("tehran", date(2025, 3, 20)),  # the eve of Nowruz, UTC+03:30
    ("jerusalem", date(2025, 10, 1)),  # Yom Kippur eve, IDT
    ("addis-ababa", date(2025, 9, 10)),  # near the equator
    ("seoul", date(2025, 10, 5)),
    ("kabul", date(2025, 6, 5)),  # UTC+04:30
    ("new-delhi", date(2025, 10, 20)),
]


@pytest.mark.parametrize(("place_id", "day"), CASES)
def test_sunset_agrees_with_noaa_within_a_minute(place_id, day):
    place = TABLE.get(place_id)
    ours, reason = evening.eve_at(day, place)
    assert reason is None
    theirs = noaa_sunset(Observer(place.lat, place.lon), day, tzinfo=ZoneInfo(place.tz))
    assert ours.date() == day
    assert abs((ours - theirs).total_seconds()) <= 60, (ours, theirs)
    assert ours.utcoffset() == theirs.utcoffset()


@pytest.mark.parametrize(
    ("lat", "lon", "tz", "day"),
    [
        (-33.869, 151.209, "Australia/Sydney", date(2025, 6, 21)),  # southern winter
        (40.713, -74.006, "America/New_York", date(2025, 11, 2)),  # the day DST ends
        (64.147, -21.943, "Atlantic/Reykjavik", date(2025, 6, 20)),  # sunset near midnight
    ],
)
def test_sunset_elsewhere_agrees_with_noaa(lat, lon, tz, day):
    place = places.resolve(f"{lat},{lon}", tz, TABLE)
    ours, _ = evening.eve_at(day, place)
    theirs = noaa_sunset(Observer(place.lat, place.lon), day, tzinfo=ZoneInfo(tz))
    assert abs((ours - theirs).total_seconds()) <= 60


def test_no_sunset_in_polar_day_and_night():
    longyearbyen = places.resolve("78.223,15.647", "Arctic/Longyearbyen", TABLE)
    assert evening.eve_at(date(2025, 6, 21), longyearbyen) == (None, "polar-day")
    assert evening.eve_at(date(2025, 12, 21), longyearbyen) == (None, "polar-night")
    assert "polar day" in evening.eve_at_note(date(2025, 6, 21), longyearbyen)
    assert evening.eve_at(None, longyearbyen) == (None, None)


def test_customary_start_is_earlier_by_the_minutes():
    place = TABLE.get("duisburg")
    sunset, _ = evening.eve_at(date(2025, 9, 22), place)
    assert evening.customary_start(date(2025, 9, 22), place, 18) == sunset - timedelta(minutes=18)
    assert evening.customary_start(date(2025, 9, 22), place, None) is None


def test_places_table_covers_germany_and_the_countries_of_origin():
    german = [p for p in TABLE.places if p.tz == "Europe/Berlin"]
    assert len(german) >= 40
    for wanted in (
        "ankara",
        "istanbul",
        "sofia",
        "bucharest",
        "warsaw",
        "athens",
        "rome",
        "tirana",
        "pristina",
        "kyiv",
        "damascus",
        "baghdad",
        "erbil",
        "tehran",
        "kabul",
        "beirut",
        "jerusalem",
        "yerevan",
        "belgrade",
        "sarajevo",
        "addis-ababa",
        "asmara",
        "amritsar",
        "new-delhi",
        "beijing",
        "hanoi",
        "seoul",
        "bangkok",
    ):
        assert TABLE.get(wanted) is not None, wanted
    assert TABLE.default == "duisburg"


def test_coordinates_are_rounded_and_time_zones_inferred():
    place = places.resolve("51.43441, 6.76232", None, TABLE)
    assert (place.lat, place.lon, place.id) == (51.434, 6.762, "51.434,6.762")
    assert place.tz == "Europe/Berlin"  # timezonefinder
    assert places.canonical("51.43441,6.76232") == "51.434,6.762"
    assert places.resolve("41.0082,28.9784", None, TABLE).tz == "Europe/Istanbul"


@pytest.mark.parametrize(
    ("text", "tz", "parameter"),
    [
        ("duisburg", "Europe/Berlin", "tz"),
        ("91,0", None, "place"),
        ("0,181", None, "place"),
        ("nowhere", None, "place"),
        ("1,2", "Mars/Olympus", "tz"),
        (None, "Europe/Berlin", "tz"),
        ("x" * 500, None, "place"),
    ],
)
def test_bad_places_name_the_problem(text, tz, parameter):
    with pytest.raises(places.PlaceError) as raised:
        places.resolve(text, tz, TABLE)
    assert raised.value.parameter == parameter
    assert "x" * 20 not in str(raised.value)


def test_a_broken_places_file_names_file_and_line(tmp_path):
    path = tmp_path / "places.yaml"
    path.write_text(
        "version: 1\ndefault: a\nplaces:\n  - {id: a, name: A, lat: 1, lon: 2, tz: Europe/Berlin}\n"
        "  - {id: b, name: B, lat: 95, lon: 2, tz: Europe/Berlin}\n",
        encoding="utf-8",
    )
    with pytest.raises(places.DataFileError) as raised:
        places.load(path)
    assert f"{path}:5:" in str(raised.value) and "lat" in str(raised.value)


def test_local_time_with_offset_is_iso_8601():
    text = evening.eve_at_iso(date(2025, 3, 29), TABLE.get("duisburg"))
    parsed = datetime.fromisoformat(text)
    assert parsed.utcoffset().total_seconds() == 3600 and text.endswith("+01:00")
