"""The command line stays lean: the web stack, icalendar and Babel load only for the commands that need them.

A structural check (which modules are imported), not a timing: speed is measured by benchmarks/run.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("flask", "werkzeug", "jinja2", "waitress", "icalendar", "babel", "holidays")
PROBE = """
import contextlib, io, json, sys
from interkultur.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(sys.argv[1:])
print(json.dumps({"status": status, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def loaded(*args: str) -> tuple[int, set[str]]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    return result["status"], set(result["modules"])


@pytest.mark.parametrize(
    "args",
    [
        ("holidays", "--year", "2025", "--format", "json"),
        ("holidays", "--from", "2025-01-01", "--to", "2025-12-31"),
        ("check",),
    ],
)
def test_engine_commands_do_not_load_the_web_stack(args):
    status, modules = loaded(*args)
    assert status == 0
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))


def test_ics_output_loads_icalendar_only():
    status, modules = loaded("holidays", "--year", "2025", "--format", "ics")
    assert status == 0 and "icalendar" in modules
    assert not modules & {"flask", "werkzeug", "jinja2", "waitress"}
