"""Jinja set-up: autoescaping, gettext through the request's language, helpers.

Templates get ``_``/``gettext``/``ngettext`` (new-style, autoescape-safe), the
localised names of months, weekdays, traditions and categories, and ``link``
/ ``absolute`` / ``feed_href`` / ``shown_url`` (``web.urls``) for URLs that
carry the request's validated parameters, in an export the static files.
"""

from __future__ import annotations

from typing import Any, cast

from flask import Flask, g, request
from markupsafe import Markup

from .. import __version__, languages, layers
from ..languages import DEFAULT_LANGUAGE
from . import i18n, urls


def link(endpoint: str, **values: Any) -> str | None:
    """URL of ``endpoint`` keeping the request's explicit common parameters (``urls.href``: None when a
    static export does not have the page)."""
    query = getattr(g, "query", None)
    args = query.link_args() if query is not None else {}
    chosen_theme = getattr(g, "theme", None)
    if chosen_theme is not None and endpoint.startswith("widget."):
        args.update(chosen_theme.args())  # the widget keeps the host's colours from month to month
    args.update({k: v for k, v in values.items() if v is not None})
    return urls.href(endpoint, args)


def occurrence_url(occ: Any) -> str | None:
    """An occurrence's detail page for JSON; None for public holidays and school breaks (generated layers,
    no page)."""
    return urls.public("pages.holiday", holiday_id=occ.id) if occ.tradition not in layers.LAYERS else None


def webcal(url: str) -> str:
    """``https://host/feeds/all.ics`` -> ``webcal://host/feeds/all.ics`` (calendar apps subscribe)."""
    return "webcal://" + url.split("://", 1)[1] if "://" in url else url


def _webcal_link(url: str | None) -> str | None:
    """``webcal`` for templates: a relative link (an export without a base URL) or None stays as it is."""
    return webcal(url) if url else url


def isolate(text: object) -> str:
    """``text`` between U+2068 and U+2069 on a right-to-left page (``languages.isolate``), for places
    where no ``<bdi>`` can go: attributes, the title, values inside a translated sentence."""
    return languages.isolate(str(text), getattr(g, "lang", DEFAULT_LANGUAGE))


def isolate_values(values: dict[str, Any]) -> dict[str, str]:
    """Every value of a message's variables isolated (parameter names, allowed values, years)."""
    return {key: isolate(value) for key, value in values.items()}


def text_attrs(code: str, own: str = ' dir="auto"') -> Markup:
    """`` lang="de" dir="ltr"`` for a text in another language than the page (a fallback: an editor's
    holiday without a Kurdish name shows its German one, and a screen reader must read it as German);
    ``own`` for a text in the page's language."""
    if code == getattr(g, "lang", DEFAULT_LANGUAGE):
        return Markup(own)
    return Markup(' lang="%s" dir="%s"') % (code, languages.direction(code))


def name_attrs(holiday: Any) -> Markup:
    """``text_attrs`` of a holiday's name in the page's language (nothing when it is in that language)."""
    return text_attrs(holiday.name_language(getattr(g, "lang", DEFAULT_LANGUAGE)), "")


def desc_attrs(holiday: Any) -> Markup:
    """``text_attrs`` of a holiday's description (``dir="auto"`` when it is in the page's language)."""
    return text_attrs(holiday.description_language(getattr(g, "lang", DEFAULT_LANGUAGE)))


def labelled(text: str, code: str) -> Markup:
    """``text`` as it stands in the page's language, or in a ``<bdi>`` naming its own language when it is
    a fallback (a tradition's German name on a Farsi page)."""
    if code == getattr(g, "lang", DEFAULT_LANGUAGE):
        return Markup("%s") % text
    return Markup("<bdi%s>%s</bdi>") % (text_attrs(code, ""), text)


def tradition_label(tradition: str) -> Markup:
    """The tradition's name for a page (``i18n.tradition_name``), marked where it is a fallback."""
    return labelled(i18n.tradition_name(tradition), i18n.tradition_language(tradition))


def category_label(category: str) -> Markup:
    return labelled(i18n.category_name(category), i18n.category_language(category))


def asset(filename: str) -> str | None:
    return urls.href("static", {"filename": filename, "v": __version__})


