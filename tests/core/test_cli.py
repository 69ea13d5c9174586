"""The real console script, run in a subprocess: output formats, options, and bad input.

Dates asserted here are published ones (see test_known_dates.py for the sources).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from interkultur.engine import Engine

from .support import BROKEN

D = date.fromisoformat
REQUIRED_FIELDS = {"id", "tradition", "name", "start", "end", "eve", "estimated"}


def ok_json(result) -> list[dict]:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def by_id(items: list[dict], holiday_id: str) -> list[dict]:
    return [i for i in items if i["id"] == holiday_id]


# -- holidays ---------------------------------------------------------------------------------------


def test_year_as_json(run_cli, engine: Engine) -> None:
    items = ok_json(run_cli("holidays", "--year", "2025", "--format", "json"))
    assert items
    for item in items:
        assert set(item) >= REQUIRED_FIELDS, item
        assert item["start"] <= item["end"]
    assert [(i["start"], i["id"]) for i in items] == sorted((i["start"], i["id"]) for i in items)
    # the same answer as the engine's own range query
    expected = engine.occurrences(date(2025, 1, 1), date(2025, 12, 31))
    assert [(i["id"], i["start"], i["end"]) for i in items] == [
        (o.id, o.start.isoformat(), o.end.isoformat()) for o in expected
    ]
    # Saudi Supreme Court: Eid al-Fitr 1446 on Sunday 30 March 2025 (three days)
    (eid,) = by_id(items, "eid-al-fitr")
    assert (eid["start"], eid["end"], eid["eve"], eid["estimated"]) == ("2025-03-30", "2025-04-01", "2025-03-29", False)
    assert eid["tradition"] == "islam" and eid["name"] == engine.catalogue.get("eid-al-fitr").name("de")
    # hebcal: Rosh Hashanah 5786 from the evening of 22 September 2025
    (rosh,) = by_id(items, "rosh-hashanah")
    assert (rosh["start"], rosh["end"], rosh["eve"]) == ("2025-09-23", "2025-09-24", "2025-09-22")
    # Hanukkah 5785 (26 Dec 2024 - 2 Jan 2025) has days in 2025, so it is listed too
    assert [i["start"] for i in by_id(items, "hanukkah")] == ["2024-12-26", "2025-12-15"]
    # a Christian feast has no eve; same-day feasts are ordered by id
    (easter,) = by_id(items, "easter-sunday")
    assert easter["eve"] is None and easter["start"] == "2025-04-20"
    same_day = [i["id"] for i in items if i["start"] == "2025-04-20"]
    assert "orthodox-easter" in same_day and same_day == sorted(same_day)


def test_one_date(run_cli) -> None:
    items = ok_json(run_cli("holidays", "--date", "2025-03-31", "--format", "json"))
    ids = {i["id"] for i in items}
    assert "eid-al-fitr" in ids  # its second day
    assert "ramadan" not in ids  # Ramadan 1446 ended on 29 March
    for item in items:
        assert item["start"] <= "2025-03-31" <= item["end"]
    new_year = ok_json(run_cli("holidays", "--date", "2025-01-01", "--format", "json"))
    assert [(i["start"], i["end"]) for i in by_id(new_year, "hanukkah")] == [("2024-12-26", "2025-01-02")]


def test_range_and_jewish_variant(run_cli) -> None:
    args = ("holidays", "--from", "2025-04-12", "--to", "2025-04-13", "--format", "json")
    diaspora = by_id(ok_json(run_cli(*args)), "pesach")
    israel = by_id(ok_json(run_cli(*args, "--jewish", "israel")), "pesach")
    # hebcal: Pesach 5785 from the evening of 12 April; 8 days in the diaspora, 7 in Israel
    assert [(p["start"], p["end"], p["eve"]) for p in diaspora] == [("2025-04-13", "2025-04-20", "2025-04-12")]
    assert [(p["start"], p["end"]) for p in israel] == [("2025-04-13", "2025-04-19")]
    # the range includes both ends and nothing outside
    items = ok_json(run_cli(*args))
    assert all(i["start"] <= "2025-04-13" and i["end"] >= "2025-04-12" for i in items)


def test_tradition_filter(run_cli) -> None:
    items = ok_json(run_cli("holidays", "--year", "2025", "--tradition", "judaism,islam", "--format", "json"))
    assert {i["tradition"] for i in items} == {"judaism", "islam"}


@pytest.mark.parametrize("lang", ["de", "en", "tr", "ar"])
def test_language_of_names(run_cli, engine: Engine, lang: str) -> None:
    items = ok_json(run_cli("holidays", "--date", "2025-03-30", "--lang", lang, "--format", "json"))
    (eid,) = by_id(items, "eid-al-fitr")
    assert eid["name"] == engine.catalogue.get("eid-al-fitr").names[lang]  # Islamic names exist in all four


def test_islamic_profiles(run_cli) -> None:
    args = ("holidays", "--from", "2025-03-28", "--to", "2025-04-02", "--format", "json")
    (tabular,) = by_id(ok_json(run_cli(*args, "--islamic", "tabular")), "eid-al-fitr")
    assert tabular["estimated"] is True
    # Oman and Iran, waiting for a local sighting, began Eid on Monday 31 March 2025
    (sighting,) = by_id(ok_json(run_cli(*args, "--islamic", "sighting")), "eid-al-fitr")
    assert (sighting["start"], sighting["estimated"]) == ("2025-03-31", True)


def test_ics_parses_back(run_cli) -> None:
    args = ("holidays", "--from", "2025-03-01", "--to", "2025-04-30")
    items = ok_json(run_cli(*args, "--format", "json"))
    result = run_cli(*args, "--format", "ics")
    assert result.returncode == 0 and result.stderr == ""
    cal = Calendar.from_ical(result.stdout)
    events = cal.walk("VEVENT")
    assert len(events) == len(items)
    assert len({str(e["UID"]) for e in events}) == len(events)
    for event, item in zip(events, items):
        assert str(event["SUMMARY"]) == item["name"]
        assert event.decoded("DTSTART") == D(item["start"])
        assert event.decoded("DTEND") == D(item["end"]) + timedelta(days=1)  # exclusive end (RFC 5545)
    (eid,) = [e for e, i in zip(events, items) if i["id"] == "eid-al-fitr"]
    assert (eid.decoded("DTSTART"), eid.decoded("DTEND")) == (date(2025, 3, 30), date(2025, 4, 2))


def test_text_output(run_cli, engine: Engine) -> None:
    result = run_cli("holidays", "--date", "2025-03-30")
    assert result.returncode == 0 and result.stderr == ""
    (line,) = [x for x in result.stdout.splitlines() if engine.catalogue.get("eid-al-fitr").name("de") in x]
    assert "2025-03-30" in line and "2025-04-01" in line and "[islam]" in line


# -- month ------------------------------------------------------------------------------------------


def test_month_grid(run_cli) -> None:
    # the Duisburg widget: "< Oktober 2018 >", "Mo Di Mi Do Fr Sa So", 1 October 2018 a Monday
    result = run_cli("month", "2018", "10")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "Oktober 2018"
    assert lines[1].split() == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    assert lines[2].split()[0].rstrip("*") == "1"
    assert lines[2].index("1") <= lines[1].index("Mo") + 2  # the 1st stands under Monday
    assert [cell.rstrip("*") for cell in lines[6].split()] == ["29", "30", "31"]
    assert lines[6].split()[-1] == "31*"  # Reformationstag, 31 October, is marked
    assert "31.10." in result.stdout


def test_month_grid_in_english(run_cli) -> None:
    result = run_cli("month", "2018", "10", "--lang", "en")
    assert result.returncode == 0
    assert "October 2018" in result.stdout


# -- catalogue selection and check ------------------------------------------------------------------


def test_catalogue_option(run_cli, mini_catalogue: Path) -> None:
    items = ok_json(run_cli("holidays", "--year", "2025", "--format", "json", "--catalogue", str(mini_catalogue)))
    assert [(i["id"], i["start"]) for i in items] == [
        ("international-womens-day", "2025-03-08"),
        ("eid-al-fitr", "2025-03-30"),
        ("pesach", "2025-04-13"),
        ("christmas", "2025-12-25"),
    ]


def test_catalogue_environment_variable(run_cli, mini_catalogue: Path, tmp_path: Path) -> None:
    env = {"INTERKULTUR_CATALOGUE": str(mini_catalogue)}
    items = ok_json(run_cli("holidays", "--year", "2025", "--format", "json", env=env))
    assert {i["id"] for i in items} == {"christmas", "pesach", "eid-al-fitr", "international-womens-day"}
    checked = run_cli("check", env=env)
    assert checked.returncode == 0 and f"{mini_catalogue}: OK, 4 holidays" in checked.stdout
    month = run_cli("month", "2025", "3", env=env)
    assert month.returncode == 0 and "30*" in month.stdout
    # the option wins over the variable
    env_broken = {"INTERKULTUR_CATALOGUE": str(BROKEN / "unknown-key.yaml")}
    items = ok_json(
        run_cli(
            "holidays", "--date", "2025-03-08", "--format", "json", "--catalogue", str(mini_catalogue), env=env_broken
        )
    )
    assert [i["id"] for i in items] == ["international-womens-day"]


def test_check_good_catalogues(run_cli, shipped_catalogue_path: Path, mini_catalogue: Path) -> None:
    result = run_cli("check", str(shipped_catalogue_path))
    assert result.returncode == 0 and result.stderr == ""
    assert "OK" in result.stdout
    result = run_cli("check", str(mini_catalogue))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"{mini_catalogue}: OK, 4 holidays, 4 traditions, version mini-1"
    # then the coverage: the mini catalogue names its holidays in de and en only, a warning without --strict
    assert lines[1].startswith("translation coverage")
    assert any(line.split()[:2] == ["de", "4/4"] for line in lines)
    assert any(line.startswith("warning: tr: ") for line in lines) and result.stderr == ""


@pytest.mark.parametrize(
    "name",
    [
        "unknown-key",
        "several-errors",
        "yaml-syntax-error",
        "duplicate-key",
        "rule-day-31-in-february",
        "school-unknown-leave",
    ],
)
def test_check_broken_catalogue(run_cli, name: str) -> None:
    path = BROKEN / f"{name}.yaml"
    result = run_cli("check", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"error: {path}:") for line in lines)
    expected_lines = {
        int(x.split(":")[0])
        for x in (
            line.removeprefix("# expect: ") for line in path.read_text().splitlines() if line.startswith("# expect: ")
        )
    }
    assert {int(line.removeprefix(f"error: {path}:").split(":")[0]) for line in lines} == expected_lines


def test_broken_catalogue_stops_other_commands_too(run_cli) -> None:
    result = run_cli("holidays", "--year", "2025", "--catalogue", str(BROKEN / "unknown-category.yaml"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "unknown-category.yaml:9:" in result.stderr


def test_missing_catalogue_file(run_cli, tmp_path: Path) -> None:
    result = run_cli("holidays", "--year", "2025", "--catalogue", str(tmp_path / "nope.yaml"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "nope.yaml: cannot read the catalogue" in result.stderr


# -- bad input ------------------------------------------------------------------------------------------

BAD_INPUT = [
    (["holidays", "--tradition", "klingon"], "unknown tradition 'klingon'"),
    (["holidays", "--tradition", "islam,klingon"], "klingon"),
    (["holidays", "--year", "1899"], "year 1899 is outside the supported range 1900-2100"),
    (["holidays", "--year", "100000"], "year 100000 is outside the supported range"),
    (["holidays", "--year", "twenty"], "'twenty' is not a year"),
    (["holidays", "--from", "2025-02-01", "--to", "2025-01-01"], "--from 2025-02-01 is after --to 2025-01-01"),
    (["holidays", "--from", "2025-02-01"], "--from and --to must be given together"),
    (["holidays", "--from", "1899-12-01", "--to", "1900-01-31"], "1899-12-01"),
    (["holidays", "--date", "2101-01-01"], "2101-01-01"),
    (["holidays", "--date", "2025-13-01"], "'2025-13-01' is not a valid date"),
    (["holidays", "--date", "2025-02-30"], "'2025-02-30' is not a valid date"),
    (["holidays", "--date", "30.02.2025"], "'30.02.2025' is not a valid date: February 2025 has only 28 days"),
    (["holidays", "--date", "2025/03/30"], "'2025/03/30' is not a valid date (expected YYYY-MM-DD or D.M.YYYY)"),
    (["holidays", "--islamic", "shia"], "shia"),
    (["holidays", "--jewish", "jerusalem"], "jerusalem"),
    (["holidays", "--lang", "fr"], "fr"),
    (["month", "2018", "13"], "month 13 is not between 1 and 12"),
    (["month", "2018", "0"], "month 0 is not between 1 and 12"),
    (["month", "1899", "10"], "year 1899 is outside the supported range"),
    (["serve", "--port", "99999"], "port 99999 is outside 0-65535"),
    (["serve", "--port", "-1"], "port -1 is outside 0-65535"),
    (["serve", "--port", "http"], "'http' is not a port number"),
]


@pytest.mark.parametrize(("args", "problem"), BAD_INPUT, ids=[" ".join(a) for a, _ in BAD_INPUT])
def test_bad_input_ends_with_one_line_naming_the_problem(run_cli, args: list[str], problem: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    last = result.stderr.rstrip("\n").splitlines()[-1]
    assert last.startswith("interkultur") and "error:" in last
    assert problem in last


def test_serve_refuses_a_broken_catalogue_and_says_why(run_cli) -> None:
    """The server must not come up on a broken catalogue (issue 2): it names each error and stops."""
    result = run_cli("serve", "--port", "0", "--catalogue", str(BROKEN / "unknown-category.yaml"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "unknown-category.yaml:9:" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("interkultur serve: not starting")


@pytest.mark.parametrize("zone", ["Europe", "Etc", "Mars/Olympus", "../etc"])
@pytest.mark.parametrize("command", [["check"], ["serve", "--port", "0"]])
def test_a_bad_time_zone_setting_is_one_line(zone, command):
    # 'Europe' is a directory of the zone database: zoneinfo raises IsADirectoryError for it
    import os
    import subprocess

    from support_http import interkultur_command

    done = subprocess.run(
        interkultur_command() + command,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "INTERKULTUR_TIMEZONE": zone},
    )
    assert done.returncode == 2
    assert "INTERKULTUR_TIMEZONE" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_create_app_refuses_a_directory_as_time_zone():
    from interkultur.web import create_app

    with pytest.raises(ValueError, match="INTERKULTUR_TIMEZONE"):
        create_app({"TIMEZONE": "Europe"})
