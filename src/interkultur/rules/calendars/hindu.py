"""Hindu anchors: ``hindu ashvin amavasya at pradosh [with NAKSHATRA]``, a tithi of an amanta month at New Delhi."""

from __future__ import annotations

import re

from ...calendars import hindu, hinduday
from ...records import record
from ..base import Context, Rule, RuleSyntaxError, Start, known_names
from ..registry import anchor

ORDER = 100


@record(repr=False)
class HinduDate(Rule):
    """``hindu MONTH TITHI at MOMENT [with NAKSHATRA]``: a tithi of a regular amanta month at New Delhi.

    The day is decided by ``hinduday.observance_day`` (one rule for every
    moment). ``estimated`` is set where panchangas of different conventions
    can name different days: the tithi meets the moment on two days or on
    none (for ``sunrise``: two sunrises or none, where e.g. the SGPC announces
    Guru Nanak Gurpurab rather than a rule deciding it), within minutes of
    an edge, or the nakshatra moved the day.
    """

    month: int
    tithi: int
    moment: str
    nakshatra: int | None = None
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        found = hindu.feast_dates(year, self.month, self.tithi, self.moment, self.nakshatra)
        return [Start(d, disputed) for d, disputed in found]


_TITHI = "|".join(sorted(hindu.TITHIS, key=len, reverse=True))
_MOMENT = "|".join(hinduday.MOMENTS)


@anchor("hindu", rf"hindu ([a-z]+) ({_TITHI}) at ({_MOMENT})(?: with ([a-z ]+?))?", "hindu ashvin amavasya at pradosh")
def _hindu(m: re.Match[str]) -> Rule:
    if m[1] not in hindu.MONTHS:
        raise RuleSyntaxError(f"unknown Hindu (amanta) month {m[1]!r} (known: {known_names(hindu.MONTHS)})")
    if m[4] is not None and m[4] not in hindu.NAKSHATRAS:
        raise RuleSyntaxError(f"unknown nakshatra {m[4]!r} (known: {known_names(hindu.NAKSHATRAS)})")
    nakshatra = hindu.NAKSHATRAS[m[4]] if m[4] is not None else None
    return HinduDate(hindu.MONTHS[m[1]], hindu.TITHIS[m[2]], m[3], nakshatra, text=m[0])


@record(repr=False)
class HinduSankranti(Rule):
    """``hindu RASHI sankranti``: the day of the Sun's sidereal entry into a sign (Makar Sankranti).

    Decided by ``hinduday.sankranti_day``; ``estimated`` where the ingress is
    within minutes of sunset, so panchangas may name the next day.
    """

    rashi: int
    text: str = ""

    def starts(self, year: int, ctx: Context) -> list[Start]:
        day, disputed = hinduday.sankranti_day(year, self.rashi)
        return [Start(day, disputed)] if day.year == year else []


@anchor("hindu", r"hindu ([a-z]+) sankranti", "hindu makara sankranti")
def _sankranti(m: re.Match[str]) -> Rule:
    if m[1] not in hindu.RASHIS:
        raise RuleSyntaxError(f"unknown rashi {m[1]!r} (known: {known_names(hindu.RASHIS)})")
    return HinduSankranti(hindu.RASHIS[m[1]], text=m[0])
