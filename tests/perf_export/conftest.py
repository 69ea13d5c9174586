"""Fixtures for the performance-feature and static-export tests."""

from __future__ import annotations

import pytest

from interkultur.web import create_app


@pytest.fixture(scope="session")
def make_app(catalogue):
    """Build an app with extra settings (the shipped catalogue, testing mode)."""

    def build(**settings):
        config = {"CATALOGUE": catalogue, "TESTING": True}
        config.update(settings)
        return create_app(config)

    return build
