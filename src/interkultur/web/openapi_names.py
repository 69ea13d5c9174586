"""The OpenAPI document's ``operationId`` and ``tags``, named by the router.

Each documented operation is matched against the app's ``url_map``: its
blueprint is its tag and ``<blueprint>_<view>`` its ``operationId``. A
separate job from writing the document (``web.openapi``): it needs a Flask
application and checks the document against the routes the server serves.
"""

from __future__ import annotations

from typing import Any

#: Tag descriptions, one per blueprint: an operation's tag is the blueprint of the view that serves it.
TAGS = {
    "api": "The JSON API: holidays, one holiday, traditions, health",
    "feeds": "iCalendar feeds (RFC 5545) and 'add to calendar' files",
    "widget": "The embeddable month widget (HTML)",
    "schools": "Date checks for schools and exam planning",
    "pages": "The HTML pages (landing page, year overview, holiday details)",
}
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


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
