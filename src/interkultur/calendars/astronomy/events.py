"""Events of a year: new and full moons, solar terms and sankrantis, read from the generated table.

``compute_events`` and ``compute_tithis`` are what ``scripts/generate_astronomy.py``
tabulates; outside the tabulated years the same functions compute on the fly.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache

import ephem

from ... import packagefiles
from .core import (
    _EPOCH,
    FULL_MOON,
    NEW_MOON,
    SANKRANTI,
    SANKRANTI_ANGLES,
    SOLAR_TERM,
    SOLAR_TERM_ANGLES,
    TABLE_YEARS,
    TROPICAL_YEAR,
    at_midnight,
    from_datetime,
    local_date,
    sidereal_sun_longitude,
    sun_longitude,
    when_elongation,
    when_sidereal_sun_at,
    when_sun_at,
)


# -- events of a year (computed) --------------------------------------------------------
def compute_events(kind: str, year: int) -> list[tuple[int, float]]:
    """Every ``kind`` event whose instant lies in Gregorian (UT) ``year``: (angle, instant).

    This is what the generator tabulates; for moon phases the angle is 0 or 180.
    """
    start, end = at_midnight(date(year, 1, 1)), at_midnight(date(year + 1, 1, 1))
    found: list[tuple[int, float]] = []
    if kind in (NEW_MOON, FULL_MOON):
        step = ephem.next_new_moon if kind == NEW_MOON else ephem.next_full_moon
        angle = 0 if kind == NEW_MOON else 180
        t = float(step(start))
        while t < end:
            found.append((angle, t))
            t = float(step(t + 1))
        return found
    if kind == SOLAR_TERM:
        angles, solve, position = SOLAR_TERM_ANGLES, when_sun_at, sun_longitude
    elif kind == SANKRANTI:
        angles, solve, position = SANKRANTI_ANGLES, when_sidereal_sun_at, sidereal_sun_longitude
    else:
        raise ValueError(f"unknown astronomical event kind {kind!r}")
    rate = 360.0 / TROPICAL_YEAR
    # walk the year in 15-degree steps from where the Sun stands on 1 January
    here = position(start)
    for angle in sorted(angles, key=lambda a: (a - here) % 360):
        guess = start + ((angle - here) % 360) / rate
        t = solve(angle, guess)
        if start <= t < end:
            found.append((angle, t))
    found.sort(key=lambda e: e[1])
    return found


# -- the generated table ----------------------------------------------------------------
TABLE_RESOURCE = (*packagefiles.GENERATED, "astronomy.csv")
TITHI_RESOURCE = (*packagefiles.GENERATED, "tithis.csv")
TITHI_YEARS = range(1890, 2111)


#: Moon minus Sun at the end of Vishti karana (Bhadra) in Purnima: karanas are half tithis (6°), and
#: the seven movable ones cycle from the second half of Shukla Pratipada, so Vishti is 168°-174°.
VISHTI_END = 174.0


def compute_tithis(new_moon: float, next_new_moon: float) -> list[float]:
    """Instants at which Moon minus Sun reaches 12, 24, ..., 348 degrees after ``new_moon``."""
    full = float(ephem.next_full_moon(new_moon))
    found = []
    for k in range(1, 30):
        angle = 12 * k
        if angle == 180:
            found.append(full)
            continue
        lo, hi, base = (new_moon, full, 0) if angle < 180 else (full, next_new_moon, 180)
        found.append(when_elongation(angle, lo + (hi - lo) * (angle - base) / 180))
    return found


def compute_vishti_end(purnima: tuple[float, float]) -> float:
    """The instant Bhadra (Vishti karana) ends in a Purnima spanning ``purnima`` (elongation 174°).

    What ``generated/tithis.csv`` tabulates in its last column, and what ``vishti_end`` computes
    outside the table; found from the middle of the Purnima, where it lies within a few hours.
    """
    return when_elongation(VISHTI_END, (purnima[0] + purnima[1]) / 2)


@lru_cache(maxsize=1)
def _tithi_lines() -> list[str]:
    """The tithi table's data lines, one lunation each, in time order (the generator writes them so)."""
    text = packagefiles.read_text(*TITHI_RESOURCE)
    return [line for line in text.splitlines() if line and not line.startswith(("#", "new_moon"))]


@lru_cache(maxsize=len(TITHI_YEARS) + 2)
def _tithi_year(year: int) -> dict[int, tuple[float, str]]:
    """Rounded new-moon instant (seconds) -> (that instant, its unparsed boundary offsets), for the new
    moons of (UT) ``year``.

    Only the new moon of each line is read here, and only for the year asked; the 29 offsets of a
    lunation are parsed when a rule asks for it (``_tithis_of``), since most requests need a handful
    of the table's 2,700 lunations.
    """
    lines = _tithi_lines()
    lo = bisect_left(lines, year, key=_tithi_line_year)
    hi = bisect_left(lines, year + 1, lo=lo, key=_tithi_line_year)
    out: dict[int, tuple[float, str]] = {}
    for line in lines[lo:hi]:
        first, _, offsets = line.partition(",")
        t = from_datetime(datetime.fromisoformat(first))
        out[round(t * 86400)] = (t, offsets)
    return out


def _tithi_line_year(line: str) -> int:
    return int(line[:4])  # ``YYYY-MM-DDTHH:MM:SS,offsets…``


