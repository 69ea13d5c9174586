"""Easter anchors: ``easter`` (Gregorian computus) and ``orthodox`` (Julian computus)."""

from __future__ import annotations

import re

from ...calendars import easter
from ...records import record
from ..base import Context, Rule, Start
from ..registry import anchor

ORDER = 30


@record(repr=False)
class Easter(Rule):
    """Easter Sunday: ``easter`` (Western) or ``orthodox`` (Julian computus)."""

    orthodox: bool
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        return [Start(easter.orthodox(year) if self.orthodox else easter.western(year))]


@anchor("easter", r"easter", "easter -2")
def _easter(m: re.Match[str]) -> Rule:
    return Easter(False, text=m[0])


@anchor("easter", r"orthodox(?: easter)?", "orthodox")
def _orthodox(m: re.Match[str]) -> Rule:
    return Easter(True, text=m[0])
