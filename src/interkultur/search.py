"""Finding a holiday by any of its names, in any language: ``/search`` and ``/api/v1/search``.

A resident types what they call the day: "bayrami" must find "Ramazan Bayramı",
"pessach" Pesach, "newroz" the Kurdish New Year, "ראש השנה" Rosh Hashanah. So
every name of a holiday (each language of the catalogue and its overlays, and
the native names in the community's script) is folded the same way as the
query: Unicode compatibility decomposition, combining marks removed, case
folded (``ı`` and ``İ`` become ``i``, ``ß`` becomes ``ss``). Results rank an exact
name first, then a name that starts with the query, then a word that does,
then any name containing it; within a rank major feasts first, then the shortest matching name
("bayrami": Kurban Bayramı and Ramazan Bayramı before Ortodoks Göğe Yükseliş Bayramı).
"""

from __future__ import annotations

import re
import unicodedata

from .catalog import Catalogue, Holiday
from .records import record

#: Longer queries are refused (400): no name is that long, and folding them costs.
MAX_QUERY = 100
_SPACES = re.compile(r"[\s\-‐‑–—_'’.,()/]+")
_EXTRA = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ʿ": "", "ʾ": ""})


def fold(text: str) -> str:
    """The form names and queries are compared in ("Ramazan Bayramı" -> "ramazan bayrami")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold().translate(_EXTRA)).strip()


@record
class Hit:
    holiday: Holiday
    rank: tuple[int, int, int, int]
    matched: str


_Index = tuple[tuple[Holiday, tuple[tuple[str, str], ...]], ...]
#: id(catalogue) -> (catalogue, its index); a process serves one catalogue or a few (tests).
_INDEXES: dict[int, tuple[Catalogue, _Index]] = {}


def _index(catalogue: Catalogue) -> _Index:
    """Every holiday with its folded names (and the original of each), built once per catalogue."""
    found = _INDEXES.get(id(catalogue))
    if found is not None and found[0] is catalogue:
        return found[1]
    if len(_INDEXES) > 8:
        _INDEXES.clear()
    out = []
    for holiday in catalogue.holidays:
        names = {fold(text): text for text in (*holiday.names.values(), *holiday.native.values()) if text}
        names.setdefault(fold(holiday.id.replace("-", " ")), holiday.id)
        out.append((holiday, tuple(names.items())))
    index = tuple(out)
    _INDEXES[id(catalogue)] = (catalogue, index)
    return index


def _rank(query: str, name: str) -> int | None:
    if name == query:
        return 0
    if name.startswith(query):
        return 1
    if f" {query}" in f" {name}":
        return 2
    if query in name:
        return 3
    return None


def search(catalogue: Catalogue, text: str, limit: int = 20) -> list[Hit]:
    """The holidays whose names match ``text``, best first; ``text`` must be 1..MAX_QUERY characters."""
    query = fold(text)
    if not query:
        return []
    hits: list[Hit] = []
    for order, (holiday, names) in enumerate(_index(catalogue)):
        best: tuple[int, int, str] | None = None
        for folded, original in names:
            rank = _rank(query, folded)
            if rank is not None and (best is None or (rank, len(folded)) < best[:2]):
                best = (rank, len(folded), original)
        if best is not None:
            major = 0 if holiday.category == "major" else 1
            hits.append(Hit(holiday, (best[0], major, best[1], order), best[2]))
    hits.sort(key=lambda hit: hit.rank)
    return hits[:limit]
