"""What the rule grammar may call, declared by the calendar modules themselves.

Every module of the package ``interkultur.rules.calendars`` registers, when it
is imported, the anchor forms it reads (``@anchor(pattern)``: a regular
expression for the whole anchor text and the parser that turns a match into a
``Rule``) and, where its calendar has one, the conversion between its dates and
the day number (``conversion(...)``, the proleptic Gregorian ordinal of
``date.toordinal``). The grammar asks ``forms()``; nothing names the calendars
in a list, so a new calendar (Ethiopian, Tibetan, ...) is one module in that
package, found by ``discover``, plus its tests.

A module may set ``ORDER`` (a number, default 1000) to place its forms in the
grammar's error message; forms never overlap, so the order does not decide
which form reads a text.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

from ..records import record
from .base import Rule

AnchorFactory = Callable[[re.Match[str]], Rule]
#: The package whose modules are the calendars of the grammar.
PACKAGE = "interkultur.rules.calendars"


@record
class AnchorForm:
    """One anchor form of the grammar: ``hebrew (\\d{1,2}) ([a-z' ]+)`` and its parser."""

    calendar: str
    pattern: re.Pattern[str]
    parse: AnchorFactory
    #: How the form is written (``hebrew 15 Nisan``), for the message naming what the grammar reads.
    example: str | None = None
    order: int = 1000


@record
class Conversion:
    """A calendar's dates as day numbers (``date.toordinal``) and back.

    ``to_date(year, month, day)`` is the calendar's own; ``from_date`` may be
    None where a date does not name one day of the calendar in a single way
    (the Islamic calendar depends on the observance profile).
    """

    calendar: str
    to_date: Callable[[int, int, int], date]
    from_date: Callable[[date], tuple[int, int, int]] | None = None

    def to_day(self, year: int, month: int, day: int) -> int:
        return self.to_date(year, month, day).toordinal()

    def from_day(self, number: int) -> tuple[int, int, int]:
        if self.from_date is None:
            raise LookupError(f"the {self.calendar} calendar has no single date for a day number")
        return self.from_date(date.fromordinal(number))


_FORMS: list[AnchorForm] = []
_CONVERSIONS: dict[str, Conversion] = {}
_LOCK = threading.Lock()
_discovered = False


def _order_of(module_name: str) -> int:
    module = sys.modules.get(module_name)
    return int(getattr(module, "ORDER", 1000))


def anchor(calendar: str, pattern: str, example: str | None = None) -> Callable[[AnchorFactory], AnchorFactory]:
    """Decorator: add an anchor form of ``calendar``; ``pattern`` matches the whole anchor text."""

    def wrap(factory: AnchorFactory) -> AnchorFactory:
        form = AnchorForm(calendar, re.compile(pattern + r"\Z"), factory, example, _order_of(factory.__module__))
        _FORMS.append(form)
        _FORMS.sort(key=lambda f: f.order)  # stable: a module's forms keep their order
        return factory

    return wrap


def conversion(
    calendar: str,
    to_date: Callable[[int, int, int], date],
    from_date: Callable[[date], tuple[int, int, int]] | None = None,
) -> Conversion:
    """Declare how ``calendar``'s dates map to day numbers."""
    found = _CONVERSIONS[calendar] = Conversion(calendar, to_date, from_date)
    return found


def discover() -> None:
    """Import every module of ``PACKAGE`` once, so that each registers itself."""
    global _discovered
    if _discovered:
        return
    with _LOCK:
        if _discovered:
            return
        package = importlib.import_module(PACKAGE)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            importlib.import_module(f"{PACKAGE}.{info.name}")
        _discovered = True


def rediscover() -> None:
    """Import modules added to ``PACKAGE``'s path since the first ``discover`` (a deployment's own)."""
    global _discovered
    _discovered = False
    discover()


def forms() -> tuple[AnchorForm, ...]:
    """Every registered anchor form, in the order of their modules' ``ORDER``."""
    discover()
    return tuple(_FORMS)


def calendars() -> tuple[str, ...]:
    """Names of the calendars with anchor forms, in order."""
    return tuple(dict.fromkeys(form.calendar for form in forms()))


def conversions() -> dict[str, Conversion]:
    """Each calendar's day-number conversion, by calendar name."""
    discover()
    return dict(_CONVERSIONS)


def unregister(calendar: str) -> None:
    """Remove a calendar's forms and conversion (tests that add a calendar clean up with this)."""
    _FORMS[:] = [form for form in _FORMS if form.calendar != calendar]
    _CONVERSIONS.pop(calendar, None)


def month_day_calendar(
    calendar: str,
    months: dict[str, int],
    *,
    to_date: Callable[[int, int, int], date],
    month_length: Callable[[int, int], int],
    years_touching: Callable[[int], Any],
    label: str,
    from_date: Callable[[date], tuple[int, int, int]] | None = None,
    max_day: int = 31,
) -> None:
    """Register ``<calendar> D Month`` and the conversion for a calendar of named months of days.

    Most calendars still to come (Ethiopian, Thai solar, Zoroastrian ...) need no more than
    this: their month names (lower case, as written in rules), the date arithmetic of
    ``interkultur.calendars`` and which of their years touch a Gregorian year.
    """
    from .base import CalendarDay, Context, RuleSyntaxError, Start, known_names

    @record(repr=False)
    class MonthDay(CalendarDay):
        day: int
        month: int
        text: str = ""

        def calendar_years(self, year: int) -> Any:
            return years_touching(year)

        def day_in(self, calendar_year: int, ctx: Context) -> Start | None:
            if self.day > month_length(calendar_year, self.month):
                return None
            return Start(to_date(calendar_year, self.month, self.day))

    MonthDay.__name__ = MonthDay.__qualname__ = f"{label.replace(' ', '')}Date"
    MonthDay.__doc__ = f"``{calendar} D Month``: a day of the {label} calendar."

    def parse(m: re.Match[str]) -> Rule:
        day, name = int(m[1]), m[2].strip()
        if name not in months:
            raise RuleSyntaxError(f"unknown {label} month {name!r} (known: {known_names(months)})")
        if not 1 <= day <= max_day:
            raise RuleSyntaxError(f"day {day} does not exist in a {label} month")
        return MonthDay(day, months[name], text=m[0])

    parse.__module__ = sys._getframe(1).f_globals.get("__name__", __name__)  # the caller's ORDER applies
    first = min(months, key=months.__getitem__)
    anchor(calendar, rf"{re.escape(calendar)} (\d{{1,2}}) (.+)", f"{calendar} 1 {first}")(parse)
    conversion(calendar, to_date, from_date)
