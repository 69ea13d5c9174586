"""Translation overlays: ``translations/<code>.yaml`` beside the catalogue, one file per language.

The catalogue keeps German, English, Turkish and Arabic inline (``names:`` /
``description:`` of ``holidays.yaml``); every other interface language (and the
Turkish and Arabic descriptions missing inline) lives in one file per language,
so that a translator edits one file and a language mediator reviews one file::

    language: bg
    review: pending            # no native speaker has checked this file (per entry: review: ok)
    traditions: {christianity: Християнство}
    categories: {major: Голям празник}
    layers: {public-new-years-day: Нова година}   # ids of data/german-holidays.yaml
    holidays:
      orthodox-easter: {name: Великден, description: ..., source: {publisher, title, url}, review: ok}

A text may stand inline or in the overlay; where both exist they must be the
same (else ``file:line`` names the conflict). Every mistake is reported like the
catalogue's own, all of a file at once. The overlay directory is
``translations/`` beside the holiday file, else the shipped one; a shipped
overlay's holiday texts apply only to the shipped holidays, and its tradition and
category names only to the shipped ``traditions.yaml`` and ``categories.yaml``
(a deployment with its own files brings its own overlays).

This module reads and checks the files (``load_overlays``); ``overlaymerge``
merges their texts into the holidays and the reference.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .. import reference as _reference
from .. import yamllines
from ..records import field, record, replace
from ..reference import Reference
from ..yamllines import DataFileError, LineMapping
from .model import Holiday, Source, internal_label, source_from

DIRECTORY = "translations"
TOP_KEYS = frozenset({"language", "review", "traditions", "categories", "layers", "holidays"})
ENTRY_KEYS = frozenset({"name", "description", "source", "review"})
REVIEW_VALUES = ("pending", "ok")
PENDING, OK = REVIEW_VALUES


@record
class OverlayEntry:
    """One holiday's texts in one language, as the overlay gives them."""

    name: str | None
    description: str | None
    source: Source | None
    review: str
    #: Line of the holiday's id in the overlay.
    line: int
    #: Lines of the ``name`` and ``description`` fields (messages point at the very text).
    lines: Mapping[str, int] = field(default_factory=dict)


@record
class Overlay:
    """One language's file: its texts and whether a native speaker has checked them."""

    language: str
    path: str
    review: str
    holidays: Mapping[str, OverlayEntry] = field(default_factory=dict)
    traditions: Mapping[str, str] = field(default_factory=dict)
    categories: Mapping[str, str] = field(default_factory=dict)
    layers: Mapping[str, str] = field(default_factory=dict)
    #: Line of each tradition, category and layer name (``"traditions:islam"``), for messages.
    lines: Mapping[str, int] = field(default_factory=dict)

    def pending(self) -> list[str]:
        """What awaits review: ``holiday <id>`` per pending entry, and the file's other sections."""
        out = [f"holiday {hid}" for hid, entry in self.holidays.items() if entry.review == PENDING]
        if self.review == PENDING:
            for kind, texts in (("tradition", self.traditions), ("category", self.categories), ("layer", self.layers)):
                out.extend(f"{kind} {key}" for key in texts)
        return out


def directory_for(holiday_file: str) -> Path:
    """``translations/`` beside the holiday file when it holds overlays, else the shipped one (a
    deployment's ``translations/`` may hold only its own ``.po`` files)."""
    own = Path(holiday_file).parent / DIRECTORY
    return own if own.is_dir() and any(own.glob("*.yaml")) else _reference.shipped_dir() / DIRECTORY


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


class _Reader:
    """Checks one overlay file, collecting ``file:line`` errors."""

    def __init__(self, path: Path, errors: list[str]):
        self.path, self.errors = str(path), errors
        self.lines: dict[str, int] = {}

    def error(self, line: int, message: str) -> None:
        self.errors.append(f"{self.path}:{line}: {message}")

    def text(self, value: Any, line: int, what: str) -> str | None:
        if not (isinstance(value, str) and value.strip()):
            self.error(line, f"{what}: must be a non-empty text, not {type(value).__name__}")
            return None
        label = internal_label(value)
        if label:
            self.error(line, f"{what}: contains the internal label {label!r}; cite the public source instead")
            return None
        return " ".join(value.split())

    def review(self, value: Any, line: int, what: str) -> str:
        if value not in REVIEW_VALUES:
            self.error(line, f"{what}: field 'review' must be pending or ok, not {value!r}")
            return PENDING
        return str(value)

    def names(self, document: LineMapping, key: str, known: Iterable[str] | None) -> dict[str, str]:
        """``key: {id: name}``; ids checked against ``known`` (None: not checked)."""
        value = document.get(key)
        if value is None:
            return {}
        line = document.key_lines[key]
        if not isinstance(value, LineMapping):
            self.error(line, f"field {key!r}: must map ids to names")
            return {}
        allowed = set(known) if known is not None else None
        out = {}
        for ident, text in value.items():
            where = value.key_lines.get(ident, line)
            if allowed is not None and ident not in allowed:
                self.error(where, f"{key}: unknown id {ident!r}")
                continue
            found = self.text(text, where, f"{key}: {ident!r}")
            if found is not None:
                out[str(ident)] = found
                self.lines[f"{key}:{ident}"] = where
        return out

    def entry(self, hid: str, value: Any, line: int, default_review: str) -> OverlayEntry | None:
        label = f"holiday {hid!r}"
        if isinstance(value, str):  # a bare name
            name = self.text(value, line, label)
            return OverlayEntry(name, None, None, default_review, line, {"name": line}) if name else None
        if not isinstance(value, LineMapping):
            self.error(line, f"{label}: must be a mapping {{name, description, source, review}}")
            return None
        count = len(self.errors)
        for key in value:
            if key not in ENTRY_KEYS:
                self.error(
                    value.key_lines[key], f"{label}: unknown field {key!r} (allowed: {', '.join(sorted(ENTRY_KEYS))})"
                )
        name = self.text(value["name"], value.key_lines["name"], f"{label}: field 'name'") if "name" in value else None
        description = (
            self.text(value["description"], value.key_lines["description"], f"{label}: field 'description'")
            if "description" in value
            else None
        )
        source = None
        if "source" in value:
            where = value.key_lines["source"]
            source = source_from(
                value["source"], lambda message: self.error(where, f"{label}: field 'source': {message}")
            )
        review = self.review(value["review"], value.key_lines["review"], label) if "review" in value else default_review
        if len(self.errors) > count:
            return None
        return OverlayEntry(
            name,
            description,
            source,
            review,
            line,
            {key: value.key_lines[key] for key in ("name", "description") if key in value},
        )


