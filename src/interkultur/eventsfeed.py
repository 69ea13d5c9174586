"""Local events (``events.Event``) as a VCALENDAR: the ``/events.ics`` feed, built with ``icalendar``.

Apart from ``ical`` (the holidays' feeds, their revisions and stored bytes): an
event carries its own UID, time zone and recurrence, none of the holidays' machinery.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from .ical import DEFAULT_UID_DOMAIN, new_calendar, serialise


def build_events_calendar(
    events: Iterable[Any],
    *,
    lang: str,
    chain: Iterable[str],
    name: str,
    uid_domain: str = DEFAULT_UID_DOMAIN,
    stamp: datetime | None = None,
) -> bytes:
    """Serialise local events (``events.Event``) as a VCALENDAR.

    UIDs are the events' own (an ``.ics`` source keeps its UIDs; a YAML id becomes
    ``<id>@<domain>``); a recurring source's instances carry RECURRENCE-ID. Timed
    events keep their time zone, for which a VTIMEZONE is added (RFC 5545 3.6.5).
    DTSTAMP is ``stamp`` (the events file's modification time), never the clock.
    """
    from icalendar import Event, vUri

    chain = tuple(chain)
    cal = new_calendar(lang, name, "")
    stamp = stamp or datetime(2020, 1, 1, tzinfo=UTC)
    for item in events:
        event = Event()
        event.add("uid", item.id if "@" in item.id else f"{item.id}@{uid_domain}")
        event.add("dtstamp", stamp)
        title, _title_lang = item.title(chain)
        event.add("summary", title)
        event.add("dtstart", item.start)
        if item.end is not None:
            end = item.end
            if not isinstance(end, datetime):
                end = end + timedelta(days=1)  # DTEND of an all-day event is exclusive
            event.add("dtend", end)
        elif not isinstance(item.start, datetime):
            event.add("dtend", item.start + timedelta(days=1))
        if item.recurrence_id is not None:
            event.add("recurrence-id", item.recurrence_id)
        if item.location:
            event.add("location", item.location)
        if item.url:
            event.add("url", vUri(item.url), parameters={"VALUE": "URI"})
        if item.tradition:
            event.add("categories", [item.tradition])
        cal.add_component(event)
    cal.add_missing_timezones()
    return serialise(cal)
