"""Tibetan Phugpa anchor: ``tibetan new year`` (Losar, the first day of month 1)."""

from __future__ import annotations

import re

from ...calendars import tibetan
from ...records import record
from ..base import CalendarDay, Context, Rule, Start
from ..registry import anchor

ORDER = 95


@record(repr=False)
class TibetanNewYear(CalendarDay):
    """``tibetan new year``: Losar of the Phugpa calendar, which begins in January to March
    of the Gregorian year of the same number, so each Gregorian year has exactly one."""

    text: str = ""

    def calendar_years(self, year: int) -> tuple[int, ...]:
        return (year,)

    def day_in(self, calendar_year: int, ctx: Context) -> Start | None:
        return Start(tibetan.losar(calendar_year))


@anchor("tibetan", r"tibetan new year", "tibetan new year")
def _tibetan_new_year(m: re.Match[str]) -> Rule:
    return TibetanNewYear(text=m[0])
