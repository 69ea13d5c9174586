"""A terminal month grid, like ``cal`` but with weeks from Monday and holidays marked.

Weekday headers are CLDR's stand-alone abbreviations (Babel), never a cut of
the wide names: Arabic abbreviations are whole words (``الأربعاء``) and a cut
of three characters would make Tuesday and Wednesday alike. Every column is as
wide as the widest header in terminal columns (``languages.display_width``), so
the day numbers stay under their weekday in every language. Right-to-left
headers are isolated (FSI … PDI) so that a terminal applying the bidirectional
algorithm keeps Monday over the first column of numbers. The grid's own words
come from the gettext catalogues (``interkultur.translations``).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

from babel.dates import get_day_names

from . import translations
from .cldr import latin_digits, month_name
from .engine import Engine
from .languages import display_width, isolate, pad

_GREEN, _RESET = "\033[42;30m", "\033[0m"
MARK = "*"


def N_(message: str) -> str:
    """Mark a message for extraction; translated in ``render_month``."""
    return message


HOLIDAYS = N_("Holidays")
NONE = N_("No holidays this month.")
LEGEND = N_("%(mark)s holiday")


def weekday_headers(lang: str) -> list[str]:
    """Monday to Sunday: CLDR stand-alone abbreviated names (``get_day_names``; 0 is Monday)."""
    days = get_day_names("abbreviated", context="stand-alone", locale=lang)
    return [latin_digits(days[i]) for i in range(7)]


def render_month(
    engine: Engine,
    year: int,
    month: int,
    lang: str = "de",
    traditions: Iterable[str] | None = None,
    islamic: str = "umm-al-qura",
    jewish: str = "diaspora",
    colour: bool = False,
) -> str:
    """The grid, then the month's holidays. Holiday days carry ``*`` (and green with ``colour``)."""
    gettext = translations.get(lang).gettext
    first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    found = engine.occurrences(first, last, traditions=traditions, islamic=islamic, jewish=jewish)
    marked = {d for occ in found for d in occ.days() if first <= d <= last}

    heads = [isolate(h, lang) for h in weekday_headers(lang)]
    number = max(2, max(display_width(h) for h in heads))  # columns of a day number
    column = number + len(MARK)
    title = f"{month_name(month, lang)} {year}"
    indent = max(0, (7 * (column + 1) - 1 - display_width(title)) // 2)
    lines = [" " * indent + title, " ".join(pad(h, column) for h in heads).rstrip()]
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = []
        for d in week:
            if d.month != month:
                cells.append(" " * column)
            elif d in marked:
                cell = pad(str(d.day), number) + MARK
                cells.append(f"{_GREEN}{cell}{_RESET}" if colour else cell)
            else:
                cells.append(pad(str(d.day), number) + " ")
        lines.append(" ".join(cells).rstrip())
    lines.append("")
    if not found:
        lines.append(gettext(NONE))
        return "\n".join(lines)
    lines.append(f"{gettext(HOLIDAYS)} ({gettext(LEGEND) % {'mark': MARK}})")
    for occ in found:
        when = f"{occ.start:%d.%m.}" if occ.start == occ.end else f"{occ.start:%d.%m.}–{occ.end:%d.%m.}"
        lines.append(f"{when:<13} {isolate(occ.holiday.name(lang), lang)}")
    return "\n".join(lines)
