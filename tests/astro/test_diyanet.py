"""Islamic observance profiles: Diyanet (announced over computed), sighting's base."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from interkultur.calendars import diyanet, hijri
from interkultur.catalog import loads
from interkultur.engine import Engine

ISLAMIC = """\
version: "islamic-test"
holidays:
  - id: ramadan
    tradition: islam
    names: {de: Ramadan, en: Ramadan, tr: Ramazan, ar: رمضان}
    description: {de: Fastenmonat., en: Month of fasting.}
    rule: hijri 1 Ramadan
    days: month
    starts_evening_before: true
    category: fast
    sources: [{publisher: "Test", title: "test"}]
  - id: eid-al-fitr
    tradition: islam
    names: {de: Ramadanfest, en: Eid al-Fitr, tr: Ramazan Bayramı, ar: عيد الفطر}
    description: {de: Fest., en: Feast.}
    rule: hijri 1 Shawwal
    days: 3
    category: major
    sources: [{publisher: "Test", title: "test"}]
  - id: eid-al-adha
    tradition: islam
    names: {de: Opferfest, en: Eid al-Adha, tr: Kurban Bayramı, ar: عيد الأضحى}
    description: {de: Fest., en: Feast.}
    rule: hijri 10 Dhu al-Hijjah
    days: 4
    category: major
    sources: [{publisher: "Test", title: "test"}]
  - id: islamic-new-year
    tradition: islam
    names: {de: Islamisches Neujahr, en: Islamic New Year, tr: Hicri Yılbaşı, ar: رأس السنة الهجرية}
    description: {de: Neujahr., en: New year.}
    rule: hijri 1 Muharram
    category: observance
    sources: [{publisher: "Test", title: "test"}]
  - id: ashura
    tradition: islam
    names: {de: Aschura, en: Ashura, tr: Aşure Günü, ar: عاشوراء}
    description: {de: Aschura., en: Ashura.}
    rule: hijri 10 Muharram
    category: observance
    sources: [{publisher: "Test", title: "test"}]
