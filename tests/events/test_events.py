"""Local events end to end: a YAML file, an .ics file and a pulled URL (served on loopback).

Real HTTP: the service runs as ``interkultur serve`` in a subprocess with INTERKULTUR_EVENTS set, and
the pulled calendar comes from a local HTTP server. The expected values are the files' own contents.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import threading
import urllib.error
import urllib.request
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from tests.support_http import free_port, interkultur_command, stop, wait_until_up

EVENTS_YAML = """\
heading: {de: Demnächst in DU, tr: Yakında Duisburg'da}
shown: 3
events:
  - id: iftar-2025
    title: {de: Gemeinsames Fastenbrechen, tr: Ortak iftar}
    start: 2025-03-29 18:30
    end: 2025-03-29 21:00
    location: Rathaus, Burgplatz 19
    url: https://www.example.de/iftar
    tradition: islam
  - title: "Interkulturelles <b>Fest</b> & Markt"
    start: 2025-04-05
    end: 2025-04-06
    location: König-Heinrich-Platz
  - title: Seder für alle
    start: 2025-04-12 19:00
    tradition: judaism
  - title: Lesung
    start: 2025-04-20 17:00
  - title: Vorbei
    start: 2025-01-10
"""

EVENTS_ICS = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Stadt//Veranstaltungen//DE
BEGIN:VEVENT
UID:stadtfest-2025@stadt.example
DTSTAMP:20250101T000000Z
DTSTART;VALUE=DATE:20250510
DTEND;VALUE=DATE:20250512
SUMMARY:Stadtfest
LOCATION:Innenhafen
END:VEVENT
BEGIN:VEVENT
UID:sprachcafe@stadt.example
DTSTAMP:20250101T000000Z
DTSTART;TZID=Europe/Berlin:20250303T170000
DTEND;TZID=Europe/Berlin:20250303T183000
RRULE:FREQ=WEEKLY;COUNT=10
SUMMARY:Sprachcafé
END:VEVENT
END:VCALENDAR
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """``interkultur serve`` with a YAML events file, and a second one with an .ics file."""
    root = tmp_path_factory.mktemp("events")
    (root / "events.yaml").write_text(EVENTS_YAML, encoding="utf-8")
    (root / "events.ics").write_text(EVENTS_ICS.replace("\n", "\r\n"), encoding="utf-8")
    servers, procs = {}, []
    for kind in ("yaml", "ics"):
        port = free_port()
        env = {
            **os.environ,
            "INTERKULTUR_EVENTS": str(root / f"events.{kind}"),
            "INTERKULTUR_TODAY": "2025-03-28",
            "INTERKULTUR_UID_DOMAIN": "kalender.example.de",
        }
        proc = subprocess.Popen(
            [*interkultur_command(), "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        procs.append(proc)
        wait_until_up(proc, f"http://127.0.0.1:{port}/healthz", 60, "interkultur serve")
        servers[kind] = f"http://127.0.0.1:{port}"
    yield servers
    for proc in procs:
        stop(proc)


def get(url: str) -> tuple[int, bytes, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), dict(exc.headers)


def test_yaml_events_in_the_api(served):
    status, body, _ = get(served["yaml"] + "/api/v1/events?from=2025-03-01&to=2025-04-30&lang=tr")
    assert status == 200
    found = json.loads(body)["events"]
    assert [e["start"] for e in found] == [
        "2025-03-29T18:30:00+01:00",
        "2025-04-05",
        "2025-04-12T19:00:00+02:00",
        "2025-04-20T17:00:00+02:00",
    ]
    iftar = found[0]
    assert iftar == {
        "id": "iftar-2025",
        "title": "Ortak iftar",
        "start": "2025-03-29T18:30:00+01:00",
        "end": "2025-03-29T21:00:00+01:00",
        "location": "Rathaus, Burgplatz 19",
        "url": "https://www.example.de/iftar",
        "lang": None,
        "tradition": "islam",
    }
    assert found[1]["title"] == "Interkulturelles <b>Fest</b> & Markt"  # JSON keeps text, pages escape it
    assert get(served["yaml"] + "/api/v1/events?from=2025-04-30&to=2025-03-01")[0] == 400
    assert get(served["yaml"] + "/api/v1/events")[0] == 400


def test_yaml_events_in_the_widget_escaped_and_filtered(served):
    status, body, _ = get(served["yaml"] + "/widget/2025/3?lang=de")
    page = body.decode()
    assert status == 200 and "Demnächst in DU" in page
    box = page[page.index('class="ik-events"') : page.index("</section>", page.index('class="ik-events"'))]
    # the next three ("shown: 3") from 28 March 2025; the past one is left out
    assert box.index("Gemeinsames Fastenbrechen") < box.index("Interkulturelles") < box.index("Seder")
    assert "Lesung" not in box and "Vorbei" not in box
    assert "&lt;b&gt;Fest&lt;/b&gt; &amp; Markt" in box and "<b>Fest" not in box
    assert "18:30" in box and "Sa., 29. März" in box
    # tradition=islam keeps the Islamic event and those naming no tradition, not the Jewish one
    page = get(served["yaml"] + "/widget/2025/3?lang=de&tradition=islam")[1].decode()
    box = page[page.index('class="ik-events"') :]
    assert "Gemeinsames Fastenbrechen" in box and "Interkulturelles" in box and "Seder" not in box
    # Turkish: its own heading and title
    page = get(served["yaml"] + "/widget/2025/3?lang=tr")[1].decode()
    assert "Yakında Duisburg&#39;da" in page or "Yakında Duisburg'da" in page
    assert "Ortak iftar" in page


def test_yaml_events_feed(served):
    status, body, headers = get(served["yaml"] + "/feeds/events.ics")
    assert status == 200 and headers["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(body)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert "iftar-2025@kalender.example.de" in events
    iftar = events["iftar-2025@kalender.example.de"]
    assert iftar.decoded("DTSTART") == datetime(2025, 3, 29, 18, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    assert iftar["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    fest = next(e for e in events.values() if "Fest" in str(e["SUMMARY"]))
    assert fest.decoded("DTSTART") == date(2025, 4, 5) and fest.decoded("DTEND") == date(2025, 4, 7)
    assert get(served["yaml"] + "/feeds/events.ics?tradition=nonsense")[0] == 400


def test_ics_events_keep_their_uids_and_recurrences_are_expanded(served):
    found = json.loads(get(served["ics"] + "/api/v1/events?from=2025-03-01&to=2025-05-31")[1])["events"]
    cafe = [e for e in found if e["id"] == "sprachcafe@stadt.example"]
    # FREQ=WEEKLY;COUNT=10 from Monday 3 March 2025, 17:00 Berlin: ten Mondays, the last 5 May (CEST)
    assert [e["start"][:10] for e in cafe] == [
        f"2025-{d}" for d in ("03-03", "03-10", "03-17", "03-24", "03-31", "04-07", "04-14", "04-21", "04-28", "05-05")
    ]
    assert cafe[0]["start"] == "2025-03-03T17:00:00+01:00" and cafe[-1]["start"] == "2025-05-05T17:00:00+02:00"
    fest = [e for e in found if e["id"] == "stadtfest-2025@stadt.example"]
    assert [(e["start"], e["end"]) for e in fest] == [("2025-05-10", "2025-05-11")]  # DTEND exclusive
    cal = Calendar.from_ical(get(served["ics"] + "/feeds/events.ics")[1])
    instances = [e for e in cal.walk("VEVENT") if str(e["UID"]) == "sprachcafe@stadt.example"]
    assert len(instances) == 10 and all("RECURRENCE-ID" in e for e in instances)


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*interkultur_command(), *args], capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}
    )


def test_check_reports_file_and_line(tmp_path):
    broken = tmp_path / "events.yaml"
    broken.write_text(
        "events:\n"
        "  - title: Iftar\n"
        "    start: 2027-02-30\n"
        "  - title: Fest\n"
        "    start: 2027-03-01\n"
        "    end: 2027-02-01\n"
        "  - title: Gebet\n"
        "    start: 2027-03-05\n"
        "    tradition: nonsense\n"
        "  - title: Ohne Datum\n",
        encoding="utf-8",
    )
    result = run_cli("check", str(broken))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert f"error: {broken}:3: start: '2027-02-30' is not a valid date (February 2027 has only 28 days)" in lines
    assert f"error: {broken}:6: end 2027-02-01 is before start 2027-03-01" in lines
    assert any(line.startswith(f"error: {broken}:9: unknown tradition 'nonsense'") for line in lines)
    assert f"error: {broken}:10: missing start" in lines
    # the same file configured: `check` without argument and `serve` refuse alike
    result = run_cli("check", env={"INTERKULTUR_EVENTS": str(broken)})
    assert result.returncode == 1 and f"error: {broken}:3:" in result.stderr
    result = run_cli("serve", "--port", str(free_port()), env={"INTERKULTUR_EVENTS": str(broken)})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "not starting: fix the events file (4 errors above)" in result.stderr


def test_check_accepts_a_good_yaml_and_ics(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(EVENTS_YAML, encoding="utf-8")
    assert run_cli("check", str(good)).stdout.strip() == f"{good}: OK, 5 events"
    ics = tmp_path / "city.ics"
    ics.write_text(EVENTS_ICS, encoding="utf-8")
    assert run_cli("check", str(ics)).stdout.strip() == f"{ics}: OK, 1 events (and recurring ones)"


@pytest.fixture()
def city_server(tmp_path):
    """A local HTTP server playing the city's event calendar."""
    root = tmp_path / "www"
    root.mkdir()
    (root / "good.ics").write_text(EVENTS_ICS, encoding="utf-8")
    (root / "broken.ics").write_text(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:no uid\nEND:VEVENT\nEND:VCALENDAR\n", encoding="utf-8"
    )

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_pull_keeps_the_last_good_copy(tmp_path, city_server):
    target = tmp_path / "city" / "events.ics"
    result = run_cli("events", "pull", city_server + "/good.ics", "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == EVENTS_ICS
    good = target.read_bytes()
    for url, reason in (
        (city_server + "/missing.ics", "cannot fetch"),
        (city_server + "/broken.ics", "UID missing"),
        ("http://127.0.0.1:9/none.ics", "cannot fetch"),
    ):
        result = run_cli("events", "pull", url, "--output", str(target), "--timeout", "5")
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert reason in result.stderr and "the last good copy is kept" in result.stderr
        assert target.read_bytes() == good
    assert sorted(p.name for p in target.parent.iterdir()) == ["events.ics"]  # no temporary files left
    # the pulled copy is what the service then serves
    assert run_cli("check", env={"INTERKULTUR_EVENTS": str(target)}).returncode == 0
    result = run_cli("events", "pull", city_server + "/good.ics", env={"INTERKULTUR_EVENTS": ""})
    assert result.returncode == 2 and "--output" in result.stderr
