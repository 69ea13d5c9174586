"""The OpenAPI 3.1 description of the service, built from the same constants
the views validate against (languages, traditions, profiles, variants)."""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..catalog import LAENDER, MAX_YEAR, MIN_YEAR
from ..languages import DEFAULT_LANGUAGE, LANGUAGES
from ..present import NATIVE_SCHEMA, occurrence_schema
from ..rules import JEWISH_VARIANTS
from . import openapi_schools as schools
from .params import DUAL_CALENDARS, islamic_profiles

_ERROR = {"$ref": "#/components/responses/Error"}


def _param(
    name: str, description: str, schema: dict[str, Any], where: str = "query", required: bool = False
) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "description": description, "schema": schema}


def _common() -> list[dict[str, Any]]:
    return [
        {"$ref": f"#/components/parameters/{n}"}
        for n in ("lang", "tradition", "category", "islamic", "jewish", "state", "place", "tz")
    ]


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
#: Tag descriptions, one per blueprint: an operation's tag is the blueprint of the view that serves it.
TAGS = {
    "api": "The JSON API: holidays, one holiday, traditions, health",
    "feeds": "iCalendar feeds (RFC 5545) and 'add to calendar' files",
    "widget": "The embeddable month widget (HTML)",
    "schools": "Date checks for schools and exam planning",
    "pages": "The HTML pages (landing page, year overview, holiday details)",
}
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


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


def _sample_path(path: str, parameters: list[dict[str, Any]]) -> str:
    """The documented path template with a value of each path parameter's type, for the router."""
    for parameter in parameters:
        if parameter.get("in") == "path":
            schema = parameter.get("schema", {})
            value = str(schema.get("minimum", 1)) if schema.get("type") == "integer" else "x"
            path = path.replace("{" + parameter["name"] + "}", value)
    return path


def name_operations(document: dict[str, Any]) -> None:
    """``operationId`` and ``tags`` of every operation from the view the server routes it to.

    The router decides (``url_map``), so a documented path or method the server
    does not serve fails here, when the document is built, instead of reaching a client.
    """
    from flask import current_app
    from werkzeug.exceptions import HTTPException

    adapter = current_app.url_map.bind("localhost")
    used: set[str] = set()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in _METHODS:
                continue
            sample = _sample_path(path, operation.get("parameters", []))
            try:
                endpoint, _ = adapter.match(sample, method=method.upper())
            except HTTPException as exc:
                raise RuntimeError(
                    f"OpenAPI documents {method.upper()} {path}, which the server does not serve ({exc.code})"
                ) from None
            blueprint, _, view = str(endpoint).rpartition(".")
            operation_id = f"{blueprint}_{view}" + ("" if method == "get" else f"_{method}")
            if operation_id in used:
                raise RuntimeError(f"OpenAPI: two operations would be {operation_id}")
            used.add(operation_id)
            operation["operationId"] = operation_id
            operation["tags"] = [blueprint]
    document["tags"] = [
        {"name": name, "description": text}
        for name, text in TAGS.items()
        if any(
            name in op.get("tags", ())
            for item in document["paths"].values()
            for op in item.values()
            if isinstance(op, dict)
        )
    ]


