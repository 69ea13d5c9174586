"""Fixtures for the school tests: an app on the shipped catalogue with a fixed "today"."""

from __future__ import annotations

import pytest

from interkultur.web import create_app

TODAY = "2025-03-30"
BASE_URL = "https://kalender.example.de"
API = "/api/v1/schools/check"


@pytest.fixture(scope="session")
def school_app(catalogue):
    return create_app(
        {
            "CATALOGUE": catalogue,
            "TODAY": TODAY,
            "BASE_URL": BASE_URL,
            "UID_DOMAIN": "kalender.example.de",
            "TESTING": True,
        }
    )


@pytest.fixture()
def client(school_app):
    return school_app.test_client()


@pytest.fixture()
def check(client):
    """POST the contract's request and return the decoded answer (asserting 200)."""

    def post(dates, state="NW", **query):
        body = {"dates": list(dates)}
        if state is not None:
            body["state"] = state
        response = client.post(API, json=body, query_string=query)
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.get_json()

    return post


def holidays_on(answer: dict, day: str) -> list[dict]:
    """The holidays of the first result for ``day``."""
    for result in answer["results"]:
        if result["date"] == day:
            return result["holidays"]
    raise AssertionError(f"{day} not in the answer")


def match_of(answer: dict, day: str, holiday_id: str) -> dict:
    found = [h for h in holidays_on(answer, day) if h["id"] == holiday_id]
    assert found, f"{holiday_id} not among {[h['id'] for h in holidays_on(answer, day)]} on {day}"
    return found[0]
