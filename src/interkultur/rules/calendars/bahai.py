"""Badí' anchors: ``bahai 13 jalal`` (months baha ... mulk, ayyam-i-ha, ala) and the Twin Holy Birthdays
(``bahai birth of the bab``, ``bahai birth of bahaullah``)."""

from __future__ import annotations

import re
from datetime import date

from ...calendars import bahai
from ...records import record
from ..base import CalendarDay, Context, Rule, RuleSyntaxError, Start, known_names
from ..registry import anchor

ORDER = 80

#: Before 2015 the West kept the holy days on fixed Gregorian dates. Counted from a
#: Naw-Rúz on 21 March most of them are their Badí' dates, but two were Gregorian
#: anniversaries a day earlier: the Declaration of the Báb (8 ʿAẓamat, kept on
#: 23 May) and the Martyrdom of the Báb (17 Raḥmat, kept on 9 July).
_WESTERN_ANNIVERSARIES: dict[tuple[int, int], tuple[int, int]] = {(4, 8): (5, 23), (6, 17): (7, 9)}


@record(repr=False)
class BahaiDate(CalendarDay):
    """``bahai D Month``: a day of the Badí' calendar (``bahai 1 baha`` = Naw-Rúz)."""

    day: int
    month: int
    text: str = ""

    def calendar_years(self, year: int) -> tuple[int, int]:
        return year - 1, year  # the years beginning at Naw-Rúz of those Gregorian years

    def day_in(self, badi_year: int, ctx: Context) -> Start | None:
        if badi_year < bahai.REFORM_YEAR and (self.month, self.day) in _WESTERN_ANNIVERSARIES:
            return Start(date(badi_year, *_WESTERN_ANNIVERSARIES[(self.month, self.day)]))
        length = bahai.month_length(badi_year, self.month)
        if self.day > length:
            return None
        # month_length lets ``days: month`` span Ayyám-i-Há, 4 or 5 days as the year leaves over
        return Start(bahai.to_date(badi_year, self.month, self.day), month_length=length)


@anchor("bahai", r"bahai (\d{1,2}) ([a-z-]+)", "bahai 13 jalal")
def _bahai(m: re.Match[str]) -> Rule:
    day, name = int(m[1]), m[2]
    if name not in bahai.MONTHS:
        raise RuleSyntaxError(f"unknown Badí' month {name!r} (known: {known_names(bahai.MONTHS)})")
    if not 1 <= day <= (5 if bahai.MONTHS[name] == bahai.AYYAM_I_HA else 19):
        raise RuleSyntaxError(f"day {day} does not exist in Badí' month {name!r}")
    return BahaiDate(day, bahai.MONTHS[name], text=m[0])


@record(repr=False)
class TwinHolyBirthday(Rule):
    """``bahai birth of the bab`` / ``bahai birth of bahaullah``.

    The eighth new moon is counted from the end of the day of Naw-Rúz (a new
    moon on Naw-Rúz itself does not count; see ``calendars.bahai``).
    ``estimated`` where moving the equinox and the new moons five minutes
    against the Tehran sunsets would move the dates (no year of 2015-2100).
    """

    second: bool
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        day = bahai.twin_holy_birthdays(year)[int(self.second)]
        return [Start(day, bahai.twin_holy_birthdays_on_knife_edge(year))]


@anchor("bahai", r"bahai birth of (the bab|bahaullah)")
def _twin(m: re.Match[str]) -> Rule:
    return TwinHolyBirthday(m[1] == "bahaullah", text=m[0])
