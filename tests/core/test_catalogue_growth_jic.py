"""New Jewish, Islamic, Christian, Bahá'í, Romani and international days ("Every community finds its days").

Every date below comes from a published source named at the case, or from an
independent library over the widest span it covers:

* Jewish days: Hebcal's holiday pages (hebcal.com/holidays/<name>) for single
  years, and every year 1950-2100 against ``pyluach`` (its own Hebrew calendar
  and its own fast-day rules, independent of convertdate, which the engine
  uses). Yom HaZikaron/HaAtzmaut follow Hebcal's published rule
  (github.com/hebcal/hebcal-es6, ``holidays.js``: by the weekday of Pesach;
  the Monday shift from 5764 = 2004), rebuilt here on pyluach's dates.
* Islamic days: the Umm al-Qura table through ``hijridate`` (1343-1500 AH),
  and Diyanet's published Dini Günler calendars for 2025/2026.
* Ethiopian days: ``convertdate.coptic`` and published Ethiopian dates.
* Bahá'í days: the Bahá'í World Centre's table "Badíʿ dates 172 to 221 BE"
  (tests/astro/data/bahai_dates_172_221.csv).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path

import pytest
from convertdate import coptic
from hijridate import Hijri
from pyluach import dates as pyluach_dates
from pyluach import hebrewcal

from interkultur.engine import Engine, Occurrence

D = date.fromisoformat
BAHAI_TABLE = Path(__file__).resolve().parents[1] / "astro" / "data" / "bahai_dates_172_221.csv"

JEWISH_IDS = [
    "fast-of-gedaliah",
    "asarah-betevet",
    "fast-of-esther",
    "shushan-purim",
    "seventeenth-of-tammuz",
    "hoshana-rabbah",
    "yom-hazikaron",
    "yom-haatzmaut",
    "yom-yerushalayim",
]


@cache
def starts(engine: Engine, holiday_id: str, first: int, last: int, **variants: str) -> frozenset[date]:
    """Start dates of a holiday in Gregorian years first..last."""
    found = engine.occurrences(date(first, 1, 1), date(last, 12, 31), ids=[holiday_id], **variants)
    return frozenset(o.start for o in found if first <= o.start.year <= last)


# -- Jewish: Hebcal pages ---------------------------------------------------------------------------------

HEBCAL = [
    # (id, year, date, Hebcal page)
    (
        "fast-of-gedaliah",
        2024,
        "2024-10-06",
        "hebcal.com/holidays/tzom-gedaliah: 3 Tishrei 5785 is Shabbat, fast on Sunday",
    ),
    ("fast-of-gedaliah", 2025, "2025-09-25", "hebcal.com/holidays/tzom-gedaliah"),
    ("fast-of-esther", 2024, "2024-03-21", "hebcal.com/holidays/taanit-esther: 13 Adar II 5784 is Shabbat, Thursday"),
    ("fast-of-esther", 2025, "2025-03-13", "hebcal.com/holidays/taanit-esther"),
    ("shushan-purim", 2024, "2024-03-25", "hebcal.com/holidays/shushan-purim (15 Adar II 5784)"),
    ("shushan-purim", 2025, "2025-03-15", "hebcal.com/holidays/shushan-purim"),
    ("seventeenth-of-tammuz", 2024, "2024-07-23", "hebcal.com/holidays/tzom-tammuz"),
    ("seventeenth-of-tammuz", 2025, "2025-07-13", "hebcal.com/holidays/tzom-tammuz: 17 Tammuz is Shabbat, Sunday"),
    ("hoshana-rabbah", 2024, "2024-10-23", "hebcal.com/holidays/sukkot (Hoshana Raba)"),
    ("hoshana-rabbah", 2025, "2025-10-13", "hebcal.com/holidays/sukkot (Hoshana Raba)"),
    ("yom-yerushalayim", 2024, "2024-06-05", "hebcal.com/holidays/yom-yerushalayim"),
    ("yom-yerushalayim", 2025, "2025-05-26", "hebcal.com/holidays/yom-yerushalayim"),
    # Shift years (hebcal.com/holidays/yom-haatzma-ut, /yom-hazikaron):
    ("yom-haatzmaut", 2004, "2004-04-27", "5 Iyyar 5764 is Monday: first Tuesday shift (Knesset 2004)"),
    ("yom-hazikaron", 2004, "2004-04-26", "5 Iyyar 5764 is Monday: Memorial Day on Monday"),
    ("yom-haatzmaut", 2007, "2007-04-24", "5 Iyyar 5767 is Monday: Tuesday"),
    ("yom-hazikaron", 2007, "2007-04-23", "the day before"),
    ("yom-haatzmaut", 2013, "2013-04-16", "5 Iyyar 5773 is Monday: Tuesday"),
    ("yom-hazikaron", 2013, "2013-04-15", "the day before"),
    ("yom-haatzmaut", 2024, "2024-05-14", "5 Iyyar 5784 is Monday: Tuesday"),
    ("yom-hazikaron", 2024, "2024-05-13", "the day before"),
    ("yom-haatzmaut", 2022, "2022-05-05", "5 Iyyar 5782 is Friday: Thursday"),
    ("yom-hazikaron", 2022, "2022-05-04", "the day before"),
    ("yom-haatzmaut", 2025, "2025-05-01", "5 Iyyar 5785 is Shabbat: Thursday"),
    ("yom-hazikaron", 2025, "2025-04-30", "the day before"),
    ("yom-haatzmaut", 2023, "2023-04-26", "5 Iyyar 5783 is Wednesday: unmoved"),
    ("yom-haatzmaut", 1949, "1949-05-04", "first Independence Day, 5 Iyyar 5709 (Independence Day Law 5709-1949)"),
]


@pytest.mark.parametrize("jewish", ["diaspora", "israel"])
@pytest.mark.parametrize(("holiday_id", "year", "expected", "source"), HEBCAL)
def test_jewish_days_match_hebcal(
    the_one: Callable[..., Occurrence], holiday_id: str, year: int, expected: str, source: str, jewish: str
) -> None:
    assert the_one(holiday_id, year, jewish=jewish).start == D(expected), source


def test_asarah_betevet_twice_in_2025(starting_in: Callable[..., list[Occurrence]]) -> None:
    # Hebcal, https://www.hebcal.com/holidays/asara-btevet: 10 Tevet 5785 = Friday 10 January 2025
    # (a fast that is never moved, not even before Shabbat), 10 Tevet 5786 = 30 December 2025.
    assert [o.start for o in starting_in("asarah-betevet", 2025)] == [D("2025-01-10"), D("2025-12-30")]
    assert starting_in("asarah-betevet", 2024) == []


# -- Jewish: every year 1950-2100 against pyluach ---------------------------------------------------------

PYLUACH_FASTS = {
    "Tzom Gedalia": "fast-of-gedaliah",
    "10 of Teves": "asarah-betevet",
    "Taanis Esther": "fast-of-esther",
    "17 of Tamuz": "seventeenth-of-tammuz",
}


@lru_cache(maxsize=1)
def pyluach_fasts() -> dict[str, frozenset[date]]:
    """Every minor fast 1950-2100 as pyluach dates it, with its own Shabbat rules."""
    found: dict[str, set[date]] = defaultdict(set)
    day = date(1950, 1, 1)
    while day <= date(2100, 12, 31):
        name = pyluach_dates.GregorianDate(day.year, day.month, day.day).to_heb().fast_day()
        if name in PYLUACH_FASTS:
            found[PYLUACH_FASTS[name]].add(day)
        day += timedelta(days=1)
    return {k: frozenset(v) for k, v in found.items()}


@pytest.mark.parametrize("holiday_id", sorted(PYLUACH_FASTS.values()))
def test_minor_fasts_match_pyluach_1950_2100(engine: Engine, holiday_id: str) -> None:
    expected = pyluach_fasts()[holiday_id]
    assert len(expected) >= 150
    assert starts(engine, holiday_id, 1950, 2100) == expected


def hebrew_years() -> range:
    return range(5710, 5862)  # every Hebrew year touching 1950-2100; callers keep their span


def pyluach_day(year: int, month: int, day: int) -> date:
    return pyluach_dates.HebrewDate(year, month, day).to_pydate()


def adar(year: int) -> int:
    """pyluach's number of Adar (Adar II in a leap year)."""
    return 13 if hebrewcal.Year(year).leap else 12


