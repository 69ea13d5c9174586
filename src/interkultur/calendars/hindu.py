"""Hindu lunisolar dates: amanta months, tithis, and the time of day that picks the day.

A *tithi* is the time the Moon needs to gain 12° on the Sun (1-15 in the
bright half, shukla paksha, ending with Purnima; 16-30 in the dark half,
krishna paksha, ending with Amavasya). A month runs from new moon to new moon
(amanta) and is named by the sidereal sign (rashi, Lahiri ayanamsa) the Sun is
in when it begins: Sun in Mina -> Chaitra, in Mesha -> Vaishakha, ... A month in
which the Sun changes no sign is *adhika* (intercalary) and its feasts move to
the following, regular (*nija*) month of the same name. North Indian
(purnimanta) calendars name the dark half after the *next* month, so the
Amavasya of amanta Ashvin (Diwali) is "Kartika Amavasya" there; both name the
same day.

A feast falls on the civil day whose chosen moment holds the tithi, at a
reference place (New Delhi, IST, the default of the published panchangas):

* ``sunrise``  -- the tithi prevails at sunrise (udaya tithi); if two sunrises
  fall in it, the first; if none (a skipped tithi), the day it begins on;
* ``morning`` -- the first third of daylight (Ghatasthapana, Navaratri);
  ``aparahna`` -- the fourth fifth of daylight (Vijayadashami);
  ``pradosh`` -- the first fifth of the night after sunset (Lakshmi Puja).
  The day whose window overlaps the tithi longest wins; a tithi that touches
  no window falls back to the sunrise rule. When two days' windows both touch
  the tithi, panchangas of other conventions may choose the other day, and the
  date is reported as disputed (``estimated``);
* ``holika dahan`` -- pradosh, but if the Purnima still lasts 3½ of the next
  day's four prahars (7/8 of its daylight) the bonfire moves to that evening
  (Nirnaya Sindhu); Holi (Dhulandi) is the day after.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from . import astronomy
from .astronomy import NEW_DELHI, SANKRANTI, Place

MONTHS: dict[str, int] = {
    name: i for i, name in enumerate(
        ("chaitra", "vaishakha", "jyeshtha", "ashadha", "shravana", "bhadrapada",
         "ashvin", "kartika", "margashirsha", "pausha", "magha", "phalguna"), start=1)
}
MONTHS.update({"ashwin": 7, "asvina": 7, "kartik": 8, "phalgun": 12, "vaisakha": 2, "sravana": 5})

#: Tithi names -> number 1..30.
TITHIS: dict[str, int] = {"purnima": 15, "amavasya": 30}
TITHIS.update({f"shukla {n}": n for n in range(1, 15)})
TITHIS.update({f"krishna {n}": 15 + n for n in range(1, 15)})

MOMENTS = ("sunrise", "morning", "aparahna", "pradosh", "holika dahan")
REFERENCE = NEW_DELHI


@dataclass(frozen=True)
class LunarMonth:
    start: float   # instant of the new moon that begins it
    end: float     # instant of the next new moon
    number: int    # 1 = Chaitra ... 12 = Phalguna
    adhika: bool


def _rashi(t: float) -> int:
    """Sidereal sign (0 = Mesha ... 11 = Mina) of the Sun at instant ``t``, from the sankranti table."""
    last = None
    for instant, angle in astronomy.events_between(SANKRANTI, t - 32, t):
        last = angle
    assert last is not None, "a sankranti occurs every 32 days"
    return last // 30


@lru_cache(maxsize=512)
def lunar_months(gregorian_year: int) -> tuple[LunarMonth, ...]:
    """Amanta months beginning from late in the previous year to early in the next."""
    t0 = astronomy.at_midnight(date(gregorian_year - 1, 11, 1))
    t1 = astronomy.at_midnight(date(gregorian_year + 1, 3, 1))
    moons = astronomy.new_moons_between(t0, t1)
    signs = [_rashi(t) for t in moons]
    return tuple(
        LunarMonth(moons[i], moons[i + 1], (signs[i] + 1) % 12 + 1, signs[i] == signs[i + 1])
        for i in range(len(moons) - 1)
    )


def tithi_span(month: LunarMonth, tithi: int) -> tuple[float, float]:
    """(start, end) instants of ``tithi`` (1..30) in ``month``."""
    inner = astronomy.tithi_boundaries(month.start, month.end)
    return (month.start if tithi == 1 else inner[tithi - 2],
            month.end if tithi == 30 else inner[tithi - 1])


#: Local hours that bound each window, to skip days that cannot overlap a tithi.
_WINDOW_HOURS = {"morning": (4.5, 12.5), "aparahna": (11.5, 18.0), "pradosh": (16.5, 23.5)}


def _window(place: Place, day: date, moment: str) -> tuple[float, float]:
    rise, set_ = astronomy.sunrise(place, day), astronomy.sunset(place, day)
    if moment == "morning":       # the first third of daylight
        return rise, rise + (set_ - rise) / 3
    if moment == "aparahna":      # the fourth fifth of daylight
        length = set_ - rise
        return rise + 0.6 * length, rise + 0.8 * length
    return set_, set_ + (1.0 - (set_ - rise)) / 5  # pradosh: the first fifth of the night


def _sunrise_day(span: tuple[float, float], place: Place) -> date:
    """The day whose sunrise falls in the tithi (the first, if two do)."""
    start, end = span
    day = place.local_date(start)
    if astronomy.sunrise(place, day) < start:
        day += timedelta(days=1)
    if astronomy.sunrise(place, day) >= end:
        day -= timedelta(days=1)  # a skipped (kshaya) tithi: the day it runs in
    return day


def observance_day(span: tuple[float, float], moment: str, place: Place = REFERENCE) -> tuple[date, bool]:
    """(civil day at ``place``, whether conventions may disagree) for a tithi spanning ``span``.

    For windowed moments the day whose window overlaps the tithi longest wins;
    when the windows of two days both touch the tithi, panchangas following
    other conventions can pick the other day, so the answer is flagged.
    """
    start, end = span
    if moment == "sunrise":
        return _sunrise_day(span, place), False
    base = "pradosh" if moment == "holika dahan" else moment
    lo_h, hi_h = _WINDOW_HOURS[base]
    overlaps = []
    day = place.local_date(start) - timedelta(days=1)
    while place.midnight(day) + lo_h / 24 < end:
        if place.midnight(day) + hi_h / 24 > start:
            lo, hi = _window(place, day, base)
            if min(hi, end) > max(lo, start):
                overlaps.append((min(hi, end) - max(lo, start), day))
        day += timedelta(days=1)
    if not overlaps:
        return _sunrise_day(span, place), True
    chosen = max(overlaps, key=lambda o: (o[0], -o[1].toordinal()))[1]
    if moment == "holika dahan":
        chosen = _three_and_a_half_prahar(span, chosen, place)
    return chosen, len(overlaps) > 1


def _three_and_a_half_prahar(span: tuple[float, float], day: date, place: Place) -> date:
    """Holika Dahan: if the Purnima lasts 3½ of the next day's 4 prahars, that evening.

    The rule of the dharmashastra digests (Nirnaya Sindhu, Dharmasindhu) that
    the panchangas follow: the first evening is then under Bhadra (the first
    half of Purnima), and a Purnima covering three and a half prahars of the
    next day moves the bonfire there.
    """
    following = day + timedelta(days=1)
    rise, set_ = astronomy.sunrise(place, following), astronomy.sunset(place, following)
    return following if span[1] >= rise + 0.875 * (set_ - rise) else day


@lru_cache(maxsize=4096)
def feast_dates(gregorian_year: int, month: int, tithi: int, moment: str) -> tuple[tuple[date, bool], ...]:
    """(civil date, disputed) in ``gregorian_year`` of ``tithi`` of the regular (nija) ``month``."""
    found = []
    for m in lunar_months(gregorian_year):
        if m.number == month and not m.adhika:
            d, disputed = observance_day(tithi_span(m, tithi), moment)
            if d.year == gregorian_year:
                found.append((d, disputed))
    return tuple(found)
