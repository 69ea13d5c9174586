"""Sun and Moon: the astronomical instants the lunisolar calendars are built on.

Positions come from ephem (apparent geocentric ecliptic longitude, equinox of
date); nothing here is a hand-made approximation of the orbits. An *instant* is
an ephem date: a float counting days from 1899-12-31 12:00 UT, which makes
"the local date of an instant" one addition and a floor.

Root finding (new moons, solar terms ...) costs a few hundred microseconds per
event in ephem, too slow for a whole catalogue per request. The events of
1880-2120 are therefore precomputed by ``scripts/generate_astronomy.py`` into
``generated/astronomy.csv`` with the very functions below (``compute_events``);
outside that span the functions compute on the fly, so the table is a cache,
never a second source of truth.
"""

from __future__ import annotations

import math
import threading
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterator

import ephem

#: ``date.toordinal()`` of the day that holds ephem's epoch (1899-12-31 12:00 UT).
_EPOCH_ORDINAL = date(1899, 12, 31).toordinal()
_EPOCH = datetime(1899, 12, 31, 12)
_JD_OFFSET = 2415020.0  # Julian Day = ephem date + this
SYNODIC_MONTH = 29.530588853
TROPICAL_YEAR = 365.24219
TABLE_YEARS = range(1880, 2121)

#: Kinds of tabulated events and the angles they are tabulated for.
NEW_MOON, FULL_MOON, SOLAR_TERM, SANKRANTI = "new_moon", "full_moon", "solar_term", "sankranti"
SOLAR_TERM_ANGLES = tuple(range(0, 360, 15))   # tropical, every 15 degrees (24 jieqi)
SANKRANTI_ANGLES = tuple(range(0, 360, 30))    # sidereal (Lahiri), every 30 degrees


@dataclass(frozen=True)
class Place:
    """A reference place: where a rule's sunrise, sunset or noon is taken."""

    name: str
    latitude: float
    longitude: float
    utc_offset: float  # hours; the civil day of the rule's community

    def local_date(self, t: float) -> date:
        return local_date(t, self.utc_offset)

    def midnight(self, day: date) -> float:
        """The instant local midnight begins ``day``."""
        return at_midnight(day) - self.utc_offset / 24


#: Tehran at the GeoNames coordinates (the Bahá'í reference for Naw-Rúz and the Twin
#: Holy Birthdays). The longitude matters to seconds: in 2026 the equinox falls one
#: second after this sunset, and the Bahá'í World Centre's table has Naw-Rúz on 21 March.
TEHRAN = Place("Tehran", 35.69439, 51.42151, 3.5)
#: New Delhi (Indian Standard Time, UTC+05:30), the reference of most published panchangas.
NEW_DELHI = Place("New Delhi", 28.6139, 77.2090, 5.5)
#: Beijing time (UTC+8) is used for the Chinese calendar in all years; no place needed.
CHINA_UTC_OFFSET = 8.0


# -- instants ---------------------------------------------------------------------------
def local_date(t: float, utc_offset: float = 0.0) -> date:
    """Civil date of instant ``t`` in a zone ``utc_offset`` hours east of Greenwich."""
    return date.fromordinal(_EPOCH_ORDINAL + math.floor(t + 0.5 + utc_offset / 24))


def at_midnight(day: date) -> float:
    """The instant 00:00 UT begins ``day``."""
    return day.toordinal() - _EPOCH_ORDINAL - 0.5


def to_datetime(t: float) -> datetime:
    """UTC (naive) datetime of an instant, rounded to the second."""
    return _EPOCH + timedelta(seconds=round(t * 86400))


def from_datetime(dt: datetime) -> float:
    """Instant of a naive UTC datetime."""
    return (dt - _EPOCH).total_seconds() / 86400


# -- positions --------------------------------------------------------------------------
# ephem bodies and observers are mutated by compute(); the web server runs
# requests in threads, so each thread gets its own.
_local = threading.local()


def _body(name: str) -> ephem.Body:
    body = getattr(_local, name, None)
    if body is None:
        body = getattr(ephem, name)()
        setattr(_local, name, body)
    return body


