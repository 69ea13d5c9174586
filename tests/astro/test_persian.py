"""Nowruz (1 Farvardin): the March equinox before noon Iran Standard Time, else the next day."""

from __future__ import annotations

from datetime import date

import pytest
from convertdate import persian as convertdate_persian

from interkultur.calendars import astronomy, persian

# The official Iranian calendar (Calendar Center of the Institute of Geophysics,
# University of Tehran, as printed in the Iranian almanac and on time.ir):
# 1 Farvardin of Solar Hijri years 1395-1405.
PUBLISHED_NOWRUZ = {
    2016: date(2016, 3, 20),
    2017: date(2017, 3, 21),
    2018: date(2018, 3, 21),
    2019: date(2019, 3, 21),
    2020: date(2020, 3, 20),
    2021: date(2021, 3, 21),
    2022: date(2022, 3, 21),
    2023: date(2023, 3, 21),
    2024: date(2024, 3, 20),
    2025: date(2025, 3, 21),
    2026: date(2026, 3, 21),
}


@pytest.mark.parametrize("year", sorted(PUBLISHED_NOWRUZ))
def test_nowruz_matches_the_iranian_calendar(start_of, year):
    assert start_of("nowruz", year) == PUBLISHED_NOWRUZ[year]


def test_equinox_after_noon_moves_nowruz_to_the_next_day():
    # 2017, 2021 and 2025: the equinox fell on 20 March after noon in Tehran
    # (10:28, 09:37 and 09:01 UT; noon UTC+03:30 is 08:30 UT): Nowruz on the 21st.
    for year in (2017, 2021, 2025):
        equinox = astronomy.to_datetime(astronomy.march_equinox(year))
        assert equinox.date() == date(year, 3, 20) and equinox.hour * 60 + equinox.minute > 8 * 60 + 30
        assert persian.nowruz(year) == date(year, 3, 21)


def test_equinox_seconds_before_noon():
    # 1930: the equinox at 08:29:44 UT, 16 seconds before noon UTC+03:30 on 21 March.
    equinox = astronomy.to_datetime(astronomy.march_equinox(1930))
    assert (equinox.date(), equinox.hour, equinox.minute) == (date(1930, 3, 21), 8, 29)
    assert persian.nowruz(1930) == date(1930, 3, 21)


# convertdate.persian implements the same law independently (PyMeeus equinox,
# apparent noon at 52.5° E). It costs ~40 ms a year, so check the years whose
# equinox falls within 20 minutes of noon, where the two cut-offs could part,
# plus a spread of ordinary years.
NEAR_NOON = (1930, 1963, 1992, 2091, 2095)
SPREAD = tuple(range(1900, 2101, 25))


@pytest.mark.parametrize("year", NEAR_NOON + SPREAD)
def test_agrees_with_convertdate(year):
    assert persian.nowruz(year) == date(*convertdate_persian.to_gregorian(year - 621, 1, 1))


def test_months_and_year_length():
    assert persian.to_date(1404, 7, 1) == date(2025, 9, 23)  # 1 Mehr 1404
    assert persian.to_date(1404, 12, 29) == date(2026, 3, 20)  # last day of Esfand 1404
    assert persian.month_length(1403, 12) == 30  # 1403 was a leap year
    assert persian.month_length(1404, 12) == 29
