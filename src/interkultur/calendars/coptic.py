"""The Coptic (Alexandrian) calendar: 12 months of 30 days plus the epagomenal days."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from convertdate import coptic as _coptic

from .daynumber import date_from_jd

#: Catalogue month name -> month number (Thout = 1 ... Pi Kogi Enavot = 13).
MONTHS: dict[str, int] = {name.lower(): i for i, name in enumerate(_coptic.MONTHS, start=1)}
MONTHS.update({"tout": 1, "babah": 2, "hatour": 3, "kiahk": 4, "toba": 5, "nasie": 13})

#: Gregorian year Y contains Coptic years Y - 284 (from about 11 September) and Y - 283.
YEAR_OFFSET = 284


@lru_cache(maxsize=4096)
def to_date(year: int, month: int, day: int) -> date:
    return date_from_jd(_coptic.to_jd(year, month, day))


def month_length(year: int, month: int) -> int:
    return 30 if month < 13 else (6 if _coptic.is_leap(year) else 5)


def years_touching(gregorian_year: int) -> tuple[int, int]:
    return gregorian_year - YEAR_OFFSET, gregorian_year - YEAR_OFFSET + 1
