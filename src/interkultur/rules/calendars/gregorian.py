"""Gregorian anchors: a fixed day ``12-25``."""

from __future__ import annotations

import calendar as _stdcal
import re
from datetime import date

from ...records import record
from ..base import Context, Rule, Start, month_day
from ..registry import anchor, conversion

ORDER = 10

conversion("gregorian", date, lambda d: (d.year, d.month, d.day))


@record(repr=False)
class Gregorian(Rule):
    """A fixed Gregorian day, ``MM-DD``; 29 February only in leap years."""

    month: int
    day: int
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        if self.month == 2 and self.day == 29 and not _stdcal.isleap(year):
            return []
        return [Start(date(year, self.month, self.day))]


@anchor("gregorian", r"(\d{2})-(\d{2})", "12-25")
def _gregorian(m: re.Match[str]) -> Rule:
    return Gregorian(*month_day(int(m[1]), int(m[2])), text=m[0])
