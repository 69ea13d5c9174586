"""Parsi Shahanshahi anchors: ``shahanshahi 1 farvardin`` (Parsi New Year), 365 days, no leap year."""

from __future__ import annotations

import re

from ...calendars import zoroastrian
from ...records import record
from ..base import CalendarDay, Context, Rule, RuleSyntaxError, Start, known_names
from ..registry import anchor, conversion

ORDER = 75

conversion("shahanshahi", zoroastrian.to_date)


@record(repr=False)
class ShahanshahiDate(CalendarDay):
    """``shahanshahi D Month``: a day of the Parsi Shahanshahi calendar (365 days, no leap year)."""

    day: int
    month: int
    text: str = ""

    def calendar_years(self, year: int) -> tuple[int, ...]:
        return zoroastrian.years_touching(year)

    def day_in(self, zy_year: int, ctx: Context) -> Start | None:
        return Start(zoroastrian.to_date(zy_year, self.month, self.day))


@anchor("shahanshahi", r"shahanshahi (\d{1,2}) ([a-z]+)", "shahanshahi 1 farvardin")
def _shahanshahi(m: re.Match[str]) -> Rule:
    day, name = int(m[1]), m[2]
    if name not in zoroastrian.MONTHS:
        raise RuleSyntaxError(f"unknown Shahanshahi month {name!r} (known: {known_names(zoroastrian.MONTHS)})")
    month = zoroastrian.MONTHS[name]
    if not 1 <= day <= zoroastrian.month_length(month):
        raise RuleSyntaxError(f"day {day} does not exist in Shahanshahi month {name!r}")
    return ShahanshahiDate(day, month, text=m[0])
