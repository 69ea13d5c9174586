"""iCalendar feeds: ``/feeds/all.ics``, ``/feeds/<tradition>.ics`` and
``/holiday/<id>.ics`` (one holiday's next dates, "add to calendar").

Feeds cover 1 January of last year to 31 December three years ahead
(``ical.feed_window``). Built bodies are cached per parameter set and window
(and their serialised bytes on disk, by content: ``ical.content_key``),
carry a strong ETag (a hash of the bytes) and answer ``If-None-Match`` with 304.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from flask import Blueprint, Response, current_app, request

from .. import diskcache, layers
from ..ical import build_calendar, feed_window
from . import holiday_or_404, i18n, params, state
from .school_display import land_name
from .urls import absolute

if TYPE_CHECKING:
    from ..engine import Occurrence
    from ..places import Place

bp = Blueprint("feeds", __name__)
NEXT_YEARS = 5


def _holiday_link(query: params.Query) -> Callable[[Occurrence], str | None]:
    extra = {"lang": query.lang} if "lang" in query.explicit else {}
    links: dict[str, str | None] = {}  # per build: a feed names each holiday once a year

    def link(occ: Occurrence) -> str | None:
        if occ.id not in links:
            # public holidays and school breaks (state=) have no detail page
            links[occ.id] = (
                absolute("pages.holiday", holiday_id=occ.id, **extra) if occ.tradition not in layers.LAYERS else None
            )
        return links[occ.id]

    return link


def _calendar_response(build: Callable[[], bytes], filename: str, disposition: str = "inline") -> Response:
    """The built feed with its ETag. Stored once, by the response cache (``web.cache``), not here."""
    body = build()
    etag = hashlib.sha256(body).hexdigest()[:32]
    response = Response(body, content_type="text/calendar; charset=utf-8")
    response.set_etag(etag)
    response.headers["Cache-Control"] = f"public, max-age={current_app.config['FEED_MAX_AGE']}"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return cast(Response, response.make_conditional(request))  # werkzeug types it as its own Response


def feed_name(query: params.Query, path_tradition: str | None = None) -> str:
    """The calendar's name (X-WR-CALNAME) in the request's language; the subscribe page passes it on
    to Outlook, so both say the same."""
    if path_tradition is not None:
        name = f"{i18n.gettext('Intercultural calendar')} – {i18n.tradition_name(path_tradition)}"
    elif query.traditions:
        name = f"{i18n.gettext('Intercultural calendar')} – " + " / ".join(
            i18n.tradition_name(t) for t in state().engine.all_traditions if t in query.traditions
        )
    else:
        name = i18n.gettext("Intercultural calendar")
    if query.state:
        name += f" – {land_name(query.state)}"
    return name


def _feed(path_tradition: str | None) -> Response:
    query = params.parse_query()
    traditions = query.traditions
    if path_tradition is not None:
        traditions = frozenset({path_tradition}) & (traditions or frozenset({path_tradition}))
    start, end = feed_window(params.today())
    name = feed_name(query, path_tradition)
    config = current_app.config

    def build() -> bytes:
        found = state().engine.occurrences(
            start,
            end,
            traditions=traditions,
            categories=query.categories,
            islamic=query.islamic,
            jewish=query.jewish,
            state=query.state,
        )
        return build_calendar(
            found,
            lang=query.lang,
            catalogue=state().catalogue,
            name=name,
            uid_domain=config["UID_DOMAIN"],
            link_for=_holiday_link(query),
            history=state().history,
            place=_evening_place(query),
            store=_store(),
        )

    return _calendar_response(build, f"interkultur-{path_tradition or 'all'}.ics")


def _store() -> Callable[[str, Callable[[], bytes]], bytes] | None:
    """Serialised feeds kept on disk by content (``diskcache.cached_value``): a restarted service, and
    each worker after the first, finds the feeds it renders before serving there. Not while
    exporting: a static export writes hundreds of feeds once, which would only churn the cache."""
    if current_app.config.get("STATIC_EXPORT"):
        return None
    return functools.partial(diskcache.cached_value, "feed")


def _evening_place(query: params.Query) -> Place | None:
    """The place whose sunsets a feed adds as timed events: only when the request names one."""
    return query.place if "place" in query.explicit else None


@bp.get("/feeds/all.ics")
def all_traditions() -> Response:
    return _feed(None)


@bp.get("/feeds/<tradition>.ics")
def tradition(tradition: str) -> Response:
    if tradition not in state().engine.all_traditions:  # public and school-break (with state=) too
        raise params.WebError(404, params.MSG_NO_TRADITION, "tradition")
    return _feed(tradition)


@bp.get("/holiday/<holiday_id>.ics")
def holiday(holiday_id: str) -> Response:
    query = params.parse_query()
    found = holiday_or_404(holiday_id)
    today = params.today()
    config = current_app.config

    def build() -> bytes:
        upcoming = state().engine.upcoming(
            found.id, today, count=NEXT_YEARS, islamic=query.islamic, jewish=query.jewish, state=query.state
        )
        return build_calendar(
            upcoming,
            lang=query.lang,
            catalogue=state().catalogue,
            name=found.name(query.lang),
            description=found.description(query.lang),
            uid_domain=config["UID_DOMAIN"],
            link_for=_holiday_link(query),
            history=state().history,
            place=_evening_place(query),
        )

    return _calendar_response(build, f"{found.id}.ics", "attachment")
