"""Weekday arithmetic on Gregorian dates ("the 4th Sunday before 25 December")."""

from __future__ import annotations

from datetime import date, timedelta

WEEKDAYS: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)


def weekday_index(name: str) -> int:
    """Index of an English weekday name, Monday = 0 (as ``date.weekday()``)."""
    return WEEKDAYS.index(name.lower())


def nth_weekday(anchor: date, weekday: int, relation: str, nth: int = 1) -> date:
    """The ``nth`` ``weekday`` before/after (or on or before/after) ``anchor``.

    ``relation`` is one of ``before``, ``after``, ``on or before``,
    ``on or after``. "before"/"after" are strict: the Wednesday before
    Wednesday 23 November is 16 November.
    """
    if relation in ("after", "on or after"):
        start = anchor + timedelta(days=1) if relation == "after" else anchor
        first = start + timedelta(days=(weekday - start.weekday()) % 7)
        return first + timedelta(weeks=nth - 1)
    if relation in ("before", "on or before"):
        start = anchor - timedelta(days=1) if relation == "before" else anchor
        first = start - timedelta(days=(start.weekday() - weekday) % 7)
        return first - timedelta(weeks=nth - 1)
    raise ValueError(f"unknown relation {relation!r}")
