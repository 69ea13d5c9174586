"""Hebrew anchors: ``hebrew 15 Nisan`` (``Adar`` is Adar II in leap years)."""

from __future__ import annotations

import re

from ...calendars import hebrew
from ...records import record
from ..base import CalendarDay, Context, Rule, RuleSyntaxError, Start
from ..registry import anchor, conversion

ORDER = 40

conversion("hebrew", hebrew.to_date, hebrew.from_date)


@record(repr=False)
class HebrewDate(CalendarDay):
    """``hebrew D Month``: a day of the Hebrew calendar (``Adar`` = Adar II in leap years)."""

    day: int
    month_name: str
    text: str = ""

    def calendar_years(self, year: int) -> tuple[int, int]:
        return hebrew.years_touching(year)

    def day_in(self, hebrew_year: int, ctx: Context) -> Start | None:
        month = hebrew.resolve_month(hebrew_year, self.month_name)
        length = hebrew.month_length(hebrew_year, month)
        if self.day > length:
            return None
        return Start(hebrew.to_date(hebrew_year, month, self.day), month_length=length)


@anchor("hebrew", r"hebrew (\d{1,2}) ([a-z' ]+)", "hebrew 15 Nisan")
def _hebrew(m: re.Match[str]) -> Rule:
    day, name = int(m[1]), m[2].strip()
    if name not in hebrew.MONTHS:
        known = ", ".join(
            sorted(
                {
                    "Nisan",
                    "Iyyar",
                    "Sivan",
                    "Tammuz",
                    "Av",
                    "Elul",
                    "Tishrei",
                    "Cheshvan",
                    "Kislev",
                    "Tevet",
                    "Shevat",
                    "Adar",
                    "Adar I",
                    "Adar II",
                }
            )
        )
        raise RuleSyntaxError(f"unknown Hebrew month {name!r} (known: {known})")
    if not 1 <= day <= hebrew.MAX_DAY[hebrew.MONTHS[name]]:
        raise RuleSyntaxError(f"day {day} does not exist in Hebrew month {name!r}")
    return HebrewDate(day, name, text=m[0])
