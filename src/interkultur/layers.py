"""Generated layers outside the catalogue: German public holidays and school breaks.

Both come from python-holidays (statutory holidays per Land, and the KMK
school-holiday data it carries) rather than hand-kept tables. A school break
arrives as one row per day; consecutive days with the same name are merged
into one occurrence, across New Year too.

Ids and English names come from ``data/german-holidays.yaml``, keyed by the
German name python-holidays reports (its English names change between
releases, and an id must not); a day missing there gets
``public-<slug of the English name>`` or ``school-break-<slug without
"Break">``. Names exist in German and English here; the other languages'
names are in the translation overlays (``translations/<code>.yaml``, section
``layers``), which the engine merges in (``Engine.layer_year``). The
descriptions are gettext messages, filled in with the Land's name.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from . import laender, packagefiles
from .catalog import Holiday, Source
from .languages import LANGUAGES
from .records import record

PUBLIC, SCHOOL_BREAK = "public", "school-break"
LAYERS: tuple[str, ...] = (PUBLIC, SCHOOL_BREAK)
_lock = threading.Lock()

#: Where the generated days come from: the python-holidays library (which follows the Länder laws).
PYTHON_HOLIDAYS = Source(
    "python-holidays project",
    "holidays: Germany (holidays.DE), public and school holidays",
    "https://pypi.org/project/holidays/",
)


def N_(message: str) -> str:
    """Mark a gettext id (extracted by babel; translated per language in ``_descriptions``)."""
    return message


_DESCRIPTIONS = {
    PUBLIC: N_("Statutory public holiday in %(land)s: no school; shops and offices are closed."),
    SCHOOL_BREAK: N_("School holidays in %(land)s."),
}
#: The Land of a nationwide public holiday (no state asked for).
GERMANY = N_("Germany")


def _descriptions(layer: str, state: str | None) -> dict[str, str]:
    """The layer's description in every interface language whose ``.po`` translates it (the others
    fall back through ``languages.yaml``); the Land's name in that language, else its German one."""
    from . import translations  # Babel only once a layer is built, not for the catalogue's layer ids

    land = laender.BY_CODE.get(state or "")
    out = {}
    for lang in LANGUAGES:
        text = translations.translated(lang, _DESCRIPTIONS[layer])
        if text is None:
            continue
        name = translations.translated(lang, land.en if land else GERMANY)
        out[lang] = text % {"land": name or (land.de if land else "Deutschland")}
    return out


