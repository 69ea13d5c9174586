"""Landing page, year overview, holiday pages, and what every HTML page must (not) contain."""

from __future__ import annotations

import re
from datetime import date

import pytest

from .conftest import BASE_URL, TODAY
from .htmlutil import parse, squash

HTML_PAGES = [
    "/",
    "/widget",
    "/widget/2025/3?dual=hijri,hebrew",
    "/year/2025",
    "/holiday/christmas",
    "/?lang=ar",
    "/year/2025?lang=tr",
    "/nope",
    "/widget/2025/13",
]


def test_landing_page(client, catalogue):
    response = client.get("/")
    assert response.status_code == 200
    doc = parse(response.data)
    assert doc.by_id("ik-widget") is not None  # the current month's widget
    assert squash(doc.find("h2", cls="ik-title").text) == "März 2025"
    hrefs = [a.attrs.get("href", "") for a in doc.find_all("a")]
    assert "webcal://kalender.example.de/feeds/all.ics" in hrefs
    assert f"{BASE_URL}/feeds/all.ics" in hrefs
    for tradition in catalogue.traditions:
        assert f"webcal://kalender.example.de/feeds/{tradition}.ics" in hrefs
        assert f"{BASE_URL}/feeds/{tradition}.ics" in hrefs
    assert "/api/openapi.json" in hrefs
    assert f"{BASE_URL}/embed.js" in response.data.decode()


def test_year_overview_is_printable(client, engine, app):
    doc = parse(client.get("/year/2025?category=all").data)
    assert len(doc.find_all("section", cls="ik-mini")) == 12
    items = doc.find("ol", cls="ik-year-list").find_all("li")
    assert len(items) == len(engine.occurrences(date(2025, 1, 1), date(2025, 12, 31)))
    selection = parse(client.get("/year/2025").data).find("ol", cls="ik-year-list").find_all("li")
    assert len(selection) == len(engine.occurrences(date(2025, 1, 1), date(2025, 12, 31), default_view=True))
    with app.test_client().get("/static/site.css") as css:
        text = css.data.decode()
    assert "@media print" in text and "size: A4" in text
    assert client.get("/year/1899").status_code == 400
    assert client.get("/year/2101").status_code == 400
    assert client.get("/year/x").status_code == 404


def test_holiday_page(client, catalogue, engine):
    holiday = next(h for h in catalogue.holidays if h.starts_evening_before and not h.night)
    doc = parse(client.get(f"/holiday/{holiday.id}?lang=en").data)
    text = squash(doc.text)
    assert holiday.name("en") in doc.find("h1").text
    assert holiday.description("en") in text
    assert "begins on the evening before" in text
    links = {squash(a.text): a.attrs.get("href") for a in doc.find("ul", cls="ik-sources").find_all("a")}
    for source in holiday.sources:
        assert links[f"{source.publisher} — {source.title}"] == source.url
    upcoming = engine.upcoming(holiday.id, TODAY, count=5)
    assert len(doc.find("ul", cls="ik-next-dates").find_all("li")) == len(upcoming)
    hrefs = [a.attrs.get("href") for a in doc.find_all("a")]
    assert f"/holiday/{holiday.id}.ics?lang=en" in hrefs
    assert client.get("/holiday/no-such-feast").status_code == 404
    assert client.get("/holiday/%3Cscript%3E").status_code == 404


@pytest.mark.parametrize("path", HTML_PAGES)
def test_no_inline_script_no_external_assets(client, path):
    body = client.get(path).data.decode()
    doc = parse(body)
    for script in doc.find_all("script"):
        assert script.attrs.get("src", "").startswith("/static/"), script.attrs
        assert not script.text.strip()
    for link in doc.find_all("link"):
        assert link.attrs["href"].startswith("/static/")
    assert not re.search(r"\son[a-z]+=", body), "inline event handler"
    assert not re.search(r"\sstyle=", body), "inline style (blocked by the CSP)"


@pytest.mark.parametrize("path", HTML_PAGES)
def test_pages_carry_language_and_direction(client, path):
    doc = parse(client.get(path).data)
    html = doc.find("html")
    lang = "ar" if "lang=ar" in path else "tr" if "lang=tr" in path else "de"
    assert html.attrs["lang"] == lang
    assert html.attrs["dir"] == ("rtl" if lang == "ar" else "ltr")


def test_language_links_keep_the_page(client):
    doc = parse(client.get("/year/2025?tradition=islam").data)
    links = {a.attrs["hreflang"]: a.attrs["href"] for a in doc.find("nav", cls="ik-langs").find_all("a")}
    assert links["en"] == "/year/2025?tradition=islam&lang=en"


def test_favicon(client):
    with client.get("/favicon.ico") as response:
        assert response.status_code == 200
        assert response.mimetype == "image/svg+xml"
