"""One holiday, one entry: a Land's statutory holiday that is also a catalogue holiday.

With ``state=NW`` Karfreitag is the catalogue's ``good-friday`` with
``statutory: ["NW"]``, not that and a ``public-good-friday`` beside it. The
oracle is python-holidays itself (``holidays.DE``), asked directly here rather
than through ``interkultur.layers``: every statutory day it names for a Land
and year must be covered exactly once by an occurrence marked statutory there.

Dates of the Länder laws, for the hand-picked cases below:
- Feiertagsgesetz NRW §2 (https://recht.nrw.de, "FTG NW"; lexmea.de/gesetz/feiertg-nrw):
  Neujahr, Karfreitag, Ostermontag, 1. Mai, Christi Himmelfahrt, Pfingstmontag,
  Fronleichnam, 3. Oktober, Allerheiligen, 1. und 2. Weihnachtstag.
- Bayerisches Feiertagsgesetz Art. 1 (gesetze-bayern.de, FTG): Heilige Drei Könige,
  Fronleichnam, Allerheiligen (Mariä Himmelfahrt only in Catholic municipalities).
- Berliner Gesetz über die Sonn- und Feiertage §1 (gesetze.berlin.de, FeiertG BE):
  Internationaler Frauentag since 2019.
- Feiertagsgesetz Mecklenburg-Vorpommern §2 (landesrecht-mv.de, FTG M-V):
  Internationaler Frauentag since 2023, Reformationstag.
- Feiertagsgesetz Brandenburg §2 (bravors.brandenburg.de, FTG): Ostersonntag,
  Pfingstsonntag, Reformationstag.
- Sächsisches Sonn- und Feiertagsgesetz §1 (revosax.sachsen.de, SächsSFG): Reformationstag,
  Buß- und Bettag (the Wednesday before 23 November).
- Saarländisches Feiertagsgesetz §2 (recht.saarland.de): Mariä Himmelfahrt, Allerheiligen.
- Thüringer Feiertagsgesetz §2 (landesrecht.thueringen.de, ThürFtG): Weltkindertag
  (20 September) since 2019, which has no twin in the catalogue.
Easter 2025 is 20 April (so Karfreitag 18 April, Fronleichnam 19 June).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta

import holidays
import pytest
from icalendar import Calendar

from interkultur.catalog import LAENDER, loads
from interkultur.engine import Engine, Occurrence

#: Years with the changes python-holidays knows of: Buß- und Bettag nationwide until 1994,
#: Ascension on 1 May 2008, Reformationstag nationwide 2017, new holidays in 2018/2019/2023,
#: Berlin's one-off anniversaries (2020, 2025, 2028), and the last year served.
YEARS = (1991, 1994, 1995, 2008, 2017, 2018, 2019, 2020, 2023, 2025, 2028, 2100)


def statutory_dates(occ: Occurrence) -> list[date]:
    """The dates on which ``occ`` is statutory (all its days, or those in ``statutory_days``)."""
    if not occ.statutory_days:
        return list(occ.days())
    return [occ.start + timedelta(days=n - 1) for n in occ.statutory_days]


def year_of(engine: Engine, state: str | None, year: int, **kwargs) -> list[Occurrence]:
    return engine.occurrences(date(year, 1, 1), date(year, 12, 31), state=state, **kwargs)


def oracle(state: str | None, year: int) -> Counter:
    """python-holidays' statutory days of a Land (None: nationwide), one count per holiday name."""
    found = holidays.DE(subdiv=state, years=year, categories=("public",))
    return Counter({day: len(names.split("; ")) for day, names in found.items()})


# -- the oracle: every statutory day exactly once -----------------------------------------------------


@pytest.mark.parametrize("state", LAENDER)
def test_every_statutory_day_of_python_holidays_is_one_occurrence(engine: Engine, state: str) -> None:
    for year in YEARS:
        found = [o for o in year_of(engine, state, year, traditions={"public"})]
        assert all(o.statutory == (state,) for o in found), (state, year)
        covered = Counter(day for o in found for day in statutory_dates(o) if day.year == year)
        assert covered == oracle(state, year), (state, year)


