"""iCalendar (RFC 5545 / RFC 7986) output of occurrences, built with ``icalendar``.

Subscription-friendly in the way Hebcal's feeds are: all-day events with
``DTSTART;VALUE=DATE`` and ``DTEND``, a multi-day feast as one event, UIDs
stable across fetches (``<id>-<yyyymmdd>@<domain>``) and a DTSTAMP derived from
the catalogue version rather than the clock, so identical requests give
identical bytes. Texts are localised through the gettext catalogues in
``interkultur.translations``; holiday names through the catalogue.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from typing import Callable, Iterable

from babel.dates import format_date
from icalendar import Calendar, Event, vDuration, vText
from icalendar.parser import content_line as _content_line

from . import translations
from .catalog import MAX_YEAR, MIN_YEAR, Catalogue
from .engine import Occurrence

PRODID = "-//interkultur//Interkulturkalender//DE"
DEFAULT_UID_DOMAIN = "interkultur.invalid"
REFRESH = timedelta(days=1)


def N_(message: str) -> str:
    return message


EVE_NOTE = N_("Begins on the evening before (%(date)s) at sunset.")
NIGHT_NOTE = N_("The night from %(eve)s to %(date)s.")
MOON_NOTE = N_("Calculated date: it may differ by one day depending on the sighting of the moon.")
ESTIMATED_NOTE = N_("Calculated date: it may differ by a day.")
CALENDAR_NAME = N_("Intercultural calendar")
CALENDAR_DESCRIPTION = N_("Holidays of religions and cultures from the intercultural calendar.")


def _(lang: str, message: str, **variables: str) -> str:
    text = translations.get(lang).gettext(message)
    return text % variables if variables else text


def fold_line(line: str, limit: int = 75, fold_sep: str = "\r\n ") -> str:
    """RFC 5545 line folding, byte for byte what icalendar's own ``_foldline`` gives.

    icalendar folds character by character in Python, which made folding most
    of the time of a feed build. Here short lines (nearly all) return at once
    and long ones are cut on the UTF-8 bytes: at most ``limit - 1`` octets per
    line, never inside a character, and, as icalendar does, never right after
    a backslash or caret (an escape stays with the character it escapes).
    ``tests/perf_export`` compares both on random and real lines.
    """
    if len(line) < limit and (line.isascii() or len(line.encode("utf-8")) < limit):
        return line
    data = line.encode("utf-8")
    step = limit - 1
    pieces = []
    start, size = 0, len(data)
    while size - start > step:
        end = start + step
        while data[end] & 0xC0 == 0x80:  # a continuation byte: do not split the character
            end -= 1
        if data[end - 1] in b"\\^" and end - start > 1:
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return fold_sep.encode("utf-8").join(pieces).decode("utf-8")


if getattr(_content_line, "_foldline", None) is not None:  # icalendar >= 6 looks it up there per line
    _content_line._foldline = fold_line


def stamp_for(catalogue: Catalogue) -> datetime:
    """A DTSTAMP that changes only when the catalogue does (not with the clock)."""
    seconds = int(hashlib.sha256(f"{catalogue.version}:{catalogue.digest}".encode()).hexdigest()[:8], 16)
    return datetime(2020, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=seconds % (5 * 365 * 86400))


def uid_for(occ: Occurrence, domain: str = DEFAULT_UID_DOMAIN) -> str:
    return f"{occ.id}-{occ.start:%Y%m%d}@{domain}"


def feed_window(today: date) -> tuple[date, date]:
    """1 January of last year to 31 December three years ahead (within 1900-2100)."""
    first = max(today.year - 1, MIN_YEAR)
    last = min(today.year + 3, MAX_YEAR)
    return date(first, 1, 1), date(last, 12, 31)


def notes(occ: Occurrence, lang: str) -> list[str]:
    """The evening / night / estimate remarks of an occurrence, localised."""
    out = []
    if occ.eve and occ.holiday.night:
        out.append(_(lang, NIGHT_NOTE, eve=format_date(occ.eve, "long", locale=lang),
                     date=format_date(occ.start, "long", locale=lang)))
    elif occ.eve:
        out.append(_(lang, EVE_NOTE, date=format_date(occ.eve, "long", locale=lang)))
    # every Hijri date carries the sighting note, even from a published table:
    # mosques in Germany may begin the month a day earlier or later
    if occ.holiday.moon_sighted:
        out.append(_(lang, MOON_NOTE))
    elif occ.estimated:
        out.append(_(lang, ESTIMATED_NOTE))
    return out


def describe(occ: Occurrence, lang: str, link: str | None = None) -> str:
    """The DESCRIPTION text: meaning, evening note, estimate note, link."""
    parts = [occ.holiday.description(lang), *notes(occ, lang)]
    if link:
        parts.append(link)
    return "\n\n".join(parts)


def build_calendar(occurrences: Iterable[Occurrence], *, lang: str, catalogue: Catalogue,
                   name: str | None = None, description: str | None = None,
                   uid_domain: str = DEFAULT_UID_DOMAIN, link_base: str | None = None,
                   link_for: Callable[[Occurrence], str] | None = None) -> bytes:
    """Serialise occurrences as a VCALENDAR.

    Each event links to its detail page: ``link_for(occ)`` when given, else
    ``link_base + /holiday/<id>``, else no link.
    """
    name = name or _(lang, CALENDAR_NAME)
    description = _(lang, CALENDAR_DESCRIPTION) if description is None else description
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    # X- properties are TEXT (RFC 5545 3.8.8.2): vText escapes commas and semicolons
    cal.add("x-wr-calname", vText(name))
    if description:
        cal.add("description", description)
        cal.add("x-wr-caldesc", vText(description))
    # RFC 7986 requires VALUE=DURATION; icalendar does not add it by itself.
    cal.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    # Properties that are the same in every event are encoded once and shared
    # (icalendar passes encoded values through; the bytes are the same).
    shared = Event()
    shared.add("dtstamp", stamp_for(catalogue))
    shared.add("transp", "TRANSPARENT")
    shared.add("class", "PUBLIC")
    shared.add("x-microsoft-cdo-alldayevent", "TRUE")
    stamp, transp, klass, allday = (shared[k] for k in ("DTSTAMP", "TRANSP", "CLASS", "X-MICROSOFT-CDO-ALLDAYEVENT"))
    categories: dict[str, object] = {}
    for occ in occurrences:
        if link_for is not None:
            link = link_for(occ)
        elif link_base:
            link = f"{link_base.rstrip('/')}/holiday/{occ.id}"
        else:
            link = None
        event = Event()
        event.add("uid", uid_for(occ, uid_domain))
        event.add("dtstamp", stamp)
        event.add("dtstart", occ.start)
        event.add("dtend", occ.end + timedelta(days=1))
        event.add("summary", occ.holiday.name(lang), parameters={"LANGUAGE": lang})
        event.add("description", describe(occ, lang, link), parameters={"LANGUAGE": lang})
        if link:
            event.add("url", link)
        if occ.tradition not in categories:
            shared.add("categories", [occ.tradition])
            categories[occ.tradition] = shared.pop("CATEGORIES")
        event.add("categories", categories[occ.tradition])
        event.add("transp", transp)
        event.add("class", klass)
        event.add("x-microsoft-cdo-alldayevent", allday)
        cal.add_component(event)
    return cal.to_ical()
