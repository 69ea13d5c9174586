"""Schools: the conflict check as JSON (``/api/v1/schools/check``) and as a page (``/schulen``).

``POST /api/v1/schools/check`` takes ``{"dates": ["2025-03-31", …], "state": "NW"}``
(``GET …?dates=a,b&state=NW`` too) and answers, for every date in request
order, the holidays whose days include it (``match: "day"`` with
``day_of_feast``) or whose eve it is (``match: "eve"``), leave-granting first
(``schools.check_dates``). With a state, that Land's public holidays and school
breaks are included and ``school`` holds only its rule; ``coverage`` says
which years the generated layers cover. Dates are strict ``YYYY-MM-DD``; at
most ``MAX_DATES``; every bad one is named in the 400 answer.

``/schulen`` is the same check for people: paste or pick dates, or upload a
CSV or ICS exam plan (``web.plans``), and read a printable table. It works
without JavaScript (a plain form; GET with ``dates=`` gives a shareable link).

The blueprint also gives the templates (the widget's Land switch and notes)
their helpers: ``school_states``, ``school_coverage``, ``school_rule`` and
``has_detail_page``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from flask import Blueprint, Response, current_app, g, jsonify, render_template, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from .. import inputs, laender, layers
from ..catalog import LAENDER, MAX_YEAR, MIN_YEAR, localised
from ..engine import Occurrence
from ..present import occurrence_dict
from ..schools import MAX_DATES, Match, check_dates
from . import i18n, params, plans
from . import state as app_state
from .i18n import N_, gettext
from .templating import occurrence_url

if TYPE_CHECKING:
    from ..catalog import Source

bp = Blueprint("schools", __name__)

API_PATH = "/api/v1/schools/check"
#: The Land the page's form starts with (the project's home, NRW).
DEFAULT_STATE = "NW"
#: Body keys of the POST request; anything else is refused so that a typo is not silently ignored.
BODY_KEYS = ("dates", "state")
#: The form may carry the upload plus the pasted text.
MAX_FORM_BYTES = plans.MAX_UPLOAD_BYTES + 64 * 1024
#: A permalink (GET with dates=) is offered up to this many dates.
MAX_LINK_DATES = 100

LEAVE_NAMES: dict[str, str] = {
    "statutory": N_("No school (public holiday or school holidays)"),
    "without-application": N_("Pupils may stay away without an application"),
    "on-application": N_("Leave on application"),
    "discretion": N_("At the school's discretion"),
    "none": N_("No leave"),
}
NO_RULE = N_("No rule recorded for this Land")

MSG_DATES_TYPE = N_("“dates” must be a list of dates in the form YYYY-MM-DD.")
MSG_DATES_BAD = N_("These are not dates in the form YYYY-MM-DD (years %(min)s–%(max)s): %(dates)s")
MSG_DATES_NONE = N_("Give at least one date.")
MSG_DATES_MANY = N_("At most %(max)s dates per request (%(count)s given).")
MSG_BODY_TYPE = N_("Send the dates as JSON (Content-Type: application/json).")
MSG_BODY_JSON = N_("The request body is not valid JSON.")
MSG_BODY_SHAPE = N_("The JSON body must be an object with “dates” and optionally “state”.")
MSG_BODY_KEYS = N_("Unknown fields in the JSON body: %(keys)s. Allowed: %(allowed)s.")
MSG_DAY_MISSING = N_("“%(date)s”: %(month)s %(year)s has only %(days)s days.")
MSG_STATE_TYPE = N_("“state” must be a Land code such as NW or DE-NW.")

#: Messages of plans.UploadError and Plan.notes.
UPLOAD_MESSAGES: dict[str, str] = {
    "size": N_("The file is too large (at most %(kb)s KB)."),
    "binary": N_("The file is neither a CSV table nor an iCalendar (.ics) file. Export your plan as CSV or ICS."),
    "ics": N_("The iCalendar file could not be read."),
    "csv": N_("The CSV file could not be read."),
    "range": N_("Ranges and multi-day events are checked for at most %(days)s days each."),
    "recurring": N_("Recurring events are checked on each of their dates for one year from the first event."),
}


# -- helpers shared with the templates -------------------------------------------------------------


def land_name(code: str) -> str:
    """The Land's name in the request's language: its English name (data/laender.yaml) through gettext."""
    land = laender.BY_CODE.get(code)
    return gettext(land.en) if land else code


def school_states() -> list[tuple[str, str]]:
    """(code, localised name) of every Land, sorted by name in the request's language."""
    return sorted(((code, land_name(code)) for code in LAENDER), key=lambda item: item[1])


