"""The embeddable month widget: ``/widget``, ``/widget/<year>/<month>``, ``/embed.js``."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, current_app, g, render_template, request

from .. import translations
from ..languages import LANGUAGES
from . import params, state, theme, urls
from .monthview import month_view

bp = Blueprint("widget", __name__)


def render_month(year: int, month: int, page: str) -> Response:
    query = params.parse_query(negotiate=True, dual=True, reading=True)
    g.theme = theme.parse_theme()
    params.check_year(year)
    params.check_month(month)
    view = month_view(
        state().engine,
        year,
        month,
        params.today(),
        dual=query.dual,
        mark_today=params.marks_today(),
        **query.engine_kwargs(),
    )
    response = Response(render_template(page, view=view, query=query, theme=g.theme), mimetype="text/html")
    response.headers["Cache-Control"] = f"public, max-age={current_app.config['MAX_AGE']}"
    return response


@bp.get("/widget")
def current() -> Response:
    today = params.today()
    return render_month(today.year, today.month, "widget.html")


@bp.get("/widget/<int:year>/<int:month>")
def month(year: int, month: int) -> Response:
    return render_month(year, month, "widget.html")


@bp.get("/widget/theme.css")
def theme_css() -> Response:
    """The host site's colours as custom properties (``theme.stylesheet``): no inline styles needed."""
    chosen = theme.parse_theme()
    etag = "theme-" + "-".join(f"{k}{v}" for k, v in sorted(chosen.args().items()))
    if request.if_none_match.contains(etag):
        response = Response(status=304)
    else:
        response = Response(theme.stylesheet(chosen), mimetype="text/css")
    response.set_etag(etag)
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


@bp.get("/embed.js")
def embed() -> Response:
    # The script is static; it reads data-* attributes and its own query string.
    # The common parameters are still validated so a typo shows up as a 400.
    params.parse_query(dual=True)
    # a static export's embed.js loads the exported widget pages next to it
    body = embed_script(Path(f"{current_app.static_folder}/embed.js"), static=urls.static_site() is not None)
    response = Response(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


_TITLES = re.compile(r"var titles = \{[^}]*\};")
_STATIC_SWITCH = "var STATIC = false;"


@lru_cache(maxsize=4)
def embed_script(path: Path, static: bool = False) -> bytes:
    """embed.js with the iframe's title in every interface language (gettext), so that a screen
    reader announces the embedded calendar in the page's language; the file itself names four.
    ``static``: the layout of a static export (widget pages beside the script, no service)."""
    text = path.read_text(encoding="utf-8")
    if static:
        if text.count(_STATIC_SWITCH) != 1:
            raise RuntimeError(f"{path} has no single {_STATIC_SWITCH!r} to switch")
        text = text.replace(_STATIC_SWITCH, "var STATIC = true;")
    titles = {lang: translations.get(lang).gettext("Intercultural calendar") for lang in LANGUAGES}
    text, count = _TITLES.subn(lambda _m: f"var titles = {json.dumps(titles, ensure_ascii=False)};", text, count=1)
    if count != 1:
        raise RuntimeError(f"{path} has no 'var titles = {{...}};' to fill in")
    return text.encode("utf-8")
