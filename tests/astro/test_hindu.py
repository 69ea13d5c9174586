"""Hindu and Sikh feasts: tithis of amanta months, kept by a time-of-day rule at New Delhi."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from interkultur.calendars import astronomy, hindu

# Government of India, Ministry of Personnel (DoPT), lists of holidays for Central
# Government offices in Delhi/New Delhi, 2019-2025 (2023 as reproduced by the Indian
# embassies: eoimanila.gov.in "List of holidays 2023", eoicairo.gov.in).
GOI = {
    "diwali": {2019: date(2019, 10, 27), 2020: date(2020, 11, 14), 2021: date(2021, 11, 4),
               2022: date(2022, 10, 24), 2023: date(2023, 11, 12), 2024: date(2024, 10, 31),
               2025: date(2025, 10, 20)},
    "holi": {2019: date(2019, 3, 21), 2020: date(2020, 3, 10), 2021: date(2021, 3, 29),
             2022: date(2022, 3, 18), 2023: date(2023, 3, 8), 2024: date(2024, 3, 25),
             2025: date(2025, 3, 14)},
    "dussehra": {2020: date(2020, 10, 25), 2021: date(2021, 10, 15), 2023: date(2023, 10, 24),
                 2024: date(2024, 10, 12), 2025: date(2025, 10, 2)},
    "guru-nanak-gurpurab": {2019: date(2019, 11, 12), 2020: date(2020, 11, 30), 2021: date(2021, 11, 19),
                            2022: date(2022, 11, 8), 2023: date(2023, 11, 27), 2024: date(2024, 11, 15),
                            2025: date(2025, 11, 5)},
}


@pytest.mark.parametrize("holiday_id, year", [(h, y) for h, years in GOI.items() for y in years])
def test_government_of_india_holidays(start_of, holiday_id, year):
    assert start_of(holiday_id, year) == GOI[holiday_id][year]


# Vijayadashami where the published day follows the Shravana-nakshatra refinement,
# which this rule (Dashami at aparahna) does not model: GoI 2019 (8 Oct), 2022 (5 Oct);
# timeanddate 2003 (5 Oct). Strict: a passing case means the rule changed.
@pytest.mark.xfail(strict=True, reason="Shravana nakshatra refinement of Vijayadashami not modelled")
@pytest.mark.parametrize("published", [date(2003, 10, 5), date(2019, 10, 8), date(2022, 10, 5)])
def test_dussehra_years_decided_by_shravana(start_of, published):
    assert start_of("dussehra", published.year) == published


def test_bandi_chhor_divas_is_diwali(start_of):
    for year in range(2015, 2031):
        assert start_of("bandi-chhor-divas", year) == start_of("diwali", year)


def test_navaratri_nine_days_before_dussehra(occurrences):
    # drikpanchang Ghatasthapana (New Delhi): 3 Oct 2024, 22 Sep 2025.
    for year, first in ((2024, date(2024, 10, 3)), (2025, date(2025, 9, 22))):
        occ = occurrences("navaratri", year)[0]
        assert (occ.start, occ.end) == (first, first + timedelta(days=8))


def _ist(t: float) -> datetime:
    return astronomy.to_datetime(t + 5.5 / 24)


def _month(year: int, name: str) -> hindu.LunarMonth:
    return next(m for m in hindu.lunar_months(year) if m.number == hindu.MONTHS[name] and not m.adhika)


@pytest.mark.parametrize("year, begins, ends", [
    # drikpanchang (New Delhi): Amavasya 31 Oct 2024 15:52 - 1 Nov 18:16;
    # 20 Oct 2025 15:44 - 21 Oct 17:54 (as reported by moneycontrol.com).
    (2024, datetime(2024, 10, 31, 15, 52), datetime(2024, 11, 1, 18, 16)),
    (2025, datetime(2025, 10, 20, 15, 44), datetime(2025, 10, 21, 17, 54)),
])
def test_amavasya_times_match_the_panchanga(year, begins, ends):
    start, end = hindu.tithi_span(_month(year, "ashvin"), hindu.TITHIS["amavasya"])
    assert abs(_ist(start) - begins) < timedelta(minutes=3)
    assert abs(_ist(end) - ends) < timedelta(minutes=3)


def test_amavasya_over_two_evenings_2024_is_the_first_and_disputed(occurrences):
    # Amavasya covers all of pradosh on 31 Oct 2024 and the first 40 minutes of it on
    # 1 Nov; Delhi kept Lakshmi Puja on 31 Oct, other panchangas on 1 Nov.
    occ = occurrences("diwali", 2024)[0]
    assert occ.start == date(2024, 10, 31) and occ.estimated


def test_amavasya_ending_minutes_after_sunset_2025(occurrences):
    # 2025: Amavasya ends 21 Oct at 17:54, minutes after sunset in Delhi; pradosh
    # of 20 Oct holds it fully, so Diwali is 20 Oct (GoI), flagged as disputed
    # because 21 Oct's pradosh touches it too (udaya-tithi calendars chose 21 Oct).
    start, end = hindu.tithi_span(_month(2025, "ashvin"), hindu.TITHIS["amavasya"])
    sunset = astronomy.sunset(hindu.REFERENCE, date(2025, 10, 21))
    assert 0 < (end - sunset) * 1440 < 15
    occ = occurrences("diwali", 2025)[0]
    assert occ.start == date(2025, 10, 20) and occ.estimated


def test_ordinary_diwali_is_not_disputed(occurrences):
    assert not occurrences("diwali", 2023)[0].estimated


def test_holika_dahan_moves_when_purnima_lasts_three_and_a_half_prahars():
    # 2023: Purnima 6 Mar 16:17 - 7 Mar 18:09 IST covers 98% of 7 March's daylight,
    # so Holika Dahan is on 7 March (GoI restricted holiday list 2023: "Holika Dahan,
    # Dolyatra March 07") and Holi on 8 March; in 2024 Purnima ends
    # 25 Mar 12:29, the bonfire stays on 24 March and Holi is 25 March.
    span = hindu.tithi_span(_month(2023, "phalguna"), hindu.TITHIS["purnima"])
    assert hindu.observance_day(span, "holika dahan")[0] == date(2023, 3, 7)
    assert hindu.observance_day(span, "pradosh")[0] == date(2023, 3, 6)
    span = hindu.tithi_span(_month(2024, "phalguna"), hindu.TITHIS["purnima"])
    assert hindu.observance_day(span, "holika dahan")[0] == date(2024, 3, 24)


def test_adhika_month_is_skipped():
    # 2020 had an adhika (intercalary) Ashvin, 18 Sep - 16 Oct; Navaratri began in
    # the regular Ashvin on 17 Oct 2020 (timeanddate, python-holidays).
    ashvins = [m for m in hindu.lunar_months(2020) if m.number == hindu.MONTHS["ashvin"]]
    assert [m.adhika for m in ashvins] == [True, False]
    assert hindu.feast_dates(2020, 7, 1, "morning") == ((date(2020, 10, 17), False),)


def _timeanddate(name: str) -> dict[int, tuple[int, int]]:
    from holidays.calendars.hindu import _HinduLunisolar
    return getattr(_HinduLunisolar, name)


@pytest.mark.parametrize("holiday_id, table, shift", [
    ("diwali", "DIWALI_INDIA_DATES", 0), ("holi", "HOLI_DATES", 0),
    ("navaratri", "SHARAD_NAVRATRI_DATES", 0), ("guru-nanak-gurpurab", "GURU_NANAK_JAYANTI_DATES", 0),
])
def test_agrees_with_timeanddate_2001_2035(start_of, holiday_id, table, shift):
    # python-holidays' tables copied from timeanddate.com (India), 2001-2035.
    mismatches = [(y, md) for y, md in _timeanddate(table).items()
                  if start_of(holiday_id, y) != date(y, *md) + timedelta(days=shift)]
    assert mismatches == []


def test_dussehra_agrees_with_timeanddate_except_the_shravana_years(start_of):
    shravana_years = {2003, 2019, 2022}  # see test_dussehra_years_decided_by_shravana
    mismatches = [y for y, md in _timeanddate("DUSSEHRA_DATES").items()
                  if y not in shravana_years and start_of("dussehra", y) != date(y, *md)]
    assert mismatches == []
