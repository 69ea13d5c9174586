#!/usr/bin/env python
"""Regenerate src/interkultur/calendars/generated/diyanet_months.csv.

Computes the first day of every Hijri month from 1 Muharram 1400 (21 November
1979) to the end of 1530 AH under the criteria of the Turkish Presidency of
Religious Affairs (Diyanet İşleri Başkanlığı), as documented by R. H. van Gent
("The Islamic calendar of Turkey", Utrecht University) and the 2016 Istanbul
International Hijri Calendar Union Congress:

* 1400-1435 AH: a month begins on the day after the evening on which,
  somewhere on Earth, the centre of the Moon at local sunset is at least 5°
  above the horizon (topocentric, airless) and at least 8° from the Sun
  (geocentric elongation). van Gent's wording ("within some region of the
  terrestrial globe") leaves the region open; Diyanet's announced Bayram
  dates of 1400-1435 are reproduced (71 of 72) only when the region is the
  places whose sunset falls before 24:00 UT on that day, and 56 of 72 with
  the whole globe, so the table uses the former;
* from 1436 AH (25 October 2014; the 2016 unified Hijri calendar rule): the
  same 5°/8° criterion, met somewhere between 60° S and 60° N with local sunset
  before 24:00 UT; if it is met only later, the month still begins provided
  (a) the place is on the American mainland, which here runs from 56° S to
  71° N and includes all of mainland Alaska: the Alaska Peninsula and the
  Bering Sea coast (Cape Romanzof 61.8° N 166.1° W, Cape Prince of Wales
  65.6° N 168.1° W), where the crescent is seen latest on a given evening; and
  (b) the conjunction happened before dawn (fajr, Sun's centre 18° below the
  horizon) of the following civil day in New Zealand (Wellington, UTC+12).
  An earlier version stopped the American search at 60° N and so missed
  western Alaska: on 2 May 2030 the criterion is met there (by 0.05°, at
  Cape Romanzof) and nowhere else, and Diyanet begins 1452 AH on 3 May.

Sunset is the upper limb on the horizon with 34' of refraction; the Moon's
altitude is that of its centre, topocentric and airless; the elongation is
geocentric. The whole-globe search evaluates the criterion on a 5° x 10° grid
with approximate sunsets, then, where the best place is within 2° of the
threshold, refines it with exact ephem sunsets on a 1° x 2° grid; the American
search does the same and also walks the Pacific shore every 0.25° of latitude.
Announced dates (data/announced/diyanet.csv) override this table at run time;
it is only the estimate for months no announcement covers.

Usage:  python scripts/generate_diyanet.py [--workers N] [--check]
Takes a few minutes on two cores.
"""

from __future__ import annotations

import argparse
import io
import math
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import ephem

from interkultur.calendars import astronomy

OUT = Path(__file__).resolve().parents[1] / "src/interkultur/calendars/generated/diyanet_months.csv"
FIRST_YEAR, LAST_YEAR = 1400, 1530
EPOCH_1400 = date(1979, 11, 21)          # 1 Muharram 1400 (van Gent; Diyanet)
RULE_CHANGE = (1436, 1)                  # 25 October 2014
ALTITUDE, ELONGATION = 5.0, 8.0
#: The whole-globe search of the 24:00 UT rule: 60° S to 60° N, where sunset and the
#: evening crescent are well defined all year (the 2016 rule names no latitude limit;
#: this is the bound the 1400-1435 agreement was measured with).
GLOBE = (-60, 60)
#: Latitudes of the American mainland searched by the exception: from the Strait of
#: Magellan (56° S, as in the first version of this table) to the Arctic coast of Alaska
#: (71° N). The westernmost shores are in western Alaska, 59-66° N, where the crescent
#: is seen last on the evening of a given date.
AMERICAS = (-56, 71)
LONGITUDES = range(-180, 180, 10)
WELLINGTON = astronomy.Place("Wellington", -41.2865, 174.7762, 12.0)
#: (latitude, westernmost mainland longitude) along the Pacific coast of the Americas,
#: from the Strait of Magellan to Point Barrow, including the Alaska Peninsula and the
#: Bering Sea coast of Alaska. A place counts as mainland when it lies east of this
#: shore (and west of 34° W): only the western boundary matters, because at a given
#: latitude the sun sets last there. Islands west of it (the Aleutians, Nunivak,
#: St Lawrence, Hawaii) are outside.
AMERICAS_WEST_COAST = (
    (-56, -68.0), (-50, -75.5), (-40, -73.9), (-30, -71.6), (-18, -70.5), (-15, -75.5),
    (-5, -81.3), (1, -80.0), (7, -78.5), (10, -86.0), (14, -92.0), (16, -98.0),
    (20, -105.5), (23, -110.0), (32, -117.0), (40, -124.4), (48, -124.7), (50, -127.0),
    (54, -130.5), (54.8, -163.4), (55.3, -162.9), (56, -160.5), (57, -158.8), (58, -157.6), (58.7, -162.2),
    (60, -164.9), (61.8, -166.1), (63, -164.8), (64.5, -166.2), (65.6, -168.1),
    (67, -164.0), (68.3, -166.8), (69, -166.2), (70, -162.0), (71, -156.5),
)


