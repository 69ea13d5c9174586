"""Fixtures shared by every test directory: the repository, the shipped catalogue, an engine.

The catalogue is always the repository's ``data/holidays.yaml``, never whatever
``$INTERKULTUR_CATALOGUE`` happens to point at on the machine running the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from interkultur.catalog import Catalogue, load
from interkultur.engine import Engine
from support_http import REPO, SHIPPED_CATALOGUE, require_browser


@pytest.fixture(scope="session")
def repo() -> Path:
    """The repository root."""
    return REPO


@pytest.fixture(scope="session")
def shipped_catalogue_path() -> Path:
    return SHIPPED_CATALOGUE


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The shipped catalogue, loaded once per test process."""
    return load(SHIPPED_CATALOGUE)


@pytest.fixture(scope="session")
def engine(catalogue: Catalogue) -> Engine:
    """An engine over the shipped catalogue; its per-year cache is shared by the session."""
    return Engine(catalogue)


@pytest.fixture(scope="session")
def browser_available() -> None:
    """Debian's Chromium and selenium are here: skip with the reason if not (fail under ``CI=true``)."""
    require_browser()
