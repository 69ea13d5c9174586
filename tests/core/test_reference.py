"""The sibling files (traditions, categories, languages) are checked like the catalogue: file:line, all at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from interkultur import languages
from interkultur.catalog import CatalogueError, load, localised
from interkultur.reference import SIBLINGS, load_reference
from interkultur.yamllines import DataFileError

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    for name in ("holidays.yaml", *SIBLINGS):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def _line_of(path: Path, text: str) -> int:
    return next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in row)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_shipped_files_are_valid_and_in_order():
    reference = load_reference(DATA)
    assert reference.tradition_ids[:3] == ("christianity", "islam", "alevi")
    assert reference.category_ids == ("major", "minor", "fast", "memorial", "observance")
    assert reference.languages.interface == (
        "de",
        "en",
        "tr",
        "ar",
        "bg",
        "ro",
        "pl",
        "uk",
        "ru",
        "el",
        "it",
        "sq",
        "fa",
        "ku",
    )
    assert reference.tradition("islam").name_languages == ("tr", "ar")


def test_every_problem_of_every_file_is_reported_with_its_line(data_dir):
    traditions, langs = data_dir / "traditions.yaml", data_dir / "languages.yaml"
    _replace(traditions, "  - id: alevi\n", "  - id: islam\n")
    _replace(traditions, 'colour: "#1d4ed8"', 'colour: "navy"')
    _replace(langs, "{code: ar, endonym: العربية, direction: rtl,", "{code: ar, endonym: العربية, direction: up,")
    _replace(
        langs,
        "{code: tr, endonym: Türkçe, direction: ltr, fallback: [de, en]}",
        "{code: tr, endonym: Türkçe, direction: ltr, fallback: [xx]}",
    )
    with pytest.raises(DataFileError) as err:
        load_reference(data_dir)
    errors = err.value.errors
    navy = _line_of(traditions, 'colour: "navy"')
    assert any(e.startswith(f"{traditions}:{navy}: tradition 'christianity': field 'colour'") for e in errors)
    second_islam = [
        n for n, row in enumerate(traditions.read_text(encoding="utf-8").splitlines(), 1) if row == "  - id: islam"
    ][1]
    assert any(e.startswith(f"{traditions}:{second_islam}: tradition 'islam': duplicate") for e in errors)
    assert any(
        e.startswith(f"{langs}:{_line_of(langs, 'direction: up')}: language 'ar': field 'direction'") for e in errors
    )
    assert any("language 'tr': fallback 'xx' is not a language of this file" in e for e in errors)


def test_a_holiday_must_use_a_declared_tradition_category_and_community(data_dir):
    holidays = data_dir / "holidays.yaml"
    _replace(holidays, "community: shia", "community: sunni")
    with pytest.raises(CatalogueError) as err:
        load(data_dir)
    line = _line_of(holidays, "community: sunni")
    assert any(
        e.startswith(f"{holidays}:{line}:") and "unknown community 'sunni' of 'islam'" in e for e in err.value.errors
    )


def test_tradition_name_languages_come_from_the_data(data_dir):
    """Alevi holiday names need Turkish because traditions.yaml says so; without that line they do not."""
    holidays = data_dir / "holidays.yaml"
    catalogue = load(data_dir)
    alevi = next(h for h in catalogue.holidays if h.tradition == "alevi")
    turkish = f"tr: {alevi.names['tr']}"
    text = holidays.read_text(encoding="utf-8")
    start = text.index(f"id: {alevi.id}\n")
    at = text.index(turkish, start)
    end = text.index("\n", at)
    line = text[text.rindex("\n", 0, at) + 1 : end]
    stripped = line.replace(turkish + ", ", "").replace(", " + turkish, "")
    assert stripped != line, line
    holidays.write_text(text[: text.rindex("\n", 0, at) + 1] + stripped + text[end:], encoding="utf-8")
    with pytest.raises(CatalogueError, match=f"holiday '{alevi.id}': field 'names': missing language\\(s\\): tr"):
        load(data_dir)
    _replace(data_dir / "traditions.yaml", "ar: العلوية}\n    name_languages: [tr, ar]\n", "ar: العلوية}\n")
    assert "tr" not in load(data_dir).get(alevi.id).names


def test_fallback_chain_is_the_one_of_languages_yaml():
    texts = {"de": "Weihnachten", "en": "Christmas"}
    assert languages.chain("tr") == ("tr", "de", "en")
    assert languages.chain("en") == ("en", "de")
    assert languages.chain("de-AT") == ("de-AT", "de", "en")
    assert languages.chain("xx") == ("xx", "de", "en")  # unknown: the default's readers' chain
    assert localised(texts, "tr") == "Weihnachten" and localised({"en": "Christmas"}, "tr") == "Christmas"
    assert languages.direction("ar") == "rtl" and languages.direction("he") == "rtl"
    assert languages.direction("de") == "ltr"