def school_coverage(
    query: params.Query | None, first_year: int, last_year: int | None = None
) -> dict[str, dict[str, Any]]:
    """``layers.coverage_report`` for the query's state and filter."""
    if query is None:
        return {}
    return layers.coverage_report(query.state, first_year, last_year or first_year, query.traditions)


def has_detail_page(occ: Occurrence) -> bool:
    """Public holidays and school breaks are generated, not catalogue entries: no /holiday page."""
    return occ.tradition not in layers.LAYERS


def note_text(rule: Mapping[str, Any] | None, lang: str) -> str | None:
    """A rule's note: a text (German, as the sources are) or ``{de: …, en: …}``."""
    note = rule.get("note") if rule else None
    if isinstance(note, Mapping):
        return localised(note, lang)
    return note or None


def school_sources(land: str | None) -> tuple[Source, ...]:
    """The published rules (catalog.Source) behind a Land's leave entries; empty without a Land."""
    if not land:
        return ()
    return app_state().catalogue.school_sources.get(land, ())


@dataclass(frozen=True)
class Rule:
    """A leave rule ready for display."""

    kind: str | None
    label: str
    days: tuple[int, ...] | None
    note: str | None


def school_rule(occ: Occurrence, state: str | None, lang: str) -> Rule | None:
    """The leave rule of ``occ`` in ``state`` for display; None without a state."""
    if not state:
        return None
    rule = occ.school(state).get(state)
    if not rule:
        return Rule(None, gettext(NO_RULE), None, None)
    days = rule.get("days")
    return Rule(
        rule["leave"],
        gettext(LEAVE_NAMES.get(rule["leave"], rule["leave"])),
        tuple(days) if days else None,
        note_text(rule, lang),
    )


@bp.app_context_processor
def _template_helpers() -> dict[str, Any]:
    return {
        "school_states": school_states,
        "school_coverage": school_coverage,
        "school_rule": school_rule,
        "has_detail_page": has_detail_page,
        "land_name": land_name,
        "school_sources": school_sources,
    }


# -- the JSON API ----------------------------------------------------------------------------------


def _api_error(message: str, parameter: str | None, status: int = 400, **extra: Any) -> Response:
    response = jsonify({"error": message, "parameter": parameter, **extra})
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


class _BadRequest(Exception):
    def __init__(self, response: Response):
        self.response = response


def _strict_dates(values: list[Any]) -> list[date]:
    """ISO dates in request order; every bad one is named."""
    parsed, bad = [], []
    for value in values:
        try:
            parsed.append(inputs.parse_date(value, iso_only=True))
        except inputs.DateInputError:
            bad.append(value if isinstance(value, str) else repr(value))
    if len(values) > MAX_DATES:
        raise _BadRequest(_api_error(MSG_DATES_MANY % {"max": MAX_DATES, "count": len(values)}, "dates"))
    if bad:
        shown = ", ".join(f"“{b[:40]}”" for b in bad)
        raise _BadRequest(
            _api_error(
                MSG_DATES_BAD % {"min": MIN_YEAR, "max": MAX_YEAR, "dates": shown},
                "dates",
                invalid=[b[:40] for b in bad],
            )
        )
    if not parsed:
        raise _BadRequest(_api_error(MSG_DATES_NONE, "dates"))
    return parsed


