"""The Badí' (Bahá'í) calendar: 19 months of 19 days, Ayyám-i-Há, and ʻAláʼ.

Two eras (Universal House of Justice, message of 10 July 2014):

* before 2015 (172 B.E.) Bahá'ís in the West began the year on 21 March, so
  the holy days fell on fixed Gregorian dates; the Twin Holy Birthdays were
  kept on their Gregorian anniversaries, 20 October and 12 November;
* from 2015 Naw-Rúz is the day, reckoned from sunset to sunset in Tehran,
  that holds the March equinox, and the Twin Holy Birthdays are "the first and
  the second day following the occurrence of the eighth new moon after
  Naw-Rúz, as determined in advance by astronomical tables using Ṭihrán as
  the point of reference".

"After Naw-Rúz" means after the day of Naw-Rúz has ended: a new moon that
falls within the Badí' day of Naw-Rúz itself is not counted. That is how the
Bahá'í World Centre's table "Badíʿ dates 172 to 221 BE" (2015-2064) reads in
the two years that decide it, 2034 and 2053 (Twin Holy Birthdays on
12/13 November 2034 and 11/12 November 2053, not a month earlier).

convertdate.bahai implements the Tehran rule too, but with PyMeeus' coarse
sunset and a hand-made exception for 2059; this module uses ephem's equinox
and sunset, which reproduce the Bahá'í World Centre's table without exceptions.
Dates are named by their daytime part; each Bahá'í day begins at the sunset
before it.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from . import astronomy
from .astronomy import TEHRAN

#: First Gregorian year of the unified (Tehran) calendar: Naw-Rúz 172 B.E.
REFORM_YEAR = 2015
#: Gregorian year Y holds Naw-Rúz of Bahá'í year Y - 1843.
YEAR_OFFSET = 1843
AYYAM_I_HA, ALA = 0, 19

#: Month name -> number; Ayyám-i-Há (the intercalary days) is 0, ʻAláʼ (the fast) 19.
MONTHS: dict[str, int] = {
    "baha": 1,
    "jalal": 2,
    "jamal": 3,
    "azamat": 4,
    "nur": 5,
    "rahmat": 6,
    "kalimat": 7,
    "kamal": 8,
    "asma": 9,
    "izzat": 10,
    "mashiyyat": 11,
    "ilm": 12,
    "qudrat": 13,
    "qawl": 14,
    "masail": 15,
    "sharaf": 16,
    "sultan": 17,
    "mulk": 18,
    "ayyam-i-ha": AYYAM_I_HA,
    "ala": ALA,
}


@lru_cache(maxsize=512)
def nawruz(gregorian_year: int) -> date:
    """Naw-Rúz (1 Bahá) in ``gregorian_year`` (daytime date; it begins the evening before)."""
    if gregorian_year < REFORM_YEAR:
        return date(gregorian_year, 3, 21)
    return astronomy.sunset_day(TEHRAN, astronomy.march_equinox(gregorian_year))


def year_length(gregorian_year: int) -> int:
    """Days from Naw-Rúz in ``gregorian_year`` to the next Naw-Rúz."""
    return (nawruz(gregorian_year + 1) - nawruz(gregorian_year)).days


def month_length(gregorian_year: int, month: int) -> int:
    """19, or 4-5 for Ayyám-i-Há (whatever the year leaves over)."""
    return year_length(gregorian_year) - 19 * 19 if month == AYYAM_I_HA else 19


def to_date(gregorian_year: int, month: int, day: int) -> date:
    """Gregorian date of Badí' (month, day) in the year that begins in ``gregorian_year``."""
    if month == ALA:  # counted back from the next Naw-Rúz: the 19 days of the Fast
        return nawruz(gregorian_year + 1) - timedelta(days=20 - day)
    offset = 18 * 19 if month == AYYAM_I_HA else (month - 1) * 19
    return nawruz(gregorian_year) + timedelta(days=offset + day - 1)


