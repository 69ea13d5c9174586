"""Hijri anchors: ``hijri 1 Shawwal``, dated through the request's Islamic profile.

No day-number conversion is registered: which day a Hijri date is depends on the profile."""

from __future__ import annotations

import re

from ...calendars import hijri
from ...records import record
from ..base import CalendarDay, Context, Rule, RuleSyntaxError, Start
from ..registry import anchor

ORDER = 50


@record(repr=False)
class HijriDate(CalendarDay):
    """``hijri D Month``: a day of the Islamic calendar, through the request's profile."""

    day: int
    month: int
    text: str = ""
    moon_sighted = True
    uses_context = True  # the Islamic profile decides the date

    def calendar_years(self, year: int) -> range:
        return hijri.years_touching(year)

    def day_in(self, hijri_year: int, ctx: Context) -> Start | None:
        profile = ctx.islamic
        length = profile.month_length(hijri_year, self.month)
        if self.day > length:
            return None
        d, estimated = profile.to_date(hijri_year, self.month, self.day)
        return Start(d, estimated, length)


@anchor("hijri", r"hijri (\d{1,2}) (.+)", "hijri 1 Shawwal")
def _hijri(m: re.Match[str]) -> Rule:
    day, name = int(m[1]), hijri.month_key(m[2])
    if name not in hijri.MONTHS:
        known = (
            "Muharram, Safar, Rabi al-Awwal, Rabi al-Thani, Jumada al-Ula, Jumada al-Akhira, "
            "Rajab, Shaban, Ramadan, Shawwal, Dhu al-Qadah, Dhu al-Hijjah"
        )
        raise RuleSyntaxError(f"unknown Hijri month {m[2]!r} (known: {known})")
    if not 1 <= day <= 30:
        raise RuleSyntaxError(f"day {day} does not exist in a Hijri month")
    return HijriDate(day, hijri.MONTHS[name], text=m[0])
