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

The months of each *sui* of 1890-2110 are read from
``generated/lunisolar_months.csv``, which ``scripts/generate_astronomy.py``
writes with ``compute_sui`` from the tabulated new moons and solar terms (CI
checks it is current); other years are computed. A 200-year range asks for
600 *sui* of three calendars, and computing them was a tenth of its time.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from functools import cached_property, lru_cache

from .. import packagefiles
from ..records import record
from . import astronomy
from .astronomy import CHINA_UTC_OFFSET, NEW_MOON, SOLAR_TERM

#: A new moon this close to Beijing midnight may fall on either day within the
#: uncertainty of the ephemeris and of Delta T (about a minute for the 2050s).
CLOSE_CALL_MINUTES = 2.0


@record
class Month:
    start: date
    number: int  # 1..12
    leap: bool
    length: int  # 29 or 30
    close_call: bool = False  # its new moon lies within CLOSE_CALL_MINUTES of midnight


_PRINCIPAL = frozenset(range(0, 360, 30))

#: The years whose *sui* ``generated/lunisolar_months.csv`` holds for every calendar.
MONTH_TABLE_YEARS = range(1890, 2111)
MONTH_TABLE = (*packagefiles.GENERATED, "lunisolar_months.csv")
MONTH_TABLE_HEADER = "calendar,sui,month_11_start,lengths,leap_index,close_call_indexes"


def encode_sui(months: tuple[Month, ...]) -> str:
    """A *sui* as the table stores it: first start, the month lengths, the leap month's
    index (or nothing) and the indexes of the close calls; the numbers follow from these."""
    leap = next((str(i) for i, m in enumerate(months) if m.leap), "")
    close = " ".join(str(i) for i, m in enumerate(months) if m.close_call)
    return f"{months[0].start.isoformat()},{' '.join(str(m.length) for m in months)},{leap},{close}"


def decode_sui(text: str) -> tuple[Month, ...]:
    """The months of a table row (``encode_sui``): month 11 first, then each number after
    the one before, except the leap month, which repeats it."""
    first, lengths, leap, close = text.split(",")
    start = date.fromisoformat(first)
    leap_at = int(leap) if leap else -1
    close_calls = {int(i) for i in close.split()}
    months = []
    number = 11
    for i, length in enumerate(map(int, lengths.split())):
        if i and i != leap_at:
            number = number % 12 + 1
        months.append(Month(start, number, i == leap_at, length, i in close_calls))
        start += timedelta(days=length)
    return tuple(months)


@lru_cache(maxsize=1)
def _month_rows() -> dict[tuple[str, int], str]:
    """(calendar, sui) -> the rest of its table row, undecoded (a one-year call decodes two)."""
    rows = {}
    for line in packagefiles.read_text(*MONTH_TABLE).splitlines():
        if line and not line.startswith("#") and line != MONTH_TABLE_HEADER:
            name, year, rest = line.split(",", 2)
            rows[(name, int(year))] = rest
    return rows


