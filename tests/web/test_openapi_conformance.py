"""The served OpenAPI document describes the server: schemathesis against a live ``interkultur serve``.

Every operation in the document (``/api/openapi.json``, fetched from the
running server, so new routes are covered as soon as they are documented) is
called with generated requests, valid and invalid, and every answer checked
for: no 5xx (``not_a_server_error``), a status code the document lists
(``status_code_conformance``), a documented content type
(``content_type_conformance``) and a body that validates against the
documented schema (``response_schema_conformance``). The number of examples
per operation is small (``EXAMPLES``) so the suite, which CI runs twice,
stays quick; the generation is random, so over many CI runs the cover grows.
"""

from __future__ import annotations

import os

import pytest

schemathesis = pytest.importorskip("schemathesis")  # a test dependency ([test] extra)

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from support_http import start_serve, stop  # noqa: E402

#: Per operation; ``SCHEMATHESIS_EXAMPLES=500`` for a deeper run by hand.
EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "25"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    proc, base = start_serve(tmp_path_factory.mktemp("openapi") / "serve.log")
    yield base
    stop(proc)


def documented_operations() -> list[tuple[str, str]]:
    """(method, path) of every operation in the document, read at collection from the app itself."""
    from interkultur.web import create_app

    app = create_app({"TESTING": True, "BASE_URL": "http://127.0.0.1"})
    document = app.test_client().get("/api/openapi.json").get_json()
    return [
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
        if method in ("get", "put", "post", "delete", "patch", "head", "options")
    ]


OPERATIONS = documented_operations()


@pytest.fixture(scope="module")
def api_schema(live):
    return schemathesis.openapi.from_url(f"{live}/api/openapi.json")


def test_the_live_document_has_the_same_operations(api_schema):
    live = sorted((op.method.upper(), op.path) for op in (r.ok() for r in api_schema.get_all_operations()))
    assert live == sorted(OPERATIONS)


def test_every_operation_has_an_id_and_tags(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    ids = [op.definition.raw.get("operationId") for op in operations]
    assert all(ids) and len(set(ids)) == len(ids), ids
    assert all(op.definition.raw.get("tags") for op in operations), [op.label for op in operations]


@pytest.mark.parametrize("method, path", OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_the_server_answers_as_documented(api_schema, live, method, path):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )  # no shrinking: the first failure is reported as found
    def check(case):
        case.call_and_validate(base_url=live, checks=CHECKS)

    check()
