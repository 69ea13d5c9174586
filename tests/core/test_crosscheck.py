"""Cross-checks against independent implementations, every year 1900-2100.

  pyluach          Hebrew calendar and its festival/fast-day names (both observances)
  python-dateutil  Western and Orthodox Easter (its own computus, not convertdate's)
  hijridate        the Umm al-Qura table, read directly
  (this file)      the tabular Islamic calendar, written out from Reingold & Dershowitz
  python-holidays  German statutory holidays (holidays.DE, German names), from 1991

Each check runs over the whole span in well under a second once the engine's
year cache is warm.
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays as pyholidays
import pytest
from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from hijridate import Hijri
from pyluach.dates import HebrewDate
from pyluach.hebrewcal import Year

from interkultur.calendars import hijri
from interkultur.calendars.hijri import PROFILES
from interkultur.engine import Engine

YEARS = range(1900, 2101)
ONE = timedelta(days=1)


def starts(engine: Engine, holiday_id: str, years=YEARS, **variants: str) -> dict[date, object]:
    """start -> occurrence, for every occurrence of ``holiday_id`` starting in ``years``."""
    return {o.start: o for y in years for o in engine.year(y, **variants) if o.id == holiday_id}


# -- Hebrew holidays against pyluach ---------------------------------------------------------------

#: id -> (pyluach name, month, day, Hebrew year offset from the Gregorian year).
#: pyluach numbers months from Nisan (1) to Adar (12) and Adar II (13).
HEBREW = {
    "rosh-hashanah": ("Rosh Hashana", 7, 1, 3761),
    "yom-kippur": ("Yom Kippur", 7, 10, 3761),
    "sukkot": ("Succos", 7, 15, 3761),
    "shemini-atzeret": ("Shmini Atzeres", 7, 22, 3761),
    "hanukkah": ("Chanuka", 9, 25, 3761),
    "purim": ("Purim", 12, 14, 3760),
    "pesach": ("Pesach", 1, 15, 3760),
    "shavuot": ("Shavuos", 3, 6, 3760),
}


def pyluach_name(day: date, israel: bool) -> str | None:
    return HebrewDate.from_pydate(day).festival(israel=israel, include_working_days=True)


@pytest.mark.parametrize("jewish", ["diaspora", "israel"])
@pytest.mark.parametrize("holiday_id", sorted(HEBREW))
def test_hebrew_festival_matches_pyluach(engine: Engine, starting_in, holiday_id: str, jewish: str) -> None:
    name, month, day, offset = HEBREW[holiday_id]
    israel = jewish == "israel"
    assert starting_in(holiday_id, 2025, jewish=jewish)
    found = starts(engine, holiday_id, jewish=jewish)
    expected = set()
    for year in YEARS:
        hebrew_year = year + offset
        m = 13 if month == 12 and Year(hebrew_year).leap else month  # Purim in Adar II
        expected.add(HebrewDate(hebrew_year, m, day).to_pydate())
    assert set(found) == expected
    for start, occ in found.items():
        # the occurrence covers exactly the days pyluach gives the festival
        assert all(pyluach_name(d, israel) == name for d in occ.days()), (holiday_id, start)
        assert pyluach_name(occ.start - ONE, israel) != name, (holiday_id, start)
        assert pyluach_name(occ.end + ONE, israel) != name, (holiday_id, start)


@pytest.mark.parametrize("jewish", ["diaspora", "israel"])
def test_simchat_torah_matches_pyluach(engine: Engine, starting_in, jewish: str) -> None:
    # diaspora: 23 Tishrei, its own day; Israel: 22 Tishrei, together with Shemini Atzeret
    assert starting_in("simchat-torah", 2025, jewish=jewish)
    found = starts(engine, "simchat-torah", jewish=jewish)
    day = 23 if jewish == "diaspora" else 22
    assert set(found) == {HebrewDate(y + 3761, 7, day).to_pydate() for y in YEARS}
    if jewish == "diaspora":
        assert all(pyluach_name(d, israel=False) == "Simchas Torah" for d in found)


def test_tisha_bav_matches_pyluach_fast_days(engine: Engine, starting_in) -> None:
    assert starting_in("tisha-bav", 2025)
    found = starts(engine, "tisha-bav")
    assert len(found) == len(YEARS)
    for start in found:
        assert HebrewDate.from_pydate(start).fast_day() == "9 of Av", start
    # and every 9 Av fast pyluach knows (postponed to 10 Av after Shabbat) is one of them
    for year in YEARS:
        ninth = HebrewDate(year + 3760, 5, 9).to_pydate()
        observed = ninth + ONE if ninth.weekday() == 5 else ninth
        assert observed in found, year


# -- Easter against python-dateutil ------------------------------------------------------------------

EASTER_OFFSETS = {
    "ash-wednesday": (EASTER_WESTERN, -46),
    "palm-sunday": (EASTER_WESTERN, -7),
    "maundy-thursday": (EASTER_WESTERN, -3),
    "good-friday": (EASTER_WESTERN, -2),
    "easter-sunday": (EASTER_WESTERN, 0),
    "easter-monday": (EASTER_WESTERN, 1),
    "ascension": (EASTER_WESTERN, 39),
    "pentecost": (EASTER_WESTERN, 49),
    "whit-monday": (EASTER_WESTERN, 50),
    "corpus-christi": (EASTER_WESTERN, 60),
    "orthodox-good-friday": (EASTER_ORTHODOX, -2),
    "orthodox-easter": (EASTER_ORTHODOX, 0),
}


@pytest.mark.parametrize("holiday_id", sorted(EASTER_OFFSETS))
def test_easter_feast_matches_dateutil(engine: Engine, starting_in, holiday_id: str) -> None:
    method, offset = EASTER_OFFSETS[holiday_id]
    assert starting_in(holiday_id, 2025)
    found = starts(engine, holiday_id)
    assert set(found) == {easter(y, method) + timedelta(days=offset) for y in YEARS}


# -- Umm al-Qura against hijridate -------------------------------------------------------------------

#: id -> (Hijri month, day). Nights carry the date of the day after the night.
HIJRI = {
    "islamic-new-year": (1, 1),
    "ashura": (1, 10),
    "mawlid": (3, 12),
    "isra-miraj": (7, 27),
    "ramadan": (9, 1),
    "laylat-al-qadr": (9, 27),
    "eid-al-fitr": (10, 1),
    "day-of-arafah": (12, 9),
    "eid-al-adha": (12, 10),
}
#: Gregorian years wholly inside the hijridate table (1924-08-01 .. 2077-11-16)
UQ_YEARS = range(1925, 2077)


@pytest.mark.parametrize("holiday_id", sorted(HIJRI))
def test_islamic_feast_matches_hijridate(engine: Engine, starting_in, holiday_id: str) -> None:
    month, day = HIJRI[holiday_id]
    assert starting_in(holiday_id, 2025)
    found = starts(engine, holiday_id, UQ_YEARS)
    expected = {}
    for hijri_year in range(1343, 1501):
        g = Hijri(hijri_year, month, day).to_gregorian()
        if g.year in UQ_YEARS:
            expected[date(g.year, g.month, g.day)] = Hijri(hijri_year, month, 1).month_length()
    assert set(found) == set(expected)
    assert not any(occ.estimated for occ in found.values())
    if holiday_id == "ramadan":  # the whole month, as long as the table says
        assert {s: (o.end - s).days + 1 for s, o in found.items()} == expected


def _tabular_ordinal(year: int, month: int, day: int) -> int:
    """Fixed day number of a tabular Islamic date (Reingold & Dershowitz, civil epoch
    16 July 622 Julian = 19 July 622 proleptic Gregorian; leap years 2, 5, 7, 10, 13,
    16, 18, 21, 24, 26, 29 of the 30-year cycle)."""
    epoch = date(622, 7, 19).toordinal()
    return epoch - 1 + (year - 1) * 354 + (3 + 11 * year) // 30 + 29 * (month - 1) + month // 2 + day


def test_tabular_profile_matches_the_arithmetic() -> None:
    tabular = PROFILES["tabular"]
    for hijri_year in range(1317, 1526):
        for month in range(1, 13):
            first, estimated = tabular.to_date(hijri_year, month, 1)
            assert estimated
            assert first.toordinal() == _tabular_ordinal(hijri_year, month, 1), (hijri_year, month)
            following = (hijri_year + 1, 1) if month == 12 else (hijri_year, month + 1)
            assert tabular.month_length(hijri_year, month) == _tabular_ordinal(*following, 1) - first.toordinal()


@pytest.mark.parametrize(
    "profile", [*PROFILES.values(), hijri.profiles("diyanet")["sighting"]], ids=[*PROFILES, "sighting-on-diyanet"]
)
def test_hijri_years_touching_holds_every_profiles_year(profile) -> None:
    """Rules only look at ``years_touching``: a Hijri year missing there is a feast missing."""
    for year in range(1900, 2101):
        touching = hijri.years_touching(year)
        assert len(touching) in (2, 3), year
        for day in (date(year, 1, 1), date(year, 12, 31)):
            assert profile.from_date(day)[0] in touching, (profile.name, day)
    for hijri_year in range(1317, 1526):  # and the drift that bound is derived from
        for month in range(1, 13):
            drift = profile.to_date(hijri_year, month, 1)[0].toordinal() - _tabular_ordinal(hijri_year, month, 1)
            assert abs(drift) < hijri.PROFILE_DRIFT_DAYS, (profile.name, hijri_year, month, drift)


def test_tabular_eid_al_fitr_matches_the_arithmetic(engine: Engine, starting_in) -> None:
    assert starting_in("eid-al-fitr", 2025, islamic="tabular")
    found = starts(engine, "eid-al-fitr", islamic="tabular")
    expected = {date.fromordinal(_tabular_ordinal(y, 10, 1)) for y in range(1317, 1526)}
    assert set(found) == {d for d in expected if d.year in YEARS}
    assert all(o.estimated for o in found.values())


# -- German statutory holidays against python-holidays ---------------------------------------------

#: (Land, German name in holidays.DE, catalogue id). holidays.DE starts in 1991.
STATUTORY = [
    ("NW", "Karfreitag", "good-friday"),
    ("NW", "Ostermontag", "easter-monday"),
    ("NW", "Christi Himmelfahrt", "ascension"),
    ("NW", "Pfingstmontag", "whit-monday"),
    ("NW", "Fronleichnam", "corpus-christi"),
    ("NW", "Allerheiligen", "all-saints"),
    ("NW", "Erster Weihnachtstag", "christmas"),
    ("BB", "Ostersonntag", "easter-sunday"),
    ("BB", "Pfingstsonntag", "pentecost"),
    ("BB", "Reformationstag", "reformation-day"),
    ("BY", "Heilige Drei Könige", "epiphany"),
]
GERMAN_YEARS = range(1991, 2101)


@pytest.fixture(scope="module")
def german_holidays() -> dict[tuple[str, str], set[date]]:
    by_name: dict[tuple[str, str], set[date]] = {}
    for land in sorted({land for land, _, _ in STATUTORY}):
        table = pyholidays.DE(subdiv=land, years=GERMAN_YEARS, language="de")
        for day, names in table.items():
            for name in names.split("; "):
                by_name.setdefault((land, name), set()).add(day)
    return by_name


@pytest.mark.parametrize(("land", "name", "holiday_id"), STATUTORY, ids=[s[2] for s in STATUTORY])
def test_statutory_holiday_matches_python_holidays(
    engine: Engine, starting_in, german_holidays, land: str, name: str, holiday_id: str
) -> None:
    assert starting_in(holiday_id, 2025)
    expected = german_holidays[(land, name)]
    assert len(expected) == len(GERMAN_YEARS)
    assert set(starts(engine, holiday_id, GERMAN_YEARS)) == expected


@pytest.mark.parametrize("relation", ["before", "after", "on or before", "on or after"])
def test_weekday_steps_match_dateutil_relativedelta(relation: str) -> None:
    """Weekday arithmetic against dateutil: ``relativedelta(weekday=SU(-4))`` is "4th sunday on or before"."""
    from dateutil.relativedelta import relativedelta
    from dateutil.relativedelta import weekday as rd_weekday

    from interkultur.calendars.weekdays import nth_weekday

    day = date(1899, 12, 1)
    while day < date(1901, 2, 1):
        for weekday in range(7):
            for nth in (1, 2, 4, 6):
                backwards = relation.endswith("before")
                shift = 0 if relation.startswith("on or") else (-1 if backwards else 1)
                expected = day + relativedelta(days=shift, weekday=rd_weekday(weekday, -nth if backwards else nth))
                assert nth_weekday(day, weekday, relation, nth) == expected, (day, weekday, relation, nth)
        day += timedelta(days=1)