def _apparent_longitude(name: str, t: float) -> float:
    body = _body(name)
    body.compute(t, epoch=t)
    ecl = ephem.Ecliptic(ephem.Equatorial(body.g_ra, body.g_dec, epoch=t), epoch=t)
    return math.degrees(ecl.lon)


def sun_longitude(t: float) -> float:
    """Apparent geocentric ecliptic longitude of the Sun (tropical, equinox of date), degrees."""
    return _apparent_longitude("Sun", t)


def moon_longitude(t: float) -> float:
    """Apparent geocentric ecliptic longitude of the Moon, degrees."""
    return _apparent_longitude("Moon", t)


def elongation(t: float) -> float:
    """Moon minus Sun in ecliptic longitude, 0..360: 0 new moon, 180 full moon, 12 per tithi."""
    return (moon_longitude(t) - sun_longitude(t)) % 360.0


def lahiri_ayanamsa(t: float) -> float:
    """Lahiri (Chitrapaksha) ayanamsa in degrees, the Indian government's standard.

    Defined as 23°15'00.658" on 1956-03-21 0h TT (Indian Astronomical
    Ephemeris), carried to other dates with the IAU 2006 general precession in
    longitude, as the Swiss Ephemeris does for SE_SIDM_LAHIRI.
    """
    def precession(jd: float) -> float:  # arcseconds since J2000
        c = (jd - 2451545.0) / 36525
        return 5028.796195 * c + 1.1054348 * c * c

    return 23.250182778 - 0.004658035 + (precession(t + _JD_OFFSET) - precession(2435553.5)) / 3600


def sidereal_sun_longitude(t: float) -> float:
    """The Sun's sidereal (nirayana, Lahiri) longitude: which rashi it is in names Hindu months."""
    return (sun_longitude(t) - lahiri_ayanamsa(t)) % 360.0


def sidereal_moon_longitude(t: float) -> float:
    """The Moon's sidereal (Lahiri) longitude: which 13°20' segment it is in is the nakshatra."""
    return (moon_longitude(t) - lahiri_ayanamsa(t)) % 360.0


# -- root finding -----------------------------------------------------------------------
def _solve(angle_at: Callable[[float], float], target: float, guess: float, rate: float,
           tolerance: float = 1e-6) -> float:
    """Instant near ``guess`` where a steadily increasing angle reaches ``target``.

    ``rate`` (mean motion, degrees per day) gives the first step; secant steps
    follow, so three or four evaluations reach ``tolerance`` degrees.
    """
    def gap(t: float) -> float:
        return (target - angle_at(t) + 180.0) % 360.0 - 180.0

    t0, g0 = guess, gap(guess)
    if abs(g0) < tolerance:
        return t0
    t1 = t0 + g0 / rate
    for _ in range(10):
        g1 = gap(t1)
        if abs(g1) < tolerance or g1 == g0:
            break
        t0, g0, t1 = t1, g1, t1 - g1 * (t1 - t0) / (g1 - g0)
    return t1


def when_sun_at(longitude: float, guess: float) -> float:
    """Instant near ``guess`` at which the Sun's apparent longitude is ``longitude``."""
    return _solve(sun_longitude, longitude, guess, 360.0 / TROPICAL_YEAR)


def when_sidereal_sun_at(longitude: float, guess: float) -> float:
    """Instant near ``guess`` at which the Sun's sidereal (Lahiri) longitude is ``longitude``."""
    return _solve(sidereal_sun_longitude, longitude, guess, 360.0 / TROPICAL_YEAR)


def when_elongation(angle: float, guess: float) -> float:
    """Instant near ``guess`` at which Moon minus Sun is ``angle`` degrees (tithi boundaries).

    To 1e-5 degrees of elongation, i.e. about a tenth of a second.
    """
    return _solve(elongation, angle, guess, 360.0 / SYNODIC_MONTH, tolerance=1e-5)


#: The 27 nakshatras divide the sidereal ecliptic into segments of 13°20'.
NAKSHATRA_SPAN = 360.0 / 27
_MOON_RATE = 13.176  # mean sidereal motion, degrees per day