def west_coast(lat: float) -> float | None:
    """Westernmost mainland longitude of the Americas at ``lat`` (None: no mainland there)."""
    for (lat0, lon0), (lat1, lon1) in zip(AMERICAS_WEST_COAST, AMERICAS_WEST_COAST[1:]):
        if lat0 <= lat <= lat1:
            return lon0 + (lon1 - lon0) * (lat - lat0) / (lat1 - lat0)
    return None


def on_american_mainland(lat: float, lon: float) -> bool:
    """True if (lat, lon) is east of the Pacific shore of the Americas and west of 34° W."""
    west = west_coast(lat)
    return west is not None and west <= lon <= -34


#: Latitudes (every 0.25°) at which the Pacific shore itself is searched: on an evening
#: when the criterion is met in the Americas only after 24:00 UT, the shore is where it
#: is met best (latest sunset), and a grid would miss it by up to a grid step.
SHORE_LATITUDES = tuple(x / 4 for x in range(4 * AMERICAS[0], 4 * AMERICAS[1] + 1))


def shore_margin(day: date, accept) -> float:
    """Largest margin at local sunset of ``day`` along the Pacific shore of the Americas."""
    best = -99.0
    for lat in SHORE_LATITUDES:
        lon = west_coast(lat)
        t = None if lon is None else exact_sunset(lat, lon, day)
        if t is not None and accept(lat, lon, t):
            best = max(best, margin(lat, lon, t))
    return best


_SUN, _MOON = ephem.Sun(), ephem.Moon()


def _observer(lat: float, lon: float, horizon: str = "-0:34") -> ephem.Observer:
    obs = ephem.Observer()
    obs.lat, obs.lon = math.radians(lat), math.radians(lon)
    obs.pressure = 0
    obs.horizon = horizon
    return obs


def exact_sunset(lat: float, lon: float, day: date) -> float | None:
    """Sunset on local mean-time ``day`` at (lat, lon), or None (no sunset)."""
    obs = _observer(lat, lon)
    obs.date = astronomy.at_midnight(day) - lon / 360
    try:
        return float(obs.next_setting(_SUN))
    except (ephem.AlwaysUpError, ephem.NeverUpError):
        return None


def margin(lat: float, lon: float, t: float) -> float:
    """min(altitude - 5°, elongation - 8°) of the Moon at instant ``t`` seen from (lat, lon)."""
    obs = _observer(lat, lon)
    obs.date = t
    _MOON.compute(obs)
    altitude = math.degrees(_MOON.alt)
    _MOON.compute(t)
    _SUN.compute(t)
    elongation = math.degrees(ephem.separation(_MOON, _SUN))
    return min(altitude - ALTITUDE, elongation - ELONGATION)


