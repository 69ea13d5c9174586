"""The engine: occurrences of catalogue holidays for a date range.

Views (CLI, web, iCal) ask the engine and never compute dates themselves.
Occurrences are computed per (Gregorian year, Islamic profile, Jewish variant)
and cached, so a month widget or a ten-year feed reuses the same year lists.

A Land's statutory holiday that is also a catalogue holiday (the catalogue's
``statutory_as`` names it) is one occurrence, not two: the catalogue's, with
``statutory`` naming the Land. Only statutory days without a catalogue twin
(German Unity Day) stay ``public-*`` occurrences of the ``public`` layer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from operator import attrgetter
from typing import Any, NamedTuple, cast

from . import layers, query
from .calendars.hijri import DEFAULT_PROFILE, DEFAULT_SIGHTING_BASE, PROFILES, profiles
from .catalog import LAENDER, MAX_YEAR, MIN_YEAR, WHOLE_MONTH, Catalogue, DatedYear, Holiday
from .occurrence import Occurrence as Occurrence  # re-exported: the views import it from here
from .records import replace
from .rules import DEFAULT_JEWISH, JEWISH_VARIANTS, Context, Rule

ISLAMIC_PROFILES: tuple[str, ...] = tuple(PROFILES)


_ONE_DAY = timedelta(days=1)
#: ``_SPANS[n]`` is the distance from the first to the last day of an n-day feast.
_SPANS: tuple[timedelta, ...] = (timedelta(0), *(timedelta(days=n - 1) for n in range(1, 400)))


_START = attrgetter("start")


class _Planned(NamedTuple):
    """What the engine needs of a holiday under one Jewish variant, looked up once."""

    holiday: Holiday
    rule: Rule
    days: int | str
    since: int
    until: int
    evening: bool
    dated: Mapping[int, DatedYear]


def _plan_holiday(holiday: Holiday, jewish: str) -> Iterator[_Planned]:
    """One plan entry per dated rule variant (a single one for an undated rule).

    Each entry carries the years its rule is in force, clipped to the
    holiday's own ``since``/``until``, so the year loop stays one comparison.
    """
    since = holiday.since if holiday.since is not None else MIN_YEAR - 1
    until = holiday.until if holiday.until is not None else MAX_YEAR + 1
    days, evening, dated = holiday.days_for(jewish), holiday.starts_evening_before, holiday.dated
    if not holiday.eras:
        yield _Planned(holiday, holiday.rule_for(jewish), days, since, until, evening, dated)
        return
    for era in holiday.eras:
        first = max(since, era.since) if era.since is not None else since
        last = min(until, era.until) if era.until is not None else until
        if first <= last:
            yield _Planned(holiday, era.rule_for(jewish), days, first, last, evening, dated)


class InvalidQuery(ValueError):
    """A query the engine cannot answer; ``parameter`` names the culprit for API errors."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


class _StatutoryYear(NamedTuple):
    """A year of the ``public`` layer for one state (None: nationwide), merged with the catalogue.

    ``alone``: the public holidays without a catalogue twin (``public-*``);
    ``merged``: each catalogue occurrence starting in the year that is
    statutory, keyed by itself, with ``statutory`` filled in.
    """

    alone: tuple[Occurrence, ...]
    merged: Mapping[Occurrence, Occurrence]


def check_year(year: int, parameter: str = "year") -> int:
    """``query.check_year``, raised as the engine's InvalidQuery (a guard for library callers)."""
    try:
        return query.check_year(year, parameter)
    except query.QueryError as exc:
        raise InvalidQuery(parameter, exc.detail) from None


