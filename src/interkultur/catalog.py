"""Load and validate the holiday catalogue (``data/holidays.yaml``).

The catalogue is the single source of holiday definitions. People at an
integration centre edit it by hand, so every mistake is reported with the
file, the line and the field, and all mistakes of a file are reported at once.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

import yaml

from .calendars.hijri import DEFAULT_PROFILE, PROFILES
from .rules import DEFAULT_JEWISH, JEWISH_VARIANTS, Context, Rule, RuleSyntaxError, parse_rule

try:  # the C loader is several times faster; fall back where libyaml is missing
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

TRADITIONS: tuple[str, ...] = (
    "christianity", "islam", "alevi", "judaism", "hinduism", "buddhism", "sikhism", "jainism",
    "bahai", "yazidi", "roma", "east-asian", "persian", "international",
)
CATEGORIES: tuple[str, ...] = ("major", "minor", "fast", "memorial", "observance")
REQUIRED_NAME_LANGUAGES: tuple[str, ...] = ("de", "en")
#: Traditions whose names must also exist in Turkish and Arabic.
EXTRA_NAME_LANGUAGES: dict[str, tuple[str, ...]] = {"islam": ("tr", "ar"), "alevi": ("tr", "ar")}
REQUIRED_DESCRIPTION_LANGUAGES: tuple[str, ...] = ("de", "en")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")

REQUIRED_KEYS = frozenset({"id", "tradition", "names", "description", "rule", "category", "sources"})
OPTIONAL_KEYS = frozenset({
    "community", "days", "since", "until", "starts_evening_before", "night", "dates", "school",
    "notes", "statutory_as",
})
TOP_LEVEL_KEYS = frozenset({"version", "holidays", "school_sources"})
MIN_YEAR, MAX_YEAR = 1900, 2100
#: German Länder (ISO 3166-2 without the "DE-" prefix, which is accepted too).
LAENDER: tuple[str, ...] = ("BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL",
                            "SN", "ST", "SH", "TH")
LEAVE_KINDS: tuple[str, ...] = ("statutory", "without-application", "on-application", "discretion", "none")
SCHOOL_KEYS = frozenset({"leave", "days", "note"})
#: Keys of one dated rule variant in a ``rule:`` list.
ERA_KEYS = frozenset({"since", "until", "rule"})
SOURCE_KEYS = frozenset({"publisher", "title", "url"})
#: Labels of the internal research notes ("S15", "research §3"): a reader cannot follow them,
#: so they must not stand in a source or in any text a user sees.
INTERNAL_LABEL = re.compile(r"\bS\d{1,2}b?\b|research", re.IGNORECASE)
#: A section sign must come with the law it belongs to ("SchulG NRW §43(4)", "Feiertagsgesetz NW §2").
SECTION = re.compile(r"§\s*\d")
LAW_NAME = re.compile(r"[Gg]esetz|[Oo]rdnung|[Ee]rlass|[Vv]orschrift|[Bb]ekanntmachung|[Vv]erfassung"
                      r"|\b(?:BASS|AV|VwV|KMBek|RdErl)\b|\b[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*G\b")
ENV_VARIABLE = "INTERKULTUR_CATALOGUE"
#: ``statutory_as`` names ids of the generated ``public`` layer (``layers``): ``public-<slug>``.
STATUTORY_ID = re.compile(r"public-[a-z0-9]+(?:-[a-z0-9]+)*\Z")

#: ``days`` may name the length of the lunar month the feast starts in.
WHOLE_MONTH = "month"


class CatalogueError(Exception):
    """A catalogue that cannot be used; ``errors`` lists every problem found."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


class _Mapping(dict):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]
    #: For a key whose value is a list: the line of each item (a plain text has no line of its own).
    item_lines: dict[Any, list[int]]


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that records line numbers and rejects duplicate keys."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    mapping.item_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.SequenceNode):
            mapping.item_lines[key] = [item.start_mark.line + 1 for item in value_node.value]
    return mapping


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


@dataclass(frozen=True)
class DatedYear:
    """A year whose dates an authority set (e.g. the Interkulturelle Woche)."""

    start: date
    end: date | None = None


