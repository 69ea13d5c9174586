#!/usr/bin/env python
"""Regenerate src/interkultur/calendars/generated/thai.csv: the Thai lunar feasts 1914–2157.

The days come from python-holidays' Thai lunisolar calendar
(``holidays.calendars.thai._ThaiLunisolar``), which tabulates Thailand's year
types (normal, athikawan, athikamat) from the Thai almanac. They are written to
a table so that computing a year never imports python-holidays (a lean command
line: tests/perf_export/test_lean_imports.py), and so that a change in a later
release of that library shows up as a diff here rather than silently.

Usage:  python scripts/generate_thai.py [--check]
"""

from __future__ import annotations

import argparse
import io
import sys
import warnings
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/interkultur/calendars/generated/thai.csv"
FEASTS = ("makha_bucha", "visakha_bucha", "asarnha_bucha", "khao_phansa", "ok_phansa")


def render() -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import holidays
        from holidays.calendars.thai import _ThaiLunisolar
    calendar = _ThaiLunisolar()
    out = io.StringIO()
    out.write("# Thai lunar feasts by Gregorian year, from python-holidays' Thai lunisolar calendar\n")
    out.write(f"# (scripts/generate_thai.py). Columns: year and the day of each feast.\n# holidays {holidays.__version__}\n")
    out.write("year," + ",".join(FEASTS) + "\n")
    for year in range(calendar.START_YEAR, calendar.END_YEAR + 1):
        days = [getattr(calendar, f"{feast}_date")(year) for feast in FEASTS]
        if any(day is None for day in days):
            continue
        out.write(f"{year}," + ",".join(day.isoformat() for day in days) + "\n")
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed table differs")
    args = parser.parse_args()
    text = render()
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run scripts/generate_thai.py", file=sys.stderr)
            return 1
        print(f"{OUT}: up to date")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
