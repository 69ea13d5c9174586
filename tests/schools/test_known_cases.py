"""The issue's known cases, through the JSON API (the contract) and the engine.

Expected dates are written here, not taken from the libraries the service
uses: a bug in python-holidays or in a calendar conversion must not be able
to confirm itself.
"""

from __future__ import annotations

from datetime import date

import pytest

from interkultur.schools import check_dates

from .conftest import API, holidays_on, match_of

LEAVE_KINDS_GRANTING = {"statutory", "without-application", "on-application"}

# (date, holiday id, day of the feast). In NRW (BASS 12-52 Nr. 1) leave on application covers one day
# of a multi-day feast, chosen by the pupil: every day of the feast qualifies (research §3).
KNOWN = [
    ("2025-03-30", "eid-al-fitr", 1),
    ("2025-03-31", "eid-al-fitr", 2),
    ("2025-04-01", "eid-al-fitr", 3),
    ("2025-06-06", "eid-al-adha", 1),
    ("2025-09-23", "rosh-hashanah", 1),
    ("2025-09-24", "rosh-hashanah", 2),
    ("2025-10-02", "yom-kippur", 1),
    ("2025-04-20", "orthodox-easter", 1),
]


@pytest.mark.parametrize("day,holiday_id,day_of_feast", KNOWN)
def test_known_holiday_falls_on_the_date(check, day, holiday_id, day_of_feast):
    answer = check([day])
    assert answer["state"] == "NW"
    assert [r["date"] for r in answer["results"]] == [day]
    found = match_of(answer, day, holiday_id)
    assert found["match"] == "day"
    assert found["day_of_feast"] == day_of_feast
    # the occurrence fields of /api/v1/holidays are all there
    for key in (
        "id",
        "tradition",
        "name",
        "description",
        "start",
        "end",
        "eve",
        "estimated",
        "category",
        "school",
        "url",
    ):
        assert key in found


@pytest.mark.parametrize("day,holiday_id,day_of_feast", KNOWN)
def test_known_holiday_has_an_nrw_leave_rule(check, day, holiday_id, day_of_feast):
    found = match_of(check([day]), day, holiday_id)
    assert set(found["school"]) == {"NW"}  # state= narrows the school object to the Land
    assert found["school"]["NW"]["leave"] in LEAVE_KINDS_GRANTING


@pytest.mark.parametrize("day,holiday_id,day_of_feast", KNOWN)
def test_known_holiday_is_flagged_with_nrw_leave_on_that_day(check, day, holiday_id, day_of_feast):
    answer = check([day])
    found = match_of(answer, day, holiday_id)
    assert found["grants_leave"] is True
    # leave-granting matches come first
    flags = [h["grants_leave"] for h in holidays_on(answer, day)]
    assert flags == sorted(flags, reverse=True)


def test_eid_al_fitr_2025_spans_30_march_to_1_april(check):
    answer = check(["2025-03-29", "2025-03-30", "2025-04-01", "2025-04-02"])
    fitr = match_of(answer, "2025-03-30", "eid-al-fitr")
    assert (fitr["start"], fitr["end"]) == ("2025-03-30", "2025-04-01")
    assert match_of(answer, "2025-03-29", "eid-al-fitr")["match"] == "eve"
    assert "eid-al-fitr" not in [h["id"] for h in holidays_on(answer, "2025-04-02")]


def test_rosh_hashanah_2025_is_23_and_24_september(check):
    found = match_of(check(["2025-09-24"]), "2025-09-24", "rosh-hashanah")
    assert (found["start"], found["end"], found["eve"]) == ("2025-09-23", "2025-09-24", "2025-09-22")


def test_eve_of_yom_kippur_2025_matches_as_eve(check):
    answer = check(["2025-10-01"])
    found = match_of(answer, "2025-10-01", "yom-kippur")
    assert found["match"] == "eve"
    assert found["day_of_feast"] is None
    assert found["grants_leave"] is False  # the eve is a school day; leave is for the feast day
    assert (found["start"], found["eve"]) == ("2025-10-02", "2025-10-01")


