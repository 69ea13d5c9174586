"""When a holiday falls: the checks of its ``rule`` (plain, per Jewish variant, or dated eras) and ``days``.

Separate from ``entry.py`` (the other fields, and the ``Holiday`` they become)
because it is the one part of an entry's check that knows the rule grammar
(``rules.parse_rule``) and evaluates a rule (``days: month`` needs a month of
varying length).
"""

from __future__ import annotations

from typing import Any

from ..calendars.hijri import DEFAULT_PROFILE, PROFILES
from ..rules import DEFAULT_JEWISH, JEWISH_VARIANTS, Context, Rule, RuleSyntaxError, parse_rule
from ..yamllines import LineMapping as _Mapping
from .entryfields import _EntryChecks
from .model import ERA_KEYS, WHOLE_MONTH, RuleEra


class _RuleChecks(_EntryChecks):
    """The ``rule`` and ``days`` fields of one holiday entry, checked and parsed."""

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
