"""Chinese anchors: lunisolar ``chinese 08-15`` and ``solar term qingming`` (or ``solar term 15``), Beijing time."""

from __future__ import annotations

import re

from ...calendars import chinese
from ...records import record
from ..base import Context, Rule, RuleSyntaxError, Start, known_names
from ..registry import anchor

ORDER = 90


@record(repr=False)
class ChineseDate(Rule):
    """``chinese MM-DD``, ``vietnamese MM-DD``, ``korean MM-DD``: day DD of lunar month MM
    (not the leap month) of the Chinese calendar reckoned in that country's time.

    One implementation (``chinese.Lunisolar``) serves the three calendars; only
    the meridian differs. ``estimated`` where the month's new moon falls within
    two minutes of local midnight (China 2057: 23:59:50), which ephemerides may
    put on either day.
    """

    month: int
    day: int
    text: str = ""
    calendar: str = "chinese"

    def starts(self, year: int, ctx: Context) -> list[Start]:
        found = chinese.CALENDARS[self.calendar].dates_with_certainty(year, self.month, self.day)
        return [Start(d, close) for d, close in found]


@anchor("chinese", r"(chinese|vietnamese|korean) (\d{2})-(\d{2})", "chinese 01-01")
def _chinese(m: re.Match[str]) -> Rule:
    month, day = int(m[2]), int(m[3])
    if not 1 <= month <= 12 or not 1 <= day <= 30:
        raise RuleSyntaxError(f"{m[1]} {m[2]}-{m[3]}: months run 01-12 and days 01-30")
    return ChineseDate(month, day, text=m[0], calendar=m[1])


@record(repr=False)
class SolarTerm(Rule):
    """``solar term qingming`` or ``solar term 15``: Beijing date the Sun reaches that longitude."""

    longitude: int
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        return [Start(chinese.solar_term_date(year, self.longitude))]


@anchor("chinese", r"solar term ([a-z]+|\d{1,3})", "solar term qingming")
def _solar_term(m: re.Match[str]) -> Rule:
    value = m[1]
    if value.isdigit():
        longitude = int(value)
        if longitude % 15 or longitude >= 360:
            raise RuleSyntaxError(f"solar term {value}: use a multiple of 15 below 360 degrees")
    elif value in chinese.SOLAR_TERMS:
        longitude = chinese.SOLAR_TERMS[value]
    else:
        raise RuleSyntaxError(f"unknown solar term {value!r} (known: {known_names(chinese.SOLAR_TERMS)})")
    return SolarTerm(longitude, text=m[0])
