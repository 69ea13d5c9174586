"""One occurrence object: CLI ``--format json``, ``check-dates --json``, the API and its OpenAPI schema agree.

Same field names, same order, same JSON types; the CLI gives ``url`` as null
(it knows no server), the API the detail page. The OpenAPI schema is built
from the same field list, so it must name exactly these keys.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

from interkultur import cli, layers
from interkultur.jsonout import json_objects

# Ashura 1447 and a span with eves, nights and statutory days (Good Friday in NW).
DAY, STATE = "2026-04-03", "NW"
TYPES = {"string": str, "boolean": bool, "array": list, "null": type(None), "object": dict}


def _cli(*argv: str):
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(list(argv)) == 0
    return json.loads(out.getvalue())


def _check_types(obj: dict, schema: dict) -> None:
    for key, value in obj.items():
        prop = schema["properties"][key]
        if "$ref" in prop:
            assert isinstance(value, dict), key
            continue
        kinds = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
        assert isinstance(value, tuple(TYPES[k] for k in kinds)), (key, value)


def test_cli_check_dates_api_and_schema_give_the_same_object(client):
    schema = client.get("/api/openapi.json").json["components"]["schemas"]["Occurrence"]
    api = client.get(f"/api/v1/holidays?date={DAY}&state={STATE}").json["holidays"]
    # the CLI computes sunsets only when asked where (--place): with it, the API's object exactly
    from_cli = _cli("holidays", "--date", DAY, "--state", STATE, "--format", "json", "--place", "duisburg")
    checked = _cli("check-dates", DAY, "--state", STATE, "--json", "--place", "duisburg")["results"][0]["holidays"]
    school_api = client.get(f"/api/v1/schools/check?dates={DAY}&state={STATE}").json["results"][0]["holidays"]
    assert api and from_cli and checked and school_api
    keys = list(schema["properties"])
    assert [list(o) for o in api] == [keys] * len(api)
    assert [list(o) for o in from_cli] == [keys] * len(from_cli)
    extra = ["match", "day_of_feast", "grants_leave"]
    assert all(list(o)[: len(keys)] == keys and list(o)[len(keys) :] == extra for o in checked)
    assert all(list(o) == keys + extra for o in school_api)
    # check-dates --json is the schools API's answer, url apart
    assert [{**o, "url": None} for o in school_api] == checked
    for obj in (*api, *from_cli, *checked, *school_api):
        _check_types({k: v for k, v in obj.items() if k in keys}, schema)
        assert set(schema["required"]) <= set(obj)
    assert all(o["url"] is None for o in (*from_cli, *checked))
    assert all(
        o["url"].startswith("https://kalender.example.de/holiday/") for o in api if o["tradition"] not in layers.LAYERS
    )
    assert any(o["url"] for o in api)
    # the API and the CLI agree on every field but url
    assert [{**o, "url": None} for o in api] == [o for o in from_cli if o["id"] in {a["id"] for a in api}]
    # without --place the CLI leaves out just the two sunset fields
    plain = _cli("holidays", "--date", DAY, "--state", STATE, "--format", "json")
    assert [list(o) for o in plain] == [[k for k in keys if k not in ("eve_at", "eve_at_note")]] * len(plain)


def test_fast_writer_with_urls_is_json_dumps(engine):
    from datetime import date

    from interkultur.present import occurrence_dict

    found = engine.occurrences(date(2025, 1, 1), date(2025, 12, 31), state="BY")
    link = lambda o: None if o.tradition == "public" else f"https://x.example/holiday/{o.id}"  # noqa: E731
    fast = list(json_objects(found, "tr", "BY", url=link))
    assert fast == [json.dumps(occurrence_dict(o, "tr", "BY", url=link(o)), ensure_ascii=False) for o in found]
