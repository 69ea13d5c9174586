"""What every rule is: a small function of the Gregorian year returning start dates."""

from __future__ import annotations

import calendar as _stdcal
from abc import ABC, abstractmethod
from collections.abc import Iterable
from datetime import date
from functools import cached_property
from typing import Any, NamedTuple

from ..calendars.hijri import HijriCalendar
from ..records import record

JEWISH_VARIANTS: tuple[str, ...] = ("diaspora", "israel")
DEFAULT_JEWISH = "diaspora"


class RuleSyntaxError(ValueError):
    """A rule string that the grammar does not accept; the message says why."""


@record
class Context:
    """The observance choices a rule may depend on.

    Rules memoise their anchor years per context, so a context is hashed for
    every rule and year; its hash is computed once (the fields are frozen).
    """

    islamic: HijriCalendar
    jewish: str = DEFAULT_JEWISH

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash((self.islamic, self.jewish)))

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined, no-any-return]


class Start(NamedTuple):
    """One computed first day of a feast.

    ``month_length`` is the length of the lunar month the date lies in, for
    feasts that last the whole month (``days: month``); ``None`` for solar rules.
    A named tuple: immutable, and several times cheaper to build than a frozen
    dataclass, which matters at some 30,000 per 200-year range.
    """

    date: date
    estimated: bool = False
    month_length: int | None = None


class Rule(ABC):
    """A parsed rule. ``starts(year)`` returns every start inside that Gregorian year."""

    text: str = ""
    #: True when the date hangs on a lunar month that communities may begin a
    #: day later after sighting the crescent (the Hijri calendar).
    moon_sighted: bool = False

    @abstractmethod
    def starts(self, year: int, ctx: Context) -> list[Start]:
        """All starts whose date lies in Gregorian ``year`` (a lunar feast may occur twice)."""

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{type(self).__name__} {self.text!r}>"


class CalendarDay(Rule):
    """A day of another calendar, which may fall into a Gregorian year zero, one or two times.

    ``calendar_years`` names the years of that calendar touching a Gregorian
    year; ``day_in`` gives the day in one of them (``None`` where that year
    lacks it, as 30 Cheshvan in a short year). Each calendar year is asked
    for two or three Gregorian years in a row, so ``day_in`` is memoised per
    (calendar year[, context]) on the rule; ``starts`` keeps the days inside
    the Gregorian year.
    """

    #: Whether ``day_in`` depends on the context (the Islamic profile), i.e. belongs in the memo key.
    uses_context: bool = False

    @abstractmethod
    def calendar_years(self, year: int) -> Iterable[int]:
        """The years of this calendar that have days in Gregorian ``year``, in order."""

    @abstractmethod
    def day_in(self, calendar_year: int, ctx: Context) -> Start | None:
        """The day in ``calendar_year``, or ``None`` where that year does not have it."""

    @cached_property
    def _memo(self) -> dict[object, Start | None]:
        return {}

    def starts(self, year: int, ctx: Context) -> list[Start]:
        memo = self._memo
        found = []
        for calendar_year in self.calendar_years(year):
            key = (calendar_year, ctx) if self.uses_context else calendar_year
            start = memo.get(key, _UNKNOWN)
            if start is _UNKNOWN:  # a race between threads only computes the same day twice
                start = memo[key] = self.day_in(calendar_year, ctx)
            if start is not None and start.date.year == year:
                found.append(start)
        return found


_UNKNOWN: Any = object()


def month_day(month: int, day: int) -> tuple[int, int]:
    """A Gregorian (or Julian) month and day as written in a rule, checked (29 February allowed)."""
    if not 1 <= month <= 12:
        raise RuleSyntaxError(f"month {month} is not between 01 and 12")
    if not 1 <= day <= _stdcal.monthrange(2000, month)[1]:
        raise RuleSyntaxError(f"day {day} does not exist in month {month:02d}")
    return month, day


def known_names(names: dict[str, int]) -> str:
    """The names of a calendar's months (or terms) in calendar order, for error messages."""
    return ", ".join(sorted(names, key=names.__getitem__))
