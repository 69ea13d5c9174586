"""The school area's interface strings are translated (de, tr, ar) with the same placeholders.

tests/web/test_translations.py checks the widget/pages/API sources; this checks ours.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from interkultur import translations
from interkultur.languages import LANGUAGES

PACKAGE = Path(translations.__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
SOURCES = ["web/schools.py", "web/school_display.py", "web/school_request.py", "web/plans.py", "web/i18n.py"]
TEMPLATES = ["schulen.html", "_widget_schools.html", "_school_rule.html"]


def extracted_ids() -> set[str]:
    method_map = [(path, "python") for path in SOURCES]
    method_map += [(f"web/templates/{name}", "jinja2") for name in TEMPLATES]
    options = {
        f"web/templates/{name}": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}
        for name in TEMPLATES
    }
    ids = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(PACKAGE),
        method_map,
        options_map=options,
        keywords={"_": None, "gettext": None, "ngettext": (1, 2), "N_": None},
    ):
        ids.add(message if isinstance(message, str) else message[0])
    return ids


def test_extraction_finds_the_school_strings():
    ids = extracted_ids()
    # Land names are data now (data/laender.yaml); tests/test_first_contact.py checks their translations.
    assert "Schools: holidays on your dates" in ids
    assert "Public and school holidays" in ids  # the widget's Land switch


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_school_strings_are_translated(lang):
    with translations.po_path(lang).open("rb") as fp:
        catalog = read_po(fp, locale=lang)
    missing = []
    for message_id in sorted(extracted_ids()):
        message = catalog.get(message_id)
        if not (message and message.string):
            missing.append(message_id)
            continue
        assert set(PLACEHOLDER.findall(message_id)) == set(PLACEHOLDER.findall(message.string)), message_id
    assert not missing, f"{lang}: untranslated {missing}"


def test_english_catalogue_knows_the_school_strings():
    with translations.po_path("en").open("rb") as fp:
        catalog = read_po(fp, locale="en")
    assert not sorted(m for m in extracted_ids() if catalog.get(m) is None)
