"""Fixtures for the web tests: an app on the shipped catalogue with a fixed "today"."""

from __future__ import annotations

from datetime import date

import pytest

from interkultur.web import create_app

TODAY = date(2025, 3, 30)
BASE_URL = "https://kalender.example.de"
UID_DOMAIN = "kalender.example.de"


@pytest.fixture(scope="session")
def app(catalogue):
    return create_app(
        {
            "CATALOGUE": catalogue,
            "TODAY": TODAY.isoformat(),
            "BASE_URL": BASE_URL,
            "UID_DOMAIN": UID_DOMAIN,
            "TESTING": True,
        }
    )


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def make_app(catalogue):
    """Build an app with extra settings (fixed today and the shipped catalogue by default)."""

    def build(**settings):
        config = {"CATALOGUE": catalogue, "TODAY": TODAY.isoformat(), "TESTING": True}
        config.update(settings)
        return create_app(config)

    return build
