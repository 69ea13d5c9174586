"""Parsing and validation of request parameters, shared by every blueprint.

Views call these helpers first and get either clean values or a ``WebError``
that names the parameter and, for choices, the allowed values. Messages are
English gettext ids with ``%(name)s`` placeholders: the API sends them in
English, HTML pages translate them. Raw input is never put into a message.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import unquote_to_bytes
from zoneinfo import ZoneInfo

from flask import current_app, g, request

from .. import inputs, places
from .. import query as query_
from ..calendars import hijri
from ..languages import DEFAULT_LANGUAGE, LANGUAGES
from ..query import Query as Query  # re-exported: the views annotate with params.Query
from ..query import QueryError
from ..rules import JEWISH_VARIANTS as JEWISH_VARIANTS  # re-exported for builder and subscribe
from .i18n import N_

if TYPE_CHECKING:
    from typing import TypeVar

    _T = TypeVar("_T")


def _app_state() -> Any:
    """The application's catalogue and engine (imported late: ``web`` imports this module)."""
    from . import state as app_state

    return app_state()


MAX_QUERY_BYTES = 8 * 1024
#: No route has a longer path; a longer one is answered 404 before any view runs.
MAX_PATH_CHARS = 512
#: A range query may span at most ten years (3 leap days included).
MAX_RANGE_DAYS = 10 * 365 + 3
DUAL_CALENDARS: tuple[str, ...] = ("hijri", "hebrew")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")

MSG_UNKNOWN = query_.MSG_UNKNOWN
MSG_DATE, MSG_DATE_DAY, MSG_YEAR, MSG_ORDER = query_.MSG_DATE, query_.MSG_DATE_DAY, query_.MSG_YEAR, query_.MSG_ORDER
MSG_MONTH = N_("The month must be a number from 1 to 12.")
MSG_SPAN = N_("A range may span at most 10 years.")
MSG_MISSING = N_("Give either “date” or both “from” and “to”.")
MSG_BOTH = N_("Give either “date” or “from” and “to”, not both.")
MSG_TOO_LONG = N_("The query string is too long (at most 8 KB).")
MSG_JUNK = N_("The request contains bytes or control characters that are not allowed.")
MSG_NOT_FOUND = N_("There is no page at this address.")
MSG_NO_HOLIDAY = N_("There is no holiday with this id.")
MSG_NO_TRADITION = N_("There is no feed for this tradition.")
MSG_METHOD = N_("This method is not allowed here.")
MSG_INTERNAL = N_("Something went wrong on our side. Please try again later.")
MSG_BAD_REQUEST = N_("The request could not be understood.")
MSG_BAD_HOST = N_("This service does not answer for the host name in this request.")
MSG_TOO_LARGE = N_("The request body is too large.")


class WebError(Exception):
    """An answer other than 200, with a message id and its variables."""

    def __init__(self, status: int, message: str, parameter: str | None = None, **variables: Any):
        super().__init__(message % {"parameter": parameter, **variables})
        self.status = status
        self.message = message
        self.parameter = parameter
        self.variables = {"parameter": parameter, **variables}

    def english(self) -> str:
        return self.message % self.variables

    @classmethod
    def bad(cls, exc: QueryError) -> WebError:
        """The 400 answer to a query that ``query`` refused (same message id and variables)."""
        variables = {k: v for k, v in exc.variables.items() if k != "parameter"}
        return cls(400, exc.message, exc.parameter, **variables)


def unknown(parameter: str, allowed: Iterable[str]) -> WebError:
    return WebError(400, MSG_UNKNOWN, parameter, allowed=", ".join(allowed))


def islamic_profiles() -> tuple[str, ...]:
    """Read at call time: other modules may register more profiles."""
    return tuple(hijri.PROFILES)


def check_request_shape() -> None:
    """Reject oversized query strings and binary junk before any view runs."""
    raw = request.query_string
    if len(raw) > MAX_QUERY_BYTES:
        raise WebError(400, MSG_TOO_LONG)
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        raise WebError(400, MSG_JUNK) from None
    for key, value in request.args.items(multi=True):
        if _CONTROL.search(key) or _CONTROL.search(value):
            raise WebError(400, MSG_JUNK)
    if _CONTROL.search(request.path) or len(request.path) > MAX_PATH_CHARS:
        raise WebError(404, MSG_NOT_FOUND)


def _arg(name: str) -> str | None:
    value = request.args.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def _checked(check: Callable[..., _T], *args: Any) -> _T:
    """``check(*args)`` (a ``query`` function), its QueryError answered as a 400."""
    try:
        return check(*args)
    except QueryError as exc:
        raise WebError.bad(exc) from None


def parse_language(negotiate: bool) -> str:
    lang = _arg("lang")
    if lang is not None:
        return _checked(query_.choose, lang, LANGUAGES, "lang")
    if negotiate:
        best = request.accept_languages.best_match(LANGUAGES)
        if best:
            return best
    return DEFAULT_LANGUAGE


def parse_list(name: str, allowed: Iterable[str]) -> tuple[str, ...] | None:
    """``name=a,b``, or ``name=a&name=b`` as an HTML form's checkboxes send it."""
    values = [value.strip() for value in request.args.getlist(name)]
    raw = ",".join(value for value in values if value)
    if not raw:
        return None
    chosen = [part.strip() for part in raw.split(",") if part.strip()]
    return _checked(query_.choose_all, chosen, allowed, name) or None


def parse_choice(name: str, allowed: Iterable[str], default: str) -> str:
    raw = _arg(name)
    if raw is None:
        return default
    return _checked(query_.choose, raw, allowed, name)


