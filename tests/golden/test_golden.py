"""Golden files: the widget, a feed and an API answer as a reviewer reads them.

Each answer is reduced to its structure and our own strings (holiday ids and
names, day classes, dates the engine computed, field names), never bytes a
dependency produces (CLDR's date formats, icalendar's folding, PRODID, DTSTAMP),
so a new Babel or icalendar release cannot break them, but a changed date, name,
class or field shows up as a readable diff of ``tests/golden/data/*``.

Rendered with the fixed "today" of the web tests (2025-03-30). After an intended
change, rewrite them and review the diff:

    INTERKULTUR_UPDATE_GOLDEN=1 python -m pytest tests/golden
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from icalendar import Calendar

from interkultur.web import create_app
from web.htmlutil import parse, squash

DATA = Path(__file__).parent / "data"
UPDATE = os.environ.get("INTERKULTUR_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def client(catalogue):
    app = create_app(
        {
            "CATALOGUE": catalogue,
            "TODAY": "2025-03-30",
            "BASE_URL": "https://kalender.example.de",
            "UID_DOMAIN": "kalender.example.de",
            "TESTING": True,
        }
    )
    return app.test_client()


def compare(name: str, text: str) -> None:
    path = DATA / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"{path} is missing: run INTERKULTUR_UPDATE_GOLDEN=1 python -m pytest tests/golden"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} changed: review, then INTERKULTUR_UPDATE_GOLDEN=1 python -m pytest tests/golden"


def test_widget_structure(client):
    doc = parse(client.get("/widget/2025/3?lang=de").data)
    lines = []
    for td in doc.find_all("td"):
        if "data-date" not in td.attrs:
            continue
        classes = " ".join(sorted(c for c in td.attrs["class"].split() if c != "ik-day"))
        holidays = td.attrs.get("data-holidays", "")
        marks = [
            c
            for span in td.find_all("span", cls="ik-mark")
            for c in span.attrs["class"].split()
            if c.startswith("ik-trad-")
        ]
        lines.append(f"{td.attrs['data-date']}  {classes or '-'}  [{holidays}]  {' '.join(marks)}".rstrip())
    lines.append("")
    for li in doc.find("ul", cls="ik-monthlist").find_all("li"):
        names = [squash(b.text) for b in li.find_all("bdi")]
        lines.append(f"{li.attrs['class']}: {' / '.join(names)}")
    compare("widget-2025-03-de.txt", "\n".join(lines) + "\n")


def test_feed_events(client):
    cal = Calendar.from_ical(client.get("/feeds/islam.ics?lang=tr").data)
    lines = [f"X-WR-CALNAME: {cal.get('X-WR-CALNAME')}"]
    for event in cal.walk("VEVENT"):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        lines.append(
            f"{event.get('UID')}  {start.isoformat()}..{end.isoformat()}  {event.get('SUMMARY')}  "
            f"[{','.join(str(c) for c in event.get('CATEGORIES').cats)}]"
        )
    compare("feed-islam-tr.txt", "\n".join(lines) + "\n")


def test_api_answer(client):
    data = client.get("/api/v1/holidays?from=2025-03-01&to=2025-03-31&lang=en").get_json()
    for occ in data["holidays"]:  # ephem's sunset may move by seconds between releases: tested against NOAA instead
        occ["eve_at"] = "(sunset)" if occ["eve_at"] else None
    compare("api-2025-03-en.json", json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n")