@dataclass(frozen=True)
class RuleEra:
    """One dated variant of a holiday's rule, in force from ``since`` to ``until`` (inclusive).

    Rules change (Volkstrauertag moved from spring to November in 1952), and a
    date computed with today's rule for 1930 would be an anachronism; ``None``
    means open-ended on that side.
    """

    since: int | None
    until: int | None
    rules: Mapping[str, Rule]
    line: int = 0

    def rule_for(self, jewish: str) -> Rule:
        """The rule of a Jewish variant in this era."""
        return self.rules.get(jewish) or self.rules["*"]

    def covers(self, year: int) -> bool:
        return (self.since is None or year >= self.since) and (self.until is None or year <= self.until)


@dataclass(frozen=True)
class Source:
    """A public citation a reader can follow: who published what, and where to find it.

    ``url`` is None only for sources that are not online (a printed gazette, a resolution
    without a stable page)."""

    publisher: str
    title: str
    url: str | None = None

    def text(self) -> str:
        """``publisher — title``, the way pages and the CLI print a source."""
        return f"{self.publisher} — {self.title}"

    def as_dict(self) -> dict[str, str | None]:
        return {"publisher": self.publisher, "title": self.title, "url": self.url}


def internal_label(text: str) -> str | None:
    """The internal research label in ``text`` ("S15", "research", a bare "§3"), or None.

    Such labels point into the project's research notes, which no reader has."""
    found = INTERNAL_LABEL.search(text)
    if found:
        return found.group(0)
    section = SECTION.search(text)
    if section and not LAW_NAME.search(text):
        return section.group(0)
    return None


