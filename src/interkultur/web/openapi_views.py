"""The OpenAPI paths of the search, events, feeds and widget blueprints.

One function per blueprint (``web/search.py``, ``web/events.py``,
``web/feeds.py``, ``web/widget.py``); ``web.openapi`` puts them into the
document in this order, after the JSON API's paths (``web.openapi_api``).
The feeds answer ``text/calendar`` with validators and plain-text errors,
described here once (``_calendar_response``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..catalog import MAX_YEAR, MIN_YEAR
from .openapi_parts import DATE_SCHEMA, ERROR, common, date_params, param
from .params import DUAL_CALENDARS

#: How the feeds answer errors (``web.http.kind_of_route``: ``.ics`` paths get plain text).
_TEXT_ERROR = {
    "description": "Invalid input or unknown id (one line of plain text)",
    "content": {"text/plain": {"schema": {"type": "string"}}},
}
_VALIDATORS = {
    "ETag": {"schema": {"type": "string"}},
    "Last-Modified": {
        "schema": {"type": "string"},
        "description": "When the answer last changed (catalogue revisions, software, "
        "or the date where the content moves with it)",
    },
}


def _calendar_response(description: str) -> dict[str, Any]:
    return {
        "200": {
            "description": description,
            "headers": _VALIDATORS,
            "content": {"text/calendar": {"schema": {"type": "string"}}},
        },
        "304": {
            "description": "Not modified (If-None-Match matched the ETag, or nothing changed since If-Modified-Since)."
        },
        "400": _TEXT_ERROR,
        "404": _TEXT_ERROR,
    }


def search_paths() -> dict[str, Any]:
    """/api/v1/search."""
    return {
        "/api/v1/search": {
            "get": {
                "summary": "Holidays by any of their names in any language (case and diacritics ignored), "
                "best match first, each with its next occurrence",
                "parameters": [
                    param(
                        "q",
                        "Search text, 1 to 100 characters",
                        {"type": "string", "minLength": 1, "maxLength": 100},
                        required=True,
                    )
                ]
                + common(),
                "responses": {
                    "200": {
                        "description": "Results",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["results"],
                                    "properties": {
                                        "results": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "required": ["id", "name", "tradition", "next"],
                                                "properties": {
                                                    "id": {"type": "string"},
                                                    "name": {"type": "string"},
                                                    "tradition": {"type": "string"},
                                                    "next": {
                                                        "type": ["object", "null"],
                                                        "required": ["start", "end"],
                                                        "properties": {"start": DATE_SCHEMA, "end": DATE_SCHEMA},
                                                    },
                                                },
                                            },
                                        }
                                    },
                                }
                            }
                        },
                    },
                    "400": ERROR,
                },
            }
        },
    }


def event_paths() -> dict[str, Any]:
    """/api/v1/events and /feeds/events.ics (the configured events file)."""
    return {
        "/api/v1/events": {
            "get": {
                "summary": "Local events (the configured events file) on a date or overlapping a range",
                "parameters": common()
                + [
                    *date_params(),
                ],
                "responses": {
                    "200": {
                        "description": "Events, by start",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["events"],
                                    "properties": {
                                        "events": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "required": [
                                                    "id",
                                                    "title",
                                                    "start",
                                                    "end",
                                                    "location",
                                                    "url",
                                                    "lang",
                                                    "tradition",
                                                ],
                                                "properties": {
                                                    "id": {
                                                        "type": "string",
                                                        "description": "Stable UID (an .ics source keeps its own)",
                                                    },
                                                    "title": {"type": "string"},
                                                    "start": {
                                                        "type": "string",
                                                        "description": "YYYY-MM-DD, or ISO 8601 date-time "
                                                        "with UTC offset",
                                                    },
                                                    "end": {"type": ["string", "null"]},
                                                    "location": {"type": ["string", "null"]},
                                                    "url": {"type": ["string", "null"]},
                                                    "lang": {"type": ["string", "null"]},
                                                    "tradition": {"type": ["string", "null"]},
                                                },
                                            },
                                        }
                                    },
                                }
                            }
                        },
                    },
                    "400": ERROR,
                },
            }
        },
        "/feeds/events.ics": {
            "get": {
                "summary": "iCalendar feed of the local events",
                "parameters": common(),
                "responses": _calendar_response("RFC 5545 calendar"),
            }
        },
    }


def feed_paths(all_traditions: Iterable[str]) -> dict[str, Any]:
    """/feeds/all.ics, /feeds/{tradition}.ics (one of ``all_traditions``) and /holiday/{id}.ics."""
    return {
        "/feeds/all.ics": {
            "get": {
                "summary": "iCalendar feed of all traditions",
                "parameters": common(),
                "responses": _calendar_response("RFC 5545 calendar"),
            }
        },
        "/feeds/{tradition}.ics": {
            "get": {
                "summary": "iCalendar feed of one tradition",
                "parameters": [
                    param(
                        "tradition",
                        "Tradition id (school-break needs state)",
                        {"type": "string", "enum": list(all_traditions)},
                        "path",
                        True,
                    )
                ]
                + common(),
                "responses": _calendar_response("RFC 5545 calendar"),
            }
        },
        "/holiday/{id}.ics": {
            "get": {
                "summary": "One holiday's next dates as an 'add to calendar' file",
                "parameters": [param("id", "Holiday id", {"type": "string"}, "path", True)] + common(),
                "responses": _calendar_response("RFC 5545 calendar"),
            }
        },
    }


def widget_paths() -> dict[str, Any]:
    """/widget/{year}/{month}."""
    return {
        "/widget/{year}/{month}": {
            "get": {
                "summary": "The month widget (HTML, embeddable)",
                "parameters": [
                    param("year", "Year", {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}, "path", True),
                    param("month", "Month", {"type": "integer", "minimum": 1, "maximum": 12}, "path", True),
                ]
                + common()
                + [
                    param(
                        "dual",
                        "Also show these calendars' dates",
                        {"type": "string", "examples": [",".join(DUAL_CALENDARS)]},
                    )
                ],
                "responses": {
                    "200": {"description": "HTML", "content": {"text/html": {}}},
                    "400": {"description": "Invalid parameter (HTML page)"},
                },
            }
        },
    }
