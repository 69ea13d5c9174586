"""The catalogue's sibling files: traditions, categories and languages as data.

``holidays.yaml`` names a tradition and a category by id; which ids exist, what
they are called in each language, the colour of a tradition and the languages
with their writing direction and fallback chain live beside it in
``traditions.yaml``, ``categories.yaml`` and ``languages.yaml``. Each sibling is
read from the directory of the holiday file when it exists there, else from
the shipped ``data/`` (so a deployment's directory replaces them together, and
a lone ``holidays.yaml`` keeps the shipped ones). Mistakes are reported as
``file:line`` like the catalogue's own.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from . import packagefiles, yamllines
from .records import record
from .yamllines import DataFileError, LineMapping

TRADITIONS_FILE, CATEGORIES_FILE, LANGUAGES_FILE = "traditions.yaml", "categories.yaml", "languages.yaml"
SIBLINGS = (TRADITIONS_FILE, CATEGORIES_FILE, LANGUAGES_FILE)
#: Words the routes use beside tradition ids (``/feeds/all.ics``, the ``public`` and
#: ``school-break`` layers, ``/api/v1/events``): a tradition may not be called so.
RESERVED_TRADITION_IDS = frozenset({"all", "public", "school-break", "events"})
REQUIRED_NAME_LANGUAGES: tuple[str, ...] = ("de", "en")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z")
LOCALE = re.compile(r"[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?\Z")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\Z")


@record
class Tradition:
    """One tradition: its id in URLs, its names, the colour the widget marks it with."""

    id: str
    colour: str
    names: Mapping[str, str]
    #: The values a holiday's ``community`` may take; None: any slug.
    communities: tuple[str, ...] | None = None
    #: Languages every holiday name of this tradition must have besides de and en.
    name_languages: tuple[str, ...] = ()
    line: int = 0
    #: Minutes before sunset at which the community customarily begins a feast (Jewish candle
    #: lighting: 18); shown beside the sunset, which stays the contract's ``eve_at``.
    begins_before_sunset: int | None = None


@record
class Category:
    id: str
    names: Mapping[str, str]
    line: int = 0


@record
class Language:
    """A language: interface languages have a ``.po``; others only appear in holiday names."""

    code: str
    endonym: str
    direction: str
    fallback: tuple[str, ...]
    interface: bool = True
    #: A CLDR locale whose month names are shown beside the language's own (``ar_SY`` for ``ar``).
    months_beside: str | None = None


@record
class Languages:
    languages: tuple[Language, ...]
    default: str

    @property
    def interface(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages if lang.interface)

    def get(self, code: str) -> Language | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    def chain(self, code: str) -> tuple[str, ...]:
        """Where to look for a text in ``code``: itself, its base language, then its fallbacks.

        A language the file does not list falls back like the default language's readers:
        the default, then the default's fallbacks (``de``, then ``en``)."""
        base = code.split("-")[0]
        known = self.get(code) or self.get(base)
        if known is not None:
            fallback = known.fallback
        else:
            default = self.get(self.default)
            fallback = (self.default, *(default.fallback if default else ()))
        return tuple(dict.fromkeys((code, base, *fallback)))


@record
class Reference:
    """Traditions, categories and languages of one catalogue, in file order."""

    traditions: tuple[Tradition, ...]
    categories: tuple[Category, ...]
    languages: Languages
    digest: str = ""

    @property
    def tradition_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.traditions)

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)

    def tradition(self, tradition_id: str) -> Tradition | None:
        return next((t for t in self.traditions if t.id == tradition_id), None)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)


def shipped_dir() -> Path:
    """``data/`` of the package (in a checkout a symlink to the top-level ``data/``)."""
    return packagefiles.path("data").resolve()


def sibling(directory: str | Path, name: str) -> Path:
    """``name`` beside the holiday file if it is there, else the shipped one."""
    own = Path(directory) / name
    return own if own.is_file() else shipped_dir() / name


