"""Events from an iCalendar file: UIDs kept, recurrences expanded with recurring-ical-events."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .model import Event, EventsError, EventSource, _sort_key, _text

# -- iCalendar ---------------------------------------------------------------------------------------


def _ics_moment(value: Any, zone: ZoneInfo) -> date | datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return value
    raise ValueError(f"not a date: {value!r}")


def _ics_event(
    component: Any, zone: ZoneInfo, path: str, errors: list[str] | None, instance: bool = False
) -> Event | None:
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
    return EventSource(
        path=path, events=tuple(sorted(events, key=_sort_key)), calendar=calendar if recurring else None, zone=zone
    )