def test_a_date_without_holidays_gives_an_empty_list(check):
    # Tuesday 4 February 2025: no feast, no eve, no public holiday, no school break in NRW.
    # (If the catalogue ever gains a holiday on it, pick another free date.)
    answer = check(["2025-02-18"])
    assert answer["results"] == [{"date": "2025-02-18", "holidays": []}]
    # the same with a filter that cannot match, independent of catalogue growth
    answer = check(["2025-02-18"], state=None, tradition="judaism")
    assert answer["results"] == [{"date": "2025-02-18", "holidays": []}]


# FTG NRW (Feiertagsgesetz NW) §2 Abs. 1: Neujahrstag, Karfreitag, Ostermontag, 1. Mai, Christi
# Himmelfahrt, Pfingstmontag, Fronleichnam, Tag der Deutschen Einheit (3. Oktober), Allerheiligen
# (1. November), 1. und 2. Weihnachtstag -- eleven days (research §4, [S14]). Easter 2025 is 20 April.
NRW_PUBLIC_HOLIDAYS_2025 = {
    date(2025, 1, 1),  # Neujahr
    date(2025, 4, 18),  # Karfreitag (Easter - 2)
    date(2025, 4, 21),  # Ostermontag (Easter + 1)
    date(2025, 5, 1),  # 1. Mai
    date(2025, 5, 29),  # Christi Himmelfahrt (Easter + 39)
    date(2025, 6, 9),  # Pfingstmontag (Easter + 50)
    date(2025, 6, 19),  # Fronleichnam (Easter + 60)
    date(2025, 10, 3),  # Tag der Deutschen Einheit
    date(2025, 11, 1),  # Allerheiligen
    date(2025, 12, 25),  # 1. Weihnachtstag
    date(2025, 12, 26),  # 2. Weihnachtstag
}


def test_nrw_public_holidays_2025_are_the_statutory_list(engine):
    # tradition=public: the Land's statutory days, each once; those with a catalogue
    # twin (Karfreitag, Weihnachten ...) are the catalogue's occurrence, marked statutory
    found = engine.occurrences(date(2025, 1, 1), date(2025, 12, 31), traditions={"public"}, state="NW")
    covered = sorted(day for o in found for day in o.days())
    assert covered == sorted(NRW_PUBLIC_HOLIDAYS_2025)
    assert all(o.statutory == ("NW",) for o in found)
    assert all(o.id.startswith("public-") == (o.tradition == "public") for o in found)


def test_nrw_public_holidays_2025_through_the_api(client):
    items = client.get("/api/v1/holidays?from=2025-01-01&to=2025-12-31&tradition=public&state=DE-NW").get_json()[
        "holidays"
    ]
    covered = sorted(
        date.fromordinal(d)
        for i in items
        for d in range(date.fromisoformat(i["start"]).toordinal(), date.fromisoformat(i["end"]).toordinal() + 1)
    )
    assert covered == sorted(NRW_PUBLIC_HOLIDAYS_2025)
    ids = {i["id"] for i in items}
    assert {"good-friday", "public-german-unity-day", "all-saints", "christmas"} <= ids
    assert not {"public-good-friday", "public-all-saints-day", "public-christmas-day"} & ids
    assert all(i["statutory"] == ["NW"] for i in items)
    assert all(set(i["school"]) == {"NW"} and i["school"]["NW"]["leave"] == "statutory" for i in items)


def test_every_nrw_public_holiday_2025_is_flagged_in_the_check(check):
    answer = check(sorted(d.isoformat() for d in NRW_PUBLIC_HOLIDAYS_2025))
    for result in answer["results"]:
        assert result["holidays"][0]["grants_leave"]  # leave-granting first (a school break may lead)
        statutory = [h for h in result["holidays"] if h["statutory"] == ["NW"]]
        assert len(statutory) == 1 and statutory[0]["grants_leave"]


