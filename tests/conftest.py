"""Fixtures shared by every test directory: the repository, the shipped catalogue, an engine.

The catalogue is always the repository's ``data/holidays.yaml``, never whatever
``$INTERKULTUR_CATALOGUE`` happens to point at on the machine running the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from interkultur.catalog import Catalogue, load
from interkultur.engine import Engine

REPO = Path(__file__).resolve().parents[1]
SHIPPED_CATALOGUE = REPO / "data" / "holidays.yaml"


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
