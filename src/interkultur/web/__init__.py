"""The web service: month widget, pages, JSON API and iCalendar feeds.

``create_app(config)`` is the only entry point (``interkultur serve`` and
``gunicorn 'interkultur.web:create_app()'`` both use it). Blueprints by area:
``widget`` (/widget, /embed.js), ``pages`` (/, /year, /holiday), ``api``
(/api, /healthz) and ``feeds`` (/feeds, /holiday/<id>.ics). Settings are
documented in ``web.config``; security headers and error pages in ``web.http``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from flask import Flask, current_app

from .. import revisions
from ..catalog import Catalogue, Holiday, load
from ..engine import Engine
from ..events import EventSource
from ..events import load_for as load_events
from ..places import Places
from ..places import for_catalogue as places_for
from ..places import shipped as places_shipped
from ..revisions import History
from ..rules import JEWISH_VARIANTS
from . import config as settings


@dataclass
class State:
    """Per-application objects shared by the blueprints."""

    catalogue: Catalogue
    engine: Engine
    #: What each holiday's feed events carry as DTSTAMP, LAST-MODIFIED and SEQUENCE.
    history: History
    #: Local events (``INTERKULTUR_EVENTS``): the widget's "Coming up" box, /api/v1/events, its feed.
    events: EventSource = field(default_factory=EventSource)
    #: The places ``place=`` names (the catalogue's own ``places.yaml``, else the shipped one).
    places: Places = field(default_factory=places_shipped)


def state() -> State:
    return cast(State, current_app.extensions["interkultur"])


def holiday_or_404(holiday_id: str) -> Holiday:
    """The catalogue entry for a route's id, or the 404 every route answers alike.

    The id of a public holiday that is merged into a catalogue holiday
    (``public-good-friday``, see ``statutory_as``) is an alias of that holiday:
    the routes answer with it (its own id in the answer), not with a redirect.
    """
    catalogue = state().catalogue
    found = catalogue.get(holiday_id) or catalogue.twin(holiday_id)
    if found is None:
        from . import params

        raise params.WebError(404, params.MSG_NO_HOLIDAY, "id")
    return found


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the Flask application; ``config`` overrides the environment and defaults."""
    from ..calendars import hijri

    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.config.update(settings.load(config))
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 86400
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    if app.config["ISLAMIC"] not in hijri.PROFILES:
        raise ValueError(
            f"INTERKULTUR_ISLAMIC: unknown profile {app.config['ISLAMIC']!r}; allowed: {', '.join(hijri.PROFILES)}"
        )
    if app.config["JEWISH"] not in JEWISH_VARIANTS:
        raise ValueError(
            f"INTERKULTUR_JEWISH: unknown variant {app.config['JEWISH']!r}; allowed: {', '.join(JEWISH_VARIANTS)}"
        )
    from zoneinfo import ZoneInfo

    try:  # fail at start-up, not on the first request
        ZoneInfo(app.config["TIMEZONE"])
    except (ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError; 'Europe' is a directory
        raise ValueError(
            f"INTERKULTUR_TIMEZONE: {str(app.config['TIMEZONE'])[:64]!r} is not an IANA time zone such as Europe/Berlin"
        ) from None
    except KeyError:
        raise ValueError(
            f"INTERKULTUR_TIMEZONE: {str(app.config['TIMEZONE'])[:64]!r} is not an IANA time zone such as Europe/Berlin"
        ) from None

    source = app.config["CATALOGUE"]
    catalogue = source if isinstance(source, Catalogue) else load(source)
    events = load_events(catalogue, app.config["TIMEZONE"], app.config["EVENTS"])  # EventsError: refuse to start
    table = places_for(catalogue.path)  # DataFileError with file and line: refuse to start
    if table.get(app.config["PLACE"]) is None:
        raise ValueError(f"INTERKULTUR_PLACE: unknown place {app.config['PLACE']!r}; see places.yaml or /api/v1/places")
    app.extensions["interkultur"] = State(
        catalogue,
        Engine(catalogue, sighting_base=app.config["SIGHTING_BASE"]),
        revisions.serving(catalogue),
        events,
        table,
    )

    from . import (
        api,
        builder,
        cache,
        feeds,
        http,
        pages,
        pdf,
        schools,
        search,
        subscribe,
        templating,
        traditions,
        widget,
    )
    from . import events as events_views

    templating.init_app(app)
    http.init_app(app)
    cache.init_app(app)  # after http: its request guard runs first, its headers are kept
    for module in (widget, pages, pdf, builder, subscribe, search, api, feeds, events_views, schools, traditions):
        app.register_blueprint(module.bp)
    return app


__all__ = ["create_app", "holiday_or_404", "state", "State"]
