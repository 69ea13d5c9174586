"""What a month widget shows, assembled from the engine and the calendars.

The view model keeps templates free of date logic: the weeks come from
``calendar.Calendar`` (Monday first, in every language), the holidays from
``Engine.occurrences``, the Hijri and Hebrew day labels from
``calendars.hijri.PROFILES[...].from_date`` and ``calendars.hebrew.from_date``.
Nothing here computes a holiday date.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..calendars import hebrew, hijri
from ..calendars.hijri import HijriCalendar
from ..catalog import MAX_YEAR, MIN_YEAR
from ..engine import Engine, Occurrence
from ..layers import SCHOOL_BREAK
from ..records import record

_WEEKS = calendar.Calendar(firstweekday=calendar.MONDAY)
#: Feasts longer than this (Ramadan, Lent, the Omer) are seasons: only their
#: first day is highlighted; the days in between carry a quieter marker but
#: still list the season in ``data-holidays`` and in the day details.
SEASON_DAYS = 10
#: Tradition markers a day cell shows before "+n": more would not fit a phone's cell.
MAX_MARKERS = 3


@record
class DualLabel:
    """A date in another calendar: ``day`` small in the cell, ``month`` where a month begins."""

    calendar: str
    year: int
    month: int
    day: int
    leap: bool = False


@record
class Entry:
    """A holiday on one day: which day of the feast it is and how long the feast lasts."""

    occurrence: Occurrence
    day_number: int
    length: int

    @property
    def first_day(self) -> bool:
        return self.day_number == 1


@dataclass
class DayCell:
    day: date
    in_month: bool
    today: bool = False
    occurrences: list[Occurrence] = field(default_factory=list)
    dual: list[DualLabel] = field(default_factory=list)
    show_dual_month: bool = False

    @property
    def feasts(self) -> list[Occurrence]:
        """The occurrences other than school breaks, which are shown as hatching, not as feasts."""
        return [o for o in self.occurrences if o.tradition != SCHOOL_BREAK]

    @property
    def highlighted(self) -> bool:
        """Light green: a feast day, or the first day of a season."""
        return any(o.day_of_feast(o.end) <= SEASON_DAYS or o.start == self.day for o in self.feasts)

    @property
    def named(self) -> list[Occurrence]:
        """The feasts a printed cell names: all but the days inside a season (Ramadan from its second
        to its last but one day), which the list under the grid gives once."""
        return [o for o in self.feasts if o.day_of_feast(o.end) <= SEASON_DAYS or self.day in (o.start, o.end)]

    @property
    def seasonal(self) -> bool:
        """A day inside a season (Ramadan, Lent) that is no feast day itself: a quieter band."""
        return bool(self.feasts) and not self.highlighted

    @property
    def school_break(self) -> bool:
        """A school-break day of the chosen Land (``state=``): hatched, whatever else falls on it."""
        return any(o.tradition == SCHOOL_BREAK for o in self.occurrences)

    @property
    def entries(self) -> list[Entry]:
        return [Entry(o, o.day_of_feast(self.day), o.day_of_feast(o.end)) for o in self.occurrences]

    @property
    def traditions(self) -> tuple[str, ...]:
        """The traditions with a holiday on this day, in the order of ``occurrences``: one marker
        each, so a day several traditions share (Nowruz, Newroz, Naw-Rúz) stays one marked day.
        A season (Ramadan, Lent) marks its first and last day; the days between carry its band."""
        marked = (o for o in self.feasts if o.day_of_feast(o.end) <= SEASON_DAYS or self.day in (o.start, o.end))
        return tuple(dict.fromkeys(o.tradition for o in marked))

    @property
    def markers(self) -> tuple[str, ...]:
        """At most ``MAX_MARKERS`` tradition markers for the cell; ``more_markers`` counts the rest."""
        return self.traditions[:MAX_MARKERS]

    @property
    def more_markers(self) -> int:
        return max(0, len(self.traditions) - MAX_MARKERS)

    @property
    def iso(self) -> str:
        return self.day.isoformat()

    @property
    def holiday_ids(self) -> str:
        return " ".join(dict.fromkeys(o.id for o in self.occurrences))


@dataclass
class MonthView:
    year: int
    month: int
    weeks: list[list[DayCell]]
    occurrences: list[Occurrence]
    previous: tuple[int, int] | None
    next: tuple[int, int] | None
    today: date

    @property
    def holiday_days(self) -> list[DayCell]:
        return [c for week in self.weeks for c in week if c.in_month and c.occurrences]

    @property
    def has_school_breaks(self) -> bool:
        """Whether the legend needs the key for hatched school-break days."""
        return any(c.school_break for week in self.weeks for c in week if c.in_month)


def neighbours(year: int, month: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The previous and next (year, month), or None beyond the supported years."""
    prev = (year, month - 1) if month > 1 else (year - 1, 12)
    nxt = (year, month + 1) if month < 12 else (year + 1, 1)
    return (prev if prev[0] >= MIN_YEAR else None), (nxt if nxt[0] <= MAX_YEAR else None)


