"""Right-to-left pages (Arabic, Farsi) keep Latin fragments in place: every one is isolated (``<bdi>``, ``dir`` or U+2068…U+2069).

In a right-to-left paragraph the Unicode Bidirectional Algorithm (UAX #9,
https://www.unicode.org/reports/tr9/) moves neutral characters next to
left-to-right runs: ``Oster-/Frühjahrsferien``, ``interkultur 0.1.0`` or
``1991–2029`` come out scrambled unless the run is isolated. HTML gives
``<bdi>`` and ``dir="auto"`` (https://html.spec.whatwg.org/#the-bdi-element);
translated sentences and attributes use FSI/PDI. The test reads every text
node of the rendered pages in every right-to-left language and fails on any Latin letter that is
not inside such an isolate.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from interkultur.languages import FSI, LANGUAGES, PDI, direction

LATIN = re.compile(r"[A-Za-z]")
ISOLATED = re.compile(f"{FSI}[^{PDI}]*{PDI}")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
#: Not shown as text of the page (script and style), or a form control the browser lays out itself.
SKIPPED = {"script", "style", "option"}


class LatinFinder(HTMLParser):
    """Collects text with Latin letters outside any isolate, with the path of elements to it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.loose: list[tuple[str, str]] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        title = attrs.get("title") or ""
        if LATIN.search(ISOLATED.sub("", title)) and any(t == "td" for t, _ in self.stack + [(tag, {})]):
            self.attributes.append((tag, title[:60]))
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        rest = ISOLATED.sub("", data)
        if not LATIN.search(rest):
            return
        if any(tag == "bdi" or tag in SKIPPED or attrs.get("dir") in ("ltr", "auto") for tag, attrs in self.stack):
            return
        self.loose.append(("/".join(t for t, _ in self.stack[-3:]), data.strip()[:70]))


PAGES = [
    "/?lang={lang}",
    "/year/2025?lang={lang}&state=NW",
    "/holiday/epiphany?lang={lang}",
    "/holiday/eid-al-fitr?lang={lang}",
    "/widget/2025/4?lang={lang}&state=NW",
    "/schulen?lang={lang}&dates=2025-03-31,2025-04-18,2025-02-30&state=NW",
    "/nowhere?lang={lang}",
    "/year/2025?lang={lang}&state=XX",
]
#: Every right-to-left interface language (languages.yaml): Farsi pages get the care Arabic ones do.
RTL = [lang for lang in LANGUAGES if direction(lang) == "rtl"]


@pytest.mark.parametrize("lang", RTL)
@pytest.mark.parametrize("url", PAGES)
def test_latin_fragments_on_right_to_left_pages_are_isolated(client, url, lang):
    response = client.get(url.format(lang=lang))
    assert response.status_code in (200, 400, 404)
    html = response.get_data(as_text=True)
    assert 'dir="rtl"' in html
    finder = LatinFinder()
    finder.feed(html)
    assert finder.loose == []
    assert finder.attributes == []


def test_german_fallback_names_sit_in_bdi(client):
    """Public holidays without a catalogue twin have German names from python-holidays; where no overlay
    gives an Arabic one, the Arabic year page shows the German name in a <bdi> that says it is German
    (lang="de" dir="ltr"), so a screen reader reads it as German; a name in Arabic gets no attribute."""
    from interkultur.web import state

    html = client.get("/year/2025?lang=ar&state=NW").get_data(as_text=True)
    with client.application.app_context():
        days = [
            o
            for o in state().engine.occurrences(date(2025, 1, 1), date(2025, 12, 31), state="NW")
            if o.tradition == "public"
        ]
    assert {o.holiday.names["de"] for o in days} >= {"Tag der Deutschen Einheit", "Neujahr"}
    for occ in days:
        shown = occ.holiday.name("ar")
        if shown == occ.holiday.names["de"]:
            assert f'<bdi lang="de" dir="ltr">{shown}</bdi>' in html
        else:
            assert f"<bdi>{shown}</bdi>" in html
    assert "<bdi>interkultur " in html  # the version in the footer


def test_german_page_has_no_isolate_characters(client):
    """Isolates are for right-to-left pages; left-to-right text stays as it was."""
    html = client.get("/schulen?lang=de").get_data(as_text=True)
    assert FSI not in html and PDI not in html
