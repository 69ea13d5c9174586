"""iCalendar (RFC 5545 / RFC 7986) output of occurrences, built with ``icalendar``.

Subscription-friendly in the way Hebcal's feeds are: all-day events with
``DTSTART;VALUE=DATE`` and ``DTEND``, a multi-day feast as one event, UIDs
stable across fetches (``<id>-<yyyymmdd>@<domain>``) and a DTSTAMP derived from
the catalogue version rather than the clock, so identical requests give
identical bytes. Texts are localised through the gettext catalogues in
``interkultur.translations`` (the messages and an occurrence's notes are in
``feedtext.py``); holiday names through the catalogue.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from babel import Locale
from babel.dates import format_date

from . import evening, languages, query
from .catalog import Catalogue
from .cldr import latin_digits
from .engine import Occurrence
from .feedtext import CALENDAR_DESCRIPTION, CALENDAR_NAME, EVE_DESCRIPTION, EVE_SUMMARY, _, describe
from .icalfold import fold_line as fold_line  # re-exported: tests import it from here
from .icalfold import serialise as serialise
from .places import Place
from .revisions import History as Revisions
from .revisions import Revision

PRODID = "-//interkultur//Interkulturkalender//DE"
DEFAULT_UID_DOMAIN = "interkultur.invalid"
REFRESH = timedelta(days=1)

if TYPE_CHECKING:
    from icalendar import Calendar, Event, vCategory, vDate, vText, vUri

# icalendar itself is imported where a feed is serialised: a service that finds its feeds on disk
# (``diskcache.cached_value``) starts without it (a tenth of the start-up).


@cache
def _icalendar_release() -> str:
    """The release that serialises feeds: part of every stored feed's key."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("icalendar")
    except PackageNotFoundError:  # pragma: no cover - icalendar is a dependency
        import icalendar

        return str(getattr(icalendar, "__version__", ""))


def stamp_for(catalogue: Catalogue) -> datetime:
    """A DTSTAMP that changes only when the catalogue does (not with the clock)."""
    seconds = int(hashlib.sha256(f"{catalogue.version}:{catalogue.digest}".encode()).hexdigest()[:8], 16)
    return datetime(2020, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds % (5 * 365 * 86400))


def uid_for(occ: Occurrence, domain: str = DEFAULT_UID_DOMAIN) -> str:
    # ISO basic format; isoformat() is several times faster than strftime's %Y%m%d
    return f"{occ.id}-{occ.start.isoformat().replace('-', '')}@{domain}"


def feed_window(today: date) -> tuple[date, date]:
    """1 January of last year to 31 December three years ahead (within 1900-2100)."""
    years = query.clamp_years(today.year - 1, today.year + 3)
    first, last = years[0], years[-1]
    return date(first, 1, 1), date(last, 12, 31)


class _EventValues:
    """Encoded property values of one feed build, each made once and shared.

    A feed names each holiday once a year and the same categories and dates
    again and again, so summaries, descriptions, URLs, categories and dates are
    encoded once per build and the property objects shared between events
    (icalendar serialises a value object the same way each time it meets it:
    the bytes do not change). They are made with icalendar's property classes
    directly, not through ``Component.add``, which infers the type and copies
    the parameters again for every property of every event.
    """

    def __init__(self, lang: str, stamp: datetime) -> None:
        self.lang = lang
        self.language = {"LANGUAGE": lang}
        self.stamp = stamp
        self._days: dict[date, vDate] = {}
        self._long_dates: dict[date, str] = {}
        self._summary_texts: dict[str, str] = {}
        self._description_texts: dict[tuple[object, ...], str] = {}
        self._texts: dict[str, vText] = {}
        self._urls: dict[str, vUri] = {}
        self._categories: dict[str, vCategory] = {}

    @cached_property
    def common(self) -> dict[str, Any]:
        """The values that are the same in every event; the stamp is UTC already (what ``add`` would
        convert it to). Made on the first event, so that nothing is made for a feed found on disk."""
        from icalendar import vDatetime, vText, vUnknown

        return {
            "DTSTAMP": vDatetime(self.stamp),
            "TRANSP": vText("TRANSPARENT"),
            "CLASS": vText("PUBLIC"),
            "X-MICROSOFT-CDO-ALLDAYEVENT": vUnknown("TRUE"),
        }

    def day(self, day: date) -> vDate:
        """DTSTART/DTEND of an all-day event: ``VALUE=DATE``, as ``add`` infers it for a date."""
        found = self._days.get(day)
        if found is None:
            from icalendar import vDate

            found = self._days[day] = vDate(day, params={"VALUE": "DATE"})
        return found

    @cached_property
    def locale(self) -> Locale:
        """Parsed on the first evening note: ``format_date`` would parse the code on every call."""
        return Locale.parse(self.lang)

    def long_date(self, day: date) -> str:
        """Babel's long date in the build's language, formatted once per date."""
        found = self._long_dates.get(day)
        if found is None:
            found = self._long_dates[day] = latin_digits(format_date(day, "long", locale=self.locale))
        return found

    def summary_text(self, occ: Occurrence) -> str:
        """The holiday's name, looked up once per holiday."""
        found = self._summary_texts.get(occ.id)
        if found is None:
            found = self._summary_texts[occ.id] = occ.holiday.name(self.lang)
        return found

    def description_text(self, occ: Occurrence, link: str | None) -> str:
        """``describe``'s text, written once for every year without an evening note.

        The key holds everything ``describe`` reads from the occurrence: the
        dates matter only with an evening (or night) note; the Länder where
        it is statutory give their note.
        """
        key = (occ.id, occ.eve, occ.start if occ.eve else None, occ.estimated, occ.statutory, link)
        found = self._description_texts.get(key)
        if found is None:
            found = self._description_texts[key] = describe(occ, self.lang, link, self.long_date)
        return found

    def text(self, text: str) -> vText:
        """A SUMMARY or DESCRIPTION in the build's language, one object per distinct text."""
        found = self._texts.get(text)
        if found is None:
            from icalendar import vText

            found = self._texts[text] = vText(text, params=self.language)
        return found

    def url(self, link: str) -> vUri:
        """The detail page, one object per holiday (a link names a holiday, not a year)."""
        found = self._urls.get(link)
        if found is None:
            from icalendar import vUri

            found = self._urls[link] = vUri(link)
        return found

    def category(self, tradition: str) -> vCategory:
        """CATEGORIES, one object per tradition."""
        found = self._categories.get(tradition)
        if found is None:
            from icalendar import vCategory

            found = self._categories[tradition] = vCategory([tradition])
        return found


