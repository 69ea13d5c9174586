"""Building blocks shared by the modules that write the OpenAPI document.

``web.openapi`` (the document and its components), ``web.openapi_api`` and
``web.openapi_views`` (the paths) all describe parameters the same way and point
at the same shared parameters and error answer; kept in their own module so that
each of those can import them without importing another.
"""

from __future__ import annotations

from typing import Any

ERROR = {"$ref": "#/components/responses/Error"}
#: A date parameter (YYYY-MM-DD).
DATE_SCHEMA = {"type": "string", "format": "date"}


def param(
    name: str, description: str, schema: dict[str, Any], where: str = "query", required: bool = False
) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "description": description, "schema": schema}


def common() -> list[dict[str, Any]]:
    return [
        {"$ref": f"#/components/parameters/{n}"}
        for n in ("lang", "tradition", "category", "islamic", "jewish", "state", "place", "tz")
    ]


def date_params() -> list[dict[str, Any]]:
    """``date`` or ``from``/``to``, as ``query.py`` reads them for every dated JSON route."""
    return [
        param("date", "One day (YYYY-MM-DD). Alternative to from/to.", DATE_SCHEMA),
        param("from", "Range start, inclusive (with to).", DATE_SCHEMA),
        param("to", "Range end, inclusive; at most 10 years after from.", DATE_SCHEMA),
    ]
