"""Chinese lunisolar calendar: new moons and principal terms in Beijing time (UTC+8)."""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from interkultur.calendars import astronomy, chinese

# Hong Kong Observatory, "Gregorian-Lunar Calendar Conversion Table" (1901-2100),
# first day of the first lunar month; 2033/34 is the "2033 problem" year whose
# leap month is the 11th (闰十一月), so New Year 2034 falls on 19 February.
HKO_NEW_YEAR = {
    2020: date(2020, 1, 25),
    2021: date(2021, 2, 12),
    2022: date(2022, 2, 1),
    2023: date(2023, 1, 22),
    2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2033: date(2033, 1, 31),
    2034: date(2034, 2, 19),
}
# Hong Kong Observatory tables: 15th day of the 8th month, and the solar term Qingming.
HKO_MID_AUTUMN = {2023: date(2023, 9, 29), 2024: date(2024, 9, 17), 2025: date(2025, 10, 6)}
HKO_QINGMING = {2023: date(2023, 4, 5), 2024: date(2024, 4, 4), 2025: date(2025, 4, 4), 2026: date(2026, 4, 5)}


@pytest.mark.parametrize("year", sorted(HKO_NEW_YEAR))
def test_new_year_matches_the_observatory(start_of, year):
    assert start_of("chinese-new-year", year) == HKO_NEW_YEAR[year]


@pytest.mark.parametrize("year", sorted(HKO_MID_AUTUMN))
def test_mid_autumn(start_of, year):
    assert start_of("mid-autumn", year) == HKO_MID_AUTUMN[year]


@pytest.mark.parametrize("year", sorted(HKO_QINGMING))
def test_qingming(start_of, year):
    assert start_of("qingming", year) == HKO_QINGMING[year]


def test_2033_leap_eleventh_month():
    months = chinese.sui(2034)
    assert [(m.number, m.leap) for m in months[:3]] == [(11, False), (11, True), (12, False)]
    assert months[1].start == date(2033, 12, 22)


def test_new_moon_minutes_after_beijing_midnight_1978():
    # 1978-09-02 16:08:53 UT = 00:08:53 on 3 September in Beijing: the 8th month
    # begins on 3 September, so Mid-Autumn is 17 September (python-holidays' table
    # agrees; lunardate says 16 September).
    t = astronomy.at_midnight(date(1978, 9, 2))
    moon = astronomy.new_moons_between(t, t + 1)[0]
    assert astronomy.local_date(moon, 8) == date(1978, 9, 3)
    assert chinese.to_dates(1978, 8, 15) == [date(1978, 9, 17)]


def test_new_moon_seconds_before_beijing_midnight_2057_is_estimated(astro_engine):
    # 2057-09-28 15:59:50 UT: ten seconds before midnight in Beijing. The rule puts
    # the 9th month on 28 September; the Hong Kong Observatory's table has
    # 29 September (Double Ninth 7 October). Either is within the ephemeris and
    # Delta-T uncertainty, so the date is reported as estimated.
    from interkultur.calendars.hijri import PROFILES
    from interkultur.rules import Context, parse_rule

    starts = parse_rule("chinese 09-09").starts(2057, Context(PROFILES["umm-al-qura"]))
    assert [(s.date, s.estimated) for s in starts] == [(date(2057, 10, 6), True)]
    assert chinese.to_dates(2056, 9, 9)  # an ordinary year is not flagged
    assert not any(m.close_call for m in chinese.sui(2025))


def _holidays_table():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from holidays.calendars.chinese import _ChineseLunisolar
    return _ChineseLunisolar()


def test_agrees_with_python_holidays_1901_2099():
    # python-holidays' Chinese table (from the Hong Kong Observatory's conversion
    # tables, UTC+8 throughout) for New Year, Dragon Boat, Mid-Autumn.
    table = _holidays_table()
    checks = ((table.lunar_new_year_date, 1, 1), (table.dragon_boat_date, 5, 5), (table.mid_autumn_date, 8, 15))
    mismatches = []
    for year in range(1901, 2100):
        for lookup, month, day in checks:
            expected = lookup(year)[0]
            if chinese.to_dates(year, month, day) != [expected]:
                mismatches.append((year, month, day, expected))
    assert mismatches == []


def test_agrees_with_lunardate_from_1929():
    # lunardate (test-only oracle, its own table). From 1929, when China adopted
    # UTC+8; 1978's Mid-Autumn is lunardate's error (see the test above).
    from lunardate import LunarDate

    mismatches = []
    for year in range(1929, 2100):
        for month, day in ((1, 1), (8, 15)):
            expected = LunarDate(year, month, day).to_solar_date()
            if chinese.to_dates(year, month, day) != [expected] and (year, month) != (1978, 8):
                mismatches.append((year, month, day, expected))
    assert mismatches == []
