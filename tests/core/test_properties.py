"""Properties that hold for every year 1900-2100 (exhaustively where the domain is
small, with hypothesis where it is not).

The calendar facts are textbook rules, not values read from the code:
  * Western Easter is a Sunday from 22 March to 25 April (Gregorian computus).
  * Orthodox Easter is a Sunday, never before Western Easter; until 2099 it falls
    from 4 April to 8 May Gregorian (Julian 22 March - 25 April + 13 days), and it
    is 0, 1, 4 or 5 weeks after Western Easter.
  * Rosh Hashanah never falls on Sunday, Wednesday or Friday ("lo ADU Rosh"), so
    Yom Kippur never on Friday or Sunday, and the first day of Pesach never on
    Monday, Wednesday or Friday ("lo BaDU Pesach").
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from interkultur.calendars.hijri import PROFILES
from interkultur.catalog import WHOLE_MONTH
from interkultur.engine import Engine, InvalidQuery
from interkultur.rules import JEWISH_VARIANTS, Context, parse_rule
from interkultur.rules.calendars.bahai import BahaiDate
from interkultur.rules.calendars.hijri import HijriDate

YEARS = range(1900, 2101)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
FIRST, LAST = date(1900, 1, 1), date(2100, 12, 31)
UQ = Context(islamic=PROFILES["umm-al-qura"])

profiles = st.sampled_from(sorted(PROFILES))
variants = st.sampled_from(JEWISH_VARIANTS)
years = st.integers(min_value=1900, max_value=2100)
days_in_span = st.dates(min_value=FIRST, max_value=LAST)


def only(rule: str, year: int) -> date:
    (start,) = parse_rule(rule).starts(year, UQ)
    return start.date


# -- Easter ---------------------------------------------------------------------------------


def test_western_easter_is_a_sunday_from_22_march_to_25_april() -> None:
    for year in YEARS:
        easter = only("easter", year)
        assert easter.weekday() == SUN, year
        assert date(year, 3, 22) <= easter <= date(year, 4, 25), year


def test_orthodox_easter_is_a_sunday_never_before_western_easter() -> None:
    for year in YEARS:
        western, orthodox = only("easter", year), only("orthodox", year)
        assert orthodox.weekday() == SUN, year
        assert (orthodox - western).days in (0, 7, 28, 35), year
        if year <= 2099:
            assert date(year, 4, 4) <= orthodox <= date(year, 5, 8), year


def test_easter_feasts_of_the_catalogue_keep_their_weekdays(engine: Engine, starting_in) -> None:
    weekdays = {
        "good-friday": FRI,
        "easter-sunday": SUN,
        "easter-monday": MON,
        "ascension": THU,
        "pentecost": SUN,
        "whit-monday": MON,
        "corpus-christi": THU,
        "ash-wednesday": WED,
        "palm-sunday": SUN,
        "maundy-thursday": THU,
        "orthodox-easter": SUN,
        "orthodox-good-friday": FRI,
    }
    for holiday_id in weekdays:
        assert starting_in(holiday_id, 2025)  # a readable failure while an id is missing
    for year in YEARS:
        for occ in engine.year(year):
            if occ.id in weekdays:
                assert occ.start.weekday() == weekdays[occ.id], (occ.id, year)


# -- the Hebrew calendar -----------------------------------------------------------------------


def test_rosh_hashanah_never_on_sunday_wednesday_or_friday(starting_in) -> None:
    for year in YEARS:
        assert only("hebrew 1 Tishrei", year).weekday() not in (SUN, WED, FRI), year
        (occ,) = starting_in("rosh-hashanah", year)
        assert occ.start.weekday() not in (SUN, WED, FRI), year


def test_yom_kippur_never_on_friday_or_sunday(starting_in) -> None:
    for year in YEARS:
        assert only("hebrew 10 Tishrei", year).weekday() not in (FRI, SUN), year
        (occ,) = starting_in("yom-kippur", year)
        assert occ.start.weekday() not in (FRI, SUN), year


def test_pesach_never_starts_on_monday_wednesday_or_friday() -> None:
    for year in YEARS:
        assert only("hebrew 15 Nisan", year).weekday() not in (MON, WED, FRI), year


def test_tisha_bav_and_yom_hashoah_avoid_shabbat(starting_in) -> None:
    for year in range(1960, 2101):
        (tisha,) = starting_in("tisha-bav", year)
        assert tisha.start.weekday() != SAT, year
        (shoah,) = starting_in("yom-hashoah", year)
        assert shoah.start.weekday() not in (FRI, SAT, SUN), year


# -- the Islamic calendar profiles -----------------------------------------------------------------

#: Hijri years with days in 1900-2100 (1 Muharram 1317 = May 1899, 1525 AH ends in 2101)
HIJRI_YEARS = st.integers(min_value=1318, max_value=1524)


@settings(max_examples=400, deadline=None)
@given(profile=profiles, year=HIJRI_YEARS, month=st.integers(1, 12), day=st.integers(1, 30))
# where the Umm al-Qura table (1 Muharram 1343 = 1 Aug 1924 .. 30 Dhu al-Hijjah 1500
# = 16 Nov 2077) meets the tabular calendar that stands in outside it
@example(profile="umm-al-qura", year=1342, month=12, day=29)
@example(profile="sighting", year=1342, month=12, day=29)
@example(profile="umm-al-qura", year=1343, month=1, day=1)
@example(profile="umm-al-qura", year=1500, month=12, day=30)
@example(profile="umm-al-qura", year=1501, month=1, day=1)
def test_hijri_date_round_trips_through_each_profile(profile: str, year: int, month: int, day: int) -> None:
    calendar = PROFILES[profile]
    if day > calendar.month_length(year, month):
        return
    gregorian, _ = calendar.to_date(year, month, day)
    assert calendar.from_date(gregorian) == (year, month, day)


@settings(max_examples=400, deadline=None)
@given(profile=profiles, day=days_in_span)
@example(profile="umm-al-qura", day=date(1924, 7, 31))
@example(profile="umm-al-qura", day=date(1924, 8, 1))
@example(profile="umm-al-qura", day=date(2077, 11, 16))
@example(profile="umm-al-qura", day=date(2077, 11, 17))
@example(profile="sighting", day=date(1924, 8, 2))
def test_gregorian_date_round_trips_through_each_profile(profile: str, day: date) -> None:
    calendar = PROFILES[profile]
    year, month, hijri_day = calendar.from_date(day)
    assert 1 <= hijri_day <= calendar.month_length(year, month)
    assert calendar.to_date(year, month, hijri_day)[0] == day


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_hijri_months_follow_each_other_without_gap_or_overlap(profile: str) -> None:
    # every month begins the day after the previous one ends, also where the
    # Umm al-Qura table (1343-1500 AH) meets the tabular calendar outside it
    calendar = PROFILES[profile]
    previous_end = None
    for year in range(1318, 1525):
        for month in range(1, 13):
            first, _ = calendar.to_date(year, month, 1)
            length = calendar.month_length(year, month)
            assert 28 <= length <= 31, (year, month)  # the historical part of the UQ table has 28/31
            if previous_end is not None:
                assert first == previous_end + timedelta(days=1), (profile, year, month)
            previous_end = first + timedelta(days=length - 1)
            if year >= 1365:
                assert length in (29, 30), (profile, year, month)


# -- every occurrence ------------------------------------------------------------------------------


@pytest.mark.parametrize("jewish", JEWISH_VARIANTS)
@pytest.mark.parametrize("islamic", sorted(PROFILES))
def test_every_occurrence_is_well_formed(engine: Engine, islamic: str, jewish: str) -> None:
    calendar = PROFILES[islamic]
    whole_months = 0
    for year in YEARS:
        found = engine.year(year, islamic, jewish)
        assert list(found) == sorted(found, key=lambda o: (o.start, o.id)), year
        for occ in found:
            holiday = occ.holiday
            assert occ.start.year == year, (occ.id, year)
            assert occ.start <= occ.end, (occ.id, year)
            assert holiday.active(year), (occ.id, year)
            # eve is exactly the day before the start, and only where the day begins at sunset
            if holiday.starts_evening_before:
                assert occ.eve == occ.start - timedelta(days=1), (occ.id, year)
            else:
                assert occ.eve is None, (occ.id, year)
            length = (occ.end - occ.start).days + 1
            days = holiday.days_for(jewish)
            if year in holiday.dated:
                continue  # an authority set start and end
            anchor = getattr(holiday.rule_for(jewish), "anchor", holiday.rule_for(jewish))
            if days == WHOLE_MONTH and isinstance(anchor, BahaiDate):
                # Ayyám-i-Há: what the Badí' year leaves between 18 Mulk and 1 ʿAláʾ, 4 or 5 days
                assert 4 <= length <= 5, (occ.id, year)
            elif days == WHOLE_MONTH:
                assert 28 <= length <= 31, (occ.id, year)
                if isinstance(anchor, HijriDate):
                    # a whole Hijri month: starts on its 1st; the day after the end is the next month's 1st
                    assert calendar.from_date(occ.start)[2] == 1, (occ.id, year)
                    assert calendar.from_date(occ.end + timedelta(days=1))[2] == 1, (occ.id, year)
                    whole_months += 1
            else:
                assert length == days, (occ.id, year)
    assert whole_months >= 200  # Ramadan, every year


#: The minor Jewish fasts begin at dawn, not at the sunset before (Shulchan Aruch, Orach Chayim 550:2;
#: Hebcal's pages give "begins at dawn"); only Yom Kippur and Tisha b'Av are kept from the evening.
DAWN_FASTS = {"fast-of-gedaliah", "asarah-betevet", "fast-of-esther", "seventeenth-of-tammuz"}


def test_jewish_and_islamic_days_begin_at_sunset(catalogue) -> None:
    # "Alle jüdischen Feste beginnen am Vorabend bei Sonnenuntergang" (Kalender der
    # Religionen, research S6); the Islamic day too (via-bayern, research S8)
    late = {h.id for h in catalogue.holidays if h.tradition in ("judaism", "islam") and not h.starts_evening_before}
    assert late == DAWN_FASTS


def test_no_feast_is_listed_twice(engine: Engine) -> None:
    for year in YEARS:
        keys = [(o.id, o.start) for o in engine.year(year)]
        assert len(keys) == len(set(keys)), year


# -- range queries ---------------------------------------------------------------------------------


def _expected(engine: Engine, first: date, last: date, islamic: str, jewish: str) -> list:
    """Every occurrence with a day in [first, last]: those starting in the years concerned,
    and in the year before (a feast lasts at most 60 days, the catalogue's limit)."""
    out = []
    for year in range(max(first.year - 1, 1900), last.year + 1):
        out.extend(o for o in engine.year(year, islamic, jewish) if first <= o.end and o.start <= last)
    return sorted(out, key=lambda o: (o.start, o.id))


@settings(max_examples=200, deadline=None)
@given(first=days_in_span, span=st.one_of(st.integers(0, 40), st.integers(0, 800)), islamic=profiles, jewish=variants)
def test_an_occurrence_is_returned_iff_one_of_its_days_is_in_range(
    engine: Engine, first: date, span: int, islamic: str, jewish: str
) -> None:
    last = min(first + timedelta(days=span), LAST)
    got = engine.occurrences(first, last, islamic=islamic, jewish=jewish)
    assert got == _expected(engine, first, last, islamic, jewish)
    for occ in got:
        assert any(first <= day <= last for day in occ.days())


@settings(max_examples=60, deadline=None)
@given(first=days_in_span, span=st.integers(0, 6))
def test_a_range_is_the_union_of_its_days(engine: Engine, first: date, span: int) -> None:
    last = min(first + timedelta(days=span), LAST)
    by_day = {}
    day = first
    while day <= last:
        for occ in engine.on(day):
            assert occ.covers(day)
            by_day[(occ.id, occ.start)] = occ
        day += timedelta(days=1)
    got = engine.occurrences(first, last)
    assert {(o.id, o.start) for o in got} == set(by_day)


def test_queries_at_the_edges_of_the_span(engine: Engine) -> None:
    assert engine.occurrences(FIRST, FIRST) == _expected(engine, FIRST, FIRST, "umm-al-qura", "diaspora")
    assert engine.occurrences(LAST, LAST) == _expected(engine, LAST, LAST, "umm-al-qura", "diaspora")
    for outside in (date(1899, 12, 31), date(2101, 1, 1)):
        with pytest.raises(InvalidQuery):
            engine.on(outside)
    with pytest.raises(InvalidQuery):
        engine.occurrences(date(2025, 2, 1), date(2025, 1, 31))


def test_a_tradition_filter_keeps_exactly_that_tradition(engine: Engine, catalogue) -> None:
    everything = engine.occurrences(date(2025, 1, 1), date(2025, 12, 31))
    for tradition in catalogue.traditions:
        chosen = engine.occurrences(date(2025, 1, 1), date(2025, 12, 31), traditions=[tradition])
        assert chosen == [o for o in everything if o.tradition == tradition]
    with pytest.raises(InvalidQuery):
        engine.occurrences(date(2025, 1, 1), date(2025, 12, 31), traditions=["klingon"])
