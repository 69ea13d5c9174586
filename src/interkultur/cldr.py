"""Month and weekday names and dates from CLDR (through Babel), in Latin digits for every language.

CLDR gives each of the 14 interface languages its own names and date patterns
(``fa`` is Iranian Persian, ``ku`` Kurmanji). Babel's date formatting writes
Latin digits, but a few CLDR name forms contain digits of their own script (the
Persian short weekdays ``۲ش`` for Monday): every text leaving this module passes
``latin_digits``, so a page never mixes two digit systems. The weeks start on
Monday in every language, as in Germany (``calendar.Calendar(firstweekday=0)``
in the views), whatever CLDR says about the language's country.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from functools import lru_cache
from typing import Literal

from babel.dates import format_date, format_interval, format_skeleton, get_day_names, get_month_names


class _Digits(dict[int, int | str]):
    """``str.translate`` table: every Unicode decimal digit (Arabic-Indic, Persian, Devanagari ...) to
    its ASCII digit, every other character to itself; filled as characters are met."""

    def __missing__(self, code: int) -> int | str:
        char = chr(code)
        value: int | str = str(unicodedata.digit(char)) if unicodedata.category(char) == "Nd" else code
        self[code] = value
        return value


_DIGITS = _Digits()


def latin_digits(text: str) -> str:
    """``text`` with every decimal digit in Latin (``۲ش`` -> ``2ش``); unchanged when it has none."""
    return text if text.isascii() else text.translate(_DIGITS)


def month_name(month: int, lang: str, context: Literal["format", "stand-alone"] = "stand-alone") -> str:
    """The wide month name (``Oktober``; a heading uses the stand-alone form)."""
    return latin_digits(get_month_names("wide", context=context, locale=lang)[month])


def month_beside(month: int, lang: str) -> str | None:
    """The month's name in the language's ``months_beside`` locale (languages.yaml), where it differs:
    ``آذار`` beside the Arabic ``مارس``, the Levantine names of CLDR ``ar_SY``; None elsewhere."""
    from .languages import DATA

    known = DATA.get(lang)
    if known is None or not known.months_beside:
        return None
    other = latin_digits(get_month_names("wide", context="stand-alone", locale=known.months_beside)[month])
    return other if other != month_name(month, lang) else None


def month_names(lang: str) -> list[str]:
    """January to December, stand-alone wide names."""
    return [month_name(m, lang) for m in range(1, 13)]


@lru_cache(maxsize=64)
def weekday_names(lang: str, max_chars: int = 4) -> tuple[tuple[str, str], ...]:
    """(short, full) from Monday, CLDR stand-alone forms.

    The short form is the abbreviation (plain ``Mo Di Mi``); where that is a
    whole word (Arabic, Persian) the short form, so that seven columns fit a
    280 px wide widget; where the short form is made of digits (Persian ``۲ش``
    for Monday, "second day") the narrow one (``د``), seven distinct letters.
    """

    def names(width: Literal["abbreviated", "narrow", "short", "wide"]) -> list[str]:
        found = get_day_names(width, context="stand-alone", locale=lang)
        return [found[i] for i in range(7)]

    short = names("abbreviated")
    if max(len(n) for n in short) > max_chars:
        short = names("short")
        narrow = names("narrow")
        if any(latin_digits(n) != n for n in short) and len(set(narrow)) == 7:
            short = narrow
    return tuple((latin_digits(s), latin_digits(w)) for s, w in zip(short, names("wide"), strict=True))


def long_date(value: date, lang: str) -> str:
    """``29. März 2025``."""
    return latin_digits(format_date(value, "long", locale=lang))


def full_date(value: date, lang: str) -> str:
    """``Samstag, 29. März 2025``."""
    return latin_digits(format_date(value, "full", locale=lang))


def day_month(value: date, lang: str) -> str:
    """``30. März``."""
    return latin_digits(format_skeleton("MMMd", value, locale=lang))


def date_range(start: date, end: date, lang: str, with_year: bool = False) -> str:
    """``30. März – 1. Apr.``, or one date when start == end."""
    skeleton = "yMMMd" if with_year else "MMMd"
    if start == end:
        return latin_digits(format_skeleton(skeleton, start, locale=lang))
    return latin_digits(format_interval(start, end, skeleton, locale=lang))


def clock_time(value: datetime, lang: str) -> str:
    """``19:42`` (24-hour, as in Germany, in every language; CLDR's own separators), Latin digits."""
    return latin_digits(format_skeleton("Hm", value, locale=lang))