#: How far (in days) an equinox or a new moon may move against the Tehran sunsets
#: before a date counts as a knife edge: five minutes. Delta T (TT - UT) in 2100 is a
#: prediction: ephem extrapolates 225 s, Espenak and Meeus' polynomial 203 s, the near-flat
#: trend of the 2020s (about 69 s) far less, a spread of about two minutes; sunset models
#: and Tehran coordinates differ by about a minute more. (badiDate's uncertainty table,
#: res/uncertainties.ts, flags 3 sigma of Delta T plus a minute: 3.4 minutes by 2100.)
KNIFE_EDGE = 5 / 1440


@lru_cache(maxsize=512)
def twin_holy_birthdays(gregorian_year: int) -> tuple[date, date]:
    """(Birth of the Báb, Birth of Bahá'u'lláh) in ``gregorian_year``.

    From 2015: count the conjunctions after the sunset in Tehran that ends the
    day of Naw-Rúz (one within Naw-Rúz does not count), take the Tehran
    sunset-to-sunset day that holds the eighth, and return the first and the
    second day after that day.
    """
    if gregorian_year < REFORM_YEAR:
        return date(gregorian_year, 10, 20), date(gregorian_year, 11, 12)
    day = _eighth_new_moon_day(gregorian_year)
    return day + timedelta(days=1), day + timedelta(days=2)


@lru_cache(maxsize=512)
def twin_holy_birthdays_on_knife_edge(gregorian_year: int, tolerance: float = KNIFE_EDGE) -> bool:
    """Whether moving the Sun and the Moon ``tolerance`` days against Tehran's sunsets moves the dates.

    All sky instants (equinox and new moons) are shifted together, as an error
    in Delta T or in the sunset model would shift them: earlier and later.
    This covers the three comparisons the dates hang on: equinox against
    sunset (which day is Naw-Rúz), a new moon against the sunset ending Naw-Rúz
    (is it counted), and the eighth new moon against sunset (which day holds
    it). None of 2015-2100 is within five minutes; the closest, 2027 (eighth
    new moon six minutes before sunset), is settled by the World Centre's table.
    """
    if gregorian_year < REFORM_YEAR:
        return False
    day = _eighth_new_moon_day(gregorian_year)
    return any(_eighth_new_moon_day(gregorian_year, shift) != day for shift in (-tolerance, tolerance))


def _eighth_new_moon_day(gregorian_year: int, shift: float = 0.0) -> date:
    """Tehran day holding the eighth new moon after the day of Naw-Rúz, sky instants moved by ``shift``."""
    nawruz_day = astronomy.sunset_day(TEHRAN, astronomy.march_equinox(gregorian_year) + shift)
    counted_from = astronomy.sunset(TEHRAN, nawruz_day) - shift  # a moon counts if moon + shift is later
    moons = astronomy.new_moons_between(counted_from, counted_from + 8 * astronomy.SYNODIC_MONTH + 5)
    return astronomy.sunset_day(TEHRAN, moons[7] + shift)


def new_moon_on_nawruz(gregorian_year: int) -> bool:
    """Whether a new moon falls within the day of Naw-Rúz itself (2034, 2053, 2072, 2091 in 2015-2100).

    Such a moon is not one of the eight counted "after Naw-Rúz" (the World
    Centre's dates for 2034 and 2053 show it), so in these years the Twin
    Holy Birthdays come a lunation later than a count from the start of
    Naw-Rúz would give. Kept to name the years that tell the readings apart.
    """
    if gregorian_year < REFORM_YEAR:
        return False
    begins, ends = _nawruz_span(gregorian_year)
    return bool(astronomy.new_moons_between(begins, ends))


def _nawruz_span(gregorian_year: int) -> tuple[float, float]:
    """Instants of the sunsets that begin and end the day of Naw-Rúz in Tehran."""
    day = nawruz(gregorian_year)
    return astronomy.sunset(TEHRAN, day - timedelta(days=1)), astronomy.sunset(TEHRAN, day)