def test_nrw_summer_break_2025_is_one_occurrence(engine, check):
    # Ferienordnung NRW (schulministerium.nrw, KMK): Sommerferien 14.07.-26.08.2025
    found = [
        o
        for o in engine.occurrences(date(2025, 6, 1), date(2025, 9, 30), traditions={"school-break"}, state="NW")
        if o.id == "school-break-summer"
    ]
    assert [(o.start, o.end) for o in found] == [(date(2025, 7, 14), date(2025, 8, 26))]
    answer = check(["2025-07-13", "2025-07-14", "2025-08-26", "2025-08-27"])
    assert "school-break-summer" not in [h["id"] for h in holidays_on(answer, "2025-07-13")]
    first = match_of(answer, "2025-07-14", "school-break-summer")
    last = match_of(answer, "2025-08-26", "school-break-summer")
    assert (first["day_of_feast"], last["day_of_feast"]) == (1, 44)
    assert first["grants_leave"] and last["grants_leave"]
    assert "school-break-summer" not in [h["id"] for h in holidays_on(answer, "2025-08-27")]


def test_engine_check_dates_agrees_with_the_api(engine, check):
    days = ["2025-03-31", "2025-10-01", "2025-02-18", "2025-03-31"]
    answer = check(days)
    direct = check_dates(engine, [date.fromisoformat(d) for d in days], "NW")
    assert [
        (r["date"], [(h["id"], h["match"], h["day_of_feast"]) for h in r["holidays"]]) for r in answer["results"]
    ] == [(d.isoformat(), [(m.occurrence.id, m.match, m.day_of_feast) for m in ms]) for d, ms in direct]


def test_results_keep_request_order_and_duplicates(check):
    days = ["2025-10-02", "2025-03-30", "2025-10-02", "2024-12-31"]
    answer = check(days)
    assert [r["date"] for r in answer["results"]] == days
    assert answer["results"][0] == answer["results"][2]


def test_get_gives_the_same_answer_as_post(client, check):
    posted = check(["2025-03-31", "2025-06-06"])
    got = client.get(f"{API}?dates=2025-03-31,2025-06-06&state=NW")
    assert got.status_code == 200
    assert got.get_json() == posted
    head = client.head(f"{API}?dates=2025-03-31&state=NW")
    assert head.status_code == 200 and head.data == b""


@pytest.mark.parametrize("code", ["NW", "nw", "DE-NW", "de-nw", " DE-NW "])
def test_land_codes_bare_or_prefixed(check, code):
    answer = check(["2025-06-06"], state=code)
    assert answer["state"] == "NW"
    assert set(match_of(answer, "2025-06-06", "eid-al-adha")["school"]) == {"NW"}


def test_without_state_every_land_rule_and_no_layers(check):
    answer = check(["2025-06-06", "2025-07-14"], state=None)
    assert answer["state"] is None
    adha = match_of(answer, "2025-06-06", "eid-al-adha")
    assert {"NW", "BY", "BW", "HE", "BE"} <= set(adha["school"])
    assert adha["grants_leave"] is False  # no Land, no leave decision
    assert all(h["tradition"] not in ("public", "school-break") for r in answer["results"] for h in r["holidays"])
    assert answer["coverage"] == {}


def test_layers_and_bavarian_rules_with_state_by(check):
    answer = check(["2025-06-06", "2025-06-07"], state="BY")
    assert match_of(answer, "2025-06-07", "eid-al-adha")["grants_leave"] is True  # Bayern: first 2 days
    assert match_of(answer, "2025-06-06", "eid-al-adha")["school"]["BY"]["leave"] == "without-application"
    # Pfingstferien Bayern 2025: 10.-20. June
    assert any(h["tradition"] == "school-break" for h in holidays_on(check(["2025-06-12"], state="BY"), "2025-06-12"))
