"""/schulen: the conflict check as a page (Flask test client; the browser test is in tests/browser)."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest

from interkultur.web import plans

STATIC = Path(__file__).resolve().parents[2] / "src" / "interkultur" / "web" / "static"


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.rows: list[dict] = []
        self.text: list[str] = []
        self._row = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "tr" and "data-date" in a:
            self._row = {"date": a["data-date"], "conflict": a["data-conflict"], "holidays": [], "text": ""}
            self.rows.append(self._row)
        if tag == "li" and self._row is not None and "data-holiday" in a:
            self._row["holidays"].append((a["data-holiday"], a["data-match"]))

    def handle_endtag(self, tag):
        if tag == "tr":
            self._row = None

    def handle_data(self, data):
        self.text.append(data)
        if self._row is not None:
            self._row["text"] += data

    def find(self, tag, **attrs):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    @property
    def all_text(self):
        return " ".join(" ".join(self.text).split())


def parse(response) -> Page:
    page = Page()
    page.feed(response.get_data(as_text=True))
    return page


def post(client, lang=None, **form):
    form.setdefault("state", "NW")
    url = "/schulen" + (f"?lang={lang}" if lang else "")
    return client.post(url, data=form, content_type="multipart/form-data")


def test_form_works_without_javascript(client):
    response = client.get("/schulen")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = parse(response)
    form = page.find("form")[0]
    assert form["method"] == "post" and form["enctype"] == "multipart/form-data"
    assert form["action"].startswith("/schulen") and form["action"].endswith("#ik-results")
    assert page.find("textarea", name="dates")
    assert len(page.find("input", type="date", name="day")) == 3
    upload = page.find("input", type="file", name="plan")[0]
    assert ".csv" in upload["accept"] and ".ics" in upload["accept"]
    assert "selected" in page.find("option", value="NW")[0]  # NRW first
    assert page.find("button", type="submit")
    # no inline script or style: the CSP forbids them
    html = response.get_data(as_text=True)
    assert "<script>" not in html and "style=" not in html
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    for tag, attrs in page.tags:
        if tag == "script":
            assert attrs.get("src")


def test_page_is_german_by_default_and_localised(client):
    assert parse(client.get("/schulen")).find("html")[0]["lang"] == "de"
    assert "Schulen: Feiertage an Ihren Terminen" in client.get("/schulen").get_data(as_text=True)
    en = client.get("/schulen?lang=en").get_data(as_text=True)
    assert "Schools: holidays on your dates" in en and "North Rhine-Westphalia" in en
    tr = client.get("/schulen", headers={"Accept-Language": "tr-TR,tr;q=0.9"}).get_data(as_text=True)
    assert "Okullar" in tr and "Kuzey Ren-Vestfalya" in tr
    ar = parse(client.get("/schulen?lang=ar"))
    assert ar.find("html")[0] == {"lang": "ar", "dir": "rtl"}


def test_printable(client):
    page = parse(client.get("/schulen"))
    sheets = [a["href"] for a in page.find("link") if a.get("rel") == "stylesheet"]
    assert any("schulen.css" in s for s in sheets) and any("site.css" in s for s in sheets)
    css = (STATIC / "schulen.css").read_text()
    assert "@media print" in css and ".ik-schools-form" in css.split("@media print", 1)[1]
    with client.get(next(s for s in sheets if "schulen.css" in s)) as stylesheet:
        assert stylesheet.status_code == 200 and stylesheet.mimetype == "text/css"


def test_pasted_dates_give_the_conflict_table(client):
    response = post(
        client,
        dates="31.03.2025 Mathe 10a\n2025-10-01 Elternabend\n18.02.2025 Englisch\n14.07.2025",
        day=["2025-06-06", ""],
    )
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = parse(response)
    rows = page.rows
    assert [r["date"] for r in rows] == ["2025-03-31", "2025-10-01", "2025-02-18", "2025-07-14", "2025-06-06"]
    by_date = {r["date"]: r for r in rows}
    assert ("eid-al-fitr", "day") in by_date["2025-03-31"]["holidays"]
    assert "Mathe 10a" in by_date["2025-03-31"]["text"]
    assert by_date["2025-10-01"]["holidays"] == [("yom-kippur", "eve")]
    assert by_date["2025-10-01"]["conflict"] == "eve"
    assert by_date["2025-02-18"]["conflict"] == "free" and by_date["2025-02-18"]["holidays"] == []
    assert by_date["2025-07-14"]["conflict"] == "no-school"
    assert by_date["2025-06-06"]["conflict"] == "leave"
    assert "Beurlaubung auf Antrag" in by_date["2025-06-06"]["text"]
    # catalogue holidays link to their page; generated layers do not
    links = [a["href"] for a in page.find("a") if a.get("href", "").startswith("/holiday/")]
    assert "/holiday/eid-al-fitr" in links and not any("school-break" in link for link in links)
    # a shareable GET link reproduces the table
    permalink = [a["href"] for a in page.find("a") if "dates=" in a.get("href", "")][0]
    again = parse(client.get(permalink))
    assert [r["date"] for r in again.rows] == ["2025-03-31", "2025-10-01", "2025-02-18", "2025-07-14", "2025-06-06"]


def test_get_with_dates(client):
    page = parse(client.get("/schulen?dates=2025-06-06,31.03.2025&state=DE-NW&lang=en"))
    assert [r["date"] for r in page.rows] == ["2025-06-06", "2025-03-31"]
    assert "Leave on application" in page.rows[0]["text"]


def test_without_a_land_there_are_no_leave_rules(client):
    page = parse(post(client, dates="2025-06-06\n2025-07-14", state=""))
    assert page.rows[0]["holidays"] == [("eid-al-adha", "day")]
    assert page.rows[1]["holidays"] == []  # no school breaks without a Land
    assert "Wählen Sie ein Bundesland" in page.all_text


def test_csv_upload(client):
    csv = "Datum;Fach;Klasse\n31.03.2025;Mathematik;10a\n02.10.2025;Deutsch;9b\n".encode("cp1252")
    response = post(client, plan=(io.BytesIO(csv), "klausuren.csv"))
    assert response.status_code == 200
    page = parse(response)
    assert [r["date"] for r in page.rows] == ["2025-03-31", "2025-10-02"]
    assert "Mathematik · 10a" in page.rows[0]["text"]
    assert "klausuren.csv" in page.all_text


def test_ics_upload(client):
    ics = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20250101T000000Z\r\n"
        b"DTSTART;VALUE=DATE:20250922\r\nDTEND;VALUE=DATE:20250925\r\nSUMMARY:Klassenfahrt 8b\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    page = parse(post(client, plan=(io.BytesIO(ics), "plan.ics")))
    assert [r["date"] for r in page.rows] == ["2025-09-22", "2025-09-23", "2025-09-24"]
    assert ("rosh-hashanah", "eve") in page.rows[0]["holidays"]
    assert ("rosh-hashanah", "day") in page.rows[1]["holidays"]


def test_unreadable_dates_are_named(client):
    response = post(client, dates="31.02.2025\nKlausurplan\n2025-03-31")
    assert response.status_code == 200
    text = parse(response).all_text
    assert "“31.02.2025”" in text and "“Klausurplan”" in text


@pytest.mark.parametrize(
    "form,needle",
    [
        ({"dates": ""}, "mindestens ein Datum"),
        ({"dates": "31.02.2025"}, "“31.02.2025”"),
        ({"dates": "\n".join(f"2025-01-01 + {i}" for i in range(501))}, "Höchstens 500"),
        ({"plan": (io.BytesIO(b"PK\x03\x04\x00binary"), "plan.xlsx")}, "weder eine CSV-Tabelle"),
        ({"plan": (io.BytesIO(b"BEGIN:VCALENDAR\nbroken"), "plan.ics")}, "iCalendar-Datei konnte nicht"),
    ],
)
def test_input_errors_are_400_pages(client, form, needle):
    response = post(client, **form)
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert needle in parse(response).all_text
    assert not parse(response).rows


def test_too_large_upload(client):
    big = io.BytesIO(b"2025-03-31;x\n" * (plans.MAX_UPLOAD_BYTES // 10))
    response = post(client, plan=(big, "big.csv"))
    assert response.status_code == 400
    assert "zu groß" in parse(response).all_text


def test_too_large_form_body(client):
    response = post(client, dates="2025-03-31\n" * 40_000)
    assert response.status_code == 400
    assert "zu groß" in parse(response).all_text


def test_unknown_state_is_a_400_page(client):
    assert post(client, dates="2025-03-31", state="XX").status_code == 400
    assert client.get("/schulen?state=XX").status_code == 400


def test_input_is_escaped(client):
    response = post(client, dates="2025-03-31 <script>alert(1)</script>\n<img src=x onerror=alert(1)>")
    html = response.get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_coverage_note_on_the_page(client):
    page = parse(post(client, dates="2031-07-20", lang="en"))
    assert "School holidays of North Rhine-Westphalia are known only for 1991–2029" in page.all_text


def test_head_and_other_methods(client):
    assert client.head("/schulen").status_code == 200
    assert client.put("/schulen").status_code == 405


def test_rules_limited_to_some_days_say_so(client):
    # Bayern: the first two days of each Bayram, without application (research §3)
    page = parse(post(client, dates="2025-06-07\n2025-06-08", state="BY"))
    second, third = page.rows
    assert second["conflict"] == "leave" and "gilt für" not in second["text"]
    assert third["conflict"] == "holiday" and "gilt für Tag 1, 2 des Festes" in third["text"]
