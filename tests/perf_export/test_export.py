"""``interkultur export``: the expected files, relative links that resolve, feeds and JSON that parse."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest
import vobject

from interkultur.web.export import SENTINEL, default_years, export_site, parse_languages, parse_years
from support_http import interkultur_command

TODAY = date(2025, 3, 30)
YEARS = range(2025, 2027)
LANGS = ["de", "ar"]
BASE = "https://kalender.example.de/interkultur"


@pytest.fixture(scope="module")
def site(tmp_path_factory, catalogue):
    root = tmp_path_factory.mktemp("site")
    report = export_site(root, years=YEARS, languages=LANGS, catalogue=catalogue, today=TODAY)
    return root, report


@pytest.fixture(scope="module")
def site_with_base(tmp_path_factory, catalogue):
    root = tmp_path_factory.mktemp("site-base")
    export_site(root, years=range(2025, 2026), languages=["en"], base_url=BASE + "/", catalogue=catalogue, today=TODAY)
    return root


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [unescape(m.group(2)) for m in re.finditer(r'\b(href|src|action)="([^"]*)"', text)]


def test_expected_files(site, catalogue):
    root, report = site
    for lang in LANGS:
        for year in YEARS:
            for month in range(1, 13):
                assert (root / lang / "widget" / str(year) / f"{month:02d}.html").is_file()
            assert (root / lang / "year" / f"{year}.html").is_file()
            assert (root / lang / "api" / "holidays" / f"{year}.json").is_file()
        assert (root / lang / "index.html").is_file()
        assert (root / lang / "widget" / "index.html").is_file()
        assert (root / lang / "api" / "traditions.json").is_file()
        assert (root / lang / "feeds" / "all.ics").is_file()
        for tradition in catalogue.traditions:
            assert (root / lang / "feeds" / f"{tradition}.ics").is_file()
        for holiday in catalogue.holidays:
            assert (root / lang / "holiday" / f"{holiday.id}.html").is_file()
            assert (root / lang / "holiday" / f"{holiday.id}.ics").is_file()
    assert not (root / "en").exists() and not (root / "de" / "widget" / "2024").exists()
    for name in ("widget.css", "site.css", "widget.js", "favicon.svg"):
        assert (root / "static" / name).is_file()
    assert (root / "index.html").is_file() and (root / "embed.js").is_file()
    assert report.total == sum(1 for p in root.rglob("*") if p.is_file())


def test_relative_links_resolve(site):
    root, _ = site
    checked = 0
    for page in html_files(root):
        text = page.read_text(encoding="utf-8")
        assert SENTINEL not in text and "interkultur.export.invalid" not in text, page
        ids = set(re.findall(r'\bid="([^"]+)"', text))
        for link in links(page):
            parts = urlsplit(link)
            if parts.scheme in ("http", "https", "webcal", "mailto", "data"):
                assert parts.netloc != "interkultur.export.invalid", (page, link)
                continue
            assert not link.startswith("/"), f"{page.relative_to(root)}: root-relative link {link}"
            if not parts.path:  # a fragment on the same page
                assert parts.fragment in ids, f"{page.relative_to(root)}: #{parts.fragment} has no target"
                continue
            assert not parts.query, f"{page.relative_to(root)}: query string in {link}"
            target = (page.parent / parts.path).resolve()
            assert target.is_file(), f"{page.relative_to(root)}: {link} -> missing {target}"
            assert root.resolve() in target.parents
            checked += 1
    assert checked > 5000


def test_no_file_names_the_render_host(site, site_with_base):
    """Every link is built for the export (web.urls): the host the app renders with never leaks,
    in pages, feeds, JSON or CSV."""
    for root in (site[0], site_with_base):
        for path in root.rglob("*"):
            if path.suffix in (".html", ".ics", ".json", ".csv", ".js"):
                text = path.read_text(encoding="utf-8")
                assert "export.invalid" not in text, path
                assert 'href="None"' not in text and 'src="None"' not in text, path


def test_navigation_offers_only_what_the_export_has(site):
    root, _ = site
    page = (root / "de/holiday/ashura.html").read_text(encoding="utf-8")
    nav = page[page.index('class="ik-langs"') : page.index("</nav>")]
    assert re.findall(r'hreflang="([a-z]+)"', nav) == ["de", "ar"]
    assert 'href="../../ar/holiday/ashura.html"' in nav
    footer = page[page.index("<footer") :]
    assert 'href="../about.html"' in footer and 'href="../index.html#subscribe"' in footer
    assert "OpenAPI" not in footer and "einbinden" not in footer  # the API and the builder need the service
    about = (root / "de/about.html").read_text(encoding="utf-8")
    assert "CC BY 4.0, https://YOUR-SITE/de/about.html" in about  # the credit line, without --base-url
    assert re.search(r'href="holiday/[a-z0-9-]+\.html"', about)


def test_years_without_today_leave_no_dead_link(tmp_path, catalogue):
    """Exported years that do not contain the export day: the landing page's year and spreadsheet
    links, which point to today's year, are left out rather than dead."""
    export_site(tmp_path, years=range(2030, 2031), languages=["en"], catalogue=catalogue, today=date(2026, 5, 1))
    landing = (tmp_path / "en/index.html").read_text(encoding="utf-8")
    assert "year/2026" not in landing and "holidays/2026" not in landing
    assert 'rel="prev"' not in landing and 'rel="next"' not in landing
    for link in links(tmp_path / "en/index.html"):
        parts = urlsplit(link)
        if not parts.scheme and parts.path:
            assert (tmp_path / "en" / parts.path).resolve().is_file(), link