@pytest.mark.parametrize("state", ["NW", "BY", "BE", "MV", "SN", "TH", "BB", "SL"])
def test_no_date_has_a_holiday_and_its_statutory_twin(engine: Engine, catalogue, state: str) -> None:
    twin_ids = catalogue.twins
    for year in YEARS:
        found = year_of(engine, state, year)  # every tradition, both layers
        by_day: dict[date, set[str]] = {}
        for occ in found:
            for day in occ.days():
                by_day.setdefault(day, set()).add(occ.id)
        for day, ids in by_day.items():
            for public_id in ids & set(twin_ids):
                assert twin_ids[public_id].id not in ids, (state, day, public_id)
        # the statutory occurrences are the same whether or not the filter names the layer
        assert [o for o in found if o.statutory] == year_of(engine, state, year, traditions={"public"})


def test_nationwide_holidays_without_a_state(engine: Engine) -> None:
    for year in (1994, 2017, 2025):
        found = year_of(engine, None, year, traditions={"public"})
        assert all(set(o.statutory) == set(LAENDER) for o in found)
        covered = Counter(day for o in found for day in statutory_dates(o))
        assert covered == oracle(None, year)
    ids = {o.id for o in year_of(engine, None, 2025, traditions={"public"})}
    assert {"good-friday", "easter-monday", "christmas", "public-german-unity-day"} <= ids
    assert "public-good-friday" not in ids


# -- hand-picked Länder and days ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "state,day,holiday_id",
    [
        ("NW", date(2025, 4, 18), "good-friday"),
        ("NW", date(2025, 11, 1), "all-saints"),
        ("NW", date(2025, 6, 19), "corpus-christi"),
        ("BY", date(2025, 6, 19), "corpus-christi"),
        ("BY", date(2025, 1, 6), "epiphany"),
        ("BB", date(2025, 10, 31), "reformation-day"),
        ("BB", date(2025, 4, 20), "easter-sunday"),
        ("BB", date(2025, 6, 8), "pentecost"),
        ("SN", date(2025, 11, 19), "repentance-day"),
        ("SL", date(2025, 8, 15), "assumption"),
        ("BE", date(2019, 3, 8), "international-womens-day"),
        ("MV", date(2023, 3, 8), "international-womens-day"),
        ("TH", date(2025, 9, 20), "public-world-childrens-day"),  # no catalogue twin
        ("NW", date(2025, 10, 3), "public-german-unity-day"),  # no catalogue twin
    ],
)
def test_statutory_day_is_one_occurrence_of_the_catalogue_holiday(
    engine: Engine, state: str, day: date, holiday_id: str
) -> None:
    statutory = [o for o in engine.on(day, state=state) if o.statutory]
    assert [o.id for o in statutory] == [holiday_id]
    assert statutory[0].statutory == (state,)
    expected_tradition = "public" if holiday_id.startswith("public-") else engine.catalogue.get(holiday_id).tradition
    assert statutory[0].tradition == expected_tradition


@pytest.mark.parametrize("state,year", [("BE", 2018), ("MV", 2022), ("NW", 2025)])
def test_womens_day_before_it_became_statutory_is_not_marked(engine: Engine, state: str, year: int) -> None:
    day = date(year, 3, 8)
    found = engine.on(day, state=state)
    assert [o.statutory for o in found if o.id == "international-womens-day"] == [()]
    assert not [o for o in found if o.statutory]


def test_christmas_is_one_occurrence_statutory_on_both_days(engine: Engine) -> None:
    found = [o for o in engine.on(date(2025, 12, 26), state="SN") if o.statutory]
    assert [(o.id, o.start, o.end, o.statutory_days) for o in found] == [
        ("christmas", date(2025, 12, 25), date(2025, 12, 26), (1, 2))
    ]
    # the catalogue records no rule for Saxony: the statutory one applies to both days
    assert found[0].school("SN") == {"SN": {"leave": "statutory", "days": None, "note": "Gesetzlicher Feiertag"}}