def year_neighbours(year: int) -> tuple[int | None, int | None]:
    """The previous and next year, or None beyond the supported years."""
    return (year - 1 if year > MIN_YEAR else None), (year + 1 if year < MAX_YEAR else None)


def dual_labels(
    day: date, which: tuple[str, ...], islamic: str, profiles: Mapping[str, HijriCalendar] = hijri.PROFILES
) -> list[DualLabel]:
    """The Hijri (in the engine's profiles: its sighting base) and Hebrew dates of ``day``."""
    labels = []
    for name in which:
        if name == "hijri":
            y, m, d = profiles[islamic].from_date(day)
            labels.append(DualLabel("hijri", y, m, d))
        elif name == "hebrew":
            y, m, d = hebrew.from_date(day)
            labels.append(DualLabel("hebrew", y, m, d, hebrew.is_leap(y)))
    return labels


def month_view(
    engine: Engine,
    year: int,
    month: int,
    today: date,
    *,
    traditions: Iterable[str] | None = None,
    islamic: str,
    jewish: str,
    dual: tuple[str, ...] = (),
    state: str | None = None,
    categories: frozenset[str] | None = None,
    default_view: bool = False,
    mark_today: bool = True,
) -> MonthView:
    """The month's grid. ``mark_today=False`` for a page read on other days (a static export: ``widget.js``
    marks the visitor's today there)."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    found = engine.occurrences(
        first,
        last,
        traditions=traditions,
        islamic=islamic,
        jewish=jewish,
        state=state,
        categories=categories,
        default_view=default_view,
    )
    weeks: list[list[DayCell]] = []
    first_label_shown = False
    for week in _WEEKS.monthdatescalendar(year, month):
        row = []
        for day in week:
            in_month = day.month == month
            cell = DayCell(day, in_month, today=mark_today and day == today)
            if in_month:
                # feasts first, seasons (Ramadan, Lent) after them
                cell.occurrences = sorted(
                    (o for o in found if o.covers(day)), key=lambda o: o.day_of_feast(o.end) > SEASON_DAYS
                )
                if dual:
                    cell.dual = dual_labels(day, dual, islamic, engine.profiles)
                    cell.show_dual_month = not first_label_shown or any(lab.day == 1 for lab in cell.dual)
                    first_label_shown = True
            row.append(cell)
        weeks.append(row)
    prev, nxt = neighbours(year, month)
    return MonthView(year, month, weeks, found, prev, nxt, today)


def year_months(engine: Engine, year: int, today: date, **kwargs: Any) -> list[MonthView]:
    return [month_view(engine, year, m, today, **kwargs) for m in range(1, 13)]


#: The school year runs from 1 August to 31 July, as German schools plan it.
SCHOOL_YEAR_FIRST_MONTH = 8


def school_year_months(engine: Engine, year: int, today: date, **kwargs: Any) -> list[MonthView]:
    """August ``year`` to July ``year + 1``."""
    months = [(year, m) for m in range(SCHOOL_YEAR_FIRST_MONTH, 13)]
    months += [(year + 1, m) for m in range(1, SCHOOL_YEAR_FIRST_MONTH)]
    return [month_view(engine, y, m, today, **kwargs) for y, m in months]


def school_year_range(year: int) -> tuple[date, date]:
    """1 August ``year`` to 31 July ``year + 1``."""
    return date(year, SCHOOL_YEAR_FIRST_MONTH, 1), date(year + 1, SCHOOL_YEAR_FIRST_MONTH, 1) - timedelta(days=1)
