"""Local events: what an integration centre announces under the calendar ("Demnächst in DU").

Editors keep them in ``data/events.yaml`` (or the file ``$INTERKULTUR_EVENTS``
names), or point at an ``.ics`` file exported from the city's event calendar.
Both are read into the same ``Event`` values; ``.ics`` events keep their UIDs
and recurring ones are expanded with recurring-ical-events for the range asked.
Every problem is reported as ``file:line`` (YAML) or ``file: event UID``
(iCalendar), so ``interkultur check`` and the server's refusal to start word it
alike. Events are not holidays: the engine never sees them, and they carry
their own time zone (``INTERKULTUR_TIMEZONE`` for YAML times without one).

YAML grammar (``data/events.yaml``)::

    heading: {de: Demnächst in DU, en: Coming up in Duisburg}   # optional, per language
    shown: 5                                                     # optional: how many the widget lists
    events:
      - id: fastenbrechen-2027          # optional: stable UID in feeds (default: from title and start)
        title: {de: Gemeinsames Fastenbrechen, tr: Ortak iftar}  # or one string
        start: 2027-02-20 18:30          # a date, or a date and time (local time)
        end: 2027-02-20 21:00            # optional, not before start
        location: Rathaus, Burgplatz 19  # optional
        url: https://www.example.de/iftar  # optional, http(s)
        lang: de                         # optional: the language of title and location
        tradition: islam                 # optional: a tradition id; the widget's tradition= filters on it
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from . import inputs, yamllines
from .yamllines import DataFileError, LineMapping

#: How many upcoming events the widget lists when the file does not say.
DEFAULT_SHOWN = 5
#: Longest text kept from an event's title or location (an ICS feed may carry anything).
MAX_TEXT = 300
#: Largest events file or pulled ICS body accepted.
MAX_BYTES = 5 * 1024 * 1024
_FIELDS = frozenset({"id", "title", "start", "end", "location", "url", "lang", "tradition"})
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@:+-]{0,199}$")


class EventsError(DataFileError):
    """An events file that cannot be used; ``errors`` lists every problem as ``file:line: ...``."""


@dataclass(frozen=True)
class Event:
    """One local event. ``start``/``end`` are dates (all-day) or aware datetimes."""

    id: str
    titles: Mapping[str, str]
    start: date | datetime
    end: date | datetime | None = None
    location: str | None = None
    url: str | None = None
    lang: str | None = None
    tradition: str | None = None
    #: For one instance of a recurring iCalendar event: its RECURRENCE-ID (the UID is shared).
    recurrence_id: date | datetime | None = None

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def first_day(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start

    @property
    def last_day(self) -> date:
        end = self.end or self.start
        return end.date() if isinstance(end, datetime) else end

    def title(self, chain: Iterable[str]) -> tuple[str, str | None]:
        """The title in the first language of ``chain`` that has one, and that language
        (``None`` for a title given as one string: its language is ``lang``, if any)."""
        for code in chain:
            if code in self.titles:
                return self.titles[code], code
        if "" in self.titles:
            return self.titles[""], self.lang
        code, text = next(iter(self.titles.items()))
        return text, code or self.lang

    def as_dict(self, lang_chain: Iterable[str]) -> dict[str, Any]:
        """The event object of ``/api/v1/events``."""
        text, _ = self.title(lang_chain)
        return {"id": self.id, "title": text, "start": self.start.isoformat(),
                "end": self.end.isoformat() if self.end is not None else None,
                "location": self.location, "url": self.url, "lang": self.lang, "tradition": self.tradition}


@dataclass
class EventSource:
    """The events of one file: fixed ones (YAML, single ICS events) and recurring ICS ones."""

    path: str | None = None
    heading: Mapping[str, str] = field(default_factory=dict)
    shown: int = DEFAULT_SHOWN
    events: tuple[Event, ...] = ()
    #: The parsed iCalendar object, kept to expand its recurring events for each range asked.
    calendar: Any = None
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    #: The file's modification time (UTC): the feed's DTSTAMP, so that it never follows the clock.
    modified: datetime | None = None

    def between(self, first: date, last: date) -> list[Event]:
        """Events touching ``first``..``last`` (inclusive), by start."""
        found = [e for e in self.events if e.first_day <= last and e.last_day >= first]
        if self.calendar is not None:
            found += _expand_ics(self.calendar, first, last, self.zone, self.path or "<ics>")
        unique = {(e.id, e.start): e for e in found}
        return sorted(unique.values(), key=_sort_key)

    def upcoming(self, today: date, traditions: Iterable[str] | None = None, horizon_days: int = 400) -> list[Event]:
        """The next ``shown`` events from ``today`` on (an event running today counts); with
        ``traditions``, events naming another tradition are left out, those naming none kept."""
        wanted = set(traditions) if traditions else None
        events = [e for e in self.between(today, today + timedelta(days=horizon_days))
                  if wanted is None or e.tradition is None or e.tradition in wanted]
        return events[: self.shown]


def _sort_key(event: Event) -> tuple[date, int, str]:
    start = event.start
    minutes = start.hour * 60 + start.minute if isinstance(start, datetime) else -1
    return event.first_day, minutes, event.id


# -- YAML -------------------------------------------------------------------------------------------


class _EventLoader(yamllines._LineLoader):
    """The line-recording loader, with dates left as text so that 30 February is reported
    as ``file:line`` rather than failing inside the YAML library."""


_EventLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yamllines._LineLoader.yaml_implicit_resolvers.items()
}


def _parse_yaml(text: str, path: str) -> Any:
    try:
        return yaml.load(text, Loader=_EventLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise EventsError([f"{path}:{line}: YAML syntax error: {exc.problem or exc.context or 'invalid YAML'}"]) \
            from None
    except yaml.YAMLError as exc:
        raise EventsError([f"{path}: YAML error: {exc}"]) from None


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "event"


def _moment(raw: Any, zone: ZoneInfo) -> date | datetime:
    """``2027-02-20`` -> a date; ``2027-02-20 18:30`` -> an aware datetime (``inputs.parse_moment``)."""
    try:
        return inputs.parse_moment(str(raw), zone)
    except inputs.DateInputError as exc:
        raise ValueError(exc.problem.strip("()")) from None


def _text(value: Any, what: str, problems: list[str]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        problems.append(f"{what} must be text")
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    if len(text) > MAX_TEXT:
        problems.append(f"{what} is longer than {MAX_TEXT} characters")
        return None
    return text


class _Validator:
    def __init__(self, path: str, zone: ZoneInfo, traditions: frozenset[str], languages: frozenset[str]):
        self.path, self.zone, self.traditions, self.languages = path, zone, traditions, languages
        self.errors: list[str] = []

    def error(self, line: int, message: str) -> None:
        self.errors.append(f"{self.path}:{line}: {message}")

    def event(self, entry: Any, line: int, seen: dict[str, int]) -> Event | None:
        if not isinstance(entry, LineMapping):
            self.error(line, "an event must be a mapping with title and start")
            return None

        def at(key: str) -> int:
            return entry.key_lines.get(key, entry.line)

        before = len(self.errors)
        for key in entry:
            if key not in _FIELDS:
                self.error(at(key), f"unknown field {str(key)[:40]!r} (known: {', '.join(sorted(_FIELDS))})")
        titles = self.titles(entry.get("title"), at("title") if "title" in entry else entry.line)
        start = self.moment(entry, "start", at)
        end = self.moment(entry, "end", at) if "end" in entry else None
        if start is not None and end is not None:
            if isinstance(start, datetime) != isinstance(end, datetime):
                self.error(at("end"), "start and end must both be dates or both be dates with a time")
            elif end < start:
                self.error(at("end"), f"end {end.isoformat()} is before start {start.isoformat()}")
        problems: list[str] = []
        location = _text(entry.get("location"), "location", problems)
        url = _text(entry.get("url"), "url", problems)
        for problem in problems:
            self.error(entry.line, problem)
        if url is not None and not re.fullmatch(r"https?://[^\s<>\"']+", url):
            self.error(at("url"), "url must start with http:// or https:// and contain no spaces")
        lang = entry.get("lang")
        if lang is not None and lang not in self.languages:
            self.error(at("lang"), f"unknown language {str(lang)[:20]!r} (known: {', '.join(sorted(self.languages))})")
        tradition = entry.get("tradition")
        if tradition is not None and tradition not in self.traditions:
            self.error(at("tradition"), f"unknown tradition {str(tradition)[:40]!r} "
                       f"(known: {', '.join(sorted(self.traditions))})")
        raw_id = entry.get("id")
        if raw_id is not None and not (isinstance(raw_id, str) and _ID.fullmatch(raw_id)):
            self.error(at("id"), "id must be letters, digits and . _ @ : + - (at most 200)")
        if len(self.errors) > before or titles is None or start is None:
            return None
        first_title = next(iter(titles.values()))
        event_id = raw_id or f"{_slug(first_title)}-{start.isoformat()[:10]}"
        if event_id in seen:
            self.error(at("id") if raw_id else entry.line,
                       f"id {event_id!r} is used twice (first on line {seen[event_id]}); give each event its own id")
            return None
        seen[event_id] = entry.line
        return Event(event_id, titles, start, end, location, url, lang, tradition)

    def titles(self, value: Any, line: int) -> dict[str, str] | None:
        if value is None:
            self.error(line, "missing title")
            return None
        if isinstance(value, Mapping):
            titles: dict[str, str] = {}
            for code, text in value.items():
                if code not in self.languages:
                    self.error(line, f"title: unknown language {str(code)[:20]!r}")
                    continue
                problems: list[str] = []
                clean = _text(text, f"title ({code})", problems)
                for problem in problems:
                    self.error(line, problem)
                if clean:
                    titles[str(code)] = clean
            if not titles and not any(e.startswith(f"{self.path}:{line}:") for e in self.errors):
                self.error(line, "title is empty")
            return titles or None
        problems = []
        text = _text(value, "title", problems)
        for problem in problems:
            self.error(line, problem)
        if text is None and not problems:
            self.error(line, "title is empty")
        return {"": text} if text else None

    def moment(self, entry: LineMapping, key: str, at: Any) -> date | datetime | None:
        if key not in entry or entry[key] in (None, ""):
            self.error(entry.line, f"missing {key}")
            return None
        try:
            return _moment(entry[key], self.zone)
        except ValueError as exc:
            self.error(at(key), f"{key}: {str(entry[key])[:40]!r} is not a valid date ({exc})")
            return None


def loads_yaml(text: str, path: str, zone: ZoneInfo, traditions: Iterable[str],
               languages: Iterable[str]) -> EventSource:
    """The events of a YAML document; every problem at once, as ``path:line: …``."""
    document = _parse_yaml(text, path)
    if document is None:
        return EventSource(path=path, zone=zone)
    if not isinstance(document, LineMapping):
        raise EventsError([f"{path}:1: the events file must be a mapping with an 'events' list"])
    check = _Validator(path, zone, frozenset(traditions), frozenset(languages))
    for key in document:
        if key not in ("events", "heading", "shown"):
            check.error(document.key_lines.get(key, 1), f"unknown top-level key {str(key)[:40]!r} "
                        "(known: events, heading, shown)")
    heading: dict[str, str] = {}
    raw_heading = document.get("heading")
    if raw_heading is not None:
        if not isinstance(raw_heading, Mapping):
            check.error(document.key_lines["heading"], "heading must map languages to text ({de: …, en: …})")
        else:
            for code, text in raw_heading.items():
                if code not in check.languages or not isinstance(text, str) or not text.strip():
                    check.error(document.key_lines["heading"], f"heading: {str(code)[:20]!r} needs a known "
                                "language and a text")
                else:
                    heading[code] = " ".join(text.split())[:MAX_TEXT]
    shown = document.get("shown", DEFAULT_SHOWN)
    if not isinstance(shown, int) or isinstance(shown, bool) or not 0 <= shown <= 50:
        check.error(document.key_lines.get("shown", 1), "shown must be a number from 0 to 50")
        shown = DEFAULT_SHOWN
    entries = document.get("events") or []
    if not isinstance(entries, list):
        check.error(document.key_lines.get("events", 1), "events must be a list")
        entries = []
    lines = document.item_lines.get("events", [])
    seen: dict[str, int] = {}
    events = []
    for index, entry in enumerate(entries):
        line = getattr(entry, "line", None) or (lines[index] if index < len(lines) else 0)
        event = check.event(entry, line, seen)
        if event is not None:
            events.append(event)
    if check.errors:
        raise EventsError(check.errors)
    return EventSource(path=path, heading=heading, shown=shown, events=tuple(sorted(events, key=_sort_key)),
                       zone=zone)


# -- iCalendar ---------------------------------------------------------------------------------------


def _ics_moment(value: Any, zone: ZoneInfo) -> date | datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return value
    raise ValueError(f"not a date: {value!r}")


def _ics_event(component: Any, zone: ZoneInfo, path: str, errors: list[str] | None,
               instance: bool = False) -> Event | None:
    uid = str(component.get("UID") or "").strip()
    where = f"{path}: event {uid[:60]!r}" if uid else f"{path}: an event without UID"
    problems: list[str] = []
    summary = _text(str(component.get("SUMMARY") or ""), "SUMMARY", problems)
    try:
        start = _ics_moment(component.decoded("DTSTART"), zone)
    except (KeyError, ValueError) as exc:
        problems.append(f"DTSTART missing or not a date ({exc})")
        start = None
    end = None
    if start is not None and "DTEND" in component:
        try:
            end = _ics_moment(component.decoded("DTEND"), zone)
            if not isinstance(start, datetime) and isinstance(end, date) and not isinstance(end, datetime):
                end = end - timedelta(days=1)  # DTEND of an all-day event is exclusive (RFC 5545 3.6.1)
                end = None if end <= start else end
            elif isinstance(start, datetime) != isinstance(end, datetime) or end < start:
                problems.append("DTEND is before DTSTART or of another kind")
                end = None
        except ValueError as exc:
            problems.append(f"DTEND is not a date ({exc})")
    if not uid:
        problems.append("UID missing")
    if not summary:
        problems.append("SUMMARY missing")
    if problems:
        if errors is not None:
            errors.extend(f"{where}: {p}" for p in problems)
        return None
    location = _text(str(component.get("LOCATION") or ""), "LOCATION", [])
    url = _text(str(component.get("URL") or ""), "URL", [])
    if url is not None and not re.fullmatch(r"https?://[^\s<>\"']+", url):
        url = None
    assert summary is not None and start is not None
    recurrence_id = None
    if instance:
        try:
            recurrence_id = _ics_moment(component.decoded("RECURRENCE-ID"), zone)
        except (KeyError, ValueError):
            recurrence_id = start
    return Event(uid, {"": summary}, start, end, location, url, recurrence_id=recurrence_id)


def _expand_ics(calendar: Any, first: date, last: date, zone: ZoneInfo, path: str) -> list[Event]:
    import recurring_ical_events

    found = []
    for component in recurring_ical_events.of(calendar).between(first, last + timedelta(days=1)):
        if "RRULE" not in component and "RECURRENCE-ID" not in component:
            continue  # single events were read once, at load time
        event = _ics_event(component, zone, path, None, instance=True)
        if event is not None and event.first_day <= last and event.last_day >= first:
            found.append(event)
    return found


def loads_ics(data: bytes, path: str, zone: ZoneInfo) -> EventSource:
    """The events of an iCalendar file: single events now, recurring ones per range asked."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as exc:
        raise EventsError([f"{path}: not an iCalendar file ({str(exc)[:120]})"]) from None
    errors: list[str] = []
    events = []
    recurring = False
    for component in calendar.walk("VEVENT"):
        if "RRULE" in component or "RECURRENCE-ID" in component:
            recurring = True
            _ics_event(component, zone, path, errors)  # validated now, expanded per range
            continue
        event = _ics_event(component, zone, path, errors)
        if event is not None:
            events.append(event)
    if errors:
        raise EventsError(errors)
    if recurring:
        try:
            _expand_ics(calendar, date(2000, 1, 1), date(2000, 1, 2), zone, path)
        except Exception as exc:  # noqa: BLE001 - a broken RRULE must be a message, never a traceback
            raise EventsError([f"{path}: a recurring event cannot be expanded ({str(exc)[:120]})"]) from None
    return EventSource(path=path, events=tuple(sorted(events, key=_sort_key)),
                       calendar=calendar if recurring else None, zone=zone)


