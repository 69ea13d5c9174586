"""The JSON API, /api/openapi.json and /healthz."""

from __future__ import annotations

from datetime import date

import pytest

from interkultur.calendars import hijri
from interkultur.catalog import load as _load_catalogue

from .conftest import BASE_URL

TRADITIONS = _load_catalogue().tradition_ids

FIELDS = ["id", "tradition", "community", "name", "description", "start", "end", "eve", "estimated", "category", "url"]


def test_holidays_on_a_date(client, engine):
    response = client.get("/api/v1/holidays?date=2025-03-30")
    assert response.status_code == 200 and response.mimetype == "application/json"
    items = response.get_json()["holidays"]
    expected = engine.on(date(2025, 3, 30))
    assert [i["id"] for i in items] == [o.id for o in expected]
    for item, occ in zip(items, expected):
        assert set(FIELDS) <= set(item)
        assert item["start"] == occ.start.isoformat() and item["end"] == occ.end.isoformat()
        assert item["eve"] == (occ.eve.isoformat() if occ.eve else None)
        assert item["estimated"] is occ.estimated
        assert item["name"] == occ.holiday.name("de")
        assert item["description"] == occ.holiday.description("de")
        assert item["url"] == f"{BASE_URL}/holiday/{occ.id}"


def test_range_semantics_are_the_engines(client, engine):
    items = client.get("/api/v1/holidays?from=2025-01-01&to=2025-12-31&lang=en").get_json()["holidays"]
    expected = engine.occurrences(date(2025, 1, 1), date(2025, 12, 31))
    assert [(i["id"], i["start"]) for i in items] == [(o.id, o.start.isoformat()) for o in expected]
    assert [i["name"] for i in items] == [o.holiday.name("en") for o in expected]


def test_url_uses_an_allowed_request_host_without_base_url(make_app):
    client = make_app(ALLOWED_HOSTS=("cal.test",)).test_client()
    item = client.get("/api/v1/holidays?date=2025-12-25", base_url="http://cal.test:8080").get_json()["holidays"][0]
    assert item["url"].startswith("http://cal.test:8080/holiday/")


def test_filters_and_variants(client, engine):
    items = client.get(
        "/api/v1/holidays?from=2025-01-01&to=2025-12-31&tradition=islam,judaism&islamic=tabular&jewish=israel"
    ).get_json()["holidays"]
    expected = engine.occurrences(
        date(2025, 1, 1), date(2025, 12, 31), traditions=["islam", "judaism"], islamic="tabular", jewish="israel"
    )
    assert [(i["id"], i["start"], i["end"]) for i in items] == [
        (o.id, o.start.isoformat(), o.end.isoformat()) for o in expected
    ]
    assert {i["tradition"] for i in items} <= {"islam", "judaism"}


def test_ten_years_is_the_limit(client):
    assert client.get("/api/v1/holidays?from=2020-01-01&to=2029-12-31").status_code == 200
    response = client.get("/api/v1/holidays?from=2020-01-01&to=2030-01-01")
    assert response.status_code == 400 and response.get_json()["parameter"] == "to"


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("", "date"),
        ("date=2025-02-30", "date"),
        ("date=2025-2-3", "date"),
        ("date=20250203", "date"),
        ("date=%D9%A2%D9%A0%D9%A2%D9%A5-01-01", "date"),  # Arabic-Indic digits
        ("date=1899-12-31", "date"),
        ("date=2101-01-01", "date"),
        ("from=2025-01-01", "to"),
        ("to=2025-01-01", "from"),
        ("from=2025-02-01&to=2025-01-01", "from"),
        ("date=2025-01-01&from=2025-01-01&to=2025-01-02", "date"),
        ("date=2025-01-01&lang=fr", "lang"),
        ("date=2025-01-01&tradition=islam,pastafarian", "tradition"),
        ("date=2025-01-01&islamic=moon", "islamic"),
        ("date=2025-01-01&jewish=reform", "jewish"),
    ],
)
def test_errors_name_the_parameter(client, query, parameter):
    response = client.get(f"/api/v1/holidays?{query}")
    assert response.status_code == 400
    body = response.get_json()
    assert set(body) == {"error", "parameter"}
    assert body["parameter"] == parameter
    assert body["error"]


def test_unknown_values_list_the_allowed_ones(client):
    assert "de, en, tr, ar" in client.get("/api/v1/traditions?lang=xx").get_json()["error"]
    assert ", ".join(TRADITIONS) in client.get("/api/v1/traditions?tradition=x").get_json()["error"]
    assert "diaspora, israel" in client.get("/api/v1/traditions?jewish=x").get_json()["error"]
    error = client.get("/api/v1/traditions?islamic=x").get_json()["error"]
    assert all(name in error for name in hijri.PROFILES)


