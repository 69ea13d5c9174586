"""Thai lunar anchors: ``thai makha bucha`` (Magha Puja), ``thai asarnha bucha`` (Asalha Puja), …

Where the Thai calendar's tables do not reach (before 1914, after 2157) the
day is the first full moon (German civil date) on or after a fixed date, the
approximation the catalogue used before, and is ``estimated``.
"""

from __future__ import annotations

import re

from ...calendars import thai
from ...records import record
from ..base import Context, Rule, RuleSyntaxError, Start
from ..registry import anchor
from .moon import MoonPhase

ORDER = 105

#: The estimate outside the table: the first full moon on or after this month and day.
FALLBACK: dict[str, tuple[int, int]] = {
    "makha bucha": (2, 7),
    "visakha bucha": (5, 1),
    "asarnha bucha": (7, 5),
    "khao phansa": (7, 6),
    "ok phansa": (10, 4),
}


@record(repr=False)
class ThaiFeast(Rule):
    """A Buddhist feast of the Thai lunar calendar, with the full-moon estimate where it has no table."""

    feast: str
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        day = thai.feast_date(self.feast, year)
        if day is not None:
            return [Start(day)]
        estimate = MoonPhase(True, *FALLBACK[self.feast]).starts(year, ctx)
        return [s._replace(estimated=True) for s in estimate]


@anchor("thai", r"thai ([a-z ]+)", "thai makha bucha")
def _thai(m: re.Match[str]) -> Rule:
    feast = m[1]
    if feast not in thai.FEASTS:
        raise RuleSyntaxError(f"unknown Thai feast {feast!r} (known: {', '.join(thai.FEASTS)})")
    return ThaiFeast(feast, text=m[0])
