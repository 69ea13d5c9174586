"""Julian anchors: ``julian 01-06`` (Orthodox, Yazidi and Roma feasts on the old calendar)."""

from __future__ import annotations

import re

from ...calendars import julian
from ...records import record
from ..base import CalendarDay, Context, Rule, Start, month_day
from ..registry import anchor, conversion

ORDER = 20

conversion("julian", julian.to_date, julian.from_date)


@record(repr=False)
class Julian(CalendarDay):
    """A fixed Julian-calendar day, ``julian MM-DD``, as its Gregorian date."""

    month: int
    day: int
    text: str = ""

    def calendar_years(self, year: int) -> tuple[int, int]:
        return year - 1, year

    def day_in(self, julian_year: int, ctx: Context) -> Start | None:
        if self.month == 2 and self.day == 29 and julian_year % 4:
            return None  # no 29 February in that Julian year
        return Start(julian.to_date(julian_year, self.month, self.day))


@anchor("julian", r"julian (\d{2})-(\d{2})", "julian 12-25")
def _julian(m: re.Match[str]) -> Rule:
    return Julian(*month_day(int(m[1]), int(m[2])), text=m[0])
