"""Translation overlays (translations/<code>.yaml), native names, coverage and ``check --strict``.

Fixture catalogues live in tmp directories: a holiday file with its own
``translations/``. Expected month and weekday names come from Babel's CLDR
data for the locale (``babel.dates``), not from the code under test.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import get_day_names, get_month_names

from interkultur import cldr, coverage
from interkultur.catalog import CatalogueError, load
from interkultur.cli import main
from interkultur.languages import FSI, LANGUAGES, PDI, chain, direction

#: The issue's contract: the 14 interface languages, ar and fa right-to-left.
CONTRACT = ("de", "en", "tr", "ar", "bg", "ro", "pl", "uk", "ru", "el", "it", "sq", "fa", "ku")

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
    names: {de: Frauentag, en: Women's Day, tr: Dünya Kadınlar Günü}
    description: {de: Frauentag., en: Women's day.}
    rule: 03-08
    category: observance
    sources: [{publisher: "Test", title: "test"}]
"""

BG = """\
language: bg
review: pending
layers:
  public-german-unity-day: Ден на германското единство
holidays:
  rosh-hashanah:
    name: Рош ха-Шана
    description: Еврейската нова година.
    source: {publisher: "Централен израелски духовен съвет", title: "Календар", url: "https://example.org/bg"}
    review: ok
  womens-day:
    name: Ден на жената
"""


def write_catalogue(root: Path, overlays: dict[str, str], holidays: str = HOLIDAYS) -> Path:
    (root / "translations").mkdir(parents=True, exist_ok=True)
    (root / "holidays.yaml").write_text(holidays, encoding="utf-8")
    for code, text in overlays.items():
        (root / "translations" / f"{code}.yaml").write_text(text, encoding="utf-8")
    return root


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle`` (the fixture's own text, not the loader's)."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_interface_languages_are_the_contract():
    assert LANGUAGES == CONTRACT
    for code in CONTRACT:  # writing direction as CLDR has it (Babel), not as we wrote it
        assert direction(code) == ("rtl" if Locale.parse(code).character_order == "right-to-left" else "ltr")
    assert [c for c in CONTRACT if direction(c) == "rtl"] == ["ar", "fa"]
    # a Ukrainian reader never meets Russian, a Kurdish one never Turkish, Arabic or Farsi
    assert chain("uk") == ("uk", "de", "en") and chain("ku") == ("ku", "de", "en")


def test_overlay_texts_are_merged_with_review_flags_and_sources(tmp_path):
    catalogue = load(write_catalogue(tmp_path, {"bg": BG}))
    rosh, women = catalogue.get("rosh-hashanah"), catalogue.get("womens-day")
    assert rosh.name("bg") == "Рош ха-Шана" and rosh.description("bg") == "Еврейската нова година."
    assert women.name("bg") == "Ден на жената"
    assert women.description("bg") == "Frauentag." and women.description_language("bg") == "de"  # fallback
    assert not rosh.awaiting_review("bg") and women.awaiting_review("bg")  # entry ok beats file pending
    assert rosh.name_sources["bg"].publisher == "Централен израелски духовен съвет"
    assert catalogue.layer_names("public-german-unity-day")["bg"] == "Ден на германското единство"
    assert rosh.native == {"he": "ראש השנה"} and rosh.native_name("de") == ("he", "ראש השנה")
    assert rosh.native_name("he") is None  # not beside itself


def test_an_edited_overlay_changes_the_catalogue_digest(tmp_path):
    before = load(write_catalogue(tmp_path, {"bg": BG})).digest
    after = load(write_catalogue(tmp_path, {"bg": BG.replace("Ден на жената", "Международен ден на жената")}))
    assert after.digest != before


