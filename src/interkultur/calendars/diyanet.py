"""The Islamic calendar of Turkey's Presidency of Religious Affairs (Diyanet).

Month starts come from three layers, the first that has a month winning:

1. ``data/announced/diyanet.csv`` (the editable data directory, shipped in
   the package as ``interkultur/data``, like ``holidays.yaml``): days Diyanet announced (Ramazan Bayramı,
   Kurban Bayramı, the start of Ramazan ...), each row with its source. Only
   these are *not* estimated;
2. ``generated/diyanet_months.csv``: month starts 1400-1530 AH computed by
   ``scripts/generate_diyanet.py`` with Diyanet's crescent criterion (5°
   altitude and 8° elongation at sunset somewhere on Earth; from 1436 AH the
   2016 unified Hijri calendar rule);
3. before 1400 AH Diyanet's rules are unknown (van Gent): the caller's
   fallback calendar (Umm al-Qura, tabular outside its table).

An announced day can make a neighbouring computed month 28 or 31 days long;
the computed neighbour then moves by a day, because the announcement shows
the computation was off there too.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from .. import packagefiles
from ..records import record

FIRST_YEAR, LAST_YEAR = 1316, 1530  # Hijri years the table spans (1898-2107)


@record
class MonthTable:
    keys: tuple[tuple[int, int], ...]  # (hijri year, month), in order
    starts: tuple[date, ...]  # first day of each month, plus one sentinel
    estimated: tuple[bool, ...]

    def index(self, year: int, month: int) -> int:
        return (year - FIRST_YEAR) * 12 + month - 1


#: Where the announced dates live, relative to the ``interkultur`` package: in a
#: checkout ``interkultur/data`` is a symlink to the top-level ``data/`` people edit,
#: an installed package carries a copy at the same place (as for ``holidays.yaml``).
ANNOUNCED = ("data", "announced", "diyanet.csv")


def _parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#")))


def _generated_rows(name: str) -> list[dict[str, str]]:
    return _parse(packagefiles.read_text(*packagefiles.GENERATED, name))


def announced_rows() -> list[dict[str, str]]:
    """The rows of ``data/announced/diyanet.csv``, read through the package's data path."""
    return _parse(packagefiles.read_text(*ANNOUNCED))


@lru_cache(maxsize=1)
def computed() -> dict[tuple[int, int], date]:
    return {
        (int(r["hijri_year"]), int(r["month"])): date.fromisoformat(r["first_day"])
        for r in _generated_rows("diyanet_months.csv")
    }


@lru_cache(maxsize=1)
def announced() -> dict[tuple[int, int], date]:
    """Announced month starts, from every announced day (which must agree with each other)."""
    out: dict[tuple[int, int], date] = {}
    for r in announced_rows():
        key = (int(r["hijri_year"]), int(r["month"]))
        start = date.fromisoformat(r["gregorian"]) - timedelta(days=int(r["day"]) - 1)
        if out.setdefault(key, start) != start:
            raise ValueError(f"data/announced/diyanet.csv: two different starts for month {key}")
    return out


@lru_cache(maxsize=4)
def table(fallback: Callable[[int, int], date]) -> MonthTable:
    """The month starts of 1316-1530 AH; ``fallback(year, month)`` fills what nothing else covers."""
    keys = [(y, m) for y in range(FIRST_YEAR, LAST_YEAR + 2) for m in range(1, 13)]
    calc, said = computed(), announced()
    starts = [said.get(k) or calc.get(k) or fallback(*k) for k in keys]
    fixed = [k in said for k in keys]
    # keep every month 29 or 30 days long, moving only months nobody announced
    for _ in range(3):
        for i in range(len(keys) - 1):
            length = (starts[i + 1] - starts[i]).days
            if 29 <= length <= 30:
                continue
            wanted = 29 if length < 29 else 30
            if not fixed[i + 1]:
                starts[i + 1] = starts[i] + timedelta(days=wanted)
            elif not fixed[i]:
                starts[i] = starts[i + 1] - timedelta(days=wanted)
    return MonthTable(tuple(keys[:-12]), tuple(starts[:-11]), tuple(not f for f in fixed[:-12]))


def month_start(tab: MonthTable, year: int, month: int) -> tuple[date, bool]:
    i = tab.index(year, month)
    return tab.starts[i], tab.estimated[i]


def month_length(tab: MonthTable, year: int, month: int) -> int:
    i = tab.index(year, month)
    return (tab.starts[i + 1] - tab.starts[i]).days


def from_date(tab: MonthTable, d: date) -> tuple[int, int, int]:
    i = bisect_right(tab.starts, d) - 1
    if i < 0 or i >= len(tab.keys):
        raise ValueError(f"{d} is outside the Diyanet table ({tab.starts[0]} .. {tab.starts[-1]})")
    year, month = tab.keys[i]
    return year, month, (d - tab.starts[i]).days + 1


def covers(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR
