"""``state=`` in the JSON API, the widget and the feeds; ``coverage`` outside 1991-2029."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from icalendar import Calendar

from interkultur.catalog import LAENDER

from .conftest import API

# -- coverage ----------------------------------------------------------------------------------------


def test_coverage_inside_the_known_years(client):
    answer = client.post(API, json={"dates": ["2025-03-31", "2029-12-31"], "state": "NW"}).get_json()
    assert answer["coverage"] == {
        "public": {"years": [1991, 2100], "complete": True, "missing": []},
        "school-break": {"years": [1991, 2029], "complete": True, "missing": []},
    }


def test_coverage_after_2029_says_school_breaks_are_unknown(client):
    answer = client.post(API, json={"dates": ["2029-07-01", "2031-07-20"], "state": "NW"}).get_json()
    assert answer["coverage"]["school-break"] == {"years": [1991, 2029], "complete": False, "missing": [2030, 2031]}
    assert answer["coverage"]["public"]["complete"] is True
    # 20 July 2031 is in no known break: the answer does not pretend to know
    assert all(h["tradition"] != "school-break" for h in answer["results"][1]["holidays"])


def test_coverage_before_1991_says_both_layers_are_unknown(client):
    answer = client.post(API, json={"dates": ["1985-10-03", "1990-10-03"], "state": "NW"}).get_json()
    assert answer["coverage"]["public"] == {
        "years": [1991, 2100],
        "complete": False,
        "missing": list(range(1985, 1991)),
    }
    assert answer["coverage"]["school-break"]["missing"] == list(range(1985, 1991))
    # no public holiday is invented for years python-holidays does not cover
    assert all(h["tradition"] != "public" for r in answer["results"] for h in r["holidays"])


def test_holidays_api_carries_coverage_and_school(client):
    plain = client.get("/api/v1/holidays?date=2025-06-06").get_json()
    assert plain["coverage"] == {}
    adha = [h for h in plain["holidays"] if h["id"] == "eid-al-adha"][0]
    assert {"NW", "BY", "BW", "HE", "BE"} <= set(adha["school"])
    for item in plain["holidays"]:
        assert "school" in item
    narrowed = client.get("/api/v1/holidays?date=2025-06-06&state=DE-NW").get_json()
    adha = [h for h in narrowed["holidays"] if h["id"] == "eid-al-adha"][0]
    assert set(adha["school"]) == {"NW"}
    assert narrowed["coverage"]["school-break"]["complete"] is True
    later = client.get("/api/v1/holidays?from=2028-01-01&to=2031-12-31&state=NW").get_json()
    assert later["coverage"]["school-break"]["missing"] == [2030, 2031]
    public_only = client.get("/api/v1/holidays?date=2025-10-03&tradition=public").get_json()
    assert [h["id"] for h in public_only["holidays"]] == ["public-german-unity-day"]
    assert set(public_only["coverage"]) == {"public"}


def test_holiday_detail_api_narrows_school_to_state(client):
    data = client.get("/api/v1/holidays/yom-kippur?state=NW").get_json()
    assert all(set(o["school"]) == {"NW"} for o in data["next"])


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/holidays?date=2025-06-06&state=XX",
        "/widget/2025/7?state=XX",
        "/feeds/all.ics?state=XX",
        "/?state=DE",
        "/year/2025?state=NRWX",
    ],
)
def test_unknown_state_is_a_400_everywhere(client, url):
    response = client.get(url)
    assert response.status_code == 400


def test_school_breaks_without_state_are_refused(client):
    response = client.get("/api/v1/holidays?date=2025-07-20&tradition=school-break")
    assert response.status_code == 400 and response.get_json()["parameter"] == "state"


# -- the widget --------------------------------------------------------------------------------------


class Cells(HTMLParser):
    """data-holidays of every day cell, the Land switch and the notes."""

    def __init__(self):
        super().__init__()
        self.holidays: dict[str, list[str]] = {}
        self.options: list[tuple[str, bool]] = []
        self.forms: list[dict] = []
        self.hidden: dict[str, str] = {}
        self.form_class = ""
        self.links: list[str] = []
        self.classes: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td" and "data-date" in a:
            self.holidays[a["data-date"]] = (a.get("data-holidays") or "").split()
        if tag == "form":
            self.forms.append(a)
            self.form_class = a.get("class", "")
        if tag == "option":
            self.options.append((a.get("value"), "selected" in a))
        if tag == "input" and a.get("type") == "hidden" and "ik-stateform" in self.form_class:
            self.hidden[a["name"]] = a["value"]  # the Land switch's own (the holiday selector has others)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if a.get("class"):
            self.classes.extend(a["class"].split())


def parse(html: str) -> Cells:
    cells = Cells()
    cells.feed(html)
    return cells


def test_widget_has_the_land_switch(client):
    page = parse(client.get("/widget/2025/7").get_data(as_text=True))
    form = [f for f in page.forms if "ik-stateform" in f.get("class", "")][0]
    assert form["method"] == "get" and form["action"] == "/widget/2025/7"
    values = [v for v, _ in page.options]
    assert values[0] == "" and sorted(values[1:]) == sorted(LAENDER)
    assert not any(selected for _, selected in page.options)
    assert "school-break-summer" not in sum(page.holidays.values(), [])


def test_widget_with_state_shows_breaks_and_public_holidays(client):
    response = client.get("/widget/2025/7?state=NW&lang=en")
    assert response.status_code == 200
    page = parse(response.get_data(as_text=True))
    assert "school-break-summer" in page.holidays["2025-07-14"]
    assert "school-break-summer" not in page.holidays["2025-07-13"]
    assert ("NW", True) in page.options
    assert page.hidden == {"lang": "en"}  # the switch keeps the other parameters, not the state itself
    assert not any("/holiday/school-break" in link for link in page.links)  # generated: no detail page
    # month navigation keeps the state
    assert any(link.startswith("/widget/2025/8?") and "state=NW" in link for link in page.links)
    october = parse(client.get("/widget/2025/10?state=DE-NW").get_data(as_text=True))
    assert "public-german-unity-day" in october.holidays["2025-10-03"]


def test_widget_leave_note_for_catalogue_holidays(client):
    html = client.get("/widget/2025/6?state=NW&lang=en").get_data(as_text=True)
    assert "School (NW): Leave on application" in html


def test_widget_notes_missing_school_break_years(client):
    html = client.get("/widget/2030/7?state=NW&lang=en").get_data(as_text=True)
    assert "ik-note-coverage" in html
    assert "known only for 1991–2029" in html and "2030" in html
    assert "ik-note-coverage" not in client.get("/widget/2029/7?state=NW").get_data(as_text=True)
    assert "ik-note-coverage" not in client.get("/widget/2030/7").get_data(as_text=True)


def test_landing_page_switch_stays_on_the_landing_page(client):
    page = parse(client.get("/?state=NW").get_data(as_text=True))
    form = [f for f in page.forms if "ik-stateform" in f.get("class", "")][0]
    assert form["action"] == "/"


def test_year_page_with_state(client):
    response = client.get("/year/2025?state=NW")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Sommerferien" in html and "/holiday/school-break" not in html


def test_embed_script_passes_data_state(client):
    script = client.get("/embed.js").get_data(as_text=True)
    assert '"state"' in script and "data-state" in script


# -- the feeds ---------------------------------------------------------------------------------------


def events(body: bytes):
    return list(Calendar.from_ical(body).walk("VEVENT"))


def test_feed_with_state_has_breaks_and_public_holidays(client):
    response = client.get("/feeds/all.ics?state=NW")
    assert response.status_code == 200
    found = events(response.data)
    uids = {str(e["UID"]) for e in found}
    assert "school-break-summer-20250714@kalender.example.de" in uids
    assert "public-german-unity-day-20251003@kalender.example.de" in uids
    summer = [e for e in found if str(e["UID"]).startswith("school-break-summer-2025")][0]
    assert summer["DTSTART"].dt.isoformat() == "2025-07-14"
    assert summer["DTEND"].dt.isoformat() == "2025-08-27"  # exclusive end
    assert "URL" not in summer  # no detail page for generated layers
    plain = {str(e["UID"]) for e in events(client.get("/feeds/all.ics").data)}
    assert not any(uid.startswith(("school-break-", "public-")) for uid in plain)


def test_school_break_feed(client):
    response = client.get("/feeds/school-break.ics?state=NW&lang=en")
    assert response.status_code == 200
    cal = Calendar.from_ical(response.data)
    assert "North Rhine-Westphalia" in str(cal["X-WR-CALNAME"])
    assert {str(e["CATEGORIES"].cats[0]) for e in cal.walk("VEVENT")} == {"school-break"}
    assert client.get("/feeds/school-break.ics").status_code == 400
    public = client.get("/feeds/public.ics")
    assert public.status_code == 200 and b"public-german-unity-day-" in public.data


def test_feed_etag_differs_per_state(client):
    a = client.get("/feeds/all.ics?state=NW").headers["ETag"]
    b = client.get("/feeds/all.ics?state=BY").headers["ETag"]
    c = client.get("/feeds/all.ics?state=DE-NW").headers["ETag"]
    assert a != b and a == c