@pytest.mark.parametrize(
    ("holiday_id", "month_day"),
    [
        ("shushan-purim", lambda y: (adar(y), 15)),
        ("hoshana-rabbah", lambda y: (7, 21)),
        ("yom-yerushalayim", lambda y: (2, 28)),
    ],
)
def test_fixed_hebrew_days_match_pyluach(engine: Engine, holiday_id: str, month_day: Callable) -> None:
    expected = {pyluach_day(y, *month_day(y)) for y in hebrew_years()}
    expected = {d for d in expected if 1968 <= d.year <= 2100}
    assert starts(engine, holiday_id, 1968, 2100) == frozenset(expected)


def hebcal_israel_national_days(year: int) -> tuple[date, date]:
    """(Yom HaZikaron, Yom HaAtzmaut) by Hebcal's published rule, on pyluach's calendar.

    hebcal-es6 holidays.js: Pesach on Sunday -> Zikaron 2 Iyyar; on Saturday -> 3 Iyyar;
    before 5764 otherwise 4 Iyyar; from 5764 Pesach on Tuesday -> 5 Iyyar; otherwise 4 Iyyar.
    Atzmaut is the next day.
    """
    pesach = pyluach_day(year, 1, 15).weekday()  # Python: Monday 0 ... Sunday 6
    if pesach == 6:
        day = 2
    elif pesach == 5:
        day = 3
    elif year >= 5764 and pesach == 1:
        day = 5
    else:
        day = 4
    zikaron = pyluach_day(year, 2, day)
    return zikaron, zikaron + timedelta(days=1)


