"""The Solar Hijri (Iranian) calendar: Nowruz at the March equinox.

Rule (Iran's calendar law of 1925 as computed today): 1 Farvardin is the day of
the March equinox if the equinox falls before noon at the 52.5° E meridian
(Iran Standard Time, UTC+03:30, in all years); otherwise the next day. Months
1-6 have 31 days, 7-11 have 30, Esfand has 29 or 30 (to the next Nowruz).

convertdate.persian implements the same rule, but through PyMeeus it costs
about 40 ms per date, far too slow per request, and it takes noon as
*apparent* solar noon at 52.5° E (about 08:37 UT in March) rather than 12:00
UTC+03:30 (08:30 UT). The two cut-offs disagree only when the equinox falls
between them, which happens in no year 1900-2100 (tests/astro check every
year), so this module computes the documented rule from the tabulated equinox.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from . import astronomy

#: Iran Standard Time; the equinox is compared with noon at this offset.
IRAN_UTC_OFFSET = 3.5
#: Gregorian year Y holds Nowruz of Solar Hijri year Y - 621.
YEAR_OFFSET = 621

MONTHS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        (
            "farvardin",
            "ordibehesht",
            "khordad",
            "tir",
            "mordad",
            "shahrivar",
            "mehr",
            "aban",
            "azar",
            "dey",
            "bahman",
            "esfand",
        ),
        start=1,
    )
}


@lru_cache(maxsize=512)
def nowruz(gregorian_year: int) -> date:
    """1 Farvardin in ``gregorian_year``."""
    equinox = astronomy.march_equinox(gregorian_year)
    # noon-to-noon day in Iran Standard Time: before noon -> that date, else the next
    return astronomy.local_date(equinox, IRAN_UTC_OFFSET + 12)


def _month_offset(month: int) -> int:
    return (month - 1) * 31 if month <= 7 else 186 + (month - 7) * 30


def month_length(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return (nowruz(year + YEAR_OFFSET + 1) - nowruz(year + YEAR_OFFSET)).days - 336


def to_date(year: int, month: int, day: int) -> date:
    """Gregorian date of Solar Hijri (year, month, day)."""
    return nowruz(year + YEAR_OFFSET) + timedelta(days=_month_offset(month) + day - 1)


def years_touching(gregorian_year: int) -> tuple[int, int]:
    return gregorian_year - YEAR_OFFSET - 1, gregorian_year - YEAR_OFFSET
