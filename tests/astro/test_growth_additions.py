"""Dates of the holidays added to reach the catalogue issue's 190, against published sources.

* Weltgebetstag: weltgebetstag.de (Deutsches Komitee) announces 1 March 2024, 7 March 2025,
  6 March 2026: the first Friday in March.
* Laba: Hong Kong Observatory, Gregorian-Lunar Calendar Conversion Table (12th month, day 8):
  18 January 2024, 7 January 2025, 26 January 2026; and independently of our month starts, it lies
  22 or 23 days before python-holidays' Chinese New Year (a 29- or 30-day 12th month).
* Orthodox Transfiguration: 6 August Julian = 19 August (kalender-der-religionen.ch).
* UN observances (un.org/en/observances): Interfaith Harmony Week 1-7 February since 2011,
  Indigenous Peoples' Day 9 August since 1995.
"""

from __future__ import annotations

import warnings
from datetime import date, timedelta

import pytest

from interkultur.engine import Engine


def _starts(engine: Engine, hid: str, year: int) -> list[date]:
    return [o.start for o in engine.year(year) if o.id == hid]


@pytest.mark.parametrize(
    ("hid", "day"),
    [
        ("world-day-of-prayer", date(2024, 3, 1)),
        ("world-day-of-prayer", date(2025, 3, 7)),
        ("world-day-of-prayer", date(2026, 3, 6)),
        ("laba-festival", date(2024, 1, 18)),
        ("laba-festival", date(2025, 1, 7)),
        ("laba-festival", date(2026, 1, 26)),
        ("orthodox-transfiguration", date(2026, 8, 19)),
        ("all-souls", date(2026, 11, 2)),
        ("immaculate-conception", date(2026, 12, 8)),
        ("international-day-of-indigenous-peoples", date(2026, 8, 9)),
    ],
)
def test_published_dates(engine: Engine, hid: str, day: date) -> None:
    assert _starts(engine, hid, day.year) == [day]


def test_interfaith_harmony_week_spans_seven_days_from_2011(engine: Engine) -> None:
    (occ,) = [o for o in engine.year(2026) if o.id == "world-interfaith-harmony-week"]
    assert (occ.start, occ.end) == (date(2026, 2, 1), date(2026, 2, 7))
    assert _starts(engine, "world-interfaith-harmony-week", 2010) == []
    assert _starts(engine, "international-day-of-indigenous-peoples", 1994) == []


def test_laba_precedes_chinese_new_year_by_the_twelfth_month(engine: Engine) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from holidays.calendars.chinese import _ChineseLunisolar
    calendar = _ChineseLunisolar()
    checked = 0
    for year in range(1902, 2100):
        new_year, _ = calendar.lunar_new_year_date(year)
        if new_year is None:
            continue
        (laba,) = [
            d
            for d in _starts(engine, "laba-festival", year) + _starts(engine, "laba-festival", year - 1)
            if timedelta(0) < new_year - d < timedelta(days=40)
        ]
        assert (new_year - laba).days in (22, 23), year
        checked += 1
    assert checked >= 150