def openapi_document(server: str) -> dict[str, Any]:
    from . import state  # the catalogue's traditions (traditions.yaml) and the layers

    ALL_TRADITIONS = state().engine.all_traditions  # noqa: N806
    occurrence = occurrence_schema(ALL_TRADITIONS, LAENDER)
    holiday = {
        "type": "object",
        "required": ["id", "tradition", "community", "names", "descriptions", "category", "sources"],
        "properties": {
            "id": {"type": "string"},
            "tradition": {"type": "string"},
            "community": {"type": ["string", "null"]},
            "name": {"type": "string"},
            "names": {"type": "object", "additionalProperties": {"type": "string"}},
            "description": {"type": "string"},
            "descriptions": {"type": "object", "additionalProperties": {"type": "string"}},
            "category": {"type": "string"},
            "starts_evening_before": {"type": "boolean"},
            "night": {"type": "boolean"},
            "since": {"type": ["integer", "null"]},
            "until": {"type": ["integer", "null"]},
            "sources": {
                "type": "array",
                "description": "Public citations: who published what, and where.",
                "items": {"$ref": "#/components/schemas/Source"},
            },
            "native": NATIVE_SCHEMA,
            "url": {"type": "string", "format": "uri"},
        },
    }
    date_schema = {"type": "string", "format": "date"}
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "interkultur – Interkulturkalender API",
            "version": __version__,
            "description": "Holidays of many traditions for a date or a range (at most 10 years, "
            f"years {MIN_YEAR}–{MAX_YEAR}); iCalendar feeds; the embeddable widget.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": server}],
        "paths": {
            "/api/v1/holidays": {
                "get": {
                    "summary": "Holidays on a date or overlapping a range",
                    "parameters": _common()
                    + [
                        _param("date", "One day (YYYY-MM-DD). Alternative to from/to.", date_schema),
                        _param("from", "Range start, inclusive (with to).", date_schema),
                        _param("to", "Range end, inclusive; at most 10 years after from.", date_schema),
                    ],
                    "responses": {
                        "200": {
                            "description": "Occurrences sorted by start",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["holidays", "coverage"],
                                        "properties": {
                                            "holidays": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Occurrence"},
                                            },
                                            "coverage": {"$ref": "#/components/schemas/Coverage"},
                                        },
                                    }
                                }
                            },
                        },
                        "400": _ERROR,
                    },
                }
            },
            "/api/v1/holidays.csv": {
                "get": {
                    "summary": "The occurrences of /api/v1/holidays as CSV (UTF-8 with BOM): "
                    "id,tradition,name,start,end,eve,estimated,category",
                    "parameters": _common()
                    + [
                        _param("date", "One day (YYYY-MM-DD). Alternative to from/to.", date_schema),
                        _param("from", "Range start, inclusive (with to).", date_schema),
                        _param("to", "Range end, inclusive; at most 10 years after from.", date_schema),
                        _param(
                            "sep",
                            "comma (default) or semicolon (German Excel)",
                            {"type": "string", "enum": ["comma", "semicolon"]},
                        ),
                    ],
                    "responses": {
                        "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                        "400": _ERROR,
                    },
                }
            },
            "/api/v1/holidays/{id}": {
                "get": {
                    "summary": "One holiday with its next occurrences",
                    "parameters": [
                        _param(
                            "id",
                            "Holiday id; the id of a public holiday merged into a catalogue "
                            "holiday (public-good-friday) is an alias: the answer is that holiday "
                            "(good-friday), with a Link rel=canonical header",
                            {"type": "string"},
                            "path",
                            True,
                        )
                    ]
                    + _common(),
                    "responses": {
                        "200": {
                            "description": "The holiday",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["holiday", "next"],
                                        "properties": {
                                            "holiday": {"$ref": "#/components/schemas/Holiday"},
                                            "next": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Occurrence"},
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        "400": _ERROR,
                        "404": _ERROR,
                    },
                }
            },
            "/api/v1/traditions": {
                "get": {
                    "summary": "The traditions, with localised names",
                    "parameters": _common(),
                    "responses": {
                        "200": {
                            "description": "Traditions",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "traditions": {
                                                "type": "array",
                                                "items": {
                                                    "type": "object",
                                                    "required": ["id", "name"],
                                                    "properties": {
                                                        "id": {"type": "string"},
                                                        "name": {"type": "string"},
                                                        "holidays": {"type": "integer"},
                                                        "feed": {"type": "string", "format": "uri"},
                                                    },
                                                },
                                            }
                                        },
                                    }
                                }
                            },
                        },
                        "400": _ERROR,
                    },
                }
            },
            "/api/v1/languages": {
                "get": {
                    "summary": "The interface languages: code, name in the language itself, writing direction",
                    "parameters": _common(),
                    "responses": {
                        "200": {
                            "description": "Languages, in the order of languages.yaml",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["languages"],
                                        "properties": {
                                            "languages": {
                                                "type": "array",
                                                "items": {
                                                    "type": "object",
                                                    "required": ["code", "name", "dir"],
                                                    "properties": {
                                                        "code": {"type": "string", "enum": list(LANGUAGES)},
                                                        "name": {
                                                            "type": "string",
                                                            "description": "Endonym (Deutsch, Türkçe, العربية)",
                                                        },
                                                        "dir": {"type": "string", "enum": ["ltr", "rtl"]},
                                                    },
                                                },
                                            }
                                        },
                                    }
                                }
                            },
                        },
                        "400": _ERROR,
                    },
                }
            },
            "/api/v1/places": {
                "get": {
                    "summary": "The places whose sunset place= can give (data/places.yaml), names in lang",
                    "parameters": _common(),
                    "responses": {
                        "200": {
                            "description": "Places, in the order of places.yaml",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["places", "default"],
                                        "properties": {
                                            "default": {"type": "string"},
                                            "places": {
                                                "type": "array",
                                                "items": {
                                                    "type": "object",
                                                    "required": ["id", "name", "lat", "lon", "tz"],
                                                    "properties": {
                                                        "id": {"type": "string"},
                                                        "name": {"type": "string"},
                                                        "lat": {"type": "number"},
                                                        "lon": {"type": "number"},
                                                        "tz": {"type": "string", "description": "IANA time zone"},
                                                    },
                                                },
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        "400": _ERROR,
                    },
                }
            },
            "/api/v1/search": {
                "get": {
                    "summary": "Holidays by any of their names in any language (case and diacritics ignored), "
                    "best match first, each with its next occurrence",
                    "parameters": [
                        _param(
                            "q",
                            "Search text, 1 to 100 characters",
                            {"type": "string", "minLength": 1, "maxLength": 100},
                            required=True,
                        )
                    ]
                    + _common(),
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
                                                            "properties": {"start": date_schema, "end": date_schema},
                                                        },
                                                    },
                                                },
                                            }
                                        },
                                    }
                                }
                            },
                        },
                        "400": _ERROR,
                    },
                }
            },
            "/api/v1/events": {
                "get": {
                    "summary": "Local events (the configured events file) on a date or overlapping a range",
                    "parameters": _common()
                    + [
                        _param("date", "One day (YYYY-MM-DD). Alternative to from/to.", date_schema),
                        _param("from", "Range start, inclusive (with to).", date_schema),
                        _param("to", "Range end, inclusive; at most 10 years after from.", date_schema),
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
                        "400": _ERROR,
                    },
                }
            },
            "/feeds/events.ics": {
                "get": {
                    "summary": "iCalendar feed of the local events",
                    "parameters": _common(),
                    "responses": _calendar_response("RFC 5545 calendar"),
                }
            },
            "/feeds/all.ics": {
                "get": {
                    "summary": "iCalendar feed of all traditions",
                    "parameters": _common(),
                    "responses": _calendar_response("RFC 5545 calendar"),
                }
            },
            "/feeds/{tradition}.ics": {
                "get": {
                    "summary": "iCalendar feed of one tradition",
                    "parameters": [
                        _param(
                            "tradition",
                            "Tradition id (school-break needs state)",
                            {"type": "string", "enum": list(ALL_TRADITIONS)},
                            "path",
                            True,
                        )
                    ]
                    + _common(),
                    "responses": _calendar_response("RFC 5545 calendar"),
                }
            },
            "/holiday/{id}.ics": {
                "get": {
                    "summary": "One holiday's next dates as an 'add to calendar' file",
                    "parameters": [_param("id", "Holiday id", {"type": "string"}, "path", True)] + _common(),
                    "responses": _calendar_response("RFC 5545 calendar"),
                }
            },
            "/widget/{year}/{month}": {
                "get": {
                    "summary": "The month widget (HTML, embeddable)",
                    "parameters": [
                        _param(
                            "year", "Year", {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}, "path", True
                        ),
                        _param("month", "Month", {"type": "integer", "minimum": 1, "maximum": 12}, "path", True),
                    ]
                    + _common()
                    + [
                        _param(
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
            "/healthz": {
                "get": {
                    "summary": "Liveness and catalogue version",
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {"status": {"const": "ok"}, "catalogue": {"type": "string"}},
                                    }
                                }
                            },
                        }
                    },
                }
            },
        },
        "components": {
            "parameters": {
                "lang": _param(
                    "lang",
                    f"Language (default {DEFAULT_LANGUAGE})",
                    {"type": "string", "enum": list(LANGUAGES), "default": DEFAULT_LANGUAGE},
                ),
                "tradition": _param(
                    "tradition",
                    f"Comma-separated traditions to include ({', '.join(ALL_TRADITIONS)}; school-break needs state)",
                    {"type": "string"},
                ),
                "category": _param(
                    "category",
                    "Comma-separated categories to include "
                    f"({', '.join(state().catalogue.reference.category_ids)}), or all",
                    {"type": "string"},
                ),
                "islamic": _param(
                    "islamic", "Islamic observance profile", {"type": "string", "enum": list(islamic_profiles())}
                ),
                "jewish": _param("jewish", "Jewish observance", {"type": "string", "enum": list(JEWISH_VARIANTS)}),
                "place": _param(
                    "place",
                    "Where evenings begin (eve_at): an id of /api/v1/places, or LAT,LON "
                    "(rounded to 3 decimals). Default: the service's place (duisburg).",
                    {"type": "string", "examples": ["duisburg", "51.434,6.762"]},
                ),
                "tz": _param(
                    "tz",
                    "IANA time zone for coordinates in place (inferred from them when absent); "
                    "not allowed with a place id.",
                    {"type": "string", "examples": ["Europe/Berlin"]},
                ),
            },
            "schemas": {
                "Occurrence": occurrence,
                "Holiday": holiday,
                "Source": {
                    "type": "object",
                    "required": ["publisher", "title", "url"],
                    "properties": {
                        "publisher": {"type": "string"},
                        "title": {"type": "string"},
                        "url": {
                            "type": ["string", "null"],
                            "format": "uri",
                            "description": "null only where the source is not online.",
                        },
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error", "parameter"],
                    "properties": {"error": {"type": "string"}, "parameter": {"type": ["string", "null"]}},
                },
            },
            "responses": {
                "Error": {
                    "description": "Invalid input or unknown id",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                }
            },
        },
    }
    # the school routes (web.schools) document themselves
    document["paths"].update(schools.openapi_paths(_common()))
    for section, entries in schools.openapi_components().items():
        document["components"][section].update(entries)
    name_operations(document)
    return document
