"""Helpers for the core tests: look up occurrences by id, run the real console script."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from interkultur.catalog import Catalogue
from interkultur.engine import Engine, Occurrence
from support_http import interkultur_command

from .support import MINI_CATALOGUE


def require(catalogue: Catalogue, holiday_id: str) -> None:
    """Fail with a readable message when an id is not (yet) in the catalogue."""
    if catalogue.get(holiday_id) is None:
        pytest.fail(f"holiday {holiday_id!r} is not in the catalogue {catalogue.path}", pytrace=False)


@pytest.fixture(scope="session")
def starting_in(engine: Engine, catalogue: Catalogue) -> Callable[..., list[Occurrence]]:
    """``starting_in(id, year, islamic=..., jewish=...)``: the holiday's occurrences that start in ``year``."""

    def find(holiday_id: str, year: int, **variants: str) -> list[Occurrence]:
        require(catalogue, holiday_id)
        return [o for o in engine.year(year, **variants) if o.id == holiday_id]

    return find


@pytest.fixture(scope="session")
def the_one(starting_in: Callable[..., list[Occurrence]]) -> Callable[..., Occurrence]:
    """``the_one(id, year, ...)``: the single occurrence starting in ``year`` (fails if not exactly one)."""

    def find(holiday_id: str, year: int, **variants: str) -> Occurrence:
        found = starting_in(holiday_id, year, **variants)
        assert len(found) == 1, f"{holiday_id} {year} {variants}: expected one occurrence, got {found}"
        return found[0]

    return find


# -- the console script ----------------------------------------------------------------


@pytest.fixture(scope="session")
def run_cli(shipped_catalogue_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``interkultur ARGS`` in a fresh process; returns the CompletedProcess (text mode).

    The environment is the caller's minus ``$INTERKULTUR_CATALOGUE`` (unless
    ``env`` sets it), so the shipped catalogue is the default.
    """
    command = interkultur_command()

    def run(
        *args: str,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
    ) -> subprocess.CompletedProcess[str]:
        environment = {k: v for k, v in os.environ.items() if k != "INTERKULTUR_CATALOGUE"}
        environment.update({"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"})
        environment.update(env or {})
        return subprocess.run(
            [*command, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=environment,
            cwd=cwd,
            timeout=120,
            check=False,
        )

    return run


@pytest.fixture()
def mini_catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_CATALOGUE, encoding="utf-8")
    return path