class _Checker:
    """Collects ``file:line`` errors while reading one sibling file."""

    def __init__(self, path: str, errors: list[str]):
        self.path, self.errors = path, errors

    def error(self, line: int, message: str) -> None:
        self.errors.append(f"{self.path}:{line}: {message}")

    def entries(self, document: Any, key: str) -> list[LineMapping]:
        if not isinstance(document, LineMapping) or not isinstance(document.get(key), list) or not document[key]:
            self.error(getattr(document, "line", 1), f"the file must be a mapping with a non-empty list {key!r}")
            return []
        unknown = [k for k in document if k not in ("version", key, "default")]
        for k in unknown:
            self.error(document.key_lines[k], f"unknown top-level key {k!r}")
        found = []
        for item, line in zip(document[key], document.item_lines[key], strict=True):
            if isinstance(item, LineMapping):
                found.append(item)
            else:
                self.error(line, f"each entry of {key!r} must be a mapping of fields")
        return found

    def fields(self, entry: LineMapping, label: str, required: set[str], optional: set[str]) -> bool:
        ok = True
        for key in entry:
            if key not in required | optional:
                self.error(
                    entry.key_lines[key],
                    f"{label}: unknown field {key!r} (allowed: {', '.join(sorted(required | optional))})",
                )
                ok = False
        for key in sorted(required - set(entry)):
            self.error(entry.line, f"{label}: missing required field {key!r}")
            ok = False
        return ok

    def names(self, entry: LineMapping, label: str) -> dict[str, str]:
        value = entry.get("names")
        line = entry.key_lines.get("names", entry.line)
        if not isinstance(value, dict):
            self.error(line, f"{label}: field 'names' must map language codes to names")
            return {}
        out = {}
        for lang, text in value.items():
            if not (isinstance(lang, str) and LANGUAGE_CODE.match(lang)) or not (
                isinstance(text, str) and text.strip()
            ):
                self.error(line, f"{label}: field 'names': {lang!r} needs a language code and a non-empty name")
            else:
                out[lang] = " ".join(text.split())
        missing = [lang for lang in REQUIRED_NAME_LANGUAGES if lang not in value]
        if missing:
            self.error(line, f"{label}: field 'names': missing language(s): {', '.join(missing)}")
        return out

    def slug_list(self, entry: LineMapping, key: str, label: str, pattern: re.Pattern[str]) -> tuple[str, ...]:
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and pattern.match(v) for v in value):
            self.error(entry.key_lines.get(key, entry.line), f"{label}: field {key!r} must be a list of codes")
            return ()
        return tuple(value)

    def unique(self, entries: list[LineMapping], label: str) -> list[LineMapping]:
        seen: dict[str, int] = {}
        kept = []
        for entry in entries:
            key = entry.get("id", entry.get("code"))
            if not (isinstance(key, str) and (ID_PATTERN.match(key) or LANGUAGE_CODE.match(key))):
                self.error(entry.line, f"{label}: missing or invalid id (lowercase letters, digits and hyphens)")
                continue
            if key in seen:
                self.error(entry.line, f"{label} {key!r}: duplicate (first defined at line {seen[key]})")
                continue
            seen[key] = entry.line
            kept.append(entry)
        return kept


def _tradition(c: _Checker, entry: LineMapping) -> Tradition | None:
    tid = entry["id"]
    label = f"tradition {tid!r}"
    count = len(c.errors)
    c.fields(entry, label, {"id", "colour", "names"}, {"communities", "name_languages", "begins_before_sunset"})
    if not ID_PATTERN.match(tid):
        c.error(entry.key_lines["id"], f"{label}: an id is a lowercase slug such as 'east-asian'")
    if tid in RESERVED_TRADITION_IDS:
        c.error(
            entry.key_lines["id"],
            f"{label}: {tid!r} is a route word "
            f"({', '.join(sorted(RESERVED_TRADITION_IDS))}) and cannot name a tradition",
        )
    colour = entry.get("colour")
    if "colour" in entry and not (isinstance(colour, str) and COLOUR.match(colour)):
        c.error(entry.key_lines["colour"], f"{label}: field 'colour' must be #rrggbb, not {colour!r}")
    names = c.names(entry, label)
    communities = c.slug_list(entry, "communities", label, ID_PATTERN) if "communities" in entry else None
    name_languages = c.slug_list(entry, "name_languages", label, LANGUAGE_CODE)
    before = entry.get("begins_before_sunset")
    if "begins_before_sunset" in entry and not (
        isinstance(before, int) and not isinstance(before, bool) and 0 < before <= 120
    ):
        c.error(
            entry.key_lines["begins_before_sunset"],
            f"{label}: field 'begins_before_sunset' must be a number of minutes from 1 to 120",
        )
    if len(c.errors) > count:
        return None
    return Tradition(tid, str(colour).lower(), names, communities, name_languages, entry.line, before)


