"""The rule grammar: text -> Rule.

    rule     := [weekday-prefix] anchor [offset] {condition}
    weekday-prefix := [ORDINAL] WEEKDAY RELATION      e.g. "4th sunday before"
    RELATION := before | after | on or before | on or after
    offset   := +N | -N                                 days, e.g. "easter -2"
    condition:= if WEEKDAY[,WEEKDAY...] (+N | -N)       e.g. "if saturday +1"

Anchors (``12-25``, ``julian 12-25``, ``easter``, ``orthodox``,
``hebrew 15 Nisan``, ``hijri 1 Shawwal`` and the astronomical ones) are the
forms the modules of ``rules.calendars`` register in ``registry``; the grammar
knows none of them by name. The order is fixed: first the
anchor, then the weekday prefix, then the offset, then the conditions, each
conditions tested on the date reached so far.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cached_property

from ..calendars.weekdays import WEEKDAYS, nth_weekday, weekday_index
from ..records import field, record
from . import registry
from .base import Context, Rule, RuleSyntaxError, Start

_WEEKDAY = "|".join(WEEKDAYS)
_PREFIX = re.compile(rf"(?:(\d)(?:st|nd|rd|th) )?({_WEEKDAY}) (on or before|on or after|before|after) (.+)\Z")
_CONDITION = re.compile(rf" if ((?:{_WEEKDAY})(?:,(?:{_WEEKDAY}))*) ([+-]\d+)\Z")
_OFFSET = re.compile(r" ([+-]\d+)\Z")


@record
class WeekdayStep:
    """``Nth WEEKDAY RELATION``: move to a weekday relative to the date."""

    weekday: int
    relation: str
    nth: int

    def apply(self, d: date) -> date:
        return nth_weekday(d, self.weekday, self.relation, self.nth)


@record
class OffsetStep:
    """``+N`` / ``-N``: move by whole days."""

    days: int

    def apply(self, d: date) -> date:
        return d + timedelta(days=self.days)


@record
class ConditionStep:
    """``if saturday +1``: move only when the date falls on one of the weekdays."""

    weekdays: frozenset[int]
    days: int

    def apply(self, d: date) -> date:
        return d + timedelta(days=self.days) if d.weekday() in self.weekdays else d


Step = WeekdayStep | OffsetStep | ConditionStep


def _reach(step: Step) -> int:
    """How many days a step can move a date, at most, in either direction."""
    if isinstance(step, WeekdayStep):
        return 7 * step.nth
    return abs(step.days)


@record(repr=False)
class Composed(Rule):
    """An anchor followed by steps.

    Steps may carry a date across New Year (the Sunday after 28 December), so
    the anchor is evaluated for the neighbouring years too and only results
    inside the asked-for year are kept. A range of years asks for each anchor
    year three times, so the anchor's starts are memoised per (year, context)
    on the rule; neighbouring years' starts farther from New Year than the
    steps can move them are skipped unmoved.
    """

    anchor: Rule
    steps: tuple[Step, ...] = field(default=())
    text: str = ""
    _memo: dict[tuple[int, Context], tuple[Start, ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    @property
    def moon_sighted(self) -> bool:  # type: ignore[override]
        return self.anchor.moon_sighted

    @cached_property
    def reach(self) -> timedelta:
        """The farthest the steps together can move a date."""
        return timedelta(days=sum(_reach(step) for step in self.steps))

    def _anchor_starts(self, year: int, ctx: Context) -> tuple[Start, ...]:
        key = (year, ctx)
        found = self._memo.get(key)
        if found is None:  # a race only computes the same tuple twice
            found = self._memo[key] = tuple(self.anchor.starts(year, ctx))
        return found

    def starts(self, year: int, ctx: Context) -> list[Start]:
        found = []
        earliest, latest = date(year, 1, 1) - self.reach, date(year, 12, 31) + self.reach
        for anchor_year in (year - 1, year, year + 1):
            for start in self._anchor_starts(anchor_year, ctx):
                d = start.date
                if anchor_year != year and not earliest <= d <= latest:
                    continue
                for step in self.steps:
                    d = step.apply(d)
                if d.year == year:
                    found.append(Start(d, start.estimated, start.month_length))
        return found


def parse_anchor(text: str) -> Rule:
    """Parse an anchor alone (no offsets or conditions) with the form registered for it."""
    forms = registry.forms()
    for form in forms:
        m = form.pattern.match(text)
        if m:
            return form.parse(m)
    examples = ", ".join(f"'{form.example}'" for form in forms if form.example)
    raise RuleSyntaxError(
        f"cannot read rule {text!r}: expected a date such as {examples} (see the README section 'Rule grammar')"
    )


def parse_rule(text: str) -> Rule:
    """Parse one rule string of the catalogue; raise RuleSyntaxError naming the problem."""
    if not isinstance(text, str) or not text.strip():
        raise RuleSyntaxError("a rule must be a non-empty string")
    source = " ".join(text.split())
    rest = source.lower()

    conditions: list[Step] = []
    while m := _CONDITION.search(rest):
        weekdays = frozenset(weekday_index(w) for w in m[1].split(","))
        conditions.insert(0, ConditionStep(weekdays, int(m[2])))
        rest = rest[: m.start()]
    offset: list[Step] = []
    if m := _OFFSET.search(rest):
        offset.append(OffsetStep(int(m[1])))
        rest = rest[: m.start()]
    prefix: list[Step] = []
    if m := _PREFIX.match(rest):
        nth = int(m[1] or 1)
        if nth < 1:
            raise RuleSyntaxError("the ordinal of a weekday rule starts at 1st")
        prefix.append(WeekdayStep(weekday_index(m[2]), m[3], nth))
        rest = m[4]
    anchor = parse_anchor(rest)
    steps = tuple(prefix + offset + conditions)
    if not steps:
        return anchor
    return Composed(anchor, steps, text=source)
