"""iCalendar (RFC 5545 / RFC 7986) output of occurrences, built with ``icalendar``.

Subscription-friendly in the way Hebcal's feeds are: all-day events with
``DTSTART;VALUE=DATE`` and ``DTEND``, a multi-day feast as one event, UIDs
stable across fetches (``<id>-<yyyymmdd>@<domain>``) and a DTSTAMP derived from
the catalogue version rather than the clock, so identical requests give
identical bytes.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from typing import Iterable

from icalendar import Calendar, Event, vDuration

from .catalog import Catalogue
from .engine import Occurrence

PRODID = "-//interkultur//Interkulturkalender//DE"
DEFAULT_UID_DOMAIN = "interkultur.invalid"

_EVE_NOTE = {
    "de": "Beginnt am Vorabend ({date}) bei Sonnenuntergang.",
    "en": "Begins at sunset the evening before ({date}).",
    "tr": "Bir önceki akşam ({date}) gün batımında başlar.",
    "ar": "يبدأ عند غروب الشمس في الليلة السابقة ({date}).",
}
_ESTIMATED_NOTE = {
    "de": "Datum berechnet; es kann je nach Mondsichtung um einen Tag abweichen.",
    "en": "Calculated date; it may differ by one day depending on moon sighting.",
    "tr": "Hesaplanmış tarih; hilalin görülmesine göre bir gün farklı olabilir.",
    "ar": "تاريخ محسوب؛ قد يختلف بيوم واحد حسب رؤية الهلال.",
}


def stamp_for(catalogue: Catalogue) -> datetime:
    """A DTSTAMP that changes only when the catalogue does (not with the clock)."""
    seconds = int(hashlib.sha256(f"{catalogue.version}:{catalogue.digest}".encode()).hexdigest()[:8], 16)
    return datetime(2020, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=seconds % (5 * 365 * 86400))


def uid_for(occ: Occurrence, domain: str = DEFAULT_UID_DOMAIN) -> str:
    return f"{occ.id}-{occ.start:%Y%m%d}@{domain}"


def _pick(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or texts["de"]


def describe(occ: Occurrence, lang: str, link: str | None = None) -> str:
    """The DESCRIPTION text: meaning, evening note, estimate note, link."""
    parts = [occ.holiday.description(lang)]
    if occ.eve:
        parts.append(_pick(_EVE_NOTE, lang).format(date=occ.eve.isoformat()))
    if occ.estimated:
        parts.append(_pick(_ESTIMATED_NOTE, lang))
    if link:
        parts.append(link)
    return "\n\n".join(parts)


def build_calendar(occurrences: Iterable[Occurrence], *, lang: str, catalogue: Catalogue,
                   name: str = "Interkulturkalender", description: str = "",
                   uid_domain: str = DEFAULT_UID_DOMAIN, link_base: str | None = None) -> bytes:
    """Serialise occurrences as a VCALENDAR; ``link_base`` + ``/holiday/<id>`` goes in each event."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    if description:
        cal.add("x-wr-caldesc", description)
        cal.add("description", description)
    # RFC 7986 requires VALUE=DURATION; icalendar does not add it by itself.
    cal.add("refresh-interval", vDuration(timedelta(days=1)), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(timedelta(days=1)))
    stamp = stamp_for(catalogue)
    for occ in occurrences:
        event = Event()
        event.add("uid", uid_for(occ, uid_domain))
        event.add("dtstamp", stamp)
        event.add("dtstart", occ.start)
        event.add("dtend", occ.end + timedelta(days=1))
        event.add("summary", occ.holiday.name(lang))
        link = f"{link_base.rstrip('/')}/holiday/{occ.id}" if link_base else None
        event.add("description", describe(occ, lang, link))
        if link:
            event.add("url", link)
        event.add("categories", [occ.tradition])
        event.add("transp", "TRANSPARENT")
        event.add("class", "PUBLIC")
        cal.add_component(event)
    return cal.to_ical()
