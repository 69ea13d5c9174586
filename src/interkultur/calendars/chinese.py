"""The Chinese lunisolar calendar (农历), computed from new moons and solar terms.

Rules (GB/T 33661-2017 "Calculation and promulgation of the Chinese calendar"),
with Beijing time (UTC+8) for every year:

* a month begins on the day that holds the new moon;
* the month that holds the winter solstice (solar longitude 270°) is month 11;
* if 13 new moons begin months between two months 11 (a leap *sui*), the first
  of them that holds no principal term (zhongqi, solar longitude a multiple of
  30°) is a leap month and repeats the number of the month before it.

Before 1929 China reckoned in Beijing local mean time (UTC+7:46); the issue
fixes UTC+8 for all years, so a new moon within 14 minutes of midnight before
1929 may fall a day away from historical almanacs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from . import astronomy
from .astronomy import CHINA_UTC_OFFSET, NEW_MOON, SOLAR_TERM


#: A new moon this close to Beijing midnight may fall on either day within the
#: uncertainty of the ephemeris and of Delta T (about a minute for the 2050s).
CLOSE_CALL_MINUTES = 2.0


@dataclass(frozen=True)
class Month:
    start: date
    number: int      # 1..12
    leap: bool
    length: int      # 29 or 30
    close_call: bool = False  # its new moon lies within CLOSE_CALL_MINUTES of midnight


def _days(kind: str, first: date, last: date, angles: frozenset[int] | None = None) -> list[date]:
    """Beijing dates of ``kind`` events between two Beijing dates (inclusive)."""
    t0 = at_beijing_midnight(first)
    t1 = at_beijing_midnight(last + timedelta(days=1))
    return [astronomy.local_date(t, CHINA_UTC_OFFSET)
            for t, angle in astronomy.events_between(kind, t0, t1)
            if angles is None or angle in angles]


def at_beijing_midnight(day: date) -> float:
    return astronomy.at_midnight(day) - CHINA_UTC_OFFSET / 24


_PRINCIPAL = frozenset(range(0, 360, 30))


@lru_cache(maxsize=512)
def winter_solstice(gregorian_year: int) -> date:
    """Beijing date of the December solstice (dongzhi)."""
    return astronomy.local_date(astronomy.solar_term(gregorian_year, 270), CHINA_UTC_OFFSET)


def _month_11_start(gregorian_year: int) -> date:
    """Start of the month holding the winter solstice of ``gregorian_year``."""
    solstice = winter_solstice(gregorian_year)
    return _days(NEW_MOON, solstice - timedelta(days=30), solstice)[-1]


@lru_cache(maxsize=512)
def sui(gregorian_year: int) -> tuple[Month, ...]:
    """The months from month 11 of ``gregorian_year - 1`` up to month 11 of ``gregorian_year``.

    New Year (month 1) of ``gregorian_year`` lies inside, as do its months up
    to month 10 and any leap month.
    """
    first, last = _month_11_start(gregorian_year - 1), _month_11_start(gregorian_year)
    starts = _days(NEW_MOON, first, last)  # includes both months 11
    close = {astronomy.local_date(t, CHINA_UTC_OFFSET)
             for t, _ in astronomy.events_between(NEW_MOON, at_beijing_midnight(first), at_beijing_midnight(last) + 1)
             if _minutes_from_midnight(t) < CLOSE_CALL_MINUTES}
    terms = _days(SOLAR_TERM, first, last, _PRINCIPAL)
    leap_sui = len(starts) == 14
    months: list[Month] = []
    number, leap_found = 11, False
    for start, end in zip(starts, starts[1:]):
        has_term = any(start <= term < end for term in terms)
        is_leap = leap_sui and not leap_found and not has_term and bool(months)
        if is_leap:
            leap_found = True
        elif months:
            number = number % 12 + 1
        months.append(Month(start, number, is_leap, (end - start).days, start in close))
    return tuple(months)


def _minutes_from_midnight(t: float) -> float:
    """Minutes between instant ``t`` and the nearest Beijing midnight."""
    fraction = (t + 0.5 + CHINA_UTC_OFFSET / 24) % 1.0
    return min(fraction, 1.0 - fraction) * 1440


def months_touching(gregorian_year: int) -> tuple[Month, ...]:
    """Every month that begins in or just before ``gregorian_year`` (with no duplicates)."""
    return sui(gregorian_year) + sui(gregorian_year + 1)[1:]


def to_dates(gregorian_year: int, month: int, day: int, leap: bool = False) -> list[date]:
    """Gregorian dates in ``gregorian_year`` of lunar (month, day); [] or one date, rarely two."""
    return [d for d, _ in dates_with_certainty(gregorian_year, month, day, leap)]


def dates_with_certainty(gregorian_year: int, month: int, day: int,
                         leap: bool = False) -> list[tuple[date, bool]]:
    """Like ``to_dates``, each with whether its month hinges on a close call at midnight."""
    found = []
    for m in months_touching(gregorian_year):
        if m.number == month and m.leap == leap and day <= m.length:
            d = m.start + timedelta(days=day - 1)
            if d.year == gregorian_year:
                found.append((d, m.close_call))
    return found


def new_year(gregorian_year: int) -> date:
    """Chinese New Year (1st day of month 1) in ``gregorian_year``."""
    return to_dates(gregorian_year, 1, 1)[0]


def solar_term_date(gregorian_year: int, longitude: int) -> date:
    """Beijing date on which the Sun reaches apparent longitude ``longitude`` (Qingming: 15)."""
    return astronomy.local_date(astronomy.solar_term(gregorian_year, longitude), CHINA_UTC_OFFSET)


#: The 24 solar terms (jieqi) by pinyin name -> apparent solar longitude.
SOLAR_TERMS: dict[str, int] = {
    "chunfen": 0, "qingming": 15, "guyu": 30, "lixia": 45, "xiaoman": 60, "mangzhong": 75,
    "xiazhi": 90, "xiaoshu": 105, "dashu": 120, "liqiu": 135, "chushu": 150, "bailu": 165,
    "qiufen": 180, "hanlu": 195, "shuangjiang": 210, "lidong": 225, "xiaoxue": 240,
    "daxue": 255, "dongzhi": 270, "xiaohan": 285, "dahan": 300, "lichun": 315,
    "yushui": 330, "jingzhe": 345,
}
