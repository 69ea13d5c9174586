"""Vesak in Germany: the first full-moon day in May, German civil time."""

from __future__ import annotations

from datetime import date

import pytest

from interkultur.calendars import astronomy


# Sources: tkvs.de events 2023 ("am ersten Vollmondtag im Monat Mai");
# gesamtschule-niederzier-merzenich.net Interkultureller Kalender (Vesakh 5 May 2023);
# evangelische-zeitung.de (Vesakh 2024 on 23 May); change-magazin.de (12 May 2025).
@pytest.mark.parametrize("year, day", [(2023, date(2023, 5, 5)), (2024, date(2024, 5, 23)), (2025, date(2025, 5, 12))])
def test_vesak_published(start_of, year, day):
    assert start_of("vesak", year) == day


def test_two_full_moons_in_may_take_the_first(start_of):
    # May 2026 has full moons on 1 May (17:23 UT) and 31 May: Vesak is 1 May.
    moons = [
        astronomy.to_datetime(t).date()
        for t in astronomy.full_moons_between(
            astronomy.at_midnight(date(2026, 5, 1)), astronomy.at_midnight(date(2026, 6, 1))
        )
    ]
    assert moons == [date(2026, 5, 1), date(2026, 5, 31)]
    assert start_of("vesak", 2026) == date(2026, 5, 1)


def test_full_moon_on_german_date_not_utc():
    # 2018-04-30 00:58 UT is 02:58 CEST on 30 April: the first full moon on or after
    # 1 May (German time) is 29 May 2018.
    from interkultur.calendars.hijri import PROFILES
    from interkultur.rules import Context, parse_rule

    rule = parse_rule("full moon on or after 05-01")
    assert [s.date for s in rule.starts(2018, Context(PROFILES["umm-al-qura"]))] == [date(2018, 5, 29)]


def test_cejna_ezi_first_friday_of_julian_december(start_of):
    # s-j-a.org: 18 Dec 2020; KCDK-E / anfdeutsch.com: 16 Dec 2022.
    assert start_of("cejna-ezi", 2020) == date(2020, 12, 18)
    assert start_of("cejna-ezi", 2022) == date(2022, 12, 16)
