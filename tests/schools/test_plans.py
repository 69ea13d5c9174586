"""Reading pasted dates, CSV and ICS exam plans (web.plans): pure functions, no server."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interkultur.web import plans
from interkultur.web.plans import Entry, UploadError, parse_csv, parse_ics, parse_text, parse_upload

D = date.fromisoformat


def entries(plan):
    return [(e.day.isoformat(), e.label) for e in plan.entries]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2025-03-31", [("2025-03-31", "")]),
        ("31.03.2025", [("2025-03-31", "")]),
        ("31.3.25", [("2025-03-31", "")]),
        ("31.03.2025 Mathe 10a", [("2025-03-31", "Mathe 10a")]),
        ("Deutsch: 06.06.2025", [("2025-06-06", "Deutsch")]),
        ("31.03.2025, 06.06.2025; 2025-10-02", [("2025-03-31", ""), ("2025-06-06", ""), ("2025-10-02", "")]),
        (
            "14.07.2025 – 16.07.2025 Klassenfahrt",
            [("2025-07-14", "Klassenfahrt"), ("2025-07-15", "Klassenfahrt"), ("2025-07-16", "Klassenfahrt")],
        ),
        (
            "Fahrt 01.06.2025 bis 02.06.2025 nach Berlin",
            [("2025-06-01", "Fahrt nach Berlin"), ("2025-06-02", "Fahrt nach Berlin")],
        ),
        ("2025-01-01..2025-01-02", [("2025-01-01", ""), ("2025-01-02", "")]),
        ("31.03.2025-01.04.2025", [("2025-03-31", ""), ("2025-04-01", "")]),
    ],
)
def test_text_dates_and_labels(text, expected):
    plan = parse_text(text)
    assert entries(plan) == expected
    assert not plan.invalid and not plan.ignored


def test_lines_keep_their_order():
    plan = parse_text("2025-10-02 Bio\r\n\r\n2025-03-31 Mathe\n2025-10-02 Chemie")
    assert entries(plan) == [("2025-10-02", "Bio"), ("2025-03-31", "Mathe"), ("2025-10-02", "Chemie")]


def test_invalid_and_ignored_are_reported():
    plan = parse_text("Klausurplan 10a\n31.02.2025 Deutsch\n1.1.1899\n2025-03-31\n20250331")
    assert entries(plan) == [("2025-03-31", "")]
    assert plan.invalid == ["31.02.2025", "1.1.1899"]
    assert plan.ignored == ["Klausurplan 10a", "20250331"]


def test_long_ranges_are_capped_and_noted():
    plan = parse_text("01.01.2025 - 31.12.2025")
    assert len(plan.entries) == plans.MAX_RANGE_DAYS
    assert plan.notes == ["range"]


def test_version_numbers_and_times_are_not_dates():
    plan = parse_text("Version 1.2.3.4, 10:30 Uhr, Raum 2025")
    assert plan.entries == []


def test_labels_are_cleaned_and_capped():
    plan = parse_text("2025-03-31 " + "x" * 500 + "\x00\x07")
    label = plan.entries[0].label
    assert len(label) <= plans.MAX_LABEL and "\x00" not in label


def test_picked_dates():
    plan = plans.parse_picked(["2025-03-31", "", "  ", "2025-06-06"])
    assert plan.dates == [D("2025-03-31"), D("2025-06-06")]


def test_csv_semicolon_with_header_and_quotes():
    text = 'Datum;Fach;Klasse\n31.03.2025;Mathematik;10a\n"06.06.2025";"Deutsch; Aufsatz";9b\nfoo;bar\n'
    plan = parse_csv(text)
    assert entries(plan) == [("2025-03-31", "Mathematik · 10a"), ("2025-06-06", "Deutsch; Aufsatz · 9b")]
    assert plan.ignored == ["foo · bar"]  # the header row is not reported


def test_csv_comma_and_tab():
    assert entries(parse_csv("date,subject\n2025-10-02,Physics\n")) == [("2025-10-02", "Physics")]
    assert entries(parse_csv("2025-10-02\tPhysik\t8c\n")) == [("2025-10-02", "Physik · 8c")]


def test_csv_upload_in_windows_1252():
    data = "Datum;Fach\n02.10.2025;Erdkunde Übung\n".encode("cp1252")
    assert entries(parse_upload(data)) == [("2025-10-02", "Erdkunde Übung")]
    data = "\ufeffDatum;Fach\n02.10.2025;Biologie\n".encode("utf-8")
    assert entries(parse_upload(data)) == [("2025-10-02", "Biologie")]


ICS = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Schule//Klausurplan//DE\r
BEGIN:VEVENT\r
UID:1@schule\r
DTSTAMP:20250101T000000Z\r
DTSTART;VALUE=DATE:20251002\r
DTEND;VALUE=DATE:20251003\r
SUMMARY:Klausur Mathe\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:2@schule\r
DTSTAMP:20250101T000000Z\r
DTSTART;TZID=Europe/Berlin:20250331T080000\r
DTEND;TZID=Europe/Berlin:20250331T093000\r
SUMMARY:Englisch\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:3@schule\r
DTSTAMP:20250101T000000Z\r
DTSTART;VALUE=DATE:20250922\r
DTEND;VALUE=DATE:20250925\r
SUMMARY:Klassenfahrt\r
RRULE:FREQ=YEARLY\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:4@schule\r
DTSTAMP:20250101T000000Z\r
DTSTART;VALUE=DATE:20250606\r
DURATION:P1D\r
SUMMARY:Sportfest\r
END:VEVENT\r
BEGIN:VTODO\r
UID:5@schule\r
DTSTAMP:20250101T000000Z\r
SUMMARY:Noten eintragen\r
END:VTODO\r
END:VCALENDAR\r
"""


