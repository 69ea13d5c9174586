"""Sunrise and sunset at a reference place, tabulated for New Delhi in 1890-2110."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

import ephem

from ... import packagefiles
from .core import NEW_DELHI, Place, _body


# -- sunrise and sunset -----------------------------------------------------------------
def _observer(place: Place, horizon: str = "-0:34") -> ephem.Observer:
    obs = ephem.Observer()
    obs.lat, obs.lon = str(place.latitude), str(place.longitude)
    obs.pressure = 0  # refraction is in the horizon instead: the almanac convention
    obs.horizon = horizon  # upper limb 34' below the geometric horizon
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


@cache
def _sun_table(place_name: str) -> dict[int, str]:
    """Year -> its unparsed line of sunrise/sunset seconds after local midnight."""
    name = f"sun_{place_name.lower().replace(' ', '_')}.csv"
    text = packagefiles.read_text(*packagefiles.GENERATED, name)
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
        return int(line[start : start + _SUN_FIELD - 1])
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


# -- sunset at any place, in its own time zone ------------------------------------------
def local_sunset(latitude: float, longitude: float, zone: str, day: date) -> tuple[datetime | None, str | None]:
    """Sunset (upper limb, standard refraction: the NOAA and almanac convention) on local ``day``.

    Returns the local date-time with its UTC offset, or ``(None, reason)`` where the sun does not
    set that day (``"polar-day"``) or does not rise (``"polar-night"``, no sunset either).
    """
    tz = ZoneInfo(zone)
    noon = datetime.combine(day, time(12), tz)
    observer = _observer(Place("", latitude, longitude, 0.0))
    observer.date = ephem.Date(noon.astimezone(UTC).replace(tzinfo=None) - timedelta(hours=12))
    try:
        setting = observer.next_setting(_body("Sun"))
    except ephem.AlwaysUpError:
        return None, "polar-day"
    except ephem.NeverUpError:
        return None, "polar-night"
    local = setting.datetime().replace(tzinfo=UTC).astimezone(tz)
    if local.date() != day:  # the next setting after local midnight fell on another day: none today
        return None, "polar-day" if local.date() > day else "polar-night"
    return local.replace(microsecond=0), None
