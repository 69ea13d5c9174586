"""Hindu lunisolar dates: amanta months and tithis, and the feasts of a year.

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

Which civil day holds a tithi (the moment of the day that picks it, the
panchangas' rules) is decided in ``hinduday``; this module finds the months
and their tithis and hands each tithi's span over.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from ..records import record
from . import astronomy
from .astronomy import SANKRANTI
from .hinduday import observance_day

MONTHS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        (
            "chaitra",
            "vaishakha",
            "jyeshtha",
            "ashadha",
            "shravana",
            "bhadrapada",
            "ashvin",
            "kartika",
            "margashirsha",
            "pausha",
            "magha",
            "phalguna",
        ),
        start=1,
    )
}
MONTHS.update({"ashwin": 7, "asvina": 7, "kartik": 8, "phalgun": 12, "vaisakha": 2, "sravana": 5})

#: Tithi names -> number 1..30.
TITHIS: dict[str, int] = {"purnima": 15, "amavasya": 30}
TITHIS.update({f"shukla {n}": n for n in range(1, 15)})
TITHIS.update({f"krishna {n}": 15 + n for n in range(1, 15)})

#: Sidereal signs (rashis) -> 0 (Mesha) ... 11 (Mina), for sankrantis.
RASHIS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        (
            "mesha",
            "vrishabha",
            "mithuna",
            "karka",
            "simha",
            "kanya",
            "tula",
            "vrishchika",
            "dhanu",
            "makara",
            "kumbha",
            "mina",
        )
    )
}
RASHIS.update({"makar": 9, "mesh": 0})


@record
class LunarMonth:
    start: float  # instant of the new moon that begins it
    end: float  # instant of the next new moon
    number: int  # 1 = Chaitra ... 12 = Phalguna
    adhika: bool


def _rashi(t: float) -> int:
    """Sidereal sign (0 = Mesha ... 11 = Mina) of the Sun at instant ``t``, from the sankranti table."""
    last = None
    for _instant, angle in astronomy.events_between(SANKRANTI, t - 32, t):
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
    return (month.start if tithi == 1 else inner[tithi - 2], month.end if tithi == 30 else inner[tithi - 1])


#: Nakshatra names -> number 1..27 (Ashvini ... Revati), each 13°20' of the sidereal ecliptic.
NAKSHATRAS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        (
            "ashvini",
            "bharani",
            "krittika",
            "rohini",
            "mrigashira",
            "ardra",
            "punarvasu",
            "pushya",
            "ashlesha",
            "magha",
            "purva phalguni",
            "uttara phalguni",
            "hasta",
            "chitra",
            "swati",
            "vishakha",
            "anuradha",
            "jyeshtha",
            "mula",
            "purva ashadha",
            "uttara ashadha",
            "shravana",
            "dhanishta",
            "shatabhisha",
            "purva bhadrapada",
            "uttara bhadrapada",
            "revati",
        ),
        start=1,
    )
}
NAKSHATRAS.update({"sravana": 22, "shravan": 22})


@lru_cache(maxsize=4096)
def feast_dates(
    gregorian_year: int, month: int, tithi: int, moment: str, nakshatra: int | None = None
) -> tuple[tuple[date, bool], ...]:
    """(civil date, disputed) in ``gregorian_year`` of ``tithi`` of the regular (nija) ``month``."""
    found = []
    for m in lunar_months(gregorian_year):
        if m.number == month and not m.adhika:
            d, disputed = observance_day(tithi_span(m, tithi), moment, nakshatra=nakshatra)
            if d.year == gregorian_year:
                found.append((d, disputed))
    return tuple(found)
