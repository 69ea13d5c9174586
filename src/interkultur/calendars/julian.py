"""The Julian calendar, as used by Orthodox churches, Yazidis and Roma feasts."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from convertdate import julian as _julian

from .daynumber import date_from_jd, jd_from_date


@lru_cache(maxsize=16384)
def to_date(year: int, month: int, day: int) -> date:
    """Gregorian date of a Julian calendar date (Julian 25 Dec 2024 -> 7 Jan 2025)."""
    return date_from_jd(_julian.to_jd(year, month, day))


def from_date(d: date) -> tuple[int, int, int]:
    """Julian (year, month, day) of a Gregorian date."""
    year, month, day = _julian.from_jd(jd_from_date(d))
    return int(year), int(month), int(day)
