"""Headers, framing, CORS, oversized and binary input, and the error handlers."""

from __future__ import annotations

import pytest

from .htmlutil import parse

WIDGET_ROUTES = ["/widget", "/widget/2025/3"]
OTHER_HTML = ["/", "/year/2025", "/holiday/christmas", "/nope"]


def csp(response) -> dict[str, str]:
    policy = {}
    for part in response.headers["Content-Security-Policy"].split(";"):
        name, _, value = part.strip().partition(" ")
        policy[name] = value
    return policy


@pytest.mark.parametrize("path", WIDGET_ROUTES + OTHER_HTML + ["/api/v1/traditions", "/feeds/islam.ics", "/embed.js"])
def test_common_headers(client, path):
    response = client.get(path)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]
    policy = csp(response)
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    if response.mimetype == "text/html":
        assert policy["script-src"] == "'self'"


@pytest.mark.parametrize("path", WIDGET_ROUTES)
def test_widget_may_be_framed_by_default(client, path):
    response = client.get(path)
    assert csp(response)["frame-ancestors"] == "*"
    assert "X-Frame-Options" not in response.headers


@pytest.mark.parametrize("path", OTHER_HTML)
def test_other_pages_may_not_be_framed(client, path):
    response = client.get(path)
    assert csp(response)["frame-ancestors"] == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_frame_ancestors_is_configurable(make_app):
    client = make_app(FRAME_ANCESTORS="https://www.duisburg.de https://*.example.org").test_client()
    assert csp(client.get("/widget"))["frame-ancestors"] == "https://www.duisburg.de https://*.example.org"
    assert csp(client.get("/"))["frame-ancestors"] == "'none'"
    # a value that would break out of the header is refused, not passed on
    client = make_app(FRAME_ANCESTORS="*; script-src *").test_client()
    assert csp(client.get("/widget"))["frame-ancestors"] == "'none'"


def test_frame_ancestors_from_the_environment(monkeypatch, make_app):
    monkeypatch.setenv("INTERKULTUR_FRAME_ANCESTORS", "https://stadt.example")
    assert csp(make_app().test_client().get("/widget"))["frame-ancestors"] == "https://stadt.example"


def test_query_strings_over_8_kb_are_rejected(client):
    long = "x" * (8 * 1024 + 1)
    response = client.get(f"/api/v1/holidays?date=2025-01-01&pad={long}")
    assert response.status_code in (400, 414) and response.get_json()["error"]
    assert client.get(f"/widget?pad={long}").status_code in (400, 414)
    assert client.get(f"/api/v1/holidays?date=2025-01-01&pad={'x' * 7000}").status_code == 200


@pytest.mark.parametrize("query", ["lang=%FF%FE", "date=%C0%AF", "tradition=%00", "x=%1B%5B31m", "%FF=1", "lang=de%00"])
def test_binary_junk_is_400(client, query):
    assert client.get(f"/api/v1/holidays?{query}").status_code == 400
    response = client.get(f"/widget/2025/3?{query}")
    assert response.status_code == 400 and response.mimetype == "text/html"


def test_junk_in_the_path_is_404(client):
    assert client.get("/holiday/%FF%FE").status_code == 404
    assert client.get("/feeds/%00.ics").status_code == 404


def test_method_not_allowed(client):
    response = client.post("/api/v1/holidays?date=2025-01-01")
    assert response.status_code == 405 and "GET" in response.headers["Allow"]
    assert client.delete("/widget").status_code == 405


def test_not_found_html_is_friendly_and_localised(client):
    response = client.get("/nichts-hier", headers={"Accept-Language": "tr"})
    assert response.status_code == 404
    doc = parse(response.data)
    assert doc.find("html").attrs["lang"] == "tr"
    assert "Bu adreste bir sayfa yok." in doc.text


def test_unexpected_errors_get_a_friendly_500_page(make_app, caplog):
    app = make_app()

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret detail")

    @app.get("/api/v1/boom")
    def api_boom():
        raise RuntimeError("secret detail")

    client = app.test_client()
    response = client.get("/boom")
    assert response.status_code == 500
    assert b"secret detail" not in response.data and b"Traceback" not in response.data
    assert "Bei uns ist etwas schiefgegangen" in response.data.decode()
    response = client.get("/api/v1/boom")
    assert response.status_code == 500 and response.get_json()["error"]
    assert any("secret detail" in r.getMessage() or r.exc_info for r in caplog.records)