def best_margin(day: date, accept, latitudes: tuple[int, int] = GLOBE) -> float:
    """Largest margin at local sunset of ``day`` over places with ``accept(lat, lon, t)``.

    ``latitudes`` bounds the search (inclusive, degrees): the globe's 60° S-60° N for
    the 24:00 UT rule, the American mainland's 56° S-71° N for the exception.
    """
    south, north = latitudes
    best, candidates = -99.0, []
    for lat in range(south, north + 1, 5):
        base = exact_sunset(lat, 0.0, day)
        if base is None:
            continue
        for lon in LONGITUDES:
            t = base - lon / 360  # same local time, shifted in UT; refined below if it matters
            if not accept(lat, lon, t):
                continue
            m = margin(lat, lon, t)
            candidates.append((m, lat, lon))
            best = max(best, m)
    if not candidates or best > 2.0 or best < -2.0:
        return best
    # refine around the best few places with exact sunsets on a 1-degree grid
    best = -99.0
    for _, lat0, lon0 in sorted(candidates, reverse=True)[:4]:
        for lat in range(max(lat0 - 5, south), min(lat0 + 5, north) + 1):
            for lon in range(max(lon0 - 10, -180), min(lon0 + 10, 180) + 1, 2):
                t = exact_sunset(lat, lon, day)
                if t is not None and accept(lat, lon, t):
                    best = max(best, margin(lat, lon, t))
    return best


def month_start(conjunction: float, unified: bool) -> date:
    """First day of the month after ``conjunction`` under the old (1400-1435) or unified rule."""
    day = astronomy.local_date(conjunction)
    for _ in range(4):
        following = astronomy.at_midnight(day + timedelta(days=1))
        if best_margin(day, lambda lat, lon, t: t < following) >= 0:
            return day + timedelta(days=1)
        if unified:
            nz_fajr = _nz_fajr(day + timedelta(days=1))
            def later_in_america(lat: float, lon: float, t: float) -> bool:
                return t >= following and on_american_mainland(lat, lon)
            if conjunction < nz_fajr and max(best_margin(day, later_in_america, AMERICAS),
                                             shore_margin(day, later_in_america)) >= 0:
                return day + timedelta(days=1)
        day += timedelta(days=1)
    raise RuntimeError(f"no month start found after conjunction {astronomy.to_datetime(conjunction)}")


def _nz_fajr(day: date) -> float:
    obs = _observer(WELLINGTON.latitude, WELLINGTON.longitude, horizon="-18")
    obs.date = WELLINGTON.midnight(day)
    return float(obs.next_rising(_SUN, use_center=True))


def _job(args: tuple[int, float, bool]) -> tuple[int, date]:
    index, conjunction, unified = args
    return index, month_start(conjunction, unified)


def compute(workers: int) -> list[tuple[int, int, date, str]]:
    """[(hijri year, month, first day, rule)] for FIRST_YEAR..LAST_YEAR."""
    months = (LAST_YEAR - FIRST_YEAR + 1) * 12
    start = astronomy.at_midnight(EPOCH_1400 - timedelta(days=3))
    conjunctions = astronomy.new_moons_between(start, start + (months + 1) * astronomy.SYNODIC_MONTH)[:months]
    jobs = []
    for i, conjunction in enumerate(conjunctions):
        year, month = FIRST_YEAR + i // 12, i % 12 + 1
        jobs.append((i, conjunction, (year, month) >= RULE_CHANGE))
    starts: dict[int, date] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for i, day in pool.map(_job, jobs, chunksize=8):
            starts[i] = day
    if starts[0] != EPOCH_1400:
        raise RuntimeError(f"1 Muharram 1400 computed as {starts[0]}, expected {EPOCH_1400}")
    return [(FIRST_YEAR + i // 12, i % 12 + 1, starts[i],
             "unified-2016" if (FIRST_YEAR + i // 12, i % 12 + 1) >= RULE_CHANGE else "diyanet-1400")
            for i in sorted(starts)]


def render(rows: list[tuple[int, int, date, str]]) -> str:
    buf = io.StringIO()
    buf.write(f"# Generated by scripts/generate_diyanet.py with ephem {ephem.__version__}; do not edit.\n")
    buf.write("# First day of each Hijri month under Diyanet's computed criteria (see the script's\n")
    buf.write("# docstring); dates Diyanet announced override these at run time.\n")
    buf.write("hijri_year,month,first_day,rule\n")
    for year, month, day, rule in rows:
        buf.write(f"{year},{month},{day.isoformat()},{rule}\n")
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    text = render(compute(args.workers))
    elapsed = time.perf_counter() - began
    if args.check:
        same = OUT.read_text("utf-8") == text
        print(f"{OUT.name}: {'up to date' if same else 'DIFFERS'} ({elapsed:.0f} s)")
        return 0 if same else 1
    OUT.write_text(text, "utf-8")
    print(f"wrote {OUT} ({text.count(chr(10))} lines) in {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
