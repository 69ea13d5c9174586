"""Local events over HTTP: ``/api/v1/events`` and ``/feeds/events.ics``.

The events come from the configured file (``INTERKULTUR_EVENTS``, read once at
start-up into ``state().events``); the widget's "Coming up" box reads the same
source. ``tradition=`` leaves out events that name another tradition and keeps
those that name none, as in the widget.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from flask import Blueprint, Response, current_app, jsonify

from .. import languages
from ..eventsfeed import build_events_calendar
from ..ical import feed_window
from . import i18n, params, state
from .feeds import _calendar_response

if TYPE_CHECKING:
    from ..events import Event

bp = Blueprint("events", __name__)


def _wanted(event: Event, traditions: Collection[str] | None) -> bool:
    return traditions is None or event.tradition is None or event.tradition in traditions


def heading(lang: str) -> str:
    """The box's heading in ``lang`` (the events file's ``heading``, else "Coming up")."""
    texts = state().events.heading
    for code in languages.chain(lang):
        if code in texts:
            return texts[code]
    return i18n.gettext("Coming up")


@bp.get("/api/v1/events")
def events() -> Response:
    query = params.parse_query()
    start, end = params.parse_range()
    chain = languages.chain(query.lang)
    found = [e.as_dict(chain) for e in state().events.between(start, end) if _wanted(e, query.traditions)]
    response = jsonify({"events": found})
    response.headers["Cache-Control"] = f"public, max-age={current_app.config['MAX_AGE']}"
    return response


@bp.get("/feeds/events.ics")
def feed() -> Response:
    query = params.parse_query()
    start, end = feed_window(params.today())
    source = state().events
    name = f"{i18n.gettext('Intercultural calendar')} – {heading(query.lang)}"

    def build() -> bytes:
        found = [e for e in source.between(start, end) if _wanted(e, query.traditions)]
        return build_events_calendar(
            found,
            lang=query.lang,
            chain=languages.chain(query.lang),
            name=name,
            uid_domain=current_app.config["UID_DOMAIN"],
            stamp=source.modified,
        )

    return _calendar_response(build, "interkultur-events.ics")
