"""Hypothesis fuzzing of the school check and page: any input gives 200 or 4xx, never a 5xx."""

from __future__ import annotations

import json
from urllib.parse import quote, urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interkultur.catalog import LAENDER

from .conftest import API

FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.text(max_size=12),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.integers(),
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True),
)
states = st.one_of(
    st.sampled_from(list(LAENDER) + [f"DE-{c}" for c in LAENDER] + ["", "XX", "de-nw"]),
    st.text(max_size=8),
    st.integers(),
    st.none(),
)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)
bodies = st.one_of(
    st.fixed_dictionaries({"dates": st.lists(dates, max_size=8)}, optional={"state": states}),
    st.dictionaries(st.sampled_from(["dates", "state", "lang", "x"]), json_values, max_size=3),
    json_values,
)


def ok(response):
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    if response.status_code >= 400:
        body = response.get_json()
        assert body["error"] and "parameter" in body


@FUZZ
@given(body=bodies)
def test_any_json_body(client, body):
    ok(client.post(API, data=json.dumps(body), content_type="application/json"))


@FUZZ
@given(
    raw=st.binary(max_size=80),
    content_type=st.sampled_from(["application/json", "text/plain", "application/json; charset=latin-1", ""]),
)
def test_any_bytes(client, raw, content_type):
    ok(client.post(API, data=raw, content_type=content_type or None))


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(["dates", "state", "lang", "tradition", "islamic"]), st.text(max_size=30), max_size=4
    )
)
def test_any_query(client, params):
    ok(client.get(f"{API}?" + urlencode(params, quote_via=quote)))
    page = client.get("/schulen?" + urlencode(params, quote_via=quote))
    assert page.status_code < 500


@FUZZ
@given(text=st.text(max_size=200), state=st.sampled_from(["NW", "", "BY", "DE-HE"]))
def test_any_pasted_text(client, text, state):
    response = client.post("/schulen", data={"dates": text, "state": state}, content_type="multipart/form-data")
    assert response.status_code in (200, 400)
