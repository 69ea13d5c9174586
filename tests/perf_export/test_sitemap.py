"""``SiteMap.path``: which route (endpoint and values, as ``url_for`` takes them) became which file."""

from __future__ import annotations

import pytest

from interkultur.web.sitemap import SiteMap

SITE = SiteMap(range(2025, 2027), ["de", "ar"], ["ashura", "diwali"], ["islam", "hinduism"], pdf=False)
WITH_PDF = SiteMap(range(2025, 2027), ["de"], ["ashura"], ["islam"], pdf=True)


@pytest.mark.parametrize(
    ("endpoint", "values", "expected"),
    [
        ("pages.index", {}, "de/index.html"),
        ("pages.index", {"lang": "ar"}, "ar/index.html"),
        ("pages.index", {"_anchor": "subscribe"}, "de/index.html#subscribe"),
        ("widget.current", {}, "de/widget/index.html"),
        ("widget.month", {"year": 2025, "month": 3}, "de/widget/2025/03.html"),
        ("pages.year", {"year": 2026}, "de/year/2026.html"),
        ("pages.holiday", {"holiday_id": "ashura", "lang": "ar"}, "ar/holiday/ashura.html"),
        ("feeds.holiday", {"holiday_id": "diwali"}, "de/holiday/diwali.ics"),
        ("feeds.all_traditions", {}, "de/feeds/all.ics"),
        ("feeds.tradition", {"tradition": "islam"}, "de/feeds/islam.ics"),
        ("api.holidays", {"from": "2025-01-01", "to": "2025-12-31"}, "de/api/holidays/2025.json"),
        (
            "api.holidays_csv",
            {"from": "2026-01-01", "to": "2026-12-31", "sep": "semicolon"},
            "de/holidays/2026-excel.csv",
        ),
        ("api.traditions", {}, "de/api/traditions.json"),
        ("builder.about", {}, "de/about.html"),
        ("static", {"filename": "widget.css", "v": "0.1.0"}, "static/widget.css"),
        ("traditions.stylesheet", {"v": "abc"}, "static/traditions.css"),
        ("widget.embed", {}, "embed.js"),
    ],
)
def test_exported_routes(endpoint, values, expected):
    assert SITE.path(endpoint, values, "de") == expected


@pytest.mark.parametrize(
    ("endpoint", "values"),
    [
        ("widget.month", {"year": 2024, "month": 12}),  # outside the years
        ("widget.month", {"year": 2025, "month": 13}),
        ("widget.month", {"year": 2025, "month": 3, "category": "all"}),  # not the default view
        ("widget.month", {"year": 2025, "month": 3, "state": "NW"}),
        ("pages.index", {"lang": "en"}),  # a language not exported
        ("pages.holiday", {"holiday_id": "christmas"}),  # not in the catalogue given
        ("feeds.tradition", {"tradition": "judaism"}),
        ("api.holidays", {"date": "2025-03-30"}),  # only whole years are written
        ("api.holidays", {"from": "2025-01-01", "to": "2025-06-30"}),
        ("api.holidays_csv", {"from": "2027-01-01", "to": "2027-12-31"}),
        ("pdf.year", {"year": 2025}),  # PDFs only with --pdf
        ("pdf.school_year", {"year": 2025}),
        ("api.openapi", {}),
        ("subscribe.page", {}),
        ("search.page", {}),
        ("builder.embed", {}),
    ],
)
def test_routes_the_export_does_not_have(endpoint, values):
    assert SITE.path(endpoint, values, "de") is None


def test_pdfs_with_pdf():
    assert WITH_PDF.path("pdf.year", {"year": 2025}, "de") == "de/year/2025.pdf"
    assert WITH_PDF.path("pdf.month", {"year": 2026, "month": 3}, "de") == "de/month/2026/03.pdf"
    assert WITH_PDF.path("pdf.month", {"year": 2027, "month": 3}, "de") is None