def test_widget_navigation_is_static(site):
    root, _ = site
    march = (root / "de/widget/2025/03.html").read_text(encoding="utf-8")
    assert 'rel="prev" data-ik-nav href="02.html"' in march
    assert 'rel="next" data-ik-nav href="04.html"' in march
    december = (root / "de/widget/2025/12.html").read_text(encoding="utf-8")
    assert 'href="../2026/01.html"' in december
    # beyond the exported years the arrow is an empty placeholder, as at 1900/2100 on the service
    january = (root / "de/widget/2025/01.html").read_text(encoding="utf-8")
    assert 'rel="prev"' not in january and '<span class="ik-nav" aria-hidden="true"></span>' in january
    assert 'rel="next"' not in (root / "de/widget/2026/12.html").read_text(encoding="utf-8")
    # detail links leave the iframe
    assert re.search(r'href="\.\./\.\./holiday/[a-z0-9-]+\.html" target="_top"', march)
    # the Land switch needs the service: gone
    assert "<form" not in march and "<select" not in march


def test_today_is_marked_client_side(site):
    root, _ = site
    for page in (
        "de/widget/2025/03.html",
        "de/widget/index.html",
        "de/index.html",
        "de/year/2025.html",
        "ar/widget/2025/03.html",
    ):
        text = (root / page).read_text(encoding="utf-8")
        assert "ik-today" not in text.replace("ik-key-today", "") and 'aria-current="date"' not in text, page
        assert "(heute)" not in text
        assert re.search(r'<html data-ik-static="2025-01 2026-12" data-ik-month-pattern="[^"]+"', text)
    follow = (root / "de/widget/index.html").read_text(encoding="utf-8")
    assert 'data-ik-month-pattern="YYYY/MM.html" data-ik-follow-today' in follow
    assert 'data-year="2025" data-month="3"' in follow  # rendered for the export day's month
    js = (root / "static/widget.js").read_text(encoding="utf-8")
    assert "data-ik-static" in js and "markToday" in js


def test_arabic_pages_are_right_to_left(site):
    root, _ = site
    assert 'lang="ar" dir="rtl"' in (root / "ar/widget/2025/03.html").read_text(encoding="utf-8")


def test_feeds_parse_without_links_when_no_base_url(site, catalogue):
    root, _ = site
    feed = (root / "de/feeds/all.ics").read_bytes()
    assert all(len(line) <= 75 for line in feed.split(b"\r\n"))
    events = icalendar.Calendar.from_ical(feed).walk("VEVENT")
    assert len(events) > 300
    assert all("URL" not in e for e in events)
    assert all(
        "export.invalid" not in str(e["DESCRIPTION"]) and not str(e["DESCRIPTION"]).endswith("\n") for e in events
    )
    parsed = vobject.readOne(feed.decode("utf-8"))
    assert len(parsed.vevent_list) == len(events)
    assert b"REFRESH-INTERVAL;VALUE=DURATION:P1D" in feed and b"X-PUBLISHED-TTL:P1D" in feed
    one = icalendar.Calendar.from_ical((root / "ar/holiday/eid-al-fitr.ics").read_bytes()).walk("VEVENT")
    assert one and all(str(e["SUMMARY"]) for e in one)
    for tradition in catalogue.traditions:
        body = (root / f"de/feeds/{tradition}.ics").read_bytes()
        cats = {str(c) for e in icalendar.Calendar.from_ical(body).walk("VEVENT") for c in e["CATEGORIES"].cats}
        assert cats <= {tradition}