"""


@pytest.fixture(scope="module")
def islamic_engine() -> Engine:
    return Engine(loads(ISLAMIC))


def first(engine: Engine, holiday_id: str, year: int, profile: str):
    return [o for o in engine.year(year, islamic=profile) if o.id == holiday_id]


# Diyanet İşleri Başkanlığı, Dini Günler Takvimi 2023, 2025, 2026 (as reported by
# sabah.com.tr, tvnota.com / gundemce.com and yenisafak.com).
@pytest.mark.parametrize(
    "holiday_id, day",
    [
        ("eid-al-fitr", date(2023, 4, 21)),
        ("eid-al-adha", date(2023, 6, 28)),
        ("ramadan", date(2023, 3, 23)),
        ("ramadan", date(2025, 3, 1)),
        ("eid-al-fitr", date(2025, 3, 30)),
        ("eid-al-adha", date(2025, 6, 6)),
        ("ramadan", date(2026, 2, 19)),
        ("eid-al-fitr", date(2026, 3, 20)),
        ("eid-al-adha", date(2026, 5, 27)),
    ],
)
def test_announced_bayram_dates(islamic_engine, holiday_id, day):
    occ = first(islamic_engine, holiday_id, day.year, "diyanet")
    assert [(o.start, o.estimated) for o in occ] == [(day, False)]


def test_ramadan_2025_lasts_29_days(islamic_engine):
    occ = first(islamic_engine, "ramadan", 2025, "diyanet")[0]
    assert occ.end == date(2025, 3, 29)  # "29 Mart Cumartesi günü Ramazan'ın son günü" (Diyanet 2025)


def test_unannounced_months_are_estimated(islamic_engine):
    # Nothing announced for 2040 (python-holidays' Diyanet data end in 2032).
    for holiday_id in ("ramadan", "eid-al-fitr", "eid-al-adha"):
        assert all(o.estimated for o in first(islamic_engine, holiday_id, 2040, "diyanet"))


def test_before_1400_only_announcements_count(islamic_engine):
    # 1950: Diyanet's Bayram dates are known (python-holidays, confirmed from 1936),
    # Ramadan's start is not and comes from Umm al-Qura as an estimate.
    fitr = first(islamic_engine, "eid-al-fitr", 1950, "diyanet")[0]
    assert not fitr.estimated
    assert first(islamic_engine, "ramadan", 1950, "diyanet")[0].estimated
    # 1910: nothing announced; tabular/UQ stand in and are estimated.
    assert all(o.estimated for o in first(islamic_engine, "eid-al-fitr", 1910, "diyanet"))


def test_every_month_is_29_or_30_days():
    tab = diyanet.table(hijri._uq_start)
    lengths = {(tab.starts[i + 1] - tab.starts[i]).days for i in range(len(tab.keys))}
    assert lengths <= {29, 30}


def test_from_date_round_trips():
    profile = hijri.PROFILES["diyanet"]
    for year, month, day in ((1446, 10, 1), (1400, 1, 1), (1500, 12, 29), (1360, 9, 1)):
        d, _ = profile.to_date(year, month, day)
        assert profile.from_date(d) == (year, month, day)


# Diyanet İşleri Başkanlığı, Dini Günler 2030 (https://vakithesaplama.diyanet.gov.tr/dinigunler.php?yil=2030,
# transcribed in github.com/nkhalilov3/dinigunler_diyanet_json, dinigunler/2030.json):
# Hicri Yılbaşı (1 Muharrem 1452) on Friday 3 May 2030, Aşure Günü (10 Muharrem) on 12 May.
@pytest.mark.parametrize(
    "holiday_id, day",
    [
        ("islamic-new-year", date(2030, 5, 3)),
        ("ashura", date(2030, 5, 12)),
    ],
)
def test_diyanet_2030_new_year_and_ashura(islamic_engine, holiday_id, day):
    occ = first(islamic_engine, holiday_id, 2030, "diyanet")
    assert [(o.start, o.estimated) for o in occ] == [(day, False)]


def test_1452_is_computed_from_the_american_exception():
    # Conjunction 2 May 2030 14:12 UT: before 24:00 UT the 5°/8° criterion is met
    # nowhere, later it is met on the Bering Sea coast of mainland Alaska (north of
    # 60° N), and the conjunction precedes fajr in New Zealand, so the computed
    # table itself (not only the announcement) starts 1452 AH on 3 May 2030.
    assert diyanet.computed()[(1452, 1)] == date(2030, 5, 3)


def test_announced_dates_are_read_from_the_data_directory():
    # data/announced/diyanet.csv, shipped as interkultur/data like holidays.yaml
    rows = diyanet.announced_rows()
    assert all(r["source"].strip() for r in rows)
    said = diyanet.announced()
    assert said[(1452, 1)] == date(2030, 5, 3)  # Dini Günler 2030
    assert said[(1442, 2)] == date(2020, 9, 18)  # 2020 Dini Günler Listesi, 1 Safer
    assert said[(1447, 10)] == date(2026, 3, 20)  # python-holidays, Ramazan Bayramı


def test_computed_criterion_agrees_with_announced_months_since_1436():
    # From 1436 AH (2014) the unified rule in the generated table should reproduce
    # every month start Diyanet announced (Bayrams from python-holidays' Diyanet
    # table to 2032, the Dini Günler lists 2020-2026 from newspapers, Diyanet's
    # own lists 2026-2035, through Şevval 1457). One does not:
    # Zilhicce 1453. On 11 March 2032 the criterion is met only at Cape Prince of
    # Wales, Alaska, by 0.02°, with the conjunction (16:24 UT) 16 minutes before
    # fajr in Wellington; Diyanet (Kurban Bayramı 22 March 2032) begins the month a
    # day later. The announcement is kept; see the README.
    computed, said = diyanet.computed(), diyanet.announced()
    keys = [k for k in said if k[0] >= 1436]
    disagree = [(k, computed[k], said[k]) for k in keys if computed[k] != said[k]]
    assert len(keys) == 132
    assert disagree == [((1453, 12), date(2032, 3, 12), date(2032, 3, 13))]


def test_computed_1400_rule_agrees_with_announced_bayrams():
    # 1400-1435 AH, the old criterion (sunset before 24:00 UT, see the generator):
    # 71 of the 72 announced Bayrams; Kurban Bayramı 1433 (25 Oct 2012) was announced
    # a day before the criterion's date.
    computed, said = diyanet.computed(), diyanet.announced()
    keys = [k for k in said if 1400 <= k[0] < 1436]
    disagree = [k for k in keys if computed[k] != said[k]]
    assert len(keys) == 72 and disagree == [(1433, 12)]


def test_sighting_follows_the_configured_base(monkeypatch):
    profiles = hijri.profiles("diyanet")
    base, _ = profiles["diyanet"].to_date(1446, 10, 1)
    assert profiles["sighting"].to_date(1446, 10, 1) == (base + timedelta(days=1), True)
    uq, _ = hijri.profiles()["umm-al-qura"].to_date(1446, 10, 1)
    assert hijri.profiles()["sighting"].to_date(1446, 10, 1)[0] == uq + timedelta(days=1)


def test_unknown_sighting_base_is_an_error(monkeypatch):
    with pytest.raises(ValueError, match="INTERKULTUR_SIGHTING_BASE"):
        hijri.profiles("sighting")
