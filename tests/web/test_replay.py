"""Cached answers replayed in front of Flask (``web.replay``).

A replayed answer must be the answer Flask gives, status line, header list and
body alike; requests that differ in anything the app reads (host, language,
encoding, date, a conditional header) must reach Flask; a request the guard
refuses is never answered from a replay.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from werkzeug.test import Client

from interkultur.web import replay

REQUESTS = [
    ("GET", "/widget/2025/3", {}),
    ("GET", "/widget/2025/3", {"Accept-Encoding": "gzip"}),
    ("GET", "/widget/2025/3", {"Accept-Language": "tr"}),
    ("HEAD", "/widget/2025/3", {"Accept-Encoding": "gzip"}),
    ("GET", "/api/v1/holidays?date=2025-03-30", {"Accept-Encoding": "gzip"}),
    ("GET", "/feeds/all.ics", {"Accept-Encoding": "gzip"}),
    ("GET", "/feeds/all.ics", {}),
    ("HEAD", "/feeds/all.ics", {}),
    ("GET", "/static/widget.css", {}),
    ("GET", "/", {"Accept-Language": "ar"}),
]


class Counting:
    """Counts the requests that reach Flask's own WSGI handling (below the replay)."""

    def __init__(self, inner):
        self.inner = inner
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.inner(environ, start_response)


@pytest.fixture()
def app(make_app):
    built = make_app(ALLOWED_HOSTS=("localhost", "example.org"))
    middleware = built.wsgi_app
    assert isinstance(middleware, replay.ReplayMiddleware)
    middleware.wsgi_app = Counting(middleware.wsgi_app)
    return built


def _answer(client, method, path, headers):
    response = client.open(path, method=method, headers={"Host": "localhost", **headers})
    return response.status, list(response.headers.items()), response.get_data()


def test_a_replayed_answer_is_the_answer_flask_gives(app):
    flask = app.wsgi_app.wsgi_app
    client = Client(app)
    for method, path, headers in REQUESTS:
        before = flask.calls
        first = _answer(client, method, path, headers)  # rendered, or from the response cache: through Flask
        assert flask.calls == before + 1, path
        second = _answer(client, method, path, headers)
        assert flask.calls == before + 1, f"{method} {path} {headers} was not replayed"
        assert first[0].startswith("200"), path
        assert second == first, f"{method} {path} {headers}"
    assert len(app.wsgi_app.replays) == len(REQUESTS)


def test_whatever_differs_reaches_flask(app):
    flask = app.wsgi_app.wsgi_app
    client = Client(app)
    _answer(client, "GET", "/widget/2025/3", {})
    variants = [
        ("GET", "/widget/2025/3", {"Accept-Language": "de"}),
        ("GET", "/widget/2025/3", {"Accept-Encoding": "gzip"}),
        ("GET", "/widget/2025/3?lang=de", {}),
        ("GET", "/widget/2025/3", {"Host": "example.org"}),
        ("GET", "/widget/2025/3", {"If-None-Match": '"x"'}),
        ("GET", "/widget/2025/3", {"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"}),
        ("GET", "/widget/2025/3", {"Range": "bytes=0-10"}),
        ("GET", "/widget/2025/3", {"X-Forwarded-Proto": "https"}),
        ("HEAD", "/widget/2025/3", {}),
    ]
    for method, path, headers in variants:
        before = flask.calls
        client.open(path, method=method, headers={"Host": "localhost", **headers})
        assert flask.calls == before + 1, f"{method} {path} {headers}"


def test_conditional_requests_still_get_304(app):
    client = Client(app)
    first = client.get("/widget/2025/3", headers={"Host": "localhost"})
    client.get("/widget/2025/3", headers={"Host": "localhost"})  # replayed
    again = client.get("/widget/2025/3", headers={"Host": "localhost", "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""


def test_the_request_guard_is_never_skipped(app):
    client = Client(app)
    assert client.get("/widget/2025/3", headers={"Host": "localhost"}).status_code == 200
    assert client.get("/widget/2025/3", headers={"Host": "localhost"}).status_code == 200  # replayed
    refused = client.get("/widget/2025/3", headers={"Host": "evil.example"})
    assert refused.status_code == 400 and b"evil.example" not in refused.get_data()
    for _ in range(2):  # an error is never kept
        assert client.get("/widget/2025/3?lang=%ff", headers={"Host": "localhost"}).status_code == 400
        assert client.get("/widget/2025/13", headers={"Host": "localhost"}).status_code in (400, 404)
    assert all(key[3] == "" for key in app.wsgi_app.replays._answers)


def test_a_new_day_is_a_new_answer(app):
    client = Client(app)
    app.config["TODAY"] = date(2025, 3, 20)
    on_the_20th = client.get("/widget", headers={"Host": "localhost"}).get_data()
    assert client.get("/widget", headers={"Host": "localhost"}).get_data() == on_the_20th  # replayed
    app.config["TODAY"] = date(2025, 3, 21)
    on_the_21st = client.get("/widget", headers={"Host": "localhost"}).get_data()
    assert _marked_today(on_the_20th) == ["2025-03-20"] and _marked_today(on_the_21st) == ["2025-03-21"]


def _marked_today(page: bytes) -> list[str]:
    return re.findall(r'class="ik-day[^"]* ik-today" data-date="([\d-]+)"', page.decode())


def test_clearing_the_response_cache_clears_the_replays(app):
    client = Client(app)
    client.get("/widget/2025/3", headers={"Host": "localhost"})
    client.get("/widget/2025/3", headers={"Host": "localhost"})
    assert len(app.wsgi_app.replays) == 1
    app.extensions["interkultur.responses"].clear()
    assert len(app.wsgi_app.replays) == 0


def test_replays_are_bounded():
    kept = replay.Replays(max_entries=3, max_bytes=100)
    for number in range(3):
        kept.put((number,), ("200 OK", (), b"x" * 10))
    assert len(kept) == 3
    kept.put((3,), ("200 OK", (), b"x" * 10))  # full: dropped, then this one kept
    assert len(kept) == 1 and kept.get((3,)) is not None
    kept.put((4,), ("200 OK", (), b"x" * 95))  # over the bytes: dropped again
    assert len(kept) == 1 and kept.get((4,)) is not None


def test_no_replays_without_a_response_cache(make_app):
    app = make_app(RESPONSE_CACHE_ENTRIES=0)
    assert not isinstance(app.wsgi_app, replay.ReplayMiddleware)
