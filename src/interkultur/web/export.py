"""``interkultur export DIR``: the public site as static files for any static host or CDN.

Every file is rendered by the Flask application itself (its test client), so
the static site shows exactly what the service shows; this module only
chooses the pages, maps the service's URLs to files and rewrites links:

    index.html                     landing page (first language)
    <lang>/index.html              landing page
    <lang>/widget/index.html       the widget; jumps to the visitor's current month (JavaScript)
    <lang>/widget/2025/03.html     the month widget, one file per month of the chosen years
    <lang>/year/2025.html          printable year overview
    <lang>/holiday/<id>.html       detail page; <lang>/holiday/<id>.ics its "add to calendar" file
    <lang>/feeds/all.ics           all traditions; <lang>/feeds/<tradition>.ics one tradition
    <lang>/api/holidays/2025.json  the API's answer for the year; <lang>/api/traditions.json
    <lang>/holidays/2025.csv       the year as CSV (and 2025-excel.csv, semicolons for German Excel)
    <lang>/year/2025.pdf           with --pdf: the year on A4; <lang>/month/2025/03.pdf each month
    static/…                       CSS, JavaScript, icon
    embed.js                       the service's embed script switched to the static layout (iframe + resizing)

Links between pages are relative, so the tree works from any directory of
any host. Links to pages that were not exported (months outside the years,
the Land switch, the live API) are turned into plain text. "Today" is marked
in the browser: the pages are rendered without a today marker and
``widget.js`` marks the visitor's date. Feeds and JSON carry absolute links
only with ``--base-url``; without it feeds have no links and JSON has paths
relative to the site root. What the host must configure (``frame-ancestors``
for the widget, content types for ``.ics`` and ``.json``) is in the README.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from .. import query
from ..catalog import Catalogue
from ..icalfold import fold_line
from ..languages import EXPORT_LANGUAGES, LANGUAGES
from .publish import Tree
from .sitemap import _SENTINEL_HOST, SENTINEL, SiteMap

if TYPE_CHECKING:
    from flask import Flask

    from . import State

_ATTRIBUTE = re.compile(r'\b(href|src|action)="([^"]*)"')
_ANCHOR = re.compile(r"(<a\b[^>]*>)(.*?)</a>", re.DOTALL)
_FORM = re.compile(r"<form\b[^>]*>.*?</form>\s*", re.DOTALL)
_TODAY_CELL = re.compile(r'<td class="[^"]*\bik-today\b[^"]*"[^>]*>.*?</td>', re.DOTALL)
_HTML_TAG = re.compile(r"<html\b")
_SNIPPET = re.compile(r'&lt;script src="' + re.escape(SENTINEL) + r'/embed\.js"[^<]*?&gt;&lt;/script&gt;')


def default_years(today: date) -> range:
    """Last year to three years ahead, within the supported years."""
    return query.clamp_years(today.year - 1, today.year + 3)


def parse_years(text: str) -> range:
    """``2024-2030`` or ``2025``."""
    first, _, last = text.partition("-")
    try:
        start, end = int(first), int(last or first)
    except ValueError:
        raise ValueError(f"{text!r} is not a year range such as 2024-2030") from None
    if start > end:
        raise ValueError(f"{text!r}: the first year is after the last")
    for year in (start, end):
        query.check_year(year)  # a QueryError is a ValueError: the CLI prints its detail
    return range(start, end + 1)


def parse_languages(text: str) -> list[str]:
    chosen = list(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    unknown = [code for code in chosen if code not in LANGUAGES]
    if unknown or not chosen:
        raise ValueError(f"unknown language {', '.join(unknown) or '(none)'} (allowed: {', '.join(LANGUAGES)})")
    return chosen


@dataclass
class Report:
    directory: Path
    years: range
    languages: list[str]
    files: dict[str, int] = field(default_factory=dict)  # kind -> count

    def count(self, kind: str) -> None:
        self.files[kind] = self.files.get(kind, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.files.values())


def _relative(target: str, page: str) -> str:
    path, _, fragment = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return rel + (f"#{fragment}" if fragment else "")


class Exporter:
    def __init__(self, app: Flask, site: SiteMap, base_url: str | None, today: date, log: Callable[[str], None]):
        self.app = app
        self.client = app.test_client()
        self.site = site
        self.base_url = base_url.rstrip("/") if base_url else None
        self.today = today
        self.log = log

    # -- fetching ------------------------------------------------------------------------------
    def get(self, url: str) -> bytes:
        response = self.client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"export: {url} answered {response.status_code}: {response.data[:200]!r}")
        return cast(bytes, response.data)

    def public(self, path: str) -> str:
        """The public URL of an export path: absolute on --base-url, else relative to the site root."""
        return f"{self.base_url}/{path}" if self.base_url else path

    # -- HTML ----------------------------------------------------------------------------------
    def html_page(self, url: str, page: str, lang: str, follow_today: bool = False) -> bytes:
        text = self.get(url).decode("utf-8")
        # GET forms (the Land switch) add query parameters: a static host has one file per page
        text = _FORM.sub("", text)
        # the embed snippet on the landing page: the static embed script knows language and month
        text = _SNIPPET.sub(lambda m: f'&lt;script src="{self.base_url or "https://YOUR-SITE"}/embed.js" '
                                      f'data-lang="{lang}"&gt;&lt;/script&gt;', text)
        text = _ANCHOR.sub(lambda m: self._anchor(m, page, lang), text)
        text = _ATTRIBUTE.sub(lambda m: self._attribute(m, page, lang), text)
        text = _TODAY_CELL.sub(lambda m: self._unmark_today(m.group(0), lang), text)
        # the embed snippet on the landing page and any other absolute URL left in the text
        text = text.replace(SENTINEL, self.base_url or "")
        first, last = self.site.years[0], self.site.years[-1]
        pattern = _relative(f"{lang}/widget/YYYY/MM.html", page)
        markers = (f' data-ik-static="{first}-01 {last}-12" data-ik-month-pattern="{pattern}"'
                   + (" data-ik-follow-today" if follow_today else ""))
        text = _HTML_TAG.sub("<html" + markers, text, count=1)
        return text.encode("utf-8")

    def _target(self, raw: str, page: str, lang: str) -> str | None:
        """New attribute value for an app URL; None for a link to a page that is not exported."""
        url = html.unescape(raw)
        if url.startswith("#") or url.startswith("data:") or url.startswith("mailto:"):
            return raw
        webcal = url.startswith("webcal://")
        if webcal:
            url = "https://" + url[len("webcal://"):]
        parts = urlsplit(url)
        if (parts.scheme or parts.netloc) and parts.netloc != _SENTINEL_HOST:
            return raw  # a link to another site (sources)
        found = self.site.path_for(url, lang)
        if found is None:
            return None
        if webcal:  # calendar apps need an absolute address; without a base URL the file link has to do
            return html.escape("webcal://" + self.public(found).split("://", 1)[1]) if self.base_url \
                else html.escape(_relative(found, page))
        return html.escape(_relative(found, page))

    def _anchor(self, match: re.Match[str], page: str, lang: str) -> str:
        tag, inner = match.group(1), match.group(2)
        href = re.search(r'\bhref="([^"]*)"', tag)
        if href is None or self._target(href.group(1), page, lang) is not None:
            return match.group(0)
        classes = re.search(r'\bclass="([^"]*)"', tag)
        if classes and "ik-nav" in classes.group(1).split():
            return '<span class="ik-nav" aria-hidden="true"></span>'  # as the widget shows a missing month
        cls = f' class="{classes.group(1)}"' if classes else ""
        return f"<span{cls}>{inner}</span>"

    def _attribute(self, match: re.Match[str], page: str, lang: str) -> str:
        name, raw = match.group(1), match.group(2)
        target = self._target(raw, page, lang)
        return f'{name}="{target if target is not None else raw}"'

    @staticmethod
    def _unmark_today(cell: str, lang: str) -> str:
        """Drop the server's today marker; widget.js marks the visitor's today instead."""
        from .. import translations

        word = html.escape(translations.get(lang).gettext("today"))
        cell = re.sub(r'(class="[^"]*?)\s*\bik-today\b', r"\1", cell, count=1)
        return cell.replace(' aria-current="date"', "").replace(f" ({word})", "")

    # -- iCalendar and JSON --------------------------------------------------------------------
    def calendar(self, url: str, lang: str) -> bytes:
        """The feed with its links moved to the static pages (or dropped without a base URL)."""
        body = self.get(url).decode("utf-8")
        lines = body.replace("\r\n ", "").split("\r\n")  # unfold
        link = re.compile(re.escape(SENTINEL) + r"/[^\s\\,;]*")

        def replace(match: re.Match[str]) -> str:
            found = self.site.path_for(match.group(0), lang)
            return self.public(found) if found and self.base_url else ""

        out = []
        for line in lines:
            if SENTINEL in line:
                if line.startswith("URL"):
                    value = replace(cast(re.Match[str], link.search(line)))  # SENTINEL is in the line
                    if not value:
                        continue
                    line = line.split(":", 1)[0] + ":" + value
                else:  # DESCRIPTION: the link is its last paragraph
                    line = link.sub(replace, line)
                    while line.endswith("\\n"):
                        line = line[:-2]
            out.append(fold_line(line) if line else line)
        return "\r\n".join(out).encode("utf-8")

    def json_document(self, url: str, lang: str) -> bytes:
        data = json.loads(self.get(url))

        def walk(value: Any) -> Any:
            if isinstance(value, dict):
                return {k: (self._json_url(v, lang) if k in ("url", "feed") and isinstance(v, str) else walk(v))
                        for k, v in value.items()}
            if isinstance(value, list):
                return [walk(v) for v in value]
            return value

        return json.dumps(walk(data), ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def _json_url(self, url: str, lang: str) -> str | None:
        found = self.site.path_for(url, lang)
        return self.public(found) if found else None


_EMBED_SWITCH = "var STATIC = false;"


def _static_embed_script(service_script: Path) -> bytes:
    """The service's embed.js switched to the static layout (exported widget pages next to it)."""
    from .widget import embed_script  # with the iframe titles of every language

    text = embed_script(service_script).decode("utf-8")
    if text.count(_EMBED_SWITCH) != 1:
        raise RuntimeError(f"{service_script} has no single {_EMBED_SWITCH!r} to switch")
    return text.replace(_EMBED_SWITCH, "var STATIC = true;").encode("utf-8")


