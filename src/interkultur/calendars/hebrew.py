"""The Hebrew calendar (molad and dehiyyot arithmetic from convertdate).

Months are named as in the catalogue (``Tishrei``, ``Adar II`` ...). A rule that
names plain ``Adar`` means Adar in a common year and Adar II in a leap year,
which is where Purim and the other Adar feasts fall (Hebcal does the same).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from convertdate import hebrew as _hebrew

from .daynumber import date_from_jd

# convertdate's ``to_jd`` for a month before Tishrei (and so ``from_jd``) calls its
# own deprecated ``month_days()``. Only 1 Tishrei (no month walk) and
# ``month_length`` are asked of it here, so no warning arises and none is filtered.

#: Offset between Gregorian year Y and the Hebrew year that begins in its autumn.
YEAR_OFFSET = 3761

#: Catalogue month name -> convertdate month number (Nisan = 1, Adar II = 13).
MONTHS: dict[str, int] = {
    "nisan": 1,
    "iyyar": 2,
    "iyar": 2,
    "sivan": 3,
    "tammuz": 4,
    "tamuz": 4,
    "av": 5,
    "elul": 6,
    "tishrei": 7,
    "tishri": 7,
    "cheshvan": 8,
    "heshvan": 8,
    "marcheshvan": 8,
    "kislev": 9,
    "tevet": 10,
    "teveth": 10,
    "shevat": 11,
    "shvat": 11,
    "adar": 12,
    "adar i": 12,
    "adar ii": 13,
}

#: Months with a fixed length, so "30 <month>" can be rejected at load time.
MAX_DAY = {1: 30, 2: 29, 3: 30, 4: 29, 5: 30, 6: 29, 7: 30, 8: 30, 9: 30, 10: 29, 11: 30, 12: 30, 13: 29}

ADAR, ADAR_II = 12, 13
TISHREI = 7


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


@lru_cache(maxsize=1024)
def _months(hebrew_year: int) -> dict[int, tuple[date, int]]:
    """convertdate month number -> (first day, length) for every month of ``hebrew_year``.

    convertdate's ``to_jd`` recomputes the molad and walks the months before
    the asked one (each walk step recomputing the year length), so a 200-year
    range spent a seventh of its time there. Here convertdate is asked once per
    year for 1 Tishrei (no walk) and for each month's length; the months then
    follow each other: Tishrei .. Adar (II), Nisan .. Elul.
    """
    first = date_from_jd(_hebrew.to_jd(hebrew_year, TISHREI, 1))
    order = [*range(TISHREI, ADAR_II + 1 if is_leap(hebrew_year) else ADAR + 1), *range(1, TISHREI)]
    out: dict[int, tuple[date, int]] = {}
    for month in order:
        length = _hebrew.month_length(hebrew_year, month)
        out[month] = (first, length)
        first += timedelta(days=length)
    return out


def to_date(hebrew_year: int, month: int, day: int) -> date:
    """Gregorian date of a Hebrew date; the date begins at the preceding sunset."""
    return _months(hebrew_year)[month][0] + timedelta(days=day - 1)


def from_date(d: date) -> tuple[int, int, int]:
    """Hebrew (year, month, day) of the daytime of a Gregorian date.

    Found in the month table of ``_months`` (1 Tishrei and month lengths from
    convertdate), not by ``convertdate.hebrew.from_jd``, which warns.
    """
    hebrew_year = d.year + YEAR_OFFSET
    months = _months(hebrew_year)
    if d < months[TISHREI][0]:
        hebrew_year -= 1
        months = _months(hebrew_year)
    month, (first, _) = max(((m, v) for m, v in months.items() if v[0] <= d), key=lambda item: item[1][0])
    return hebrew_year, month, (d - first).days + 1


def month_length(hebrew_year: int, month: int) -> int:
    """Days in a Hebrew month (Cheshvan and Kislev vary with the year)."""
    return _months(hebrew_year)[month][1]


def years_touching(gregorian_year: int) -> tuple[int, int]:
    """The two Hebrew years that have days in a Gregorian year."""
    return gregorian_year + YEAR_OFFSET - 1, gregorian_year + YEAR_OFFSET