# -- files -------------------------------------------------------------------------------------------


def is_ics(path: str | Path) -> bool:
    return str(path).lower().endswith((".ics", ".ical", ".ifb"))


def load(path: str | Path, zone: ZoneInfo, traditions: Iterable[str], languages: Iterable[str]) -> EventSource:
    """The events file at ``path`` (YAML or iCalendar, by its name), or ``EventsError``."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise EventsError([f"{name}: cannot read the events file: {exc.strerror or exc}"]) from None
    if len(raw) > MAX_BYTES:
        raise EventsError([f"{name}: the events file is larger than {MAX_BYTES // (1024 * 1024)} MiB"])
    if is_ics(name):
        source = loads_ics(raw, name, zone)
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise EventsError([f"{name}: the events file is not UTF-8 text ({exc.reason} at byte {exc.start})"]) \
                from None
        source = loads_yaml(text, name, zone, traditions, languages)
    source.modified = datetime.fromtimestamp(int(Path(path).stat().st_mtime), tz=UTC)
    return source


def pull(url: str, target: str | Path, zone: ZoneInfo, timeout: float = 30.0) -> str:
    """Fetch an iCalendar URL into ``target``, replacing it only with a file that parses.

    For cron: when the fetch or the parse fails, the last good copy stays and ``EventsError``
    says why; the new file is written beside the target and moved over it atomically."""
    import urllib.error
    import urllib.request

    if not re.fullmatch(r"https?://\S+", url):
        raise EventsError([f"{url[:80]}: only http:// and https:// URLs can be pulled"])
    request = urllib.request.Request(url, headers={"User-Agent": "interkultur events pull",
                                                   "Accept": "text/calendar, */*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked
            data = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise EventsError([f"{url[:200]}: cannot fetch ({str(reason)[:160]}); the last good copy is kept"]) from None
    if len(data) > MAX_BYTES:
        raise EventsError([f"{url[:200]}: larger than {MAX_BYTES // (1024 * 1024)} MiB; the last good copy is kept"])
    try:
        source = loads_ics(data, url[:200], zone)
    except EventsError as exc:
        raise EventsError([*exc.errors, "the last good copy is kept"]) from None
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, prefix=f".{target.name}.", delete=False) as tmp:
            tmp.write(data)
        Path(tmp.name).replace(target)
    except OSError as exc:
        raise EventsError([f"{target}: cannot write ({exc.strerror or exc}); the last good copy is kept"]) from None
    return f"{target}: {len(source.events)} events written from {url[:200]}"


# -- which file ---------------------------------------------------------------------------------------

#: The environment variable naming the events file (YAML or .ics), for the CLI and the service alike.
ENV_VARIABLE = "INTERKULTUR_EVENTS"


def configured_path(catalogue_path: str | None, named: str | None = None) -> Path | None:
    """The events file in use: ``named`` (``$INTERKULTUR_EVENTS``), else ``events.yaml`` beside the
    catalogue, if there is one (the shipped one lists none)."""
    import os

    named = named or os.environ.get(ENV_VARIABLE) or None
    if named:
        return Path(named)
    if catalogue_path:
        beside = Path(catalogue_path).parent / "events.yaml"
        if beside.is_file():
            return beside
    return None


def load_for(catalogue: Any, zone_name: str, named: str | None = None) -> EventSource:
    """The configured events for ``catalogue`` (its traditions and languages validate them)."""
    path = configured_path(getattr(catalogue, "path", None), named)
    zone = ZoneInfo(zone_name)
    if path is None:
        return EventSource(zone=zone)
    reference = catalogue.reference
    return load(path, zone, reference.tradition_ids, [lang.code for lang in reference.languages.languages])