@record
class Lunisolar:
    """The Chinese calendar's rules reckoned at one meridian per period.

    The Vietnamese (âm lịch) and Korean (음력) calendars are the Chinese rules
    computed in their own civil time, so their months can begin a day earlier
    (a new moon between 23:00 and 24:00 Beijing time falls on the previous day
    at UTC+7) or later. ``periods`` lists ``(first Gregorian year, UTC offset in
    hours)``, oldest first; an instant uses the offset of its UTC year.
    """

    name: str
    periods: tuple[tuple[int, float], ...]

    @cached_property
    def _period_starts(self) -> tuple[float, ...]:
        """The instant each period after the first begins (00:00 UT of 1 January of its first year)."""
        return tuple(astronomy.at_midnight(date(first, 1, 1)) for first, _ in self.periods[1:])

    def utc_offset(self, t: float) -> float:
        """The offset (hours east of Greenwich) in force at instant ``t``: that of its UTC year.

        A bisection over the periods' first instants, not a date per call: the
        calendar asks this for every new moon and solar term it reads.
        """
        return self.periods[bisect_right(self._period_starts, t)][1]

    def local_date(self, t: float) -> date:
        return astronomy.local_date(t, self.utc_offset(t))

    def midnight(self, day: date) -> float:
        """The instant local midnight begins ``day`` (offset of that day's year)."""
        guess = astronomy.at_midnight(day)
        return guess - self.utc_offset(guess) / 24

    def _events(
        self, kind: str, first: date, last: date, angles: frozenset[int] | None = None
    ) -> list[tuple[float, date]]:
        """Instants and local dates of ``kind`` events between two local dates (inclusive)."""
        t0, t1 = self.midnight(first), self.midnight(last + timedelta(days=1))
        found = [
            (t, self.local_date(t))
            for t, angle in astronomy.events_between(kind, t0 - 1, t1 + 1)
            if angles is None or angle in angles
        ]
        return [(t, d) for t, d in found if first <= d <= last]

    def _days(self, kind: str, first: date, last: date, angles: frozenset[int] | None = None) -> list[date]:
        return [d for _, d in self._events(kind, first, last, angles)]

    def _minutes_from_midnight(self, t: float) -> float:
        """Minutes between instant ``t`` and the nearest local midnight."""
        fraction = (t + 0.5 + self.utc_offset(t) / 24) % 1.0
        return min(fraction, 1.0 - fraction) * 1440

    @lru_cache(maxsize=1024)  # noqa: B019 - on the three module-level calendars, which live as long as the process
    def winter_solstice(self, gregorian_year: int) -> date:
        """Local date of the December solstice (dongzhi)."""
        return self.local_date(astronomy.solar_term(gregorian_year, 270))

    def _month_11_start(self, gregorian_year: int) -> date:
        """Start of the month holding the winter solstice of ``gregorian_year``."""
        solstice = self.winter_solstice(gregorian_year)
        return self._days(NEW_MOON, solstice - timedelta(days=30), solstice)[-1]

    @lru_cache(maxsize=1024)  # noqa: B019 - on the three module-level calendars, which live as long as the process
    def sui(self, gregorian_year: int) -> tuple[Month, ...]:
        """The months from month 11 of ``gregorian_year - 1`` up to month 11 of ``gregorian_year``.

        New Year (month 1) of ``gregorian_year`` lies inside, as do its months up
        to month 10 and any leap month. From the generated table where it holds the year.
        """
        if gregorian_year in MONTH_TABLE_YEARS:
            row = _month_rows().get((self.name, gregorian_year))
            if row is not None:
                return decode_sui(row)
        return self.compute_sui(gregorian_year)

    def compute_sui(self, gregorian_year: int) -> tuple[Month, ...]:
        """``sui`` from the new moons and solar terms (the generator's function)."""
        first, last = self._month_11_start(gregorian_year - 1), self._month_11_start(gregorian_year)
        moons = self._events(NEW_MOON, first, last)  # includes both months 11
        starts = [d for _, d in moons]
        close = {d for t, d in moons if self._minutes_from_midnight(t) < CLOSE_CALL_MINUTES}
        terms = self._days(SOLAR_TERM, first, last, _PRINCIPAL)
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

    def months_touching(self, gregorian_year: int) -> tuple[Month, ...]:
        """Every month that begins in or just before ``gregorian_year`` (with no duplicates)."""
        return self.sui(gregorian_year) + self.sui(gregorian_year + 1)[1:]

    def dates_with_certainty(
        self, gregorian_year: int, month: int, day: int, leap: bool = False
    ) -> list[tuple[date, bool]]:
        """Gregorian dates in ``gregorian_year`` of lunar (month, day), each with whether
        its month hinges on a close call at midnight."""
        found = []
        for m in self.months_touching(gregorian_year):
            if m.number == month and m.leap == leap and day <= m.length:
                d = m.start + timedelta(days=day - 1)
                if d.year == gregorian_year:
                    found.append((d, m.close_call))
        return found

    def to_dates(self, gregorian_year: int, month: int, day: int, leap: bool = False) -> list[date]:
        """Gregorian dates in ``gregorian_year`` of lunar (month, day); [] or one date, rarely two."""
        return [d for d, _ in self.dates_with_certainty(gregorian_year, month, day, leap)]

    def new_year(self, gregorian_year: int) -> date:
        """New Year (1st day of month 1) in ``gregorian_year``."""
        return self.to_dates(gregorian_year, 1, 1)[0]

    def solar_term_date(self, gregorian_year: int, longitude: int) -> date:
        """Local date on which the Sun reaches apparent longitude ``longitude`` (Qingming: 15)."""
        return self.local_date(astronomy.solar_term(gregorian_year, longitude))


#: China: Beijing time (UTC+8) for all years (the issue fixes it also before 1929).
CHINA = Lunisolar("chinese", ((1900, CHINA_UTC_OFFSET),))
#: Vietnam: UTC+8 (the Chinese reckoning) until 1967; UTC+7 from 1968, when North
#: Vietnam's calendar (decree of 8 August 1967) moved to its own time zone, which
#: is why Tết 1968 fell on 29 January, a day before Chinese New Year.
VIETNAM = Lunisolar("vietnamese", ((1900, 8.0), (1968, 7.0)))
#: Korea: UTC+9 (135° E), with UTC+8:30 (127.5° E) in 1908–1911 and 1954–1961,
#: the standard times Korea kept then (as KASI's lunar tables reckon them).
KOREA = Lunisolar("korean", ((1900, 9.0), (1908, 8.5), (1912, 9.0), (1954, 8.5), (1962, 9.0)))

CALENDARS: dict[str, Lunisolar] = {c.name: c for c in (CHINA, VIETNAM, KOREA)}


def at_beijing_midnight(day: date) -> float:
    return astronomy.at_midnight(day) - CHINA_UTC_OFFSET / 24


# The Chinese calendar, as module functions (the API the rules and tests use).
winter_solstice = CHINA.winter_solstice
sui = CHINA.sui
months_touching = CHINA.months_touching
to_dates = CHINA.to_dates
dates_with_certainty = CHINA.dates_with_certainty
new_year = CHINA.new_year
solar_term_date = CHINA.solar_term_date


#: The 24 solar terms (jieqi) by pinyin name -> apparent solar longitude.
SOLAR_TERMS: dict[str, int] = {
    "chunfen": 0,
    "qingming": 15,
    "guyu": 30,
    "lixia": 45,
    "xiaoman": 60,
    "mangzhong": 75,
    "xiazhi": 90,
    "xiaoshu": 105,
    "dashu": 120,
    "liqiu": 135,
    "chushu": 150,
    "bailu": 165,
    "qiufen": 180,
    "hanlu": 195,
    "shuangjiang": 210,
    "lidong": 225,
    "xiaoxue": 240,
    "daxue": 255,
    "dongzhi": 270,
    "xiaohan": 285,
    "dahan": 300,
    "lichun": 315,
    "yushui": 330,
    "jingzhe": 345,
}
