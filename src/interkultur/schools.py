"""The school conflict check: which holidays touch the dates a teacher plans.

For every requested date, the holidays whose daytime dates include it
(``match: "day"``, with the day of the feast) or whose eve it is
(``match: "eve"``: the feast begins that evening). Holidays on which pupils
may take leave come first. Leave rules come from the catalogue's ``school``
field (and are ``statutory`` for public holidays and school breaks).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from .catalog import MAX_YEAR
from .engine import Engine, InvalidQuery, Occurrence
from .inputs import DateInputError, parse_date
from .places import Place
from .present import occurrence_dict
from .records import record

MAX_DATES = 500
_LEAVE_RANK = {"statutory": 0, "without-application": 1, "on-application": 2, "discretion": 3, "none": 4}
_GRANTS = frozenset({"statutory", "without-application", "on-application"})


@record
class Match:
    """One holiday touching one requested date."""

    occurrence: Occurrence
    match: str  # "day" or "eve"
    day_of_feast: int | None
    leave: dict[str, Any] | None

    @property
    def grants_leave(self) -> bool:
        """Pupils may stay away (by law, without or on application) on this very day."""
        if self.match != "day" or not self.leave or self.leave["leave"] not in _GRANTS:
            return False
        days = self.leave.get("days")
        return days is None or self.day_of_feast in days

    def sort_key(self) -> tuple[bool, bool, int, date, str]:
        rank = _LEAVE_RANK.get(self.leave["leave"], 5) if self.leave else 6
        return (not self.grants_leave, self.match != "day", rank, self.occurrence.start, self.occurrence.id)

    def as_dict(self, lang: str, state: str | None, place: Place | None = None, evening: bool = True) -> dict[str, Any]:
        out = occurrence_dict(self.occurrence, lang, state, place=place, evening=evening)
        out.update(match=self.match, day_of_feast=self.day_of_feast, grants_leave=self.grants_leave)
        return out


def parse_dates(texts: Iterable[str]) -> list[date]:
    """Dates (``2026-12-24`` or ``24.12.2026``, ``inputs.parse_date``) in request order.

    InvalidQuery names every bad one and why (``'30.02.2026': February 2026 has only 28 days``).
    """
    parsed, bad = [], []
    for text in texts:
        try:
            parsed.append(parse_date(text))
        except DateInputError as exc:
            bad.append(str(exc))
    if bad:
        shown = "; ".join(bad[:10]) + (f"; and {len(bad) - 10} more" if len(bad) > 10 else "")
        raise InvalidQuery("dates", f"not valid dates: {shown}")
    if not parsed:
        raise InvalidQuery("dates", "give at least one date")
    if len(parsed) > MAX_DATES:
        raise InvalidQuery("dates", f"at most {MAX_DATES} dates per request, got {len(parsed)}")
    return parsed


def _windows(days: list[date], gap: int = 62) -> Iterator[tuple[date, date]]:
    """Sorted distinct dates grouped into ranges, so scattered dates never query the years between."""
    first = last = days[0]
    for day in days[1:]:
        if (day - last).days > gap:
            yield first, last
            first = day
        last = day
    yield first, last


def check_dates(
    engine: Engine, dates: list[date], state: str | None, **variants: Any
) -> list[tuple[date, list[Match]]]:
    """Matches for every date, in request order."""
    state = engine.check_state(state)
    if not dates:
        return []
    wanted = sorted(set(dates))
    found: dict[date, list[Match]] = {day: [] for day in wanted}
    seen: set[Occurrence] = set()
    for first, last in _windows(wanted):
        # the eve of a feast is the day before its start, so look one day further
        for occ in engine.occurrences(
            first, min(last + timedelta(days=1), date(MAX_YEAR, 12, 31)), state=state, **variants
        ):
            if occ in seen:  # a long occurrence may reach into two windows
                continue
            seen.add(occ)
            leave = occ.school(state).get(state) if state else None
            for i in range(bisect_left(wanted, occ.start), bisect_right(wanted, occ.end)):
                day = wanted[i]
                found[day].append(Match(occ, "day", occ.day_of_feast(day), leave))
            if occ.eve is not None and occ.eve in found:
                found[occ.eve].append(Match(occ, "eve", None, leave))
    ordered = {day: sorted(matches, key=Match.sort_key) for day, matches in found.items()}
    return [(day, list(ordered[day])) for day in dates]
