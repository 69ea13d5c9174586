"""Validation of one holiday entry of the catalogue, every mistake with its line."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..calendars.hijri import DEFAULT_PROFILE, PROFILES
from ..reference import ID_PATTERN, LANGUAGE_CODE, Reference
from ..rules import DEFAULT_JEWISH, JEWISH_VARIANTS, Context, Rule, RuleSyntaxError, parse_rule
from ..yamllines import LineMapping as _Mapping
from .model import (
    ERA_KEYS,
    LAENDER,
    LEAVE_KINDS,
    OPTIONAL_KEYS,
    REQUIRED_DESCRIPTION_LANGUAGES,
    REQUIRED_KEYS,
    REQUIRED_NAME_LANGUAGES,
    SCHOOL_KEYS,
    STATUTORY_ID,
    WHOLE_MONTH,
    DatedYear,
    Holiday,
    RuleEra,
    Source,
    internal_label,
    normalise_land,
    source_from,
)


class _EntryValidator:
    """Checks one holiday entry, collecting every error with its line."""

    def __init__(self, entry: Any, path: str, errors: list[str], reference: Reference):
        self.entry, self.path, self.errors, self.reference = entry, path, errors, reference
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
            self.error(
                "id" if "id" in entry else None, "missing or invalid 'id' (lowercase letters, digits and hyphens)"
            )
        for key in entry:
            if key not in REQUIRED_KEYS | OPTIONAL_KEYS:
                allowed = ", ".join(sorted(REQUIRED_KEYS | OPTIONAL_KEYS))
                self.error(key, f"unknown field (allowed: {allowed})")
        for key in sorted(REQUIRED_KEYS - set(entry)):
            self.error(None, f"missing required field {key!r}")

        tradition = self.choice("tradition", self.reference.tradition_ids)
        category = self.choice("category", self.reference.category_ids)
        known = self.reference.tradition(tradition) if tradition else None
        names = self.texts("names", REQUIRED_NAME_LANGUAGES + (known.name_languages if known else ()))
        descriptions = self.texts("description", REQUIRED_DESCRIPTION_LANGUAGES)
        notes = self.texts("notes", ()) if "notes" in entry else {}
        native = self.native() if "native" in entry else {}
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
        default_view = self.flag("default_view") if "default_view" in self.entry else None
        community = entry.get("community")
        if community is not None and not (isinstance(community, str) and ID_PATTERN.match(community)):
            self.error("community", "must be a lowercase slug such as 'orthodox' or 'shia'")
        elif (
            community is not None
            and known is not None
            and known.communities is not None
            and community not in known.communities
        ):
            self.error(
                "community",
                f"unknown community {community!r} of {tradition!r} "
                f"(allowed: {', '.join(known.communities)}; see traditions.yaml)",
            )
        sources = self.sources()
        self.check_labels(names, descriptions, notes, native)
        dated = self.dated()
        school = self.school()
        statutory_as = self.statutory_as()
        if len(self.errors) > count or tradition is None or category is None:
            return None
        return Holiday(
            id=str(hid),
            tradition=tradition,
            names=dict(names),
            descriptions=dict(descriptions),
            rules=rules,
            days=days,
            category=category,
            sources=sources,
            community=community,
            since=since,
            until=until,
            starts_evening_before=evening or night,
            night=night,
            dated=dated,
            school=dict(school),
            notes=dict(notes),
            statutory_as=statutory_as,
            line=entry.line,
            eras=eras,
            default_view=default_view,
            native=native,
        )

    def native(self) -> dict[str, str]:
        """``native: {he: ראש השנה}``: names in a community's own script, in languages of languages.yaml
        (whose direction the pages need)."""
        value = self.texts("native", ())
        known = [lang.code for lang in self.reference.languages.languages]
        for lang in list(value):
            if lang not in known:
                self.error(
                    "native",
                    f"unknown language {lang!r} (add it to languages.yaml with its direction; "
                    f"known: {', '.join(known)})",
                )
                del value[lang]
        return value

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
        found = [
            source_from(
                item,
                lambda message, n=n: self.error(
                    "sources", f"source {n}: {message}", lines[n - 1] if n <= len(lines) else None
                ),
            )
            for n, item in enumerate(value, 1)
        ]
        return tuple(s for s in found if s is not None)

    def check_labels(self, *texts: Mapping[str, str]) -> None:
        """Names, descriptions and notes are shown to users: no internal research labels."""
        for key, mapping in zip(("names", "description", "notes", "native"), texts):
            for lang, text in mapping.items():
                label = internal_label(text)
                if label:
                    self.error(
                        key,
                        f"the {lang!r} text contains the internal label {label!r}; "
                        "cite the public source in 'sources' instead",
                    )

    def statutory_as(self) -> tuple[str, ...]:
        """``statutory_as: public-good-friday`` or a list of such ids (Christmas: both days)."""
        value = self.entry.get("statutory_as")
        if value is None:
            return ()
        ids = value if isinstance(value, list) else [value]
        if not ids or not all(isinstance(i, str) and STATUTORY_ID.match(i) for i in ids):
            self.error(
                "statutory_as", "must be an id of a public holiday such as public-good-friday, or a list of them"
            )
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
        return None if value is None else str(value)

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
            if (
                previous is not None
                and previous.until is not None
                and era.since is not None
                and era.since <= previous.until
            ):
                self.error(
                    "rule",
                    f"dated rule from {era.since} overlaps the one until {previous.until}; "
                    "list them oldest first without overlap",
                    era.line,
                )
            eras.append(era)
        return tuple(eras) if len(eras) == len(items) else ()

    def era(self, item: Any, first: bool, last: bool) -> RuleEra | None:
        """One ``{since, until, rule}`` item of a ``rule:`` list, checked."""
        line = getattr(item, "line", self.entry.key_lines.get("rule", self.entry.line))
        if not isinstance(item, _Mapping) or "rule" not in item or not set(item) <= ERA_KEYS:
            self.error(
                "rule",
                "each dated rule must be a mapping {since: YEAR, until: YEAR, rule: RULE} with 'rule' required",
                line,
            )
            return None
        bounds: dict[str, int | None] = {}
        for key in ("since", "until"):
            value = item.get(key)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9999):
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

    def span_of_eras(
        self, eras: tuple[RuleEra, ...], since: int | None, until: int | None
    ) -> tuple[int | None, int | None]:
        """The holiday's years: its own ``since``/``until``, else those of its first and last era."""
        if not eras:
            return since, until
        if since is not None and eras[0].since is not None and eras[0].since < since:
            self.error(
                "rule", f"the first dated rule starts in {eras[0].since}, before 'since' ({since})", eras[0].line
            )
        if until is not None and eras[-1].until is not None and eras[-1].until > until:
            self.error("rule", f"the last dated rule ends in {eras[-1].until}, after 'until' ({until})", eras[-1].line)
        return (since if since is not None else eras[0].since, until if until is not None else eras[-1].until)

    def days(self) -> dict[str, int | str]:
        if "days" not in self.entry:
            return {"*": 1}
        days = self.variants("days", self.entry["days"], (int, str))
        for _variant, n in days.items():
            valid = n == WHOLE_MONTH or (isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 60)
            if not valid:
                self.error("days", f"must be a whole number of days from 1 to 60 or {WHOLE_MONTH!r}, not {n!r}")
        return days

    def check_whole_month(self, rules: dict[str, Rule], days: dict[str, int | str]) -> None:
        """``days: month`` needs a rule that lands in a month of varying length (hebrew, hijri, bahai)."""
        for variant, n in days.items():
            rule = rules.get(variant) or rules.get("*")
            if n != WHOLE_MONTH or rule is None:
                continue
            ctx = Context(islamic=PROFILES[DEFAULT_PROFILE], jewish=variant if variant != "*" else DEFAULT_JEWISH)
            if any(start.month_length is None for start in rule.starts(2000, ctx)):
                self.error(
                    "days",
                    f"{WHOLE_MONTH!r} needs a rule in a lunar month "
                    "(hebrew, hijri or bahai); give a number of days instead",
                )
                return

    def variants(self, key: str, value: Any, kind: type | tuple[type, ...], line: int | None = None) -> dict[str, Any]:
        """A plain value, or one per Jewish variant: ``{diaspora: 8, israel: 7}``."""
        if isinstance(value, dict):
            unknown = [k for k in value if k not in JEWISH_VARIANTS]
            if unknown:
                self.error(
                    key,
                    f"unknown variant(s) {', '.join(map(str, unknown))} (allowed: {', '.join(JEWISH_VARIANTS)})",
                    line,
                )
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
            if days is not None and not (
                isinstance(days, list)
                and days
                and all(isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 60 for d in days)
            ):
                self.error("school", f"{land}: 'days' must list feast days such as [1, 2]")
                continue
            note = rule.get("note")
            if note is not None and not isinstance(note, (str, dict)):
                self.error("school", f"{land}: 'note' must be a text or {{de: ..., en: ...}}")
                continue
            labels = [
                internal_label(t)
                for t in ([note] if isinstance(note, str) else (note or {}).values())
                if isinstance(t, str)
            ]
            if any(labels):
                label = next(x for x in labels if x)
                self.error(
                    "school",
                    f"{land}: the note contains the internal label {label!r}; "
                    "name the rule itself (e.g. 'BASS 12-52 Nr. 1') or its law",
                    getattr(rule, "line", None),
                )
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
            ok = (
                isinstance(year, int)
                and 1 <= len(days) <= 2
                and all(isinstance(d, date) and d.year in (year, year + 1) for d in days)
                and (len(days) == 1 or days[0] <= days[1])
            )
            if not ok:
                self.error("dates", f"year {year!r}: expected YYYY-MM-DD or [YYYY-MM-DD, YYYY-MM-DD] in that year")
                continue
            out[year] = DatedYear(days[0], days[1] if len(days) == 2 else None)
        return out
