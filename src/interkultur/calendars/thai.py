"""The Thai lunar calendar's Buddhist full-moon days, from python-holidays.

Thailand's lunar calendar is arithmetical but its year types (normal,
athikawan with a day added to month 7, athikamat with a second month 8) follow
the Thai almanac, which python-holidays tabulates for 1914–2157 and checks
against the dates the Thai government publishes. Rather than transcribing that
almanac again, this module asks python-holidays' Thai lunisolar calendar; it is
a private class of that library (``holidays.calendars.thai._ThaiLunisolar``),
so a release without it, or a year outside its table, answers ``None`` and the
rule falls back to an estimate.

Magha Puja (Makha Bucha) is the full moon (15th waxing day) of month 3, of
month 4 in athikamat years; Asalha Puja (Asarnha Bucha) the full moon of
month 8, of the second month 8 in athikamat years.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

#: The feasts this module knows, by rule word, and the python-holidays method giving each.
FEASTS: dict[str, str] = {
    "makha bucha": "makha_bucha_date",
    "visakha bucha": "visakha_bucha_date",
    "asarnha bucha": "asarnha_bucha_date",
    "khao phansa": "khao_phansa_date",
    "ok phansa": "ok_phansa_date",
}


@cache
def _calendar() -> Any | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from holidays.calendars.thai import _ThaiLunisolar
        except ImportError:  # pragma: no cover - depends on the installed release
            return None
    return _ThaiLunisolar()


def feast_date(feast: str, year: int) -> date | None:
    """The day of ``feast`` (a key of ``FEASTS``) in Gregorian ``year`` by the Thai calendar,
    or None where the tabulated years (1914–2157) or the library do not reach."""
    calendar = _calendar()
    if calendar is None:
        return None
    method: Callable[[int], date | None] | None = getattr(calendar, FEASTS[feast], None)
    if method is None:  # pragma: no cover - depends on the installed release
        return None
    try:
        return method(year)
    except (ValueError, TypeError):  # pragma: no cover - defensive: a changed signature
        return None
