"""Computus: Western (Gregorian) and Orthodox (Julian) Easter Sunday."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from convertdate import holidays as _holidays


@lru_cache(maxsize=512)
def western(year: int) -> date:
    """Western Easter Sunday (Gregorian computus)."""
    return date(*_holidays.easter(year))


@lru_cache(maxsize=512)
def orthodox(year: int) -> date:
    """Orthodox Easter Sunday: Julian computus, expressed as a Gregorian date."""
    return date(*_holidays.easter(year, "orthodox"))