def export_site(directory: str | Path, *, years: range | None = None, languages: Iterable[str] | None = None,
                base_url: str | None = None, catalogue: Catalogue | str | None = None,
                today: date | None = None, log: Callable[[str], None] = lambda message: None,
                pdf: bool = False) -> Report:
    """Build the static site beside ``directory`` and switch ``directory`` to it (``publish.Tree``).

    Raises ``publish.PublishError`` (one line) on I/O problems; the tree served before stays as it was.
    """
    from . import create_app, params

    config: dict[str, Any] = {"BASE_URL": SENTINEL, "RESPONSE_CACHE_ENTRIES": 0, "STATIC_EXPORT": True,
                              "EXPORT_PDF": pdf}
    if catalogue is not None:
        config["CATALOGUE"] = catalogue
    if today is not None:
        config["TODAY"] = today.isoformat()
    app = create_app(config)
    with app.app_context():
        today = params.today()
    years = years or default_years(today)
    languages = list(languages or EXPORT_LANGUAGES)
    state = app.extensions["interkultur"]
    holiday_ids = [h.id for h in state.catalogue.holidays]
    traditions = list(state.catalogue.traditions)
    site = SiteMap(years, languages, holiday_ids, traditions, pdf)
    exporter = Exporter(app, site, base_url, today, log)
    tree = Tree(directory)  # beside the served tree; ``switch`` makes it the served one
    report = Report(tree.target, years, languages)

    def write(path: str, body: bytes, kind: str) -> None:
        for written in tree.write(path, body):
            report.count("gzip" if written.endswith(".gz") and not path.endswith(".gz") else kind)

    try:
        _write_site(exporter, write, app, state, today, years, languages, holiday_ids, traditions, pdf)
        tree.switch(log)  # raises only while the old tree is still the one served
    except BaseException:
        tree.discard()
        raise
    return report


