"""The CLI's JSON text is exactly ``json.dumps(occ.as_dict())``: the fast path may not drift.

``jsonout`` encodes a holiday's repeated fields once and splices the dates in;
these tests encode every occurrence the slow, obvious way and compare the text
(and the parsed value), in every language, with and without a Land.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from interkultur.engine import Engine
from interkultur.jsonout import WRITE_CHUNK, json_objects, write_array


@pytest.mark.parametrize("lang", ["de", "en", "tr", "ar"])
@pytest.mark.parametrize("state,school", [(None, False), (None, True), ("NW", True), ("BY", False)])
def test_fast_json_is_json_dumps_of_as_dict(engine: Engine, lang: str, state: str | None, school: bool) -> None:
    # 2023-2025 holds eves, nights, estimated dates, multi-day feasts, Ramadan across
    # New Year's neighbours, and with a Land its public holidays and school breaks.
    found = engine.occurrences(date(2023, 1, 1), date(2025, 12, 31), state=state)
    assert len(found) > 300
    assert any(o.statutory for o in found) == (state is not None)  # statutory twins only with a Land
    fast = list(json_objects(found, lang, state, school=school))
    slow = [json.dumps(o.as_dict(lang, state, school=school), ensure_ascii=False) for o in found]
    assert fast == slow
    assert [json.loads(text) for text in fast] == [o.as_dict(lang, state, school=school) for o in found]


def test_fast_json_covers_every_value_kind(engine: Engine) -> None:
    """The ranges above must contain what the splicing distinguishes, or they prove little."""
    found = engine.occurrences(date(2023, 1, 1), date(2025, 12, 31), islamic="sighting")
    assert any(o.eve is None for o in found) and any(o.eve is not None for o in found)
    assert any(o.estimated for o in found) and any(not o.estimated for o in found)
    assert any(o.holiday.night for o in found) and any(o.start != o.end for o in found)
    assert any(o.community is None for o in found) and any(o.community for o in found)
    text = list(json_objects(found, "ar"))
    assert text == [json.dumps(o.as_dict("ar"), ensure_ascii=False) for o in found]


@pytest.mark.parametrize("count", [0, 1, 2, WRITE_CHUNK, WRITE_CHUNK + 1, 3 * WRITE_CHUNK + 7])
def test_array_written_in_chunks_is_one_json_array_an_object_per_line(count: int) -> None:
    """``write_array`` joins a few hundred objects per write; the text is the one join would give."""
    objects = [
        json.dumps({"n": n, "name": "ראש השנה" if n % 3 else "Ostern"}, ensure_ascii=False) for n in range(count)
    ]
    written: list[str] = []
    write_array(iter(objects), written.append)
    text = "".join(written)
    assert text == ("[\n" + ",\n".join(objects) + "\n]\n" if objects else "[]\n")
    assert json.loads(text) == [json.loads(o) for o in objects]
    assert len(written) <= 2 + count // WRITE_CHUNK + 1  # chunked, not one write per object
