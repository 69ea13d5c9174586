"""A new tradition or language is a data edit: no code names one.

On a copy of ``data/`` with one more tradition (``testfaith``, two holidays
in YAML only), the command line, the API, the widget, the index page and the
feeds all offer it; a new language entry (``nl``, whose month names CLDR
has) is offered by the CLI and the widget without a code change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from interkultur.catalog import CatalogueError, load
from interkultur.reference import SIBLINGS
from interkultur.web import create_app

from .htmlutil import parse

DATA = Path(__file__).resolve().parents[2] / "data"

TRADITION = """
  - id: testfaith
    colour: "#123456"
    names: {de: Testglaube, en: Test faith, nl: Testgeloof}
"""
HOLIDAYS = """
  - id: testfaith-spring
    tradition: testfaith
    names: {de: Testfrühlingsfest, en: Test spring feast, nl: Testlentefeest}
    description: {de: Ein Fest nur für den Test., en: A feast for the test only.}
    rule: "06-10"
    category: major
    sources:
      - {publisher: Interkultur tests, title: A tradition added in YAML only}
  - id: testfaith-autumn
    tradition: testfaith
    names: {de: Testherbsttag, en: Test autumn day}
    description: {de: Ein Gedenktag nur für den Test., en: A day of remembrance for the test only.}
    rule: "11-02"
    category: memorial
    sources:
      - {publisher: Interkultur tests, title: A tradition added in YAML only}
