"""The Shahanshahi calendar of the Parsi (Zoroastrian) community.

Twelve months of 30 days (Farvardin ... Aspandard) and the five Gatha days at
the end of the year: 365 days in every year, with no leap day, so its New Year
(Navroz, 1 Farvardin) moves one day earlier against the Gregorian calendar
every four years (15 August 2024 – 2027, 14 August 2028 – 2031).

Epoch: 1 Farvardin 1394 Y.Z. (Yazdegerdi era) = 15 August 2024, the Parsi New
Year of the Government of India's holiday list for 2024 ("Parsi New Year's Day
/ Nauraj", Ministry of Personnel, Public Grievances and Pensions, O.M.
12/5/2023-JCA-2) and of the Zoroastrian Association of North America's
calendar. Every other day follows by counting 365-day years; there is no
calendar conversion in a library to delegate to.

The Kadmi reckoning is 30 days earlier and the Fasli (Bastani) one fixes
Navroz on 21 March; the catalogue keeps Jamshedi Navroz as the Gregorian
21 March instead.
"""

from __future__ import annotations

from datetime import date, timedelta

MONTHS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        (
            "farvardin",
            "ardibehesht",
            "khordad",
            "tir",
            "amardad",
            "shehrevar",
            "meher",
            "avan",
            "adar",
            "dae",
            "bahman",
            "aspandard",
            "gatha",
        ),
        start=1,
    )
}
#: The five Gatha days form a thirteenth "month" after Aspandard.
GATHA = 13
YEAR_DAYS = 365
EPOCH_YEAR = 1394
EPOCH = date(2024, 8, 15)


def month_length(month: int) -> int:
    """30 days, or 5 for the Gatha days."""
    return 5 if month == GATHA else 30


def navroz(year: int) -> date:
    """1 Farvardin of Yazdegerdi year ``year``."""
    return EPOCH + timedelta(days=(year - EPOCH_YEAR) * YEAR_DAYS)


def to_date(year: int, month: int, day: int) -> date:
    """Gregorian date of ``day`` ``month`` ``year`` Y.Z. (month 13: the Gatha days)."""
    if not 1 <= month <= GATHA or not 1 <= day <= month_length(month):
        raise ValueError(f"no day {day} in Shahanshahi month {month}")
    return navroz(year) + timedelta(days=(month - 1) * 30 + day - 1)


def from_date(day: date) -> tuple[int, int, int]:
    """(year Y.Z., month, day) of a Gregorian date."""
    years, rest = divmod((day - EPOCH).days, YEAR_DAYS)
    month, day_of_month = divmod(rest, 30)
    return EPOCH_YEAR + years, month + 1, day_of_month + 1


def years_touching(gregorian_year: int) -> tuple[int, ...]:
    """The Yazdegerdi years with days in ``gregorian_year``, in order."""
    first = from_date(date(gregorian_year, 1, 1))[0]
    last = from_date(date(gregorian_year, 12, 31))[0]
    return tuple(range(first, last + 1))