#: An event's properties in the order icalendar's sorted serialisation puts
#: them (its canonical order first, then alphabetical).
EVENT_ORDER = (
    "SUMMARY",
    "DTSTART",
    "DTEND",
    "DTSTAMP",
    "UID",
    "SEQUENCE",
    "CATEGORIES",
    "CLASS",
    "DESCRIPTION",
    "LAST-MODIFIED",
    "TRANSP",
    "URL",
    "X-MICROSOFT-CDO-ALLDAYEVENT",
)


@cache
def presorted() -> bool:
    """Whether events filled in ``EVENT_ORDER`` can be serialised with ``sorted=False``, which skips
    sorting every event's keys again, with the same bytes; should another icalendar release sort
    differently, feeds are serialised sorted as before."""
    from icalendar import Event

    return list(EVENT_ORDER) == Event(dict.fromkeys(EVENT_ORDER, "")).sorted_keys()


class EventParts(NamedTuple):
    """Everything one VEVENT of a holiday is made of, as plain values.

    ``_event`` builds the event from these and nothing else, so a feed's bytes
    are a function of its header and its parts alone (and of this code and
    icalendar's version): ``content_key`` names a serialised feed by them.
    """

    summary: str
    start: date
    end: date  #: the last day (DTEND, exclusive, is the day after)
    uid: str
    tradition: str
    description: str
    link: str | None
    #: the holiday's revision (interkultur.revisions): SEQUENCE and LAST-MODIFIED
    revision: tuple[int, datetime] | None


def _parts(occ: Occurrence, values: _EventValues, uid: str, link: str | None, revision: Revision | None) -> EventParts:
    return EventParts(
        values.summary_text(occ),
        occ.start,
        occ.end,
        uid,
        occ.tradition,
        values.description_text(occ, link),
        link,
        (revision.sequence, revision.last_modified) if revision is not None else None,
    )


def _event(parts: EventParts, values: _EventValues) -> Event:
    """One VEVENT, its properties set in ``EVENT_ORDER``.

    With the holiday's revision (interkultur.revisions) DTSTAMP and
    LAST-MODIFIED are the time it last changed and SEQUENCE counts its
    reschedulings, so calendar apps keep unchanged events as they are.
    """
    from icalendar import Event, vDatetime, vInt, vText

    common = values.common
    event = Event()
    event["SUMMARY"] = values.text(parts.summary)
    event["DTSTART"] = values.day(parts.start)
    event["DTEND"] = values.day(parts.end + timedelta(days=1))
    revision = parts.revision
    changed = vDatetime(revision[1]) if revision is not None else None
    event["DTSTAMP"] = changed if changed is not None else common["DTSTAMP"]
    event["UID"] = vText(parts.uid)
    if revision is not None:
        event["SEQUENCE"] = vInt(revision[0])
    event["CATEGORIES"] = values.category(parts.tradition)
    event["CLASS"] = common["CLASS"]
    event["DESCRIPTION"] = values.text(parts.description)
    if revision is not None:
        event["LAST-MODIFIED"] = changed
    event["TRANSP"] = common["TRANSP"]
    if parts.link:
        event["URL"] = values.url(parts.link)
    event["X-MICROSOFT-CDO-ALLDAYEVENT"] = common["X-MICROSOFT-CDO-ALLDAYEVENT"]
    return event


