"""Events from a YAML file (``data/events.yaml``): parsed with line numbers, every problem as ``file:line``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from .. import inputs, yamllines
from ..yamllines import LineMapping
from .model import _FIELDS, _ID, DEFAULT_SHOWN, MAX_TEXT, Event, EventsError, EventSource, _sort_key, _text


def _parse_yaml(text: str, path: str) -> Any:
    """The document with line numbers; dates stay text, so that 30 February is ``file:line``."""
    return yamllines.parse(text, path, EventsError, dates_as_text=True)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "event"


def _moment(raw: Any, zone: ZoneInfo) -> date | datetime:
    """``2027-02-20`` -> a date; ``2027-02-20 18:30`` -> an aware datetime (``inputs.parse_moment``)."""
    try:
        return inputs.parse_moment(str(raw), zone)
    except inputs.DateInputError as exc:
        raise ValueError(exc.problem.strip("()")) from None


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
            self.error(
                at("tradition"),
                f"unknown tradition {str(tradition)[:40]!r} (known: {', '.join(sorted(self.traditions))})",
            )
        raw_id = entry.get("id")
        if raw_id is not None and not (isinstance(raw_id, str) and _ID.fullmatch(raw_id)):
            self.error(at("id"), "id must be letters, digits and . _ @ : + - (at most 200)")
        if len(self.errors) > before or titles is None or start is None:
            return None
        first_title = next(iter(titles.values()))
        event_id = raw_id or f"{_slug(first_title)}-{start.isoformat()[:10]}"
        if event_id in seen:
            self.error(
                at("id") if raw_id else entry.line,
                f"id {event_id!r} is used twice (first on line {seen[event_id]}); give each event its own id",
            )
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


def loads_yaml(
    text: str, path: str, zone: ZoneInfo, traditions: Iterable[str], languages: Iterable[str]
) -> EventSource:
    """The events of a YAML document; every problem at once, as ``path:line: …``."""
    document = _parse_yaml(text, path)
    if document is None:
        return EventSource(path=path, zone=zone)
    if not isinstance(document, LineMapping):
        raise EventsError([f"{path}:1: the events file must be a mapping with an 'events' list"])
    check = _Validator(path, zone, frozenset(traditions), frozenset(languages))
    for key in document:
        if key not in ("events", "heading", "shown"):
            check.error(
                document.key_lines.get(key, 1),
                f"unknown top-level key {str(key)[:40]!r} (known: events, heading, shown)",
            )
    heading: dict[str, str] = {}
    raw_heading = document.get("heading")
    if raw_heading is not None:
        if not isinstance(raw_heading, Mapping):
            check.error(document.key_lines["heading"], "heading must map languages to text ({de: …, en: …})")
        else:
            for code, text in raw_heading.items():
                if code not in check.languages or not isinstance(text, str) or not text.strip():
                    check.error(
                        document.key_lines["heading"], f"heading: {str(code)[:20]!r} needs a known language and a text"
                    )
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
    return EventSource(path=path, heading=heading, shown=shown, events=tuple(sorted(events, key=_sort_key)), zone=zone)
