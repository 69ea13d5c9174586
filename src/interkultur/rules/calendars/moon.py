"""Moon-phase anchors: ``full moon on or after 05-01`` / ``new moon on or after MM-DD`` (German civil date)."""

from __future__ import annotations

import re
from datetime import date
from zoneinfo import ZoneInfo

from ...calendars import astronomy
from ...records import record
from ..base import Context, Rule, Start, month_day
from ..registry import anchor

ORDER = 110

#: Moon-phase dates are civil dates in Germany, where the calendar is read.
GERMANY = ZoneInfo("Europe/Berlin")


@record(repr=False)
class MoonPhase(Rule):
    """``full moon on or after MM-DD`` / ``new moon on or after MM-DD`` (German civil date)."""

    full: bool
    month: int
    day: int
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        kind = astronomy.FULL_MOON if self.full else astronomy.NEW_MOON
        first = date(year, self.month, self.day)
        begin = astronomy.at_midnight(first) - 3 / 24  # German civil time is at most UTC+2
        for t, _ in astronomy.events_between(kind, begin, begin + 33):
            d = astronomy.to_datetime(t).replace(tzinfo=ZoneInfo("UTC")).astimezone(GERMANY).date()
            if d >= first:
                return [Start(d)] if d.year == year else []
        return []


@anchor("moon", r"(full|new) moon on or after (\d{2})-(\d{2})", "full moon on or after 05-01")
def _moon(m: re.Match[str]) -> Rule:
    return MoonPhase(m[1] == "full", *month_day(int(m[2]), int(m[3])), text=m[0])
