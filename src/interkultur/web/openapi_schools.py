"""The school routes' part of the OpenAPI document (merged into ``web.openapi``'s).

Kept apart from ``web/schools.py`` (the routes themselves), so that the API
document needs the routes' constants only, not their module's request code.
"""

from __future__ import annotations

from typing import Any

from .. import laender
from ..catalog import LAENDER
from ..schools import MAX_DATES
from .schools import API_PATH


def openapi_components() -> dict[str, dict[str, Any]]:
    """Parameters and schemas the school routes add to the OpenAPI document."""
    from ..catalog import LEAVE_KINDS

    layer_coverage = {
        "type": "object",
        "required": ["years", "complete", "missing"],
        "properties": {
            "years": {
                "type": ["array", "null"],
                "items": {"type": "integer"},
                "minItems": 2,
                "maxItems": 2,
                "description": "First and last year the layer has data for (null: none for this query).",
            },
            "complete": {"type": "boolean", "description": "Every year asked about is covered."},
            "missing": {
                "type": "array",
                "items": {"type": "integer"},
                "description": "Years asked about for which the layer has no data.",
            },
        },
    }
    return {
        "parameters": {
            "state": {
                "name": "state",
                "in": "query",
                "required": False,
                "description": "German Land: its code (NW), ISO code (DE-NW), German name "
                "(Nordrhein-Westfalen) or a common abbreviation (NRW), any case; answers "
                "name it by its code. Adds its public holidays "
                "(tradition public; a catalogue holiday that is one, such as Good "
                "Friday, is marked statutory instead of listed twice) and school holidays (tradition school-break) and "
                "narrows each occurrence's school object to this Land.",
                "schema": {
                    "type": "string",
                    "maxLength": laender.MAX_INPUT,
                    "examples": list(LAENDER) + [f"DE-{c}" for c in LAENDER],
                },
            },
        },
        "schemas": {
            "SchoolRule": {
                "type": "object",
                "required": ["leave"],
                "properties": {
                    "leave": {
                        "type": "string",
                        "enum": list(LEAVE_KINDS),
                        "description": "statutory: public holiday or school holidays, no school; "
                        "without-application: pupils of the faith may stay away; "
                        "on-application: leave on application (NRW: BASS 12-52 Nr. 1, one "
                        "day of a multi-day feast chosen by the pupil); discretion: only the "
                        "general clause, the school decides; none: no leave.",
                    },
                    "days": {
                        "type": ["array", "null"],
                        "items": {"type": "integer", "minimum": 1},
                        "description": "Days of the feast the rule covers (1 = first day); null: all.",
                    },
                    "note": {
                        "description": "Caveats and sources (German), or {de, en}.",
                        "oneOf": [
                            {"type": "string"},
                            {"type": "null"},
                            {"type": "object", "additionalProperties": {"type": "string"}},
                        ],
                    },
                },
            },
            "School": {
                "type": "object",
                "description": "Leave rules per Land (bare code); only the "
                "requested Land when state= is given; empty when none is recorded.",
                "additionalProperties": {"$ref": "#/components/schemas/SchoolRule"},
            },
            "Coverage": {
                "type": "object",
                "description": "For each generated layer the request includes "
                "(public, school-break): the years python-holidays covers. Outside them the layer is "
                "empty, which does not mean there are no holidays.",
                "properties": {"public": layer_coverage, "school-break": layer_coverage},
            },
            "SchoolMatch": {
                "allOf": [
                    {"$ref": "#/components/schemas/Occurrence"},
                    {
                        "type": "object",
                        "required": ["match", "day_of_feast", "grants_leave"],
                        "properties": {
                            "match": {
                                "type": "string",
                                "enum": ["day", "eve"],
                                "description": "day: the date is a day of the feast; eve: the feast begins "
                                "on the evening of the date.",
                            },
                            "day_of_feast": {
                                "type": ["integer", "null"],
                                "minimum": 1,
                                "description": "1 for the first day; null for an eve.",
                            },
                            "grants_leave": {
                                "type": "boolean",
                                "description": "With state: pupils may stay away "
                                "on this very day (statutory, without or on application).",
                            },
                        },
                    },
                ]
            },
            "SchoolCheck": {
                "type": "object",
                "required": ["state", "results", "coverage"],
                "properties": {
                    "state": {"type": ["string", "null"]},
                    "results": {
                        "type": "array",
                        "description": "One entry per requested date, in request order.",
                        "items": {
                            "type": "object",
                            "required": ["date", "holidays"],
                            "properties": {
                                "date": {"type": "string", "format": "date"},
                                "holidays": {
                                    "type": "array",
                                    "description": "Leave-granting first.",
                                    "items": {"$ref": "#/components/schemas/SchoolMatch"},
                                },
                            },
                        },
                    },
                    "coverage": {"$ref": "#/components/schemas/Coverage"},
                },
            },
            "DatesError": {
                "allOf": [
                    {"$ref": "#/components/schemas/Error"},
                    {
                        "type": "object",
                        "properties": {
                            "invalid": {
                                "type": "array",
                                "items": {"type": "string"},
                                "description": "Each value that is not a date (bad dates only).",
                            }
                        },
                    },
                ]
            },
        },
    }


def openapi_paths(common: list[dict[str, Any]]) -> dict[str, Any]:
    """The school routes for the OpenAPI document; ``common`` are the shared parameter refs."""
    answer = {
        "description": "The holidays touching each date",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SchoolCheck"}}},
    }
    error = {
        "description": "Invalid input: every bad date is named (parameter dates), or the body, "
        "the content type or the state is wrong",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DatesError"}}},
    }
    body = {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["dates"],
                    "additionalProperties": False,
                    "properties": {
                        "dates": {
                            "type": "array",
                            "minItems": 1,
                            "maxItems": MAX_DATES,
                            "items": {"type": "string", "format": "date"},
                        },
                        "state": {
                            "type": ["string", "null"],
                            "description": "Land (NW or DE-NW); wins over state= in the query string.",
                        },
                    },
                },
                "example": {"dates": ["2025-03-31", "2025-06-06"], "state": "NW"},
            }
        },
    }
    summary = "Which holidays fall on these dates (exam planning), with the Land's leave rules"
    return {
        API_PATH: {
            "get": {
                "summary": summary,
                "parameters": common
                + [
                    {
                        "name": "dates",
                        "in": "query",
                        "required": True,
                        "description": f"Comma-separated dates (YYYY-MM-DD), at most {MAX_DATES}.",
                        "schema": {"type": "string"},
                        "example": "2025-03-31,2025-06-06",
                    }
                ],
                "responses": {"200": answer, "400": error},
            },
            "post": {
                "summary": summary,
                "parameters": common,
                "requestBody": body,
                "responses": {"200": answer, "400": error},
            },
        },
        "/schulen": {
            "get": {
                "summary": "The date check as a page for teachers (HTML; also POST with a form "
                "or an uploaded CSV/ICS plan)",
                "parameters": common
                + [
                    {
                        "name": "dates",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string"},
                        "description": "Dates to check right away (31.03.2025 or 2025-03-31, comma-separated).",
                    }
                ],
                "responses": {
                    "200": {"description": "HTML", "content": {"text/html": {}}},
                    "400": {"description": "Invalid input (HTML page)"},
                },
            }
        },
    }
