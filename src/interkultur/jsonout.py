"""Occurrences as JSON text, fast: the text of ``json.dumps(present.occurrence_dict(...))``.

A 200-year range is 22,000 objects. Building a dict per occurrence and
encoding it took a third of the CLI's run, although all but four fields
repeat for every occurrence of a holiday (and of its statutory status:
``statutory`` and the leave rule it implies). Here the fields of
``present.OCCURRENCE_FIELDS`` marked ``per_holiday`` are encoded by
``json.dumps`` once per holiday and the others spliced in: ISO dates,
``true``/``false`` and ``null`` need no escaping. The text is the one
``json.dumps(occurrence_dict(...), ensure_ascii=False)`` gives, key order
included (``tests/core/test_jsonout.py`` compares both); a field added to
``present`` appears here without an edit.
"""

from __future__ import annotations

import json
from typing import Callable, Iterable, Iterator, Union

from .engine import Occurrence
from .present import OCCURRENCE_FIELDS, occurrence_dict

#: Splicers for the fields that change between occurrences of a holiday: '"key": value'.
_FAST: dict[str, Callable[[Occurrence], str]] = {
    "start": lambda o: f'"start": "{o.start.isoformat()}"',
    "end": lambda o: f'"end": "{o.end.isoformat()}"',
    "eve": lambda o: f'"eve": "{o.eve.isoformat()}"' if o.eve is not None else '"eve": null',
    "estimated": lambda o: '"estimated": true' if o.estimated else '"estimated": false',
}
Part = Union[str, Callable[[Occurrence], str]]


def _template(occ: Occurrence, lang: str, state: str | None, school: bool,
              url: str | None) -> tuple[Part, ...]:
    """The encoded per-holiday runs of fields, and a splicer for each other field, in key order."""
    values = occurrence_dict(occ, lang, state, school=school, url=url)
    parts: list[Part] = []
    run: list[str] = []
    for f in OCCURRENCE_FIELDS:
        if f.name not in values:
            continue
        if f.per_holiday:
            run.append(json.dumps({f.name: values[f.name]}, ensure_ascii=False)[1:-1])
            continue
        if run:
            parts.append(", ".join(run))
            run = []
        get = f.get
        parts.append(_FAST.get(f.name) or (lambda o, name=f.name, get=get: json.dumps(
            {name: get(o, lang, state)}, ensure_ascii=False)[1:-1]))
    if run:
        parts.append(", ".join(run))
    return tuple(parts)


def json_objects(occurrences: Iterable[Occurrence], lang: str = "de", state: str | None = None,
                 school: bool = True, url: Callable[[Occurrence], str | None] | None = None) -> Iterator[str]:
    """Each occurrence as the JSON text of ``occurrence_dict(occ, lang, state, school=school, url=url(occ))``."""
    templates: dict[object, tuple[Part, ...]] = {}
    for occ in occurrences:
        key = id(occ.holiday)  # the holidays outlive this loop, so their ids stay unique
        if occ.statutory:  # statutory in a Land: ``statutory`` and the Land's leave rule differ
            key = (key, occ.statutory, occ.statutory_days, occ.end - occ.start)
        found = templates.get(key)
        if found is None:
            found = templates[key] = _template(occ, lang, state, school, url(occ) if url else None)
        yield "{" + ", ".join(p if isinstance(p, str) else p(occ) for p in found) + "}"
