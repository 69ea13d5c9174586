"""Where a link points: the service's URL, or in a static export the file that route became.

Templates, feeds and the API build every link here, so an export gets its
relative links by construction rather than by rewriting rendered HTML. While
``web.export`` renders, the app holds a ``StaticSite`` (``app.extensions
[EXPORT_KEY]``) and each request names the file it becomes (``request.environ
[PAGE_KEY]``); a link to a page the export does not have is None, and the
templates' ``_links.html`` then shows the link's text.

Three kinds of address, because readers differ:

``href``      from the page being rendered (a browser resolves it): a path on the
              service, a relative path in an export.
``absolute``  for a program that stores it (calendar apps, a feed's URL): on
              ``BASE_URL`` or the request's host; in an export only with
              ``--base-url``, else None.
``public``    for JSON: ``absolute``, or in an export without a base URL the path
              from the site's root (a reader knows where it fetched the file).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from flask import current_app, g, request, url_for
from markupsafe import Markup

from ..languages import DEFAULT_LANGUAGE
from ..records import record

if TYPE_CHECKING:
    from .sitemap import SiteMap

#: ``app.extensions`` key of the ``StaticSite`` while an export renders.
EXPORT_KEY = "interkultur.export"
#: WSGI environ key of the ``ExportPage`` a request renders during an export.
PAGE_KEY = "interkultur.export.page"
#: Shown where an export without ``--base-url`` prints an address for people to copy.
PLACEHOLDER_SITE = "https://YOUR-SITE"


@record
class StaticSite:
    """What the app needs to know while rendering an export: its files and its public address."""

    site: SiteMap
    base_url: str | None  # without a trailing slash


@record
class ExportPage:
    """The file a request of the export becomes (relative to the export root)."""

    path: str
    follow_today: bool = False  # the landing pages jump to the visitor's current month (widget.js)


def static_site() -> StaticSite | None:
    return cast("StaticSite | None", current_app.extensions.get(EXPORT_KEY))


def _page() -> ExportPage:
    return cast(ExportPage, request.environ.get(PAGE_KEY) or ExportPage("index.html"))


def _lang() -> str:
    return cast(str, getattr(g, "lang", DEFAULT_LANGUAGE))


def relative(target: str, page: str) -> str:
    """``de/holiday/x.html`` seen from ``de/widget/2025/03.html``: ``../../holiday/x.html``."""
    path, _, fragment = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return rel + (f"#{fragment}" if fragment else "")


def href(endpoint: str, values: Mapping[str, Any]) -> str | None:
    """The link from the page being rendered; None in an export that does not have that page."""
    site = static_site()
    if site is None:
        return url_for(endpoint, **values)
    found = site.site.path(endpoint, values, _lang())
    return None if found is None else relative(found, _page().path)


def service_url(endpoint: str, **values: Any) -> str:
    """The service's absolute URL: on ``BASE_URL`` when configured, else on the request's (allowed) host.
    For answers an export never writes (the subscribe page, the embed builder, headers)."""
    path = url_for(endpoint, **values)
    root = request.script_root
    if root and path.startswith(root):
        path = path[len(root) :]
    base = current_app.config.get("BASE_URL") or request.url_root
    return cast(str, base).rstrip("/") + path


def absolute(endpoint: str, **values: Any) -> str | None:
    """An absolute URL for programs that store it; in an export only on ``--base-url`` (else None)."""
    site = static_site()
    if site is None:
        return service_url(endpoint, **values)
    found = site.site.path(endpoint, values, _lang())
    return f"{site.base_url}/{found}" if found is not None and site.base_url else None


def public(endpoint: str, **values: Any) -> str | None:
    """A URL for JSON: ``absolute``, or the path from the export's root when it has no base URL."""
    site = static_site()
    if site is not None and not site.base_url:
        return site.site.path(endpoint, values, _lang())
    return absolute(endpoint, **values)


def feed_href(endpoint: str, **values: Any) -> str | None:
    """A feed to subscribe to: absolute (calendar apps need it), in an export without a base URL the
    file itself (downloading it still works)."""
    return absolute(endpoint, **values) or href(endpoint, values)


def shown_url(endpoint: str, **values: Any) -> str:
    """An address printed for people to copy (the embed line, the credit line): absolute; in an export
    without a base URL where it will be, on ``PLACEHOLDER_SITE``."""
    found = absolute(endpoint, **values)
    if found is not None:
        return found
    site = static_site()
    path = site.site.path(endpoint, values, _lang()) if site is not None else None
    return f"{PLACEHOLDER_SITE}/{path or ''}"


def export_markers() -> Markup:
    """Attributes of an exported page's ``<html>`` for ``widget.js``: the months the export has, the file
    pattern of a month, and on the landing pages that the visitor's current month is to be shown."""
    site = static_site()
    if site is None:
        return Markup("")
    page = _page()
    years = site.site.years
    pattern = relative(f"{_lang()}/widget/YYYY/MM.html", page.path)
    markers = Markup(' data-ik-static="%s-01 %s-12" data-ik-month-pattern="%s"') % (years[0], years[-1], pattern)
    return markers + (Markup(" data-ik-follow-today") if page.follow_today else Markup(""))
