"""The 14 interface languages on every surface: widget, detail page, year page, feed, API, embed.js.

Expected month and weekday names are Babel's CLDR data for the locale
(``babel.dates.get_month_names`` / ``get_day_names``), the writing direction
CLDR's ``character_order`` and the endonyms CLDR's own-language display names:
an independent source, not the code under test. Scripts are checked through
``unicodedata`` names (Cyrillic letters on a Bulgarian page ...).
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import get_day_names, get_month_names
from icalendar import Calendar

from .htmlutil import parse, squash

CONTRACT = ("de", "en", "tr", "ar", "bg", "ro", "pl", "uk", "ru", "el", "it", "sq", "fa", "ku")
SCRIPT = {"bg": "CYRILLIC", "ru": "CYRILLIC", "uk": "CYRILLIC", "el": "GREEK", "ar": "ARABIC", "fa": "ARABIC"}


def cldr_direction(lang: str) -> str:
    return "rtl" if Locale.parse(lang).character_order == "right-to-left" else "ltr"


def letters(text: str, script: str) -> int:
    return sum(1 for ch in text if ch.isalpha() and unicodedata.name(ch, "").startswith(script))


def assert_language_page(doc, lang: str) -> str:
    """The document is in ``lang``: its attributes, its script, Latin digits only. Returns the visible text."""
    html = doc.find("html")
    assert html.attrs["lang"] == lang and html.attrs["dir"] == cldr_direction(lang)
    body = doc.find("body")
    for script in body.find_all("script"):
        script.children.clear()
    text = body.text
    assert letters(text, SCRIPT.get(lang, "LATIN")) > 20, f"{lang}: too few {SCRIPT.get(lang, 'LATIN')} letters"
    foreign = [ch for ch in text if unicodedata.category(ch) == "Nd" and not ch.isascii()]
    assert not foreign, f"{lang}: non-Latin digits {foreign[:5]}"
    return text


def month_forms(lang: str, month: int) -> set[str]:
    return {
        get_month_names(width, context=context, locale=lang)[month]
        for width in ("wide", "abbreviated")
        for context in ("format", "stand-alone")
    }


@pytest.mark.parametrize("lang", CONTRACT)
def test_widget_in_every_language(client, lang):
    doc = parse(client.get(f"/widget/2025/3?lang={lang}").data)
    assert_language_page(doc, lang)
    march = get_month_names("wide", context="stand-alone", locale=lang)[3]
    if lang == "ar":  # beside it the Levantine name Syrians and Iraqis use (CLDR ar_SY): آذار
        march += f" ({get_month_names('wide', context='stand-alone', locale='ar_SY')[3]})"
    assert squash(doc.find("h2", cls="ik-title").text) == f"{march} 2025"
    heads = doc.find("thead").find_all("abbr")
    wide = get_day_names("wide", context="stand-alone", locale=lang)
    assert [h.attrs["title"] for h in heads] == [wide[i] for i in range(7)]  # Monday first, in every language
    first_week = doc.find("tbody").find_all("tr")[0].find_all("td")
    assert [td.attrs.get("data-date") for td in first_week][5] == "2025-03-01"  # a Saturday
    prev = doc.find("a", cls="ik-prev").find("span").text
    assert prev == (">" if cldr_direction(lang) == "rtl" else "<")  # the arrow points outward in both


@pytest.mark.parametrize("lang", CONTRACT)
def test_year_page_in_every_language(client, lang):
    doc = parse(client.get(f"/year/2025?lang={lang}").data)
    assert_language_page(doc, lang)
    headings = [squash(s.find("h2").find("a").text) for s in doc.find_all("section", cls="ik-mini")]
    assert headings == [get_month_names("wide", context="stand-alone", locale=lang)[m] for m in range(1, 13)]
    beside = [squash(span.text) for span in doc.find_all("span", cls="ik-month-beside")]
    levantine = get_month_names("wide", context="stand-alone", locale="ar_SY")
    assert beside == ([f"({levantine[m]})" for m in range(1, 13)] if lang == "ar" else [])


@pytest.mark.parametrize("lang", CONTRACT)
def test_detail_page_in_every_language(client, catalogue, lang):
    # Rosh Hashanah 5786 begins on the evening of Monday 22 September 2025: the page names that evening
    doc = parse(client.get(f"/holiday/rosh-hashanah?lang={lang}").data)
    text = assert_language_page(doc, lang)
    assert any(form in text for form in month_forms(lang, 9)), f"{lang}: no CLDR name of September"
    assert get_day_names("wide", context="format", locale=lang)[0] in text  # Monday, the eve
    holiday = catalogue.get("rosh-hashanah")
    h1 = doc.find("h1")
    if lang in holiday.names:
        assert "lang" not in h1.attrs
    else:  # a fallback name says which language it is in
        assert h1.attrs["lang"] in holiday.names and h1.attrs["dir"] == "ltr"
    links = doc.find("nav", cls="ik-langs").find_all("a")
    assert [a.attrs["hreflang"] for a in links] == list(CONTRACT)


@pytest.mark.parametrize("lang", CONTRACT)
def test_feed_in_every_language(client, lang):
    body = client.get(f"/feeds/judaism.ics?lang={lang}").data
    cal = Calendar.from_ical(body)
    events = [c for c in cal.walk("VEVENT")]
    assert events and all(e["SUMMARY"].params["LANGUAGE"] == lang for e in events)
    assert str(cal["X-WR-CALNAME"]).strip()
    rosh = next(e for e in events if e["UID"].startswith("rosh-hashanah-20250923"))
    description = str(rosh["DESCRIPTION"])
    assert any(form in description for form in month_forms(lang, 9)), description  # the eve, 22 September
    assert "22" in description
    everything = "\n".join(str(e["DESCRIPTION"]) for e in events)
    assert letters(everything, SCRIPT.get(lang, "LATIN")) > 20
    assert not [ch for ch in everything if unicodedata.category(ch) == "Nd" and not ch.isascii()]


def test_languages_api(client):
    answer = client.get("/api/v1/languages").get_json()
    assert [entry["code"] for entry in answer["languages"]] == list(CONTRACT)
    for entry in answer["languages"]:
        assert set(entry) == {"code", "name", "dir"}
        own = Locale.parse(entry["code"]).get_display_name(entry["code"])
        assert own.casefold().startswith(entry["name"].casefold()), (entry, own)  # ku: "kurdî (kurmancî)"
        assert entry["dir"] == cldr_direction(entry["code"])
    names = {entry["code"]: entry["name"] for entry in answer["languages"]}
    assert names["ku"] == "Kurdî"
    doc = client.get("/api/openapi.json").get_json()
    assert "/api/v1/languages" in doc["paths"]
    assert "native" in doc["components"]["schemas"]["Occurrence"]["properties"]


@pytest.mark.parametrize(
    "header, lang",
    [
        ("uk-UA,uk;q=0.9,ru;q=0.8", "uk"),
        ("fa-IR,fa;q=0.9,en;q=0.5", "fa"),
        ("ku,tr;q=0.8", "ku"),
        ("el-GR", "el"),
        ("sq-XK,sq;q=0.9", "sq"),
        ("ro-RO,ro;q=0.9", "ro"),
        ("pl;q=0.7,it;q=0.9", "it"),
    ],
)
def test_accept_language_picks_every_language(client, header, lang):
    doc = parse(client.get("/widget/2025/3", headers={"Accept-Language": header}).data)
    assert doc.find("html").attrs["lang"] == lang and doc.find("html").attrs["dir"] == cldr_direction(lang)


def test_every_language_is_accepted_by_lang_and_an_unknown_one_is_not(client):
    for lang in CONTRACT:
        assert client.get(f"/api/v1/holidays?date=2025-12-25&lang={lang}").status_code == 200
    refused = client.get("/api/v1/holidays?date=2025-12-25&lang=xx")
    assert refused.status_code == 400 and "ku" in refused.get_json()["error"]


def test_embed_script_titles_every_language(client):
    text = client.get("/embed.js").get_data(as_text=True)
    titles = json.loads(re.search(r"var titles = (\{.*?\});", text).group(1))
    assert list(titles) == list(CONTRACT) and titles["de"] == "Interkulturkalender"


# -- a catalogue of our own: fallbacks, native names, review notes -------------------------------

HOLIDAYS = """\
version: "fixture-1"
holidays:
  - id: rosh-hashanah
    tradition: judaism
    names: {de: Rosch ha-Schana, en: Rosh Hashanah}
    native: {he: ראש השנה}
    description: {de: Jüdisches Neujahr., en: Jewish New Year.}
    rule: hebrew 1 Tishrei
    days: 2
    starts_evening_before: true
    category: major
    sources: [{publisher: "Test", title: "test"}]
  - id: womens-day
    tradition: international
    names: {de: Frauentag, en: Women's Day}
    description: {de: Frauentag., en: Women's day.}
    rule: 03-08
    category: major
    sources: [{publisher: "Test", title: "test"}]
"""
KU = """\
language: ku
review: pending
holidays:
  rosh-hashanah:
    name: Roş Haşana
    description: Sersala cihûyan.
    source: {publisher: "Civaka Cihûyan", title: "Salnameya cejnan", url: "https://example.org/ku"}
"""


@pytest.fixture(scope="module")
def own_client(make_app, tmp_path_factory):
    root: Path = tmp_path_factory.mktemp("catalogue")
    (root / "holidays.yaml").write_text(HOLIDAYS, encoding="utf-8")
    (root / "translations").mkdir()
    (root / "translations" / "ku.yaml").write_text(KU, encoding="utf-8")
    return make_app(CATALOGUE=str(root)).test_client()


def test_fallback_names_carry_their_language(own_client):
    doc = parse(own_client.get("/widget/2025/3?lang=fa").data)
    assert doc.find("html").attrs["dir"] == "rtl"
    names = [b for b in doc.find_all("bdi") if squash(b.text) == "Frauentag"]
    assert names and all(b.attrs.get("lang") == "de" and b.attrs.get("dir") == "ltr" for b in names)
    desc = doc.find("p", cls="ik-entry-desc")
    assert desc.attrs.get("lang") == "de" and desc.attrs.get("dir") == "ltr"
    page = parse(own_client.get("/holiday/womens-day?lang=ku").data)
    assert page.find("h1").attrs.get("lang") == "de"
    # this catalogue's translations/ has no Kurdish tradition names: the German one says so
    meta = page.find("p", cls="ik-entry-meta").find_all("bdi")
    assert [(b.attrs.get("lang"), squash(b.text)) for b in meta][0] == ("de", "Internationale Tage")
    assert not page.find_all("p", cls="ik-note-review")  # nothing of it is in Kurdish


def test_native_name_and_review_note_on_the_detail_page(own_client):
    page = parse(own_client.get("/holiday/rosh-hashanah?lang=ku").data)
    h1 = page.find("h1")
    assert "lang" not in h1.attrs and squash(h1.text).startswith("Roş Haşana")
    native = h1.find("span", cls="ik-native")
    assert (native.attrs["lang"], native.attrs["dir"], native.text) == ("he", "rtl", "ראש השנה")
    assert page.find_all("p", cls="ik-note-review")  # review: pending
    sources = [squash(li.text) for li in page.find("ul", cls="ik-sources").find_all("li")]
    assert sources[-1] == "Civaka Cihûyan — Salnameya cejnan"  # where the Kurdish name was taken from
    german = parse(own_client.get("/holiday/rosh-hashanah?lang=de").data)
    assert not german.find_all("p", cls="ik-note-review")  # inline texts carry no flag


def test_native_name_in_the_api(own_client):
    found = own_client.get("/api/v1/holidays?from=2025-01-01&to=2025-12-31&lang=de").get_json()["holidays"]
    by_id = {h["id"]: h for h in found}
    assert by_id["rosh-hashanah"]["native"] == {"lang": "he", "text": "ראש השנה"}
    assert by_id["womens-day"]["native"] is None
    assert date.fromisoformat(by_id["rosh-hashanah"]["start"]) == date(2025, 9, 23)  # 1 Tishrei 5786