def test_ics_events_every_day_sorted():
    plan = parse_upload(ICS)
    assert entries(plan) == [
        ("2025-03-31", "Englisch"),
        ("2025-06-06", "Sportfest"),
        ("2025-09-22", "Klassenfahrt"),
        ("2025-09-23", "Klassenfahrt"),
        ("2025-09-24", "Klassenfahrt"),
        ("2025-10-02", "Klausur Mathe"),
    ]
    assert plan.notes == ["recurring"]


def test_ics_timed_event_until_midnight_stays_on_its_day():
    ics = ICS.replace(b"DTEND;TZID=Europe/Berlin:20250331T093000", b"DTEND;TZID=Europe/Berlin:20250401T000000")
    assert ("2025-04-01", "Englisch") not in entries(parse_ics(ics))


@pytest.mark.parametrize(
    "data,message",
    [
        (b"BEGIN:VCALENDAR\nthis is not ical", "ics"),
        (b"PK\x03\x04\x00\x00binary xlsx", "binary"),
        (b"x" * (plans.MAX_UPLOAD_BYTES + 1), "size"),
    ],
)
def test_unreadable_uploads(data, message):
    with pytest.raises(UploadError) as raised:
        parse_upload(data)
    assert raised.value.message == message


def test_empty_upload_is_empty():
    assert parse_upload(b"  \n").entries == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300))
def test_any_text_is_read_without_error(text):
    plan = parse_text(text)
    for entry in plan.entries:
        assert isinstance(entry, Entry) and 1900 <= entry.day.year <= 2100


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_are_read_or_refused(data):
    try:
        parse_upload(data)
    except UploadError:
        pass
    try:
        parse_upload(b"BEGIN:VCALENDAR\r\n" + data)
    except UploadError:
        pass


# -- time zones and recurrence (icalendar + recurring-ical-events + zoneinfo) -------------------


def _calendar(*events: str) -> bytes:
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{n}@schule.example\r\nDTSTAMP:20250101T000000Z\r\n{e}END:VEVENT\r\n"
        for n, e in enumerate(events)
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Schule//Plan//DE\r\n{body}END:VCALENDAR\r\n".encode()


def test_utc_times_fall_on_the_german_day():
    # 22:30 UTC on 31 March 2025 is 00:30 on 1 April in Berlin (CEST, UTC+2 since 30 March)
    plan = parse_ics(_calendar("DTSTART:20250331T223000Z\r\nDTEND:20250331T233000Z\r\nSUMMARY:Nachtwanderung\r\n"))
    assert entries(plan) == [("2025-04-01", "Nachtwanderung")]
    # and 23:30 UTC on 14 January is 00:30 on 15 January (CET, UTC+1)
    plan = parse_ics(_calendar("DTSTART:20250114T233000Z\r\nSUMMARY:Klausur\r\n"))
    assert entries(plan) == [("2025-01-15", "Klausur")]


def test_weekly_exam_series_counts_every_date_with_exdate():
    from dateutil.rrule import WEEKLY, rrule

    plan = parse_ics(
        _calendar(
            "DTSTART;TZID=Europe/Berlin:20250901T080000\r\n"
            "DTEND;TZID=Europe/Berlin:20250901T093000\r\n"
            "RRULE:FREQ=WEEKLY;COUNT=10\r\nEXDATE;TZID=Europe/Berlin:20250915T080000\r\n"
            "SUMMARY:Vokabeltest\r\n"
        )
    )
    # an independent expansion: python-dateutil's rrule, minus the excluded date
    expected = [
        d.date().isoformat()
        for d in rrule(WEEKLY, count=10, dtstart=datetime(2025, 9, 1, 8))
        if d.date() != date(2025, 9, 15)
    ]
    assert [day for day, _ in entries(plan)] == expected
    assert {label for _, label in entries(plan)} == {"Vokabeltest"}
    assert "recurring" in plan.notes


def test_endless_series_is_bounded_in_time_and_count():
    plan = parse_ics(_calendar("DTSTART;VALUE=DATE:20250901\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Täglich\r\n"))
    days = [date.fromisoformat(d) for d, _ in entries(plan)]
    assert days[0] == date(2025, 9, 1) and days[-1] < date(2026, 9, 3)
    assert len(days) >= 365
    minutely = parse_ics(_calendar("DTSTART:20250901T000000Z\r\nRRULE:FREQ=MINUTELY\r\nSUMMARY:x\r\n"))
    assert 0 < len(minutely.entries) <= 1000