BAD_CASES = {
    # overlay text, the line's marker, the start of the message after "file:line: "
    "unknown-holiday": (
        BG + "  no-such-holiday:\n    name: Нищо\n",
        "no-such-holiday",
        "holidays: unknown holiday id 'no-such-holiday'",
    ),
    "conflict": (
        "language: tr\nholidays:\n  womens-day:\n    name: Kadınlar Günü\n",
        "Kadınlar Günü",
        "holiday 'womens-day': the name differs from the inline 'tr' text",
    ),
    "wrong-type": (
        BG.replace("name: Ден на жената", "name: [Ден, жената]"),
        "[Ден, жената]",
        "holiday 'womens-day': field 'name': must be a non-empty text",
    ),
    "unknown-field": (
        BG.replace("    name: Ден на жената", "    name: Ден на жената\n    nmae: x"),
        "nmae",
        "holiday 'womens-day': unknown field 'nmae'",
    ),
    "bad-review": (
        BG.replace("review: ok", "review: maybe"),
        "review: maybe",
        "holiday 'rosh-hashanah': field 'review' must be pending or ok",
    ),
    "unknown-layer": (
        BG.replace("public-german-unity-day", "public-no-such-day"),
        "public-no-such-day",
        "layers: unknown id 'public-no-such-day'",
    ),
    "wrong-language": (
        BG.replace("language: bg", "language: ru"),
        "language: ru",
        "field 'language': 'ru' must be the file's own code 'bg'",
    ),
    "missing-name": (
        BG.replace("    name: Ден на жената", "    description: Празник."),
        "womens-day:",
        "holiday 'womens-day': missing required field 'name'",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_overlay_errors_name_file_and_line(tmp_path, case):
    text, marker, message = BAD_CASES[case]
    code = "tr" if case == "conflict" else "bg"
    root = write_catalogue(tmp_path, {code: text})
    with pytest.raises(CatalogueError) as caught:
        load(root)
    path = root / "translations" / f"{code}.yaml"
    expected = f"{path}:{line_of(text, marker)}: {message}"
    assert any(error.startswith(expected) for error in caught.value.errors), (expected, caught.value.errors)


def test_an_overlay_of_no_interface_language_is_refused(tmp_path):
    text = "language: xx\nholidays:\n  womens-day: {name: X}\n"
    root = write_catalogue(tmp_path, {"xx": text})
    with pytest.raises(CatalogueError) as caught:
        load(root)
    assert f"{root / 'translations' / 'xx.yaml'}:1: field 'language': unknown language 'xx'" in caught.value.errors[0]


def test_native_names_need_a_language_of_languages_yaml(tmp_path):
    text = HOLIDAYS.replace("native: {he: ראש השנה}", "native: {qq: ראש השנה}")
    root = write_catalogue(tmp_path, {}, holidays=text)
    with pytest.raises(CatalogueError) as caught:
        load(root)
    assert caught.value.errors[0].startswith(
        f"{root / 'holidays.yaml'}:{line_of(text, 'native:')}: "
        "holiday 'rosh-hashanah': field 'native': unknown language 'qq'"
    )


def test_strict_check_fails_on_a_missing_name(tmp_path, capsys):
    root = write_catalogue(tmp_path, {"bg": BG.replace("  womens-day:\n    name: Ден на жената\n", "")})
    assert main(["check", str(root)]) == 0  # plain check reports and warns
    out = capsys.readouterr()
    assert "warning: bg: 1 holiday name(s) missing: womens-day" in out.out and out.err == ""
    assert "bg: 1: holiday womens-day" not in out.out  # the missing one is not "awaiting review"
    assert main(["check", "--strict", str(root)]) == 1
    out = capsys.readouterr()
    assert "error: bg: 1 holiday name(s) missing: womens-day" in out.err
    bg_row = next(line.split() for line in out.out.splitlines() if line.split()[:1] == ["bg"])
    assert bg_row[1] == "1/2"  # names


def test_check_lists_the_texts_awaiting_review(tmp_path, capsys):
    main(["check", str(write_catalogue(tmp_path, {"bg": BG}))])
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.strip().startswith("bg: "))
    assert "holiday womens-day" in line and "holiday rosh-hashanah" not in line  # review: ok
    assert "layer public-german-unity-day" in line  # the file's own flag covers its other sections


def test_descriptions_below_the_share_fail_strictly(tmp_path):
    catalogue = load(write_catalogue(tmp_path, {"bg": BG}))
    bg = next(c for c in coverage.report(catalogue) if c.lang == "bg")
    assert (bg.names, bg.descriptions, bg.holidays) == (2, 1, 2)
    assert any("descriptions for 1/2 holidays (50%), at least 95% needed" in p for p in bg.problems())


@pytest.mark.parametrize("lang", CONTRACT)
def test_cli_month_in_every_language(tmp_path, capsys, lang):
    root = write_catalogue(tmp_path, {"bg": BG})
    assert main(["month", "2025", "9", "--lang", lang, "--catalogue", str(root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    september = get_month_names("wide", context="stand-alone", locale=lang)[9]
    assert lines[0].strip() == f"{september} 2025"
    monday = get_day_names("abbreviated", context="stand-alone", locale=lang)[0]
    assert lines[1].split()[0].strip(FSI + PDI) == cldr.latin_digits(monday)  # weeks start on Monday
    assert " 1*" not in lines[2] and lines[2].split()[0] == "1"  # 1 September 2025 is a Monday
    assert not any(unicodedata.category(ch) == "Nd" and not ch.isascii() for line in lines for ch in line)


@pytest.mark.parametrize("lang", CONTRACT)
def test_cli_holidays_in_every_language_isolates_fallbacks_in_rtl(tmp_path, capsys, lang):
    root = write_catalogue(tmp_path, {"bg": BG})
    assert main(["holidays", "--date", "2025-03-08", "--lang", lang, "--catalogue", str(root)]) == 0
    line = capsys.readouterr().out.strip()
    expected = {"bg": "Ден на жената", "tr": "Dünya Kadınlar Günü", "en": "Women's Day"}.get(lang, "Frauentag")
    if direction(lang) == "rtl":
        assert f"{FSI}{expected}{PDI}" in line
    else:
        assert expected in line and FSI not in line


def test_latin_digits_matches_unicode_digit_values():
    samples = "٠١٢٣٤٥٦٧٨٩" + "۰۱۲۳۴۵۶۷۸۹" + "०१२३४५६७८९"
    assert cldr.latin_digits(samples) == "".join(str(unicodedata.digit(ch)) for ch in samples)
    assert cldr.latin_digits("۲ش 2025 abc") == "2ش 2025 abc"


def test_persian_weekday_headers_have_no_persian_digits():
    short = [s for s, _full in cldr.weekday_names("fa")]
    assert len(set(short)) == 7 and all(cldr.latin_digits(s) == s for s in short)
    assert [full for _s, full in cldr.weekday_names("fa")][0] == get_day_names(
        "wide", context="stand-alone", locale="fa"
    )[0]


def test_the_shipped_catalogue_is_complete_in_every_language(catalogue):
    """What CI's ``interkultur check --strict`` enforces: every name, and enough descriptions."""
    problems = [p for c in coverage.report(catalogue) for p in c.problems()]
    assert not problems, "\n".join(problem[:300] for problem in problems)
