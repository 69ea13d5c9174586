"""One celebration of a holiday: the value the engine computes and every view presents.

Apart from the engine (which builds them) so that presenters (``present``,
``jsonout``, ``ical``) and the engine's computation each stay small.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any, NamedTuple

from .catalog import Holiday
from .present import occurrence_dict

#: The school rule of a statutory holiday in a Land whose catalogue entry records none
#: (the same the ``public`` layer gives its own days).
STATUTORY_NOTE = "Gesetzlicher Feiertag"


class Occurrence(NamedTuple):
    """One celebration of a holiday.

    ``start``/``end`` are the first and last daytime dates (inclusive), as
    printed calendars show them; ``eve`` is the evening the feast begins for
    traditions whose day starts at sunset (for nights: the night celebrated).

    ``statutory`` names the Länder in which the occurrence is a statutory
    public holiday, as far as the query asked (its ``state``, or all sixteen
    for a nationwide holiday when ``tradition=public`` is asked without one);
    ``statutory_days`` are the days of the feast that are (1 = the first), as
    a Land may keep only one day of a longer feast.

    Immutable, as the year caches share them. A named tuple rather than a
    frozen dataclass: a 200-year range makes 22,000 of them, and a frozen
    dataclass sets each field through ``object.__setattr__`` (five times the
    cost of building the tuple).
    """

    holiday: Holiday
    start: date
    end: date
    eve: date | None
    estimated: bool
    statutory: tuple[str, ...] = ()
    statutory_days: tuple[int, ...] = ()

    @property
    def id(self) -> str:
        return self.holiday.id

    @property
    def tradition(self) -> str:
        return self.holiday.tradition

    @property
    def category(self) -> str:
        return self.holiday.category

    @property
    def community(self) -> str | None:
        return self.holiday.community

    def days(self) -> Iterator[date]:
        """Every daytime date of the feast."""
        d = self.start
        while d <= self.end:
            yield d
            d += timedelta(days=1)

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end

    def day_of_feast(self, day: date) -> int:
        """1 for the first day of the feast, 2 for the second ..."""
        return (day - self.start).days + 1

    def school(self, state: str | None = None) -> dict[str, Any]:
        """School leave rules per Land (only ``state`` when given).

        In a Land where the day is statutory there are no lessons whatever
        the catalogue records for pupils of the faith: the rule is
        ``statutory`` (the catalogue's own, if it says so, for its note).
        """
        rules = self.holiday.school
        if state is not None:
            rule = rules.get(state)
            if state in self.statutory and (rule is None or rule["leave"] != "statutory"):
                rule = self._statutory_rule()
            return {state: rule} if rule is not None else {}
        return dict(rules)

    def _statutory_rule(self) -> dict[str, Any]:
        """``statutory`` leave on the statutory days (``days`` absent when that is every day)."""
        every_day = len(self.statutory_days) >= (self.end - self.start).days + 1
        return {"leave": "statutory", "days": None if every_day else list(self.statutory_days), "note": STATUTORY_NOTE}

    def as_dict(self, lang: str = "de", state: str | None = None, school: bool = True) -> dict[str, Any]:
        """``present.occurrence_dict`` without a URL: the shape of every JSON output."""
        return occurrence_dict(self, lang, state, school=school)
