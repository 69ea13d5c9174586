"""Reading a teacher's dates for the ``/schulen`` page: pasted text, picked dates,
an uploaded CSV or ICS exam plan.

Everything here is pure (bytes and text in, ``Plan`` out) so it is tested
without a web server. The JSON API does not use it: it takes strict
``YYYY-MM-DD`` only. People paste what their school software prints, so the
page also reads ``31.03.2025`` and ``31.3.25`` (German and Turkish style),
one date per line or several separated by commas, with free text around
them (``31.03.2025 Mathe 10a``: the text becomes the row's label), and
ranges for trips (``14.07.2025 – 18.07.2025``, ``… bis …``), at most
``MAX_RANGE_DAYS`` days each. Nothing here ever computes a holiday.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .. import inputs
from ..inputs import supported_year
from ..records import record

#: Largest upload the page accepts (CSV or ICS); the form as a whole may be a little larger.
MAX_UPLOAD_BYTES = 256 * 1024
#: A range (trip) or a multi-day calendar event expands to at most this many days.
MAX_RANGE_DAYS = 31
#: How much of a label or an unreadable piece is kept for display.
MAX_LABEL = 120
MAX_SHOWN = 40

_DATE = inputs.IN_TEXT
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|\.\.|bis|to|until|-\s*bis)\s*\Z", re.IGNORECASE)
_RANGE_MARK = re.compile(r"\x00\s*(?:-|–|—|\.\.|bis|to|until)\s*\x00", re.IGNORECASE)
_SPLIT_LINES = re.compile(r"\r\n|\r|\n")
_TRIM = " \t,;|·-–—:"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@record
class Entry:
    """One date to check, with what the teacher wrote beside it."""

    day: date
    label: str = ""


@dataclass
class Plan:
    """The dates read from one submission, in the order given, and what could not be read."""

    entries: list[Entry] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)  # looked like dates but are not (31.02.2025)
    ignored: list[str] = field(default_factory=list)  # lines without any date
    notes: list[str] = field(default_factory=list)  # message ids (see web.schools) for the page

    def extend(self, other: Plan) -> None:
        self.entries.extend(other.entries)
        self.invalid.extend(other.invalid)
        self.ignored.extend(other.ignored)
        self.notes.extend(n for n in other.notes if n not in self.notes)

    @property
    def dates(self) -> list[date]:
        return [e.day for e in self.entries]


def _shorten(text: str, limit: int = MAX_SHOWN) -> str:
    text = " ".join(_CONTROL.sub(" ", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _to_date(match: re.Match[str]) -> date | None:
    """The date of a match (``inputs.from_match``); None when it does not exist (31.02.2025)."""
    try:
        return inputs.from_match(match)
    except inputs.DateInputError:
        return None


def _days(first: date, last: date) -> list[date]:
    if last < first:
        first, last = last, first
    count = min((last - first).days + 1, MAX_RANGE_DAYS)
    return [first + timedelta(days=i) for i in range(count)]


def parse_line(line: str, plan: Plan, warn_empty: bool = True) -> None:
    """Dates (and ranges) in one line of text; the rest of the line is their label."""
    matches = list(_DATE.finditer(line))
    if not matches:
        if warn_empty and line.strip(_TRIM + " "):
            plan.ignored.append(_shorten(line))
        return
    marked = _RANGE_MARK.sub("\x00", _DATE.sub("\x00", _CONTROL.sub(" ", line)))
    label = _shorten(" ".join(part.strip(_TRIM) for part in marked.split("\x00")).strip(_TRIM), MAX_LABEL)
    days: list[date] = []
    i = 0
    while i < len(matches):
        current = matches[i]
        first = _to_date(current)
        if first is None:
            plan.invalid.append(_shorten(current.group(0)))
            i += 1
            continue
        following = matches[i + 1] if i + 1 < len(matches) else None
        if following is not None and _RANGE_JOIN.match(line[current.end() : following.start()]):
            last = _to_date(following)
            if last is None:
                plan.invalid.append(_shorten(following.group(0)))
                days.append(first)
            else:
                if abs((last - first).days) + 1 > MAX_RANGE_DAYS and "range" not in plan.notes:
                    plan.notes.append("range")
                days.extend(_days(first, last))
            i += 2
            continue
        days.append(first)
        i += 1
    plan.entries.extend(Entry(day, label) for day in days)


def parse_text(text: str) -> Plan:
    """Pasted text: lines, each with one or more dates (commas and semicolons separate too)."""
    plan = Plan()
    for line in _SPLIT_LINES.split(text or ""):
        parse_line(line, plan)
    return plan


def parse_picked(values: Iterable[str]) -> Plan:
    """Values of ``<input type=date>`` (ISO; old browsers send whatever was typed)."""
    plan = Plan()
    for value in values:
        if value and value.strip():
            parse_line(value, plan)
    return plan


class UploadError(ValueError):
    """An upload that cannot be read at all; ``message`` is a message id of web.schools."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as German Excel writes it."""
    if b"\x00" in data:
        raise UploadError("binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def looks_like_ics(text: str) -> bool:
    return text.lstrip().upper().startswith("BEGIN:VCALENDAR")


def parse_csv(text: str) -> Plan:
    """A CSV exam plan: any column may hold the date; the other cells become the label.

    The delimiter is guessed among ``;`` (German Excel), ``,`` and tab. A
    first row without a date is taken as the header and not reported.
    """
    plan = Plan()
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        first = sample.splitlines()[0] if sample.strip() else ""
        counts = {d: first.count(d) for d in ";,\t"}
        best = max(counts, key=lambda d: counts[d])
        if counts[best]:

            class _Guess(csv.excel):
                delimiter = best

            dialect = _Guess
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error:
        raise UploadError("csv") from None
    for number, row in enumerate(rows):
        cells = [c.strip() for c in row if c and c.strip()]
        if not cells:
            continue
        parse_line(" · ".join(cells), plan, warn_empty=number > 0)
    return plan


#: Repeating events are expanded over this many days from the plan's first event
#: (a school year), and into at most this many dates.
RECURRENCE_WINDOW_DAYS = 366
MAX_EXPANDED = 1000
#: Times in an upload are read on the wall clock of the schools the service answers for.
PLAN_ZONE = "Europe/Berlin"


def _local_date(value: object, zone: ZoneInfo) -> date | None:
    """The calendar day of a DTSTART/DTEND value in ``zone``.

    A UTC or other zoned time is converted first (``20250331T223000Z`` is
    1 April in Germany); a floating time and a DATE stand as written.
    """
    if isinstance(value, datetime):
        return value.astimezone(zone).date() if value.tzinfo is not None else value.date()
    if isinstance(value, date):
        return value
    return None


def _event_days(event: Any, zone: ZoneInfo) -> tuple[date, date] | None:
    """First and last day of one (occurrence of an) event; None without a usable start.

    All-day events end the day before DTEND (RFC 5545); a timed event that
    ends at midnight ends on the day before too, other timed events on the
    day they end.
    """
    start_value = event.get("DTSTART")
    start = _local_date(start_value.dt, zone) if start_value is not None else None
    if start is None:
        return None
    last = start
    try:
        end_prop = event.get("DTEND")
        if end_prop is not None:
            end_value = end_prop.dt
            if isinstance(end_value, datetime):
                local = end_value.astimezone(zone) if end_value.tzinfo is not None else end_value
                last = (
                    (local - timedelta(microseconds=1)).date() if local.time() == datetime.min.time() else local.date()
                )
            elif isinstance(end_value, date):
                last = end_value - timedelta(days=1)
        elif event.get("DURATION") is not None:
            duration = event.get("DURATION").dt
            if isinstance(start_value.dt, datetime):
                end_time = start_value.dt + duration
                last = _local_date(end_time, zone) or start
            else:
                last = start + duration - timedelta(days=1)
    except Exception:  # noqa: BLE001 - a broken end is read as a one-day event
        last = start
    return start, max(last, start)


def _occurrences(calendar: Any, first: date, zone: ZoneInfo) -> list[Any]:
    """Every occurrence of every event from ``first`` for a school year (RRULE, RDATE, EXDATE).

    Expansion is recurring-ical-events' job; it is bounded in time and count,
    so ``FREQ=MINUTELY`` without an end cannot make the page work forever.
    """
    import recurring_ical_events

    until = first + timedelta(days=RECURRENCE_WINDOW_DAYS)
    found: list[Any] = []
    query = recurring_ical_events.of(calendar, skip_bad_series=True)
    for occurrence in query.after(datetime.combine(first, datetime.min.time(), zone)):
        days = _event_days(occurrence, zone)
        if days is None or days[0] >= until or len(found) >= MAX_EXPANDED:
            break
        found.append(occurrence)
    return found


def parse_ics(data: bytes | str, zone_name: str = PLAN_ZONE) -> Plan:
    """Events of an iCalendar file: every day of each event, labelled with its SUMMARY.

    Parsing is icalendar's, recurrence recurring-ical-events', time zones
    zoneinfo's. Repeating events count on each of their dates within a school
    year of the first event (the page says so); the days are sorted.
    """
    from icalendar import Calendar

    zone = ZoneInfo(zone_name)
    plan = Plan()
    try:
        calendar = Calendar.from_ical(data)
        events = list(calendar.walk("VEVENT"))
    except Exception:  # noqa: BLE001 - icalendar raises many kinds of errors on junk
        raise UploadError("ics") from None
    starts: list[date] = []
    for index, event in enumerate(events):
        try:
            days = _event_days(event, zone)
        except Exception:  # noqa: BLE001 - a DTSTART icalendar cannot read
            days = None
        if days is None or not supported_year(days[0].year):
            summary = _shorten(str(event.get("SUMMARY", "") or ""), MAX_LABEL)
            plan.invalid.append(summary or f"VEVENT {index + 1}")
            continue
        starts.append(days[0])
        if (event.get("RRULE") is not None or event.get("RDATE") is not None) and "recurring" not in plan.notes:
            plan.notes.append("recurring")
    if not starts:
        return plan
    try:
        occurrences = _occurrences(calendar, min(starts), zone)
    except Exception:  # noqa: BLE001 - a series the library cannot expand: the events as written
        occurrences = [e for e in events if e.get("DTSTART") is not None]
    found: list[tuple[date, int, Entry]] = []
    for index, occurrence in enumerate(occurrences):
        days = _event_days(occurrence, zone)
        if days is None or not supported_year(days[0].year) or not supported_year(days[1].year):
            continue
        first, last = days
        if (last - first).days + 1 > MAX_RANGE_DAYS and "range" not in plan.notes:
            plan.notes.append("range")
        summary = _shorten(str(occurrence.get("SUMMARY", "") or ""), MAX_LABEL)
        for day in _days(first, last):
            found.append((day, index, Entry(day, summary)))
    found.sort(key=lambda item: (item[0], item[1]))
    plan.entries = [entry for _, _, entry in found]
    return plan


def parse_upload(data: bytes) -> Plan:
    """An uploaded file, CSV or ICS by its content (not its name)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError("size")
    if not data.strip():
        return Plan()
    text = decode(data)
    if looks_like_ics(text):
        return parse_ics(data)
    return parse_csv(text)
