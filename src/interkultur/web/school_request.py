"""The JSON check's input: the dates and the Land of ``/api/v1/schools/check``.

From the JSON body (POST) or the query string (GET), strictly checked: dates
are ``YYYY-MM-DD``, at most ``MAX_DATES``, every bad one named; the body is an
object with known keys only. A refusal is a ready 400 answer (``BadRequest``).
Apart from the routes (``web/schools.py``), which only run the check and
write its answer; the page reads its form with ``web.plans`` instead.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response, jsonify, request

from .. import inputs
from ..catalog import MAX_YEAR, MIN_YEAR
from ..schools import MAX_DATES
from . import params
from .i18n import N_

#: Body keys of the POST request; anything else is refused so that a typo is not silently ignored.
BODY_KEYS = ("dates", "state")

MSG_DATES_TYPE = N_("“dates” must be a list of dates in the form YYYY-MM-DD.")
MSG_DATES_BAD = N_("These are not dates in the form YYYY-MM-DD (years %(min)s–%(max)s): %(dates)s")
MSG_DATES_NONE = N_("Give at least one date.")
MSG_DATES_MANY = N_("At most %(max)s dates per request (%(count)s given).")
MSG_BODY_TYPE = N_("Send the dates as JSON (Content-Type: application/json).")
MSG_BODY_JSON = N_("The request body is not valid JSON.")
MSG_BODY_SHAPE = N_("The JSON body must be an object with “dates” and optionally “state”.")
MSG_BODY_KEYS = N_("Unknown fields in the JSON body: %(keys)s. Allowed: %(allowed)s.")
MSG_STATE_TYPE = N_("“state” must be a Land code such as NW or DE-NW.")


def _api_error(message: str, parameter: str | None, status: int = 400, **extra: Any) -> Response:
    response = jsonify({"error": message, "parameter": parameter, **extra})
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


class BadRequest(Exception):
    """A refused request; ``response`` is its 400 answer."""

    def __init__(self, response: Response):
        self.response = response


def strict_dates(values: list[Any]) -> list[date]:
    """ISO dates in request order; every bad one is named."""
    parsed, bad = [], []
    for value in values:
        try:
            parsed.append(inputs.parse_date(value, iso_only=True))
        except inputs.DateInputError:
            bad.append(value if isinstance(value, str) else repr(value))
    if len(values) > MAX_DATES:
        raise BadRequest(_api_error(MSG_DATES_MANY % {"max": MAX_DATES, "count": len(values)}, "dates"))
    if bad:
        shown = ", ".join(f"“{b[:40]}”" for b in bad)
        raise BadRequest(
            _api_error(
                MSG_DATES_BAD % {"min": MIN_YEAR, "max": MAX_YEAR, "dates": shown},
                "dates",
                invalid=[b[:40] for b in bad],
            )
        )
    if not parsed:
        raise BadRequest(_api_error(MSG_DATES_NONE, "dates"))
    return parsed


def request_input(query: params.Query) -> tuple[list[Any], str | None]:
    """(raw dates, canonical state) from the JSON body (POST) or the query string (GET)."""
    if request.method == "POST":
        if not request.is_json:
            raise BadRequest(_api_error(MSG_BODY_TYPE, "body"))
        try:
            body = request.get_json(silent=True)
        except RecursionError:  # "[[[[…" nested deeper than the parser's stack
            body = None
        if body is None:
            raise BadRequest(_api_error(MSG_BODY_JSON, "body"))
        if not isinstance(body, dict):
            raise BadRequest(_api_error(MSG_BODY_SHAPE, "body"))
        unknown = sorted(str(k)[:40] for k in body if k not in BODY_KEYS)
        if unknown:
            raise BadRequest(
                _api_error(MSG_BODY_KEYS % {"keys": ", ".join(unknown), "allowed": ", ".join(BODY_KEYS)}, "body")
            )
        raw = body.get("dates")
        if not isinstance(raw, list):
            raise BadRequest(_api_error(MSG_DATES_TYPE, "dates"))
        land = query.state
        if "state" in body and body["state"] is not None:
            if not isinstance(body["state"], str):
                raise BadRequest(_api_error(MSG_STATE_TYPE, "state"))
            land = params.parse_land(body["state"])
        return raw, land
    text = request.args.get("dates")
    if text is None or not text.strip():
        raise BadRequest(_api_error(MSG_DATES_NONE, "dates"))
    return [part.strip() for part in text.split(",") if part.strip()], query.state
