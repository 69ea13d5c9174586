"""Request guards, security headers, CORS and error answers for every route.

Which kind of answer a route gets follows its path: ``/api/…`` and
``/healthz`` answer JSON ``{"error", "parameter"}``, feeds and ``embed.js``
plain text, everything else a friendly HTML page in the request's language.
Only the widget routes may be framed (``FRAME_ANCESTORS``); every other page
sends ``frame-ancestors 'none'``.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from ..engine import InvalidQuery
from ..languages import DEFAULT_LANGUAGE, LANGUAGES
from . import params
from .params import WebError

log = logging.getLogger("interkultur.web")

FRAMEABLE_ENDPOINTS = frozenset({"widget.current", "widget.month"})
CSP_HTML = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors {ancestors}"
)
CSP_DATA = "default-src 'none'; frame-ancestors 'none'"
#: Sent only on https answers (browsers ignore it on http): one year, subdomains not included.
HSTS = "max-age=31536000"
CORS_ALLOW_HEADERS = "Accept, Accept-Language, Content-Type, If-None-Match"


def kind_of_route(path: str) -> str:
    """``json``, ``text`` or ``html``: how errors on ``path`` are answered."""
    if path.startswith("/api/") or path == "/api" or path == "/healthz":
        return "json"
    if path.endswith(".ics") or path == "/embed.js" or path.startswith("/static/"):
        return "text"
    return "html"


def cross_origin(path: str) -> bool:
    return kind_of_route(path) in ("json", "text")


def _error_language() -> str:
    """The language of an error page; never raises, whatever the input."""
    lang = request.args.get("lang", "").strip()
    if lang in LANGUAGES:
        return lang
    try:
        return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE
    except Exception:  # noqa: BLE001 - a malformed header must not break the error page
        return DEFAULT_LANGUAGE


def error_response(status: int, message: str, parameter: str | None = None, **variables: Any) -> Response:
    variables = {"parameter": parameter, **variables}
    kind = kind_of_route(request.path)
    if kind == "json":
        response = jsonify({"error": message % variables, "parameter": parameter})
    elif kind == "text":
        response = Response(message % variables + "\n", mimetype="text/plain")
    else:
        g.lang = _error_language()
        g.error_page = True  # language links go to the landing page: the path is never echoed
        response = Response(
            render_template("error.html", status=status, message=message, variables=variables, parameter=parameter),
            mimetype="text/html",
        )
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


def _handle_web_error(exc: WebError) -> Response:
    return error_response(
        exc.status, exc.message, exc.parameter, **{k: v for k, v in exc.variables.items() if k != "parameter"}
    )


def _handle_invalid_query(exc: InvalidQuery) -> Response:
    # The engine's own message may quote input; name only the parameter.
    return error_response(400, params.MSG_BAD_PARAMETER, exc.parameter)


def _handle_http(exc: HTTPException) -> Response:
    status = exc.code or 500
    if status == 404:
        message = params.MSG_NOT_FOUND
    elif status == 405:
        message = params.MSG_METHOD
    elif status == 413:
        message = params.MSG_TOO_LARGE
    elif status >= 500:
        message = params.MSG_INTERNAL
    else:
        message = params.MSG_BAD_REQUEST
    response = error_response(status, message)
    valid = getattr(exc, "valid_methods", None)
    if status == 405 and valid:
        response.headers["Allow"] = ", ".join(valid)
    return response


def _handle_unexpected(exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.path)
    try:
        return error_response(500, params.MSG_INTERNAL)
    except Exception:  # noqa: BLE001 - the last resort must not fail itself
        return Response("Internal error\n", status=500, mimetype="text/plain")


def host_allowed(host_header: str, allowed: tuple[str, ...] | list[str]) -> bool:
    """Django's ``ALLOWED_HOSTS`` rule: the Host header's name (any port) is listed.

    ``.example.org`` allows example.org and its subdomains, ``*`` any host.
    """
    try:
        name = urlsplit("//" + host_header).hostname
    except ValueError:  # "[::1" and other malformed names
        return False
    if not name or any(c in host_header for c in "/?#@\\ \t"):
        return False
    for pattern in allowed:
        pattern = pattern.lower().strip("[]")
        if pattern == "*" or name == pattern:
            return True
        if pattern.startswith(".") and (name == pattern[1:] or name.endswith(pattern)):
            return True
    return False


def _check_host() -> None:
    """Absolute URLs are built from the Host header only when ``BASE_URL`` is empty, so then it must be ours."""
    from flask import current_app

    config = current_app.config
    if config["BASE_URL"]:
        return
    if not host_allowed(request.host, config["ALLOWED_HOSTS"]):
        raise WebError(400, params.MSG_BAD_HOST)


def _before_request() -> None:
    _check_host()
    params.check_request_shape()


def _after_request(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    endpoint = request.endpoint or ""
    if response.mimetype == "text/html":
        if endpoint in FRAMEABLE_ENDPOINTS and response.status_code < 400:
            ancestors = response_frame_ancestors()
        else:
            ancestors = "'none'"
            headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Content-Security-Policy", _csp_html(ancestors))
        # one Vary header (a cached answer already carries Accept-Encoding), not a second to merge later
        varies = headers.getlist("Vary")
        if len(varies) == 1 and "Accept-Language" not in varies[0]:
            headers["Vary"] = f"{varies[0]}, Accept-Language"
        elif not any("Accept-Language" in v for v in varies):
            headers.add("Vary", "Accept-Language")  # none yet, or several (merged by web.cache)
    else:
        headers.setdefault("Content-Security-Policy", CSP_DATA)
    if request.scheme == "https":  # direct TLS, or a trusted proxy's X-Forwarded-Proto
        headers.setdefault("Strict-Transport-Security", HSTS)
    if cross_origin(request.path):
        headers["Access-Control-Allow-Origin"] = "*"
        headers["Access-Control-Expose-Headers"] = "ETag, Content-Length"
        headers["Cross-Origin-Resource-Policy"] = "cross-origin"
        if request.method == "OPTIONS":
            headers.setdefault("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")  # POST routes set their own
            headers["Access-Control-Allow-Headers"] = CORS_ALLOW_HEADERS
            headers["Access-Control-Max-Age"] = "86400"
    return response


def response_frame_ancestors() -> str:
    from flask import current_app

    return _frame_ancestors(str(current_app.config["FRAME_ANCESTORS"]))


@lru_cache(maxsize=16)
def _frame_ancestors(configured: str) -> str:
    """The configured sources as one policy value (the setting is read per request, checked once)."""
    value = " ".join(configured.split())
    # a policy is a header value: refuse anything that could end or extend it
    if not value or any(c in value for c in ";,\r\n"):
        return "'none'"
    return value


@lru_cache(maxsize=16)
def _csp_html(ancestors: str) -> str:
    return CSP_HTML.format(ancestors=ancestors)


def init_app(app: Flask) -> None:
    app.before_request(_before_request)
    app.after_request(_after_request)
    app.register_error_handler(WebError, _handle_web_error)
    app.register_error_handler(InvalidQuery, _handle_invalid_query)
    app.register_error_handler(HTTPException, _handle_http)
    app.register_error_handler(Exception, _handle_unexpected)
