"""Instants, positions of Sun and Moon, and finding when they reach an angle (with ephem)."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from datetime import date, datetime, timedelta

import ephem

from ...records import record

#: ``date.toordinal()`` of the day that holds ephem's epoch (1899-12-31 12:00 UT).
_EPOCH_ORDINAL = date(1899, 12, 31).toordinal()
_EPOCH = datetime(1899, 12, 31, 12)
_JD_OFFSET = 2415020.0  # Julian Day = ephem date + this
SYNODIC_MONTH = 29.530588853
TROPICAL_YEAR = 365.24219
TABLE_YEARS = range(1880, 2121)

#: Kinds of tabulated events and the angles they are tabulated for.
NEW_MOON, FULL_MOON, SOLAR_TERM, SANKRANTI = "new_moon", "full_moon", "solar_term", "sankranti"
SOLAR_TERM_ANGLES = tuple(range(0, 360, 15))  # tropical, every 15 degrees (24 jieqi)
SANKRANTI_ANGLES = tuple(range(0, 360, 30))  # sidereal (Lahiri), every 30 degrees


@record
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
def _solve(
    angle_at: Callable[[float], float], target: float, guess: float, rate: float, tolerance: float = 1e-6
) -> float:
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