def test_islamic_profiles_are_read_from_the_calendars_layer(client, monkeypatch):
    monkeypatch.setitem(hijri.PROFILES, "test-profile", hijri.PROFILES["umm-al-qura"])
    assert client.get("/api/v1/holidays?date=2025-03-30&islamic=test-profile").status_code == 200
    assert "test-profile" in client.get("/api/v1/holidays?islamic=x&date=2025-03-30").get_json()["error"]


def test_input_is_never_echoed(client):
    body = client.get("/api/v1/holidays?date=2025-01-01&lang=%3Cimg%20src=x%3E").data.decode()
    assert "<img" not in body and "src=x" not in body


def test_one_holiday(client, engine, catalogue):
    holiday = catalogue.holidays[0]
    body = client.get(f"/api/v1/holidays/{holiday.id}?lang=en").get_json()
    data = body["holiday"]
    for key in ("id", "tradition", "community", "names", "descriptions", "category", "sources"):
        assert key in data
    assert data["names"] == dict(holiday.names)
    assert data["sources"] == [{"publisher": s.publisher, "title": s.title, "url": s.url} for s in holiday.sources]
    expected = engine.upcoming(holiday.id, date(2025, 3, 30), count=5)
    assert [n["start"] for n in body["next"]] == [o.start.isoformat() for o in expected]
    assert all(n["url"] == f"{BASE_URL}/holiday/{holiday.id}" for n in body["next"])


def test_unknown_holiday_is_404_json(client):
    response = client.get("/api/v1/holidays/no-such-feast")
    assert response.status_code == 404
    assert response.get_json() == {"error": "There is no holiday with this id.", "parameter": "id"}


def test_traditions(client):
    body = client.get("/api/v1/traditions?lang=tr").get_json()
    ids = [t["id"] for t in body["traditions"]]
    assert ids == list(TRADITIONS)
    names = {t["id"]: t["name"] for t in body["traditions"]}
    assert names["islam"] == "İslam" and names["christianity"] == "Hristiyanlık"
    assert all(t["feed"].startswith(BASE_URL + "/feeds/") for t in body["traditions"])


def test_openapi_document(client, app):
    doc = client.get("/api/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    paths = doc["paths"]
    for route in (
        "/api/v1/holidays",
        "/api/v1/holidays/{id}",
        "/api/v1/traditions",
        "/feeds/all.ics",
        "/feeds/{tradition}.ics",
        "/healthz",
    ):
        assert "get" in paths[route]
    params = doc["components"]["parameters"]
    assert params["lang"]["schema"]["enum"] == [
        "de",
        "en",
        "tr",
        "ar",
        "bg",
        "ro",
        "pl",
        "uk",
        "ru",
        "el",
        "it",
        "sq",
        "fa",
        "ku",
    ]
    assert params["islamic"]["schema"]["enum"] == list(hijri.PROFILES)
    required = doc["components"]["schemas"]["Occurrence"]["required"]
    assert set(FIELDS) <= set(required)
    # every API route of the application is documented
    documented = {p.replace("{id}", "<holiday_id>") for p in paths}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1"):
            assert rule.rule in documented


def test_openapi_refs_resolve(client):
    doc = client.get("/api/openapi.json").get_json()

    def refs(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    yield value
                else:
                    yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    for ref in refs(doc):
        target = doc
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]


def test_healthz(client, catalogue):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "catalogue": catalogue.version}


def test_cors_and_preflight(client):
    response = client.get("/api/v1/holidays?date=2025-03-30", headers={"Origin": "https://school.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    response = client.options(
        "/api/v1/holidays",
        headers={
            "Origin": "https://school.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "accept-language",
        },
    )
    assert response.status_code in (200, 204)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]
    assert "accept-language" in response.headers["Access-Control-Allow-Headers"].lower()
    # errors carry CORS too, so browsers can read the message
    assert client.get("/api/v1/holidays").headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/holidays?date=2025-03-30",
        "/api/v1/traditions",
        "/healthz",
        "/api/openapi.json",
        "/api/v1/holidays/christmas",
    ],
)
def test_head(client, path):
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code
    assert head.data == b""


def test_unknown_api_route_is_json_404(client):
    response = client.get("/api/v2/holidays")
    assert response.status_code == 404 and response.get_json()["error"]
