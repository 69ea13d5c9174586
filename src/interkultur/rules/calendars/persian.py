"""Solar Hijri anchors: ``persian 1 farvardin`` (Nowruz), from the equinox at Tehran noon."""

from __future__ import annotations

import re

from ...calendars import persian
from ...records import record
from ..base import CalendarDay, Context, Rule, RuleSyntaxError, Start, known_names
from ..registry import anchor, conversion

ORDER = 70

conversion("persian", persian.to_date)


@record(repr=False)
class PersianDate(CalendarDay):
    """``persian D Month``: a day of the Solar Hijri calendar (``persian 1 farvardin`` = Nowruz)."""

    day: int
    month: int
    text: str = ""

    def calendar_years(self, year: int) -> tuple[int, int]:
        return persian.years_touching(year)

    def day_in(self, persian_year: int, ctx: Context) -> Start | None:
        if self.day > persian.month_length(persian_year, self.month):
            return None
        return Start(persian.to_date(persian_year, self.month, self.day))


@anchor("persian", r"persian (\d{1,2}) ([a-z]+)", "persian 1 farvardin")
def _persian(m: re.Match[str]) -> Rule:
    day, name = int(m[1]), m[2]
    if name not in persian.MONTHS:
        raise RuleSyntaxError(f"unknown Persian month {name!r} (known: {known_names(persian.MONTHS)})")
    if not 1 <= day <= (31 if persian.MONTHS[name] <= 6 else 30):
        raise RuleSyntaxError(f"day {day} does not exist in Persian month {name!r}")
    return PersianDate(day, persian.MONTHS[name], text=m[0])
