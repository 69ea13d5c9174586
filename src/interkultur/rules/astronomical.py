"""Anchors computed from the sky: Solar Hijri, Badí', Chinese, Hindu dates and moon phases.

Registered into the grammar on import (``rules.grammar`` imports this module):

    persian 1 farvardin             Solar Hijri date (Nowruz)
    bahai 13 jalal                  Badí' date (Ridván 1); months: baha ... mulk, ayyam-i-ha, ala
    bahai birth of the bab          Twin Holy Birthdays (first and second day)
    bahai birth of bahaullah
    chinese 08-15                   Chinese lunisolar month-day (Mid-Autumn)
    solar term qingming             Beijing date of a solar term (by name or degrees: solar term 15)
    hindu ashvin amavasya at pradosh
                                    tithi (shukla 1-14, purnima, krishna 1-14, amavasya) of a
                                    regular amanta month, kept on the day whose moment (sunrise,
                                    morning, aparahna, pradosh, holika dahan) holds it
    hindu ashvin shukla 10 at aparahna with shravana
                                    the same, with a nakshatra preference (Vijayadashami)
    hindu makara sankranti          day of the Sun's sidereal (Lahiri) entry into a rashi at
                                    New Delhi, the next day when it falls after sunset
    full moon on or after 05-01     first full (or new) moon from a date, German civil time

Each anchor calls one module of ``interkultur.calendars``; the astronomy is
there, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from ..calendars import astronomy, bahai, chinese, hindu, persian
from .anchors import _month_day, register
from .base import CalendarDay, Context, Rule, RuleSyntaxError, Start


def _known(names: dict[str, int]) -> str:
    return ", ".join(sorted(names, key=names.__getitem__))


# -- Solar Hijri -----------------------------------------------------------------------
@dataclass(frozen=True, repr=False)
class PersianDate(CalendarDay):
    """``persian D Month``: a day of the Solar Hijri calendar (``persian 1 farvardin`` = Nowruz)."""

    day: int
    month: int
    text: str = ""

    def calendar_years(self, year: int) -> tuple[int, int]:
        return persian.years_touching(year)

    def day_in(self, persian_year: int, ctx: Context) -> Start | None:
        if self.day > persian.month_length(persian_year, self.month):
            return None
        return Start(persian.to_date(persian_year, self.month, self.day))


@register(r"persian (\d{1,2}) ([a-z]+)")
def _persian(m: re.Match[str]) -> Rule:
    day, name = int(m[1]), m[2]
    if name not in persian.MONTHS:
        raise RuleSyntaxError(f"unknown Persian month {name!r} (known: {_known(persian.MONTHS)})")
    if not 1 <= day <= (31 if persian.MONTHS[name] <= 6 else 30):
        raise RuleSyntaxError(f"day {day} does not exist in Persian month {name!r}")
    return PersianDate(day, persian.MONTHS[name], text=m[0])


# -- Badí' -----------------------------------------------------------------------------
#: Before 2015 the West kept the holy days on fixed Gregorian dates. Counted from a
#: Naw-Rúz on 21 March most of them are their Badí' dates, but two were Gregorian
#: anniversaries a day earlier: the Declaration of the Báb (8 ʿAẓamat, kept on
#: 23 May) and the Martyrdom of the Báb (17 Raḥmat, kept on 9 July).
_WESTERN_ANNIVERSARIES: dict[tuple[int, int], tuple[int, int]] = {(4, 8): (5, 23), (6, 17): (7, 9)}


@dataclass(frozen=True, repr=False)
class BahaiDate(CalendarDay):
    """``bahai D Month``: a day of the Badí' calendar (``bahai 1 baha`` = Naw-Rúz)."""

    day: int
    month: int
    text: str = ""

    def calendar_years(self, year: int) -> tuple[int, int]:
        return year - 1, year  # the years beginning at Naw-Rúz of those Gregorian years

    def day_in(self, badi_year: int, ctx: Context) -> Start | None:
        if badi_year < bahai.REFORM_YEAR and (self.month, self.day) in _WESTERN_ANNIVERSARIES:
            return Start(date(badi_year, *_WESTERN_ANNIVERSARIES[(self.month, self.day)]))
        if self.day > bahai.month_length(badi_year, self.month):
            return None
        return Start(bahai.to_date(badi_year, self.month, self.day))


@register(r"bahai (\d{1,2}) ([a-z-]+)")
def _bahai(m: re.Match[str]) -> Rule:
    day, name = int(m[1]), m[2]
    if name not in bahai.MONTHS:
        raise RuleSyntaxError(f"unknown Badí' month {name!r} (known: {_known(bahai.MONTHS)})")
    if not 1 <= day <= (5 if bahai.MONTHS[name] == bahai.AYYAM_I_HA else 19):
        raise RuleSyntaxError(f"day {day} does not exist in Badí' month {name!r}")
    return BahaiDate(day, bahai.MONTHS[name], text=m[0])


@dataclass(frozen=True, repr=False)
class TwinHolyBirthday(Rule):
    """``bahai birth of the bab`` / ``bahai birth of bahaullah``.

    The eighth new moon is counted from the end of the day of Naw-Rúz (a new
    moon on Naw-Rúz itself does not count; see ``calendars.bahai``).
    ``estimated`` where moving the equinox and the new moons five minutes
    against the Tehran sunsets would move the dates (no year of 2015-2100).
    """

    second: bool
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        day = bahai.twin_holy_birthdays(year)[int(self.second)]
        return [Start(day, bahai.twin_holy_birthdays_on_knife_edge(year))]


@register(r"bahai birth of (the bab|bahaullah)")
def _twin(m: re.Match[str]) -> Rule:
    return TwinHolyBirthday(m[1] == "bahaullah", text=m[0])


