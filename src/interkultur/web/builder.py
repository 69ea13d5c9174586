"""Pages for the editors of host sites: ``/embed`` (the embed builder) and ``/about`` (sources, licences).

The builder is a plain GET form: without JavaScript it reloads with the chosen
options and shows the preview and both snippets for them; ``embed-builder.js``
updates them live. It never computes a date: the preview is the widget itself.
"""

from __future__ import annotations

from html import escape

from flask import Blueprint, Response, current_app

from ..catalog.model import Source
from ..languages import DEFAULT_LANGUAGE
from ..records import record
from . import params, state, theme
from .pages import _page
from .urls import service_url as absolute

bp = Blueprint("builder", __name__)
#: The iframe snippet's height: the widget's usual height for a month with a few holidays.
IFRAME_HEIGHT = 640


@record
class Choice:
    """What an editor chose in the builder, as the widget's query parameters (only non-defaults)."""

    args: dict[str, str]

    def data_attributes(self) -> str:
        """`` data-lang="tr" data-accent="ffcc00"`` for the script snippet, escaped."""
        return "".join(f' data-{name}="{escape(value)}"' for name, value in self.args.items())


def _choice(query: params.Query, chosen_theme: theme.Theme) -> Choice:
    args: dict[str, str] = {}
    explicit = query.explicit
    args["lang"] = query.lang
    for name in ("tradition", "category", "islamic", "jewish", "state"):
        if explicit.get(name):
            args[name] = explicit[name]
    args.update(chosen_theme.args())
    return Choice(args)


@bp.get("/embed")
def embed() -> Response:
    query = params.parse_query(negotiate=True)
    error = None
    try:
        chosen_theme = theme.parse_theme()
    except params.WebError as exc:  # the form's own colour fields: say so next to them, keep the page
        chosen_theme, error = theme.Theme(), exc
    choice = _choice(query, chosen_theme)
    script_snippet = f'<script src="{absolute("widget.embed")}"{choice.data_attributes()}></script>'
    widget_url = absolute("widget.current", **choice.args)
    iframe_snippet = (
        f'<iframe src="{escape(widget_url)}" title="{escape(_iframe_title(query.lang))}" '
        f'width="100%" height="{IFRAME_HEIGHT}" loading="lazy" '
        f'style="border:0;max-width:32rem"></iframe>'
    )
    ancestors = current_app.config.get("FRAME_ANCESTORS") or "*"
    catalogue = state().catalogue
    response = _page(
        "embed.html",
        query=query,
        choice=choice,
        theme_choice=chosen_theme,
        error=error,
        script_snippet=script_snippet,
        iframe_snippet=iframe_snippet,
        preview_url=widget_url,
        ancestors=ancestors,
        catalogue=catalogue,
        profiles=params.islamic_profiles(),
        jewish_variants=params.JEWISH_VARIANTS,
        themes=theme.THEMES,
    )
    if error is not None:
        response.status_code = 400
    return response


def _iframe_title(lang: str) -> str:
    from .. import translations

    return translations.get(lang or DEFAULT_LANGUAGE).gettext("Intercultural calendar")


def catalogue_sources() -> list[tuple[Source, list[str]]]:
    """Every distinct source of the catalogue with the ids of the holidays citing it, in catalogue order."""
    seen: dict[tuple[str, str, str | None], tuple[Source, list[str]]] = {}
    catalogue = state().catalogue
    for holiday in catalogue.holidays:
        for source in (*holiday.sources, *holiday.name_sources.values()):
            key = (source.publisher, source.title, source.url)
            seen.setdefault(key, (source, []))[1].append(holiday.id)
    for sources in catalogue.school_sources.values():
        for source in sources:
            seen.setdefault((source.publisher, source.title, source.url), (source, []))
    return list(seen.values())


@bp.get("/about")
def about() -> Response:
    query = params.parse_query(negotiate=True)
    return _page("about.html", query=query, sources=catalogue_sources(), catalogue=state().catalogue)
