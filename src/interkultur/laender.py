"""The German Länder: one table (``data/laender.yaml``) and one resolver for every caller.

People write a Land as ``NW``, ``DE-NW``, ``nw``, ``NRW`` or ``Nordrhein-Westfalen``;
the CLI, the API, the pages, the catalogue and the response cache all call
``resolve`` and continue with the canonical code (``NW``), so answers echo it and
caches key on it. The table is data so that a name or an abbreviation is fixed
without touching code; it is read once, at import (sixteen rows; from the disk cache,
``diskcache``, when the file is unchanged: PyYAML then is not even imported).
"""

from __future__ import annotations

import re
from pathlib import Path

from .diskcache import cached_file
from .records import record

#: Shipped beside holidays.yaml (``interkultur/data`` is a symlink to the top-level ``data/``).
PATH = Path(__file__).resolve().parent / "data" / "laender.yaml"
_KEYS = frozenset({"code", "iso", "de", "en", "aliases"})
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_IGNORED = re.compile(r"[\s\-‐‑–—_.]+")
#: Longer input is never a Land; it is not even normalised.
MAX_INPUT = 64


class UnknownLand(ValueError):
    """Not a Land; the message lists the codes (and never echoes long input)."""


@record
class Land:
    """One row of the table."""

    code: str
    iso: str
    de: str
    en: str
    aliases: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        """German name for ``de``, English otherwise (other languages translate the English one)."""
        return self.de if lang.split("-")[0] == "de" else self.en


def key(text: str) -> str:
    """The form names are compared in: case, spaces, hyphens, dots and umlaut spelling do not matter."""
    return _IGNORED.sub("", text.casefold()).translate(_UMLAUTS)


def _read(path: Path) -> tuple[Land, ...]:
    import yaml  # only when the table is not in the disk cache (``diskcache``)

    with path.open(encoding="utf-8") as fp:
        document = yaml.safe_load(fp)
    rows = document["laender"] if isinstance(document, dict) else None
    if not isinstance(rows, list) or not rows:
        raise ValueError(f"{path}: expected a list under 'laender'")
    out = []
    for row in rows:
        if not isinstance(row, dict) or set(row) != _KEYS:
            raise ValueError(f"{path}: every Land needs exactly {sorted(_KEYS)}: {row!r}")
        land = Land(
            str(row["code"]),
            str(row["iso"]),
            str(row["de"]),
            str(row["en"]),
            tuple(str(a) for a in row["aliases"] or ()),
        )
        if land.iso != f"DE-{land.code}":
            raise ValueError(f"{path}: {land.code}: ISO code {land.iso!r} is not DE-{land.code}")
        out.append(land)
    return tuple(out)


def _index(table: tuple[Land, ...]) -> dict[str, str]:
    """Every accepted spelling (as ``key``) -> code; a spelling naming two Länder is an error."""
    index: dict[str, str] = {}
    for land in table:
        for spelling in (land.code, land.iso, land.de, land.en, *land.aliases):
            k = key(spelling)
            if index.setdefault(k, land.code) != land.code:
                raise ValueError(f"{PATH}: {spelling!r} names both {index[k]} and {land.code}")
    return index


TABLE: tuple[Land, ...] = cached_file("laender", PATH, lambda: _read(PATH))
#: The codes in table order (the order of data/laender.yaml).
CODES: tuple[str, ...] = tuple(land.code for land in TABLE)
BY_CODE: dict[str, Land] = {land.code: land for land in TABLE}
_INDEX = _index(TABLE)


def resolve(text: str | None) -> str | None:
    """``NW``, ``DE-NW``, ``nw``, ``NRW``, ``Nordrhein-Westfalen`` -> ``NW``; None for anything else."""
    if not isinstance(text, str) or len(text) > MAX_INPUT:
        return None
    return _INDEX.get(key(text))


def require(text: str) -> str:
    """``resolve`` that raises UnknownLand (a ValueError) naming the accepted forms."""
    code = resolve(text)
    if code is None:
        shown = text if isinstance(text, str) and len(text) <= 20 else f"{str(text)[:20]}…"
        raise UnknownLand(
            f"unknown Land {shown!r}; allowed: {', '.join(CODES)} "
            "(or DE-XX, or the Land's name, such as Nordrhein-Westfalen or NRW)"
        )
    return code


def name(code: str, lang: str = "de") -> str:
    """The Land's German or English name (``Land.name``); the code itself when unknown."""
    land = BY_CODE.get(code)
    return land.name(lang) if land else code
