"""Weekday arithmetic on Gregorian dates ("the 4th Sunday before 25 December")."""

from __future__ import annotations

from datetime import date

WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


def weekday_index(name: str) -> int:
    """Index of an English weekday name, Monday = 0 (as ``date.weekday()``)."""
    return WEEKDAYS.index(name.lower())


def nth_weekday(anchor: date, weekday: int, relation: str, nth: int = 1) -> date:
    """The ``nth`` ``weekday`` before/after (or on or before/after) ``anchor``.

    ``relation`` is one of ``before``, ``after``, ``on or before``,
    ``on or after``. "before"/"after" are strict: the Wednesday before
    Wednesday 23 November is 16 November.

    Counted on day numbers (``toordinal``; day 1 was a Monday), as every
    weekday rule of every year goes through here.
    """
    day = anchor.toordinal()
    if relation == "after" or relation == "on or after":
        if relation == "after":
            day += 1
        return date.fromordinal(day + (weekday - (day - 1)) % 7 + 7 * (nth - 1))
    if relation == "before" or relation == "on or before":
        if relation == "before":
            day -= 1
        return date.fromordinal(day - ((day - 1) - weekday) % 7 - 7 * (nth - 1))
    raise ValueError(f"unknown relation {relation!r}")
