"""Validation of one holiday entry of the catalogue, every mistake with its line.

The fields of a holiday and the ``Holiday`` they become; the checks of its rule
and days are in ``entryrules.py``, the shapes every field shares (and the error
with its line) in ``entryfields.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..reference import ID_PATTERN
from ..yamllines import LineMapping as _Mapping
from .entryrules import _RuleChecks
from .model import (
    LAENDER,
    LEAVE_KINDS,
    OPTIONAL_KEYS,
    REQUIRED_DESCRIPTION_LANGUAGES,
    REQUIRED_KEYS,
    REQUIRED_NAME_LANGUAGES,
    SCHOOL_KEYS,
    STATUTORY_ID,
    DatedYear,
    Holiday,
    Source,
    internal_label,
    normalise_land,
    source_from,
)


class _EntryValidator(_RuleChecks):
    """Checks one holiday entry, collecting every error with its line."""

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
