"""The rendered-response cache: strong ETags per encoding, 304, gzip, Vary, HEAD, bounds.

No timings here: speed is measured by ``benchmarks/run.py``, not asserted.
"""

from __future__ import annotations

import gzip

import pytest

from interkultur.web import create_app
from interkultur.web.cache_store import Entry, ResponseCache

TODAY = "2025-03-30"
ROUTES = [
    "/widget/2025/3",
    "/widget",
    "/",
    "/year/2025",
    "/holiday/rosh-hashanah",
    "/api/v1/holidays?date=2025-03-30",
    "/api/v1/holidays/rosh-hashanah",
    "/api/v1/traditions",
    "/api/openapi.json",
    "/feeds/all.ics",
    "/feeds/islam.ics?lang=tr",
    "/holiday/rosh-hashanah.ics",
    "/embed.js",
    "/static/widget.css",
]


@pytest.fixture(scope="module")
def app(catalogue):
    return create_app(
        {"CATALOGUE": catalogue, "TODAY": TODAY, "BASE_URL": "https://kalender.example.de", "TESTING": True}
    )


@pytest.fixture()
def client(app):
    return app.test_client()


def responses(app):
    return app.extensions["interkultur.responses"]


@pytest.mark.parametrize("path", ROUTES)
def test_etag_304_gzip_and_head(client, path):
    plain = client.get(path)
    assert plain.status_code == 200, plain.data[:300]
    assert "Content-Encoding" not in plain.headers
    etag = plain.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")

    zipped = client.get(path, headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data
    assert zipped.headers["ETag"] != etag  # distinct per content encoding
    assert not zipped.headers["ETag"].startswith("W/")
    assert zipped.headers["Content-Type"] == plain.headers["Content-Type"]

    for headers, tag in (({}, etag), ({"Accept-Encoding": "gzip"}, zipped.headers["ETag"])):
        vary = [v.strip() for v in plain.headers["Vary"].split(",")]
        assert "Accept-Encoding" in vary and len(plain.headers.getlist("Vary")) == 1
        not_modified = client.get(path, headers={**headers, "If-None-Match": tag})
        assert not_modified.status_code == 304 and not_modified.data == b""
        assert not_modified.headers["ETag"] == tag
        assert "Cache-Control" in not_modified.headers
    # the other encoding's tag does not validate this one
    assert client.get(path, headers={"If-None-Match": zipped.headers["ETag"]}).status_code == 200
    assert client.get(path, headers={"If-None-Match": "*"}).status_code == 304

    head = client.head(path)
    assert head.status_code == 200 and head.data == b""
    assert head.headers["ETag"] == etag
    assert head.headers["Content-Length"] == str(len(plain.data))

    again = client.get(path)
    assert again.data == plain.data and again.headers["ETag"] == etag
    # the security headers of web.http are on cached answers too
    assert again.headers["X-Content-Type-Options"] == "nosniff"
    assert again.headers["Content-Security-Policy"] == plain.headers["Content-Security-Policy"]


def test_html_varies_on_language_and_json_does_not(client):
    widget = client.get("/widget/2025/3")
    assert [v.strip() for v in widget.headers["Vary"].split(",")] == ["Accept-Encoding", "Accept-Language"]
    api = client.get("/api/v1/holidays?date=2025-03-30")
    assert api.headers["Vary"] == "Accept-Encoding"
    feed = client.get("/feeds/all.ics")
    assert feed.headers["Vary"] == "Accept-Encoding"


def test_negotiated_language_is_part_of_the_key(client):
    german = client.get("/widget/2025/10", headers={"Accept-Language": "de-DE,de;q=0.9"})
    english = client.get("/widget/2025/10", headers={"Accept-Language": "en-GB,en;q=0.8"})
    turkish = client.get("/widget/2025/10?lang=tr", headers={"Accept-Language": "en"})
    assert b"Oktober 2025" in german.data
    assert b"October 2025" in english.data
    assert b"Ekim 2025" in turkish.data
    assert german.headers["ETag"] != english.headers["ETag"] != turkish.headers["ETag"]
    assert b"Oktober 2025" in client.get("/widget/2025/10", headers={"Accept-Language": "de"}).data


def test_query_is_normalised_but_every_parameter_counts(client, app):
    a = client.get("/api/v1/holidays?date=2025-04-13&lang=en")
    before = responses(app).hits
    b = client.get("/api/v1/holidays?lang=en&date=2025-04-13")
    assert responses(app).hits == before + 1  # the same query in another order is a hit
    assert a.data == b.data and a.headers["ETag"] == b.headers["ETag"]
    c = client.get("/api/v1/holidays?date=2025-04-13&lang=en&tradition=judaism")
    assert c.data != a.data


def test_today_is_part_of_the_key(make_app):
    app = make_app(TODAY="2025-03-30")
    client = app.test_client()
    first = client.get("/widget")
    assert b'data-date="2025-03-30"' in first.data and b"M\xc3\xa4rz 2025" in first.data
    app.config["TODAY"] = "2025-04-02"  # midnight passed
    second = client.get("/widget")
    assert b"April 2025" in second.data
    assert first.headers["ETag"] != second.headers["ETag"]


def test_errors_healthz_and_posts_are_not_cached(client, app):
    cache = responses(app)
    size = len(cache)
    assert client.get("/widget/2025/13").status_code in (400, 404)
    assert client.get("/api/v1/holidays?date=nope").status_code == 400
    assert client.get("/api/v1/holidays?date=2025-01-01&tradition=nope").status_code == 400
    health = client.get("/healthz")
    assert health.headers["Cache-Control"] == "no-store" and "ETag" not in health.headers
    assert len(cache) == size
    # an error is still an error the second time (nothing stale served)
    assert client.get("/api/v1/holidays?date=nope").status_code == 400


def test_identical_bytes_across_fetches_and_gzip_is_deterministic(make_app):
    one = make_app(TODAY=TODAY).test_client().get("/feeds/all.ics", headers={"Accept-Encoding": "gzip"})
    two = make_app(TODAY=TODAY).test_client().get("/feeds/all.ics", headers={"Accept-Encoding": "gzip"})
    assert one.data == two.data and one.headers["ETag"] == two.headers["ETag"]


def test_small_answers_are_not_compressed(client):
    tiny = client.get("/api/v1/holidays?date=1950-07-03&tradition=sikhism", headers={"Accept-Encoding": "gzip"})
    assert tiny.status_code == 200
    if len(tiny.data) < 512:
        assert "Content-Encoding" not in tiny.headers


def entry(size: int) -> Entry:
    return Entry.build(b"x" * size, "e", (("Content-Type", "text/plain"),), "Accept-Encoding")


def test_cache_is_bounded_by_entries_and_bytes():
    cache = ResponseCache(max_entries=3, max_bytes=10_000)
    for i in range(5):
        cache.put(i, entry(10))
    assert len(cache) == 3 and cache.get(0) is None and cache.get(4) is not None
    cache.get(2)  # recently used survives
    cache.put(5, entry(10))
    assert cache.get(2) is not None and cache.get(3) is None

    cache = ResponseCache(max_entries=100, max_bytes=10_000)
    for i in range(10):
        cache.put(i, entry(1500))
    assert cache.bytes <= 10_000 and len(cache) < 10
    cache.put("huge", entry(9000))  # more than a quarter of the budget: not kept
    assert cache.get("huge") is None


def test_many_distinct_queries_stay_within_the_bound(make_app):
    app = make_app(TODAY=TODAY)
    cache = responses(app)
    cache.max_entries = 50
    client = app.test_client()
    for day in range(1, 29):
        for month in (1, 2, 3):
            assert client.get(f"/api/v1/holidays?date=2025-{month:02d}-{day:02d}").status_code == 200
    assert len(cache) == 50


def test_the_cache_can_be_switched_off(make_app):
    app = make_app(TODAY=TODAY, RESPONSE_CACHE_ENTRIES=0)
    assert "interkultur.responses" not in app.extensions
    client = app.test_client()
    widget = client.get("/widget/2025/3", headers={"Accept-Encoding": "gzip"})
    assert widget.status_code == 200 and "Content-Encoding" not in widget.headers
    feed = client.get("/feeds/all.ics")
    assert client.get("/feeds/all.ics", headers={"If-None-Match": feed.headers["ETag"]}).status_code == 304


def test_cache_size_comes_from_the_settings(make_app):
    cache = responses(make_app(TODAY=TODAY, RESPONSE_CACHE_ENTRIES=10, RESPONSE_CACHE_MB=3))
    assert cache.max_entries == 10 and cache.max_bytes == 3 * 2**20


def test_a_views_own_304_varies_too(make_app):
    client = make_app(TODAY=TODAY).test_client()
    tag = client.get("/feeds/all.ics").headers["ETag"]
    fresh = make_app(TODAY=TODAY).test_client()  # empty cache: the feed view answers the condition itself
    response = fresh.get("/feeds/all.ics", headers={"If-None-Match": tag})
    assert response.status_code == 304 and "Accept-Encoding" in response.headers["Vary"]
