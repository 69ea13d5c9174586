"""Coptic anchors: ``coptic 1 Thout`` (Nayrouz)."""

from __future__ import annotations

import re

from ...calendars import coptic
from ...records import record
from ..base import CalendarDay, Context, Rule, RuleSyntaxError, Start
from ..registry import anchor, conversion

ORDER = 60

conversion("coptic", coptic.to_date)


@record(repr=False)
class CopticDate(CalendarDay):
    """``coptic D Month``: a day of the Coptic calendar (``coptic 1 Thout`` = Nayrouz)."""

    day: int
    month: int
    text: str = ""

    def calendar_years(self, year: int) -> tuple[int, int]:
        return coptic.years_touching(year)

    def day_in(self, coptic_year: int, ctx: Context) -> Start | None:
        if self.day > coptic.month_length(coptic_year, self.month):
            return None
        return Start(coptic.to_date(coptic_year, self.month, self.day))


@anchor("coptic", r"coptic (\d{1,2}) ([a-z ]+)", "coptic 1 Thout")
def _coptic_anchor(m: re.Match[str]) -> Rule:
    day, name = int(m[1]), m[2].strip()
    if name not in coptic.MONTHS:
        raise RuleSyntaxError(
            f"unknown Coptic month {name!r} (known: Thout, Paopi, Hathor, Koiak, "
            "Tobi, Meshir, Paremhat, Paremoude, Pashons, Paoni, Epip, Mesori, Pi Kogi Enavot)"
        )
    if not 1 <= day <= 30:
        raise RuleSyntaxError(f"day {day} does not exist in a Coptic month")
    return CopticDate(day, coptic.MONTHS[name], text=m[0])
