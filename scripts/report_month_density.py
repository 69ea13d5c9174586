#!/usr/bin/env python
"""Print, per month of a year, on how many days a holiday starts: default view and full view.

The catalogue issue's readability target for the default view: no month with more than 10 such
days, median at most 6. Usage: python scripts/report_month_density.py [YEAR]
"""

from __future__ import annotations

import calendar
import statistics
import sys
from datetime import date

from interkultur.catalog import load
from interkultur.engine import Engine


def start_days(engine: Engine, year: int, month: int, default_view: bool) -> int:
    first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    found = engine.occurrences(first, last, islamic="umm-al-qura", jewish="diaspora", default_view=default_view)
    return len({o.start for o in found if first <= o.start <= last})


def main() -> int:
    year = int(sys.argv[1]) if len(sys.argv) > 1 else 2026
    engine = Engine(load())
    print(f"{'month':>5} {'default':>8} {'full':>5}")
    rows = [(m, start_days(engine, year, m, True), start_days(engine, year, m, False)) for m in range(1, 13)]
    for month, default, full in rows:
        print(f"{month:>5} {default:>8} {full:>5}")
    for label, column in (("default", 1), ("full", 2)):
        values = [row[column] for row in rows]
        print(f"{label}: max {max(values)}, median {statistics.median(values)}, total {sum(values)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
