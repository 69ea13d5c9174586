"""``interkultur check-dates`` on the command line."""

from __future__ import annotations

import json
import subprocess

import pytest

from interkultur.cli import main
from support_http import interkultur_command


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_dates_text(capsys):
    code, out, err = run(capsys, "check-dates", "2025-03-31", "2025-06-06", "2025-10-01", "--state", "NW")
    assert code == 0 and not err
    blocks = out.split("\n2025-")
    assert blocks[0].startswith("2025-03-31:") and "Ramadanfest" in blocks[0]
    assert blocks[1].startswith("06-06:") and "LEAVE Opferfest" in blocks[1] and "on-application" in blocks[1]
    assert blocks[2].startswith("10-01:") and "Jom Kippur" in blocks[2] and "eve (begins that evening)" in blocks[2]


def test_check_dates_json_matches_the_api_contract(capsys, client):
    code, out, _ = run(capsys, "check-dates", "2025-03-31", "2025-07-14", "--state", "DE-NW", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["state"] == "NW"
    assert [r["date"] for r in data["results"]] == ["2025-03-31", "2025-07-14"]
    summer = [h for h in data["results"][1]["holidays"] if h["id"] == "school-break-summer"][0]
    assert summer["match"] == "day" and summer["day_of_feast"] == 1 and summer["grants_leave"] is True
    api = client.post("/api/v1/schools/check", json={"dates": ["2025-03-31", "2025-07-14"], "state": "NW"})
    api_ids = [[(h["id"], h["match"], h["day_of_feast"]) for h in r["holidays"]] for r in api.get_json()["results"]]
    assert [[(h["id"], h["match"], h["day_of_feast"]) for h in r["holidays"]] for r in data["results"]] == api_ids


def test_check_dates_without_holiday(capsys):
    code, out, _ = run(capsys, "check-dates", "2025-02-18", "--state", "NW")
    assert code == 0 and out.strip() == "2025-02-18: no holiday"


@pytest.mark.parametrize(
    "argv", [["check-dates", "2025-02-30", "--state", "NW"], ["check-dates", "2025-03-31", "--state", "XX"]]
)
def test_check_dates_usage_errors(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and not out
    assert err.startswith("interkultur check-dates: error:")


def test_check_dates_as_a_real_command():
    done = subprocess.run(
        interkultur_command() + ["check-dates", "2025-03-31", "2025-06-06", "--state", "NW"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2025-03-31:") and "Opferfest" in done.stdout