def traditions_css() -> str | None:
    """The generated stylesheet of tradition colours, addressed by the data's digest (``web.traditions``)."""
    from . import state

    return urls.href("traditions.stylesheet", {"v": state().catalogue.reference.digest})


def category_ids() -> tuple[str, ...]:
    """The catalogue's categories in file order, for the widget's holiday selector."""
    from . import state

    return state().catalogue.reference.category_ids


def coming_events() -> list[Any]:
    """The next local events for the widget's "Coming up" box, filtered like the widget:
    with ``tradition=``, events naming another tradition are left out, those naming none kept."""
    from . import params, state

    query = getattr(g, "query", None)
    return state().events.upcoming(params.today(), traditions=query.traditions if query else None)


def events_heading() -> str:
    from .events import heading

    return heading(i18n.current_language())


def event_title(event: Any) -> tuple[str, str | None]:
    """The event's title in the reader's language (or the fallback chain) and that text's language."""
    from ..languages import chain

    return cast(tuple[str, str | None], event.title(chain(i18n.current_language())))


def _bytecode_cache() -> Any:
    """Jinja's own cache of compiled templates, in the disk cache (``diskcache``), or None.

    Compiling the templates was two thirds of the first page after a start (about 70 ms).
    Jinja keys an entry by template name and source; the folder adds what else shapes the
    compiled code: this module's settings (the package's code fingerprint) and Jinja's version.
    """
    from .. import diskcache

    folder = diskcache.directory()
    if folder is None:
        return None
    import jinja2

    templates = folder / f"templates-{jinja2.__version__}-{diskcache.code_fingerprint()[:16]}"
    try:
        templates.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(templates))


def init_app(app: Flask) -> None:
    app.jinja_env.bytecode_cache = _bytecode_cache()
    app.jinja_env.autoescape = True
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s, **kw: i18n.gettext(s, **kw),
        ngettext=lambda s, p, n, **kw: i18n.ngettext(s, p, n, **kw),
        newstyle=True,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.filters["isolate"] = isolate
    app.jinja_env.filters["isolate_values"] = isolate_values
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.globals.update(
        link=link,
        absolute=urls.absolute,
        feed_href=urls.feed_href,
        shown_url=urls.shown_url,
        export_markers=urls.export_markers,
        lang_link=lang_link,
        webcal=_webcal_link,
        asset=asset,
        traditions_css=traditions_css,
        category_ids=category_ids,
        coming_events=coming_events,
        events_heading=events_heading,
        event_title=event_title,
        event_when=i18n.event_when,
        evening_begins=i18n.evening_begins,
        # templates show names as text: a fallback name says its language (feeds and the API use i18n's)
        tradition_name=tradition_label,
        category_name=category_label,
        month_name=i18n.month_name,
        month_beside=i18n.month_beside,
        weekday_names=i18n.weekday_names,
        hijri_month_name=i18n.hijri_month_name,
        hebrew_month_name=i18n.hebrew_month_name,
        long_date=i18n.long_date,
        full_date=i18n.full_date,
        day_month=i18n.day_month,
        date_range=i18n.date_range,
        statutory_note=i18n.statutory_note,
        version=__version__,
        name_attrs=name_attrs,
        desc_attrs=desc_attrs,
        text_attrs=text_attrs,
        direction_of=languages.direction,
        interface_languages=[lang for lang in languages.DATA.languages if lang.interface],
    )

    @app.context_processor
    def _language() -> dict[str, Any]:
        lang = getattr(g, "lang", DEFAULT_LANGUAGE)
        return {"lang": lang, "dir": i18n.text_direction()}


def lang_link(code: str) -> str | None:
    """The current page in another language (the landing page when there is no page; None when a static
    export does not have the language)."""
    endpoint = request.endpoint
    if (
        endpoint is None
        or endpoint == "static"
        or request.routing_exception is not None
        or getattr(g, "error_page", False)
    ):
        return urls.href("pages.index", {"lang": code})
    query = getattr(g, "query", None)
    args = dict(request.view_args or {})
    args.update(query.link_args() if query is not None else {})
    args["lang"] = code
    try:
        return urls.href(endpoint, args)
    except Exception:  # noqa: BLE001 - an odd route must not break a page
        return urls.href("pages.index", {"lang": code})