def test_public_filter_and_own_tradition_both_match(engine: Engine) -> None:
    public = {o.id for o in year_of(engine, "NW", 2025, traditions={"public"})}
    christian = {o.id: o for o in year_of(engine, "NW", 2025, traditions={"christianity"})}
    assert "good-friday" in public and christian["good-friday"].statutory == ("NW",)
    assert "public-good-friday" not in public
    assert christian["christmas-eve"].statutory == ()  # Heiligabend is not a statutory day
    international = [
        o for o in year_of(engine, "BE", 2025, traditions={"international"}) if o.id == "international-womens-day"
    ]
    assert [o.statutory for o in international] == [("BE",)]


def test_without_state_and_without_public_nothing_is_marked(engine: Engine) -> None:
    found = year_of(engine, None, 2025)
    assert not [o for o in found if o.statutory]
    assert engine.upcoming("good-friday", date(2025, 1, 1), count=1)[0].statutory == ()
    assert engine.upcoming("good-friday", date(2025, 1, 1), count=1, state="BY")[0].statutory == ("BY",)


def test_twin_must_fall_on_the_day_to_be_merged() -> None:
    """The mapping is by id and date: a twin on another day leaves the public holiday as it is."""
    text = """\
version: "t"
holidays:
  - id: good-friday
    tradition: christianity
    names: {de: Karfreitag, en: Good Friday}
    description: {de: Kreuzigung., en: Crucifixion.}
    rule: easter -3
    category: major
    statutory_as: public-good-friday
    sources: [{publisher: "Test", title: "test"}]
"""
    engine = Engine(loads(text))
    found = year_of(engine, "NW", 2025, traditions={"public", "christianity"})
    friday = [o for o in found if o.start == date(2025, 4, 18)]
    assert [(o.id, o.statutory) for o in friday] == [("public-good-friday", ("NW",))]
    thursday = [o for o in found if o.id == "good-friday"]
    assert [(o.start, o.statutory) for o in thursday] == [(date(2025, 4, 17), ())]


def test_every_statutory_as_names_a_holiday_python_holidays_has(catalogue) -> None:
    """A typo in ``statutory_as`` would merge nothing and leave the entry twice."""
    from interkultur.layers import known_names, slug

    # the ids the layer gives python-holidays' days: data/german-holidays.yaml by German name, else a slug
    table = known_names()["public"]
    known = set()
    for land in LAENDER:
        german = holidays.DE(subdiv=land, years=range(1991, 2101), language="de")
        english = holidays.DE(subdiv=land, years=range(1991, 2101), language="en_US")
        for day, names in german.items():
            for de, en in zip(names.split("; "), english.get(day, names).split("; ")):
                known.add(table[de][0] if de in table else f"public-{slug(en)}")
    assert set(catalogue.twins) <= known, sorted(set(catalogue.twins) - known)
    assert {"public-good-friday", "public-christmas-day", "public-womens-day"} <= set(catalogue.twins)


# -- JSON, API, check-dates, feeds, pages -----------------------------------------------------------


def test_api_lists_karfreitag_once_with_statutory(client) -> None:
    items = client.get("/api/v1/holidays?date=2025-04-18&state=NW").get_json()["holidays"]
    good_friday = [i for i in items if i["id"] == "good-friday"]
    assert len(good_friday) == 1 and good_friday[0]["statutory"] == ["NW"]
    assert good_friday[0]["tradition"] == "christianity"
    assert good_friday[0]["url"].endswith("/holiday/good-friday")
    assert not [i for i in items if i["id"].startswith("public-")]
    assert [i["statutory"] for i in items if i["id"] != "good-friday"] == [[] for i in items[1:]]
    public = client.get("/api/v1/holidays?date=2025-04-18&state=NW&tradition=public").get_json()["holidays"]
    assert [i["id"] for i in public] == ["good-friday"]


