"""Hypothesis fuzzing of the API, widget and feed parameters: never a 5xx."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interkultur.calendars import hijri
from interkultur.catalog import load as _load_catalogue

TRADITIONS = _load_catalogue().tradition_ids

PARAMS = ["lang", "tradition", "islamic", "jewish", "dual", "date", "from", "to"]
GOOD = {
    "lang": ["de", "en", "tr", "ar"],
    "tradition": list(TRADITIONS) + ["islam,judaism", ""],
    "islamic": list(hijri.PROFILES),
    "jewish": ["diaspora", "israel"],
    "dual": ["hijri", "hebrew", "hijri,hebrew"],
    "date": ["2025-03-30", "1900-01-01", "2100-12-31", "2024-02-29"],
    "from": ["2025-01-01", "1900-01-01", "2099-06-30"],
    "to": ["2025-12-31", "2100-12-31", "2026-01-01"],
}
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

values = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(sum(GOOD.values(), [])),
    st.from_regex(r"-?[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}", fullmatch=True),
)
queries = st.dictionaries(st.sampled_from(PARAMS + ["x", "callback"]), values, max_size=6)
raw_bytes = st.binary(max_size=64)


def query_string(params: dict[str, str]) -> str:
    return urlencode(params, quote_via=quote)


def check(response) -> None:
    assert response.status_code < 500, (response.status_code, response.data[:300])
    if response.status_code == 400 and response.mimetype == "application/json":
        body = response.get_json()
        assert set(body) == {"error", "parameter"}


@FUZZ
@given(params=queries)
def test_api_holidays_never_5xx(client, params):
    check(client.get("/api/v1/holidays?" + query_string(params)))


@FUZZ
@given(
    year=st.integers(min_value=-10, max_value=10**12), month=st.integers(min_value=-1, max_value=10**6), params=queries
)
def test_widget_never_5xx(client, year, month, params):
    response = client.get(f"/widget/{year}/{month}?" + query_string(params))
    check(response)
    if 1900 <= year <= 2100 and 1 <= month <= 12 and not params:
        assert response.status_code == 200


@FUZZ
@given(segment=st.text(max_size=30), params=queries)
def test_path_segments_never_5xx(client, segment, params):
    quoted = quote(segment, safe="")
    for path in (
        f"/holiday/{quoted}",
        f"/holiday/{quoted}.ics",
        f"/api/v1/holidays/{quoted}",
        f"/feeds/{quoted}.ics",
        f"/year/{quoted}",
        f"/widget/{quoted}/1",
    ):
        check(client.get(path + "?" + query_string(params)))


@FUZZ
@given(junk=raw_bytes, key=st.sampled_from(PARAMS))
def test_binary_query_never_5xx(client, junk, key):
    response = client.get(f"/api/v1/holidays?{key}=" + quote(junk))
    check(response)
    check(client.get("/widget?" + quote(junk, safe="=&")))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.fixed_dictionaries(
        {}, optional={k: st.sampled_from(GOOD[k]) for k in ("lang", "tradition", "islamic", "jewish")}
    )
)
def test_valid_feed_parameters_always_work(client, params):
    response = client.get("/feeds/all.ics?" + query_string(params))
    assert response.status_code == 200


@FUZZ
@given(header=st.text(max_size=60))
def test_accept_language_never_5xx(client, header):
    try:
        response = client.get("/widget/2025/3", headers={"Accept-Language": header})
    except ValueError:  # the test client itself refuses some header values (newlines)
        return
    check(response)


NEW_ROUTES = [
    "/api/v1/holidays",
    "/api/v1/holidays.csv",
    "/api/v1/search",
    "/api/v1/places",
    "/subscribe",
    "/subscribe/qr.svg",
    "/widget/theme.css",
    "/widget/2025/3",
    "/embed",
    "/search",
    "/about",
]
new_values = st.one_of(
    values,
    st.sampled_from(
        [
            "Europe",
            "Etc",
            "Europe/",
            "../x",
            "/etc/passwd",
            "posixrules",
            "zone.tab",
            "nan,nan",
            "1e400,5",
            "91,0",
            "0,181",
            "51.4,6.7",
            "duisburg",
            "ffcc00",
            "transparent",
            "dark",
            "auto",
            "semicolon",
            "bayrami",
            "a" * 101,
            "",
            "%",
            "\u202e",
            "NW",
            "major,fast",
        ]
    ),
)
new_queries = st.dictionaries(
    st.sampled_from(
        ["place", "tz", "accent", "theme", "bg", "q", "sep", "state", "category", "date", "lang", "tradition"]
    ),
    new_values,
    max_size=5,
)


@FUZZ
@given(route=st.sampled_from(NEW_ROUTES), params=new_queries)
def test_new_routes_and_parameters_never_5xx(client, route, params):
    # place/tz (tz=Europe is a directory of the zone database), theme colours, search, CSV separator
    check(client.get(route + "?" + query_string(params)))