# -- Chinese ---------------------------------------------------------------------------
@dataclass(frozen=True, repr=False)
class ChineseDate(Rule):
    """``chinese MM-DD``: day DD of lunar month MM (not the leap month), Beijing time.

    ``estimated`` where the month's new moon falls within two minutes of
    Beijing midnight (2057: 23:59:50), which ephemerides may put on either day.
    """

    month: int
    day: int
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        return [Start(d, close) for d, close in chinese.dates_with_certainty(year, self.month, self.day)]


@register(r"chinese (\d{2})-(\d{2})")
def _chinese(m: re.Match[str]) -> Rule:
    month, day = int(m[1]), int(m[2])
    if not 1 <= month <= 12 or not 1 <= day <= 30:
        raise RuleSyntaxError(f"chinese {m[1]}-{m[2]}: months run 01-12 and days 01-30")
    return ChineseDate(month, day, text=m[0])


@dataclass(frozen=True, repr=False)
class SolarTerm(Rule):
    """``solar term qingming`` or ``solar term 15``: Beijing date the Sun reaches that longitude."""

    longitude: int
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        return [Start(chinese.solar_term_date(year, self.longitude))]


@register(r"solar term ([a-z]+|\d{1,3})")
def _solar_term(m: re.Match[str]) -> Rule:
    value = m[1]
    if value.isdigit():
        longitude = int(value)
        if longitude % 15 or longitude >= 360:
            raise RuleSyntaxError(f"solar term {value}: use a multiple of 15 below 360 degrees")
    elif value in chinese.SOLAR_TERMS:
        longitude = chinese.SOLAR_TERMS[value]
    else:
        raise RuleSyntaxError(f"unknown solar term {value!r} (known: {_known(chinese.SOLAR_TERMS)})")
    return SolarTerm(longitude, text=m[0])


# -- Hindu -----------------------------------------------------------------------------
@dataclass(frozen=True, repr=False)
class HinduDate(Rule):
    """``hindu MONTH TITHI at MOMENT [with NAKSHATRA]``: a tithi of a regular amanta month at New Delhi.

    The day is decided by ``hindu.observance_day`` (one rule for every
    moment). ``estimated`` is set where panchangas of different conventions
    can name different days: the tithi meets the moment on two days or on
    none (for ``sunrise``: two sunrises or none, where e.g. the SGPC announces
    Guru Nanak Gurpurab rather than a rule deciding it), within minutes of
    an edge, or the nakshatra moved the day.
    """

    month: int
    tithi: int
    moment: str
    nakshatra: int | None = None
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        found = hindu.feast_dates(year, self.month, self.tithi, self.moment, self.nakshatra)
        return [Start(d, disputed) for d, disputed in found]


_TITHI = "|".join(sorted(hindu.TITHIS, key=len, reverse=True))
_MOMENT = "|".join(hindu.MOMENTS)


@register(rf"hindu ([a-z]+) ({_TITHI}) at ({_MOMENT})(?: with ([a-z ]+?))?")
def _hindu(m: re.Match[str]) -> Rule:
    if m[1] not in hindu.MONTHS:
        raise RuleSyntaxError(f"unknown Hindu (amanta) month {m[1]!r} (known: {_known(hindu.MONTHS)})")
    if m[4] is not None and m[4] not in hindu.NAKSHATRAS:
        raise RuleSyntaxError(f"unknown nakshatra {m[4]!r} (known: {_known(hindu.NAKSHATRAS)})")
    nakshatra = hindu.NAKSHATRAS[m[4]] if m[4] is not None else None
    return HinduDate(hindu.MONTHS[m[1]], hindu.TITHIS[m[2]], m[3], nakshatra, text=m[0])


@dataclass(frozen=True, repr=False)
class HinduSankranti(Rule):
    """``hindu RASHI sankranti``: the day of the Sun's sidereal entry into a sign (Makar Sankranti).

    Decided by ``hindu.sankranti_day``; ``estimated`` where the ingress is
    within minutes of sunset, so panchangas may name the next day.
    """

    rashi: int
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        day, disputed = hindu.sankranti_day(year, self.rashi)
        return [Start(day, disputed)] if day.year == year else []


@register(r"hindu ([a-z]+) sankranti")
def _sankranti(m: re.Match[str]) -> Rule:
    if m[1] not in hindu.RASHIS:
        raise RuleSyntaxError(f"unknown rashi {m[1]!r} (known: {_known(hindu.RASHIS)})")
    return HinduSankranti(hindu.RASHIS[m[1]], text=m[0])


# -- moon phases -----------------------------------------------------------------------
#: Moon-phase dates are civil dates in Germany, where the calendar is read.
GERMANY = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True, repr=False)
class MoonPhase(Rule):
    """``full moon on or after MM-DD`` / ``new moon on or after MM-DD`` (German civil date)."""

    full: bool
    month: int
    day: int
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        kind = astronomy.FULL_MOON if self.full else astronomy.NEW_MOON
        first = date(year, self.month, self.day)
        begin = astronomy.at_midnight(first) - 3 / 24  # German civil time is at most UTC+2
        for t, _ in astronomy.events_between(kind, begin, begin + 33):
            d = astronomy.to_datetime(t).replace(tzinfo=ZoneInfo("UTC")).astimezone(GERMANY).date()
            if d >= first:
                return [Start(d)] if d.year == year else []
        return []


@register(r"(full|new) moon on or after (\d{2})-(\d{2})")
def _moon(m: re.Match[str]) -> Rule:
    return MoonPhase(m[1] == "full", *_month_day(int(m[2]), int(m[3])), text=m[0])
