"""A terminal month grid, like ``cal`` but with weeks from Monday and holidays marked."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Iterable

from babel.dates import get_day_names, get_month_names

from .engine import Engine

_GREEN, _RESET = "\033[42;30m", "\033[0m"


def render_month(engine: Engine, year: int, month: int, lang: str = "de",
                 traditions: Iterable[str] | None = None, islamic: str = "umm-al-qura",
                 jewish: str = "diaspora", colour: bool = False) -> str:
    """The grid, then the month's holidays. Holiday days carry ``*`` (and green with ``colour``)."""
    first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    found = engine.occurrences(first, last, traditions=traditions, islamic=islamic, jewish=jewish)
    marked = {d for occ in found for d in occ.days() if first <= d <= last}

    title = f"{get_month_names('wide', context='stand-alone', locale=lang)[month]} {year}"
    days = get_day_names("abbreviated", context="stand-alone", locale=lang)
    heads = [days[i][:3] for i in range(7)]
    lines = [title.center(7 * 4 - 1).rstrip(), " ".join(f"{h:>3}" for h in heads)]
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = []
        for d in week:
            if d.month != month:
                cells.append("   ")
            elif d in marked:
                cell = f"{d.day:>2}*"
                cells.append(f"{_GREEN}{cell}{_RESET}" if colour else cell)
            else:
                cells.append(f"{d.day:>2} ")
        lines.append(" ".join(cells).rstrip())
    lines.append("")
    for occ in found:
        when = f"{occ.start:%d.%m.}" if occ.start == occ.end else f"{occ.start:%d.%m.}–{occ.end:%d.%m.}"
        lines.append(f"{when:<13} {occ.holiday.name(lang)}")
    return "\n".join(lines)