def _request_input(query: params.Query) -> tuple[list[Any], str | None]:
    """(raw dates, canonical state) from the JSON body (POST) or the query string (GET)."""
    if request.method == "POST":
        if not request.is_json:
            raise _BadRequest(_api_error(MSG_BODY_TYPE, "body"))
        try:
            body = request.get_json(silent=True)
        except RecursionError:  # "[[[[…" nested deeper than the parser's stack
            body = None
        if body is None:
            raise _BadRequest(_api_error(MSG_BODY_JSON, "body"))
        if not isinstance(body, dict):
            raise _BadRequest(_api_error(MSG_BODY_SHAPE, "body"))
        unknown = sorted(str(k)[:40] for k in body if k not in BODY_KEYS)
        if unknown:
            raise _BadRequest(
                _api_error(MSG_BODY_KEYS % {"keys": ", ".join(unknown), "allowed": ", ".join(BODY_KEYS)}, "body")
            )
        raw = body.get("dates")
        if not isinstance(raw, list):
            raise _BadRequest(_api_error(MSG_DATES_TYPE, "dates"))
        land = query.state
        if "state" in body and body["state"] is not None:
            if not isinstance(body["state"], str):
                raise _BadRequest(_api_error(MSG_STATE_TYPE, "state"))
            land = params.parse_land(body["state"])
        return raw, land
    text = request.args.get("dates")
    if text is None or not text.strip():
        raise _BadRequest(_api_error(MSG_DATES_NONE, "dates"))
    return [part.strip() for part in text.split(",") if part.strip()], query.state


def match_json(m: Match, lang: str, land: str | None) -> dict[str, Any]:
    query = getattr(g, "query", None)
    out = occurrence_dict(
        m.occurrence, lang, land, url=occurrence_url(m.occurrence), place=query.place if query is not None else None
    )
    out.update(match=m.match, day_of_feast=m.day_of_feast, grants_leave=m.grants_leave)
    return out


@bp.route(API_PATH, methods=["GET", "POST"])
def check() -> Response:
    query = params.parse_query()
    try:
        raw, land = _request_input(query)
        dates = _strict_dates(raw)
    except _BadRequest as exc:
        return exc.response
    results = check_dates(
        app_state().engine, dates, land, **{k: v for k, v in query.engine_kwargs().items() if k != "state"}
    )
    payload = {
        "state": land,
        "results": [
            {"date": day.isoformat(), "holidays": [match_json(m, query.lang, land) for m in matches]}
            for day, matches in results
        ],
        "coverage": layers.coverage_report(land, min(dates).year, max(dates).year, query.traditions),
    }
    response = jsonify(payload)
    age = current_app.config["MAX_AGE"]
    response.headers["Cache-Control"] = f"public, max-age={age}" if request.method != "POST" else "no-store"
    response.vary.add("Accept-Language")
    return response


@bp.after_request
def _cors_methods(response: Response) -> Response:
    """The check also takes POST: say so in the preflight answer (web.http keeps this value)."""
    if request.path == API_PATH and request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, POST, OPTIONS"
    return response


# -- the page --------------------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the page's table: a date, its label and the holidays touching it."""

    day: date
    label: str
    matches: list[Match]

    @property
    def leave(self) -> bool:
        return any(m.grants_leave for m in self.matches)

    @property
    def eve_only(self) -> bool:
        return bool(self.matches) and all(m.match == "eve" for m in self.matches)

    @property
    def no_school(self) -> bool:
        return any(
            m.match == "day" and m.leave and m.leave.get("leave") == "statutory" and m.grants_leave
            for m in self.matches
        )


def _page_state(source: Mapping[str, str], submitted: bool) -> str | None:
    raw = (source.get("state") or "").strip()
    if not raw:
        return None if submitted else DEFAULT_STATE
    return params.parse_land(raw)


def _impossible_days(invalid: list[str]) -> list[str]:
    """Why a date-shaped entry is no date (``“30.02.2026”: February 2026 has only 28 days.``), translated."""
    out = []
    for item in invalid:
        try:
            inputs.parse_date(item)
        except inputs.DateInputError as exc:
            if exc.kind == "day":
                out.append(
                    gettext(
                        MSG_DAY_MISSING,
                        date=item,
                        month=i18n.month_name(cast(int, exc.month)),
                        year=exc.year,
                        days=exc.days,
                    )
                )
    return out


