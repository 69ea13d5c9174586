"""The OpenAPI 3.1 description of the service, built from the same constants
the views validate against (languages, traditions, profiles, variants).

This module assembles the document: its info, the shared components (the
common parameters, the Holiday, Occurrence, Source and Error schemas) and the
paths, which each area writes in its own module (``web.openapi_api``,
``web.openapi_views``, ``web.openapi_schools``); ``web.openapi_names`` then
names the operations after the views the router sends them to.
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..catalog import LAENDER, MAX_YEAR, MIN_YEAR
from ..languages import DEFAULT_LANGUAGE, LANGUAGES
from ..present import NATIVE_SCHEMA, occurrence_schema
from ..rules import JEWISH_VARIANTS
from . import openapi_schools as schools
from .openapi_api import api_paths, health_paths
from .openapi_names import name_operations
from .openapi_parts import common, param
from .openapi_views import event_paths, feed_paths, search_paths, widget_paths
from .params import islamic_profiles


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
            **api_paths(),
            **search_paths(),
            **event_paths(),
            **feed_paths(ALL_TRADITIONS),
            **widget_paths(),
            **health_paths(),
        },
        "components": {
            "parameters": {
                "lang": param(
                    "lang",
                    f"Language (default {DEFAULT_LANGUAGE})",
                    {"type": "string", "enum": list(LANGUAGES), "default": DEFAULT_LANGUAGE},
                ),
                "tradition": param(
                    "tradition",
                    f"Comma-separated traditions to include ({', '.join(ALL_TRADITIONS)}; school-break needs state)",
                    {"type": "string"},
                ),
                "category": param(
                    "category",
                    "Comma-separated categories to include "
                    f"({', '.join(state().catalogue.reference.category_ids)}), or all",
                    {"type": "string"},
                ),
                "islamic": param(
                    "islamic", "Islamic observance profile", {"type": "string", "enum": list(islamic_profiles())}
                ),
                "jewish": param("jewish", "Jewish observance", {"type": "string", "enum": list(JEWISH_VARIANTS)}),
                "place": param(
                    "place",
                    "Where evenings begin (eve_at): an id of /api/v1/places, or LAT,LON "
                    "(rounded to 3 decimals). Default: the service's place (duisburg).",
                    {"type": "string", "examples": ["duisburg", "51.434,6.762"]},
                ),
                "tz": param(
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
    document["paths"].update(schools.openapi_paths(common()))
    for section, entries in schools.openapi_components().items():
        document["components"][section].update(entries)
    name_operations(document)
    return document