@pytest.mark.parametrize("jewish", ["diaspora", "israel"])
def test_israeli_national_days_1951_2100(engine: Engine, jewish: str) -> None:
    pairs = [hebcal_israel_national_days(y) for y in range(5711, 5861)]
    assert starts(engine, "yom-hazikaron", 1951, 2100, jewish=jewish) == frozenset(z for z, _ in pairs)
    assert starts(engine, "yom-haatzmaut", 1951, 2100, jewish=jewish) == frozenset(a for _, a in pairs)


@pytest.mark.parametrize(
    ("holiday_id", "first"), [("yom-hazikaron", 1951), ("yom-haatzmaut", 1949), ("yom-yerushalayim", 1968)]
)
def test_israeli_days_start_in_their_first_year(engine: Engine, holiday_id: str, first: int) -> None:
    # Independence Day Law 5709-1949; Memorial Day on 4 Iyyar from 1951; Jerusalem Day proclaimed
    # 12 May 1968 (Wikipedia, "Yom HaZikaron", "Yom Ha'atzmaut", "Jerusalem Day").
    assert starts(engine, holiday_id, 1900, first - 1) == frozenset()
    assert len(starts(engine, holiday_id, first, first)) == 1


@pytest.mark.parametrize("holiday_id", JEWISH_IDS)
def test_fasts_begin_at_dawn_festivals_at_sunset(the_one: Callable[..., Occurrence], holiday_id: str) -> None:
    occurrence = the_one(holiday_id, 2026)
    if holiday_id in PYLUACH_FASTS.values():
        assert occurrence.eve is None, "minor fasts begin at dawn, not the evening before"
    else:
        assert occurrence.eve == occurrence.start - timedelta(days=1)


# -- Islamic ------------------------------------------------------------------------------------------------


def uq(year: int, month: int, day: int) -> date:
    return Hijri(year, month, day).to_gregorian()


def last_of_ramadan(year: int) -> date:
    return uq(year, 9, Hijri(year, 9, 1).month_length())


ISLAMIC = {
    "three-holy-months": lambda y: uq(y, 7, 1),
    "eid-al-fitr-eve": last_of_ramadan,
    "arbaeen": lambda y: uq(y, 2, 20),
    "martyrdom-of-ali": lambda y: uq(y, 9, 21),
}


