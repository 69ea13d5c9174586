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
from pathlib import Path
from typing import Any, Mapping

import yaml

from . import laender
from .calendars.hijri import DEFAULT_PROFILE, PROFILES
from .rules import DEFAULT_JEWISH, JEWISH_VARIANTS, Context, Rule, RuleSyntaxError, parse_rule

try:  # the C loader is several times faster; fall back where libyaml is missing
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader

TRADITIONS: tuple[str, ...] = (
    "christianity", "islam", "alevi", "judaism", "hinduism", "buddhism", "sikhism",
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
    "notes",
})
TOP_LEVEL_KEYS = frozenset({"version", "holidays"})
MIN_YEAR, MAX_YEAR = 1900, 2100
#: German Länder (codes of data/laender.yaml, read by ``laender``).
LAENDER: tuple[str, ...] = laender.CODES
LEAVE_KINDS: tuple[str, ...] = ("statutory", "without-application", "on-application", "discretion", "none")
SCHOOL_KEYS = frozenset({"leave", "days", "note"})
ENV_VARIABLE = "INTERKULTUR_CATALOGUE"

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


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that records line numbers and rejects duplicate keys."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


@dataclass(frozen=True)
class DatedYear:
    """A year whose dates an authority set (e.g. the Interkulturelle Woche)."""

    start: date
    end: date | None = None


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
    sources: tuple[str, ...]
    community: str | None = None
    since: int | None = None
    until: int | None = None
    starts_evening_before: bool = False
    night: bool = False
    dated: Mapping[int, DatedYear] = field(default_factory=dict)
    school: Mapping[str, Any] = field(default_factory=dict)
    notes: Mapping[str, str] = field(default_factory=dict)
    line: int = 0

    def rule_for(self, jewish: str) -> Rule:
        """The rule of a Jewish variant (``*`` is the rule shared by all)."""
        return self.rules.get(jewish) or self.rules["*"]

    def days_for(self, jewish: str) -> int | str:
        """Duration in days under a variant, or ``"month"`` for the whole lunar month."""
        return self.days.get(jewish) or self.days["*"]

    @property
    def moon_sighted(self) -> bool:
        """Its date may differ by a day depending on the sighting of the crescent."""
        return any(rule.moon_sighted for rule in self.rules.values())

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
    """``NW``, ``nw``, ``DE-NW`` or ``NRW`` -> ``NW``; None for anything that is not a Land."""
    return laender.resolve(code)


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {h.id: h for h in self.holidays})

    def get(self, holiday_id: str) -> Holiday | None:
        return self._by_id.get(holiday_id)  # type: ignore[attr-defined]

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
    # In a checkout, interkultur/data is a symlink to the top-level data/ that
    # people edit; an installed package carries a copy at the same place.
    return str((Path(__file__).resolve().parent / "data" / "holidays.yaml").resolve())


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
    for entry in entries:
        holiday = _EntryValidator(entry, path, errors).build()
        if holiday is None:
            continue
        if holiday.id in seen:
            errors.append(f"{path}:{holiday.line}: holiday {holiday.id!r}: field 'id': duplicate id "
                          f"(first defined at line {seen[holiday.id]})")
            continue
        seen[holiday.id] = holiday.line
        holidays.append(holiday)
    if errors:
        raise CatalogueError(errors)
    return Catalogue(tuple(holidays), str(version), path, digest)


class _EntryValidator:
    """Checks one holiday entry, collecting every error with its line."""

    def __init__(self, entry: Any, path: str, errors: list[str]):
        self.entry, self.path, self.errors = entry, path, errors
        self.label = "holiday"

    def error(self, key: str | None, message: str) -> None:
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
        rules = self.rules()
        days = self.days()
        self.check_whole_month(rules, days)
        since, until = self.year("since"), self.year("until")
        if since and until and since > until:
            self.error("until", f"'until' ({until}) is before 'since' ({since})")
        evening = self.flag("starts_evening_before")
        night = self.flag("night")
        community = entry.get("community")
        if community is not None and not (isinstance(community, str) and ID_PATTERN.match(community)):
            self.error("community", "must be a lowercase slug such as 'orthodox' or 'shia'")
        sources = entry.get("sources")
        if "sources" in entry and not (isinstance(sources, list) and sources
                                       and all(isinstance(s, str) and s.strip() for s in sources)):
            self.error("sources", "must be a non-empty list of texts (URLs or references)")
        dated = self.dated()
        school = self.school()
        if len(self.errors) > count:
            return None
        return Holiday(
            id=hid, tradition=tradition, names=dict(names), descriptions=dict(descriptions),
            rules=rules, days=days, category=category, sources=tuple(sources),
            community=community, since=since, until=until, starts_evening_before=evening or night,
            night=night, dated=dated, school=dict(school), notes=dict(notes), line=entry.line,
        )

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

    def variants(self, key: str, value: Any, kind: type | tuple[type, ...]) -> dict[str, Any]:
        """A plain value, or one per Jewish variant: ``{diaspora: 8, israel: 7}``."""
        if isinstance(value, dict):
            unknown = [k for k in value if k not in JEWISH_VARIANTS]
            if unknown:
                self.error(key, f"unknown variant(s) {', '.join(map(str, unknown))} "
                                f"(allowed: {', '.join(JEWISH_VARIANTS)})")
                return {}
            missing = [k for k in JEWISH_VARIANTS if k not in value]
            if missing:
                self.error(key, f"a per-variant value needs every variant; missing: {', '.join(missing)}")
                return {}
            out = dict(value)
            out["*"] = value[JEWISH_VARIANTS[0]]
            return out
        if not isinstance(value, kind) or isinstance(value, bool):
            self.error(key, f"has the wrong type ({type(value).__name__})")
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
