"""The feed-build speed-ups change no byte: fast folding and shared event properties."""

from __future__ import annotations

import random
from datetime import date

from icalendar import Calendar
from icalendar.parser import content_line, string

from interkultur import ical


def test_fold_line_is_icalendars_fold_byte_for_byte():
    original = string._foldline
    rng = random.Random(5545)
    alphabet = "abc XYZ,;:\\^\"äöüßİış€😀عربي\t"
    lines = ["", "a" * 73, "a" * 74, "a" * 75, "a" * 76, "ä" * 37, "ä" * 38, "x" * 73 + "\\n", "x" * 73 + "^^",
             "😀" * 40, "DESCRIPTION;LANGUAGE=de:" + "Das Fest beginnt am Vorabend\\, bei Sonnenuntergang. " * 5]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400))) for _ in range(3000)]
    for line in lines:
        assert ical.fold_line(line) == original(line), line
    assert content_line._foldline is ical.fold_line  # installed


def test_folded_feed_parses_and_lines_stay_within_75_octets(engine, catalogue):
    start, end = ical.feed_window(date(2025, 3, 30))
    occurrences = engine.occurrences(start, end)
    for lang in ("de", "ar"):
        body = ical.build_calendar(occurrences, lang=lang, catalogue=catalogue,
                                   link_for=lambda o: f"https://kalender.example.de/holiday/{o.id}?lang={lang}")
        assert all(len(line) <= 75 for line in body.split(b"\r\n"))
        events = Calendar.from_ical(body).walk("VEVENT")
        assert len(events) == len(occurrences)
        # the shared properties are still per event
        first, last = events[0], events[-1]
        assert first["DTSTAMP"].to_ical() == last["DTSTAMP"].to_ical()
        assert str(first["TRANSP"]) == "TRANSPARENT" and str(last["CLASS"]) == "PUBLIC"
        assert [str(e["CATEGORIES"].cats[0]) for e in events] == [o.tradition for o in occurrences]
