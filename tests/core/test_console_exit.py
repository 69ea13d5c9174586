"""The console script ends print-only commands with ``os._exit``: nothing may be lost on the way out.

``cli.run`` skips the interpreter's teardown after ``holidays``, ``month`` and
``check-dates`` once stdout and stderr are flushed. Run as a real process (the
way residents and scripts call it), its output must be the whole output that
``main`` gives in-process, and its exit status the command's.
"""

from __future__ import annotations

import json
import subprocess
import sys

from interkultur import cli


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interkultur", *argv], capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def test_holidays_output_is_complete_after_the_fast_exit(capsys) -> None:
    argv = ("holidays", "--from", "2020-01-01", "--to", "2029-12-31", "--format", "json")
    assert cli.main(list(argv)) == 0
    in_process = capsys.readouterr().out
    done = _run(*argv)
    assert done.returncode == 0, done.stderr
    assert done.stdout == in_process  # every byte written before the process ended
    assert len(json.loads(done.stdout)) > 1500


def test_exit_status_and_message_survive_the_fast_exit() -> None:
    done = _run("holidays", "--year", "100000")
    assert done.returncode == 2
    assert "outside the supported range" in done.stderr
    assert "Traceback" not in done.stderr


def test_only_print_only_commands_skip_teardown() -> None:
    # serve and export hold threads, sockets and temporary trees: they must exit normally
    assert {"serve", "export", "events", "check"}.isdisjoint(cli.PRINT_ONLY)
    assert set(cli.COMMANDS) >= cli.PRINT_ONLY