def _write_site(exporter: Exporter, write: Callable[[str, bytes, str], None], app: Flask, state: State, today: date,
                years: range, languages: list[str], holiday_ids: list[str], traditions: list[str],
                pdf: bool = False) -> None:
    """Every page, feed and JSON document of the site, through ``write``."""
    log = exporter.log
    clamped = min(max(today, date(years[0], 1, 1)), date(years[-1], 12, 31))
    for lang in languages:
        log(f"{lang}: pages")
        write(f"{lang}/index.html", exporter.html_page(f"/?lang={lang}", f"{lang}/index.html", lang, True), "html")
        write(f"{lang}/widget/index.html",
              exporter.html_page(f"/widget/{clamped.year}/{clamped.month}?lang={lang}", f"{lang}/widget/index.html",
                                 lang, True), "html")
        for year in years:
            for month in range(1, 13):
                page = f"{lang}/widget/{year}/{month:02d}.html"
                write(page, exporter.html_page(f"/widget/{year}/{month}?lang={lang}", page, lang), "html")
            page = f"{lang}/year/{year}.html"
            write(page, exporter.html_page(f"/year/{year}?lang={lang}", page, lang), "html")
            write(f"{lang}/api/holidays/{year}.json",
                  exporter.json_document(f"/api/v1/holidays?from={year}-01-01&to={year}-12-31&lang={lang}", lang),
                  "json")
            span = f"from={year}-01-01&to={year}-12-31&lang={lang}"
            write(f"{lang}/holidays/{year}.csv", exporter.get(f"/api/v1/holidays.csv?{span}"), "csv")
            write(f"{lang}/holidays/{year}-excel.csv", exporter.get(f"/api/v1/holidays.csv?{span}&sep=semicolon"),
                  "csv")
            if pdf:
                log(f"{lang}: PDFs {year}")
                write(f"{lang}/year/{year}.pdf", exporter.get(f"/year/{year}.pdf?lang={lang}"), "pdf")
                for month in range(1, 13):
                    write(f"{lang}/month/{year}/{month:02d}.pdf",
                          exporter.get(f"/month/{year}/{month}.pdf?lang={lang}"), "pdf")
        write(f"{lang}/api/traditions.json", exporter.json_document(f"/api/v1/traditions?lang={lang}", lang), "json")
        for holiday_id in holiday_ids:
            page = f"{lang}/holiday/{holiday_id}.html"
            write(page, exporter.html_page(f"/holiday/{holiday_id}?lang={lang}", page, lang), "html")
            write(f"{lang}/holiday/{holiday_id}.ics",
                  exporter.calendar(f"/holiday/{holiday_id}.ics?lang={lang}", lang), "ics")
        log(f"{lang}: feeds")
        write(f"{lang}/feeds/all.ics", exporter.calendar(f"/feeds/all.ics?lang={lang}", lang), "ics")
        for tradition in traditions:
            write(f"{lang}/feeds/{tradition}.ics",
                  exporter.calendar(f"/feeds/{tradition}.ics?lang={lang}", lang), "ics")
    write("index.html", exporter.html_page(f"/?lang={languages[0]}", "index.html", languages[0], True), "html")

    static = Path(app.static_folder or "")
    for source in sorted(static.iterdir()):
        if source.is_file() and not source.name.startswith("embed") and not source.name.endswith(".gz"):
            write(f"static/{source.name}", source.read_bytes(), "static")
    write("embed.js", _static_embed_script(static / "embed.js"), "static")
    from .traditions import stylesheet_text  # generated from traditions.yaml, not a file in static/

    write("static/traditions.css", stylesheet_text(state.catalogue.reference).encode("utf-8"), "static")


__all__ = ["export_site", "default_years", "parse_years", "parse_languages", "SiteMap", "SENTINEL", "Report"]