def test_api_berlin_womens_day_once(client) -> None:
    items = client.get("/api/v1/holidays?date=2025-03-08&state=BE").get_json()["holidays"]
    assert [(i["id"], i["statutory"]) for i in items if i["statutory"]] == [("international-womens-day", ["BE"])]
    assert [i["id"] for i in items].count("international-womens-day") == 1


def test_school_check_marks_the_merged_day(check) -> None:
    answer = check(["2025-04-18", "2025-11-01"], state="NW")
    for result in answer["results"]:
        statutory = [h for h in result["holidays"] if h["statutory"]]
        assert len(statutory) == 1 and statutory[0]["statutory"] == ["NW"] and statutory[0]["grants_leave"]
        assert statutory[0]["id"] in ("good-friday", "all-saints")
        assert not any(h["id"].startswith("public-") for h in result["holidays"])


def test_cli_json_and_check_dates_carry_statutory(capsys) -> None:
    from interkultur.cli import main

    assert main(["holidays", "--date", "2025-03-08", "--state", "MV", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(h["id"], h["statutory"]) for h in listed if h["statutory"]] == [("international-womens-day", ["MV"])]
    assert main(["check-dates", "2025-11-19", "--state", "SN", "--json"]) == 0
    checked = json.loads(capsys.readouterr().out)["results"][0]["holidays"]
    assert [(h["id"], h["statutory"], h["grants_leave"]) for h in checked if h["statutory"]] == [
        ("repentance-day", ["SN"], True)
    ]
    assert main(["holidays", "--date", "2025-04-18", "--state", "NW"]) == 0
    text = capsys.readouterr().out
    assert "Karfreitag  [christianity]  (statutory NW)" in text and text.count("  Karfreitag  [") == 1


def test_alias_answers_the_catalogue_holiday(client) -> None:
    alias = client.get("/api/v1/holidays/public-good-friday?state=NW")
    assert alias.status_code == 200
    data = alias.get_json()
    assert data["holiday"]["id"] == "good-friday"
    assert data == client.get("/api/v1/holidays/good-friday?state=NW").get_json()
    assert data["next"] and all(o["statutory"] == ["NW"] for o in data["next"])
    assert data["next"][0]["start"] == "2025-04-18"  # today is 2025-03-30 in these tests
    assert alias.headers["Link"] == '<https://kalender.example.de/api/v1/holidays/good-friday>; rel="canonical"'
    plain = client.get("/api/v1/holidays/public-good-friday").get_json()
    assert plain["holiday"]["id"] == "good-friday" and all(o["statutory"] == [] for o in plain["next"])
    second_day = client.get("/api/v1/holidays/public-second-day-of-christmas").get_json()
    assert second_day["holiday"]["id"] == "christmas"
    ics = client.get("/holiday/public-good-friday.ics?state=NW")
    assert ics.status_code == 200 and 'filename="good-friday.ics"' in ics.headers["Content-Disposition"]
    assert [str(e["UID"]) for e in events(ics.data)][0] == "good-friday-20250418@kalender.example.de"
    # a public holiday without a twin has no catalogue entry to answer with
    assert client.get("/api/v1/holidays/public-german-unity-day").status_code == 404


def test_openapi_documents_statutory(client) -> None:
    occurrence = client.get("/api/openapi.json").get_json()["components"]["schemas"]["Occurrence"]
    assert "statutory" in occurrence["required"]
    assert occurrence["properties"]["statutory"]["items"]["enum"] == list(LAENDER)


def events(body: bytes):
    return list(Calendar.from_ical(body).walk("VEVENT"))


def test_public_feed_has_karfreitag_under_the_catalogue_uid(client) -> None:
    found = events(client.get("/feeds/public.ics?state=NW").data)
    uids = {str(e["UID"]) for e in found}
    assert "good-friday-20250418@kalender.example.de" in uids
    assert "christmas-20251225@kalender.example.de" in uids
    assert "public-german-unity-day-20251003@kalender.example.de" in uids
    assert not any(uid.startswith(("public-good-friday", "public-christmas")) for uid in uids)
    friday = [e for e in found if str(e["UID"]) == "good-friday-20250418@kalender.example.de"][0]
    assert str(friday["SUMMARY"]) == "Karfreitag"
    assert "Gesetzlicher Feiertag in Nordrhein-Westfalen." in str(friday["DESCRIPTION"])
    assert str(friday["URL"]).endswith("/holiday/good-friday")
    everything = events(client.get("/feeds/all.ics?state=NW").data)
    on_friday = [str(e["UID"]) for e in everything if e["DTSTART"].dt == date(2025, 4, 18)]
    assert on_friday.count("good-friday-20250418@kalender.example.de") == 1
    assert not [uid for uid in on_friday if uid.startswith("public-")]


@pytest.mark.parametrize(
    "lang,text",
    [
        ("de", "Gesetzlicher Feiertag in Nordrhein-Westfalen."),
        ("en", "Public holiday in North Rhine-Westphalia."),
        ("tr", "Kuzey Ren-Vestfalya eyaletinde resmî tatil."),
        ("ar", "عطلة رسمية في شمال الراين-وستفاليا."),
    ],
)
def test_widget_and_feed_say_where_it_is_statutory(client, lang: str, text: str) -> None:
    widget = client.get(f"/widget/2025/4?state=NW&lang={lang}").get_data(as_text=True)
    panel = widget[widget.index('id="ik-day-2025-04-18"') :]
    panel = panel[: panel.index("</section>")]
    assert text in panel and panel.count(text) == 1
    assert "public-good-friday" not in widget
    feed = events(client.get(f"/feeds/christianity.ics?state=NW&lang={lang}").data)
    friday = [e for e in feed if str(e["UID"]).startswith("good-friday-20250418")][0]
    assert text in str(friday["DESCRIPTION"])


def test_widget_without_state_has_no_statutory_note(client) -> None:
    widget = client.get("/widget/2025/4").get_data(as_text=True)
    assert "ik-note-statutory" not in widget


def test_detail_page_says_where_it_is_statutory(client) -> None:
    page = client.get("/holiday/good-friday?state=BY&lang=de").get_data(as_text=True)
    assert "Gesetzlicher Feiertag in Bayern." in page
    assert "ik-note-statutory" not in client.get("/holiday/good-friday?lang=de").get_data(as_text=True)
    alias = client.get("/holiday/public-good-friday?state=BY&lang=de")
    assert alias.status_code == 200 and "Gesetzlicher Feiertag in Bayern." in alias.get_data(as_text=True)


def test_layer_ids_do_not_follow_the_librarys_english_names(monkeypatch, catalogue):
    """python-holidays renamed Whit Sunday to Pentecost (0.96 -> newer): ids and English names come from data."""
    from interkultur import layers

    table = layers.known_names()
    assert table["public"]["Pfingstsonntag"][0] == "public-pentecost"
    original = layers._rows

    def renamed(state, years, category):
        return [layers.LayerDay(r.day, r.de, "Renamed " + r.en) for r in original(state, years, category)]

    layers.spans.cache_clear()
    monkeypatch.setattr(layers, "_rows", renamed)
    try:
        ids = {h.id for h, _, _ in layers.spans("public", "BB", 2025)}
        names = {h.names["en"] for h, _, _ in layers.spans("public", "BB", 2025)}
    finally:
        layers.spans.cache_clear()
    assert {"public-pentecost", "public-pentecost-monday", "public-good-friday"} <= ids
    assert not any(n.startswith("Renamed") for n in names)
    assert {twin for twin in catalogue.twins} <= {row[0] for rows in table.values() for row in rows.values()}
