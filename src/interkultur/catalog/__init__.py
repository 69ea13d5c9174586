"""Load and validate the holiday catalogue (``data/holidays.yaml`` and its sibling files).

The catalogue is the single source of holiday definitions. People at an
integration centre edit it by hand, so every mistake is reported with the
file, the line and the field, and all mistakes of a file are reported at once.

``--catalogue`` and ``$INTERKULTUR_CATALOGUE`` name the holiday file or a
directory holding ``holidays.yaml``; traditions, categories and languages come
from the files beside it (``reference``), else the shipped ones. The objects
are in ``catalog.model``, the checks of one entry in ``catalog.entry`` (its
rule and days in ``catalog.entryrules``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import reference as _reference
from .. import yamllines
from ..reference import Reference
from ..yamllines import DataFileError
from ..yamllines import LineMapping as _Mapping
from . import cache as _cache
from . import overlay as _overlay
from . import overlaymerge as _overlaymerge
from .entry import _EntryValidator
from .model import *  # noqa: F401,F403  (the catalogue's objects and constants)
from .model import (  # noqa: F401
    ENV_VARIABLE,
    LAENDER,
    MAX_YEAR,
    MIN_YEAR,
    TOP_LEVEL_KEYS,
    WHOLE_MONTH,
    Catalogue,
    DatedYear,
    Holiday,
    RuleEra,
    Source,
    localised,
    normalise_land,
    source_from,
)

HOLIDAYS_FILE = "holidays.yaml"


class CatalogueError(DataFileError):
    """A catalogue that cannot be used; ``errors`` lists every problem found."""


def default_path() -> str:
    """The catalogue to use: ``$INTERKULTUR_CATALOGUE`` or the one shipped with the package."""
    env = os.environ.get(ENV_VARIABLE)
    if env:
        return env
    # Package data (``packagefiles``), so that an installed (non-editable) package
    # reads its own copy. In a checkout interkultur/data is a symlink to the
    # top-level data/ that people edit.
    return str(_reference.shipped_dir() / HOLIDAYS_FILE)


def holidays_file(path: str | os.PathLike[str]) -> str:
    """The holiday file a ``--catalogue`` value names: the file itself, or ``holidays.yaml`` in a directory."""
    return str(Path(path) / HOLIDAYS_FILE) if Path(path).is_dir() else str(path)


def reference_for(path: str) -> Reference:
    """Traditions, categories and languages of the holiday file ``path`` (its siblings, else the shipped ones)."""
    directory = Path(path).parent if Path(path).is_file() else _reference.shipped_dir()
    try:
        return _reference.load_reference(directory)
    except DataFileError as exc:
        raise CatalogueError(exc.errors) from None


def load(path: str | os.PathLike[str] | None = None, languages: Iterable[str] | None = None) -> Catalogue:
    """Read, parse and validate a catalogue (file or directory); raise CatalogueError listing every problem.

    ``languages``: read only these languages' translation overlays (a CLI command that prints one
    language need not parse the other twelve files); None reads and checks them all. A catalogue
    loaded before from the same files comes from the cache (``catalog.cache``, keyed by their content).
    """
    path = holidays_file(path or default_path())
    chosen = tuple(languages) if languages is not None else None

    def build() -> Catalogue:
        text, raw = yamllines.read(path, "catalogue", CatalogueError)
        return loads(text, path, digest=hashlib.sha256(raw).hexdigest()[:12], languages=chosen)

    return _cache.cached(path, chosen, build)


def loads(
    text: str,
    path: str = "<catalogue>",
    digest: str | None = None,
    reference: Reference | None = None,
    languages: Iterable[str] | None = None,
) -> Catalogue:
    """Parse and validate catalogue text; ``path`` names it in messages and locates its sibling files."""
    reference = reference or reference_for(path)
    document = yamllines.parse(text, path, CatalogueError)
    digest = digest or hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    # the siblings are part of what a catalogue shows (names, colours): caches must see their edits
    combined = hashlib.sha256(f"{digest}:{reference.digest}".encode()).hexdigest()[:12]
    return _validate_document(document, path, combined, reference, languages)


def _validate_document(
    document: Any, path: str, digest: str, reference: Reference, languages: Iterable[str] | None = None
) -> Catalogue:
    if not isinstance(document, _Mapping):
        raise CatalogueError([f"{path}:1: the catalogue must be a mapping with 'version' and 'holidays'"])
    errors: list[str] = []
    for key in document:
        if key not in TOP_LEVEL_KEYS:
            errors.append(
                f"{path}:{document.key_lines[key]}: unknown top-level key {key!r} "
                f"(allowed: {', '.join(sorted(TOP_LEVEL_KEYS))})"
            )
    version = document.get("version")
    if not isinstance(version, (str, int, float)) or isinstance(version, bool):
        errors.append(f"{path}:{document.line}: field 'version' is missing or not a string")
    entries = document.get("holidays")
    if not isinstance(entries, list) or not entries:
        errors.append(
            f"{path}:{document.key_lines.get('holidays', document.line)}: field 'holidays' must be a non-empty list"
        )
        raise CatalogueError(errors)
    holidays: list[Holiday] = []
    seen: dict[str, int] = {}
    twins: dict[str, Holiday] = {}
    for entry in entries:
        holiday = _EntryValidator(entry, path, errors, reference).build()
        if holiday is None:
            continue
        if holiday.id in seen:
            errors.append(
                f"{path}:{holiday.line}: holiday {holiday.id!r}: field 'id': duplicate id "
                f"(first defined at line {seen[holiday.id]})"
            )
            continue
        seen[holiday.id] = holiday.line
        for alias in holiday.statutory_as:
            first = twins.setdefault(alias, holiday)
            if first is not holiday:
                errors.append(
                    f"{path}:{holiday.line}: holiday {holiday.id!r}: field 'statutory_as': "
                    f"{alias!r} is already the statutory twin of {first.id!r} (line {first.line})"
                )
        holidays.append(holiday)
    school_sources = _school_sources(document, path, errors)
    if errors:
        raise CatalogueError(errors)
    overlays = _overlay.load_overlays(path, tuple(holidays), reference, errors, languages)
    merged, reference, overlays = _overlaymerge.apply(overlays, tuple(holidays), reference, errors)
    if errors:
        raise CatalogueError(errors)
    if overlays.digest:  # the overlays are part of what a catalogue shows: caches must see their edits
        digest = hashlib.sha256(f"{digest}:{overlays.digest}".encode()).hexdigest()[:12]
    return Catalogue(merged, str(version), path, digest, reference, school_sources, overlays)


def _school_sources(document: _Mapping, path: str, errors: list[str]) -> dict[str, tuple[Source, ...]]:
    """``school_sources: {NW: [{publisher, title, url}, ...]}``: the law or decree behind a Land's leave rules."""
    value = document.get("school_sources")
    if value is None:
        return {}
    line = document.key_lines["school_sources"]
    if not isinstance(value, dict):
        errors.append(f"{path}:{line}: field 'school_sources': must map Land codes to lists of sources")
        return {}
    out: dict[str, tuple[Source, ...]] = {}
    for code, items in value.items():
        where = value.key_lines.get(code, line) if isinstance(value, _Mapping) else line
        land = normalise_land(str(code))
        if land is None or not isinstance(items, list) or not items:
            errors.append(
                f"{path}:{where}: field 'school_sources': {code!r}: expected a Land code "
                "with a non-empty list of {publisher, title, url}"
            )
            continue
        found = [
            source_from(
                item,
                lambda message, n=n, item=item, where=where, land=land: errors.append(
                    f"{path}:{getattr(item, 'line', where)}: field 'school_sources': {land}: source {n}: {message}"
                ),
            )
            for n, item in enumerate(items, 1)
        ]
        out[land] = tuple(s for s in found if s is not None)
    return out
