"""JSON API: ``/api/v1/holidays``, ``/api/v1/holidays/<id>``, ``/api/v1/traditions``,
``/api/openapi.json`` and ``/healthz``.

Holiday names and descriptions are in ``lang`` (catalogue fallback:
requested language, base language, de, en); errors are
``{"error": "...", "parameter": "..."}`` with status 400 or 404.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify

from .. import languages, layers
from ..catalog import Holiday
from ..engine import Occurrence
from ..places import Place
from ..present import native_json, occurrence_dict
from . import holiday_or_404, i18n, params, state
from .openapi import openapi_document
from .templating import occurrence_url
from .urls import public, service_url

bp = Blueprint("api", __name__)
NEXT_OCCURRENCES = 5


def _json(payload: dict[str, Any], max_age: int | None = None) -> Response:
    response = jsonify(payload)
    age = current_app.config["MAX_AGE"] if max_age is None else max_age
    response.headers["Cache-Control"] = f"public, max-age={age}"
    return response


def occurrence_json(occ: Occurrence, lang: str, state: str | None = None, place: Place | None = None) -> dict[str, Any]:
    """``present.occurrence_dict`` with the detail page's absolute URL and ``eve_at`` at ``place``."""
    return occurrence_dict(occ, lang, state, url=occurrence_url(occ), place=place)


def holiday_json(holiday: Holiday, lang: str) -> dict[str, Any]:
    return {
        "id": holiday.id,
        "tradition": holiday.tradition,
        "community": holiday.community,
        "name": holiday.name(lang),
        "names": dict(holiday.names),
        "description": holiday.description(lang),
        "descriptions": dict(holiday.descriptions),
        "category": holiday.category,
        "starts_evening_before": holiday.starts_evening_before,
        "night": holiday.night,
        "since": holiday.since,
        "until": holiday.until,
        "sources": [source.as_dict() for source in holiday.sources],
        "native": native_json(holiday, lang),
        "url": service_url("pages.holiday", holiday_id=holiday.id),
    }


@bp.get("/api/v1/holidays")
def holidays() -> Response:
    query = params.parse_query()
    start, end = params.parse_range()
    found = state().engine.occurrences(start, end, **query.engine_kwargs())
    return _json(
        {
            "holidays": [occurrence_json(o, query.lang, query.state, query.place) for o in found],
            "coverage": layers.coverage_report(query.state, start.year, end.year, query.traditions),
        }
    )


#: The CSV columns (a contract: spreadsheets and scripts address them by name).
CSV_COLUMNS = ("id", "tradition", "name", "start", "end", "eve", "estimated", "category")


@bp.get("/api/v1/holidays.csv")
def holidays_csv() -> Response:
    """The occurrences of ``/api/v1/holidays`` as CSV: UTF-8 with a BOM, so Excel opens umlauts right;
    ``sep=semicolon`` for the German Excel, which splits on semicolons when a file is double-clicked."""
    import csv
    import io

    query = params.parse_query()
    start, end = params.parse_range()
    separator = params.parse_choice("sep", ("comma", "semicolon"), "comma")
    found = state().engine.occurrences(start, end, **query.engine_kwargs())
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if separator == "semicolon" else ",", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for occ in found:
        row = occurrence_dict(occ, query.lang, query.state, school=False, place=query.place)
        writer.writerow(
            [
                row["id"],
                row["tradition"],
                row["name"],
                row["start"],
                row["end"],
                row["eve"] or "",
                "true" if row["estimated"] else "false",
                row["category"],
            ]
        )
    response = Response("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    name = f"interkultur-{start.isoformat()}-{end.isoformat()}{'-excel' if separator == 'semicolon' else ''}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = f"public, max-age={current_app.config['MAX_AGE']}"
    return response


@bp.get("/api/v1/holidays/<holiday_id>")
def holiday(holiday_id: str) -> Response:
    query = params.parse_query()
    found = holiday_or_404(holiday_id)  # public-good-friday answers good-friday
    upcoming = state().engine.upcoming(
        found.id, params.today(), count=NEXT_OCCURRENCES, islamic=query.islamic, jewish=query.jewish, state=query.state
    )
    response = _json(
        {
            "holiday": holiday_json(found, query.lang),
            "next": [occurrence_json(o, query.lang, query.state, query.place) for o in upcoming],
        }
    )
    if found.id != holiday_id:  # an alias: name the holiday's own address
        response.headers["Link"] = f'<{service_url("api.holiday", holiday_id=found.id)}>; rel="canonical"'
    return response


def _colour(tradition: str) -> str | None:
    known = state().catalogue.reference.tradition(tradition)
    return known.colour if known else None


@bp.get("/api/v1/traditions")
def traditions() -> Response:
    query = params.parse_query()
    counts: dict[str, int] = {}
    for h in state().catalogue.holidays:
        counts[h.tradition] = counts.get(h.tradition, 0) + 1
    chosen = [t for t in state().catalogue.tradition_ids if query.traditions is None or t in query.traditions]
    return _json(
        {
            "traditions": [
                {
                    "id": t,
                    "name": i18n.tradition_name(t),
                    "holidays": counts.get(t, 0),
                    "colour": _colour(t),
                    "feed": public("feeds.tradition", tradition=t),
                }
                for t in chosen
            ]
        }
    )


@bp.get("/api/v1/places")
def places_() -> Response:
    """The places of ``data/places.yaml`` (``place=`` takes their ids), names in ``lang``."""
    query = params.parse_query()
    chain = languages.chain(query.lang)
    return _json(
        {
            "places": [
                {"id": p.id, "name": p.name(query.lang, chain), "lat": p.lat, "lon": p.lon, "tz": p.tz}
                for p in state().places.places
            ],
            "default": current_app.config["PLACE"],
        }
    )


@bp.get("/api/v1/languages")
def languages_() -> Response:
    """The interface languages (``languages.yaml``): code, endonym and writing direction."""
    params.parse_query()
    return _json(
        {
            "languages": [
                {"code": lang.code, "name": lang.endonym, "dir": lang.direction}
                for lang in languages.DATA.languages
                if lang.interface
            ]
        }
    )


@bp.get("/api/openapi.json")
def openapi() -> Response:
    params.parse_query()
    return _json(openapi_document(service_url("pages.index").rstrip("/") or "/"), max_age=3600)


@bp.get("/healthz")
def healthz() -> Response:
    response = jsonify({"status": "ok", "catalogue": state().catalogue.version})
    response.headers["Cache-Control"] = "no-store"
    return response
