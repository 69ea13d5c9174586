"""The Länder (issue "First contact"): one table (data/laender.yaml), one resolver, every entry point.

``--state`` and ``state=`` take the code (NW), the ISO 3166-2 code (DE-NW), the German name
(Nordrhein-Westfalen), the English name and the well-established abbreviations (NRW, BaWü, RLP,
MeckPomm, LSA, Nds), in any case; answers and caches use the code. The table is cross-checked
with python-holidays' own list of German subdivisions and their German names (independent data),
and with the translators' German catalogue.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import holidays
import pytest
from babel.messages.pofile import read_po

from interkultur import laender, translations
from interkultur.catalog import LAENDER
from interkultur.cli import main

from .conftest import API

SRC = Path(laender.__file__).resolve().parent

#: (input, code): every Land by code, ISO code, name, and the established abbreviations.
SPELLINGS = [
    ("NW", "NW"),
    ("DE-NW", "NW"),
    ("nw", "NW"),
    ("de-nw", "NW"),
    ("NRW", "NW"),
    ("nrw", "NW"),
    ("Nordrhein-Westfalen", "NW"),
    ("nordrhein westfalen", "NW"),
    ("North Rhine-Westphalia", "NW"),
    ("BaWü", "BW"),
    ("Ba-Wü", "BW"),
    ("Baden-Wuerttemberg", "BW"),
    ("Thueringen", "TH"),
    ("Thüringen", "TH"),
    ("Bavaria", "BY"),
    ("RLP", "RP"),
    ("MeckPomm", "MV"),
    ("M-V", "MV"),
    ("LSA", "ST"),
    ("Nds.", "NI"),
    (" Sachsen-Anhalt ", "ST"),
    ("Sachsen", "SN"),
]


def subdivisions() -> dict[str, str]:
    """python-holidays: German name -> code of the sixteen Länder (it also lists Augsburg, a city)."""
    return {name: code for name, code in holidays.DE.subdivisions_aliases.items() if len(code) == 2}


def test_the_table_matches_python_holidays():
    names = subdivisions()
    assert sorted(LAENDER) == sorted(names.values()) and len(LAENDER) == 16
    for name, code in names.items():
        land = laender.BY_CODE[code]
        assert (land.de, land.iso) == (name, f"DE-{code}")


@pytest.mark.parametrize("text,code", SPELLINGS)
def test_spellings_resolve_to_the_code(text, code):
    assert laender.resolve(text) == code


@pytest.mark.parametrize("text", ["", "XX", "DE", "DE-XX", "Westfalen", "NRWW", "AT-9", "Bayern" * 20, None, 5])
def test_anything_else_is_no_land(text):
    assert laender.resolve(text) is None


def test_every_spelling_of_every_land():
    for name, code in subdivisions().items():
        land = laender.BY_CODE[code]
        for spelling in (code, code.lower(), f"DE-{code}", name, name.upper(), land.en):
            assert laender.resolve(spelling) == code, spelling


def test_the_german_catalogue_agrees_with_the_table():
    """The site shows a Land's English name through gettext: de must give the table's German name,
    tr and ar must have a translation."""
    for lang in ("de", "tr", "ar"):
        with translations.po_path(lang).open("rb") as fp:
            catalogue = read_po(fp, locale=lang)
        for land in laender.TABLE:
            message = catalogue.get(land.en)
            assert message is not None and message.string, (lang, land.en)
            if lang == "de":
                assert message.string == land.de


def test_no_land_table_left_in_code():
    """Codes and names live in data/laender.yaml only."""
    names = "|".join(re.escape(land.de) for land in laender.TABLE if land.de != land.en)
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(rf'"(?:{names})"', text), path
        assert not re.search(r'\(\s*"BW",\s*"BY"', text) and not re.search(r'"BW":\s*(?:N_)?\(', text), path


# -- entry points ----------------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["NRW", "Nordrhein-Westfalen", "de-nw", "nw"])
def test_cli_echoes_the_code(capsys, spelling):
    assert main(["check-dates", "2025-03-31", "--state", spelling, "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert main(["check-dates", "2025-03-31", "--state", "NW", "--json"]) == 0
    assert answer["state"] == "NW" and answer == json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("spelling", ["NRW", "Nordrhein-Westfalen", "de-nw"])
def test_api_echoes_the_code(client, spelling):
    canonical = client.post(API, json={"dates": ["2025-03-31"], "state": "NW"}).get_json()
    answer = client.post(API, json={"dates": ["2025-03-31"], "state": spelling}).get_json()
    assert answer["state"] == "NW" and answer == canonical
    assert client.get(f"{API}?dates=2025-03-31&state={spelling}").get_json()["state"] == "NW"


def test_page_selects_the_land(client):
    html = client.get("/schulen?dates=2025-03-31&state=Nordrhein-Westfalen&lang=de").get_data(as_text=True)
    assert '<option value="NW" selected>' in html and "Ergebnis – Nordrhein-Westfalen" in html


def test_the_response_cache_keys_on_the_code(school_app):
    client = school_app.test_client()
    cache = school_app.extensions["interkultur.responses"]
    first = client.get("/api/v1/holidays?date=2025-10-03&state=NRW")
    assert first.status_code == 200 and first.get_json()
    hits = cache.hits
    second = client.get("/api/v1/holidays?date=2025-10-03&state=NW")
    assert cache.hits == hits + 1 and second.data == first.data
    assert client.get("/api/v1/holidays?date=2025-10-03&state=NRWX").status_code == 400


def test_an_unknown_land_lists_the_codes():
    with pytest.raises(ValueError) as caught:
        laender.require("Westfalen")
    message = str(caught.value)
    assert all(code in message for code in LAENDER) and "NRW" in message
