"""The JSON API's part of the OpenAPI document (merged into ``web.openapi``'s).

The paths of the ``api`` blueprint (``web/api.py``): the holidays by date or
range (JSON and CSV), one holiday, the traditions, languages and places, and
``/healthz``. Apart from ``web.openapi`` so that the document's assembly and
its shared components stay short; the other blueprints are in ``web.openapi_views``.
"""

from __future__ import annotations

from typing import Any

from ..languages import LANGUAGES
from .openapi_parts import ERROR, common, date_params, param


def api_paths() -> dict[str, Any]:
    """/api/v1/holidays (and .csv), /api/v1/holidays/{id}, /api/v1/traditions, /languages and /places."""
    return {
        "/api/v1/holidays": {
            "get": {
                "summary": "Holidays on a date or overlapping a range",
                "parameters": common()
                + [
                    *date_params(),
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
                    "400": ERROR,
                },
            }
        },
        "/api/v1/holidays.csv": {
            "get": {
                "summary": "The occurrences of /api/v1/holidays as CSV (UTF-8 with BOM): "
                "id,tradition,name,start,end,eve,estimated,category",
                "parameters": common()
                + [
                    *date_params(),
                    param(
                        "sep",
                        "comma (default) or semicolon (German Excel)",
                        {"type": "string", "enum": ["comma", "semicolon"]},
                    ),
                ],
                "responses": {
                    "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                    "400": ERROR,
                },
            }
        },
        "/api/v1/holidays/{id}": {
            "get": {
                "summary": "One holiday with its next occurrences",
                "parameters": [
                    param(
                        "id",
                        "Holiday id; the id of a public holiday merged into a catalogue "
                        "holiday (public-good-friday) is an alias: the answer is that holiday "
                        "(good-friday), with a Link rel=canonical header",
                        {"type": "string"},
                        "path",
                        True,
                    )
                ]
                + common(),
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
                    "400": ERROR,
                    "404": ERROR,
                },
            }
        },
        "/api/v1/traditions": {
            "get": {
                "summary": "The traditions, with localised names",
                "parameters": common(),
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
                    "400": ERROR,
                },
            }
        },
        "/api/v1/languages": {
            "get": {
                "summary": "The interface languages: code, name in the language itself, writing direction",
                "parameters": common(),
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
                    "400": ERROR,
                },
            }
        },
        "/api/v1/places": {
            "get": {
                "summary": "The places whose sunset place= can give (data/places.yaml), names in lang",
                "parameters": common(),
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
                    "400": ERROR,
                },
            }
        },
    }


def health_paths() -> dict[str, Any]:
    """/healthz (documented last, after the other blueprints' paths)."""
    return {
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
    }