def when_sidereal_moon_at(longitude: float, guess: float) -> float:
    """Instant near ``guess`` at which the Moon's sidereal (Lahiri) longitude is ``longitude``."""
    return _solve(sidereal_moon_longitude, longitude, guess, _MOON_RATE, tolerance=1e-5)


def nakshatra_span(number: int, near: float) -> tuple[float, float]:
    """(start, end) instants of the Moon's passage through nakshatra ``number`` (1-27) nearest ``near``.

    Computed with ephem on demand (a rule asks for one passage a year, so it
    is not tabulated): the Moon moves 11.8-15.4 degrees a day and takes about
    a day per nakshatra; the passage chosen is the one whose middle is within
    half a sidereal month of ``near``.
    """
    low = (number - 1) * NAKSHATRA_SPAN
    ahead = (low + NAKSHATRA_SPAN / 2 - sidereal_moon_longitude(near) + 180.0) % 360.0 - 180.0
    guess = near + ahead / _MOON_RATE
    start = when_sidereal_moon_at(low, guess - NAKSHATRA_SPAN / 2 / _MOON_RATE)
    end = when_sidereal_moon_at((low + NAKSHATRA_SPAN) % 360.0, guess + NAKSHATRA_SPAN / 2 / _MOON_RATE)
    return start, end


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
TABLE_RESOURCE = ("interkultur.calendars.generated", "astronomy.csv")
TITHI_RESOURCE = ("interkultur.calendars.generated", "tithis.csv")
TITHI_YEARS = range(1890, 2111)


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


@lru_cache(maxsize=1)
def _tithi_lines() -> dict[int, tuple[float, str]]:
    """Rounded new-moon instant (seconds) -> (that instant, its unparsed boundary offsets).

    Only the new moon of each line is read here; the 29 offsets of a lunation
    are parsed when a rule asks for it (``_tithis_of``), since most requests
    need a handful of the table's 2,700 lunations.
    """
    text = resources.files(TITHI_RESOURCE[0]).joinpath(TITHI_RESOURCE[1]).read_text("utf-8")
    out: dict[int, tuple[float, str]] = {}
    for line in text.splitlines():
        if not line or line.startswith(("#", "new_moon")):
            continue
        first, _, offsets = line.partition(",")
        t = from_datetime(datetime.fromisoformat(first))
        out[round(t * 86400)] = (t, offsets)
    return out


@lru_cache(maxsize=4096)
def _tithis_of(key: int) -> tuple[float, ...] | None:
    found = _tithi_lines().get(key)
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
            return found
    return tuple(compute_tithis(new_moon, next_new_moon))


@lru_cache(maxsize=1)
def _table() -> dict[str, list[tuple[float, int]]]:
    """kind -> sorted [(instant, angle)] for the tabulated years.

    Read line by line with ``str.split`` (the file is ours and has no quoting):
    the csv module and a generator per line made this a tenth of a cold start.
    """
    out: dict[str, list[tuple[float, int]]] = {NEW_MOON: [], FULL_MOON: [], SOLAR_TERM: [], SANKRANTI: []}
    text = resources.files(TABLE_RESOURCE[0]).joinpath(TABLE_RESOURCE[1]).read_text("utf-8")
    parse = datetime.fromisoformat
    for line in text.splitlines():
        if not line or line.startswith(("#", "kind,")):
            continue
        kind, angle, utc = line.split(",")
        out[kind].append(((parse(utc) - _EPOCH).total_seconds() / 86400, int(angle)))
    for events in out.values():
        events.sort()
    return out


@lru_cache(maxsize=4096)
def events_in_year(kind: str, year: int) -> tuple[tuple[float, int], ...]:
    """(instant, angle) of every ``kind`` event in Gregorian (UT) ``year``, sorted."""
    if year in TABLE_YEARS:
        events = _table()[kind]
        lo = bisect_left(events, (at_midnight(date(year, 1, 1)), -1))
        hi = bisect_left(events, (at_midnight(date(year + 1, 1, 1)), -1))
        return tuple(events[lo:hi])
    return tuple((t, a) for a, t in compute_events(kind, year))