"""
DUTCH = "  - {code: nl, endonym: Nederlands, direction: ltr, fallback: [de, en]}\n"


def _copy_data(target: Path) -> Path:
    target.mkdir()
    for name in ("holidays.yaml", *SIBLINGS):
        shutil.copy(DATA / name, target / name)
    with (target / "traditions.yaml").open("a", encoding="utf-8") as fp:
        fp.write(TRADITION)
    holidays = (target / "holidays.yaml").read_text(encoding="utf-8")
    head, sep, tail = holidays.partition("\nholidays:\n")
    assert sep, "holidays.yaml has a top-level 'holidays:' list"
    (target / "holidays.yaml").write_text(head + sep + HOLIDAYS.lstrip("\n") + tail, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def catalogue_dir(tmp_path_factory) -> Path:
    return _copy_data(tmp_path_factory.mktemp("deployment") / "data")


@pytest.fixture(scope="module")
def client(catalogue_dir):
    app = create_app({"CATALOGUE": str(catalogue_dir), "TODAY": "2025-06-01", "TESTING": True})
    return app.test_client()


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interkultur", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_cli_lists_the_new_tradition(catalogue_dir):
    done = _cli(
        "holidays", "--catalogue", str(catalogue_dir), "--tradition", "testfaith", "--year", "2025", "--format", "json"
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [(r["id"], r["start"], r["tradition"]) for r in rows] == [
        ("testfaith-spring", "2025-06-10", "testfaith"),
        ("testfaith-autumn", "2025-11-02", "testfaith"),
    ]
    # the shipped catalogue does not know it
    assert _cli("holidays", "--tradition", "testfaith", "--year", "2025").returncode != 0


def test_check_accepts_the_directory(catalogue_dir, catalogue):
    done = _cli("check", str(catalogue_dir))
    assert done.returncode == 0, done.stderr
    assert f"{len(catalogue.traditions) + 1} traditions" in done.stdout  # the shipped ones and testfaith


def test_api_holidays_and_traditions(client):
    holidays = client.get("/api/v1/holidays?tradition=testfaith&from=2025-01-01&to=2025-12-31").get_json()
    assert [(h["id"], h["start"]) for h in holidays["holidays"]] == [
        ("testfaith-spring", "2025-06-10"),
        ("testfaith-autumn", "2025-11-02"),
    ]
    traditions = client.get("/api/v1/traditions?lang=en").get_json()["traditions"]
    found = [t for t in traditions if t["id"] == "testfaith"]
    assert found and found[0]["name"] == "Test faith" and found[0]["holidays"] == 2
    assert found[0]["colour"] == "#123456"
    assert traditions[-1]["id"] == "testfaith"  # the order of traditions.yaml


def test_widget_marks_its_days_and_the_index_offers_it(client):
    page = parse(client.get("/widget/2025/6?tradition=testfaith&lang=en").data)
    marked = {td.attrs["data-date"] for td in page.find_all("td", "ik-holiday")}
    assert marked == {"2025-06-10"}
    entries = page.find_all("li", "ik-trad-testfaith")
    assert entries and "Test faith" in entries[0].text
    index = parse(client.get("/?lang=en").data)
    listed = [li.text.strip() for ul in index.find_all("ul", "ik-traditions") for li in ul.find_all("li")]
    assert "Test faith" in listed
    assert any((a.attrs.get("href") or "").endswith("/feeds/testfaith.ics?lang=en") for a in index.find_all("a"))
    openapi = client.get("/api/openapi.json").get_json()
    assert "testfaith" in openapi["components"]["schemas"]["Occurrence"]["properties"]["tradition"]["enum"]


def test_colours_reach_the_widget_as_a_generated_stylesheet(client):
    page = parse(client.get("/widget/2025/6").data)
    href = [
        link.attrs["href"] for link in page.find_all("link", rel="stylesheet") if "traditions.css" in link.attrs["href"]
    ]
    assert len(href) == 1
    sheet = client.get(href[0])
    assert sheet.status_code == 200 and sheet.mimetype == "text/css"
    assert ".ik-trad-testfaith { --ik-trad-colour: #123456; }" in sheet.get_data(as_text=True)
    assert "max-age" in sheet.headers["Cache-Control"]
    assert client.get(href[0], headers={"If-None-Match": sheet.headers["ETag"]}).status_code == 304
    assert "style-src 'self'" in client.get("/widget/2025/6").headers["Content-Security-Policy"]


def test_feed_of_the_new_tradition(client):
    response = client.get("/feeds/testfaith.ics?lang=en")
    assert response.status_code == 200
    events = [e for e in Calendar.from_ical(response.data).walk("VEVENT")]
    assert events and {str(e["SUMMARY"]) for e in events} == {"Test spring feast", "Test autumn day"}
    assert {e.decoded("DTSTART") for e in events} >= {date(2025, 6, 10), date(2025, 11, 2)}


@pytest.mark.parametrize("word", ["all", "public", "school-break", "events"])
def test_route_words_are_not_tradition_ids(tmp_path, word):
    target = _copy_data(tmp_path / "data")
    text = (target / "traditions.yaml").read_text(encoding="utf-8").replace("id: testfaith", f"id: {word}")
    (target / "traditions.yaml").write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip() == f"- id: {word}")
    with pytest.raises(CatalogueError) as err:
        load(target)
    assert f"{target / 'traditions.yaml'}:{line}: tradition {word!r}: {word!r} is a route word" in str(err.value)


def test_check_reports_a_bad_colour_with_its_line(tmp_path):
    target = _copy_data(tmp_path / "data")
    text = (target / "traditions.yaml").read_text(encoding="utf-8").replace('"#123456"', "blue")
    (target / "traditions.yaml").write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip() == "colour: blue")
    done = _cli("check", str(target))
    assert done.returncode != 0
    assert f"traditions.yaml:{line}: tradition 'testfaith': field 'colour' must be #rrggbb" in done.stderr + done.stdout


def test_a_bare_holidays_file_uses_the_siblings_beside_it_else_the_shipped(tmp_path, catalogue_dir):
    assert "testfaith" in load(catalogue_dir / "holidays.yaml").tradition_ids
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(DATA / "holidays.yaml", alone / "holidays.yaml")
    assert load(alone / "holidays.yaml").tradition_ids == load().tradition_ids


def test_a_new_language_is_a_data_entry(tmp_path):
    target = _copy_data(tmp_path / "data")
    with (target / "languages.yaml").open("a", encoding="utf-8") as fp:
        fp.write(DUTCH)
    # the deployment's own .po beside its catalogue: one interface string is enough to see it used
    po = target / "translations" / "nl" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Intercultural calendar"\nmsgstr "Interculturele kalender"\n',
        encoding="utf-8",
    )
    env = {"INTERKULTUR_CATALOGUE": str(target)}
    done = _cli("holidays", "--lang", "nl", "--tradition", "testfaith", "--year", "2025", "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    # the Dutch name where the catalogue has one, else the fallback chain of languages.yaml (de first)
    assert [r["name"] for r in json.loads(done.stdout)] == ["Testlentefeest", "Testherbsttag"]
    script = (
        "from interkultur.web import create_app\n"
        "c = create_app({'TODAY': '2025-06-01', 'TESTING': True}).test_client()\n"
        "r = c.get('/widget/2025/6?lang=nl&tradition=testfaith')\n"
        "print(r.status_code); print(r.get_data(as_text=True))\n"
    )
    web = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env={**os.environ, **env}, check=False
    )
    status, _, html = web.stdout.partition("\n")
    assert status == "200", web.stderr
    page = parse(html)
    root = page.find("html")
    assert root.attrs["lang"] == "nl" and root.attrs["dir"] == "ltr"
    # CLDR's Dutch month name (Unicode CLDR, nl.xml: "juni") and the catalogue's Dutch holiday name
    assert "juni 2025" in page.find("h2", "ik-title").text
    assert "Testgeloof" in page.text and "Testlentefeest" in page.text
    assert page.find("p", "ik-brand").text.strip() == "Interculturele kalender"
    assert "Next month" in page.text  # not in the tiny .po: the English interface string