def valid_url(text: str) -> bool:
    """An absolute http(s) address with a host name: what a reader's browser can open."""
    if not isinstance(text, str) or any(c.isspace() for c in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and "." in host and not host.startswith(".")


@dataclass(frozen=True, eq=False)
class Holiday:
    """One catalogue entry, validated. Dates come from ``engine``, not from here."""

    id: str
    tradition: str
    names: Mapping[str, str]
    descriptions: Mapping[str, str]
    rules: Mapping[str, Rule]
    days: Mapping[str, int | str]
    category: str
    sources: tuple[Source, ...]
    community: str | None = None
    since: int | None = None
    until: int | None = None
    starts_evening_before: bool = False
    night: bool = False
    dated: Mapping[int, DatedYear] = field(default_factory=dict)
    school: Mapping[str, Any] = field(default_factory=dict)
    notes: Mapping[str, str] = field(default_factory=dict)
    #: Ids of the statutory public holidays (``public-good-friday``) that are this holiday:
    #: where a Land keeps one, the engine merges it into this holiday's occurrence.
    statutory_as: tuple[str, ...] = ()
    line: int = 0
    #: Dated rule variants, oldest first; empty when one rule holds for every year
    #: (then ``rules`` is that rule; otherwise ``rules`` is the newest era's).
    eras: tuple[RuleEra, ...] = ()

    def rule_for(self, jewish: str) -> Rule:
        """The current rule of a Jewish variant (``*`` is the rule shared by all)."""
        return self.rules.get(jewish) or self.rules["*"]

    def rule_in(self, year: int, jewish: str = DEFAULT_JEWISH) -> Rule | None:
        """The rule in force in ``year``, or None if the holiday was not held that year."""
        if not self.active(year):
            return None
        if not self.eras:
            return self.rule_for(jewish)
        era = next((e for e in self.eras if e.covers(year)), None)
        return era.rule_for(jewish) if era else None

    def days_for(self, jewish: str) -> int | str:
        """Duration in days under a variant, or ``"month"`` for the whole lunar month."""
        return self.days.get(jewish) or self.days["*"]

    @property
    def moon_sighted(self) -> bool:
        """Its date may differ by a day depending on the sighting of the crescent."""
        rules = [r for era in self.eras for r in era.rules.values()] or list(self.rules.values())
        return any(rule.moon_sighted for rule in rules)

    def name(self, lang: str) -> str:
        """Name in ``lang``; falls back to German (the site language), then English."""
        return localised(self.names, lang)

    def description(self, lang: str) -> str:
        """Description in ``lang`` with the same fallback as ``name``."""
        return localised(self.descriptions, lang)

    def active(self, year: int) -> bool:
        """Whether the holiday existed (``since``) and still exists (``until``) in ``year``."""
        return (self.since is None or year >= self.since) and (self.until is None or year <= self.until)


def normalise_land(code: str) -> str | None:
    """``NW``, ``nw`` or ``DE-NW`` -> ``NW``; None for anything that is not a Land."""
    bare = code.strip().upper().removeprefix("DE-")
    return bare if bare in LAENDER else None


def localised(texts: Mapping[str, str], lang: str) -> str:
    """Pick ``lang``, else the base language (``de`` of ``de-AT``), else de, else en."""
    for candidate in (lang, lang.split("-")[0], "de", "en"):
        if candidate in texts:
            return texts[candidate]
    return next(iter(texts.values()), "")


@dataclass(frozen=True)
class Catalogue:
    """The validated catalogue: holidays in file order, indexed by id."""

    holidays: tuple[Holiday, ...]
    version: str
    path: str
    digest: str
    #: The published rules behind each Land's ``school`` entries (``school_sources: {NW: [...]}``).
    school_sources: Mapping[str, tuple[Source, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {h.id: h for h in self.holidays})
        object.__setattr__(self, "_twins", {alias: h for h in self.holidays for alias in h.statutory_as})

    def get(self, holiday_id: str) -> Holiday | None:
        return self._by_id.get(holiday_id)  # type: ignore[attr-defined]

    def twin(self, public_id: str) -> Holiday | None:
        """The catalogue holiday whose ``statutory_as`` names ``public_id`` (``public-good-friday``)."""
        return self._twins.get(public_id)  # type: ignore[attr-defined]

    @property
    def twins(self) -> Mapping[str, Holiday]:
        """Every ``statutory_as`` id with its catalogue holiday."""
        return self._twins  # type: ignore[attr-defined]

    @property
    def traditions(self) -> tuple[str, ...]:
        """Traditions in canonical order that have at least one holiday."""
        present = {h.tradition for h in self.holidays}
        return tuple(t for t in TRADITIONS if t in present)


def default_path() -> str:
    """The catalogue to use: ``$INTERKULTUR_CATALOGUE`` or the one shipped with the package."""
    env = os.environ.get(ENV_VARIABLE)
    if env:
        return env
    # Package data, found through importlib.resources so that an installed
    # (non-editable) package reads its own copy. In a checkout interkultur/data
    # is a symlink to the top-level data/ that people edit.
    return str(Path(str(resources.files("interkultur").joinpath("data", "holidays.yaml"))).resolve())


def load(path: str | os.PathLike[str] | None = None) -> Catalogue:
    """Read, parse and validate a catalogue file; raise CatalogueError listing every problem."""
    path = str(path or default_path())
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise CatalogueError([f"{path}: cannot read the catalogue: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogueError([f"{path}: the catalogue is not UTF-8 text ({exc.reason} at byte {exc.start})"]) from None
    return loads(text, path, digest=hashlib.sha256(raw).hexdigest()[:12])


def loads(text: str, path: str = "<catalogue>", digest: str | None = None) -> Catalogue:
    """Parse and validate catalogue text; ``path`` only names it in messages."""
    try:
        document = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = exc.problem or exc.context or "invalid YAML"
        raise CatalogueError([f"{path}:{line}: YAML syntax error: {problem}"]) from None
    except yaml.YAMLError as exc:
        raise CatalogueError([f"{path}: YAML error: {exc}"]) from None
    digest = digest or hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return _validate_document(document, path, digest)


def _validate_document(document: Any, path: str, digest: str) -> Catalogue:
    if not isinstance(document, _Mapping):
        raise CatalogueError([f"{path}:1: the catalogue must be a mapping with 'version' and 'holidays'"])
    errors: list[str] = []
    for key in document:
        if key not in TOP_LEVEL_KEYS:
            errors.append(f"{path}:{document.key_lines[key]}: unknown top-level key {key!r} "
                          f"(allowed: {', '.join(sorted(TOP_LEVEL_KEYS))})")
    version = document.get("version")
    if not isinstance(version, (str, int, float)) or isinstance(version, bool):
        errors.append(f"{path}:{document.line}: field 'version' is missing or not a string")
    entries = document.get("holidays")
    if not isinstance(entries, list) or not entries:
        errors.append(f"{path}:{document.key_lines.get('holidays', document.line)}: "
                      "field 'holidays' must be a non-empty list")
        raise CatalogueError(errors)
    holidays: list[Holiday] = []
    seen: dict[str, int] = {}
    twins: dict[str, Holiday] = {}
    for entry in entries:
        holiday = _EntryValidator(entry, path, errors).build()
        if holiday is None:
            continue
        if holiday.id in seen:
            errors.append(f"{path}:{holiday.line}: holiday {holiday.id!r}: field 'id': duplicate id "
                          f"(first defined at line {seen[holiday.id]})")
            continue
        seen[holiday.id] = holiday.line
        for alias in holiday.statutory_as:
            first = twins.setdefault(alias, holiday)
            if first is not holiday:
                errors.append(f"{path}:{holiday.line}: holiday {holiday.id!r}: field 'statutory_as': "
                              f"{alias!r} is already the statutory twin of {first.id!r} (line {first.line})")
        holidays.append(holiday)
    school_sources = _school_sources(document, path, errors)
    if errors:
        raise CatalogueError(errors)
    return Catalogue(tuple(holidays), str(version), path, digest, school_sources)


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
            errors.append(f"{path}:{where}: field 'school_sources': {code!r}: expected a Land code "
                          "with a non-empty list of {publisher, title, url}")
            continue
        found = [source_from(item, lambda message, n=n, item=item: errors.append(
                    f"{path}:{getattr(item, 'line', where)}: field 'school_sources': {land}: source {n}: {message}"))
                 for n, item in enumerate(items, 1)]
        out[land] = tuple(s for s in found if s is not None)
    return out


class _EntryValidator:
    """Checks one holiday entry, collecting every error with its line."""

    def __init__(self, entry: Any, path: str, errors: list[str]):
        self.entry, self.path, self.errors = entry, path, errors
        self.label = "holiday"

    def error(self, key: str | None, message: str, line: int | None = None) -> None:
        if line is None:
            line = self.entry.key_lines.get(key, self.entry.line) if key else self.entry.line
        where = f"field {key!r}: " if key else ""
        self.errors.append(f"{self.path}:{line}: {self.label}: {where}{message}")

    def build(self) -> Holiday | None:
        entry = self.entry
        if not isinstance(entry, _Mapping):
            line = getattr(entry, "line", 0)
            self.errors.append(f"{self.path}:{line}: each holiday must be a mapping of fields")
            return None
        count = len(self.errors)
        hid = entry.get("id")
        if isinstance(hid, str) and ID_PATTERN.match(hid):
            self.label = f"holiday {hid!r}"
        else:
            self.error("id" if "id" in entry else None,
                       "missing or invalid 'id' (lowercase letters, digits and hyphens)")
        for key in entry:
            if key not in REQUIRED_KEYS | OPTIONAL_KEYS:
                allowed = ", ".join(sorted(REQUIRED_KEYS | OPTIONAL_KEYS))
                self.error(key, f"unknown field (allowed: {allowed})")
        for key in sorted(REQUIRED_KEYS - set(entry)):
            self.error(None, f"missing required field {key!r}")

        tradition = self.choice("tradition", TRADITIONS)
        category = self.choice("category", CATEGORIES)
        names = self.texts("names", REQUIRED_NAME_LANGUAGES + EXTRA_NAME_LANGUAGES.get(tradition or "", ()))
        descriptions = self.texts("description", REQUIRED_DESCRIPTION_LANGUAGES)
        notes = self.texts("notes", ()) if "notes" in entry else {}
        dated_rules = isinstance(entry.get("rule"), list)
        eras = self.eras() if dated_rules else ()
        rules = (dict(eras[-1].rules) if eras else {}) if dated_rules else self.rules()
        days = self.days()
        for era_rules in [era.rules for era in eras] or [rules]:
            self.check_whole_month(dict(era_rules), days)
        since, until = self.year("since"), self.year("until")
        if since and until and since > until:
            self.error("until", f"'until' ({until}) is before 'since' ({since})")
        since, until = self.span_of_eras(eras, since, until)
        evening = self.flag("starts_evening_before")
        night = self.flag("night")
        community = entry.get("community")
        if community is not None and not (isinstance(community, str) and ID_PATTERN.match(community)):
            self.error("community", "must be a lowercase slug such as 'orthodox' or 'shia'")
        sources = self.sources()
        self.check_labels(names, descriptions, notes)
        dated = self.dated()
        school = self.school()
        statutory_as = self.statutory_as()
        if len(self.errors) > count:
            return None
        return Holiday(
            id=hid, tradition=tradition, names=dict(names), descriptions=dict(descriptions),
            rules=rules, days=days, category=category, sources=sources,
            community=community, since=since, until=until, starts_evening_before=evening or night,
            night=night, dated=dated, school=dict(school), notes=dict(notes),
            statutory_as=statutory_as, line=entry.line, eras=eras,
        )

    def sources(self) -> tuple[Source, ...]:
        """``sources: [{publisher: ..., title: ..., url: ...}, ...]``: citations a reader can follow."""
        if "sources" not in self.entry:
            return ()
        value = self.entry["sources"]
        if not isinstance(value, list) or not value:
            self.error("sources", "must be a non-empty list of {publisher, title, url}")
            return ()
        # in a block list, every message points at the very citation
        lines = self.entry.item_lines.get("sources", [])
        found = [source_from(item, lambda message, n=n: self.error(
                     "sources", f"source {n}: {message}", lines[n - 1] if n <= len(lines) else None))
                 for n, item in enumerate(value, 1)]
        return tuple(s for s in found if s is not None)

    def check_labels(self, *texts: Mapping[str, str]) -> None:
        """Names, descriptions and notes are shown to users: no internal research labels."""
        for key, mapping in zip(("names", "description", "notes"), texts):
            for lang, text in mapping.items():
                label = internal_label(text)
                if label:
                    self.error(key, f"the {lang!r} text contains the internal label {label!r}; "
                                    "cite the public source in 'sources' instead")

    def statutory_as(self) -> tuple[str, ...]:
        """``statutory_as: public-good-friday`` or a list of such ids (Christmas: both days)."""
        value = self.entry.get("statutory_as")
        if value is None:
            return ()
        ids = value if isinstance(value, list) else [value]
        if not ids or not all(isinstance(i, str) and STATUTORY_ID.match(i) for i in ids):
            self.error("statutory_as", "must be an id of a public holiday such as public-good-friday, "
                                       "or a list of them")
            return ()
        if len(set(ids)) != len(ids):
            self.error("statutory_as", "names the same public holiday twice")
            return ()
        return tuple(ids)

    def choice(self, key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.entry.get(key)
        if key in self.entry and value not in allowed:
            self.error(key, f"unknown value {value!r} (allowed: {', '.join(allowed)})")
            return None
        return value

    def texts(self, key: str, required: tuple[str, ...]) -> dict[str, str]:
        value = self.entry.get(key)
        if key not in self.entry:
            return {}
        if not isinstance(value, dict):
            self.error(key, "must be a mapping of language code to text, e.g. {de: ..., en: ...}")
            return {}
        out: dict[str, str] = {}
        for lang, text in value.items():
            if not (isinstance(lang, str) and LANGUAGE_CODE.match(lang)):
                self.error(key, f"{lang!r} is not a language code such as 'de' or 'tr'")
            elif not (isinstance(text, str) and text.strip()):
                self.error(key, f"the {lang!r} text is empty or not a string")
            else:
                out[lang] = " ".join(text.split())
        missing = [lang for lang in required if lang not in value]
        if missing:
            self.error(key, f"missing language(s): {', '.join(missing)}")
        return out

    def rules(self) -> dict[str, Rule]:
        value = self.entry.get("rule")
        if "rule" not in self.entry:
            return {}
        texts = self.variants("rule", value, str)
        parsed: dict[str, Rule] = {}
        for variant, text in texts.items():
            try:
                parsed[variant] = parse_rule(text)
            except RuleSyntaxError as exc:
                self.error("rule", str(exc))
        return parsed

    def eras(self) -> tuple[RuleEra, ...]:
        """``rule: [{until: 1951, rule: ...}, {since: 1952, rule: ...}]``: dated variants, oldest first.

        Only the first may leave out ``since`` and only the last ``until``; they
        may not overlap, but may leave gaps (years the holiday was not held).
        """
        items = self.entry["rule"]
        if not items:
            self.error("rule", "a list of dated rules needs at least one {since, until, rule}")
            return ()
        eras: list[RuleEra] = []
        for index, item in enumerate(items):
            era = self.era(item, first=index == 0, last=index == len(items) - 1)
            if era is None:
                continue
            previous = eras[-1] if eras else None
            if previous is not None and previous.until is not None and era.since is not None \
                    and era.since <= previous.until:
                self.error("rule", f"dated rule from {era.since} overlaps the one until {previous.until}; "
                                   "list them oldest first without overlap", era.line)
            eras.append(era)
        return tuple(eras) if len(eras) == len(items) else ()

    def era(self, item: Any, first: bool, last: bool) -> RuleEra | None:
        """One ``{since, until, rule}`` item of a ``rule:`` list, checked."""
        line = getattr(item, "line", self.entry.key_lines.get("rule", self.entry.line))
        if not isinstance(item, _Mapping) or "rule" not in item or not set(item) <= ERA_KEYS:
            self.error("rule", "each dated rule must be a mapping {since: YEAR, until: YEAR, rule: RULE} "
                               "with 'rule' required", line)
            return None
        bounds: dict[str, int | None] = {}
        for key in ("since", "until"):
            value = item.get(key)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                      or not 1 <= value <= 9999):
                self.error("rule", f"'{key}' must be a year such as 1952, not {value!r}", line)
                return None
            bounds[key] = value
        since, until = bounds["since"], bounds["until"]
        if (since is None and not first) or (until is None and not last):
            self.error("rule", "only the first dated rule may leave out 'since' and only the last 'until'", line)
            return None
        if since is not None and until is not None and since > until:
            self.error("rule", f"'until' ({until}) is before 'since' ({since})", line)
            return None
        if isinstance(item["rule"], list):
            self.error("rule", "a dated rule cannot itself be a list", line)
            return None
        count = len(self.errors)
        texts = self.variants("rule", item["rule"], str, line)
        parsed: dict[str, Rule] = {}
        for variant, text in texts.items():
            try:
                parsed[variant] = parse_rule(text)
            except RuleSyntaxError as exc:
                self.error("rule", str(exc), line)
        if len(self.errors) > count or not parsed:
            return None
        return RuleEra(since, until, parsed, line)

    def span_of_eras(self, eras: tuple[RuleEra, ...], since: int | None,
                     until: int | None) -> tuple[int | None, int | None]:
        """The holiday's years: its own ``since``/``until``, else those of its first and last era."""
        if not eras:
            return since, until
        if since is not None and eras[0].since is not None and eras[0].since < since:
            self.error("rule", f"the first dated rule starts in {eras[0].since}, before 'since' ({since})",
                       eras[0].line)
        if until is not None and eras[-1].until is not None and eras[-1].until > until:
            self.error("rule", f"the last dated rule ends in {eras[-1].until}, after 'until' ({until})",
                       eras[-1].line)
        return (since if since is not None else eras[0].since,
                until if until is not None else eras[-1].until)

    def days(self) -> dict[str, int | str]:
        if "days" not in self.entry:
            return {"*": 1}
        days = self.variants("days", self.entry["days"], (int, str))
        for variant, n in days.items():
            valid = n == WHOLE_MONTH or (isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 60)
            if not valid:
                self.error("days", f"must be a whole number of days from 1 to 60 or {WHOLE_MONTH!r}, not {n!r}")
        return days

    def check_whole_month(self, rules: dict[str, Rule], days: dict[str, int | str]) -> None:
        """``days: month`` needs a rule that lands in a lunar month (hebrew, hijri)."""
        for variant, n in days.items():
            rule = rules.get(variant) or rules.get("*")
            if n != WHOLE_MONTH or rule is None:
                continue
            ctx = Context(islamic=PROFILES[DEFAULT_PROFILE], jewish=variant if variant != "*" else DEFAULT_JEWISH)
            if any(start.month_length is None for start in rule.starts(2000, ctx)):
                self.error("days", f"{WHOLE_MONTH!r} needs a rule in a lunar month "
                                   "(hebrew or hijri); give a number of days instead")
                return

    def variants(self, key: str, value: Any, kind: type | tuple[type, ...],
                 line: int | None = None) -> dict[str, Any]:
        """A plain value, or one per Jewish variant: ``{diaspora: 8, israel: 7}``."""
        if isinstance(value, dict):
            unknown = [k for k in value if k not in JEWISH_VARIANTS]
            if unknown:
                self.error(key, f"unknown variant(s) {', '.join(map(str, unknown))} "
                                f"(allowed: {', '.join(JEWISH_VARIANTS)})", line)
                return {}
            missing = [k for k in JEWISH_VARIANTS if k not in value]
            if missing:
                self.error(key, f"a per-variant value needs every variant; missing: {', '.join(missing)}", line)
                return {}
            out = dict(value)
            out["*"] = value[JEWISH_VARIANTS[0]]
            return out
        if not isinstance(value, kind) or isinstance(value, bool):
            self.error(key, f"has the wrong type ({type(value).__name__})", line)
            return {}
        return {"*": value}

    def year(self, key: str) -> int | None:
        value = self.entry.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9999:
            self.error(key, f"must be a year such as 1990, not {value!r}")
            return None
        return value

    def flag(self, key: str) -> bool:
        value = self.entry.get(key, False)
        if not isinstance(value, bool):
            self.error(key, f"must be true or false, not {value!r}")
            return False
        return value

    def school(self) -> dict[str, dict[str, Any]]:
        """``school: {NW: {leave: on-application, days: [1], note: ...}}`` keyed by bare Land code."""
        value = self.entry.get("school")
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error("school", "must map Land codes (NW, BY, ...) to {leave, days, note}")
            return {}
        out: dict[str, dict[str, Any]] = {}
        for code, rule in value.items():
            land = normalise_land(str(code))
            if land is None:
                self.error("school", f"unknown Land code {code!r} (allowed: {', '.join(LAENDER)})")
                continue
            if not isinstance(rule, dict) or not set(rule) <= SCHOOL_KEYS or "leave" not in rule:
                self.error("school", f"{land}: expected {{leave, days, note}} with 'leave' required")
                continue
            if rule["leave"] not in LEAVE_KINDS:
                self.error("school", f"{land}: unknown leave {rule['leave']!r} (allowed: {', '.join(LEAVE_KINDS)})")
                continue
            days = rule.get("days")
            if days is not None and not (isinstance(days, list) and days and all(
                    isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 60 for d in days)):
                self.error("school", f"{land}: 'days' must list feast days such as [1, 2]")
                continue
            note = rule.get("note")
            if note is not None and not isinstance(note, (str, dict)):
                self.error("school", f"{land}: 'note' must be a text or {{de: ..., en: ...}}")
                continue
            labels = [internal_label(t) for t in ([note] if isinstance(note, str) else (note or {}).values())
                      if isinstance(t, str)]
            if any(labels):
                label = next(x for x in labels if x)
                self.error("school", f"{land}: the note contains the internal label {label!r}; "
                                     "name the rule itself (e.g. 'BASS 12-52 Nr. 1') or its law",
                           getattr(rule, "line", None))
                continue
            out[land] = {"leave": rule["leave"], "days": days, "note": note}
        return out

    def dated(self) -> dict[int, DatedYear]:
        """``dates: {2025: 2025-09-21}`` or ``{2025: [2025-09-21, 2025-09-28]}``."""
        value = self.entry.get("dates")
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error("dates", "must map a year to a date or to [first day, last day]")
            return {}
        out: dict[int, DatedYear] = {}
        for year, spec in value.items():
            days = spec if isinstance(spec, list) else [spec]
            ok = (isinstance(year, int) and 1 <= len(days) <= 2
                  and all(isinstance(d, date) and d.year in (year, year + 1) for d in days)
                  and (len(days) == 1 or days[0] <= days[1]))
            if not ok:
                self.error("dates", f"year {year!r}: expected YYYY-MM-DD or [YYYY-MM-DD, YYYY-MM-DD] in that year")
                continue
            out[year] = DatedYear(days[0], days[1] if len(days) == 2 else None)
        return out


def source_from(item: Any, error: Any) -> Source | None:
    """One citation from the catalogue, or None after reporting what is wrong through ``error``."""
    if isinstance(item, str):
        error(f"{item!r} is only a text; give {{publisher: ..., title: ..., url: ...}}")
        return None
    if not isinstance(item, dict):
        error("must be {publisher: ..., title: ..., url: ...}")
        return None
    problems = [f"unknown key {key!r} (allowed: publisher, title, url)" for key in item if key not in SOURCE_KEYS]
    for key in ("publisher", "title"):
        text = item.get(key)
        if not (isinstance(text, str) and text.strip()):
            problems.append(f"'{key}' is missing or empty")
            continue
        label = internal_label(text)
        if label:
            problems.append(f"'{key}' contains the internal label {label!r}; "
                            "cite the public source (publisher, title, link)")
    url = item.get("url")
    if url is not None and not valid_url(url):
        problems.append(f"'url' {url!r} is not an http(s) address such as https://example.org/page")
    for problem in problems:
        error(problem)
    if problems:
        return None
    return Source(" ".join(item["publisher"].split()), " ".join(item["title"].split()), url)