def parse_state() -> str | None:
    """``state=NW`` or ``state=DE-NW`` (any case) -> ``NW``; None when not given."""
    raw = _arg("state")
    if raw is None:
        return None
    return parse_land(raw)


def parse_land(raw: str) -> str:
    """A Land in any accepted form (``query.land``) -> its code, or a 400 naming the codes."""
    return cast(str, _checked(query_.land, raw))  # a text given is never None


def parse_query(negotiate: bool = False, dual: bool = False, reading: bool = False) -> Query:
    """The common parameters of the current request, validated.

    ``reading`` marks the pages a resident reads (widget, landing page, year
    page): with neither ``tradition=`` nor ``category=`` they show the
    editors' default view; ``category=all`` shows everything.
    """
    config = current_app.config
    lang = parse_language(negotiate)
    traditions = parse_list("tradition", _app_state().engine.all_traditions)
    category_ids = _app_state().catalogue.reference.category_ids
    chosen_categories = parse_list("category", (*category_ids, "all"))
    categories = None if not chosen_categories or "all" in chosen_categories else frozenset(chosen_categories)
    default_view = reading and not traditions and not chosen_categories
    islamic = parse_choice("islamic", islamic_profiles(), config["ISLAMIC"])
    jewish = parse_choice("jewish", JEWISH_VARIANTS, config["JEWISH"])
    duals = (parse_list("dual", DUAL_CALENDARS) or ()) if dual else ()
    state = parse_state()
    place = parse_place()
    explicit = {}
    for name, value in (
        ("lang", _arg("lang") and lang),
        ("tradition", traditions and ",".join(traditions)),
        ("islamic", _arg("islamic") and islamic),
        ("jewish", _arg("jewish") and jewish),
        ("dual", duals and ",".join(duals)),
        ("state", state),
        ("category", chosen_categories and ",".join(chosen_categories)),
        ("place", _arg("place") and place.id),
        ("tz", _arg("tz") and place.tz),
    ):
        if value:
            explicit[name] = value
    query = Query(
        lang,
        frozenset(traditions) if traditions else None,
        islamic,
        jewish,
        duals,
        explicit,
        state,
        categories,
        default_view,
        place,
    )
    g.lang, g.query = lang, query
    return query


def parse_place() -> places.Place:
    """``place=`` (an id of data/places.yaml, or ``LAT,LON``) and ``tz=``; the configured default
    place (``PLACE``) when neither is given. Coordinates come back rounded to three decimals."""
    try:
        return places.resolve(_arg("place"), _arg("tz"), _app_state().places, current_app.config["PLACE"])
    except places.PlaceError as exc:
        raise WebError(400, str(exc), exc.parameter) from None


def parse_date(name: str) -> date | None:
    """Strict ``YYYY-MM-DD`` (``inputs.parse_date(iso_only=True)``): the API never guesses day and month."""
    raw = _arg(name)
    if raw is None:
        return None
    try:
        return query_.parse_date(raw, name, iso_only=True)
    except QueryError as exc:
        raise WebError.bad(exc) from None


def check_year(year: int, parameter: str = "year") -> int:
    """``query.check_year`` for a path segment (``/year/<int:year>``)."""
    try:
        return query_.check_year(year, parameter)
    except QueryError as exc:
        raise WebError.bad(exc) from None


def check_month(month: int) -> int:
    if not 1 <= month <= 12:
        raise WebError(400, MSG_MONTH, "month")
    return month


def parse_range() -> tuple[date, date]:
    """``date=`` or ``from=`` + ``to=`` (inclusive, at most ten years)."""
    day, start, end = parse_date("date"), parse_date("from"), parse_date("to")
    if day is not None:
        if start is not None or end is not None:
            raise WebError(400, MSG_BOTH, "date")
        return day, day
    if start is None or end is None:
        raise WebError(400, MSG_MISSING, "to" if start is not None else "from" if end is not None else "date")
    if start > end:
        raise WebError(400, MSG_ORDER, "from")
    if (end - start).days >= MAX_RANGE_DAYS:
        raise WebError(400, MSG_SPAN, "to")
    return start, end


def marks_today() -> bool:
    """Whether pages mark today: not in a static export, which is read on other days."""
    return not current_app.config.get("STATIC_EXPORT")


def today() -> date:
    """Today in the configured time zone (``TIMEZONE``), or the fixed ``TODAY`` of a test."""
    return today_for(current_app.config)


def today_for(config: Mapping[str, Any]) -> date:
    """``today()`` for an app's ``config`` (``web.replay`` asks outside a request context)."""
    fixed = config.get("TODAY")
    if fixed:
        return fixed if isinstance(fixed, date) else inputs.parse_date(str(fixed), iso_only=True)
    return today_in(config["TIMEZONE"])


#: zone -> (first and last instant of the day, as Unix seconds, and the day): every cached answer's
#: key holds today, so the zone's clock is consulted once a day, not on every request.
_DAYS: dict[str, tuple[float, float, date]] = {}


def today_in(zone_name: str, now: float | None = None) -> date:
    """The date in ``zone_name`` at Unix time ``now`` (default: the clock)."""
    moment = time.time() if now is None else now
    known = _DAYS.get(zone_name)
    if known is not None and known[0] <= moment < known[1]:
        return known[2]
    zone = ZoneInfo(zone_name)
    day = datetime.fromtimestamp(moment, zone).date()
    begins = datetime.combine(day, datetime.min.time(), zone).timestamp()
    ends = datetime.combine(day + timedelta(days=1), datetime.min.time(), zone).timestamp()
    _DAYS[zone_name] = (begins, ends, day)  # one assignment: a racing thread stores the same
    return day


MSG_BAD_PARAMETER = N_("The parameter “%(parameter)s” has a value that cannot be used.")