def events_between(kind: str, start: float, end: float) -> Iterator[tuple[float, int]]:
    """(instant, angle) of ``kind`` events with ``start <= instant < end``, in order.

    Within the table a bisection (rules ask this some 20,000 times for a
    200-year range, mostly for a month or two); elsewhere year by year.
    """
    first, last = local_date(start).year, local_date(end).year
    if first in TABLE_YEARS and last in TABLE_YEARS:
        events = _table()[kind]
        yield from events[bisect_left(events, (start, -1)):bisect_left(events, (end, -1))]
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


# -- sunrise and sunset -----------------------------------------------------------------
def _observer(place: Place, horizon: str = "-0:34") -> ephem.Observer:
    obs = ephem.Observer()
    obs.lat, obs.lon = str(place.latitude), str(place.longitude)
    obs.pressure = 0          # refraction is in the horizon instead: the almanac convention
    obs.horizon = horizon     # upper limb 34' below the geometric horizon
    return obs


def compute_sun_event(place: Place, day: date, rising: bool) -> float:
    """Sunrise or sunset on local ``day`` at ``place`` with ephem (no table)."""
    observer = _observer(place)
    observer.date = place.midnight(day)
    event = observer.next_rising if rising else observer.next_setting
    return float(event(_body("Sun")))


#: Places whose daily sunrise and sunset are tabulated (rules evaluate them for every year).
SUN_TABLE_PLACES = {NEW_DELHI.name: NEW_DELHI}
SUN_TABLE_YEARS = range(1890, 2111)


@lru_cache(maxsize=None)
def _sun_table(place_name: str) -> dict[int, str]:
    """Year -> its unparsed line of sunrise/sunset seconds after local midnight."""
    name = f"sun_{place_name.lower().replace(' ', '_')}.csv"
    text = resources.files(TABLE_RESOURCE[0]).joinpath(name).read_text("utf-8")
    return {int(line[:4]): line for line in text.splitlines() if line[:1].isdigit()}


@lru_cache(maxsize=512)
def _sun_year(place_name: str, year: int) -> tuple[int, ...]:
    return tuple(map(int, _sun_table(place_name)[year].split(",")[1:]))


#: Width of a value and its comma in a sun-table line when every value has five digits.
_SUN_FIELD = 6


def _sun_seconds(place_name: str, year: int, index: int) -> int:
    """Value ``index`` (2 x day of year + 0 for sunrise, 1 for sunset) of a year's line.

    At New Delhi every sunrise and sunset is 10,000 seconds or more after local
    midnight (02:46:40), i.e. has five digits, so a line is fixed-width and one
    value is a slice: a rule needs a few days of a year, not the 730 values
    ``_sun_year`` parses. A line that is not fixed-width is parsed whole.
    """
    line = _sun_table(place_name)[year]
    days = 366 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 365
    if len(line) == 4 + _SUN_FIELD * 2 * days:
        start = 5 + _SUN_FIELD * index
        return int(line[start:start + _SUN_FIELD - 1])
    return _sun_year(place_name, year)[index]


def _sun_event(place: Place, day: date, rising: bool) -> float:
    if place.name in SUN_TABLE_PLACES and place == SUN_TABLE_PLACES[place.name] and day.year in SUN_TABLE_YEARS:
        index = 2 * (day.timetuple().tm_yday - 1) + (not rising)
        return place.midnight(day) + _sun_seconds(place.name, day.year, index) / 86400
    return compute_sun_event(place, day, rising)


@lru_cache(maxsize=8192)
def sunset(place: Place, day: date) -> float:
    """Instant of sunset (upper limb, standard refraction) on local ``day`` at ``place``."""
    return _sun_event(place, day, rising=False)


@lru_cache(maxsize=8192)
def sunrise(place: Place, day: date) -> float:
    """Instant of sunrise (upper limb, standard refraction) on local ``day`` at ``place``."""
    return _sun_event(place, day, rising=True)


def sunset_day(place: Place, t: float) -> date:
    """The day, reckoned from sunset to sunset, that holds instant ``t``.

    Named by its daytime part: an instant after sunset on 20 March belongs to
    the day of 21 March (the Bahá'í, Jewish and Islamic reckoning).
    """
    day = place.local_date(t)
    return day + timedelta(days=1) if t > sunset(place, day) else day