@pytest.mark.parametrize("holiday_id", sorted(ISLAMIC))
def test_islamic_days_match_umm_al_qura(engine: Engine, holiday_id: str) -> None:
    # hijridate's Umm al-Qura table covers 1343-1500 AH; compare the Gregorian years it covers fully.
    expected = {ISLAMIC[holiday_id](y) for y in range(1343, 1501)}
    expected = {d for d in expected if 1925 <= d.year <= 2076}
    assert starts(engine, holiday_id, 1925, 2076) == frozenset(expected)


def test_arefe_follows_the_profiles_ramadan(engine: Engine) -> None:
    for profile in ("umm-al-qura", "diyanet", "tabular", "sighting"):
        eves = starts(engine, "eid-al-fitr-eve", 1990, 2060, islamic=profile)
        eids = starts(engine, "eid-al-fitr", 1990, 2060, islamic=profile)
        assert {d + timedelta(days=1) for d in eves} == set(eids), profile
    # 1445 AH: Ramadan had 30 days under Umm al-Qura (hijridate), so Arefe is 30 Ramadan
    assert Hijri(1445, 9, 1).month_length() == 30
    assert uq(1445, 9, 30) in starts(engine, "eid-al-fitr-eve", 2024, 2024)


@pytest.mark.parametrize(
    ("holiday_id", "expected"),
    [
        # Diyanet İşleri Başkanlığı, Dini Günler 2025 (https://vakithesaplama.diyanet.gov.tr/dini_gunler.php):
        # Üç Ayların Başlangıcı 1 Ocak 2025 and 21 Aralık 2025; Ramazan Bayramı 30 Mart 2025, Arefe 29 Mart.
        ("three-holy-months", "2025-01-01"),
        ("three-holy-months", "2025-12-21"),
        ("eid-al-fitr-eve", "2025-03-29"),
        # Dini Günler 2026: Ramazan Bayramı 20 Mart 2026, Arefe 19 Mart.
        ("eid-al-fitr-eve", "2026-03-19"),
    ],
)
def test_islamic_days_match_diyanet(engine: Engine, holiday_id: str, expected: str) -> None:
    day = D(expected)
    found = [o for o in engine.occurrences(day, day, ids=[holiday_id], islamic="diyanet") if o.start == day]
    assert found and not found[0].estimated


@pytest.mark.parametrize("holiday_id", sorted(ISLAMIC))
def test_islamic_days_carry_the_moon_sighting_note(engine: Engine, holiday_id: str) -> None:
    holiday = engine.catalogue.get(holiday_id)
    assert holiday is not None and holiday.moon_sighted


# -- Christian ---------------------------------------------------------------------------------------------


def coptic_day(month: int, day: int, first: int, last: int) -> frozenset[date]:
    years = range(first - 285, last - 282)
    found = {date(*coptic.to_gregorian(y, month, day)) for y in years}
    return frozenset(d for d in found if first <= d.year <= last)


@pytest.mark.parametrize(("holiday_id", "month", "day"), [("timkat", 5, 11), ("meskel", 1, 17), ("enkutatash", 1, 1)])
def test_ethiopian_days_match_convertdate_coptic_1900_2100(
    engine: Engine, holiday_id: str, month: int, day: int
) -> None:
    # Ethiopian months coincide day for day with the Coptic ones (Ṭərr = Tobi, Mäskäräm = Thout).
    assert starts(engine, holiday_id, 1900, 2100) == coptic_day(month, day, 1900, 2100)


