"""Bahá'í holy days: fixed Gregorian dates before 2015, the Tehran rules from 2015."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

from interkultur.calendars import astronomy, bahai

DATA = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


# The Bahá'í World Centre's table "Badíʿ dates 172 to 221 BE" (2015-2064), every row; its
# citation and transcriptions are in the file's header.
WORLD_CENTRE = {int(r["badi_year"]) + 1843: r for r in _rows("bahai_dates_172_221.csv")}
# 2065-2100: not published; the badiDate library's independent computation (header of the file).
BADIDATE = {int(r["badi_year"]) + 1843: r for r in _rows("badidate_222_257.csv")}

# Bahá'í World Centre dates (table "Bahá'í Holy Days 172-221 B.E."), as reproduced in
# the Wikipedia article "Bahá'í Naw-Rúz" (2023-2030), on datum-bahai.nl (2016),
# piglix (2017), howlingpixel (2019) and sanjeevnitoday.com (2021).
PUBLISHED_NAW_RUZ = {
    2015: date(2015, 3, 21),
    2016: date(2016, 3, 20),
    2017: date(2017, 3, 20),
    2019: date(2019, 3, 21),
    2021: date(2021, 3, 20),
    2023: date(2023, 3, 21),
    2024: date(2024, 3, 20),
    2025: date(2025, 3, 20),
    2026: date(2026, 3, 21),
    2027: date(2027, 3, 21),
    2028: date(2028, 3, 20),
    2029: date(2029, 3, 20),
    2030: date(2030, 3, 20),
}

# Birth of the Báb (the Birth of Bahá'u'lláh is the next day). Sources: the Bahá'í
# World Centre table as reproduced by bahaimauritius.org (2015-2020) and the Wikipedia
# article "Twin Holy Birthdays"; sanjeevnitoday.com (2021, 2022, 2023);
# southcentralcouncil.org (2024).
PUBLISHED_BIRTH_OF_THE_BAB = {
    2015: date(2015, 11, 13),
    2016: date(2016, 11, 1),
    2017: date(2017, 10, 21),
    2018: date(2018, 11, 9),
    2019: date(2019, 10, 29),
    2020: date(2020, 10, 18),
    2021: date(2021, 11, 6),
    2022: date(2022, 10, 26),
    2023: date(2023, 10, 16),
    2024: date(2024, 11, 2),
}


@pytest.mark.parametrize("year", sorted(PUBLISHED_NAW_RUZ))
def test_naw_ruz_matches_the_world_centre(start_of, year):
    assert start_of("naw-ruz", year) == PUBLISHED_NAW_RUZ[year]


@pytest.mark.parametrize("year", sorted(PUBLISHED_BIRTH_OF_THE_BAB))
def test_twin_holy_birthdays_match_the_world_centre(start_of, year):
    assert start_of("birth-of-the-bab", year) == PUBLISHED_BIRTH_OF_THE_BAB[year]
    assert start_of("birth-of-bahaullah", year) == PUBLISHED_BIRTH_OF_THE_BAB[year] + timedelta(days=1)


@pytest.mark.parametrize(
    "holiday_id, day",
    [
        ("naw-ruz", date(2024, 3, 20)),
        ("ridvan-1", date(2024, 4, 20)),
        ("ridvan-9", date(2024, 4, 28)),
        ("ridvan-12", date(2024, 5, 1)),
        ("declaration-of-the-bab", date(2024, 5, 23)),
        ("ascension-of-bahaullah", date(2024, 5, 28)),
        ("martyrdom-of-the-bab", date(2024, 7, 9)),
    ],
)
def test_holy_days_count_from_naw_ruz_2024(start_of, holiday_id, day):
    # Bahá'í World Centre dates for 181 B.E. (Naw-Rúz on 20 March 2024).
    assert start_of(holiday_id, 2024) == day


WESTERN_BEFORE_2015 = {
    "naw-ruz": (3, 21),
    "ridvan-1": (4, 21),
    "ridvan-9": (4, 29),
    "ridvan-12": (5, 2),
    "declaration-of-the-bab": (5, 23),
    "ascension-of-bahaullah": (5, 29),
    "martyrdom-of-the-bab": (7, 9),
    "birth-of-the-bab": (10, 20),
    "birth-of-bahaullah": (11, 12),
}


@pytest.mark.parametrize("year", [1900, 1950, 1999, 2014])
@pytest.mark.parametrize("holiday_id", sorted(WESTERN_BEFORE_2015))
def test_fixed_gregorian_dates_before_2015(start_of, holiday_id, year):
    # ibiblio.org/Bahai/Texts/EN/BNE/BNE-143 (Bahá'u'lláh and the New Era): the
    # feasts and anniversaries as kept in the West before the 2015 calendar.
    assert start_of(holiday_id, year) == date(year, *WESTERN_BEFORE_2015[holiday_id])


def test_evening_start(occurrences):
    occ = occurrences("naw-ruz", 2025)[0]
    assert occ.eve == date(2025, 3, 19)  # "Naw-Rúz begins at sunset on Wednesday, March 19" (2025)


def test_equinox_one_second_after_tehran_sunset_2026():
    # The boundary case of the table: in 2026 the equinox (14:45:5x UT) and sunset in
    # Tehran (GeoNames 35.694 N 51.422 E) are seconds apart; the World Centre
    # has Naw-Rúz on 21 March, i.e. the equinox after sunset on the 20th.
    equinox = astronomy.march_equinox(2026)
    sunset = astronomy.sunset(astronomy.TEHRAN, date(2026, 3, 20))
    assert 0 < (equinox - sunset) * 86400 < 60
    assert bahai.nawruz(2026) == date(2026, 3, 21)


def test_equinox_minutes_before_tehran_sunset_2059():
    # 2059: the equinox ~2 minutes before sunset in Tehran, so Naw-Rúz is 20 March
    # (convertdate.bahai hard-codes this year to reach the World Centre's date).
    equinox = astronomy.march_equinox(2059)
    sunset = astronomy.sunset(astronomy.TEHRAN, date(2059, 3, 20))
    assert 0 < (sunset - equinox) * 1440 < 5
    assert bahai.nawruz(2059) == date(2059, 3, 20)


def test_agrees_with_convertdate_where_it_has_no_exception():
    from convertdate import bahai as convertdate_bahai

    for year in (2015, 2016, 2020, 2030, 2040, 2064):
        assert bahai.nawruz(year) == date(year, *convertdate_bahai.gregorian_nawruz(year))


def test_intercalary_days_fill_the_year():
    # Wikipedia "Bahá'í Naw-Rúz" (World Centre dates): 2025 Ayyám-i-Há 25-28 Feb,
    # the Fast 1-19 March, Naw-Rúz 20 March.
    assert bahai.to_date(2024, bahai.AYYAM_I_HA, 1) == date(2025, 2, 25)
    assert bahai.month_length(2024, bahai.AYYAM_I_HA) == 4
    assert bahai.to_date(2024, bahai.ALA, 1) == date(2025, 3, 1)
    assert bahai.to_date(2024, bahai.ALA, 19) == date(2025, 3, 19)


def test_the_table_is_complete():
    assert sorted(WORLD_CENTRE) == list(range(2015, 2065))
    assert sorted(BADIDATE) == list(range(2065, 2101))


@pytest.mark.parametrize("year", sorted(WORLD_CENTRE))
def test_every_year_of_the_world_centre_table(start_of, occurrences, year):
    row = WORLD_CENTRE[year]
    assert start_of("naw-ruz", year) == date.fromisoformat(row["naw_ruz"])
    assert start_of("birth-of-the-bab", year) == date.fromisoformat(row["birth_of_the_bab"])
    assert start_of("birth-of-bahaullah", year) == date.fromisoformat(row["birth_of_bahaullah"])
    assert bahai.month_length(year, bahai.AYYAM_I_HA) == int(row["ayyam_i_ha_days"])
    # Published dates: none of them is an estimate.
    assert not any(o.estimated for h in ("birth-of-the-bab", "birth-of-bahaullah") for o in occurrences(h, year))


@pytest.mark.parametrize("year", sorted(BADIDATE))
def test_agrees_with_badidate_to_2100(year):
    # badiDate computes with Meeus' algorithms (meeussunmoon), a different ephemeris,
    # sunset model and Tehran coordinates, and counts from the sunset that ends Naw-Rúz.
    row = BADIDATE[year]
    assert bahai.nawruz(year) == date.fromisoformat(row["naw_ruz"])
    assert bahai.twin_holy_birthdays(year)[0] == date.fromisoformat(row["birth_of_the_bab"])
    assert bahai.month_length(year, bahai.AYYAM_I_HA) == int(row["ayyam_i_ha_days"])


def test_a_new_moon_on_naw_ruz_is_not_counted(occurrences):
    # 2034 (new moon 19 h after Naw-Rúz began) and 2053 (07:11 UT on 20 March): a new
    # moon within the day of Naw-Rúz. The World Centre has the Twin Holy Birthdays on
    # 12/13 November 2034 and 11/12 November 2053, a lunation after 13/14 October,
    # which counting that moon would give: it is not one of the eight.
    assert [bahai.new_moon_on_nawruz(y) for y in (2015, 2034, 2053, 2072, 2091)] == [False, True, True, True, True]
    for year, published in ((2034, date(2034, 11, 12)), (2053, date(2053, 11, 11))):
        occ = occurrences("birth-of-the-bab", year)[0]
        assert occ.start == published and not occ.estimated
        begins = astronomy.sunset(astronomy.TEHRAN, bahai.nawruz(year) - timedelta(days=1))
        eighth_from_the_start = astronomy.new_moons_between(begins, begins + 240)[7]
        counting_it = astronomy.sunset_day(astronomy.TEHRAN, eighth_from_the_start) + timedelta(days=1)
        assert counting_it == date(year, 10, 13) and 29 <= (published - counting_it).days <= 30
    assert not occurrences("birth-of-the-bab", 2025)[0].estimated


def _eighth_new_moon_minus_sunset(year: int) -> float:
    """Minutes from Tehran sunset to the eighth new moon after Naw-Rúz (negative: before it)."""
    ends = astronomy.sunset(astronomy.TEHRAN, bahai.nawruz(year))
    eighth = astronomy.new_moons_between(ends, ends + 240)[7]
    return (eighth - astronomy.sunset(astronomy.TEHRAN, astronomy.TEHRAN.local_date(eighth))) * 1440


def test_knife_edge_2027_is_settled_by_the_table():
    # 2027: the eighth new moon (29 October) some six minutes before sunset in Tehran, the
    # closest call of 2015-2100. The World Centre's 30 October agrees with ephem; outside
    # a five-minute margin it is not an estimate, within ten minutes it would be.
    assert -10 < _eighth_new_moon_minus_sunset(2027) < -5
    assert bahai.twin_holy_birthdays(2027)[0] == date.fromisoformat(WORLD_CENTRE[2027]["birth_of_the_bab"])
    assert not bahai.twin_holy_birthdays_on_knife_edge(2027)
    assert bahai.twin_holy_birthdays_on_knife_edge(2027, 10 / 1440)


def test_naw_ruz_on_a_knife_edge_alone_does_not_move_the_birthdays():
    # 2026: the equinox a second after sunset (Naw-Rúz 20 or 21 March), but no new moon
    # near the end of either day, so the eighth new moon is the same.
    equinox = astronomy.march_equinox(2026)
    assert astronomy.sunset_day(astronomy.TEHRAN, equinox - 1 / 1440) == date(2026, 3, 20)
    assert not bahai.twin_holy_birthdays_on_knife_edge(2026, 60 / 1440)


def test_knife_edge_beyond_2100_is_estimated():
    # 2176: the eighth new moon about three minutes before sunset in Tehran.
    assert -5 < _eighth_new_moon_minus_sunset(2176) < 0
    assert bahai.twin_holy_birthdays_on_knife_edge(2176)
    assert not bahai.twin_holy_birthdays_on_knife_edge(2175)