def _category(c: _Checker, entry: LineMapping) -> Category | None:
    label = f"category {entry['id']!r}"
    count = len(c.errors)
    c.fields(entry, label, {"id", "names"}, set())
    names = c.names(entry, label)
    return None if len(c.errors) > count else Category(entry["id"], names, entry.line)


def _language(c: _Checker, entry: LineMapping) -> Language | None:
    code = entry["code"]
    label = f"language {code!r}"
    count = len(c.errors)
    c.fields(entry, label, {"code", "endonym", "direction"}, {"fallback", "interface", "months_beside"})
    if entry.get("direction") not in ("ltr", "rtl"):
        c.error(entry.key_lines.get("direction", entry.line), f"{label}: field 'direction' must be ltr or rtl")
    endonym = entry.get("endonym")
    if not (isinstance(endonym, str) and endonym.strip()):
        c.error(entry.key_lines.get("endonym", entry.line), f"{label}: field 'endonym' must be a non-empty name")
    fallback = c.slug_list(entry, "fallback", label, LANGUAGE_CODE)
    interface = entry.get("interface", True)
    if not isinstance(interface, bool):
        c.error(entry.key_lines["interface"], f"{label}: field 'interface' must be true or false")
    beside = entry.get("months_beside")
    if beside is not None and not (isinstance(beside, str) and LOCALE.match(beside)):
        c.error(
            entry.key_lines["months_beside"],
            f"{label}: field 'months_beside' must be a CLDR locale such as ar_SY, not {beside!r}",
        )
    if len(c.errors) > count:
        return None
    return Language(code, str(endonym), entry["direction"], fallback, interface, beside)


def _read(
    path: Path, key: str, build: Callable[[_Checker, LineMapping], Any], errors: list[str]
) -> tuple[list[Any], Any, bytes]:
    try:
        text, raw = yamllines.read(str(path), "file")
        document = yamllines.parse(text, str(path))
    except DataFileError as exc:
        errors.extend(exc.errors)
        return [], None, b""
    checker = _Checker(str(path), errors)
    items = [build(checker, entry) for entry in checker.unique(checker.entries(document, key), key.rstrip("s"))]
    return [item for item in items if item is not None], document, raw


def load_languages(directory: str | Path) -> tuple[Languages, bytes]:
    """The languages of the catalogue in ``directory`` (or the shipped ones)."""
    errors: list[str] = []
    path = sibling(directory, LANGUAGES_FILE)
    languages, document, raw = _read(path, "languages", _language, errors)
    default = document.get("default") if isinstance(document, LineMapping) else None
    codes = [lang.code for lang in languages]
    if document is not None and default not in codes:
        errors.append(
            f"{path}:{getattr(document, 'line', 1)}: field 'default' must be one of the languages ({', '.join(codes)})"
        )
    for lang in languages:
        for other in lang.fallback:
            if other not in codes:
                errors.append(
                    f"{path}:{document.line}: language {lang.code!r}: fallback {other!r} is not a language of this file"
                )
    if errors:
        raise DataFileError(errors)
    return Languages(tuple(languages), str(default)), raw


def load_reference(directory: str | Path) -> Reference:
    """Traditions, categories and languages for the holiday file in ``directory``; every problem at once."""
    errors: list[str] = []
    traditions, _, t_raw = _read(sibling(directory, TRADITIONS_FILE), "traditions", _tradition, errors)
    categories, _, c_raw = _read(sibling(directory, CATEGORIES_FILE), "categories", _category, errors)
    try:
        languages, l_raw = load_languages(directory)
    except DataFileError as exc:
        errors.extend(exc.errors)
        languages, l_raw = Languages((), "de"), b""
    if errors:
        raise DataFileError(errors)
    digest = hashlib.sha256(t_raw + b"\0" + c_raw + b"\0" + l_raw).hexdigest()[:12]
    return Reference(tuple(traditions), tuple(categories), languages, digest)
