"""The Thai lunar calendar's Buddhist full-moon days, tabulated from python-holidays.

Thailand's lunar calendar is arithmetical but its year types (normal,
athikawan with a day added to month 7, athikamat with a second month 8) follow
the Thai almanac, which python-holidays tabulates for 1914–2157 and checks
against the dates the Thai government publishes. Rather than transcribing that
almanac again, ``scripts/generate_thai.py`` writes python-holidays' days into
``generated/thai.csv``: computing a year then never imports that library (the
command line stays lean), and a change in one of its releases is a reviewable
diff. A year outside the table answers ``None`` and the rule estimates.

Magha Puja (Makha Bucha) is the full moon (15th waxing day) of month 3, of
month 4 in athikamat years; Asalha Puja (Asarnha Bucha) the full moon of
month 8, of the second month 8 in athikamat years.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from functools import cache

from .. import packagefiles

#: The feasts this module knows, by rule word, and the table's column for each.
FEASTS: dict[str, str] = {
    "makha bucha": "makha_bucha",
    "visakha bucha": "visakha_bucha",
    "asarnha bucha": "asarnha_bucha",
    "khao phansa": "khao_phansa",
    "ok phansa": "ok_phansa",
}


@cache
def _table() -> dict[int, dict[str, date]]:
    text = packagefiles.read_text(*packagefiles.GENERATED, "thai.csv")
    rows = csv.DictReader(
        io.StringIO("".join(line for line in text.splitlines(keepends=True) if not line.startswith("#")))
    )
    return {int(row["year"]): {column: date.fromisoformat(row[column]) for column in FEASTS.values()} for row in rows}


def feast_date(feast: str, year: int) -> date | None:
    """The day of ``feast`` (a key of ``FEASTS``) in Gregorian ``year`` by the Thai calendar,
    or None outside the tabulated years (1914–2157)."""
    row = _table().get(year)
    return row[FEASTS[feast]] if row else None
