"""When the evening begins: sunset on an occurrence's ``eve`` at a place (``eve_at``).

Many feasts begin at sunset on the evening before (``Occurrence.eve``). This
module gives that sunset as a local date-time with its UTC offset for a
``places.Place``: the upper limb at the horizon with standard refraction, the
convention NOAA's solar calculator and the almanacs use (computed with ephem in
``calendars.astronomy.sun``). Where the sun does not set that day (polar
summer) or does not rise (polar winter) there is no such moment: ``eve_at`` is
None and ``note`` says why. Views and serializers call this; none computes a
sunset itself.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from .calendars.astronomy.sun import local_sunset
from .places import Place

NOTES = {
    "polar-day": "The sun does not set at this place on that day (polar day); the feast begins in the evening "
    "as the community there keeps it.",
    "polar-night": "The sun does not rise or set at this place on that day (polar night); the feast begins in "
    "the evening as the community there keeps it.",
}


@lru_cache(maxsize=65536)
def sunset(lat: float, lon: float, zone: str, day: date) -> tuple[datetime | None, str | None]:
    """``calendars.astronomy.sun.local_sunset``, remembered: a feed asks for the same evenings often."""
    return local_sunset(lat, lon, zone, day)


def eve_at(eve: date | None, place: Place) -> tuple[datetime | None, str | None]:
    """The sunset that begins a feast on the evening ``eve`` at ``place`` and, when there is none,
    the reason (``polar-day``, ``polar-night``); ``(None, None)`` when the feast has no eve."""
    if eve is None:
        return None, None
    return sunset(place.lat, place.lon, place.tz, eve)


def eve_at_iso(eve: date | None, place: Place) -> str | None:
    moment, _reason = eve_at(eve, place)
    return moment.isoformat() if moment is not None else None


def eve_at_note(eve: date | None, place: Place) -> str | None:
    _moment, reason = eve_at(eve, place)
    return NOTES[reason] if reason else None


def customary_start(eve: date | None, place: Place, minutes_before: int | None) -> datetime | None:
    """The moment a community customarily begins a feast ``minutes_before`` sunset (Jewish candle
    lighting: 18 minutes, Hebcal's default); None without an eve, a sunset or such a custom."""
    moment, _reason = eve_at(eve, place)
    if moment is None or not minutes_before:
        return None
    return moment - timedelta(minutes=minutes_before)
