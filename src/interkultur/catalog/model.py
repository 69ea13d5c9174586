"""The catalogue's objects: holidays, their dated rules and sources, and the catalogue itself.

Validation is in ``catalog.entry`` (with ``entryrules`` and ``entryfields``); reading files in
``catalog`` (the package).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from .. import laender, languages
from ..records import field, record
from ..reference import Reference
from ..rules import DEFAULT_JEWISH, Rule

REQUIRED_NAME_LANGUAGES: tuple[str, ...] = ("de", "en")
REQUIRED_DESCRIPTION_LANGUAGES: tuple[str, ...] = ("de", "en")

REQUIRED_KEYS = frozenset({"id", "tradition", "names", "description", "rule", "category", "sources"})
OPTIONAL_KEYS = frozenset(
    {
        "community",
        "days",
        "since",
        "until",
        "starts_evening_before",
        "night",
        "dates",
        "school",
        "notes",
        "statutory_as",
        "default_view",
        "native",
    }
)
TOP_LEVEL_KEYS = frozenset({"version", "holidays", "school_sources"})
MIN_YEAR, MAX_YEAR = 1900, 2100
#: German Länder (codes of data/laender.yaml, read by ``laender``).
LAENDER: tuple[str, ...] = laender.CODES
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
LAW_NAME = re.compile(
    r"[Gg]esetz|[Oo]rdnung|[Ee]rlass|[Vv]orschrift|[Bb]ekanntmachung|[Vv]erfassung"
    r"|\b(?:BASS|AV|VwV|KMBek|RdErl)\b|\b[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*G\b"
)
ENV_VARIABLE = "INTERKULTUR_CATALOGUE"
#: ``statutory_as`` names ids of the generated ``public`` layer (``layers``): ``public-<slug>``.
STATUTORY_ID = re.compile(r"public-[a-z0-9]+(?:-[a-z0-9]+)*\Z")

#: ``days`` may name the length of the lunar month the feast starts in.
WHOLE_MONTH = "month"


@record
class DatedYear:
    """A year whose dates an authority set (e.g. the Interkulturelle Woche)."""

    start: date
    end: date | None = None


@record
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


@record
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


@record(eq=False)
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
    #: Shown when a reader has chosen nothing (widget, landing and year page): ``default_view`` in
    #: the catalogue, else every ``major`` holiday. API, feeds and CLI always list everything.
    default_view: bool | None = None
    #: Names in the community's own script (``{he: ראש השנה}``), shown beside the reader's language.
    native: Mapping[str, str] = field(default_factory=dict)
    #: ``pending`` or ``ok`` per language whose texts come from a translation overlay
    #: (``translations/<code>.yaml``); inline texts carry no flag.
    review: Mapping[str, str] = field(default_factory=dict)
    #: Where an overlay's name was taken from (a community's own calendar or website), per language.
    name_sources: Mapping[str, Source] = field(default_factory=dict)

    @property
    def in_default_view(self) -> bool:
        return self.category == "major" if self.default_view is None else self.default_view

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

    def name_language(self, lang: str) -> str:
        """The language ``name(lang)`` is really in: ``lang``, or the fallback that stood in for it."""
        return text_language(self.names, lang)

    def description_language(self, lang: str) -> str:
        """The language ``description(lang)`` is really in."""
        return text_language(self.descriptions, lang)

    def awaiting_review(self, lang: str) -> bool:
        """Whether the texts shown in ``lang`` come from an overlay no native speaker has checked."""
        return self.review.get(lang) == "pending" and (
            self.name_language(lang) == lang or self.description_language(lang) == lang
        )

    def native_name(self, lang: str) -> tuple[str, str] | None:
        """(language, text) of the first native name not in ``lang`` itself, or None."""
        return next(((code, text) for code, text in self.native.items() if code != lang), None)

    def active(self, year: int) -> bool:
        """Whether the holiday existed (``since``) and still exists (``until``) in ``year``."""
        return (self.since is None or year >= self.since) and (self.until is None or year <= self.until)


def normalise_land(code: str) -> str | None:
    """``NW``, ``nw``, ``DE-NW`` or ``NRW`` -> ``NW``; None for anything that is not a Land."""
    return laender.resolve(code)


def text_language(texts: Mapping[str, str], lang: str) -> str:
    """The language ``localised(texts, lang)`` takes its text from (``lang`` or a fallback)."""
    for candidate in languages.chain(lang):
        if candidate in texts:
            return candidate
    return next(iter(texts), lang)


def localised(texts: Mapping[str, str], lang: str) -> str:
    """Pick ``lang``, else the base language (``de`` of ``de-AT``), else its fallbacks (``languages.yaml``)."""
    for candidate in languages.chain(lang):
        if candidate in texts:
            return texts[candidate]
    return next(iter(texts.values()), "")


@record
class Catalogue:
    """The validated catalogue: holidays in file order, indexed by id."""

    holidays: tuple[Holiday, ...]
    version: str
    path: str
    digest: str
    #: Traditions, categories and languages (``traditions.yaml`` ... beside the holiday file).
    reference: Reference
    #: The published rules behind each Land's ``school`` entries (``school_sources: {NW: [...]}``).
    school_sources: Mapping[str, tuple[Source, ...]] = field(default_factory=dict)
    #: The translation overlays (``translations/<code>.yaml``) merged into the holidays and reference.
    overlays: Any = None
    if TYPE_CHECKING:
        # set per instance in __post_init__ (object.__setattr__); ClassVar so that it is no record field
        _layer_names: ClassVar[dict[str, dict[str, str]]]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {h.id: h for h in self.holidays})
        object.__setattr__(self, "_twins", {alias: h for h in self.holidays for alias in h.statutory_as})
        object.__setattr__(self, "_layer_names", self.overlays.layer_names() if self.overlays is not None else {})

    def _index(self, name: str) -> dict[str, Holiday]:
        index: dict[str, Holiday] = getattr(self, name)
        return index

    def get(self, holiday_id: str) -> Holiday | None:
        return self._index("_by_id").get(holiday_id)

    def layer_names(self, layer_id: str) -> Mapping[str, str]:
        """Names of a public holiday or school break (``public-new-years-day``) from the overlays."""
        table: dict[str, dict[str, str]] = self._layer_names
        return table.get(layer_id, {})

    def twin(self, public_id: str) -> Holiday | None:
        """The catalogue holiday whose ``statutory_as`` names ``public_id`` (``public-good-friday``)."""
        return self._index("_twins").get(public_id)

    @property
    def twins(self) -> Mapping[str, Holiday]:
        """Every ``statutory_as`` id with its catalogue holiday."""
        return self._index("_twins")

    @property
    def traditions(self) -> tuple[str, ...]:
        """Traditions in canonical order that have at least one holiday."""
        present = {h.tradition for h in self.holidays}
        return tuple(t for t in self.tradition_ids if t in present)

    @property
    def tradition_ids(self) -> tuple[str, ...]:
        """Every tradition of ``traditions.yaml``, in its order (with or without holidays)."""
        return self.reference.tradition_ids


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
            problems.append(
                f"'{key}' contains the internal label {label!r}; cite the public source (publisher, title, link)"
            )
    url = item.get("url")
    if url is not None and not valid_url(url):
        problems.append(f"'url' {url!r} is not an http(s) address such as https://example.org/page")
    for problem in problems:
        error(problem)
    if problems:
        return None
    return Source(" ".join(item["publisher"].split()), " ".join(item["title"].split()), url)
