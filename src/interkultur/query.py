"""A query, parsed and validated once, for the CLI and the HTTP service alike.

Every view asks the engine the same question: which days, which traditions,
which observance profiles (Islamic, Jewish), which language, which Land. This
module owns the decisions about those inputs: the supported years, how a date
is read (``inputs.parse_date``), how a Land is named (``laender``), the range
order. Views receive a ``Query`` (or the values checked here) and re-check
nothing. Errors are ``QueryError``: an English gettext id with ``%(name)s``
placeholders (the HTTP service translates it), and ``detail``, the one-line
English text the CLI prints. Raw input appears at most ``inputs.SHOWN``
characters long.

No Flask here: ``web.params`` reads the request and maps a ``QueryError`` to
its ``WebError``; ``cli`` reads argv and maps it to a usage error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from . import inputs, laender
from .catalog import MAX_YEAR, MIN_YEAR
from .places import Place
from .records import field, record


def N_(message: str) -> str:
    """Mark a gettext id (extracted by babel; translated where it is shown)."""
    return message


MSG_YEAR = N_("The parameter “%(parameter)s” must be a year from %(min)s to %(max)s.")
MSG_DATE = N_("The parameter “%(parameter)s” must be a date in the form YYYY-MM-DD.")
MSG_DATE_DAY = N_(
    "The parameter “%(parameter)s” must be a date in the form YYYY-MM-DD that exists: "
    "%(year)s-%(month)s has only %(days)s days."
)
MSG_ORDER = N_("“from” must not be after “to”.")
MSG_UNKNOWN = N_("Unknown value for the parameter “%(parameter)s”. Allowed values: %(allowed)s.")


class QueryError(ValueError):
    """An unusable query: ``message`` (gettext id), ``parameter`` and the placeholders' ``variables``.

    ``str()`` is ``detail``, the short English sentence the CLI prints.
    """

    def __init__(self, message: str, parameter: str | None, detail: str, **variables: Any):
        super().__init__(detail)
        self.message = message
        self.parameter = parameter
        self.detail = detail
        self.variables = {"parameter": parameter, **variables}

    def english(self) -> str:
        """The gettext id filled in, untranslated (what the API sends)."""
        return self.message % self.variables


def check_year(year: int, parameter: str = "year") -> int:
    """``year`` if the engine covers it (1900-2100): the one place that decides."""
    if not inputs.supported_year(year):
        raise QueryError(
            MSG_YEAR,
            parameter,
            f"year {year} is outside the supported range {MIN_YEAR}-{MAX_YEAR}",
            min=MIN_YEAR,
            max=MAX_YEAR,
        )
    return year


def parse_date(text: str, parameter: str, *, iso_only: bool = False) -> date:
    """``text`` as a date (``inputs.parse_date``; ISO only for machines), or QueryError naming ``parameter``."""
    try:
        return inputs.parse_date(text, iso_only=iso_only)
    except inputs.DateInputError as exc:
        if exc.kind == "year":
            raise QueryError(MSG_YEAR, parameter, str(exc), min=MIN_YEAR, max=MAX_YEAR) from None
        if exc.kind == "day":
            raise QueryError(
                MSG_DATE_DAY, parameter, str(exc), year=exc.year, month=f"{exc.month:02d}", days=exc.days
            ) from None
        raise QueryError(MSG_DATE, parameter, str(exc)) from None


def check_range(start: date, end: date, first: str = "from", last: str = "to") -> tuple[date, date]:
    """Both ends in the supported years and in order (inclusive)."""
    check_year(start.year, first)
    check_year(end.year, last)
    if start > end:
        raise QueryError(MSG_ORDER, first, f"--{first} {start} is after --{last} {end}")
    return start, end


def choose(value: str, allowed: Iterable[str], parameter: str) -> str:
    """``value`` if it is one of ``allowed`` (a language, an observance profile), else QueryError."""
    allowed = tuple(allowed)
    if value not in allowed:
        raise QueryError(
            MSG_UNKNOWN,
            parameter,
            f"unknown {parameter} {inputs.shown(value)}; allowed: {', '.join(allowed)}",
            allowed=", ".join(allowed),
        )
    return value


def choose_all(values: Iterable[str], allowed: Iterable[str], parameter: str) -> tuple[str, ...]:
    """Each of ``values`` checked by ``choose``, duplicates dropped, order kept."""
    allowed = tuple(allowed)
    return tuple(dict.fromkeys(choose(v, allowed, parameter) for v in values))


def land(text: str | None, parameter: str = "state") -> str | None:
    """A Land as any accepted form names it (``laender.resolve``) -> its code; None when not given."""
    if text is None:
        return None
    try:
        return laender.require(text)
    except ValueError as exc:
        raise QueryError(MSG_UNKNOWN, parameter, str(exc), allowed=", ".join(laender.CODES)) from None


def clamp_years(first: int, last: int) -> range:
    """The years ``first``..``last`` that the engine covers (feed windows, default export years)."""
    return range(max(first, MIN_YEAR), min(last, MAX_YEAR) + 1)


@record
class Query:
    """The common parameters: ``lang``, ``tradition``, ``islamic``, ``jewish``, ``state`` (and ``dual``).

    Built from a request by ``web.params.parse_query``; ``explicit`` keeps what
    the request named (validated), to be carried into links.
    """

    lang: str
    traditions: frozenset[str] | None
    islamic: str
    jewish: str
    dual: tuple[str, ...] = ()
    explicit: Mapping[str, str] = field(default_factory=dict)
    #: German Land (bare code): adds its public holidays and school breaks, narrows ``school`` rules.
    state: str | None = None
    #: Catalogue categories to keep (None: all).
    categories: frozenset[str] | None = None
    #: Only the editors' default view: pages a reader opens without choosing traditions or categories.
    default_view: bool = False
    #: Where evenings begin (``place=``): sunset on ``eve`` is given there (``evening.eve_at``).
    place: Place | None = None

    def engine_kwargs(self) -> dict[str, Any]:
        return {
            "traditions": self.traditions,
            "islamic": self.islamic,
            "jewish": self.jewish,
            "state": self.state,
            "categories": self.categories,
            "default_view": self.default_view,
        }

    def link_args(self, **extra: Any) -> dict[str, str]:
        """The parameters to carry into links, as the request gave them (validated); None drops one."""
        args = dict(self.explicit)
        for key, value in extra.items():
            if value is None:
                args.pop(key, None)
            else:
                args[key] = value
        return args
