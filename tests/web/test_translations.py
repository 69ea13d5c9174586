"""gettext catalogues: compiled, complete, consistent placeholders, shipped as package data."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from interkultur import translations
from interkultur.languages import LANGUAGES
from support_http import REPO

PACKAGE = Path(translations.__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


#: The widget, pages, API, feeds and iCal modules; other areas (schools) keep their own check.
#: Every module and template of the package: a message added anywhere must reach every language.
OWN_SOURCES = sorted(
    str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py") if "translations" not in path.parts
)
OWN_TEMPLATES = sorted(path.name for path in (PACKAGE / "web" / "templates").glob("*.html"))


def extracted_ids() -> set[str]:
    method_map = [(path, "python") for path in OWN_SOURCES]
    method_map += [(f"web/templates/{name}", "jinja2") for name in OWN_TEMPLATES]
    options = {
        f"web/templates/{name}": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}
        for name in OWN_TEMPLATES
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


def catalog(lang: str):
    with translations.po_path(lang).open("rb") as fp:
        return read_po(fp, locale=lang)


def test_every_interface_language_has_a_po_and_mo():
    assert set(LANGUAGES) <= set(translations.available())
    for lang in LANGUAGES:
        assert translations.po_path(lang).with_suffix(".mo").is_file()


def messages(catalogue) -> dict:
    """Message id (and context) -> translation, without the header entry.

    The header carries ``Generated-By: Babel x.y`` and a creation date, so the
    committed ``.mo`` is compared with its ``.po`` by content, never by bytes:
    a newer Babel that pip resolves must not fail this test.
    """
    return {
        (m.context, m.id if isinstance(m.id, str) else tuple(m.id)): (
            m.string if isinstance(m.string, str) else tuple(m.string)
        )
        for m in catalogue
        if m.id and m.string and not m.fuzzy
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mo_is_compiled_from_the_current_po(lang):
    with translations.po_path(lang).with_suffix(".mo").open("rb") as fp:
        committed = messages(read_mo(fp))
    assert committed == messages(catalog(lang)), (
        f"{lang}: run `python -m interkultur.translations` after editing the .po"
    )


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_message_is_translated_with_the_same_placeholders(lang):
    cat = catalog(lang)
    wanted = extracted_ids()
    assert wanted, "extraction found nothing"
    missing = sorted(m for m in wanted if not (cat.get(m) and cat.get(m).string))
    assert not missing, f"{lang}: untranslated {missing}"
    for message in cat:
        if message.id and message.string:
            assert set(PLACEHOLDER.findall(message.id)) == set(PLACEHOLDER.findall(message.string)), message.id


def test_english_catalogue_knows_every_message():
    cat = catalog("en")
    missing = sorted(m for m in extracted_ids() if cat.get(m) is None)
    assert not missing


def test_translations_are_package_data():
    files = resources.files("interkultur.translations")
    assert files.joinpath("de", "LC_MESSAGES", "messages.mo").is_file()
    pyproject = (REPO / "pyproject.toml").read_text()  # needs the repository
    for pattern in ('"*.po"', '"*.mo"', '"*.html"', '"*.css"', '"*.js"', '"*.svg"'):
        assert pattern in pyproject


def test_lookup_and_fallback():
    assert translations.get("de").gettext("Intercultural calendar") == "Interkulturkalender"
    assert translations.get("en").gettext("Intercultural calendar") == "Intercultural calendar"
    assert translations.get("xx").gettext("Intercultural calendar") == "Intercultural calendar"
