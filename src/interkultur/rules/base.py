"""What every rule is: a small function of the Gregorian year returning start dates."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from ..calendars.hijri import HijriCalendar

JEWISH_VARIANTS: tuple[str, ...] = ("diaspora", "israel")
DEFAULT_JEWISH = "diaspora"


class RuleSyntaxError(ValueError):
    """A rule string that the grammar does not accept; the message says why."""


@dataclass(frozen=True)
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


@dataclass(frozen=True, slots=True)
class Start:
    """One computed first day of a feast.

    ``month_length`` is the length of the lunar month the date lies in, for
    feasts that last the whole month (``days: month``); ``None`` for solar rules.
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

    ``candidates`` gives the day in each calendar year touching the Gregorian
    year (where that year has it); ``starts`` keeps those inside the year.
    """

    @abstractmethod
    def candidates(self, year: int, ctx: Context) -> Iterator[Start]:
        """The day in each calendar year touching Gregorian ``year``, in order; absent days skipped."""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        return [start for start in self.candidates(year, ctx) if start.date.year == year]
