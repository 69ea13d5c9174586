"""Dates on the web (issue "First contact"): the JSON API is ISO only and says so; the /schulen form
reads ISO and German dates through the same parser (``interkultur.inputs``)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "query", ["date=24.12.2026", "date=2026-12-4", "from=1.4.2026&to=2026-04-30", "date=" + "9" * 3000]
)
def test_api_is_iso_only_and_names_the_format(client, query):
    response = client.get(f"/api/v1/holidays?{query}")
    assert response.status_code == 400
    body = response.get_json()
    assert "YYYY-MM-DD" in body["error"] and len(body["error"]) < 200


def test_api_names_an_impossible_day(client):
    body = client.get("/api/v1/holidays?date=2026-02-30").get_json()
    assert body["parameter"] == "date"
    assert "YYYY-MM-DD" in body["error"] and "2026-02 has only 28 days" in body["error"]


def test_api_keeps_the_year_message(client):
    body = client.get("/api/v1/holidays?date=2101-01-01").get_json()
    assert "1900" in body["error"] and "2100" in body["error"]


def test_an_impossible_day_is_translated_on_html_error_pages(app):
    from interkultur.web import params

    with app.test_request_context("/?lang=de"):
        from flask import g

        from interkultur.web.i18n import gettext

        g.lang = "de"
        text = gettext(params.MSG_DATE_DAY, parameter="date", year=2026, month="02", days=28)
    assert text.startswith("Der Parameter „date“") and "2026-02 hat nur 28 Tage" in text


def test_schools_api_is_iso_only(client):
    response = client.post("/api/v1/schools/check", json={"dates": ["24.12.2026", "2026-12-25"], "state": "NW"})
    assert response.status_code == 400
    body = response.get_json()
    assert "YYYY-MM-DD" in body["error"] and body["invalid"] == ["24.12.2026"]


@pytest.mark.parametrize("dates", ["24.12.2026\n4.1.2026\n2026-12-25", "24.12.2026,04.01.2026,2026-12-25"])
def test_schulen_form_reads_german_and_iso(client, dates):
    response = client.post("/schulen?lang=de", data={"dates": dates, "state": "NW"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for iso in ("2026-12-24", "2026-01-04", "2026-12-25"):
        assert f'data-date="{iso}"' in html


def test_schulen_link_reads_german_dates(client):
    html = client.get("/schulen?lang=de&state=NW&dates=24.12.2026").get_data(as_text=True)
    assert 'data-date="2026-12-24"' in html


def test_schulen_names_an_impossible_date(client):
    response = client.post("/schulen?lang=de", data={"dates": "30.02.2026", "state": "NW"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "“30.02.2026”" in html
    assert "„30.02.2026“: Der Februar 2026 hat nur 28 Tage." in html  # 2026 is no leap year


def test_schulen_names_an_impossible_date_in_arabic(client):
    html = client.post("/schulen?lang=ar", data={"dates": "31.04.2025", "state": "NW"}).get_data(as_text=True)
    assert "أبريل 2025 فيه 30 يومًا فقط" in html  # April: 30 days
