"""The feed-build speed-ups change no byte: fast folding, property objects made directly and shared."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from babel.dates import format_date
from icalendar import Calendar, Event, vDuration, vText
from icalendar.parser import content_line, string

from interkultur import feedtext, ical, layers


def test_fold_line_is_icalendars_fold_byte_for_byte():
    original = string._foldline
    rng = random.Random(5545)
    alphabet = 'abc XYZ,;:\\^"äöüßİış€😀عربي\t'
    lines = [
        "",
        "a" * 73,
        "a" * 74,
        "a" * 75,
        "a" * 76,
        "ä" * 37,
        "ä" * 38,
        "x" * 73 + "\\n",
        "x" * 73 + "^^",
        "😀" * 40,
        "DESCRIPTION;LANGUAGE=de:" + "Das Fest beginnt am Vorabend\\, bei Sonnenuntergang. " * 5,
    ]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400))) for _ in range(3000)]
    for line in lines:
        assert ical.fold_line(line) == original(line), line
    # used by ical.serialise, not installed into icalendar (no monkeypatching of the library)
    assert content_line._foldline is original


def test_folded_feed_parses_and_lines_stay_within_75_octets(engine, catalogue):
    start, end = ical.feed_window(date(2025, 3, 30))
    occurrences = engine.occurrences(start, end)
    for lang in ("de", "ar"):
        body = ical.build_calendar(
            occurrences,
            lang=lang,
            catalogue=catalogue,
            link_for=lambda o, lang=lang: f"https://kalender.example.de/holiday/{o.id}?lang={lang}",
        )
        assert all(len(line) <= 75 for line in body.split(b"\r\n"))
        events = Calendar.from_ical(body).walk("VEVENT")
        assert len(events) == len(occurrences)
        # the shared properties are still per event
        first, last = events[0], events[-1]
        assert first["DTSTAMP"].to_ical() == last["DTSTAMP"].to_ical()
        assert str(first["TRANSP"]) == "TRANSPARENT" and str(last["CLASS"]) == "PUBLIC"
        assert [str(e["CATEGORIES"].cats[0]) for e in events] == [o.tradition for o in occurrences]


def plain_calendar(
    occurrences,
    *,
    lang,
    catalogue,
    name=None,
    description=None,
    uid_domain=ical.DEFAULT_UID_DOMAIN,
    link_base=None,
    link_for=None,
) -> bytes:
    """``build_calendar`` the straightforward way: ``Component.add`` for every property of every
    event, Babel called per note, ``strftime`` UIDs, the sorted serialisation."""

    def long(day):
        return format_date(day, "long", locale=lang)

    name = name or feedtext._(lang, feedtext.CALENDAR_NAME)
    description = feedtext._(lang, feedtext.CALENDAR_DESCRIPTION) if description is None else description
    cal = Calendar()
    for key, value in (
        ("prodid", ical.PRODID),
        ("version", "2.0"),
        ("calscale", "GREGORIAN"),
        ("name", name),
        ("x-wr-calname", vText(name)),
    ):
        cal.add(key, value)
    if description:
        cal.add("description", description)
        cal.add("x-wr-caldesc", vText(description))
    cal.add("refresh-interval", vDuration(ical.REFRESH), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(ical.REFRESH))
    for occ in occurrences:
        link = link_for(occ) if link_for else f"{link_base.rstrip('/')}/holiday/{occ.id}" if link_base else None
        notes = [feedtext.statutory_note(occ.statutory, lang)] if occ.statutory else []
        if occ.eve and occ.holiday.night:
            notes.append(feedtext._(lang, feedtext.NIGHT_NOTE, eve=long(occ.eve), date=long(occ.start)))
        elif occ.eve:
            notes.append(feedtext._(lang, feedtext.EVE_NOTE, date=long(occ.eve)))
        if occ.holiday.moon_sighted:
            notes.append(feedtext._(lang, feedtext.MOON_NOTE))
        elif occ.estimated:
            notes.append(feedtext._(lang, feedtext.ESTIMATED_NOTE))
        event = Event()
        event.add("uid", f"{occ.id}-{occ.start:%Y%m%d}@{uid_domain}")
        event.add("dtstamp", ical.stamp_for(catalogue))
        event.add("dtstart", occ.start)
        event.add("dtend", occ.end + timedelta(days=1))
        event.add("summary", occ.holiday.name(lang), parameters={"LANGUAGE": lang})
        text = "\n\n".join([occ.holiday.description(lang), *notes, *([link] if link else [])])
        event.add("description", text, parameters={"LANGUAGE": lang})
        if link:
            event.add("url", link)
        event.add("categories", [occ.tradition])
        event.add("transp", "TRANSPARENT")
        event.add("class", "PUBLIC")
        event.add("x-microsoft-cdo-alldayevent", "TRUE")
        cal.add_component(event)
    return cal.to_ical()


@pytest.mark.parametrize("lang", ["de", "en", "ar", "tr"])
def test_build_calendar_gives_the_bytes_of_plain_component_add(engine, catalogue, lang):
    start, end = ical.feed_window(date(2026, 11, 25))
    occurrences = engine.occurrences(start, end, state="BE")  # with public holidays and school breaks
    assert any(o.eve for o in occurrences) and any(o.eve and o.holiday.night for o in occurrences)
    assert any(o.statutory and o.tradition != "public" for o in occurrences)  # merged twins: their note

    def link_for(occ):  # the layers have no detail page, as in the web feeds
        return None if occ.tradition in layers.LAYERS else f"https://k.example/holiday/{occ.id}?lang={lang}"

    cases = [
        dict(link_for=link_for),
        dict(link_base="https://k.example/", uid_domain="k.example"),
        {},
        dict(name="Eid; al-Fitr, 2", description=""),
    ]
    for options in cases:
        assert ical.build_calendar(occurrences, lang=lang, catalogue=catalogue, **options) == plain_calendar(
            occurrences, lang=lang, catalogue=catalogue, **options
        ), options


def test_events_are_filled_in_icalendars_sorted_order():
    """Else the feed falls back to the sorted serialisation (same bytes, a little slower)."""
    assert ical.presorted()
