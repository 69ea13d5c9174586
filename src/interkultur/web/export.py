"""``interkultur export DIR``: the public site as static files for any static host or CDN.

Every file is rendered by the Flask application itself (its test client), so
the static site shows exactly what the service shows; this module only
chooses the pages and writes them:

    index.html                     landing page (first language)
    <lang>/index.html              landing page
    <lang>/widget/index.html       the widget; jumps to the visitor's current month (JavaScript)
    <lang>/widget/2025/03.html     the month widget, one file per month of the chosen years
    <lang>/year/2025.html          printable year overview
    <lang>/holiday/<id>.html       detail page; <lang>/holiday/<id>.ics its "add to calendar" file
    <lang>/about.html              sources and licences (how to credit the catalogue)
    <lang>/feeds/all.ics           all traditions; <lang>/feeds/<tradition>.ics one tradition
    <lang>/api/holidays/2025.json  the API's answer for the year; <lang>/api/traditions.json
    <lang>/holidays/2025.csv       the year as CSV (and 2025-excel.csv, semicolons for German Excel)
    <lang>/year/2025.pdf           with --pdf: the year on A4; <lang>/month/2025/03.pdf each month
    static/…                       CSS, JavaScript, icon
    embed.js                       the service's embed script switched to the static layout (iframe + resizing)

Every link is built by ``web.urls`` from the route and the file the page
becomes (``SiteMap``), so links between pages are relative by construction and
the tree works from any directory of any host; a link to a page that was not
exported (months outside the years, the live API, the subscribe page) is not
rendered as a link at all. Nothing is rewritten after rendering. "Today" is
marked in the browser: the pages are rendered without a today marker and
``widget.js`` marks the visitor's date. Feeds and JSON carry absolute links
only with ``--base-url``; without it feeds have no links and JSON has paths
relative to the site root. What the host must configure (``frame-ancestors``
for the widget, content types for ``.ics`` and ``.json``) is in the README.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .. import query
from ..catalog import Catalogue
from ..languages import EXPORT_LANGUAGES, LANGUAGES
from .publish import Tree
from .sitemap import SENTINEL, SiteMap
from .urls import EXPORT_KEY, PAGE_KEY, ExportPage, StaticSite

if TYPE_CHECKING:
    from flask import Flask


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


class Exporter:
    """Fetches each file from the app, telling it which file the answer becomes (``urls.ExportPage``)."""

    def __init__(self, app: Flask, log: Callable[[str], None]):
        self.client = app.test_client()
        self.log = log

    def get(self, url: str, page: str = "index.html", follow_today: bool = False) -> bytes:
        response = self.client.get(url, environ_overrides={PAGE_KEY: ExportPage(page, follow_today)})
        if response.status_code != 200:
            raise RuntimeError(f"export: {url} answered {response.status_code}: {response.data[:200]!r}")
        return cast(bytes, response.data)


def export_site(
    directory: str | Path,
    *,
    years: range | None = None,
    languages: Iterable[str] | None = None,
    base_url: str | None = None,
    catalogue: Catalogue | str | None = None,
    today: date | None = None,
    log: Callable[[str], None] = lambda message: None,
    pdf: bool = False,
) -> Report:
    """Build the static site beside ``directory`` and switch ``directory`` to it (``publish.Tree``).

    Raises ``publish.PublishError`` (one line) on I/O problems; the tree served before stays as it was.
    """
    from . import create_app, params

    # every link goes through web.urls; an absolute URL built any other way would show this host
    config: dict[str, Any] = {"BASE_URL": SENTINEL, "RESPONSE_CACHE_ENTRIES": 0, "STATIC_EXPORT": True}
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
    app.extensions[EXPORT_KEY] = StaticSite(site, base_url.rstrip("/") if base_url else None)
    exporter = Exporter(app, log)
    tree = Tree(directory)  # beside the served tree; ``switch`` makes it the served one
    report = Report(tree.target, years, languages)

    def write(path: str, body: bytes, kind: str) -> None:
        for written in tree.write(path, body):
            report.count("gzip" if written.endswith(".gz") and not path.endswith(".gz") else kind)

    try:
        _write_site(exporter, write, app, today, years, languages, holiday_ids, traditions, pdf)
        tree.switch(log)  # raises only while the old tree is still the one served
    except BaseException:
        tree.discard()
        raise
    return report


def _write_site(
    exporter: Exporter,
    write: Callable[[str, bytes, str], None],
    app: Flask,
    today: date,
    years: range,
    languages: list[str],
    holiday_ids: list[str],
    traditions: list[str],
    pdf: bool = False,
) -> None:
    """Every page, feed and JSON document of the site, through ``write``."""
    log = exporter.log
    clamped = min(max(today, date(years[0], 1, 1)), date(years[-1], 12, 31))

    def put(page: str, url: str, kind: str, follow_today: bool = False) -> None:
        write(page, exporter.get(url, page, follow_today), kind)

    for lang in languages:
        log(f"{lang}: pages")
        put(f"{lang}/index.html", f"/?lang={lang}", "html", follow_today=True)
        put(
            f"{lang}/widget/index.html",
            f"/widget/{clamped.year}/{clamped.month}?lang={lang}",
            "html",
            follow_today=True,
        )
        put(f"{lang}/about.html", f"/about?lang={lang}", "html")
        for year in years:
            for month in range(1, 13):
                put(f"{lang}/widget/{year}/{month:02d}.html", f"/widget/{year}/{month}?lang={lang}", "html")
            put(f"{lang}/year/{year}.html", f"/year/{year}?lang={lang}", "html")
            span = f"from={year}-01-01&to={year}-12-31&lang={lang}"
            put(f"{lang}/api/holidays/{year}.json", f"/api/v1/holidays?{span}", "json")
            put(f"{lang}/holidays/{year}.csv", f"/api/v1/holidays.csv?{span}", "csv")
            put(f"{lang}/holidays/{year}-excel.csv", f"/api/v1/holidays.csv?{span}&sep=semicolon", "csv")
            if pdf:
                log(f"{lang}: PDFs {year}")
                put(f"{lang}/year/{year}.pdf", f"/year/{year}.pdf?lang={lang}", "pdf")
                for month in range(1, 13):
                    put(f"{lang}/month/{year}/{month:02d}.pdf", f"/month/{year}/{month}.pdf?lang={lang}", "pdf")
        put(f"{lang}/api/traditions.json", f"/api/v1/traditions?lang={lang}", "json")
        for holiday_id in holiday_ids:
            put(f"{lang}/holiday/{holiday_id}.html", f"/holiday/{holiday_id}?lang={lang}", "html")
            put(f"{lang}/holiday/{holiday_id}.ics", f"/holiday/{holiday_id}.ics?lang={lang}", "ics")
        log(f"{lang}: feeds")
        put(f"{lang}/feeds/all.ics", f"/feeds/all.ics?lang={lang}", "ics")
        for tradition in traditions:
            put(f"{lang}/feeds/{tradition}.ics", f"/feeds/{tradition}.ics?lang={lang}", "ics")
    put("index.html", f"/?lang={languages[0]}", "html", follow_today=True)

    static = Path(app.static_folder or "")
    for source in sorted(static.iterdir()):
        if source.is_file() and not source.name.startswith("embed") and not source.name.endswith(".gz"):
            write(f"static/{source.name}", source.read_bytes(), "static")
    write("embed.js", exporter.get("/embed.js"), "static")  # the route switches it to the static layout
    write("static/traditions.css", exporter.get("/static/traditions.css"), "static")  # generated from the data


__all__ = ["export_site", "default_years", "parse_years", "parse_languages", "SiteMap", "SENTINEL", "Report"]