@lru_cache(maxsize=4096)
def _tithis_of(key: int) -> tuple[float, ...] | None:
    """The 30 tabulated instants of the lunation whose new moon is ``key`` (seconds): the 29 tithi
    boundaries, then the end of Vishti in its Purnima; None outside the table."""
    year = local_date(key / 86400).year
    found = _tithi_year(year).get(key)
    for other in (year - 1, year + 1):  # a new moon a moment from midnight on 31 December
        found = found or _tithi_year(other).get(key)
    if found is None:
        return None
    t, offsets = found
    return tuple(t + seconds / 86400 for seconds in map(int, offsets.split(",")))


def tithi_boundaries(new_moon: float, next_new_moon: float) -> tuple[float, ...]:
    """The 29 instants at which Moon minus Sun passes 12°, 24°, ..., 348° in a lunation.

    Read from ``generated/tithis.csv`` (made by the same ``compute_tithis``)
    for 1890-2110, computed with ephem elsewhere.
    """
    if local_date(new_moon).year in TITHI_YEARS:
        found = _tithis_of(round(new_moon * 86400))
        if found is not None:
            return found[:29]
    return tuple(compute_tithis(new_moon, next_new_moon))


def vishti_end(purnima: tuple[float, float]) -> float:
    """The end of Bhadra (Vishti karana, elongation 174°) in the Purnima spanning ``purnima``.

    Read from the last column of ``generated/tithis.csv`` for the lunation the Purnima belongs to
    (its new moon is the last one before the Purnima begins); computed with ephem
    (``compute_vishti_end``, the generator's function) outside the table.
    """
    moons = new_moons_between(purnima[0] - 30, purnima[0])
    if moons and local_date(moons[-1]).year in TITHI_YEARS:
        found = _tithis_of(round(moons[-1] * 86400))
        if found is not None and len(found) == 30 and abs(found[13] - purnima[0]) < 2 / 86400:
            return found[29]
    return compute_vishti_end(purnima)


@lru_cache(maxsize=1)
def _table_lines() -> list[str]:
    """The table's data lines, in time order as the generator writes them (``generate_astronomy.py``
    sorts by instant); parsed a year at a time, since a one-year call needs a fiftieth of them."""
    text = packagefiles.read_text(*TABLE_RESOURCE)
    return text[text.index("\nkind,") + 1 :].splitlines()[1:]


def _line_year(line: str) -> int:
    return int(line[-19:-15])  # ``kind,angle,YYYY-MM-DDTHH:MM:SS``


@lru_cache(maxsize=len(TABLE_YEARS))
def _year_table(year: int) -> dict[str, list[tuple[float, int]]]:
    """kind -> sorted [(instant, angle)] of the tabulated events in (UT) ``year``.

    Read line by line with ``str.split`` (the file is ours and has no quoting):
    the csv module and a generator per line made this a tenth of a cold start.
    """
    lines = _table_lines()
    lo = bisect_left(lines, year, key=_line_year)
    hi = bisect_left(lines, year + 1, lo=lo, key=_line_year)
    out: dict[str, list[tuple[float, int]]] = {NEW_MOON: [], FULL_MOON: [], SOLAR_TERM: [], SANKRANTI: []}
    parse = datetime.fromisoformat
    for line in lines[lo:hi]:
        kind, angle, utc = line.split(",")
        out[kind].append(((parse(utc) - _EPOCH).total_seconds() / 86400, int(angle)))
    for events in out.values():
        events.sort()
    return out


@lru_cache(maxsize=4096)
def events_in_year(kind: str, year: int) -> tuple[tuple[float, int], ...]:
    """(instant, angle) of every ``kind`` event in Gregorian (UT) ``year``, sorted."""
    if year in TABLE_YEARS:
        return tuple(_year_table(year)[kind])
    return tuple((t, a) for a, t in compute_events(kind, year))


def events_between(kind: str, start: float, end: float) -> Iterator[tuple[float, int]]:
    """(instant, angle) of ``kind`` events with ``start <= instant < end``, in order.

    Within the table a bisection in each year's events (rules ask this some
    20,000 times for a 200-year range, mostly for a month or two); elsewhere
    year by year.
    """
    first, last = local_date(start).year, local_date(end).year
    if first in TABLE_YEARS and last in TABLE_YEARS:
        for year in range(first, last + 1):
            events = _year_table(year)[kind]
            yield from events[bisect_left(events, (start, -1)) : bisect_left(events, (end, -1))]
        return
    for year in range(first, last + 1):
        for t, angle in events_in_year(kind, year):
            if start <= t < end:
                yield t, angle


def new_moons_between(start: float, end: float) -> list[float]:
    return [t for t, _ in events_between(NEW_MOON, start, end)]


def full_moons_between(start: float, end: float) -> list[float]:
    return [t for t, _ in events_between(FULL_MOON, start, end)]


def next_new_moon(t: float) -> float:
    """The first new moon strictly after ``t``."""
    return new_moons_between(t + 1e-9, t + 31)[0]


def solar_term(year: int, longitude: int) -> float:
    """Instant in ``year`` at which the Sun reaches apparent longitude ``longitude`` (multiple of 15)."""
    for t, angle in events_in_year(SOLAR_TERM, year):
        if angle == longitude:
            return t
    raise ValueError(f"no solar term {longitude} in {year}")


def march_equinox(year: int) -> float:
    return solar_term(year, 0)
