"""Occurrences as JSON text: one object per occurrence, the shape of ``Occurrence.as_dict``.

A 200-year range is 22,000 objects. Building a dict per occurrence and
encoding it (``json.dumps(occ.as_dict())``) took a third of the CLI's run,
although all but four fields repeat for every occurrence of a holiday (and
of its statutory status: ``statutory`` and the leave rule it implies). Here
``json.dumps`` encodes those fields once per holiday and the dates are
spliced in: ISO dates, ``true``/``false`` and ``null`` need no escaping. The
text is the one ``json.dumps(occ.as_dict(...), ensure_ascii=False)`` gives,
key order included (``tests/core/test_jsonout.py`` compares both).
"""

from __future__ import annotations

import json
from typing import Iterable, Iterator

from .engine import Occurrence

#: as_dict's keys before the dates, and after ``night`` (the order is the JSON's).
_HEAD = ("id", "tradition", "community", "name")
_TAIL = ("category", "statutory", "school")


def _fragments(occ: Occurrence, lang: str, state: str | None, school: bool) -> tuple[str, str, str]:
    """(head, night, tail): the encoded parts that are the same in every occurrence of a holiday."""
    fields = occ.as_dict(lang, state, school=school)
    head = json.dumps({k: fields[k] for k in _HEAD}, ensure_ascii=False)[:-1]
    tail = json.dumps({k: fields[k] for k in _TAIL if k in fields}, ensure_ascii=False)[1:]
    return head, json.dumps(fields["night"]), tail


def json_objects(occurrences: Iterable[Occurrence], lang: str = "de", state: str | None = None,
                 school: bool = True) -> Iterator[str]:
    """Each occurrence as the JSON text of ``occ.as_dict(lang, state, school=school)``."""
    parts: dict[object, tuple[str, str, str]] = {}
    for occ in occurrences:
        key = id(occ.holiday)  # the holidays outlive this loop, so their ids stay unique
        if occ.statutory:  # statutory in a Land: ``statutory`` and the Land's leave rule differ
            key = (key, occ.statutory, occ.statutory_days, occ.end - occ.start)
        found = parts.get(key)
        if found is None:
            found = parts[key] = _fragments(occ, lang, state, school)
        head, night, tail = found
        eve = f'"{occ.eve.isoformat()}"' if occ.eve is not None else "null"
        estimated = "true" if occ.estimated else "false"
        yield (f'{head}, "start": "{occ.start.isoformat()}", "end": "{occ.end.isoformat()}", '
               f'"eve": {eve}, "night": {night}, "estimated": {estimated}, {tail}')
