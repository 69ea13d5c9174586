"""Pages for people: ``/`` (landing), ``/year/<year>`` (printable), ``/holiday/<id>``."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, Response, current_app, render_template

from ..engine import Occurrence
from . import holiday_or_404, params, state
from .monthview import month_view, year_months, year_neighbours

bp = Blueprint("pages", __name__)
NEXT_DATES = 5


def _page(template: str, **context: Any) -> Response:
    response = Response(render_template(template, **context), mimetype="text/html")
    response.headers["Cache-Control"] = f"public, max-age={current_app.config['MAX_AGE']}"
    return response


@bp.get("/")
def index() -> Response:
    query = params.parse_query(negotiate=True, dual=True, reading=True)
    today = params.today()
    view = month_view(
        state().engine,
        today.year,
        today.month,
        today,
        dual=query.dual,
        mark_today=params.marks_today(),
        **query.engine_kwargs(),
    )
    return _page("index.html", view=view, query=query, catalogue=state().catalogue)


@bp.get("/favicon.ico")
def favicon() -> Response:
    response = current_app.send_static_file("favicon.svg")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def year_context(year: int) -> dict[str, Any]:
    """What ``year.html`` shows for ``year`` and the request's query: the page and its PDF alike."""
    query = params.parse_query(negotiate=True, reading=True)
    params.check_year(year)
    engine = state().engine
    months = year_months(engine, year, params.today(), mark_today=params.marks_today(), **query.engine_kwargs())
    found = engine.occurrences(date(year, 1, 1), date(year, 12, 31), **query.engine_kwargs())
    return {"year": year, "months": months, "occurrences": found, "query": query}


@bp.get("/year/<int:year>")
def year(year: int) -> Response:
    previous, following = year_neighbours(year)
    return _page("year.html", **year_context(year), previous=previous, following=following)


@bp.get("/holiday/<holiday_id>")
def holiday(holiday_id: str) -> Response:
    query = params.parse_query(negotiate=True)
    found = holiday_or_404(holiday_id)
    upcoming: list[Occurrence] = state().engine.upcoming(
        found.id, params.today(), count=NEXT_DATES, islamic=query.islamic, jewish=query.jewish, state=query.state
    )
    return _page("holiday.html", holiday=found, upcoming=upcoming, query=query)