@pytest.mark.parametrize(
    ("holiday_id", "expected", "source"),
    [
        # UNESCO / Wikipedia "Timkat": 19 January, 20 January after an Ethiopian leap year (2015 EC had
        # six Pagume days, so Timkat 2024 fell on 20 January); Ethiopian News Agency: Ketera 18 Jan 2026.
        ("timkat", "2024-01-20", "Ethiopian leap-year-adjacent year"),
        ("timkat", "2025-01-19", "ordinary year"),
        ("timkat", "2026-01-19", "ENA, Ketera on 18 January 2026"),
        # Ethiopian News Agency, 7 January 2024: Genna on Tahsas 29 = 7 January
        ("ethiopian-christmas", "2024-01-07", "ENA via allAfrica 2024-01-08"),
        ("ethiopian-christmas", "2025-01-07", "7 January every year"),
        # Enkutatash 12 September 2023 (before the 2024 leap year), 11 September 2024; Meskel 28/27 Sep
        ("enkutatash", "2023-09-12", "Wikipedia 'Enkutatash'"),
        ("enkutatash", "2024-09-11", "Wikipedia 'Enkutatash'"),
        ("meskel", "2023-09-28", "Wikipedia 'Meskel'"),
        ("meskel", "2024-09-27", "Wikipedia 'Meskel'"),
        # Orthodox Easter 2024 = 5 May, 2025 = 20 April (Orthodox Paschalion)
        ("orthodox-clean-monday", "2024-03-18", "Easter -48"),
        ("orthodox-clean-monday", "2025-03-03", "Easter -48"),
        ("orthodox-palm-sunday", "2024-04-28", "Easter -7"),
        ("orthodox-palm-sunday", "2025-04-13", "Easter -7"),
        ("candlemas", "2025-02-02", "fixed"),
        ("annunciation", "2025-03-25", "fixed"),
        ("armenian-genocide-remembrance", "2025-04-24", "fixed"),
        ("kha-b-nisan", "2025-04-01", "fixed"),
    ],
)
def test_christian_days(the_one: Callable[..., Occurrence], holiday_id: str, expected: str, source: str) -> None:
    day = D(expected)
    assert the_one(holiday_id, day.year).start == day, source


def test_orthodox_lent_against_dateutil(engine: Engine) -> None:
    from dateutil.easter import EASTER_ORTHODOX, easter

    for year in range(1900, 2101):
        pascha = easter(year, EASTER_ORTHODOX)
        assert pascha - timedelta(days=48) in starts(engine, "orthodox-clean-monday", year, year)
        assert pascha - timedelta(days=7) in starts(engine, "orthodox-palm-sunday", year, year)


# -- Bahá'í ------------------------------------------------------------------------------------------------


def bahai_table() -> list[dict[str, str]]:
    with BAHAI_TABLE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def test_ayyam_i_ha_and_the_fast_match_the_world_centre_table(engine: Engine) -> None:
    rows = bahai_table()
    assert len(rows) >= 50
    checked = 0
    for row, following in zip(rows, rows[1:]):
        nawruz, next_nawruz = D(row["naw_ruz"]), D(following["naw_ruz"])
        length = int(row["ayyam_i_ha_days"])
        year = next_nawruz.year
        ayyam = [o for o in engine.occurrences(date(year, 2, 1), date(year, 3, 21), ids=["ayyam-i-ha", "bahai-fast"])]
        by_id = {o.id: o for o in ayyam}
        fast_start = next_nawruz - timedelta(days=19)
        assert by_id["ayyam-i-ha"].start == fast_start - timedelta(days=length), year
        assert by_id["ayyam-i-ha"].end == fast_start - timedelta(days=1), year
        assert by_id["bahai-fast"].start == fast_start and by_id["bahai-fast"].end == next_nawruz - timedelta(days=1)
        assert by_id["bahai-fast"].eve is None, "the Fast is kept from sunrise"
        assert by_id["ayyam-i-ha"].start == nawruz + timedelta(days=18 * 19), year
        checked += 1
    assert checked >= 49


def test_covenant_and_ascension_of_abdul_baha_in_the_badi_calendar(engine: Engine) -> None:
    # 4 and 6 Qawl (14th month): Naw-Rúz + 13*19 + 3 and + 5 days (World Centre: Day of the Covenant
    # 2024 = 25 November, Ascension of ʿAbdu'l-Bahá = 27 November).
    for row in bahai_table():
        nawruz = D(row["naw_ruz"])
        assert starts(engine, "day-of-the-covenant", nawruz.year, nawruz.year) == {nawruz + timedelta(days=250)}
        assert starts(engine, "ascension-of-abdul-baha", nawruz.year, nawruz.year) == {nawruz + timedelta(days=252)}
    assert starts(engine, "day-of-the-covenant", 2024, 2024) == {D("2024-11-25")}


