"""Which route became which file of a static export (``web.export``).

While the export renders a page, ``web.urls`` asks ``SiteMap.path`` where a
link (an endpoint and its values, as ``url_for`` takes them) points in the
static tree: a page of the chosen years and languages, a feed, a JSON, CSV or
(with ``--pdf``) PDF file, or nothing (the page then shows the link's text:
``_links.html``). Only the default view is exported: any other parameter
(``tradition=``, ``state=``, ``dual=`` …) has no file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

#: The base URL the app renders with during an export: every link goes through ``web.urls``, so this
#: host must never appear in an exported file (the export's tests check that).
SENTINEL = "https://interkultur.export.invalid"

#: Values that never change which file a link points to (the asset version, the stylesheet digest).
_CACHE_BUSTERS = frozenset({"v"})


class SiteMap:
    """Which route became which file (paths relative to the export root)."""

    def __init__(
        self,
        years: range,
        languages: list[str],
        holiday_ids: Iterable[str],
        traditions: Iterable[str],
        pdf: bool = False,
    ):
        self.years = years
        self.pdf = pdf
        self.languages = languages
        self.holiday_ids = frozenset(holiday_ids)
        self.traditions = frozenset(traditions)
        self._routes: dict[str, Callable[[dict[str, Any], str], str | None]] = {
            "pages.index": lambda v, lang: f"{lang}/index.html",
            "widget.current": lambda v, lang: f"{lang}/widget/index.html",
            "widget.month": self._month,
            "pages.year": lambda v, lang: f"{lang}/year/{v.pop('year')}.html" if self._year(v) else None,
            "pages.holiday": lambda v, lang: self._holiday(v, lang, ".html"),
            "feeds.holiday": lambda v, lang: self._holiday(v, lang, ".ics"),
            "feeds.all_traditions": lambda v, lang: f"{lang}/feeds/all.ics",
            "feeds.tradition": self._feed,
            "builder.about": lambda v, lang: f"{lang}/about.html",
            "api.traditions": lambda v, lang: f"{lang}/api/traditions.json",
            "api.holidays": self._holidays_json,
            "api.holidays_csv": self._holidays_csv,
            "pdf.year": lambda v, lang: f"{lang}/year/{v.pop('year')}.pdf" if self.pdf and self._year(v) else None,
            "pdf.month": self._month_pdf,
        }

    def path(self, endpoint: str, values: Mapping[str, Any], page_lang: str) -> str | None:
        """The export path of ``url_for(endpoint, **values)``, or None when that page is not exported."""
        remaining = {k: v for k, v in values.items() if v is not None and k not in _CACHE_BUSTERS}
        anchor = remaining.pop("_anchor", None)
        suffix = f"#{anchor}" if anchor else ""
        if endpoint == "static":
            return f"static/{remaining.pop('filename')}{suffix}" if not remaining.keys() - {"filename"} else None
        if endpoint == "traditions.stylesheet":
            return "static/traditions.css"
        if endpoint == "widget.embed":
            return "embed.js"
        lang = str(remaining.pop("lang", page_lang))
        route = self._routes.get(endpoint)
        if lang not in self.languages or route is None:
            return None
        found = route(remaining, lang)
        if found is None or remaining:  # a value the route did not use: a view that was not exported
            return None
        return found + suffix

    # -- routes with values ------------------------------------------------------------------------
    def _year(self, values: dict[str, Any]) -> bool:
        return _int(values.get("year")) in self.years

    def _month(self, values: dict[str, Any], lang: str) -> str | None:
        year, month = _int(values.pop("year", None)), _int(values.pop("month", None))
        if year not in self.years or month is None or not 1 <= month <= 12:
            return None
        return f"{lang}/widget/{year}/{month:02d}.html"

    def _month_pdf(self, values: dict[str, Any], lang: str) -> str | None:
        found = self._month(values, lang)
        return found.replace("/widget/", "/month/").removesuffix(".html") + ".pdf" if self.pdf and found else None

    def _holiday(self, values: dict[str, Any], lang: str, suffix: str) -> str | None:
        holiday_id = values.pop("holiday_id", None)
        return f"{lang}/holiday/{holiday_id}{suffix}" if holiday_id in self.holiday_ids else None

    def _feed(self, values: dict[str, Any], lang: str) -> str | None:
        tradition = values.pop("tradition", None)
        return f"{lang}/feeds/{tradition}.ics" if tradition in self.traditions else None

    def _whole_year(self, values: dict[str, Any]) -> int | None:
        """The year of ``from=YYYY-01-01&to=YYYY-12-31``, the only span the export writes."""
        start, end = str(values.pop("from", "")), str(values.pop("to", ""))
        year = _int(start[:4])
        if year is None or start != f"{year:04d}-01-01" or end != f"{year:04d}-12-31":
            return None
        return year if year in self.years else None

    def _holidays_json(self, values: dict[str, Any], lang: str) -> str | None:
        year = self._whole_year(values)
        return f"{lang}/api/holidays/{year}.json" if year is not None else None

    def _holidays_csv(self, values: dict[str, Any], lang: str) -> str | None:
        year = self._whole_year(values)
        excel = values.pop("sep", "comma") == "semicolon"
        return f"{lang}/holidays/{year}{'-excel' if excel else ''}.csv" if year is not None else None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
