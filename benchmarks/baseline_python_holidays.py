"""Baseline for the engine benchmark: python-holidays producing a comparable set.

Germany, Greece, Israel (all categories), Turkey and Saudi Arabia for
1901-2100 in English, written out as JSON like ``interkultur holidays
--format json`` does. Run as a whole process, the same way the CLI is timed.
"""

import json
import sys

import holidays

# ``baseline_python_holidays.py 2026``: one year (the typical call); no argument: 1901-2100
YEARS = range(int(sys.argv[1]), int(sys.argv[1]) + 1) if len(sys.argv) > 1 else range(1901, 2101)
COUNTRIES = {
    "DE": {},
    "GR": {},
    "IL": {"categories": ("optional", "public", "school")},
    "TR": {},
    "SA": {},
}

rows = []
for code, extra in COUNTRIES.items():
    calendar = holidays.country_holidays(code, years=YEARS, language="en_US", **extra)
    rows.extend({"country": code, "date": d.isoformat(), "name": name} for d, name in sorted(calendar.items()))
json.dump(rows, sys.stdout, ensure_ascii=False)
