"""The civil day a Hindu feast is kept on: a tithi at its moment of the day, a sankranti by its ingress.

Separate from ``hindu`` (which finds the months and the tithis' spans) because
this is the panchangas' decision rule, one for every feast, over sunrise and
sunset at a place; it needs no month names.

A feast falls on the civil day whose chosen moment holds the tithi, at a
reference place (New Delhi, IST, the default of the published panchangas).
Every moment goes through the one decision ``observance_day``:

* the moments: ``sunrise`` (udaya tithi, an instant); ``morning``, the first
  third of daylight (Ghatasthapana, Navaratri); ``aparahna``, the fourth fifth
  of daylight, muhurtas 10-12 of 15 (Vijayadashami); ``purvahna``, the
  forenoon from sunrise to midday (Vasant Panchami); ``madhyahna``, the
  third fifth of daylight, muhurtas 7-9 (Rama Navami, Ganesh Chaturthi);
  ``pradosh``, the first fifth of the night after sunset (Lakshmi Puja);
  ``nishita``, the 8th of the night's 15 muhurtas, around local midnight,
  of the night after the day (Maha Shivaratri, Janmashtami);
  ``raksha bandhan``, aparahna of the part of the tithi free of Bhadra
  (Vishti karana, the first half of Purnima), see ``_after_bhadra``;
  ``janmashtami``, the Vaishnava (udaya, sunrise) day, disputed where the
  Smarta nishita day differs; ``holika dahan``, pradosh
  and then the 3½-prahar rule (if the Purnima still lasts 3½ of the next day's
  four prahars, 7/8 of its daylight, the bonfire moves to that evening;
  Nirnaya Sindhu); Holi (Dhulandi) is the day after;
* the day whose moment holds the tithi longest wins, the first on equal
  holding (two sunrises, two whole windows); a tithi meeting no day's moment
  is kept on the first day whose daylight it touches (a skipped tithi at
  sunrise: the day it runs in; Dashami past the aparahna: that day);
* an optional nakshatra preference (Shravana for Vijayadashami) can move the
  feast to the other of two days, by Dharmasindhu's rules (``_nakshatra_day``);
* the date is reported as disputed (``estimated``) where panchangas of other
  conventions, or an announcing body, may name another day: the tithi meets
  the moment on two days or on none, an edge is within ``KNIFE_EDGE``, or the
  nakshatra moved the day.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import astronomy
from .astronomy import NEW_DELHI, SANKRANTI, Place

MOMENTS = (
    "sunrise",
    "morning",
    "purvahna",
    "madhyahna",
    "aparahna",
    "pradosh",
    "nishita",
    "holika dahan",
    "raksha bandhan",
    "janmashtami",
)
REFERENCE = NEW_DELHI

#: An overlap shorter than this is a knife edge: published tithi and sunrise times
#: differ from ours by a few minutes (other sunrise conventions, other ephemerides),
#: so it does not count as the tithi or nakshatra holding the window, and the date
#: is flagged. Vijayadashami 2018: Dashami began 2 minutes before the end of
#: 18 October's aparahna; the panchangas kept 19 October.
KNIFE_EDGE = 5 / 1440

#: Local hours that bound each window, to skip days that cannot overlap a tithi.
_WINDOW_HOURS = {
    "sunrise": (4.5, 8.0),
    "morning": (4.5, 12.5),
    "purvahna": (4.5, 13.0),
    "madhyahna": (9.5, 15.0),
    "aparahna": (11.5, 18.0),
    "pradosh": (16.5, 23.5),
    "nishita": (22.5, 25.5),
}

Span = tuple[float, float]


def _window(place: Place, day: date, moment: str) -> Span:
    """The instants bounding ``moment`` on ``day``; ``sunrise`` is an instant (start == end)."""
    rise, set_ = astronomy.sunrise(place, day), astronomy.sunset(place, day)
    if moment == "sunrise":
        return rise, rise
    if moment == "morning":  # the first third of daylight
        return rise, rise + (set_ - rise) / 3
    if moment == "purvahna":  # the forenoon: sunrise to midday
        return rise, rise + (set_ - rise) / 2
    if moment == "madhyahna":  # the third fifth of daylight (muhurtas 7-9 of 15)
        length = set_ - rise
        return rise + 0.4 * length, rise + 0.6 * length
    if moment == "aparahna":  # the fourth fifth of daylight (muhurtas 10-12 of 15)
        length = set_ - rise
        return rise + 0.6 * length, rise + 0.8 * length
    if moment == "nishita":  # the 8th of the 15 muhurtas of the night after ``day``
        night = astronomy.sunrise(place, day + timedelta(days=1)) - set_
        return set_ + 7 * night / 15, set_ + 8 * night / 15
    return set_, set_ + (1.0 - (set_ - rise)) / 5  # pradosh: the first fifth of the night


def _overlap(span: Span, window: Span) -> float | None:
    """How long ``span`` holds ``window`` (days); for an instant window, its margin inside the span.

    ``None`` when they do not meet at all.
    """
    (start, end), (lo, hi) = span, window
    if lo == hi:
        return min(lo - start, end - lo) if start <= lo < end else None
    held = min(hi, end) - max(lo, start)
    return held if held > 0 else None


def _holds(span: Span, window: Span) -> bool:
    """Whether ``span`` holds ``window`` by more than a knife edge."""
    held = _overlap(span, window)
    return held is not None and held > KNIFE_EDGE


def _first_daylit_day(span: Span, place: Place) -> date:
    """The first civil day whose daylight (sunrise to sunset) the span touches.

    A tithi lasts at least 19 hours, longer than any Delhi night, so there is one.
    """
    day = place.local_date(span[0])
    if astronomy.sunset(place, day) <= span[0]:
        day += timedelta(days=1)
    return day


def observance_day(
    span: Span, moment: str, place: Place = REFERENCE, nakshatra: int | None = None
) -> tuple[date, bool]:
    """(civil day at ``place``, whether conventions may disagree) for a tithi spanning ``span``.

    The one decision every tithi-at-a-moment feast goes through (the
    dharmashastra digests, Nirnayasindhu and Dharmasindhu, state it for
    Vijayadashami at aparahna, and the panchangas apply the same steps to
    pradosh, morning and sunrise):

    1. The day whose window holds the tithi longest; on equal holding (both
       windows wholly, or two sunrises) the first. A tithi that meets no
       day's window is kept on the first day whose daylight it touches (for
       ``sunrise`` a skipped, kshaya, tithi: the day it runs in).
    2. With a ``nakshatra`` preference (Shravana for Vijayadashami), see
       ``_nakshatra_day``: it can move the feast to the other of two days.
    3. ``holika dahan``: the 3½-prahar rule (``_three_and_a_half_prahar``).

    Flagged (``True``) where panchangas of other conventions name another day:
    the tithi meets the window on two days or on none, a holding is within
    ``KNIFE_EDGE``, or the nakshatra moved the day.
    """
    base = {"holika dahan": "pradosh", "raksha bandhan": "aparahna", "janmashtami": "sunrise"}.get(moment, moment)
    if moment == "raksha bandhan":
        span = (bhadra_end(span), span[1])
    held: dict[date, float] = {}
    lo_h, hi_h = _WINDOW_HOURS[base]
    day = place.local_date(span[0]) - timedelta(days=1)
    while place.midnight(day) + lo_h / 24 < span[1]:
        if place.midnight(day) + hi_h / 24 > span[0]:
            overlap = _overlap(span, _window(place, day, base))
            if overlap is not None:
                held[day] = overlap
        day += timedelta(days=1)
    if held:
        rank = (lambda d: 0.0) if base == "sunrise" else held.__getitem__
        chosen = max(held, key=lambda d: (rank(d), -d.toordinal()))
    else:
        chosen = _first_daylit_day(span, place)
    disputed = len(held) != 1 or any(v <= KNIFE_EDGE for v in held.values())
    if nakshatra is not None:
        first = min([*held, _first_daylit_day(span, place)])
        preferred = _nakshatra_day(span, base, place, nakshatra, chosen, first)
        disputed |= preferred != chosen
        chosen = preferred
    if moment == "holika dahan":
        chosen = _three_and_a_half_prahar(span, chosen, place)
    if moment == "raksha bandhan" and not held:
        chosen = _after_bhadra(span, place)
    if moment == "janmashtami":  # Vaishnava (udaya) day; Smarta panchangas keep the nishita day
        disputed |= observance_day(span, "nishita", place)[0] != chosen
    return chosen, disputed


def bhadra_end(span: Span) -> float:
    """The end of Bhadra (Vishti karana) in a Purnima spanning ``span``: its midpoint in elongation.

    A karana is half a tithi (6° of elongation); Vishti is the 7th of the
    seven movable karanas, which cycle from the second half of Shukla
    Pratipada, so it falls on the first half of Purnima (168°-174°). Rakhi is
    not tied under Bhadra: only the rest of the Purnima counts.
    """
    return astronomy.vishti_end(span)


def sankranti_day(gregorian_year: int, rashi: int, place: Place = REFERENCE) -> tuple[date, bool]:
    """(civil day, disputed) of the Sun's sidereal (Lahiri) entry into ``rashi`` (0 = Mesha) in that year.

    The punya kala of a sankranti follows the ingress: an ingress between
    sunrise and sunset is kept that day, one after sunset on the next day
    (and, in the published panchangas, one before sunrise on that same civil
    day). Disputed when the ingress is within ``KNIFE_EDGE`` of sunset.
    """
    angle = 30 * rashi
    for t, a in astronomy.events_in_year(SANKRANTI, gregorian_year):
        if a == angle:
            day = place.local_date(t)
            set_ = astronomy.sunset(place, day)
            chosen = day + timedelta(days=1) if t > set_ else day
            return chosen, abs(t - set_) <= KNIFE_EDGE
    raise ValueError(f"no sankranti at {angle} degrees in {gregorian_year}")


def _nakshatra_day(span: Span, moment: str, place: Place, nakshatra: int, chosen: date, first: date) -> date:
    """The day a nakshatra preference picks of the tithi's two days, ``first`` and the next.

    ``first`` is the earliest day whose moment or daylight the tithi meets.

    Dharmasindhu (pariccheda 2, Vijayadashami; drikpanchang.com "Dussehra
    rules" states the same), with "holds" meaning more than a knife edge:

    * tithi at the window on both days, or on neither: the day whose window
      the nakshatra holds, if it holds exactly one of them;
    * tithi at the window on the first day only: the second day if there the
      tithi still lasts three muhurtas (a fifth of daylight) after sunrise, and
      the nakshatra is joined to it at sunrise and holds that day's window,
      while the first day's window lacks it; else the first day (a shorter
      remnant, or no nakshatra with it, leaves the feast where it was);
    * tithi at the window on the second day only: the second day.
    """
    second = first + timedelta(days=1)
    if astronomy.sunrise(place, second) >= span[1] and _overlap(span, _window(place, second, moment)) is None:
        return chosen  # the tithi meets one day only: nothing to choose
    star = astronomy.nakshatra_span(nakshatra, (span[0] + span[1]) / 2)
    tithi_at = [_holds(span, _window(place, d, moment)) for d in (first, second)]
    star_at = [_holds(star, _window(place, d, moment)) for d in (first, second)]
    if tithi_at[0] == tithi_at[1]:
        if star_at[0] != star_at[1]:
            return first if star_at[0] else second
        return chosen
    if tithi_at[1]:
        return second
    rise, set_ = astronomy.sunrise(place, second), astronomy.sunset(place, second)
    lasts = span[1] - rise >= (set_ - rise) / 5
    joined = star[0] <= rise < star[1]
    return second if lasts and joined and star_at[1] and not star_at[0] else first


def _after_bhadra(free: Span, place: Place) -> date:
    """Raksha Bandhan when no aparahna holds the Bhadra-free Purnima (drikpanchang.com, "Raksha Bandhan rules").

    The next day if the Purnima still lasts three muhurtas (a fifth of
    daylight) after its sunrise; else the evening (pradosh) the Bhadra ends in.
    """
    day = place.local_date(free[0])
    following = day + timedelta(days=1)
    rise, set_ = astronomy.sunrise(place, following), astronomy.sunset(place, following)
    if free[0] < rise and free[1] - rise >= (set_ - rise) / 5:
        return following
    return day


def _three_and_a_half_prahar(span: Span, day: date, place: Place) -> date:
    """Holika Dahan: if the Purnima lasts 3½ of the next day's 4 prahars, that evening.

    The rule of the dharmashastra digests (Nirnaya Sindhu, Dharmasindhu) that
    the panchangas follow: the first evening is then under Bhadra (the first
    half of Purnima), and a Purnima covering three and a half prahars of the
    next day moves the bonfire there.
    """
    following = day + timedelta(days=1)
    rise, set_ = astronomy.sunrise(place, following), astronomy.sunset(place, following)
    return following if span[1] >= rise + 0.875 * (set_ - rise) else day
