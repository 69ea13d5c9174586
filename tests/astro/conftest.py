"""Fixtures for the astronomical holidays: an engine over tests/astro/catalogue.yaml.

The catalogue here is a copy of the entries proposed for data/holidays.yaml
(issue 5), so these tests do not depend on the merge.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from interkultur.catalog import Catalogue, load
from interkultur.engine import Engine, Occurrence

ASTRO_CATALOGUE = Path(__file__).resolve().parent / "catalogue.yaml"


@pytest.fixture(scope="session")
def astro_catalogue() -> Catalogue:
    return load(ASTRO_CATALOGUE)


@pytest.fixture(scope="session")
def astro_engine(astro_catalogue: Catalogue) -> Engine:
    return Engine(astro_catalogue)


@pytest.fixture(scope="session")
def occurrences(astro_engine: Engine) -> Callable[..., list[Occurrence]]:
    """``occurrences(id, year, islamic=...)``: the holiday's occurrences starting in ``year``."""

    def find(holiday_id: str, year: int, **variants: str) -> list[Occurrence]:
        assert astro_engine.catalogue.get(holiday_id) is not None, holiday_id
        return [o for o in astro_engine.year(year, **variants) if o.id == holiday_id]

    return find


@pytest.fixture(scope="session")
def start_of(occurrences: Callable[..., list[Occurrence]]) -> Callable[..., date]:
    """``start_of(id, year)``: the single start date of the holiday in ``year``."""

    def one(holiday_id: str, year: int, **variants: str) -> date:
        found = occurrences(holiday_id, year, **variants)
        assert len(found) == 1, (holiday_id, year, found)
        return found[0].start

    return one
