"""The Hebrew calendar (molad and dehiyyot arithmetic from convertdate).

Months are named as in the catalogue (``Tishrei``, ``Adar II`` ...). A rule that
names plain ``Adar`` means Adar in a common year and Adar II in a leap year,
which is where Purim and the other Adar feasts fall (Hebcal does the same).
"""

from __future__ import annotations

import warnings
from datetime import date, timedelta
from functools import lru_cache

from convertdate import hebrew as _hebrew

# convertdate.hebrew.to_jd calls its own deprecated month_days(); the warning is
# about convertdate's internals, not about our use of it.
warnings.filterwarnings(
    "ignore", message="month_days is deprecated", category=DeprecationWarning
)

#: Offset between Gregorian year Y and the Hebrew year that begins in its autumn.
YEAR_OFFSET = 3761

#: Catalogue month name -> convertdate month number (Nisan = 1, Adar II = 13).
MONTHS: dict[str, int] = {
    "nisan": 1, "iyyar": 2, "iyar": 2, "sivan": 3, "tammuz": 4, "tamuz": 4,
    "av": 5, "elul": 6, "tishrei": 7, "tishri": 7, "cheshvan": 8, "heshvan": 8,
    "marcheshvan": 8, "kislev": 9, "tevet": 10, "teveth": 10, "shevat": 11,
    "shvat": 11, "adar": 12, "adar i": 12, "adar ii": 13,
}

#: Months with a fixed length, so "30 <month>" can be rejected at load time.
MAX_DAY = {1: 30, 2: 29, 3: 30, 4: 29, 5: 30, 6: 29, 7: 30, 8: 30, 9: 30,
           10: 29, 11: 30, 12: 30, 13: 29}

ADAR, ADAR_II = 12, 13


@lru_cache(maxsize=1024)
def is_leap(hebrew_year: int) -> bool:
    """A leap year has 13 months (Adar I and Adar II)."""
    return bool(_hebrew.leap(hebrew_year))


def resolve_month(hebrew_year: int, name: str) -> int:
    """convertdate month number of a catalogue month name in ``hebrew_year``.

    ``Adar`` -> Adar II in leap years; ``Adar II`` in a common year -> Adar.
    """
    key = name.lower()
    month = MONTHS[key]
    leap = is_leap(hebrew_year)
    if key == "adar" and leap:
        return ADAR_II
    if month == ADAR_II and not leap:
        return ADAR
    return month


@lru_cache(maxsize=8192)
def _month_start(hebrew_year: int, month: int) -> date:
    return date(*_hebrew.to_gregorian(hebrew_year, month, 1))


def to_date(hebrew_year: int, month: int, day: int) -> date:
    """Gregorian date of a Hebrew date; the date begins at the preceding sunset.

    Month starts are cached: convertdate recomputes the year's molad for every
    call, and a 200-year feed asks for the same months many times.
    """
    return _month_start(hebrew_year, month) + timedelta(days=day - 1)


def from_date(d: date) -> tuple[int, int, int]:
    """Hebrew (year, month, day) of the daytime of a Gregorian date."""
    return _hebrew.from_gregorian(d.year, d.month, d.day)


@lru_cache(maxsize=8192)
def month_length(hebrew_year: int, month: int) -> int:
    """Days in a Hebrew month (Cheshvan and Kislev vary with the year)."""
    return _hebrew.month_length(hebrew_year, month)


def years_touching(gregorian_year: int) -> tuple[int, int]:
    """The two Hebrew years that have days in a Gregorian year."""
    return gregorian_year + YEAR_OFFSET - 1, gregorian_year + YEAR_OFFSET
