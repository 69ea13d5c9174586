"""Reading the dates people type: the one parser behind the CLI, the API and the ``/schulen`` page.

People write ``2026-12-24`` (ISO 8601) or, in Germany and Turkey, ``24.12.2026``
and ``4.1.2026``; the CLI and the page read both. The JSON API reads ISO only
(``iso_only=True``), so that a machine never guesses the order of day and month.
A date that does not exist (30 February) is refused with the reason
(``February 2026 has only 28 days``), and the input is shown at most
``SHOWN`` characters long, so that a message never repeats unbounded input.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from .catalog import MAX_YEAR, MIN_YEAR

#: How much of a bad input a message repeats.
SHOWN = 24
EXPECTED = "YYYY-MM-DD or D.M.YYYY"
EXPECTED_ISO = "YYYY-MM-DD"
#: Strict ISO (the API): four, two and two ASCII digits.
ISO = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})\Z", re.ASCII)
#: What people type: ISO with one- or two-digit month and day, or German ``D.M.YYYY`` / ``DD.MM.YYYY``.
HUMAN = re.compile(
    r"(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4}))\Z"
)
#: A date inside free text (pasted exam plans): as ``HUMAN``, and ``31.3.25`` with a two-digit year.
IN_TEXT = re.compile(
    r"(?<!\d)(?<!\d\.)(?:(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4}|\d{2}))(?!\d|\.\d)"
)
#: English month names, fixed (``calendar.month_name`` follows the process locale).
_MONTHS = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class DateInputError(ValueError):
    """Input that is not a usable date: ``shown`` (bounded) and ``problem`` name what is wrong."""

    def __init__(
        self,
        shown: str,
        problem: str,
        kind: str = "format",
        *,
        year: int | None = None,
        month: int | None = None,
        days: int | None = None,
    ):
        super().__init__(f"{shown} is not a valid date{' ' if kind == 'format' else ': '}{problem}")
        self.shown = shown
        self.problem = problem
        #: "format" (not a date form), "month", "day" (does not exist) or "year" (outside the range).
        self.kind = kind
        #: For "day does not exist": the year, month and its number of days (for translated messages).
        self.year, self.month, self.days = year, month, days


def shown(text: object, limit: int = SHOWN) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters, control characters escaped."""
    text = str(text)
    cut = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(cut)


def supported_year(year: int) -> bool:
    """Whether the engine covers ``year`` (1900-2100); ``query.check_year`` turns a no into its error."""
    return MIN_YEAR <= year <= MAX_YEAR


def from_parts(year: int, month: int, day: int, text: str = "") -> date:
    """The date, or DateInputError saying which part is impossible (month 13, 30 February, year 2200)."""
    label = shown(text or f"{year:04d}-{month:02d}-{day:02d}")
    if not 1 <= month <= 12:
        raise DateInputError(label, f"there is no month {month}", "month")
    if not supported_year(year):
        raise DateInputError(label, f"year {year} is outside the supported range {MIN_YEAR}-{MAX_YEAR}", "year")
    length = calendar.monthrange(year, month)[1]
    if not 1 <= day <= length:
        problem = f"there is no day {day}" if day < 1 else f"{_MONTHS[month]} {year} has only {length} days"
        raise DateInputError(label, problem, "day", year=year, month=month, days=length)
    return date(year, month, day)


def from_match(match: re.Match[str], text: str = "") -> date:
    """The date of an ``ISO``, ``HUMAN`` or ``IN_TEXT`` match (two-digit years are 20xx)."""
    if match.group("y"):
        y, m, d = match.group("y"), match.group("m"), match.group("d")
    else:
        y, m, d = match.group("y2"), match.group("m2"), match.group("d2")
    year = int(y) + (2000 if len(y) == 2 else 0)
    return from_parts(year, int(m), int(d), text or match.group(0))


def parse_date(text: str, *, iso_only: bool = False) -> date:
    """``2026-12-24``, ``24.12.2026`` or ``4.1.2026`` (ISO only with ``iso_only``) -> a date.

    Raises DateInputError naming the expected forms, or why an existing form is not a date.
    """
    if not isinstance(text, str):
        raise DateInputError(shown(text), f"(expected {EXPECTED_ISO if iso_only else EXPECTED})")
    stripped = text.strip()
    match = (ISO if iso_only else HUMAN).match(stripped) if len(stripped) <= 16 else None
    if match is None:
        raise DateInputError(shown(text), f"(expected {EXPECTED_ISO if iso_only else EXPECTED})")
    return from_match(match, stripped)


#: A date with a local time, as editors write it in data files: ``2027-02-20 18:30`` (``T`` also
#: accepted), optionally with seconds and a UTC offset (``+01:00`` or ``Z``).
MOMENT = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[T ](?P<h>[0-9]{2}):(?P<min>[0-9]{2})"
    r"(?::(?P<s>[0-9]{2}))?(?P<tz>Z|[+-][0-9]{2}:[0-9]{2})?\Z",
    re.ASCII,
)


def parse_moment(text: str, zone: tzinfo) -> date | datetime:
    """``2027-02-20`` -> a date; ``2027-02-20 18:30`` -> an aware datetime in ``zone`` (or at its own
    offset). Raises DateInputError saying which part is impossible (30 February, 25:00)."""
    stripped = str(text).strip()
    if ISO.match(stripped):
        return parse_date(stripped, iso_only=True)
    match = MOMENT.match(stripped) if len(stripped) <= 32 else None
    if match is None:
        raise DateInputError(shown(text), "(expected YYYY-MM-DD or YYYY-MM-DD HH:MM)")
    day = parse_date(match["date"], iso_only=True)
    hour, minute, second = int(match["h"]), int(match["min"]), int(match["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateInputError(shown(text), f"there is no time {match['h']}:{match['min']}", "time")
    offset = match["tz"]
    if offset is None:
        return datetime.combine(day, time(hour, minute, second), zone)
    if offset == "Z":
        fixed = UTC
    else:
        sign = -1 if offset[0] == "-" else 1
        fixed = timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])))
    return datetime.combine(day, time(hour, minute, second), fixed)
