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
``has_detail_page`` (written in ``web.school_display``). The JSON check's
input is read and refused in ``web.school_request``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from flask import Blueprint, Response, current_app, g, jsonify, render_template, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from .. import inputs, layers
from ..present import occurrence_dict
from ..schools import MAX_DATES, Match, check_dates
from . import i18n, params, plans
from . import state as app_state
from .i18n import N_, gettext
from .school_display import (
    LEAVE_NAMES,
    has_detail_page,
    land_name,
    school_coverage,
    school_rule,
    school_sources,
    school_states,
)
from .school_request import MSG_DATES_MANY, MSG_DATES_NONE, BadRequest, request_input, strict_dates
from .templating import occurrence_url

bp = Blueprint("schools", __name__)

API_PATH = "/api/v1/schools/check"
#: The Land the page's form starts with (the project's home, NRW).
DEFAULT_STATE = "NW"
#: The form may carry the upload plus the pasted text.
MAX_FORM_BYTES = plans.MAX_UPLOAD_BYTES + 64 * 1024
#: A permalink (GET with dates=) is offered up to this many dates.
MAX_LINK_DATES = 100

MSG_DAY_MISSING = N_("“%(date)s”: %(month)s %(year)s has only %(days)s days.")

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
        raw, land = request_input(query)
        dates = strict_dates(raw)
    except BadRequest as exc:
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