def slug(text: str) -> str:
    """``Easter/Spring Break`` -> ``easter-spring-break``; ``New Year's Day`` -> ``new-years-day``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


@record(slots=True)
class LayerDay:
    """One row of python-holidays: a date with its German and English name."""

    day: date
    de: str
    en: str


def _rows(state: str | None, years: range, category: str) -> list[LayerDay]:
    import holidays  # imported only when a layer is asked for

    def country(language: str) -> Any:
        return holidays.country_holidays("DE", subdiv=state, years=years, categories=(category,), language=language)

    with _lock:  # python-holidays objects fill lazily and are not thread-safe
        german = country("de")
        english = country("en_US")
        rows: list[LayerDay] = []
        for day in sorted(german):
            de_names = german[day].split("; ")
            en_names = english.get(day, german[day]).split("; ")
            if len(en_names) != len(de_names):
                en_names = de_names
            rows.extend(LayerDay(day, de, en) for de, en in zip(de_names, en_names))
    return rows


@lru_cache(maxsize=1)
def _document() -> tuple[str, dict[str, Any]]:
    import yaml

    path = packagefiles.path("data", "german-holidays.yaml")
    return str(path), yaml.safe_load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def inline_names() -> dict[str, dict[str, str]]:
    """``{id: {language: name}}``: the further columns of data/german-holidays.yaml (``tr``, ``ar``)."""
    _path, document = _document()
    return {
        str(row["id"]): {str(k): str(v) for k, v in row.items() if k not in ("id", "en")}
        for layer in LAYERS
        for row in (document.get(layer) or {}).values()
        if isinstance(row, dict)
    }


@lru_cache(maxsize=1)
def known_names() -> dict[str, dict[str, tuple[str, str]]]:
    """``{layer: {German name: (id, English name)}}`` from data/german-holidays.yaml."""
    path, document = _document()
    table: dict[str, dict[str, tuple[str, str]]] = {}
    for layer in LAYERS:
        rows = document.get(layer) or {}
        for german, row in rows.items():
            if not isinstance(row, dict) or not str(row.get("id", "")).startswith(f"{layer}-") or not row.get("en"):
                raise ValueError(f"{path}: {layer}: {german!r} needs an id starting {layer}- and an English name")
            table.setdefault(layer, {})[str(german)] = (str(row["id"]), str(row["en"]))
    return table


def _holiday(layer: str, state: str | None, de: str, en: str) -> Holiday:
    known = known_names().get(layer, {}).get(de)
    if known is not None:
        holiday_id, en = known
    else:
        base = slug(en)
        if layer == SCHOOL_BREAK:
            base = base.removesuffix("-break")
        holiday_id = f"{layer}-{base}"
    return Holiday(
        id=holiday_id,
        tradition=layer,
        names={"de": de, "en": en},
        descriptions=_descriptions(layer, state),
        rules={},
        days={"*": 1},
        category="major" if layer == PUBLIC else "observance",
        sources=(PYTHON_HOLIDAYS,),
        school={
            state: {
                "leave": "statutory",
                "days": None,
                "note": "Gesetzlicher Feiertag" if layer == PUBLIC else "Schulferien",
            }
        }
        if state
        else {},
    )


@lru_cache(maxsize=512)
def spans(layer: str, state: str | None, year: int) -> tuple[tuple[Holiday, date, date], ...]:
    """(holiday, first day, last day) of every span of ``layer`` that starts in ``year``."""
    rows = _rows(state, range(year - 1, year + 2), "public" if layer == PUBLIC else "school")
    merged: list[list[Any]] = []
    for row in rows:
        last = merged[-1] if merged else None
        if layer == SCHOOL_BREAK and last and last[1] == row.de and last[3] + timedelta(days=1) == row.day:
            last[3] = row.day
        else:
            merged.append([row.en, row.de, row.day, row.day])
    return tuple((_holiday(layer, state, de, en), first, end) for en, de, first, end in merged if first.year == year)


@lru_cache(maxsize=32)
def school_break_years(state: str) -> tuple[int, int] | None:
    """First and last year python-holidays has school holidays for ``state`` (None: none)."""
    import holidays

    with _lock:
        years = [
            y
            for y in range(1991, 2101)
            if holidays.country_holidays("DE", subdiv=state, years=y, categories=("school",))
        ]
    return (years[0], years[-1]) if years else None


def coverage(state: str | None) -> dict[str, list[int] | None]:
    """Years each layer covers, so an empty answer outside them is not mistaken for "none"."""
    school = school_break_years(state) if state else None
    return {PUBLIC: [1991, 2100], SCHOOL_BREAK: list(school) if school else None}


def included(state: str | None, traditions: Iterable[str] | None = None) -> tuple[str, ...]:
    """The layers a query includes: both with a state (unless a tradition filter leaves them out)."""
    if traditions is None:
        return LAYERS if state else ()
    wanted = set(traditions)
    return tuple(layer for layer in LAYERS if layer in wanted and (state or layer == PUBLIC))


def coverage_report(
    state: str | None, first_year: int, last_year: int, traditions: Iterable[str] | None = None
) -> dict[str, dict[str, Any]]:
    """Per included layer: the years it covers and whether ``first_year``-``last_year`` lie inside.

    ``{"school-break": {"years": [1991, 2029], "complete": False, "missing": [2030]}}``;
    an empty dict when the query includes no layer.
    """
    out: dict[str, dict[str, Any]] = {}
    years = coverage(state)
    for layer in included(state, traditions):
        span = years[layer]
        missing = [y for y in range(first_year, last_year + 1) if not span or not span[0] <= y <= span[1]]
        out[layer] = {"years": span, "complete": not missing, "missing": missing}
    return out


def check_state(state: str | None) -> str | None:
    """Canonical Land code (``laender.require``) or None; raises ValueError for anything else."""
    return None if state is None else laender.require(state)
