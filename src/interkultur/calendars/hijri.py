"""The Islamic (Hijri) calendar, one class per observance profile.

A profile answers three questions the rules need: on which Gregorian date does
Hijri day (year, month, day) fall, how long is that month, and is the answer an
estimate. Profiles:

* ``umm-al-qura`` -- hijridate's Umm al-Qura table (1343-1500 AH), tabular outside;
* ``diyanet`` -- Turkey's Presidency of Religious Affairs: announced dates, else
  month starts computed with its crescent criterion (``calendars.diyanet``);
* ``tabular`` -- the arithmetical calendar (convertdate), always estimated;
* ``sighting`` -- one day after the deployment's base profile
  (``$INTERKULTUR_SIGHTING_BASE``, default ``umm-al-qura``), always estimated.

The arithmetic is hijridate's, convertdate's and the Diyanet tables'; nothing
here converts by hand.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Protocol, cast

from convertdate import islamic as _tabular
from hijridate import Gregorian, Hijri
from hijridate.ummalqura import HIJRI_RANGE

from ..records import record
from . import diyanet
from .daynumber import date_from_jd, jd_from_date

#: Catalogue month name -> month number (1 = Muharram). Apostrophes, hyphens
#: and the usual transliterations are folded before lookup (see ``month_key``).
MONTHS: dict[str, int] = {
    "muharram": 1,
    "safar": 2,
    "rabi al-awwal": 3,
    "rabi i": 3,
    "rabi al-thani": 4,
    "rabi al-akhir": 4,
    "rabi ii": 4,
    "jumada al-ula": 5,
    "jumada al-awwal": 5,
    "jumada i": 5,
    "jumada al-akhira": 6,
    "jumada al-thani": 6,
    "jumada ii": 6,
    "rajab": 7,
    "shaban": 8,
    "ramadan": 9,
    "shawwal": 10,
    "dhu al-qadah": 11,
    "dhu al-qidah": 11,
    "dhu al-hijjah": 12,
    "dhu al-hijja": 12,
}


def month_key(name: str) -> str:
    """Fold a month name for lookup: ``Dhu al-Qa'dah`` -> ``dhu al-qadah``."""
    folded = name.lower().replace("\u2019", "").replace("'", "").replace("\u02bf", "")
    return " ".join(folded.split())


class HijriCalendar(Protocol):
    """What a rule needs from an Islamic observance profile."""

    @property
    def name(self) -> str:
        """The profile's public name (read-only: the profiles are frozen records)."""

    def to_date(self, year: int, month: int, day: int) -> tuple[date, bool]:
        """Gregorian daytime date of a Hijri date and whether it is estimated."""

    def month_length(self, year: int, month: int) -> int:
        """Days in the Hijri month (29 or 30) under this profile."""

    def from_date(self, d: date) -> tuple[int, int, int]:
        """Hijri (year, month, day) of a Gregorian daytime date."""


#: Days by which a profile's month start may differ from the tabular calendar's.
#: Umm al-Qura, Diyanet and a sighting one day later stay within three days of it
#: in 1900-2100 (``tests/core/test_crosscheck.py`` checks the bound).
PROFILE_DRIFT_DAYS = 5


@lru_cache(maxsize=512)
def years_touching(gregorian_year: int) -> range:
    """Hijri years that may have days in a Gregorian year under any profile.

    The tabular years of 1 January and 31 December, widened by
    ``PROFILE_DRIFT_DAYS`` at both ends: two Hijri years, or three when one
    begins within a few days of New Year. Every rule asks this for every year,
    so a looser superset would double the work of all Hijri feasts.
    """
    first = _tabular.from_jd(jd_from_date(date(gregorian_year, 1, 1)) - PROFILE_DRIFT_DAYS)[0]
    last = _tabular.from_jd(jd_from_date(date(gregorian_year, 12, 31)) + PROFILE_DRIFT_DAYS)[0]
    return range(first, last + 1)


@lru_cache(maxsize=4096)
def _tabular_month_start(year: int, month: int) -> date:
    return date_from_jd(_tabular.to_jd(year, month, 1))


@record
class Tabular:
    """The arithmetical (tabular) calendar: 30-year cycle, civil epoch.

    Deterministic, but only an approximation of any authority's dates, so
    every date it gives is flagged ``estimated``.
    """

    name: str = "tabular"

    def to_date(self, year: int, month: int, day: int) -> tuple[date, bool]:
        return _tabular_month_start(year, month) + timedelta(days=day - 1), True

    def month_length(self, year: int, month: int) -> int:
        return cast(int, _tabular.month_length(year, month))

    def from_date(self, d: date) -> tuple[int, int, int]:
        return cast(tuple[int, int, int], _tabular.from_jd(jd_from_date(d)))


@lru_cache(maxsize=4096)
def _uq_month_start(year: int, month: int) -> date:
    g = Hijri(year, month, 1).to_gregorian()
    return date(g.year, g.month, g.day)


