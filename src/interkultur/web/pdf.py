"""Print: ``/year/<y>.pdf``, ``/month/<y>/<m>.pdf`` and ``/schoolyear/<y>.pdf`` (A4, for notice boards).

The PDFs are the HTML pages rendered by WeasyPrint from the same templates and
stylesheets (the print media rules of ``site.css``): Pango shapes every script
(Arabic, Farsi and Hebrew joined right to left, Devanagari, Gurmukhi, Chinese)
with the fonts fontconfig finds (Debian's Noto packages; see the README), and
WeasyPrint embeds the subsets it uses. The year and the school year are set in
landscape (four months across), a month in portrait with every holiday's meaning.

The renderer never fetches anything: the PDF's HTML links no stylesheet, script
or image; the stylesheets are handed over from this package (``_stylesheets``).
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Response, current_app, render_template

from . import params, state
from .i18n import gettext
from .monthview import month_view, school_year_months, school_year_range
from .pages import year_context
from .traditions import stylesheet_text

bp = Blueprint("pdf", __name__)


def _stylesheets(landscape: bool) -> list[Any]:
    """The pages' own stylesheets, read from this package: the PDF's HTML links none, so the renderer
    never fetches anything (no network, no file outside the package)."""
    from weasyprint import CSS

    folder = current_app.static_folder
    names = ["widget.css", "site.css"] + (["print-landscape.css"] if landscape else [])
    sheets = []
    for name in names:
        with open(f"{folder}/{name}", encoding="utf-8") as fp:
            sheets.append(CSS(string=fp.read()))
    sheets.insert(1, CSS(string=stylesheet_text(state().catalogue.reference)))
    return sheets


def render(html: str, filename: str, landscape: bool = False) -> Response:
    from weasyprint import HTML  # only the PDF routes need it (and its system libraries)

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # unsupported screen-only CSS is expected
    document = HTML(string=html, base_url=None)
    response = Response(document.write_pdf(stylesheets=_stylesheets(landscape)), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["Cache-Control"] = f"public, max-age={current_app.config['MAX_AGE']}"
    return response


@bp.get("/year/<int:year>.pdf")
def year(year: int) -> Response:
    context = year_context(year)  # the year page's own query and content
    html = render_template("year.html", **context, previous=None, following=None, pdf=True)
    return render(html, f"interkultur-{year}-{context['query'].lang}.pdf", landscape=True)


@bp.get("/schoolyear/<int:year>.pdf")
def school_year(year: int) -> Response:
    query = params.parse_query(negotiate=True, reading=True)
    params.check_year(year)
    params.check_year(year + 1)
    engine = state().engine
    start, end = school_year_range(year)
    months = school_year_months(engine, year, params.today(), **query.engine_kwargs())
    found = engine.occurrences(start, end, **query.engine_kwargs())
    title = gettext("School year %(start)s/%(end)s", start=str(year), end=str(year + 1))
    subtitle = gettext(
        "Holidays from 1 August %(start)s to 31 July %(end)s, for planning the school year.",
        start=str(year),
        end=str(year + 1),
    )
    html = render_template(
        "year.html",
        year=year,
        months=months,
        occurrences=found,
        query=query,
        previous=None,
        following=None,
        pdf=True,
        title=title,
        subtitle=subtitle,
    )
    return render(html, f"interkultur-schuljahr-{year}-{year + 1}-{query.lang}.pdf", landscape=True)


@bp.get("/month/<int:year>/<int:month>.pdf")
def month(year: int, month: int) -> Response:
    query = params.parse_query(negotiate=True, reading=True)
    params.check_year(year)
    params.check_month(month)
    view = month_view(state().engine, year, month, params.today(), **query.engine_kwargs())
    html = render_template("month_print.html", view=view, query=query, pdf=True)
    return render(html, f"interkultur-{year}-{month:02d}-{query.lang}.pdf")