def read_overlay(
    path: Path,
    languages: tuple[str, ...],
    holiday_ids: Iterable[str] | None,
    traditions: Iterable[str] | None,
    categories: Iterable[str] | None,
    layer_ids: Iterable[str],
    errors: list[str],
) -> Overlay | None:
    """One overlay file, checked; ``None`` ids skip the section's id check (texts for other files)."""
    try:
        text, _raw = yamllines.read(str(path), "translation overlay")
        document = yamllines.parse(text, str(path))
    except DataFileError as exc:
        errors.extend(exc.errors)
        return None
    reader = _Reader(path, errors)
    count = len(errors)
    if not isinstance(document, LineMapping):
        reader.error(getattr(document, "line", 1), "an overlay must be a mapping with 'language' and 'holidays'")
        return None
    for key in document:
        if key not in TOP_KEYS:
            reader.error(
                document.key_lines[key], f"unknown top-level key {key!r} (allowed: {', '.join(sorted(TOP_KEYS))})"
            )
    language = document.get("language")
    line = document.key_lines.get("language", document.line)
    if language != path.stem:
        reader.error(line, f"field 'language': {language!r} must be the file's own code {path.stem!r}")
    if language not in languages:
        reader.error(
            line,
            f"field 'language': unknown language {language!r} "
            f"(interface languages of languages.yaml: {', '.join(languages)})",
        )
    review = (
        reader.review(document.get("review", PENDING), document.key_lines.get("review", document.line), "the file")
        if "review" in document
        else PENDING
    )
    holidays: dict[str, OverlayEntry] = {}
    value = document.get("holidays")
    if value is not None and not isinstance(value, LineMapping):
        reader.error(document.key_lines["holidays"], "field 'holidays': must map holiday ids to {name, description}")
    elif value is not None:
        allowed = set(holiday_ids) if holiday_ids is not None else None
        for hid, item in value.items():
            where = value.key_lines.get(hid, document.line)
            if allowed is not None and hid not in allowed:
                reader.error(where, f"holidays: unknown holiday id {hid!r}")
                continue
            found = reader.entry(str(hid), item, where, review)
            if found is not None:
                holidays[str(hid)] = found
    overlay = Overlay(
        str(language),
        str(path),
        review,
        holidays,
        reader.names(document, "traditions", traditions),
        reader.names(document, "categories", categories),
        reader.names(document, "layers", layer_ids),
        reader.lines,
    )
    return None if len(errors) > count else overlay


@record
class Overlays:
    """Every overlay of a catalogue, and a digest of their bytes (caches must see an edit)."""

    files: tuple[Overlay, ...] = ()
    digest: str = ""
    #: ``{layer id: {language: name}}`` of the public-holiday and school-break layers (``layer_table``).
    layers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def layer_names(self) -> Mapping[str, Mapping[str, str]]:
        return self.layers


def _layer_ids() -> tuple[str, ...]:
    from .. import layers  # imported late: layers imports the catalogue

    return tuple(ident for table in layers.known_names().values() for ident, _en in table.values())


def load_overlays(
    holiday_file: str,
    holidays: tuple[Holiday, ...],
    reference: Reference,
    errors: list[str],
    languages: Iterable[str] | None = None,
) -> Overlays:
    """The overlays for a catalogue: every ``translations/<code>.yaml`` (only ``languages``' when given)."""
    wanted = set(languages) if languages is not None else None
    directory = directory_for(holiday_file)
    if not directory.is_dir():
        return Overlays()
    beside = _same_file(directory.parent, Path(holiday_file).parent)
    siblings = {
        name: _same_file(_reference.sibling(Path(holiday_file).parent, name).parent, directory.parent)
        for name in (_reference.TRADITIONS_FILE, _reference.CATEGORIES_FILE)
    }
    files, digest = [], hashlib.sha256()
    for path in sorted(directory.glob("*.yaml")):
        if wanted is not None and path.stem not in wanted:
            continue
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
        found = read_overlay(
            path,
            reference.languages.interface,
            [h.id for h in holidays] if beside else None,
            reference.tradition_ids if siblings[_reference.TRADITIONS_FILE] else None,
            reference.category_ids if siblings[_reference.CATEGORIES_FILE] else None,
            _layer_ids(),
            errors,
        )
        if found is None:
            continue
        if not beside:  # the shipped texts belong to the shipped holidays, not to this file's
            found = replace(found, holidays={})
        if not siblings[_reference.TRADITIONS_FILE]:
            found = replace(found, traditions={})
        if not siblings[_reference.CATEGORIES_FILE]:
            found = replace(found, categories={})
        files.append(found)
    return Overlays(tuple(files), digest.hexdigest()[:12] if files else "")
