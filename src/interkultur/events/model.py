"""The event values both sources give: ``Event``, ``EventSource``, ``EventsError`` and the limits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ..records import record
from ..yamllines import DataFileError

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


@record
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
        return {
            "id": self.id,
            "title": text,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end is not None else None,
            "location": self.location,
            "url": self.url,
            "lang": self.lang,
            "tradition": self.tradition,
        }


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
            from .icsfile import _expand_ics  # the model is imported by the ICS reader, not the reverse

            found += _expand_ics(self.calendar, first, last, self.zone, self.path or "<ics>")
        unique = {(e.id, e.start): e for e in found}
        return sorted(unique.values(), key=_sort_key)

    def upcoming(self, today: date, traditions: Iterable[str] | None = None, horizon_days: int = 400) -> list[Event]:
        """The next ``shown`` events from ``today`` on (an event running today counts); with
        ``traditions``, events naming another tradition are left out, those naming none kept."""
        wanted = set(traditions) if traditions else None
        events = [
            e
            for e in self.between(today, today + timedelta(days=horizon_days))
            if wanted is None or e.tradition is None or e.tradition in wanted
        ]
        return events[: self.shown]


def _sort_key(event: Event) -> tuple[date, int, str]:
    start = event.start
    minutes = start.hour * 60 + start.minute if isinstance(start, datetime) else -1
    return event.first_day, minutes, event.id


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