class Engine:
    """Occurrences of a catalogue's holidays under chosen observance variants."""

    def __init__(self, catalogue: Catalogue, sighting_base: str | None = None):
        """``sighting_base``: the profile ``sighting`` follows by a day (configuration, passed in)."""
        self.catalogue = catalogue
        self.profiles = PROFILES if sighting_base in (None, DEFAULT_SIGHTING_BASE) else profiles(sighting_base)
        self._years: dict[tuple[int, str, str], tuple[Occurrence, ...]] = {}
        self._contexts: dict[tuple[str, str], Context] = {}
        #: Holidays in id order: a stable sort by start date then yields (start, id) order.
        self._by_id: tuple[Holiday, ...] = tuple(sorted(catalogue.holidays, key=attrgetter("id")))
        self._plans: dict[str, tuple[_Planned, ...]] = {}
        self._statutory: dict[tuple[str | None, int, str, str], _StatutoryYear] = {}
        #: Generated layer holidays with the overlays' names, per generated object (kept alive here).
        self._layer_holidays: dict[int, tuple[Holiday, Holiday]] = {}

    # -- validation shared by every view -------------------------------------------------
    @property
    def all_traditions(self) -> tuple[str, ...]:
        """Everything a ``tradition=`` filter accepts: the catalogue's traditions and the generated layers."""
        return self.catalogue.tradition_ids + layers.LAYERS

    def check_traditions(self, traditions: Iterable[str] | None) -> frozenset[str] | None:
        if traditions is None:
            return None
        chosen = frozenset(t for t in traditions if t)
        unknown = sorted(chosen - set(self.all_traditions))
        if unknown:
            raise InvalidQuery(
                "tradition", f"unknown tradition {', '.join(unknown)}; allowed: {', '.join(self.all_traditions)}"
            )
        return chosen or None

    @staticmethod
    def check_state(state: str | None) -> str | None:
        try:
            return query.land(state)
        except query.QueryError as exc:
            raise InvalidQuery("state", exc.detail) from None

    @staticmethod
    def check_variants(islamic: str, jewish: str) -> None:
        if islamic not in PROFILES:
            raise InvalidQuery("islamic", f"unknown Islamic profile {islamic}; allowed: {', '.join(ISLAMIC_PROFILES)}")
        if jewish not in JEWISH_VARIANTS:
            raise InvalidQuery("jewish", f"unknown Jewish variant {jewish}; allowed: {', '.join(JEWISH_VARIANTS)}")

    # -- computation ---------------------------------------------------------------------
    def year(self, year: int, islamic: str = DEFAULT_PROFILE, jewish: str = DEFAULT_JEWISH) -> tuple[Occurrence, ...]:
        """Every occurrence that *starts* in Gregorian ``year``, sorted by (start, id). Cached."""
        key = (year, islamic, jewish)
        cached = self._years.get(key)
        if cached is None:
            cached = self._years[key] = self._compute_year(year, islamic, jewish)
        return cached

    def _context(self, islamic: str, jewish: str) -> Context:
        """One context per variant pair: rules memoise per context, and the same
        object makes every memo lookup an identity hit."""
        key = (islamic, jewish)
        ctx = self._contexts.get(key)
        if ctx is None:
            ctx = self._contexts[key] = Context(islamic=self.profiles[islamic], jewish=jewish)
        return ctx

    def _plan(self, jewish: str) -> tuple[_Planned, ...]:
        """Each holiday's rule, duration and span of years under a Jewish variant, in id order."""
        plan = self._plans.get(jewish)
        if plan is None:
            plan = self._plans[jewish] = tuple(p for h in self._by_id for p in _plan_holiday(h, jewish))
        return plan

    def _compute_year(self, year: int, islamic: str, jewish: str) -> tuple[Occurrence, ...]:
        """Every occurrence starting in ``year``: the engine's innermost loop.

        A long range runs this for 118 holidays x 200 years, so what does not
        change with the year (rule, duration, span) comes from ``_plan`` and
        the occurrences are appended in one pass over each rule's starts.
        """
        ctx = self._context(islamic, jewish)
        found: list[Occurrence] = []
        append = found.append
        for holiday, rule, days, since, until, evening, dated in self._plan(jewish):
            if year < since or year > until:
                continue
            if dated:  # an authority sets the dates; for other years the rule only guesses
                fixed = dated.get(year)
                if fixed is not None:
                    first = fixed.start
                    last = fixed.end or first + _SPANS[cast(int, (days if days != WHOLE_MONTH else 0) or 30)]
                    append(Occurrence(holiday, first, last, first - _ONE_DAY if evening else None, False))
                    continue
            for start in rule.starts(year, ctx):
                first = start.date
                length = cast(int, (start.month_length if days == WHOLE_MONTH else days) or 30)
                append(
                    Occurrence(
                        holiday,
                        first,
                        first + _SPANS[length],
                        first - _ONE_DAY if evening else None,
                        start.estimated or bool(dated),
                    )
                )
        found.sort(key=_START)  # stable: equal starts stay in id order
        return tuple(found)

    # -- statutory twins -----------------------------------------------------------------
    def statutory_year(
        self, state: str | None, year: int, islamic: str = DEFAULT_PROFILE, jewish: str = DEFAULT_JEWISH
    ) -> _StatutoryYear:
        """The public holidays of ``state`` (None: nationwide) in ``year``, merged with their twins. Cached."""
        key = (state, year, islamic, jewish)
        cached = self._statutory.get(key)
        if cached is None:
            cached = self._statutory[key] = self._merge_statutory(state, year, islamic, jewish)
        return cached

    def _claims(
        self, state: str | None, year: int, islamic: str, jewish: str
    ) -> tuple[dict[Occurrence, list[date]], list[Occurrence]]:
        """Each public holiday of ``year`` matched to the catalogue occurrence that is its twin.

        The twin is the occurrence of the holiday whose ``statutory_as`` names
        the public id and whose days include the date (it may have started the
        year before). Returns (twin occurrence -> its statutory dates, public
        holidays without a twin).
        """
        rows = self.layer_year(layers.PUBLIC, state, year)
        claims: dict[Occurrence, list[date]] = {}
        alone: list[Occurrence] = []
        if not rows:
            return claims, alone
        twins: dict[str, list[Occurrence]] = {}
        for previous_or_this in (year - 1, year):
            if previous_or_this < MIN_YEAR:
                continue
            for occ in self.year(previous_or_this, islamic, jewish):
                if occ.holiday.statutory_as:
                    twins.setdefault(occ.holiday.id, []).append(occ)
        for row in rows:
            twin = self.catalogue.twin(row.id)
            host = next((o for o in twins.get(twin.id, ()) if o.covers(row.start)), None) if twin else None
            if host is None:
                alone.append(row)
            else:
                claims.setdefault(host, []).append(row.start)
        return claims, alone

    def _merge_statutory(self, state: str | None, year: int, islamic: str, jewish: str) -> _StatutoryYear:
        lands = (state,) if state is not None else LAENDER  # without a state: the nationwide holidays
        claims, alone = self._claims(state, year, islamic, jewish)
        hosts = {occ: days for occ, days in claims.items() if occ.start.year == year}
        if year < MAX_YEAR and any(
            o.end.year > year for o in self.year(year, islamic, jewish) if o.holiday.statutory_as
        ):
            # a twin reaching into the next year may have statutory days there too
            for occ, days in self._claims(state, year + 1, islamic, jewish)[0].items():
                if occ.start.year == year:
                    hosts.setdefault(occ, []).extend(days)
        merged = {
            occ: occ._replace(statutory=lands, statutory_days=tuple(sorted({occ.day_of_feast(d) for d in days})))
            for occ, days in hosts.items()
        }
        return _StatutoryYear(tuple(o._replace(statutory=lands) for o in alone), merged)

    # -- queries -------------------------------------------------------------------------
    def occurrences(
        self,
        start: date,
        end: date,
        traditions: Iterable[str] | None = None,
        islamic: str = DEFAULT_PROFILE,
        jewish: str = DEFAULT_JEWISH,
        ids: Iterable[str] | None = None,
        state: str | None = None,
        categories: Iterable[str] | None = None,
        default_view: bool = False,
    ) -> list[Occurrence]:
        """Occurrences with at least one day in ``[start, end]``, sorted by (start, id).

        With a ``state`` (Land), that Land's public holidays and school breaks
        are included as the traditions ``public`` and ``school-break``; a
        filter naming ``public`` without a state gives the nationwide holidays.
        A public holiday with a catalogue twin is that twin's occurrence, with
        ``statutory`` set; it matches its own tradition and ``public`` alike.
        ``categories`` keeps catalogue holidays of those categories;
        ``default_view`` only those an editor put in the default view
        (``Holiday.in_default_view``). Neither filters the Land layers.
        """
        check_year(start.year, "from")
        check_year(end.year, "to")
        if start > end:
            raise InvalidQuery("from", f"the range starts ({start}) after it ends ({end})")
        chosen = self.check_traditions(traditions)
        self.check_variants(islamic, jewish)
        state = self.check_state(state)
        wanted_ids = frozenset(ids) if ids is not None else None
        wanted_categories = frozenset(categories) if categories is not None else None
        # with a state, a catalogue holiday carries the Land's statutory status even when
        # the filter leaves out the public layer; without one, only when it asks for it
        public_wanted = chosen is not None and layers.PUBLIC in chosen
        merging = state is not None or public_wanted
        out: list[Occurrence] = []
        for layer in self._layers_wanted(chosen, state):
            for year in range(start.year - 1, end.year + 1):
                found = (
                    self.statutory_year(state, year, islamic, jewish).alone
                    if layer == layers.PUBLIC
                    else self.layer_year(layer, state, year)
                )
                for occ in found:
                    if occ.start <= end and occ.end >= start and (wanted_ids is None or occ.id in wanted_ids):
                        out.append(occ)
        # a feast starting late in the previous year (Hanukkah, Ramadan) may reach into the range
        for year in range(start.year - 1, end.year + 1):
            merged = self.statutory_year(state, year, islamic, jewish).merged if merging else None
            for occ in self.year(year, islamic, jewish):
                if occ.start > end or occ.end < start:
                    continue
                if wanted_ids is not None and occ.id not in wanted_ids:
                    continue
                if wanted_categories is not None and occ.holiday.category not in wanted_categories:
                    continue
                if default_view and not occ.holiday.in_default_view:
                    continue
                if merged and occ.holiday.statutory_as:
                    occ = merged.get(occ, occ)
                if chosen is not None and occ.tradition not in chosen and not (public_wanted and occ.statutory):
                    continue
                out.append(occ)
        if state is not None or (chosen and chosen & set(layers.LAYERS)):
            out.sort(key=lambda o: (o.start, o.id))
        return out

    @staticmethod
    def _layers_wanted(chosen: frozenset[str] | None, state: str | None) -> list[str]:
        if chosen is None:
            return list(layers.LAYERS) if state else []
        wanted = [layer for layer in layers.LAYERS if layer in chosen]
        if layers.SCHOOL_BREAK in wanted and state is None:
            raise InvalidQuery("state", "school breaks differ per Land: give a state such as NW")
        return wanted

    def layer_year(self, layer: str, state: str | None, year: int) -> tuple[Occurrence, ...]:
        """Public holidays or school breaks (python-holidays) starting in ``year``, as generated.

        The ``public`` layer here still holds the days that have a catalogue
        twin; ``statutory_year`` gives it merged.
        """
        if year < 1991 or year > MAX_YEAR:  # python-holidays' DE starts in 1991
            return ()
        return tuple(
            Occurrence(self._localised_layer(h), first, last, None, False)
            for h, first, last in layers.spans(layer, state, year)
        )

    def _localised_layer(self, holiday: Holiday) -> Holiday:
        """A generated public holiday or school break with its names from the translation overlays."""
        found = self._layer_holidays.get(id(holiday))
        if found is None or found[0] is not holiday:
            if len(self._layer_holidays) > 8192:  # layers.spans makes new objects after its cache evicts
                self._layer_holidays.clear()
            extra = self.catalogue.layer_names(holiday.id)
            names = {**extra, **holiday.names} if extra else holiday.names
            found = (holiday, replace(holiday, names=names) if extra else holiday)
            self._layer_holidays[id(holiday)] = found
        return found[1]

    def on(self, day: date, **kwargs: Any) -> list[Occurrence]:
        """Occurrences whose days include ``day``."""
        return self.occurrences(day, day, **kwargs)

    def upcoming(
        self,
        holiday_id: str,
        after: date,
        count: int = 5,
        islamic: str = DEFAULT_PROFILE,
        jewish: str = DEFAULT_JEWISH,
        state: str | None = None,
    ) -> list[Occurrence]:
        """The next ``count`` occurrences of one holiday that end on or after ``after``.

        With a ``state``, those that are statutory in that Land say so (``statutory``).
        """
        self.check_variants(islamic, jewish)
        state = self.check_state(state)
        found: list[Occurrence] = []
        year = max(after.year, MIN_YEAR)
        while len(found) < count and year <= MAX_YEAR:
            mine = [o for o in self.year(year, islamic, jewish) if o.id == holiday_id and o.end >= after]
            if state is not None and mine and mine[0].holiday.statutory_as:
                merged = self.statutory_year(state, year, islamic, jewish).merged
                mine = [merged.get(o, o) for o in mine]
            found.extend(mine)
            year += 1
        return found[:count]
