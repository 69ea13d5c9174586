"""Which service URL became which file of a static export (``web.export``).

The export renders every page through the app and asks ``SiteMap.path_for``
where a link points in the static tree: a page of the chosen years and
languages, a feed, a JSON, CSV or (with ``--pdf``) PDF file, or nothing (a
page that was not exported becomes plain text).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

#: The base URL the app renders with during an export, so that its absolute links can be recognised.
SENTINEL = "https://interkultur.export.invalid"
_SENTINEL_HOST = SENTINEL.split("://", 1)[1]


class SiteMap:
    """Which service URL became which file (paths relative to the export root)."""

    def __init__(self, years: range, languages: list[str], holiday_ids: Iterable[str], traditions: Iterable[str],
                 pdf: bool = False):
        self.years = years
        self.pdf = pdf
        self.languages = languages
        self.holiday_ids = frozenset(holiday_ids)
        self.traditions = frozenset(traditions)

    def path_for(self, url: str, page_lang: str) -> str | None:
        """The export path (with fragment) of an app URL, or None when that page is not exported."""
        parts = urlsplit(url)
        if (parts.scheme or parts.netloc) and parts.netloc != _SENTINEL_HOST:
            return None
        path, fragment = parts.path or "/", parts.fragment
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        suffix = f"#{fragment}" if fragment else ""
        if path.startswith("/static/"):
            return "static/" + path[len("/static/"):] + suffix
        if path == "/favicon.ico":
            return "static/favicon.svg"
        if path == "/embed.js":
            return "embed.js"
        lang = query.pop("lang", page_lang)
        if lang not in self.languages:
            return None
        found = self._page(path, query, lang)
        return found + suffix if found else None

    def _page(self, path: str, query: dict[str, str], lang: str) -> str | None:
        year: int | None
        segments = path.strip("/").split("/") if path.strip("/") else []
        if segments == ["api", "v1", "holidays.csv"]:
            start, end = query.pop("from", ""), query.pop("to", "")
            excel = query.pop("sep", "comma") == "semicolon"
            if query or not (start.endswith("-01-01") and end == start[:4] + "-12-31") or not start[:4].isdigit():
                return None
            year = int(start[:4])
            return f"{lang}/holidays/{year}{'-excel' if excel else ''}.csv" if year in self.years else None
        if self.pdf and not query and len(segments) in (2, 3) and segments[-1].endswith(".pdf"):
            return self._pdf(segments, lang)
        if path.startswith("/api/v1/holidays") and segments == ["api", "v1", "holidays"]:
            start, end = query.pop("from", ""), query.pop("to", "")
            if query or not (start.endswith("-01-01") and end == start[:4] + "-12-31"):
                return None
            year = int(start[:4]) if start[:4].isdigit() else None
            return f"{lang}/api/holidays/{year}.json" if year in self.years else None
        if query:  # tradition=, state=, dual=… : only the default view is exported
            return None
        if not segments:
            return f"{lang}/index.html"
        if segments == ["widget"]:
            return f"{lang}/widget/index.html"
        if segments[0] == "widget" and len(segments) == 3 and segments[1].isdigit() and segments[2].isdigit():
            year, month = int(segments[1]), int(segments[2])
            return f"{lang}/widget/{year}/{month:02d}.html" if year in self.years and 1 <= month <= 12 else None
        if segments[0] == "year" and len(segments) == 2 and segments[1].isdigit():
            return f"{lang}/year/{int(segments[1])}.html" if int(segments[1]) in self.years else None
        if segments[0] == "holiday" and len(segments) == 2:
            name = segments[1]
            if name.endswith(".ics"):
                return f"{lang}/holiday/{name}" if name[:-4] in self.holiday_ids else None
            return f"{lang}/holiday/{name}.html" if name in self.holiday_ids else None
        if segments[0] == "feeds" and len(segments) == 2 and segments[1].endswith(".ics"):
            name = segments[1][:-4]
            return f"{lang}/feeds/{name}.ics" if name == "all" or name in self.traditions else None
        if segments == ["api", "v1", "traditions"]:
            return f"{lang}/api/traditions.json"
        return None


    def _pdf(self, segments: list[str], lang: str) -> str | None:
        """``/year/2025.pdf`` and ``/month/2025/3.pdf`` when the export writes PDFs (``--pdf``)."""
        numbers = [s[:-4] if s.endswith(".pdf") else s for s in segments[1:]]
        if not all(n.isdigit() for n in numbers) or int(numbers[0]) not in self.years:
            return None
        if segments[0] == "year" and len(numbers) == 1:
            return f"{lang}/year/{int(numbers[0])}.pdf"
        if segments[0] == "month" and len(numbers) == 2 and 1 <= int(numbers[1]) <= 12:
            return f"{lang}/month/{int(numbers[0])}/{int(numbers[1]):02d}.pdf"
        return None
