"""Sources a reader can follow: no internal research label reaches a user, and sources are links.

The research notes cite their material as ``S15``, ``research §3`` and the like; a resident or a
teacher cannot follow such a label. These tests look at what users get (every holiday page, the
API for every holiday, /schulen for the Länder with leave rules, the iCal feeds, the CLI's JSON)
and at how sources are rendered (``<a href>`` to the publisher's page).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest

from interkultur.catalog import CatalogueError, loads

from .htmlutil import parse, squash

LABEL = re.compile(r"\bS\d{1,2}b?\b")
RESEARCH = re.compile(r"research", re.IGNORECASE)
SECTION = re.compile(r"§\s*\d+")
#: A section sign is fine next to the law it belongs to ("SchulG NRW §43(4)", "FTG NRW §9").
LAW = re.compile(r"SchulG|FTG|FeiertG|Feiertagsgesetz|Schulbesuchsverordnung|SchPflG|Verordnung|Gesetz")
LANGS = ("de", "en", "tr", "ar")
SCHOOL_LANDS = ("NW", "BY", "BW", "HE", "BE")


def internal_labels(text: str) -> list[str]:
    """Every internal label in ``text``; a § counts unless a law is named just before or after it."""
    found = [m.group(0) for m in LABEL.finditer(text)] + [m.group(0) for m in RESEARCH.finditer(text)]
    for m in SECTION.finditer(text):
        window = text[max(0, m.start() - 60) : m.end() + 40]
        if not LAW.search(window):
            found.append(window)
    return found


def test_the_label_check_catches_what_the_research_notes_use():
    assert internal_labels("Quelle: S15") == ["S15"]
    assert internal_labels("siehe S36b") == ["S36b"]
    assert internal_labels("(research §3)")
    assert internal_labels("Tabelle §2")
    assert internal_labels("Nur Generalklausel §43(4) SchulG") == []
    assert internal_labels("BGBl. I S. 17; GV. NW. S. 222") == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_holiday_page_shows_an_internal_label(client, catalogue, lang):
    for holiday in catalogue.holidays:
        response = client.get(f"/holiday/{holiday.id}?lang={lang}")
        assert response.status_code == 200
        text = squash(parse(response.data).text)
        assert internal_labels(text) == [], holiday.id


@pytest.mark.parametrize("lang", LANGS)
def test_no_api_answer_shows_an_internal_label(client, catalogue, lang):
    for holiday in catalogue.holidays:
        for land in SCHOOL_LANDS:
            body = client.get(f"/api/v1/holidays/{holiday.id}?lang={lang}&state={land}").get_data(as_text=True)
            assert internal_labels(json.loads(body) and body) == [], (holiday.id, land)
    listing = client.get(f"/api/v1/holidays?from=2025-01-01&to=2025-12-31&lang={lang}&state=NW")
    assert internal_labels(listing.get_data(as_text=True)) == []


@pytest.mark.parametrize("land", SCHOOL_LANDS)
def test_schulen_shows_no_internal_label(client, engine, land):
    days = sorted({o.start.isoformat() for o in engine.occurrences(date(2025, 1, 1), date(2025, 12, 31))})
    response = client.post(
        "/schulen", data={"dates": "\n".join(days), "state": land}, content_type="multipart/form-data"
    )
    assert response.status_code == 200
    doc = parse(response.data)
    assert doc.find_all("li", cls="ik-match"), "the check found no holidays"
    assert internal_labels(squash(doc.text)) == []


@pytest.mark.parametrize("path", ["/feeds/all.ics", "/feeds/all.ics?lang=en&state=NW", "/feeds/islam.ics?lang=tr"])
def test_feeds_show_no_internal_label(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert internal_labels(response.get_data(as_text=True)) == []


def test_cli_json_shows_no_internal_label():
    out = subprocess.run(
        [sys.executable, "-m", "interkultur", "holidays", "--year", "2025", "--state", "NW", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out) and internal_labels(out) == []


def test_holiday_page_links_every_source(client, catalogue):
    linked = 0
    for holiday in catalogue.holidays:
        doc = parse(client.get(f"/holiday/{holiday.id}?lang=de").data)
        items = doc.find("ul", cls="ik-sources").find_all("li")
        assert len(items) == len(holiday.sources), holiday.id
        for item, source in zip(items, holiday.sources):
            assert squash(item.text) == f"{source.publisher} — {source.title}"
            anchors = item.find_all("a")
            if source.url:
                assert [a.attrs.get("href") for a in anchors] == [source.url], holiday.id
                assert re.match(r"https?://[^/\s]+\.[^/\s]+", source.url)
                linked += 1
            else:
                assert anchors == []
    assert linked > len(catalogue.holidays)  # nearly every source is online


def test_the_ftg_nrw_is_cited_with_its_official_link(client, catalogue):
    # Good Friday is a holiday by FTG NRW §2 (recht.nrw.de, SGV. NRW. 113)
    doc = parse(client.get("/holiday/good-friday").data)
    hrefs = [a.attrs.get("href", "") for a in doc.find("ul", cls="ik-sources").find_all("a")]
    assert any(h.startswith("https://recht.nrw.de/") for h in hrefs)


def test_api_gives_structured_sources(client, catalogue):
    for holiday in catalogue.holidays:
        sources = client.get(f"/api/v1/holidays/{holiday.id}").get_json()["holiday"]["sources"]
        assert sources and all(set(s) == {"publisher", "title", "url"} for s in sources), holiday.id
        assert all(s["publisher"].strip() and s["title"].strip() for s in sources)


def test_openapi_describes_a_source(client):
    schemas = client.get("/api/openapi.json").get_json()["components"]["schemas"]
    assert schemas["Holiday"]["properties"]["sources"]["items"] == {"$ref": "#/components/schemas/Source"}
    assert set(schemas["Source"]["required"]) == {"publisher", "title", "url"}


def test_schulen_links_the_rules_of_the_land(client, catalogue):
    doc = parse(client.get("/schulen?state=NW&lang=de").data)
    hrefs = [a.attrs.get("href") for ul in doc.find_all("ul", cls="ik-sources") for a in ul.find_all("a")]
    assert hrefs == [s.url for s in catalogue.school_sources["NW"]]
    assert any(h.startswith("https://recht.nrw.de/") for h in hrefs)  # SchulG NRW §43(4)


MINIMAL = """\
version: "t"
holidays:
  - id: christmas
    tradition: christianity
    names: {de: Weihnachten, en: Christmas}
    description: {de: Geburt Jesu., en: Birth of Jesus.}
    rule: 12-25
    category: major
    sources:
      - %s
"""


@pytest.mark.parametrize(
    "source",
    [
        '"S14"',
        '{publisher: "Land NRW", title: "research S14"}',
        '{publisher: "Land NRW", title: "§2"}',
        '{publisher: "Land NRW"}',
        '{publisher: "Land NRW", title: "FTG NRW §2", url: "not a url"}',
        '{publisher: "Land NRW", title: "FTG NRW §2", url: "ftp://recht.nrw.de/x"}',
        '{publisher: "Land NRW", title: "FTG NRW §2", page: 3}',
    ],
)
def test_a_source_a_reader_cannot_follow_is_refused(source):
    with pytest.raises(CatalogueError) as caught:
        loads(MINIMAL % source, "c.yaml")
    assert caught.value.errors and all(e.startswith("c.yaml:10: ") for e in caught.value.errors)


def test_a_law_with_its_section_and_a_source_without_url_are_accepted():
    cat = loads(MINIMAL % '{publisher: "Land NRW", title: "Feiertagsgesetz NW §2"}', "c.yaml")
    assert cat.holidays[0].sources[0].url is None
