"""Occurrences as JSON text, fast: the text of ``json.dumps(present.occurrence_dict(...))``.

A 200-year range is 22,000 objects. Building a dict per occurrence and
encoding it took a third of the CLI's run, although all but four fields
repeat for every occurrence of a holiday (and of its statutory status:
``statutory`` and the leave rule it implies). Here the fields of
``present.OCCURRENCE_FIELDS`` marked ``per_holiday`` are encoded by
``json.dumps`` once per holiday (from its second occurrence on: a one-year
call, where most holidays occur once, encodes their dicts directly) and the
others spliced in: ISO dates,
``true``/``false`` and ``null`` need no escaping. The text is the one
``json.dumps(occurrence_dict(...), ensure_ascii=False)`` gives, key order
included (``tests/core/test_jsonout.py`` compares both); a field added to
``present`` appears here without an edit.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import islice
from types import CodeType
from typing import cast

from . import places
from .engine import Occurrence
from .places import Place
from .present import OCCURRENCE_FIELDS, occurrence_dict

#: f-string fields giving the JSON text of the values that change between occurrences of a
#: holiday (``Q``: a double quote); any other such field is ``json.dumps`` of its ``present`` getter.
_FAST: dict[str, str] = {
    "start": "{Q}{o.start.isoformat()}{Q}",
    "end": "{Q}{o.end.isoformat()}{Q}",
    "eve": '{"null" if o.eve is None else Q + o.eve.isoformat() + Q}',
    "estimated": '{"true" if o.estimated else "false"}',
}
Encoder = Callable[[Occurrence], str]


def _template(
    occ: Occurrence, lang: str, state: str | None, school: bool, url: str | None, place: Place, evening: bool
) -> Encoder:
    """One holiday's encoder: its per-holiday fields as constant text, the others spliced in.

    Compiled into one f-string over the names ``c<n>`` (the constant text,
    never in the source) and ``o``: as fast as a hand-written one, and it
    follows ``present``.
    """
    values = occurrence_dict(occ, lang, state, school=school, url=url, place=place, evening=evening)
    namespace: dict[str, object] = {"Q": '"'}
    terms: list[str] = []
    run: list[str] = []
    for f in OCCURRENCE_FIELDS:
        if f.name not in values:
            continue
        key = json.dumps(f.name, ensure_ascii=False)
        if f.per_holiday:
            run.append(f"{key}: {json.dumps(values[f.name], ensure_ascii=False)}")
            continue
        run.append(f"{key}: ")
        namespace[f"c{len(terms)}"] = ", ".join(run)
        terms.append(f"{{c{len(terms)}}}")
        run = [""]
        if f.name in _FAST:
            terms.append(_FAST[f.name])
        else:
            namespace[f"get_{len(terms)}"] = lambda o, get=f.get: json.dumps(
                get(o, lang, state, place), ensure_ascii=False
            )
            terms.append(f"{{get_{len(terms)}(o)}}")
    namespace[f"c{len(terms)}"] = ", ".join(run)
    terms.append(f"{{c{len(terms)}}}")
    return cast(Encoder, eval(_compiled("lambda o: f'''{{" + "".join(terms) + "}}'''"), namespace))  # noqa: S307


@lru_cache(maxsize=64)
def _compiled(source: str) -> CodeType:
    """The encoder's code, compiled once per layout (the same for nearly every holiday)."""
    return compile(source, "<jsonout>", "eval")


def json_objects(
    occurrences: Iterable[Occurrence],
    lang: str = "de",
    state: str | None = None,
    school: bool = True,
    url: Callable[[Occurrence], str | None] | None = None,
    place: Place | None = None,
    evening: bool = True,
) -> Iterator[str]:
    """Each occurrence as the JSON text of ``occurrence_dict(occ, lang, state, school=school, url=url(occ),
    place=place)``."""
    templates: dict[object, Encoder] = {}
    seen: set[object] = set()
    where = place or places.shipped().default_place
    for occ in occurrences:
        key: object = id(occ.holiday)  # the holidays outlive this loop, so their ids stay unique
        if occ.statutory:  # statutory in a Land: ``statutory`` and the Land's leave rule differ
            key = (key, occ.statutory, occ.statutory_days, occ.end - occ.start)
        found = templates.get(key)
        if found is None:
            link = url(occ) if url else None
            if key not in seen:  # a holiday's first occurrence: a template pays off only when it repeats
                seen.add(key)
                values = occurrence_dict(occ, lang, state, school=school, url=link, place=where, evening=evening)
                yield json.dumps(values, ensure_ascii=False)
                continue
            found = templates[key] = _template(occ, lang, state, school, link, where, evening)
        yield found(occ)


#: Objects joined per write: one text for a whole range would be 18 MB for 200 years, stored at
#: two or four bytes a character as soon as one name in Hebrew or Chinese script is in it (and
#: copied once more to add the brackets); joined a few hundred at a time, each piece of text stays
#: small and mostly ASCII, and a 200-year listing is written in a fifth of the time.
WRITE_CHUNK = 512


def write_array(objects: Iterable[str], write: Callable[[str], object]) -> None:
    """Write JSON texts as one JSON array, an object per line (``[]`` when there are none)."""
    found = iter(objects)
    first = next(found, None)
    if first is None:
        write("[]\n")
        return
    write("[\n" + first)
    while chunk := list(islice(found, WRITE_CHUNK)):
        write(",\n" + ",\n".join(chunk))
    write("\n]\n")
