"""Anchors: the calendar dates a rule starts from (``12-25``, ``hebrew 15 Nisan`` ...).

Each anchor class owns one regular expression of the grammar; ``ANCHORS`` is
the registry the parser walks. A new calendar adds one class here (or in a
module that calls ``register``) and nothing else changes.
"""

from __future__ import annotations

import calendar as _stdcal
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from ..calendars import coptic, easter, hebrew, hijri, julian
from .base import CalendarDay, Context, Rule, RuleSyntaxError, Start

AnchorFactory = Callable[[re.Match[str]], Rule]
ANCHORS: list[tuple[re.Pattern[str], AnchorFactory]] = []


def register(pattern: str) -> Callable[[AnchorFactory], AnchorFactory]:
    """Add an anchor form to the grammar; ``pattern`` matches the whole anchor text."""

    def wrap(factory: AnchorFactory) -> AnchorFactory:
        ANCHORS.append((re.compile(pattern + r"\Z"), factory))
        return factory

    return wrap


def _month_day(month: int, day: int) -> tuple[int, int]:
    if not 1 <= month <= 12:
        raise RuleSyntaxError(f"month {month} is not between 01 and 12")
    if not 1 <= day <= _stdcal.monthrange(2000, month)[1]:
        raise RuleSyntaxError(f"day {day} does not exist in month {month:02d}")
    return month, day


@dataclass(frozen=True, repr=False)
class Gregorian(Rule):
    """A fixed Gregorian day, ``MM-DD``; 29 February only in leap years."""

    month: int
    day: int
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        if self.month == 2 and self.day == 29 and not _stdcal.isleap(year):
            return []
        return [Start(date(year, self.month, self.day))]


@register(r"(\d{2})-(\d{2})")
def _gregorian(m: re.Match[str]) -> Rule:
    return Gregorian(*_month_day(int(m[1]), int(m[2])), text=m[0])


@dataclass(frozen=True, repr=False)
class Julian(CalendarDay):
    """A fixed Julian-calendar day, ``julian MM-DD``, as its Gregorian date."""

    month: int
    day: int
    text: str = ""

    def calendar_years(self, year: int) -> tuple[int, int]:
        return year - 1, year

    def day_in(self, julian_year: int, ctx: Context) -> Start | None:
        if self.month == 2 and self.day == 29 and julian_year % 4:
            return None  # no 29 February in that Julian year
        return Start(julian.to_date(julian_year, self.month, self.day))


@register(r"julian (\d{2})-(\d{2})")
def _julian(m: re.Match[str]) -> Rule:
    return Julian(*_month_day(int(m[1]), int(m[2])), text=m[0])


@dataclass(frozen=True, repr=False)
class Easter(Rule):
    """Easter Sunday: ``easter`` (Western) or ``orthodox`` (Julian computus)."""

    orthodox: bool
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        return [Start(easter.orthodox(year) if self.orthodox else easter.western(year))]


@register(r"easter")
def _easter(m: re.Match[str]) -> Rule:
    return Easter(False, text=m[0])


@register(r"orthodox(?: easter)?")
def _orthodox(m: re.Match[str]) -> Rule:
    return Easter(True, text=m[0])


@dataclass(frozen=True, repr=False)
class HebrewDate(CalendarDay):
    """``hebrew D Month``: a day of the Hebrew calendar (``Adar`` = Adar II in leap years)."""

    day: int
    month_name: str
    text: str = ""

    def calendar_years(self, year: int) -> tuple[int, int]:
        return hebrew.years_touching(year)

    def day_in(self, hebrew_year: int, ctx: Context) -> Start | None:
        month = hebrew.resolve_month(hebrew_year, self.month_name)
        length = hebrew.month_length(hebrew_year, month)
        if self.day > length:
            return None
        return Start(hebrew.to_date(hebrew_year, month, self.day), month_length=length)


@register(r"hebrew (\d{1,2}) ([a-z' ]+)")
def _hebrew(m: re.Match[str]) -> Rule:
    day, name = int(m[1]), m[2].strip()
    if name not in hebrew.MONTHS:
        known = ", ".join(sorted({"Nisan", "Iyyar", "Sivan", "Tammuz", "Av", "Elul", "Tishrei",
                                  "Cheshvan", "Kislev", "Tevet", "Shevat", "Adar", "Adar I", "Adar II"}))
        raise RuleSyntaxError(f"unknown Hebrew month {name!r} (known: {known})")
    if not 1 <= day <= hebrew.MAX_DAY[hebrew.MONTHS[name]]:
        raise RuleSyntaxError(f"day {day} does not exist in Hebrew month {name!r}")
    return HebrewDate(day, name, text=m[0])


@dataclass(frozen=True, repr=False)
class HijriDate(CalendarDay):
    """``hijri D Month``: a day of the Islamic calendar, through the request's profile."""

    day: int
    month: int
    text: str = ""
    moon_sighted = True
    uses_context = True  # the Islamic profile decides the date

    def calendar_years(self, year: int) -> range:
        return hijri.years_touching(year)

    def day_in(self, hijri_year: int, ctx: Context) -> Start | None:
        profile = ctx.islamic
        length = profile.month_length(hijri_year, self.month)
        if self.day > length:
            return None
        d, estimated = profile.to_date(hijri_year, self.month, self.day)
        return Start(d, estimated, length)


@register(r"hijri (\d{1,2}) (.+)")
def _hijri(m: re.Match[str]) -> Rule:
    day, name = int(m[1]), hijri.month_key(m[2])
    if name not in hijri.MONTHS:
        known = "Muharram, Safar, Rabi al-Awwal, Rabi al-Thani, Jumada al-Ula, Jumada al-Akhira, " \
                "Rajab, Shaban, Ramadan, Shawwal, Dhu al-Qadah, Dhu al-Hijjah"
        raise RuleSyntaxError(f"unknown Hijri month {m[2]!r} (known: {known})")
    if not 1 <= day <= 30:
        raise RuleSyntaxError(f"day {day} does not exist in a Hijri month")
    return HijriDate(day, hijri.MONTHS[name], text=m[0])


def shifted(start: Start, days: int) -> Start:
    """The same start moved by ``days``."""
    return Start(start.date + timedelta(days=days), start.estimated, start.month_length)


@dataclass(frozen=True, repr=False)
class CopticDate(CalendarDay):
    """``coptic D Month``: a day of the Coptic calendar (``coptic 1 Thout`` = Nayrouz)."""

    day: int
    month: int
    text: str = ""

    def calendar_years(self, year: int) -> tuple[int, int]:
        return coptic.years_touching(year)

    def day_in(self, coptic_year: int, ctx: Context) -> Start | None:
        if self.day > coptic.month_length(coptic_year, self.month):
            return None
        return Start(coptic.to_date(coptic_year, self.month, self.day))


@register(r"coptic (\d{1,2}) ([a-z ]+)")
def _coptic_anchor(m: re.Match[str]) -> Rule:
    day, name = int(m[1]), m[2].strip()
    if name not in coptic.MONTHS:
        raise RuleSyntaxError(f"unknown Coptic month {name!r} (known: Thout, Paopi, Hathor, Koiak, "
                              "Tobi, Meshir, Paremhat, Paremoude, Pashons, Paoni, Epip, Mesori, Pi Kogi Enavot)")
    if not 1 <= day <= 30:
        raise RuleSyntaxError(f"day {day} does not exist in a Coptic month")
    return CopticDate(day, coptic.MONTHS[name], text=m[0])