@pytest.mark.parametrize("year", [1950, 2000, 2012, 2014])
def test_bahai_days_on_western_dates_before_2015(engine: Engine, year: int) -> None:
    # Before 172 B.E. the West kept Naw-Rúz on 21 March: Ayyám-i-Há 26 Feb-1 Mar, Fast 2-20 March,
    # Day of the Covenant 26 November, Ascension of ʿAbdu'l-Bahá 28 November.
    assert starts(engine, "day-of-the-covenant", year, year) == {date(year, 11, 26)}
    assert starts(engine, "ascension-of-abdul-baha", year, year) == {date(year, 11, 28)}
    ayyam = engine.occurrences(date(year, 2, 20), date(year, 3, 1), ids=["ayyam-i-ha"])
    assert [(o.start, o.end) for o in ayyam] == [(date(year, 2, 26), date(year, 3, 1))]
    assert starts(engine, "bahai-fast", year, year) == {date(year, 3, 2)}


# -- since-years -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("holiday_id", "first", "day"),
    [
        ("armenian-genocide-remembrance", 1919, "04-24"),  # first commemoration, Constantinople 1919
        ("romani-language-day", 2009, "11-05"),  # international since 2009 (SaskCulture)
        ("europe-day", 1986, "05-09"),  # Milan European Council 1985, first 1986 (europa.eu)
        ("idahobit", 2005, "05-17"),  # may17.org: first 17 May 2005
        ("hiroshima-day", 1947, "08-06"),  # city of Hiroshima's first Peace Festival 1947
        ("antikriegstag", 1957, "09-01"),  # DGB youth, 1 September 1957
        ("pogrom-remembrance", 1978, "11-09"),  # first public commemoration, 40th anniversary
        ("international-day-of-persons-with-disabilities", 1992, "12-03"),  # UN A/RES/47/3
    ],
)
def test_international_days_from_their_first_year(engine: Engine, holiday_id: str, first: int, day: str) -> None:
    assert starts(engine, holiday_id, 1900, first - 1) == frozenset()
    assert starts(engine, holiday_id, first, first) == {D(f"{first}-{day}")}
    assert starts(engine, holiday_id, 2100, 2100) == {D(f"2100-{day}")}


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # UN A/RES/36/67: the opening day of the General Assembly's regular session, the third Tuesday of
        # September, from 1982 (21 Sep 1982, 20 Sep 1988, 18 Sep 2001); A/RES/55/282: 21 September from 2002.
        (1982, "1982-09-21"),
        (1988, "1988-09-20"),
        (2001, "2001-09-18"),
        (2002, "2002-09-21"),
        (2025, "2025-09-21"),
    ],
)
def test_international_day_of_peace_rule_change(engine: Engine, year: int, expected: str) -> None:
    assert starts(engine, "international-day-of-peace", year, year) == {D(expected)}
    assert starts(engine, "international-day-of-peace", 1900, 1981) == frozenset()


# -- catalogue shape ---------------------------------------------------------------------------------------

NEW_IDS = (
    JEWISH_IDS
    + sorted(ISLAMIC)
    + [
        "candlemas",
        "annunciation",
        "orthodox-clean-monday",
        "orthodox-palm-sunday",
        "armenian-genocide-remembrance",
        "ethiopian-christmas",
        "timkat",
        "meskel",
        "enkutatash",
        "kha-b-nisan",
        "ayyam-i-ha",
        "bahai-fast",
        "day-of-the-covenant",
        "ascension-of-abdul-baha",
        "romani-language-day",
        "europe-day",
        "idahobit",
        "hiroshima-day",
        "antikriegstag",
        "pogrom-remembrance",
        "international-day-of-peace",
        "international-day-of-persons-with-disabilities",
    ]
)


@pytest.mark.parametrize("holiday_id", NEW_IDS)
def test_new_holidays_speak_four_languages_and_cite_sources(engine: Engine, holiday_id: str) -> None:
    holiday = engine.catalogue.get(holiday_id)
    assert holiday is not None, f"{holiday_id} not in the catalogue"
    for lang in ("de", "en", "tr", "ar"):
        assert holiday.names.get(lang), (holiday_id, lang)
        assert holiday.descriptions.get(lang), (holiday_id, lang)
    assert holiday.sources