def _upload_message(key: str) -> str:
    message = UPLOAD_MESSAGES[key]
    return gettext(message, kb=plans.MAX_UPLOAD_BYTES // 1024, days=plans.MAX_RANGE_DAYS)


def _read_form(plan: plans.Plan, errors: list[str]) -> tuple[str, str | None]:
    """Text, picked dates and the upload of a POSTed form; returns (text, file name)."""
    try:
        request.max_content_length = MAX_FORM_BYTES
        form, files = request.form, request.files
    except RequestEntityTooLarge:
        errors.append(_upload_message("size"))
        return "", None
    text = form.get("dates", "")
    plan.extend(plans.parse_text(text))
    plan.extend(plans.parse_picked(form.getlist("day")))
    upload = files.get("plan")
    filename = None
    if upload is not None and upload.filename:
        filename = plans._shorten(upload.filename, 80)
        data = upload.stream.read(plans.MAX_UPLOAD_BYTES + 1)
        try:
            plan.extend(plans.parse_upload(data))
        except plans.UploadError as exc:
            errors.append(_upload_message(exc.message))
    return text, filename


@bp.route("/schulen", methods=["GET", "POST"])
def page() -> Response:
    query = params.parse_query(negotiate=True)
    submitted = request.method == "POST" or "dates" in request.args
    errors: list[str]
    plan, errors = plans.Plan(), []
    filename = None
    if request.method == "POST":
        text, filename = _read_form(plan, errors)
        land = _page_state(request.form if not errors else {}, submitted=not errors)
    else:
        text = request.args.get("dates", "")
        plan.extend(plans.parse_text(text.replace(",", "\n")))
        land = query.state if "state" in request.args else (None if submitted else DEFAULT_STATE)
    if submitted and not errors:
        if not plan.entries and not plan.invalid:
            errors.append(gettext(MSG_DATES_NONE))
        elif len(plan.entries) > MAX_DATES:
            errors.append(gettext(MSG_DATES_MANY, max=MAX_DATES, count=len(plan.entries)))
    rows: list[Row] = []
    coverage: dict[str, dict[str, Any]] = {}
    if submitted and not errors and plan.entries:
        variants = {k: v for k, v in query.engine_kwargs().items() if k != "state"}
        checked = check_dates(app_state().engine, plan.dates, land, **variants)
        rows = [Row(entry.day, entry.label, matches) for entry, (_, matches) in zip(plan.entries, checked)]
        coverage = layers.coverage_report(land, min(plan.dates).year, max(plan.dates).year, query.traditions)
    permalink = None
    if rows and len(rows) <= MAX_LINK_DATES:
        args: dict[str, Any] = query.link_args(
            state=land, dates=",".join(dict.fromkeys(r.day.isoformat() for r in rows))
        )
        if not land:
            args.pop("state", None)
        permalink = url_for("schools.page", **args)
    status = 400 if submitted and errors else 200
    if status == 200 and submitted and not rows and plan.invalid:
        status = 400
    notes = [_upload_message(n) for n in plan.notes] + _impossible_days(plan.invalid[: plans.MAX_SHOWN])
    html = render_template(
        "schulen.html",
        query=query,
        land=land,
        submitted=submitted,
        rows=rows,
        errors=errors,
        invalid=plan.invalid[: plans.MAX_SHOWN],
        invalid_more=max(0, len(plan.invalid) - plans.MAX_SHOWN),
        ignored=plan.ignored[:10],
        ignored_more=max(0, len(plan.ignored) - 10),
        notes=notes,
        text=text,
        filename=filename,
        coverage=coverage,
        permalink=permalink,
        max_dates=MAX_DATES,
        max_kb=plans.MAX_UPLOAD_BYTES // 1024,
        leave_names=LEAVE_NAMES,
        conflicts=sum(1 for r in rows if r.matches),
        leave_count=sum(1 for r in rows if r.leave),
    )
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = (
        "no-store" if request.method == "POST" else f"public, max-age={current_app.config['MAX_AGE']}"
    )
    return response