def test_feeds_and_json_link_to_the_static_pages_with_a_base_url(site_with_base):
    root = site_with_base
    feed = (root / "en/feeds/all.ics").read_bytes()
    assert all(len(line) <= 75 for line in feed.split(b"\r\n"))
    events = icalendar.Calendar.from_ical(feed).walk("VEVENT")
    for event in events:
        url = str(event["URL"])
        assert url.startswith(BASE + "/en/holiday/") and url.endswith(".html")
        assert (root / url[len(BASE) + 1 :]).is_file()
        assert str(event["DESCRIPTION"]).endswith(url)
    data = json.loads((root / "en/api/holidays/2025.json").read_text(encoding="utf-8"))
    assert data["holidays"] and all(h["url"].startswith(BASE + "/en/holiday/") for h in data["holidays"])
    assert (root / data["holidays"][0]["url"][len(BASE) + 1 :]).is_file()
    traditions = json.loads((root / "en/api/traditions.json").read_text(encoding="utf-8"))["traditions"]
    assert all(t["feed"] == f"{BASE}/en/feeds/{t['id']}.ics" for t in traditions)
    landing = (root / "en/index.html").read_text(encoding="utf-8")
    assert 'href="webcal://kalender.example.de/interkultur/en/feeds/all.ics"' in landing
    assert f'&lt;script src="{BASE}/embed.js" data-lang="en"&gt;' in landing


def test_json_without_base_url_has_site_paths(site):
    root, _ = site
    data = json.loads((root / "de/api/holidays/2025.json").read_text(encoding="utf-8"))
    assert data["holidays"] and all(
        re.fullmatch(r"de/holiday/[a-z0-9-]+\.html", h["url"]) for h in data["holidays"] if h["url"]
    )
    assert all((root / h["url"]).is_file() for h in data["holidays"] if h["url"])


def test_options():
    assert default_years(date(2025, 6, 1)) == range(2024, 2029)
    assert default_years(date(2099, 6, 1)) == range(2098, 2101)
    assert parse_years("2024-2030") == range(2024, 2031) and parse_years("2025") == range(2025, 2026)
    for bad in ("2030-2024", "1800-1900", "soon"):
        with pytest.raises(ValueError):
            parse_years(bad)
    assert parse_languages("de, en,de") == ["de", "en"]
    with pytest.raises(ValueError):
        parse_languages("de,xx")


def test_cli_export(tmp_path):
    result = subprocess.run(
        interkultur_command()
        + ["export", str(tmp_path / "out"), "--years", "2026", "--lang", "tr", "--base-url", "https://k.example"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "files" in result.stdout and "2026-2026" in result.stdout
    assert (tmp_path / "out/tr/widget/2026/07.html").is_file()
    assert (tmp_path / "out/tr/feeds/all.ics").is_file()
    for args in (["--years", "2030-2020"], ["--lang", "xx"], ["--base-url", "kalender.example"]):
        bad = subprocess.run(
            interkultur_command() + ["export", str(tmp_path / "bad"), *args], capture_output=True, text=True, timeout=60
        )
        assert bad.returncode == 2 and "error" in bad.stderr and "Traceback" not in bad.stderr
        assert not (tmp_path / "bad").exists()


def test_exported_widget_names_the_selection_without_a_dead_link(tmp_path, catalogue):
    """The export holds the default view only: it says so, and offers no link to pages it does not have."""
    export_site(tmp_path, years=range(2026, 2027), languages=["de"], catalogue=catalogue, today=date(2026, 4, 1))
    page = (tmp_path / "de/widget/2026/04.html").read_text(encoding="utf-8")
    view = page[page.index('class="ik-view"') :]
    view = view[: view.index("</p>")]
    assert "Auswahl der wichtigsten Feiertage." in view
    assert "Alle Feiertage anzeigen" not in view and "category=all" not in page