def content_key(header: tuple[object, ...], parts: list[EventParts]) -> str:
    """A name for the bytes of a feed: SHA-256 of everything they are made of (the calendar's
    ``header`` values and every event's parts) and of the icalendar release that serialises them.
    The store adds the package's own code (``diskcache.cached_value``)."""
    digest = hashlib.sha256(f"{_icalendar_release()}\0{PRODID}\0{REFRESH}\0{header!r}\0".encode())
    digest.update(repr(parts).encode())
    return digest.hexdigest()


def new_calendar(lang: str, name: str | None, description: str | None) -> Calendar:
    """The VCALENDAR with its own properties, in the order the sorted serialisation gives them."""
    from icalendar import Calendar, vDuration, vText

    name = name or _(lang, CALENDAR_NAME)
    description = _(lang, CALENDAR_DESCRIPTION) if description is None else description
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # No METHOD: iTIP's PUBLISH (RFC 5546) requires an ORGANIZER on every event, and a
    # subscribed feed is not a scheduling message; calendar apps subscribe without it.
    cal.add("name", name)
    # X- properties are TEXT (RFC 5545 3.8.8.2): vText escapes commas and semicolons
    cal.add("x-wr-calname", vText(name))
    if description:
        cal.add("description", description)
        cal.add("x-wr-caldesc", vText(description))
    # RFC 7986 requires VALUE=DURATION; icalendar does not add it by itself.
    cal.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    for key in cal.sorted_keys():
        cal.move_to_end(key)
    return cal


def build_calendar(
    occurrences: Iterable[Occurrence],
    *,
    lang: str,
    catalogue: Catalogue,
    name: str | None = None,
    description: str | None = None,
    uid_domain: str = DEFAULT_UID_DOMAIN,
    link_base: str | None = None,
    link_for: Callable[[Occurrence], str | None] | None = None,
    history: Revisions | None = None,
    place: Place | None = None,
    store: Callable[[str, Callable[[], bytes]], bytes] | None = None,
) -> bytes:
    """Serialise occurrences as a VCALENDAR.

    Each event links to its detail page: ``link_for(occ)`` when given, else
    ``link_base + /holiday/<id>``, else no link. With ``history`` (what
    ``revisions.serving`` gives) catalogue events carry their revision, and the
    others (public holidays, school breaks) the history's own stamp. With ``place`` every feast that
    begins on the evening before also gets a timed event at that evening's sunset there
    (``evening.eve_at``; UID ``<id>-<yyyymmdd>-eve@<domain>``), its time zone as a VTIMEZONE.

    ``store(key, render)`` (``diskcache.cached_value``) may answer with bytes serialised before
    under the same ``content_key``: serialising is two thirds of a feed build, and a restarted
    service or a second worker asks for the same feeds again.
    """
    name = name or _(lang, CALENDAR_NAME)  # resolved here: the stored feed's key holds them
    description = _(lang, CALENDAR_DESCRIPTION) if description is None else description
    stamp = history.generated if history is not None else stamp_for(catalogue)
    values = _EventValues(lang, stamp)
    known = history.holidays if history is not None else {}
    base = link_base.rstrip("/") if link_base else None
    link: str | None
    pairs: list[tuple[Occurrence, EventParts]] = []
    for occ in occurrences:
        if link_for is not None:
            link = link_for(occ)
        else:
            link = f"{base}/holiday/{occ.id}" if base else None
        pairs.append((occ, _parts(occ, values, uid_for(occ, uid_domain), link, known.get(occ.id))))

    def render() -> bytes:
        cal = new_calendar(lang, name, description)
        for occ, parts in pairs:
            cal.add_component(_event(parts, values))
            if place is not None and occ.eve is not None and not occ.holiday.night:
                evening_event = _eve_event(occ, values, place, uid_domain, parts.link)
                if evening_event is not None:
                    cal.add_component(evening_event)
        if place is None:
            return serialise(cal, sorted_keys=not presorted())
        cal.add_missing_timezones()
        return serialise(cal)

    if store is None or place is not None:  # sunset events: times computed per build, not stored
        return render()
    return store(content_key((lang, name, description, stamp), [parts for _occ, parts in pairs]), render)


def _eve_event(occ: Occurrence, values: _EventValues, place: Place, uid_domain: str, link: str | None) -> Event | None:
    """The timed event at the sunset that begins ``occ`` at ``place``; None where the sun does not set."""
    moment, _reason = evening.eve_at(occ.eve, place)
    if moment is None:
        return None
    from icalendar import Event, vDatetime

    lang = values.lang
    event = Event()
    event.add("summary", _(lang, EVE_SUMMARY, name=occ.holiday.name(lang)), parameters=values.language)
    event.add("dtstart", moment)
    event.add("dtstamp", cast(vDatetime, values.common["DTSTAMP"]).dt)
    event.add("uid", f"{occ.id}-{occ.start.isoformat().replace('-', '')}-eve@{uid_domain}")
    event["CATEGORIES"] = values.category(occ.tradition)
    text = _(lang, EVE_DESCRIPTION, place=place.name(lang, languages.chain(lang)))
    event.add("description", f"{text}\n\n{link}" if link else text, parameters=values.language)
    event.add("transp", "TRANSPARENT")
    if link:
        event["URL"] = values.url(link)
    return event
