"""Dates as people type them (issue "First contact"): one parser, ``interkultur.inputs``, for every caller.

ISO 8601 (``2026-12-24``) and the German numeric form (``24.12.2026``, ``4.1.2026``;
DIN 5008 writes the day first, https://de.wikipedia.org/wiki/Datumsformat) are read by the CLI
and the ``/schulen`` page; the JSON API reads ISO only. Expected dates are cross-checked with
python-dateutil's independent parser (``dayfirst=True``) and with ``datetime.date`` itself.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from dateutil import parser as dateutil_parser

from interkultur import inputs
from interkultur.cli import main

SRC = Path(inputs.__file__).resolve().parent


def every_day(year: int):
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)


@pytest.mark.parametrize("year", [2024, 2026, 1900, 2100])  # leap, common, and the two ends (1900: no leap year)
def test_german_and_iso_forms_agree_with_dateutil(year):
    for day in every_day(year):
        for text in (f"{day.day}.{day.month}.{day.year}", f"{day.day:02d}.{day.month:02d}.{day.year}"):
            expected = dateutil_parser.parse(text, dayfirst=True).date()
            assert inputs.parse_date(text) == expected == day
        assert inputs.parse_date(day.isoformat(), iso_only=True) == dateutil_parser.isoparse(day.isoformat()).date()


@pytest.mark.parametrize(
    "text,problem",
    [
        ("30.02.2026", "February 2026 has only 28 days"),
        ("2026-02-30", "February 2026 has only 28 days"),
        ("29.2.2100", "February 2100 has only 28 days"),  # 2100 is not a leap year (Gregorian rule)
        ("31.4.2026", "April 2026 has only 30 days"),
        ("1.13.2026", "there is no month 13"),
        ("0.1.2026", "there is no day 0"),
        ("1.1.2101", "year 2101 is outside the supported range 1900-2100"),
    ],
)
def test_impossible_dates_name_the_problem(text, problem):
    with pytest.raises(ValueError):  # datetime itself agrees these do not exist (or are out of range)
        day, month, year = (int(p) for p in (text.split(".") if "." in text else reversed(text.split("-"))))
        if year > 2100:
            raise ValueError
        date(year, month, day)
    with pytest.raises(inputs.DateInputError) as caught:
        inputs.parse_date(text)
    assert str(caught.value) == f"{text!r} is not a valid date: {problem}"


@pytest.mark.parametrize("text", ["24.12.2026", "24/12/2026", "2026-1-5", " 2026-12-24x", "12/24/2026"])
def test_the_api_form_is_iso_only_and_says_so(text):
    with pytest.raises(inputs.DateInputError) as caught:
        inputs.parse_date(text, iso_only=True)
    assert "(expected YYYY-MM-DD)" in str(caught.value)


def test_long_input_is_never_echoed_in_full():
    junk = "9" * 10_000 + "\x00\x1b[31m"
    with pytest.raises(inputs.DateInputError) as caught:
        inputs.parse_date(junk)
    assert len(str(caught.value)) < 100 and "\x1b" not in str(caught.value)


def test_no_other_module_parses_dates_itself():
    """The one parser: outside inputs.py, only readers of shipped data files (calendars/) parse ISO text."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "inputs.py" or "calendars" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"fromisoformat|strptime", text):
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []


# -- the command line ------------------------------------------------------------------------------


def output(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_dates_reads_german_dates(capsys):
    code, german, err = output(capsys, "check-dates", "24.12.2026", "4.4.2026", "--state", "NW")
    assert code == 0 and not err
    assert german.startswith("2026-12-24:") and "\n2026-04-04:" in german
    assert "Heiligabend" in german  # 24 December, by definition
    assert output(capsys, "check-dates", "2026-12-24", "2026-04-04", "--state", "NW")[1] == german


@pytest.mark.parametrize(
    "german,iso",
    [
        (["--date", "24.12.2026"], ["--date", "2026-12-24"]),
        (["--from", "1.4.2026", "--to", "30.04.2026"], ["--from", "2026-04-01", "--to", "2026-04-30"]),
    ],
)
def test_holidays_reads_german_dates(capsys, german, iso):
    code, out, _ = output(capsys, "holidays", *german, "--format", "json")
    assert code == 0 and out.strip() not in ("", "[]")
    assert output(capsys, "holidays", *iso, "--format", "json")[1] == out


def test_check_dates_names_an_impossible_date(run_cli):
    result = run_cli("check-dates", "30.02.2026")
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "interkultur check-dates: error: not valid dates: "
        "'30.02.2026' is not a valid date: February 2026 has only 28 days"
    )


def test_cli_does_not_echo_long_junk(run_cli):
    result = run_cli("holidays", "--date", "x" * 5000)
    assert result.returncode == 2 and len(result.stderr) < 200
