"""The catalogue loader: broken files are reported as ``file:line: ...``; the shipped one loads.

Each ``broken/*.yaml`` starts with one or more ``# expect: LINE: TEXT`` lines: the
loader must report exactly those errors (and no others), each as one line that
starts with ``<path>:<LINE>: `` and contains TEXT.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from interkultur import catalog
from interkultur.catalog import CatalogueError, load, loads

from .support import BROKEN, MINI_CATALOGUE

TRADITIONS = load().tradition_ids

EXPECT = re.compile(r"# expect: (\d+): (.+)")
BROKEN_FILES = sorted(BROKEN.glob("*.yaml"))


def expectations(path: Path) -> list[tuple[int, str]]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = EXPECT.match(line)
        if not m:
            break
        found.append((int(m[1]), m[2].strip()))
    return found


def test_there_are_broken_fixtures() -> None:
    assert len(BROKEN_FILES) >= 12
    for path in BROKEN_FILES:
        assert expectations(path), f"{path.name} does not say what it expects"


@pytest.mark.parametrize("path", BROKEN_FILES, ids=[p.stem for p in BROKEN_FILES])
def test_broken_catalogue_is_reported_with_file_and_line(path: Path) -> None:
    with pytest.raises(CatalogueError) as caught:
        load(path)
    errors = caught.value.errors
    for line, text in expectations(path):
        prefix = f"{path}:{line}: "
        assert any(e.startswith(prefix) and text in e for e in errors), (
            f"expected an error starting {prefix!r} containing {text!r}; got {errors}"
        )
    assert len(errors) == len(expectations(path)), errors
    assert all("\n" not in e for e in errors)
    assert str(caught.value) == "\n".join(errors)


# -- other loader behaviour ----------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(CatalogueError, match=r"nope\.yaml: cannot read the catalogue"):
        load(missing)


def test_not_utf8(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(MINI_CATALOGUE.replace("Ägypten", "\u00c4gypten").encode("latin-1", "replace"))
    with pytest.raises(CatalogueError, match="not UTF-8"):
        load(latin1)


def test_document_must_be_a_mapping() -> None:
    with pytest.raises(CatalogueError, match=r"^x\.yaml:1: the catalogue must be a mapping"):
        loads("- just\n- a list\n", "x.yaml")


def test_loads_names_the_path_it_is_given() -> None:
    with pytest.raises(CatalogueError) as caught:
        loads(MINI_CATALOGUE.replace("category: observance", "category: party"), "edited.yaml")
    (error,) = caught.value.errors
    assert error.startswith("edited.yaml:") and "'party'" in error


def test_the_mini_catalogue_loads_with_every_field() -> None:
    cat = loads(MINI_CATALOGUE, "mini.yaml")
    assert [h.id for h in cat.holidays] == ["christmas", "pesach", "eid-al-fitr", "international-womens-day"]
    assert cat.version == "mini-1"
    assert cat.traditions == ("christianity", "islam", "judaism", "international")  # canonical order
    pesach = cat.get("pesach")
    assert pesach.days_for("diaspora") == 8 and pesach.days_for("israel") == 7
    assert pesach.starts_evening_before and not pesach.night
    assert cat.get("nope") is None
    # the digest follows the content
    assert loads(MINI_CATALOGUE).digest == cat.digest
    assert loads(MINI_CATALOGUE.replace("mini-1", "mini-2")).digest != cat.digest


def test_names_fall_back_to_base_language_then_german_then_english() -> None:
    cat = loads(MINI_CATALOGUE)
    eid = cat.get("eid-al-fitr")
    assert eid.name("tr") == "Ramazan Bayramı"
    assert eid.name("de-AT") == "Ramadanfest"  # base language
    assert eid.name("fr") == "Ramadanfest"  # German, the language of the embedding sites
    assert catalog.localised({"en": "only English"}, "fr") == "only English"


def test_night_implies_starting_the_evening_before() -> None:
    text = MINI_CATALOGUE.replace("    rule: 03-08\n", "    rule: 03-08\n    night: true\n")
    day = loads(text).get("international-womens-day")
    assert day.night and day.starts_evening_before


def test_since_and_until_bound_the_years() -> None:
    text = MINI_CATALOGUE.replace("    rule: 03-08\n", "    rule: 03-08\n    since: 1911\n    until: 2000\n")
    day = loads(text).get("international-womens-day")
    assert [day.active(y) for y in (1910, 1911, 2000, 2001)] == [False, True, True, False]


def test_school_land_codes_accept_the_iso_prefix() -> None:
    text = MINI_CATALOGUE.replace(
        "    rule: 03-08\n",
        "    rule: 03-08\n    school:\n      DE-BE: {leave: statutory}\n      nw: {leave: none, days: [1]}\n",
    )
    day = loads(text).get("international-womens-day")
    assert day.school == {
        "BE": {"leave": "statutory", "days": None, "note": None},
        "NW": {"leave": "none", "days": [1], "note": None},
    }


def test_environment_variable_chooses_the_catalogue(monkeypatch: pytest.MonkeyPatch, mini_catalogue: Path) -> None:
    monkeypatch.setenv(catalog.ENV_VARIABLE, str(mini_catalogue))
    assert catalog.default_path() == str(mini_catalogue)
    assert load().version == "mini-1"


def test_default_is_the_packaged_copy_of_the_repository_catalogue(
    monkeypatch: pytest.MonkeyPatch, shipped_catalogue_path: Path
) -> None:
    """Needs the repository: the installed package (editable or not) ships data/holidays.yaml as it is here."""
    monkeypatch.delenv(catalog.ENV_VARIABLE, raising=False)
    packaged = resources.files("interkultur").joinpath("data", "holidays.yaml")
    assert Path(catalog.default_path()) == Path(str(packaged)).resolve()
    assert packaged.read_bytes() == shipped_catalogue_path.read_bytes()


# -- the shipped catalogue ---------------------------------------------------------------------------

#: The ids of issue 2 (views, feeds and links depend on them, so they must not change).
REQUIRED_IDS = [
    "epiphany",
    "ash-wednesday",
    "palm-sunday",
    "maundy-thursday",
    "good-friday",
    "easter-sunday",
    "easter-monday",
    "ascension",
    "pentecost",
    "whit-monday",
    "corpus-christi",
    "reformation-day",
    "all-saints",
    "christmas",
    "orthodox-christmas",
    "orthodox-epiphany",
    "orthodox-good-friday",
    "orthodox-easter",
    "armenian-christmas",
    "coptic-christmas",
    "coptic-new-year",
    "rosh-hashanah",
    "yom-kippur",
    "sukkot",
    "shemini-atzeret",
    "simchat-torah",
    "hanukkah",
    "purim",
    "pesach",
    "shavuot",
    "tisha-bav",
    "yom-hashoah",
    "ramadan",
    "laylat-al-qadr",
    "eid-al-fitr",
    "day-of-arafah",
    "eid-al-adha",
    "islamic-new-year",
    "ashura",
    "mawlid",
    "isra-miraj",
    "alevi-hizir-fast",
    "alevi-muharrem-fast",
    "alevi-asure",
    "hidrellez",
    "yazidi-new-year",
    "vaisakhi",
    "vasilica",
    "herdeljezi",
    "international-roma-day",
    "holocaust-remembrance-day",
    "international-womens-day",
    "international-day-against-racism",
    "world-refugee-day",
    "interkulturelle-woche",
]


def test_shipped_catalogue_loads(catalogue) -> None:
    assert catalogue.holidays
    assert len({h.id for h in catalogue.holidays}) == len(catalogue.holidays)


def test_shipped_catalogue_has_the_required_ids(catalogue) -> None:
    missing = [i for i in REQUIRED_IDS if catalogue.get(i) is None]
    assert missing == []


def test_shipped_catalogue_has_at_least_70_holidays(catalogue) -> None:
    assert len(catalogue.holidays) >= 70


def test_shipped_catalogue_covers_all_15_traditions(catalogue) -> None:
    """The traditions of the catalogue issue (a contract: feeds and filters are named by these ids)."""
    expected = {
        "christianity",
        "islam",
        "alevi",
        "judaism",
        "hinduism",
        "buddhism",
        "sikhism",
        "jainism",
        "bahai",
        "yazidi",
        "roma",
        "east-asian",
        "persian",
        "zoroastrianism",
        "international",
    }
    assert set(TRADITIONS) == expected
    assert set(catalogue.traditions) == expected, f"missing: {sorted(expected - set(catalogue.traditions))}"


def test_shipped_catalogue_names_islamic_and_alevi_days_in_turkish_and_arabic(catalogue) -> None:
    for holiday in catalogue.holidays:
        required = ("de", "en", "tr", "ar") if holiday.tradition in ("islam", "alevi") else ("de", "en")
        assert all(holiday.names.get(lang, "").strip() for lang in required), holiday.id
        assert holiday.descriptions.get("de") and holiday.descriptions.get("en"), holiday.id
        assert holiday.sources, holiday.id