@lru_cache(maxsize=4096)
def _uq_month_length(year: int, month: int) -> int:
    return Hijri(year, month, 1).month_length()


@record
class UmmAlQura:
    """Saudi Arabia's Umm al-Qura calendar (hijridate's published table).

    The table spans 1343-1500 AH (1924-08-01 .. 2077-11-16); outside it the
    tabular calendar stands in and its dates are flagged ``estimated``.
    """

    name: str = "umm-al-qura"

    @staticmethod
    def covers(year: int) -> bool:
        return HIJRI_RANGE[0][0] <= year <= HIJRI_RANGE[1][0]

    def to_date(self, year: int, month: int, day: int) -> tuple[date, bool]:
        if not self.covers(year):
            return Tabular().to_date(year, month, day)
        return _uq_month_start(year, month) + timedelta(days=day - 1), False

    def month_length(self, year: int, month: int) -> int:
        if self.covers(year):
            return _uq_month_length(year, month)
        # Outside the table a tabular month runs until the next month of this calendar
        # begins: where the two meet, Dhu al-Hijjah 1342 ends on 31 Jul 1924 (28 days),
        # because the table starts 1 Muharram 1343 on 1 Aug 1924.
        following = (year + 1, 1) if month == 12 else (year, month + 1)
        return (self.to_date(*following, 1)[0] - self.to_date(year, month, 1)[0]).days

    def from_date(self, d: date) -> tuple[int, int, int]:
        try:
            return Gregorian.fromdate(d).to_hijri().datetuple()
        except OverflowError:
            return Tabular().from_date(d)


@record
class Sighting:
    """A community that waits for a local sighting: one day after a base profile.

    Communities that begin the month only once the crescent has been seen
    locally are, in Germany, usually one day behind the calculated calendars.
    Always ``estimated``: nobody knows the sighting in advance.
    """

    base: HijriCalendar
    name: str = "sighting"

    def to_date(self, year: int, month: int, day: int) -> tuple[date, bool]:
        d, _ = self.base.to_date(year, month, day)
        return d + timedelta(days=1), True

    def month_length(self, year: int, month: int) -> int:
        return self.base.month_length(year, month)

    def from_date(self, d: date) -> tuple[int, int, int]:
        return self.base.from_date(d - timedelta(days=1))


def _uq_start(year: int, month: int) -> date:
    return UmmAlQura().to_date(year, month, 1)[0]


@record
class Diyanet:
    """Turkey's Presidency of Religious Affairs, followed by DITIB and most Turkish mosques.

    Announced dates where Diyanet published them, else month starts computed
    with its crescent criterion (``calendars.diyanet``); before 1400 AH, where
    nothing was announced, Umm al-Qura stands in. Only announced months are
    not ``estimated``.
    """

    name: str = "diyanet"

    def _table(self) -> diyanet.MonthTable:
        return diyanet.table(_uq_start)

    def to_date(self, year: int, month: int, day: int) -> tuple[date, bool]:
        if not diyanet.covers(year):
            return Tabular().to_date(year, month, day)
        start, estimated = diyanet.month_start(self._table(), year, month)
        return start + timedelta(days=day - 1), estimated

    def month_length(self, year: int, month: int) -> int:
        if not diyanet.covers(year):
            return Tabular().month_length(year, month)
        return diyanet.month_length(self._table(), year, month)

    def from_date(self, d: date) -> tuple[int, int, int]:
        try:
            return diyanet.from_date(self._table(), d)
        except ValueError:
            return Tabular().from_date(d)


#: Environment variable naming the profile that ``sighting`` shifts by a day (read by
#: ``web.config`` and the CLI's ``main``, never here: this module reads no environment).
SIGHTING_BASE_VARIABLE = "INTERKULTUR_SIGHTING_BASE"
DEFAULT_SIGHTING_BASE = "umm-al-qura"


def profiles(sighting_base: str | None = None) -> dict[str, HijriCalendar]:
    """Every Islamic observance profile by its public name.

    ``sighting`` is one day after the deployment's base profile ``sighting_base``
    (default ``umm-al-qura``); the caller passes its configuration in.
    """
    computed: dict[str, HijriCalendar] = {"umm-al-qura": UmmAlQura(), "diyanet": Diyanet(), "tabular": Tabular()}
    base = sighting_base or DEFAULT_SIGHTING_BASE
    if base not in computed:
        raise ValueError(
            f"{SIGHTING_BASE_VARIABLE}={base!r} is not a profile a sighting can follow (allowed: {', '.join(computed)})"
        )
    return {**computed, "sighting": Sighting(base=computed[base])}


#: The profiles with the default sighting base (names and the catalogue check use it).
PROFILES: dict[str, HijriCalendar] = profiles()
DEFAULT_PROFILE = "umm-al-qura"
